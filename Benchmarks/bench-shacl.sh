#!/usr/bin/env bash
# SHACL benchmark: `samsvar validate` against Apache Jena SHACL and pySHACL, validating the same
# generated DCAT-AP-NO catalogue (Turtle) against the dcat-ap-no profile, in one run.
# See Benchmarks/README.md.
#
#   bash Benchmarks/bench-shacl.sh [--datasets N] [--profile NAME] [--runs R] [--no-build]
#
# Every tool is timed R times (default 3), wall clock including process start-up, parsing the
# data and the profile's background files, validating and writing the report, and the best
# run is reported; pySHACL is run once only when its first run takes more than 30 s.
# ratio = peer seconds / samsvar seconds, so > 1 means Samsvar is faster.  Each tool's number
# of results and verdict are printed; the script exits 1 if a tool fails or the numbers of
# results differ.  SAMSVAR=path times another binary (no build).

set -uo pipefail
if [ -z "${EPOCHREALTIME:-}" ]; then  # bash 5 (macOS: brew install bash)
    echo "bench-shacl: needs bash 5 or later (\$EPOCHREALTIME)" >&2; exit 2
fi
export LC_ALL=C  # '.' as the decimal point in $EPOCHREALTIME and printf

HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
ROOT=$(dirname "$HERE")
DATA="$HERE/data"
VOCAB="$ROOT/Vocabularies"
PEER_PYTHON=${PEER_PYTHON:-/opt/rdfpeers/bin/python}
JENA_CLASSPATH_SH=${JENA_CLASSPATH_SH:-/work/shared/tools/jena-classpath.sh}
INSTALL_HINT="not installed (run ../shared/tools/install-peers.sh)"
PYSHACL_ONCE_AFTER=30  # seconds

DATASETS=20000
PROFILE=dcat-ap-no
RUNS=3
BUILD=1

usage() { sed -n '6p' "${BASH_SOURCE[0]}" | sed 's/^# //'; }
while [ $# -gt 0 ]; do
    case "$1" in
        --datasets) DATASETS=${2:?}; shift 2 ;;
        --datasets=*) DATASETS=${1#*=}; shift ;;
        --profile) PROFILE=${2:?}; shift 2 ;;
        --profile=*) PROFILE=${1#*=}; shift ;;
        --runs) RUNS=${2:?}; shift 2 ;;
        --runs=*) RUNS=${1#*=}; shift ;;
        --no-build) BUILD=0; shift ;;
        -h|--help) usage; exit 0 ;;
        *) echo "bench-shacl: unknown argument: $1" >&2; usage >&2; exit 2 ;;
    esac
done
[[ "$DATASETS" =~ ^[1-9][0-9]*$ ]] || { echo "bench-shacl: --datasets must be a positive integer" >&2; exit 2; }
[[ "$RUNS" =~ ^[1-9][0-9]*$ ]] || { echo "bench-shacl: --runs must be a positive integer" >&2; exit 2; }
[ -d "$VOCAB/profiles/$PROFILE/shapes" ] && [ -f "$VOCAB/profiles/$PROFILE/background.txt" ] \
    || { echo "bench-shacl: no profile $PROFILE in Vocabularies/profiles/" >&2; exit 2; }

mkdir -p "$DATA"
TMP=$(mktemp -d "${TMPDIR:-/tmp}/bench-shacl.XXXXXX")
trap 'rm -rf "$TMP"' EXIT

# ---------------------------------------------------------------------------------------------
# 1. Build Samsvar (release).  A failed build is reported and Samsvar is skipped: a stale
#    binary from an earlier build would give misleading figures.

SAMSVAR=${SAMSVAR:-$ROOT/.build/release/samsvar}  # override to time another build
SAMSVAR_NOTE=""
if [ "$BUILD" = 1 ] && [ "$SAMSVAR" = "$ROOT/.build/release/samsvar" ]; then
    echo "building samsvar (swift build -c release --product samsvar) ..."
    if ! (cd "$ROOT" && swift build -c release --product samsvar) >"$DATA/build.log" 2>&1; then
        SAMSVAR_NOTE="build failed (see Benchmarks/data/build.log)"
        echo "  $SAMSVAR_NOTE"
    fi
