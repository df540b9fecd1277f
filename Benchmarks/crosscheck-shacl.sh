#!/usr/bin/env bash
# Cross-check: `samsvar validate` against pySHACL and Apache Jena SHACL on the shared samples,
# each data file validated against the profile it is written for.  See Benchmarks/README.md
# ("Cross-check of SHACL validation").
#
#   bash Benchmarks/crosscheck-shacl.sh [--samples DIR] [--samsvar PATH] [--profile NAME]
#                                       [--focus data|union] [--jobs N] [--keep DIR] [--no-build]
#
# For each (data file, profile) pair the peers validate the union of the data file and the
# profile's background files (Vocabularies/profiles/NAME/background.txt) against the
# profile's shapes (Vocabularies/profiles/NAME/shapes/*.ttl), and samsvar runs
#   samsvar validate DATA --profile NAME --report json
# (it loads the same background itself).  The verdict (sh:conforms: true when there is no
# result of any severity) and the number of results (violations + warnings + infos) are
# compared.  One line per pair:
#   same       PROFILE  FILE  samsvar=C/N pyshacl=C/N jena=C/N
#   DIFFERENT  PROFILE  FILE  (samsvar=C/N, pyshacl=C/N, jena=C/N)
# where C is the verdict and N the number of results, then the summary.  Files that are not
# valid RDF (the known-broken list below) must make samsvar exit 2; the peers skip them.
#
# --focus data (default) leaves out the peers' results on background nodes: those whose focus
#   node is a subject in the background files and not in the data file (e.g. an EU concept
#   scheme with no dct:title).  That is what samsvar does: its background is looked up, not
#   itself validated (`samsvar validate --help`).
# --focus union counts every result, as the peers report them: with the background in the data
#   graph its own nodes are focus nodes too (dcat-ap-3 gets 761 and skos-ap-no 5 results from
#   the background alone, see the profiles' background.txt).
# Whichever mode, a line shows "(K on background nodes)" when the peers found K such results.
#
# Without a `validate` command in the samsvar binary, pySHACL and Jena are compared with each
# other, and the known-broken files are checked with `samsvar count` (exit 2).
# Exit status: 0 all same, 1 a difference or an unexpected failure, 2 usage error or a
# missing tool.

set -uo pipefail
export LC_ALL=C

HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
ROOT=$(dirname "$HERE")
VOCAB="$ROOT/Vocabularies"
SAMPLES=/work/shared/samples
SAMSVAR_BIN=${SAMSVAR:-}
PEER_PYTHON=${PEER_PYTHON:-/opt/rdfpeers/bin/python}
JENA_CLASSPATH_SH=${JENA_CLASSPATH_SH:-/work/shared/tools/jena-classpath.sh}
JOBS=$(nproc 2>/dev/null || echo 2)
ONLY=
FOCUS=data
KEEP=
BUILD=1
INSTALL_HINT="run ../shared/tools/install-peers.sh"

usage() { sed -n '6,7p' "${BASH_SOURCE[0]}" | sed 's/^# //'; }
while [ $# -gt 0 ]; do
    case "$1" in
        --samples) SAMPLES=${2:?}; shift 2 ;;
        --samples=*) SAMPLES=${1#*=}; shift ;;
        --samsvar) SAMSVAR_BIN=${2:?}; shift 2 ;;
        --samsvar=*) SAMSVAR_BIN=${1#*=}; shift ;;
        --profile) ONLY=${2:?}; shift 2 ;;
        --profile=*) ONLY=${1#*=}; shift ;;
        --focus) FOCUS=${2:?}; shift 2 ;;
        --focus=*) FOCUS=${1#*=}; shift ;;
        --jobs) JOBS=${2:?}; shift 2 ;;
        --jobs=*) JOBS=${1#*=}; shift ;;
        --keep) KEEP=${2:?}; shift 2 ;;
        --keep=*) KEEP=${1#*=}; shift ;;
        --no-build) BUILD=0; shift ;;
        -h|--help) usage; exit 0 ;;
        *) echo "crosscheck-shacl: unknown argument: $1" >&2; usage >&2; exit 2 ;;
    esac
