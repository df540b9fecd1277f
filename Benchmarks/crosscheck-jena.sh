#!/usr/bin/env bash
# Cross-check: every Turtle / TriG / N-Triples / N-Quads / RDF/XML file under the samples
# directory must parse to the same graph in Samsvar as in Apache Jena's `riot`, and the files
# known to be broken must be rejected by Samsvar at the right line:column.  See
# Benchmarks/README.md ("Cross-check against Jena").
#
#   bash Benchmarks/crosscheck-jena.sh [--samples DIR] [--samsvar PATH] [--jobs N]
#                                      [--show N] [--keep DIR] [--no-build]
#
# For each *.ttl *.trig *.nt *.nq *.rdf *.owl, and *.xml whose root element is rdf:RDF, riot
# writes N-Quads (base IRI = the file's file:// URI, Samsvar's default) and
# `samsvar compare FILE riot.nq` decides.  One line per file:
#   same N | known-broken | DIFFERENT | both reject | samsvar rejects | jena rejects | skipped
# then the summary
#   N files: same X, known-broken Y (rejected at the right place), different Z, unexpected failures W
# Exit status: 0 all good, 1 Z+W > 0, 2 usage error or a missing tool.

set -uo pipefail
export LC_ALL=C

HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
ROOT=$(dirname "$HERE")
SAMPLES=/work/shared/samples
SAMSVAR_BIN=${SAMSVAR:-}
JOBS=$(nproc 2>/dev/null || echo 2)
SHOW=5
KEEP=
BUILD=1
JENA_CLASSPATH_SH=${JENA_CLASSPATH_SH:-/work/shared/tools/jena-classpath.sh}

usage() { sed -n '7,8p' "${BASH_SOURCE[0]}" | sed 's/^# //'; }
while [ $# -gt 0 ]; do
    case "$1" in
        --samples) SAMPLES=${2:?}; shift 2 ;;
        --samples=*) SAMPLES=${1#*=}; shift ;;
        --samsvar) SAMSVAR_BIN=${2:?}; shift 2 ;;
        --samsvar=*) SAMSVAR_BIN=${1#*=}; shift ;;
        --jobs) JOBS=${2:?}; shift 2 ;;
        --jobs=*) JOBS=${1#*=}; shift ;;
        --show) SHOW=${2:?}; shift 2 ;;
        --show=*) SHOW=${1#*=}; shift ;;
        --keep) KEEP=${2:?}; shift 2 ;;
        --keep=*) KEEP=${1#*=}; shift ;;
        --no-build) BUILD=0; shift ;;
        -h|--help) usage; exit 0 ;;
        *) echo "crosscheck-jena: unknown argument: $1" >&2; usage >&2; exit 2 ;;
    esac
done
[[ "$JOBS" =~ ^[1-9][0-9]*$ ]] || { echo "crosscheck-jena: --jobs must be a positive integer" >&2; exit 2; }
[[ "$SHOW" =~ ^[0-9]+$ ]] || { echo "crosscheck-jena: --show must be a number" >&2; exit 2; }
[ -d "$SAMPLES" ] || { echo "crosscheck-jena: no samples directory: $SAMPLES" >&2; exit 2; }
SAMPLES=$(cd "$SAMPLES" && pwd)

# -------------------------------------------------------------------------------------------
# Files that are broken on purpose or by accident upstream (see ../shared/samples/README.md).
# Samsvar must reject each one at LINE:COLUMN (1-based; the column counts characters, as Jena
# and Samsvar both do).  Path relative to the samples directory | expected line:column | reason.
KNOWN_BROKEN=$(cat <<'EOF'
specs/eu-dcat-ap/3.0.0-examples/example-bee-population-dataset-series-api.ttl|20:31|'/' in a prefixed name: `example-dist:BeePopulation2023/biojson` (PN_LOCAL allows '/' only escaped as `\/`)
specs/eu-dcat-ap/3.0.0-examples/example-bee-population-dataset-series-combined.ttl|32:31|'/' in a prefixed name: `example-dist:BeePopulation2023/biojson` (PN_LOCAL allows '/' only escaped as `\/`)
specs/eu-dcat-ap/3.0.0-hvd-examples/example-bees_wasps_dataset.ttl|2:1|missing '.': the `@prefix :` directive on line 1 is not terminated, the next `@prefix` follows
fdk-samples/concept-harvester/harvest_error_response.ttl|11:5|prefix `rdfs:` used but never declared (an error fixture of the concept harvester)
fdk-samples/dataset-harvester/harvest_response_error.ttl|6:85|space inside an IRI `<…/in-iri/err or.yaml>`, at the space (Jena reports the column after it)
fdk-samples/dataset-harvester/all_datasets.ttl|62:9|subject IRI on line 59 with no predicate: the IRI on line 61 is read as predicate and `a` cannot be an object
EOF
)