fi
if [ -z "$SAMSVAR_NOTE" ] && [ ! -x "$SAMSVAR" ]; then
    SAMSVAR_NOTE="not built ($SAMSVAR missing)"
fi
if [ -z "$SAMSVAR_NOTE" ]; then
    SAMSVAR=$(cd "$(dirname "$SAMSVAR")" && pwd)/$(basename "$SAMSVAR")  # it runs from $ROOT
    # The subcommand list: ArgumentParser answers `samsvar validate --help` with the top-level
    # help (exit 0) when there is no such subcommand.
    "$SAMSVAR" --help 2>/dev/null | grep -qE '^[[:space:]]+validate([[:space:]]|$)' \
        || SAMSVAR_NOTE="no validate command in $SAMSVAR"
fi

# ---------------------------------------------------------------------------------------------
# 2. The data file, as bench-parse.sh makes it (Benchmarks/data/, gitignored, regenerated when
#    the generator is newer), and the profile's shapes and background.

FILE="$DATA/catalog-$DATASETS.ttl"
COUNT_FILE="$FILE.count"
if [ ! -s "$FILE" ] || [ ! -s "$COUNT_FILE" ] || [ "$HERE/generate-catalog.py" -nt "$FILE" ]; then
    echo "generating $FILE ..."
    if ! python3 "$HERE/generate-catalog.py" --datasets "$DATASETS" --format turtle \
            -o "$FILE.tmp" 2>"$TMP/gen.err"; then
        cat "$TMP/gen.err" >&2; rm -f "$FILE.tmp"; exit 1
    fi
    grep -oE '[0-9]+ triples' "$TMP/gen.err" | grep -oE '[0-9]+' >"$COUNT_FILE.tmp"
    mv "$FILE.tmp" "$FILE" && mv "$COUNT_FILE.tmp" "$COUNT_FILE"
fi
TRIPLES=$(cat "$COUNT_FILE")

ls "$VOCAB/profiles/$PROFILE/shapes/"*.ttl > "$TMP/shapes"
grep -v '^[[:space:]]*#' "$VOCAB/profiles/$PROFILE/background.txt" | sed 's/[[:space:]]*$//' \
    | grep -v '^$' | sed "s|^|$VOCAB/|" > "$TMP/background"
BG_TRIPLES=0

# ---------------------------------------------------------------------------------------------
# 3. Timing helpers.

# best_of STDOUT_DEST CMD...: run CMD $RUNS times (once if $ONCE_AFTER is set and the first run
# took longer); sets BEST (seconds), TAKEN (runs), RC (of a failing run, else 0; exit 1 means
# "results found" for samsvar and is not a failure there, see OK_RC).
best_of() {
    local dest=$1; shift
    local i t0 t1 dt rc
    BEST=""; RC=0; TAKEN=0
    for ((i = 0; i < RUNS; i++)); do
        t0=$EPOCHREALTIME
        "$@" >"$dest" 2>"$TMP/err"; rc=$?
        t1=$EPOCHREALTIME
        case " ${OK_RC:-0} " in *" $rc "*) ;; *) RC=$rc; return ;; esac
        TAKEN=$((TAKEN + 1))
        dt=$(awk -v a="$t0" -v b="$t1" 'BEGIN { printf "%.2f", b - a }')
        if [ -z "$BEST" ] || awk -v x="$dt" -v y="$BEST" 'BEGIN { exit !(x < y) }'; then BEST=$dt; fi
        if [ -n "${ONCE_AFTER:-}" ] && awk -v x="$dt" -v y="$ONCE_AFTER" 'BEGIN { exit !(x > y) }'; then return; fi
    done
}

ROWS=()          # "tool|seconds|runs|results|conforms|note"
FAILED=0
row() { ROWS+=("$1|$2|$3|$4|$5|$6"); }
first_err() { grep -v '^\s*$' "$TMP/err" | grep -v '^\[main\] INFO' | head -c 300 | head -n 2 | tr '\n' ' '; }