done
[[ "$JOBS" =~ ^[1-9][0-9]*$ ]] || { echo "crosscheck-shacl: --jobs must be a positive integer" >&2; exit 2; }
case "$FOCUS" in union|data) ;; *) echo "crosscheck-shacl: --focus must be union or data" >&2; exit 2 ;; esac
[ -d "$SAMPLES" ] || { echo "crosscheck-shacl: no samples directory: $SAMPLES" >&2; exit 2; }
SAMPLES=$(cd "$SAMPLES" && pwd)
PROFILES="dcat-ap-no dcat-ap-3 skos-ap-no skos-ap-no-v1"
if [ -n "$ONLY" ]; then
    case " $PROFILES " in *" $ONLY "*) PROFILES=$ONLY ;;
        *) echo "crosscheck-shacl: unknown profile: $ONLY (one of: $PROFILES)" >&2; exit 2 ;; esac
fi
for p in $PROFILES; do
    [ -d "$VOCAB/profiles/$p/shapes" ] && [ -f "$VOCAB/profiles/$p/background.txt" ] \
        || { echo "crosscheck-shacl: Vocabularies/profiles/$p is incomplete" >&2; exit 2; }
done

# -------------------------------------------------------------------------------------------
# Files that are not valid RDF (see ../shared/samples/README.md and crosscheck-jena.sh): samsvar
# must exit 2 on them, the peers do not validate them.
KNOWN_BROKEN="
specs/eu-dcat-ap/3.0.0-examples/example-bee-population-dataset-series-api.ttl
specs/eu-dcat-ap/3.0.0-examples/example-bee-population-dataset-series-combined.ttl
specs/eu-dcat-ap/3.0.0-hvd-examples/example-bees_wasps_dataset.ttl
fdk-samples/concept-harvester/harvest_error_response.ttl
fdk-samples/dataset-harvester/harvest_response_error.ttl
fdk-samples/dataset-harvester/all_datasets.ttl
"
is_known_broken() { case "$KNOWN_BROKEN" in *"
$1
"*) return 0 ;; esac; return 1; }

# -------------------------------------------------------------------------------------------
# Tools.
command -v java >/dev/null || { echo "crosscheck-shacl: java not found ($INSTALL_HINT)" >&2; exit 2; }
[ -x "$JENA_CLASSPATH_SH" ] || { echo "crosscheck-shacl: $JENA_CLASSPATH_SH not found" >&2; exit 2; }
JENA_CP=$("$JENA_CLASSPATH_SH") || { echo "crosscheck-shacl: $JENA_CLASSPATH_SH failed" >&2; exit 2; }
case "$JENA_CP" in *jena-shacl*) ;; *) echo "crosscheck-shacl: jena-shacl.jar not on the classpath ($INSTALL_HINT)" >&2; exit 2 ;; esac
if [ ! -x "$PEER_PYTHON" ] || ! "$PEER_PYTHON" -c 'import pyshacl, rdflib' >/dev/null 2>&1; then
    echo "crosscheck-shacl: pySHACL not found in $PEER_PYTHON ($INSTALL_HINT, or set PEER_PYTHON)" >&2; exit 2
fi
command -v python3 >/dev/null || { echo "crosscheck-shacl: python3 not found" >&2; exit 2; }

if [ -z "$SAMSVAR_BIN" ]; then
    if [ "$BUILD" = 1 ]; then
        echo "crosscheck-shacl: building samsvar (swift build --product samsvar) ..." >&2
        if ! (cd "$ROOT" && swift build --product samsvar) > "${TMPDIR:-/tmp}/crosscheck-shacl-build.log" 2>&1; then
            echo "crosscheck-shacl: swift build failed (log: ${TMPDIR:-/tmp}/crosscheck-shacl-build.log)" >&2
            tail -20 "${TMPDIR:-/tmp}/crosscheck-shacl-build.log" >&2
            exit 2
        fi
    fi
    SAMSVAR_BIN="$(cd "$ROOT" && swift build --product samsvar --show-bin-path)/samsvar"