# -------------------------------------------------------------------------------------------
# Tools.
command -v java >/dev/null || { echo "crosscheck-jena: java not found (apt install libapache-jena-java)" >&2; exit 2; }
[ -x "$JENA_CLASSPATH_SH" ] || { echo "crosscheck-jena: $JENA_CLASSPATH_SH not found" >&2; exit 2; }
JENA_CP=$("$JENA_CLASSPATH_SH") || { echo "crosscheck-jena: $JENA_CLASSPATH_SH failed" >&2; exit 2; }
command -v python3 >/dev/null || { echo "crosscheck-jena: python3 not found" >&2; exit 2; }

if [ -z "$SAMSVAR_BIN" ]; then
    if [ "$BUILD" = 1 ]; then
        # Debug build: the cross-check is about correctness, and the incremental build is quick.
        echo "crosscheck-jena: building samsvar (swift build --product samsvar) ..." >&2
        if ! (cd "$ROOT" && swift build --product samsvar) > "${TMPDIR:-/tmp}/crosscheck-jena-build.log" 2>&1; then
            echo "crosscheck-jena: swift build failed (log: ${TMPDIR:-/tmp}/crosscheck-jena-build.log)" >&2
            tail -20 "${TMPDIR:-/tmp}/crosscheck-jena-build.log" >&2
            exit 2
        fi
    fi
    SAMSVAR_BIN="$(cd "$ROOT" && swift build --product samsvar --show-bin-path)/samsvar"
fi
[ -x "$SAMSVAR_BIN" ] || { echo "crosscheck-jena: samsvar binary not found: $SAMSVAR_BIN" >&2; exit 2; }

TMP=$(mktemp -d "${TMPDIR:-/tmp}/crosscheck-jena.XXXXXX")
trap 'rm -rf "$TMP"' EXIT
OUT=${KEEP:-$TMP/out}
mkdir -p "$OUT" "$TMP/res"
export SAMPLES SAMSVAR_BIN JENA_CP SHOW OUT KNOWN_BROKEN TMP