# Counting the results of a report: only the report's sh:result (pySHACL also types the nested
# results under sh:detail as sh:ValidationResult).
cat > "$TMP/count.py" <<'PY'
import json, sys
kind, path = sys.argv[1], sys.argv[2]
if kind == "json":
    doc = json.load(open(path, encoding="utf-8"))
    print(len(doc.get("results", [])), str(doc.get("conforms")).lower())
else:
    import rdflib
    from rdflib.namespace import SH
    g = rdflib.Graph(); g.parse(path, format="turtle")
    n = sum(1 for _ in g.objects(None, SH.result))
    print(n, "true" if n == 0 else "false")
PY

# pySHACL: data graph = data + background, shapes graph = the shapes, no inference; writes the
# report (Turtle) to argv[1].
cat > "$TMP/pyshacl_validate.py" <<'PY'
import sys
import rdflib
from pyshacl import validate
def fmt(p):
    return "turtle" if p.endswith(".ttl") else ("nt" if p.endswith(".nt") else "xml")
report_path, data_path, shapes_list, background_list = sys.argv[1:5]
data = rdflib.Graph()
data.parse(data_path, format=fmt(data_path))
for f in open(background_list).read().split():
    data.parse(f, format=fmt(f))
shapes = rdflib.Graph()
for f in open(shapes_list).read().split():
    shapes.parse(f, format=fmt(f))
conforms, report, _ = validate(data, shacl_graph=shapes, inference="none", advanced=False,
                               meta_shacl=False, allow_warnings=False)
report.serialize(report_path, format="turtle")
PY

# ---------------------------------------------------------------------------------------------
# 4. The tools.

echo "timing: best of $RUNS wall-clock runs each (pySHACL once if a run takes more than ${PYSHACL_ONCE_AFTER} s) ..."

# Samsvar: loads the profile's shapes and background itself (run from the repository root).
if [ -n "$SAMSVAR_NOTE" ]; then
    row samsvar - - - - "$SAMSVAR_NOTE"
else
    OK_RC="0 1" best_of "$TMP/samsvar.out" \
        bash -c 'cd "$1" && exec "$2" validate "$3" --profile "$4" --report json -o "$5"' _ \
        "$ROOT" "$SAMSVAR" "$FILE" "$PROFILE" "$TMP/samsvar.json"
    if [ "$RC" != 0 ]; then
        row samsvar - - - - "failed (exit $RC): $(first_err)"; FAILED=1
    elif ! read -r n c < <(python3 "$TMP/count.py" json "$TMP/samsvar.json" 2>"$TMP/err"); then
        row samsvar "$BEST" "$TAKEN" - - "no JSON report: $(first_err)"; FAILED=1
    else
        row samsvar "$BEST" "$TAKEN" "$n" "$c" "validate --profile $PROFILE --report json"
    fi
fi

# Jena SHACL (Debian's Jena 4.5): `shacl validate`, data = the background (N-Triples, made
# once here, untimed) followed by the catalogue (N-Triples is Turtle, so the two make one
# Turtle file), shapes = the shapes as N-Triples.
if ! command -v java >/dev/null 2>&1 || [ ! -x "$JENA_CLASSPATH_SH" ]; then
    row "jena shacl" - - - - "$INSTALL_HINT"
else
    JENA_CP=$("$JENA_CLASSPATH_SH")
    # shellcheck disable=SC2046
    java -Djdk.xml.entityExpansionLimit=0 -cp "$JENA_CP" riotcmd.riot --output nt $(cat "$TMP/shapes") \
        > "$TMP/shapes.nt" 2>"$TMP/err"
    : > "$TMP/union.ttl"
    if [ -s "$TMP/background" ]; then
        # shellcheck disable=SC2046
        java -Djdk.xml.entityExpansionLimit=0 -cp "$JENA_CP" riotcmd.riot --output nt $(cat "$TMP/background") \
            > "$TMP/union.ttl" 2>>"$TMP/err"
    fi
    BG_TRIPLES=$(wc -l < "$TMP/union.ttl")
    printf '\n@base <%s> .\n' "file://$FILE" >> "$TMP/union.ttl"
    cat "$FILE" >> "$TMP/union.ttl"
    best_of "$TMP/jena.ttl" java -cp "$JENA_CP" shacl.shacl validate --shapes "$TMP/shapes.nt" --data "$TMP/union.ttl"
    if [ "$RC" != 0 ]; then
        row "jena shacl" - - - - "failed (exit $RC): $(first_err)"; FAILED=1
    elif ! read -r n c < <("$PEER_PYTHON" "$TMP/count.py" turtle "$TMP/jena.ttl" 2>"$TMP/err"); then
        row "jena shacl" "$BEST" "$TAKEN" - - "unreadable report: $(first_err)"; FAILED=1
    else
        row "jena shacl" "$BEST" "$TAKEN" "$n" "$c" "Jena $(find /usr/share/java -maxdepth 1 -name 'jena-shacl-*.jar' 2>/dev/null | sed -n 's|.*/jena-shacl-\(.*\)\.jar$|\1|p' | head -n 1)"
    fi
    rm -f "$TMP/union.ttl"