fi
[ -x "$SAMSVAR_BIN" ] || { echo "crosscheck-shacl: samsvar binary not found: $SAMSVAR_BIN" >&2; exit 2; }
SAMSVAR_BIN=$(cd "$(dirname "$SAMSVAR_BIN")" && pwd)/$(basename "$SAMSVAR_BIN")  # it runs from $ROOT
# The subcommand list (`samsvar --help`), not `samsvar validate --help`: ArgumentParser answers
# that with the top-level help and exit 0 when there is no such subcommand.
HAVE_VALIDATE=0
"$SAMSVAR_BIN" --help 2>/dev/null | grep -qE '^[[:space:]]+validate([[:space:]]|$)' && HAVE_VALIDATE=1

TMP=$(mktemp -d "${TMPDIR:-/tmp}/crosscheck-shacl.XXXXXX")
trap 'rm -rf "$TMP"' EXIT
OUT=${KEEP:-$TMP/out}
mkdir -p "$OUT"
rm -rf "$OUT"/[0-9][0-9][0-9][0-9]  # per-pair folders of an earlier --keep run

# -------------------------------------------------------------------------------------------
# The pairs: "index|profile|path relative to SAMPLES", sorted by profile then path.
#   dcat-ap-no    DCAT-AP-NO examples and tests, Digdir's dataset-harvester fixtures (all of
#                 them: catalogues, datasets, series, records), the rdf-parser data service and
#                 series, the information-model catalogue, Brønnøysund's API catalogue
#   skos-ap-no    concept files that use the v2 namespace https://data.norge.no/vocabulary/skosno#
#   skos-ap-no-v1 concept files that use the v1 namespace http://difi.no/skosno#
#                 (a concept file with neither is checked against both)
#   dcat-ap-3     the EU DCAT-AP 3.0.0 and 3.0.0-HVD examples
list_pairs() {
    local f rel
    ( cd "$SAMPLES" || exit
      for f in specs/dcat-ap-no/DCAT-AP-NO2.0-examples.ttl specs/dcat-ap-no/dataset-series-example.ttl \
               specs/dcat-ap-no/test.ttl specs/dcat-ap-no/test2.ttl fdk-samples/dataset-harvester/*.ttl \
               fdk-samples/rdf-parser/dataservice0.ttl fdk-samples/rdf-parser/dataset_series0.ttl \
               fdk-samples/fdk-harvester/information-model-catalog-0.ttl \
               base-registers/enhetsregisteret/brreg-openapi/API-catalog.ttl; do
          [ -f "$f" ] && echo "dcat-ap-no|$f"
      done
      for f in fdk-samples/concept-catalog/*.ttl fdk-samples/concept-harvester/*.ttl \
               concept-catalogs/brreg-begrepspubliserer/*.ttl specs/skos-ap-no-begrep/test*.ttl \
               specs/dcat-ap-no/test_begrep.ttl; do
          [ -f "$f" ] || continue
          local v1=0 v2=0
          grep -q 'https://data\.norge\.no/vocabulary/skosno#' "$f" && v2=1
          grep -q 'http://difi\.no/skosno#' "$f" && v1=1
          [ "$v2" = 1 ] && echo "skos-ap-no|$f"
          [ "$v1" = 1 ] && echo "skos-ap-no-v1|$f"
          [ "$v1$v2" = 00 ] && { echo "skos-ap-no|$f"; echo "skos-ap-no-v1|$f"; }
      done
      for f in specs/eu-dcat-ap/3.0.0-examples/*.ttl specs/eu-dcat-ap/3.0.0-hvd-examples/*.ttl; do
          [ -f "$f" ] && echo "dcat-ap-3|$f"
      done
    ) | awk -F'|' -v only=" $PROFILES " 'index(only, " " $1 " ")' | sort -t'|' -k1,1 -k2,2 | awk '{ printf "%04d|%s\n", NR, $0 }'
}
list_pairs > "$TMP/pairs"
TOTAL=$(wc -l < "$TMP/pairs")
[ "$TOTAL" -gt 0 ] || { echo "crosscheck-shacl: no data files under $SAMPLES" >&2; exit 2; }

background_files() {  # PROFILE -> absolute paths, one a line
    grep -v '^[[:space:]]*#' "$VOCAB/profiles/$1/background.txt" | sed 's/[[:space:]]*$//' \
        | grep -v '^$' | sed "s|^|$VOCAB/|"
}
file_uri() {  # what samsvar uses as the base IRI without --base (as in crosscheck-jena.sh)
    python3 -c 'import sys, urllib.parse; print("file://" + urllib.parse.quote(sys.argv[1], safe="/-._~!$&'"'"'()*+,;=:@"))' "$1"
}

# -------------------------------------------------------------------------------------------
# The helpers.

# pySHACL: one process per profile, the shapes and the background parsed once.  For each data
# file: data graph = data + background; writes OUT/<index>/pyshacl.json.
cat > "$TMP/pyshacl_run.py" <<'PY'
import json, os, sys, time
import rdflib
from rdflib.namespace import RDF, SH
from pyshacl import validate

def fmt(path):
    p = path.lower()
    if p.endswith((".ttl", ".turtle")): return "turtle"
    if p.endswith(".nt"): return "nt"
    if p.endswith((".rdf", ".owl", ".xml")): return "xml"
    return None

out_dir, shapes_list, background_list, pairs_list = sys.argv[1:5]
shapes = rdflib.Graph()
for f in open(shapes_list).read().split("\n"):
    if f: shapes.parse(f, format=fmt(f))
background = rdflib.Graph()
for f in open(background_list).read().split("\n"):
    if f: background.parse(f, format=fmt(f))
background_subjects = {s for s in background.subjects() if isinstance(s, rdflib.URIRef)}
for line in open(pairs_list).read().split("\n"):
    if not line: continue
    idx, path = line.split("|", 1)
    os.makedirs(os.path.join(out_dir, idx), exist_ok=True)
    res = {}
    t0 = time.time()
    try:
        data = rdflib.Graph()
        data.parse(path, format=fmt(path))
        # A result is "on a background node" if its focus node is a subject in the
        # background and not in the data (e.g. a concept typed skos:Concept by a vocabulary).
        on_background = background_subjects - set(data.subjects())
        for t in background:
            data.add(t)
        _, report, _ = validate(data, shacl_graph=shapes, inference="none", advanced=False,
                                meta_shacl=False, allow_warnings=False)
        n = bg = 0
        sev = {}
        # Only the report's own sh:result: pySHACL also types the nested results it hangs
        # under sh:detail (of an sh:node failure) as sh:ValidationResult.
        for r in report.objects(None, SH.result):
            n += 1
            s = str(report.value(r, SH.resultSeverity)).rsplit("#", 1)[-1]
            sev[s] = sev.get(s, 0) + 1
            if report.value(r, SH.focusNode) in on_background:
                bg += 1
        res = {"ok": True, "results": n, "background": bg, "severity": sev}
    except Exception as e:
        res = {"ok": False, "error": ("%s: %s" % (type(e).__name__, e)).splitlines()[0][:300]}
    res["seconds"] = round(time.time() - t0, 2)
    with open(os.path.join(out_dir, idx, "pyshacl.json"), "w") as fh:
        json.dump(res, fh)
PY

# Jena's report (Turtle) and samsvar's JSON -> one JSON summary each.
cat > "$TMP/summarise.py" <<'PY'
import json, sys
kind, path = sys.argv[1], sys.argv[2]
if kind == "jena":
    import rdflib
    from rdflib.namespace import RDF, SH
    data_file, background_nt = sys.argv[3], sys.argv[4]
    report = rdflib.Graph(); report.parse(path, format="turtle")
    data = rdflib.Graph()
    data.parse(data_file, format="turtle" if data_file.endswith(".ttl") else "xml")
    on_background = set()
    with open(background_nt, encoding="utf-8") as fh:
        for line in fh:
            if line.startswith("<"):
                on_background.add(rdflib.URIRef(line[1:line.index(">")]))
    on_background -= set(data.subjects())
    n = bg = 0
    sev = {}
    for r in report.objects(None, SH.result):  # not sh:detail results, were there any
        n += 1
        s = str(report.value(r, SH.resultSeverity)).rsplit("#", 1)[-1]
        sev[s] = sev.get(s, 0) + 1
        if report.value(r, SH.focusNode) in on_background:
            bg += 1
    conforms = next(report.objects(None, SH.conforms), None)
    print(json.dumps({"ok": True, "results": n, "background": bg, "severity": sev,
                      "reportConforms": None if conforms is None else bool(conforms.toPython())}))
else:  # samsvar --report json
    doc = json.load(open(path, encoding="utf-8"))
    results = doc.get("results", [])
    sev = {}
    for r in results:
        s = str(r.get("severity", "?"))
        sev[s] = sev.get(s, 0) + 1
    print(json.dumps({"ok": True, "results": len(results), "severity": sev,
                      "reportConforms": doc.get("conforms")}))
PY

# Jena, one pair, one JVM: the data graph is one Turtle file, the profile's background as
# N-Triples (made once by riot; N-Triples is Turtle, and riot's blank node labels are
# B + 32 hex digits, unique per run), then `@base <the data file's URI>` and the data file as
# it is (so relative IRIs resolve as samsvar and rdflib resolve them), then
# `shacl validate`.  Writes OUT/<index>/jena.json.  A data file that is not Turtle is turned
# into N-Triples by riot first (none of the current pairs).
jena_one() {
    local idx=$1 profile=$2 file=$3
    local work="$OUT/$idx" base msg rc=0
    mkdir -p "$work"
    base=$(file_uri "$file")
    {
        cat "$TMP/$profile.background.nt"
        printf '\n@base <%s> .\n' "$base"
        case "$file" in
            *.ttl) cat "$file" ;;
            *) java -Djdk.xml.entityExpansionLimit=0 -cp "$JENA_CP" riotcmd.riot --base="$base" \
                   --output nt "$file" 2> "$work/riot.err" ;;
        esac
        printf '\n'
    } > "$work/union.ttl"
    java -cp "$JENA_CP" shacl.shacl validate --shapes "$TMP/$profile.shapes.nt" --data "$work/union.ttl" \
        > "$work/jena.ttl" 2> "$work/jena.err" || rc=$?
    if [ "$rc" != 0 ] || ! grep -q 'ValidationReport' "$work/jena.ttl"; then
        msg=$(grep -m1 -E '(ERROR|FATAL|Exception)' "$work/jena.err" "$work/riot.err" 2>/dev/null)
        [ -z "$msg" ] && msg=$(cat "$work/jena.err" "$work/riot.err" 2>/dev/null | grep -m1 -v '^\s*$')
        python3 -c 'import json, sys; print(json.dumps({"ok": False, "error": "shacl: " + sys.argv[1][:300]}))' \
            "${msg:-exit $rc, no report}" > "$work/jena.json"
        return
    fi
    "$PEER_PYTHON" "$TMP/summarise.py" jena "$work/jena.ttl" "$file" "$TMP/$profile.background.nt" > "$work/jena.json" 2> "$work/summarise.err" \
        || python3 -c 'import json, sys; print(json.dumps({"ok": False, "error": "report: " + sys.argv[1][:300]}))' \
               "$(tail -1 "$work/summarise.err")" > "$work/jena.json"
    [ -n "$KEEP" ] || rm -f "$work/union.ttl"
}
export -f jena_one file_uri
export OUT TMP JENA_CP PEER_PYTHON KEEP

# -------------------------------------------------------------------------------------------
# 1. Per profile: shapes and background lists, their N-Triples for Jena, pySHACL over the pairs.
echo "crosscheck-shacl: $TOTAL pairs, samsvar = $SAMSVAR_BIN$([ "$HAVE_VALIDATE" = 0 ] && echo ' (no validate command)'), $JOBS jobs, focus = $FOCUS" >&2
for p in $PROFILES; do
    ls "$VOCAB/profiles/$p/shapes/"*.ttl > "$TMP/$p.shapes"
    background_files "$p" > "$TMP/$p.background"
    while read -r f; do
        [ -f "$f" ] || { echo "crosscheck-shacl: $p: background file missing: $f" >&2; exit 2; }
    done < "$TMP/$p.background"
    # shellcheck disable=SC2046
    java -Djdk.xml.entityExpansionLimit=0 -cp "$JENA_CP" riotcmd.riot --output nt $(cat "$TMP/$p.shapes") \
        > "$TMP/$p.shapes.nt" 2> "$TMP/$p.shapes.err" || { echo "crosscheck-shacl: riot cannot read the $p shapes" >&2; cat "$TMP/$p.shapes.err" >&2; exit 2; }
    : > "$TMP/$p.background.nt"
    if [ -s "$TMP/$p.background" ]; then
        # shellcheck disable=SC2046
        java -Djdk.xml.entityExpansionLimit=0 -cp "$JENA_CP" riotcmd.riot --output nt $(cat "$TMP/$p.background") \
            > "$TMP/$p.background.nt" 2> "$TMP/$p.background.err" || { echo "crosscheck-shacl: riot cannot read the $p background" >&2; cat "$TMP/$p.background.err" >&2; exit 2; }
    fi
    awk -F'|' -v p="$p" '$2 == p { print $1 "|" $3 }' "$TMP/pairs" | while IFS='|' read -r idx rel; do
        is_known_broken "$rel" || echo "$idx|$SAMPLES/$rel"
    done > "$TMP/$p.peerpairs"
    echo "crosscheck-shacl: $p: pySHACL on $(wc -l < "$TMP/$p.peerpairs") files ..." >&2
    "$PEER_PYTHON" "$TMP/pyshacl_run.py" "$OUT" "$TMP/$p.shapes" "$TMP/$p.background" "$TMP/$p.peerpairs" \
        2> "$TMP/$p.pyshacl.err" || { echo "crosscheck-shacl: pySHACL failed on $p" >&2; tail -5 "$TMP/$p.pyshacl.err" >&2; }
done

# 2. Jena, JOBS at a time.
echo "crosscheck-shacl: Jena SHACL ..." >&2
for p in $PROFILES; do
    awk -F'|' -v p="$p" '{ print $1 "|" p "|" $2 }' "$TMP/$p.peerpairs"
done | tr '|' '\0' | tr '\n' '\0' | xargs -0 -n 3 -P "$JOBS" bash -c 'jena_one "$1" "$2" "$3"' _

# 3. samsvar, one pair at a time (from the repository root, where Vocabularies/ is).
echo "crosscheck-shacl: samsvar ..." >&2
while IFS='|' read -r idx profile rel; do
    work="$OUT/$idx"; mkdir -p "$work"
    rc=0
    if [ "$HAVE_VALIDATE" = 1 ]; then
        (cd "$ROOT" && "$SAMSVAR_BIN" validate "$SAMPLES/$rel" --profile "$profile" --report json) \
            > "$work/samsvar.out" 2> "$work/samsvar.err" || rc=$?
    elif is_known_broken "$rel"; then
        "$SAMSVAR_BIN" count "$SAMPLES/$rel" > "$work/samsvar.out" 2> "$work/samsvar.err" || rc=$?
    fi
    echo "$rc" > "$work/samsvar.rc"
    if [ "$HAVE_VALIDATE" = 1 ] && { [ "$rc" = 0 ] || [ "$rc" = 1 ]; }; then
        python3 "$TMP/summarise.py" samsvar "$work/samsvar.out" > "$work/samsvar.json" 2> "$work/summarise.err" \
            || python3 -c 'import json, sys; print(json.dumps({"ok": False, "error": "not the JSON report: " + sys.argv[1][:200]}))' \
                   "$(tail -1 "$work/summarise.err")" > "$work/samsvar.json"
    fi
done < "$TMP/pairs"

# -------------------------------------------------------------------------------------------
# 4. Compare and print.
cat > "$TMP/compare.py" <<'PY'
import json, os, sys
out, pairs_file, focus, have_validate, known = sys.argv[1], sys.argv[2], sys.argv[3], sys.argv[4] == "1", set(sys.argv[5].split())
def load(idx, name):
    p = os.path.join(out, idx, name)
    if not os.path.exists(p): return None
    try: return json.load(open(p))
    except Exception as e: return {"ok": False, "error": "unreadable %s: %s" % (name, e)}
def count(r, peer):
    n = r["results"]
    return n - r.get("background", 0) if (peer and focus == "data") else n
def show(r, peer):
    n = count(r, peer)
    return "%s/%d" % ("true" if n == 0 else "false", n)
tally = {"same": 0, "different": 0, "known": 0, "unexpected": 0}
rows = []
for line in open(pairs_file).read().split("\n"):
    if not line: continue
    idx, profile, rel = line.split("|", 2)
    rc = open(os.path.join(out, idx, "samsvar.rc")).read().strip() if os.path.exists(os.path.join(out, idx, "samsvar.rc")) else "?"
    if rel in known:
        if rc == "2":
            tally["known"] += 1
            print("%-12s %-13s %s  samsvar exit 2%s" % ("known-broken", profile, rel, "" if have_validate else " (count)"))
        else:
            tally["unexpected"] += 1
            print("%-12s %-13s %s  not valid RDF, but samsvar exit %s" % ("UNEXPECTED", profile, rel, rc))
        continue
    py, je = load(idx, "pyshacl.json"), load(idx, "jena.json")
    sv = load(idx, "samsvar.json") if have_validate else None
    problems = []
    for name, r in (("pyshacl", py), ("jena", je)):
        if r is None: problems.append("%s: no result" % name)
        elif not r.get("ok"): problems.append("%s: %s" % (name, r.get("error")))
    if have_validate:
        if rc not in ("0", "1"): problems.append("samsvar: exit %s: %s" % (rc, (open(os.path.join(out, idx, "samsvar.err")).read().strip().splitlines() or [""])[0][:300]))
        elif sv is None or not sv.get("ok"): problems.append("samsvar: %s" % (sv or {}).get("error", "no JSON"))
    if problems:
        tally["unexpected"] += 1
        print("%-12s %-13s %s" % ("UNEXPECTED", profile, rel))
        for p in problems: print("    " + p)
        continue
    vals = [("pyshacl", show(py, True)), ("jena", show(je, True))]
    if have_validate:
        vals.insert(0, ("samsvar", show(sv, False)))
        # exit status and the report's own conforms must agree with the results
        n = sv["results"]
        if sv.get("reportConforms") is not None and bool(sv["reportConforms"]) != (n == 0):
            vals[0] = ("samsvar", vals[0][1] + "(conforms=%s)" % str(sv["reportConforms"]).lower())
    bgnote = ""
    pb, jb = py.get("background", 0), je.get("background", 0)
    if pb or jb:
        bgnote = "  (%s on background nodes%s)" % (str(pb) if pb == jb else "pyshacl %d, jena %d" % (pb, jb),
                                                   ", not counted" if focus == "data" else "")
    if len({v for _, v in vals}) == 1:
        tally["same"] += 1
        print("%-12s %-13s %s  %s%s" % ("same", profile, rel, " ".join("%s=%s" % nv for nv in vals), bgnote))
    else:
        tally["different"] += 1
        print("%-12s %-13s %s  (%s)%s" % ("DIFFERENT", profile, rel, ", ".join("%s=%s" % nv for nv in vals), bgnote))
n = sum(tally.values())
print("%d pairs: same %d, DIFFERENT %d, known-broken %d (samsvar exit 2), unexpected %d%s" % (
    n, tally["same"], tally["different"], tally["known"], tally["unexpected"],
    "" if have_validate else "  [samsvar has no validate command: pySHACL compared with Jena only]"))
sys.exit(1 if tally["different"] or tally["unexpected"] else 0)
PY
python3 "$TMP/compare.py" "$OUT" "$TMP/pairs" "$FOCUS" "$HAVE_VALIDATE" "$(printf '%s' "$KNOWN_BROKEN" | tr '\n' ' ')"
status=$?
[ -n "$KEEP" ] && echo "(per pair: union.ttl, jena.ttl, *.json, samsvar.out kept in $KEEP/<index>/)" >&2
exit $status