# -------------------------------------------------------------------------------------------
# check_one INDEX PATH: writes $TMP/res/INDEX:
#   line 1: category  (same | known | different | unexpected | skipped)
#   line 2: the line to print for the file;  further lines: details (already indented)
check_one() {
    local idx=$1 file=$2
    local rel=${file#"$SAMPLES"/}
    local res="$TMP/res/$idx" work="$OUT/$idx"
    mkdir -p "$work"

    # RDF-looking XML only: root element rdf:RDF.  .rdf/.owl are always RDF/XML.
    case "$file" in
        *.xml)
            local root
            root=$(python3 - "$file" <<'PY'
import sys, xml.parsers.expat
p = xml.parsers.expat.ParserCreate(namespace_separator=" ")
class Done(Exception): pass
def start(name, attrs):
    raise Done(name)
p.StartElementHandler = start
try:
    with open(sys.argv[1], "rb") as f:
        p.ParseFile(f)
    print("(no root element)")
except Done as d:
    ns, _, local = d.args[0].rpartition(" ")
    print("{%s}%s" % (ns, local) if ns else local)
except Exception as e:
    print("(not well-formed XML: %s)" % e)
PY
)
            if [ "$root" != "{http://www.w3.org/1999/02/22-rdf-syntax-ns#}RDF" ]; then
                printf 'skipped\n%-18s %s  (XML, root element %s, not rdf:RDF)\n' "skipped" "$rel" "$root" > "$res"
                return
            fi ;;
    esac

    # Base IRI: the file's absolute file:// URI, percent-encoded as Foundation's
    # URL(fileURLWithPath:) does for ordinary paths (what samsvar uses without --base).
    local base
    base=$(python3 -c 'import sys, urllib.parse; print("file://" + urllib.parse.quote(sys.argv[1], safe="/-._~!$&'"'"'()*+,;=:@"))' "$file")

    local expected="" reason=""
    local line
    line=$(printf '%s\n' "$KNOWN_BROKEN" | awk -F'|' -v p="$rel" '$1 == p { print; exit }')
    if [ -n "$line" ]; then
        expected=$(printf '%s' "$line" | cut -d'|' -f2)
        reason=$(printf '%s' "$line" | cut -d'|' -f3-)
    fi

    # Jena.
    local jrc=0
    java -Djdk.xml.entityExpansionLimit=0 -cp "$JENA_CP" riotcmd.riot --base="$base" --output nquads "$file" \
        > "$work/jena.nq" 2> "$work/jena.err" || jrc=$?
    # riot exits 1 after mere warnings (e.g. an ill-typed literal such as ""^^xsd:date, which
    # RDF 1.1 allows); it has rejected the file only if it logged an ERROR or an exception.
    local jpos jmsg jok=1
    jmsg=$(grep -m1 -E '(^|[] ])(ERROR|FATAL) |Exception' "$work/jena.err")
    if [ -n "$jmsg" ] || { [ "$jrc" != 0 ] && ! grep -q ' WARN ' "$work/jena.err"; }; then jok=0; fi
    [ -z "$jmsg" ] && [ "$jok" = 0 ] && jmsg=$(grep -m1 -v '^\s*$' "$work/jena.err")
    [ -z "$jmsg" ] && [ "$jok" = 0 ] && jmsg="riot exited with status $jrc and no message"
    jmsg=$(printf '%s' "$jmsg" | sed -E 's/^\[main\] //; s/org\.apache\.jena\.//')
    jpos=$(printf '%s' "$jmsg" | grep -oE 'line: *[0-9]+, *col: *[0-9]+' | head -1 | sed -E 's/line: *([0-9]+), *col: *([0-9]+)/\1:\2/')
    local jwarn
    jwarn=$(grep -c ' WARN ' "$work/jena.err")

    # Samsvar.
    local src spos smsg
    if [ "$jok" = 1 ]; then
        src=0
        "$SAMSVAR_BIN" compare --show "$SHOW" "$file" "$work/jena.nq" > "$work/samsvar.out" 2> "$work/samsvar.err" || src=$?
    else
        src=0
        "$SAMSVAR_BIN" count "$file" > "$work/samsvar.out" 2> "$work/samsvar.err" || src=$?
    fi
    smsg=$(grep -m1 -E ': error: ' "$work/samsvar.err")
    [ -z "$smsg" ] && smsg=$(grep -m1 -v '^\s*$' "$work/samsvar.err")
    smsg=${smsg#"$file":}
    spos=$(printf '%s' "$smsg" | grep -oE '^[0-9]+:[0-9]+' | head -1)

    local warnnote=""
    [ "$jwarn" -gt 0 ] && warnnote="  (jena: $jwarn warning(s))"

    {
        if [ -n "$expected" ]; then
            # Known broken: samsvar must reject at the expected place.
            if [ "$jok" = 1 ] && [ "$src" = 0 ]; then
                printf 'unexpected\n%-18s %s  (known broken at %s, but both accept it)\n' "both accept" "$rel" "$expected"
            elif [ "$src" != 2 ]; then
                printf 'unexpected\n%-18s %s  (known broken at %s: %s)\n' "samsvar accepts" "$rel" "$expected" "$reason"
                [ -n "$jmsg" ] && printf '    jena: %s\n' "$jmsg"
            elif [ "$spos" = "$expected" ]; then
                local agree="jena agrees"
                if [ "$jok" = 1 ]; then agree="jena ACCEPTS it"
                elif [ "$jpos" != "$expected" ]; then agree="jena says ${jpos:-(no position)}"; fi
                printf 'known\n%-18s %s  samsvar %s, %s  (%s)\n' "known-broken ok" "$rel" "$spos" "$agree" "$reason"
                printf '    samsvar: %s\n' "$smsg"
                [ -n "$jmsg" ] && printf '    jena: %s\n' "$jmsg"
            else
                printf 'unexpected\n%-18s %s  samsvar %s, expected %s, jena %s  (%s)\n' "wrong position" "$rel" "${spos:-?}" "$expected" "${jpos:-?}" "$reason"
                printf '    samsvar: %s\n' "$smsg"
                [ -n "$jmsg" ] && printf '    jena: %s\n' "$jmsg"
            fi
        elif [ "$jok" = 1 ]; then
            case "$src" in
                0) local n
                   n=$(grep -oE '[0-9]+ statements' "$work/samsvar.out" | head -1 | cut -d' ' -f1)
                   printf 'same\n%-18s %s%s\n' "same ${n:-?}" "$rel" "$warnnote" ;;
                1) printf 'different\n%-18s %s%s\n' "DIFFERENT" "$rel" "$warnnote"
                   sed 's/^/    /' "$work/samsvar.out" | head -n $((SHOW * 2 + 6)) ;;
                *) if grep -q "$work/jena.nq" "$work/samsvar.err"; then
                       printf 'unexpected\n%-18s %s  samsvar cannot read riot'"'"'s N-Quads\n' "samsvar rejects" "$rel"
                       printf '    samsvar: %s\n' "$(grep -m1 -v '^\s*$' "$work/samsvar.err")"
                   else
                       printf 'unexpected\n%-18s %s  samsvar %s, jena accepts\n' "samsvar rejects" "$rel" "${spos:-?}"
                       printf '    samsvar: %s\n' "$smsg"
                   fi ;;
            esac
        else
            if [ "$src" = 0 ]; then
                printf 'unexpected\n%-18s %s  jena %s, samsvar accepts (%s)\n' "jena rejects" "$rel" "${jpos:-?}" "$(head -1 "$work/samsvar.out")"
                printf '    jena: %s\n' "$jmsg"
            else
                printf 'unexpected\n%-18s %s  samsvar %s, jena %s  (not in the known-broken list)\n' "both reject" "$rel" "${spos:-?}" "${jpos:-?}"
                printf '    samsvar: %s\n' "$smsg"
                printf '    jena: %s\n' "$jmsg"
            fi
        fi
    } > "$res"
}
export -f check_one