fi

# pySHACL (Python, rdflib): time includes interpreter start-up, import and rdflib parsing.
if [ ! -x "$PEER_PYTHON" ] || ! "$PEER_PYTHON" -c 'import pyshacl' >/dev/null 2>&1; then
    row pyshacl - - - - "$INSTALL_HINT"
else
    ONCE_AFTER=$PYSHACL_ONCE_AFTER best_of /dev/null "$PEER_PYTHON" "$TMP/pyshacl_validate.py" \
        "$TMP/pyshacl.ttl" "$FILE" "$TMP/shapes" "$TMP/background"
    if [ "$RC" != 0 ]; then
        row pyshacl - - - - "failed (exit $RC): $(tail -n 1 "$TMP/err" | head -c 300)"; FAILED=1
    elif ! read -r n c < <("$PEER_PYTHON" "$TMP/count.py" turtle "$TMP/pyshacl.ttl" 2>"$TMP/err"); then
        row pyshacl "$BEST" "$TAKEN" - - "unreadable report: $(first_err)"; FAILED=1
    else
        row pyshacl "$BEST" "$TAKEN" "$n" "$c" "pySHACL $("$PEER_PYTHON" -c 'import pyshacl; print(pyshacl.__version__)'), rdflib $("$PEER_PYTHON" -c 'import rdflib; print(rdflib.__version__)')"
    fi
fi

# ---------------------------------------------------------------------------------------------
# 5. The table.

SAMSVAR_SECONDS=$(printf '%s\n' "${ROWS[0]}" | cut -d'|' -f2)
BYTES=$(wc -c <"$FILE" | tr -d ' ')
echo
echo "file:       ${FILE#"$ROOT/"} (Turtle, $DATASETS datasets, $TRIPLES triples, $(awk -v b="$BYTES" 'BEGIN { printf "%.1f", b / 1048576 }') MiB)"
echo "profile:    $PROFILE ($(wc -l < "$TMP/shapes") shapes file(s), $(wc -l < "$TMP/background") background file(s)${BG_TRIPLES:+, $BG_TRIPLES background triples})"
echo "runs:       best of $RUNS, wall clock incl. process start-up, parsing and writing the report"
echo
printf '%-11s %9s %5s %8s %9s %9s  %s\n' tool seconds runs ratio results conforms note
printf '%-11s %9s %5s %8s %9s %9s  %s\n' ----------- --------- ----- -------- --------- --------- ----
REF=""
for r in "${ROWS[@]}"; do
    IFS='|' read -r tool secs runs n c note <<<"$r"
    ratio=-
    if [ "$secs" != - ] && [ "$SAMSVAR_SECONDS" != - ]; then
        ratio=$(awk -v p="$secs" -v s="$SAMSVAR_SECONDS" 'BEGIN { printf "%.2f", (s > 0 ? p / s : 0) }')
    fi
    if [ "$n" != - ]; then
        if [ -z "$REF" ]; then REF=$n
        elif [ "$n" != "$REF" ]; then note="MISMATCH (${REF} before); $note"; FAILED=1; fi
    fi
    printf '%-11s %9s %5s %8s %9s %9s  %s\n' "$tool" "$secs" "$runs" "$ratio" "$n" "$c" "$note"
done
echo
echo "ratio = tool seconds / samsvar seconds (> 1: Samsvar is faster)"
exit "$FAILED"