# -------------------------------------------------------------------------------------------
# Collect the files (sorted, NUL-separated) and run the checks, JOBS at a time.
find "$SAMPLES" -type f \( -name '*.ttl' -o -name '*.trig' -o -name '*.nt' -o -name '*.nq' \
        -o -name '*.rdf' -o -name '*.owl' -o -name '*.xml' \) -print0 | sort -z > "$TMP/files"
TOTAL=$(tr -cd '\0' < "$TMP/files" | wc -c)
[ "$TOTAL" -gt 0 ] || { echo "crosscheck-jena: no RDF files under $SAMPLES" >&2; exit 2; }
echo "crosscheck-jena: $TOTAL candidate files under $SAMPLES, samsvar = $SAMSVAR_BIN, $JOBS jobs" >&2

i=0
while IFS= read -r -d '' f; do
    i=$((i + 1))
    printf '%05d\0%s\0' "$i" "$f"
done < "$TMP/files" | xargs -0 -n 2 -P "$JOBS" bash -c 'check_one "$1" "$2"' _

# Listed known-broken files that are missing are worth a word (the list went stale, or
# --samples points somewhere else).
missing=0 listed=0
while IFS='|' read -r p _; do
    [ -n "$p" ] || continue
    listed=$((listed + 1))
    if [ ! -f "$SAMPLES/$p" ]; then
        missing=$((missing + 1))
        [ "$SAMPLES" = /work/shared/samples ] && echo "crosscheck-jena: note: known-broken file not found: $p" >&2
    fi
done <<< "$KNOWN_BROKEN"
[ "$missing" -gt 0 ] && echo "crosscheck-jena: note: $missing of the $listed known-broken files are not under $SAMPLES" >&2

same=0 known=0 different=0 unexpected=0 skipped=0
for r in "$TMP"/res/*; do
    cat_=$(head -1 "$r")
    tail -n +2 "$r"
    case "$cat_" in
        same) same=$((same + 1)) ;;
        known) known=$((known + 1)) ;;
        different) different=$((different + 1)) ;;
        skipped) skipped=$((skipped + 1)) ;;
        *) unexpected=$((unexpected + 1)) ;;
    esac
done
n=$((same + known + different + unexpected))
[ "$skipped" -gt 0 ] && echo "($skipped non-RDF XML file(s) skipped, not counted below)"
echo "$n files: same $same, known-broken $known (rejected at the right place), different $different, unexpected failures $unexpected"
[ -n "$KEEP" ] && echo "(riot output and logs per file kept in $KEEP/<index>/)" >&2
[ $((different + unexpected)) -eq 0 ]
