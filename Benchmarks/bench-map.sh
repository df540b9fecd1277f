#!/usr/bin/env bash
# Mapping benchmark: `samsvar map` against Morph-KGC (CSV → RDF) and jq (JSON → CSV), and its
# peak memory on a 1 GiB input, in one run.  See Benchmarks/README.md.
#
#   bash Benchmarks/bench-map.sh [--rows N] [--json-mb M] [--memory-mb G] [--runs R] [--no-build] [--keep] [--only rdf|csv|memory]
#
# rdf:    N organisations (default 20,000, about 400k triples) as CSV, mapped to N-Triples by
#         Benchmarks/mappings/organisations-rdf.yaml and by the same mapping in RML
#         (organisations-rml.ttl) with Morph-KGC; the sorted outputs must be identical.
# csv:    an M MiB JSON array of the same records (default 100) flattened to CSV by
#         organisations-csv.yaml and by the same program in jq (organisations.jq); the rows must
#         be the same once both files are read as CSV (jq quotes every string, samsvar only where
#         needed).
# memory: a G MiB JSON Lines file (default 1024) mapped by the CSV mapping under
#         /usr/bin/time -v; the maximum resident set size is reported.  The file is deleted
#         afterwards unless --keep is given.
#
# Timings are the best of R runs (default 3), wall clock including process start-up, page
# cache warm.  ratio = peer seconds / samsvar seconds, so > 1 means Samsvar is faster.  The
# targets (Morph-KGC ratio >= 5, jq ratio >= 2, peak memory < 200 MB) are reported, not
# enforced; the script exits 1 if a tool fails or the outputs differ.

set -uo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"
MORPH_PYTHON=${MORPH_PYTHON:-/opt/morphkgc/bin/python}
ROWS=20000
JSON_MB=100
MEMORY_MB=1024
RUNS=3
BUILD=1
KEEP=0
ONLY=""

usage() { sed -n '5p' "${BASH_SOURCE[0]}" | sed 's/^# //'; }
while [ $# -gt 0 ]; do
    case "$1" in
        --rows) ROWS=${2:?}; shift 2 ;;
        --json-mb) JSON_MB=${2:?}; shift 2 ;;
        --memory-mb) MEMORY_MB=${2:?}; shift 2 ;;
        --runs) RUNS=${2:?}; shift 2 ;;
        --no-build) BUILD=0; shift ;;
        --keep) KEEP=1; shift ;;
        --only) ONLY=${2:?}; shift 2 ;;
        -h|--help) usage; exit 0 ;;
        *) echo "bench-map: unknown argument: $1" >&2; usage >&2; exit 2 ;;
    esac
done
for n in "$ROWS" "$JSON_MB" "$MEMORY_MB" "$RUNS"; do
    [[ "$n" =~ ^[1-9][0-9]*$ ]] || { echo "bench-map: --rows, --json-mb, --memory-mb and --runs take positive integers" >&2; exit 2; }
done
case "$ONLY" in ""|rdf|csv|memory) ;; *) echo "bench-map: --only takes rdf, csv or memory" >&2; exit 2 ;; esac
part() { [ -z "$ONLY" ] || [ "$ONLY" = "$1" ]; }

bench_setup bench-map
MAPPINGS="$HERE/mappings"
echo "load: $(uptime | sed 's/.*load average: //') (1, 5, 15 min), $(nproc) cores"

# ---------------------------------------------------------------------------------------------
# 1. Build Samsvar (release) unless another binary is given.

bench_build

# generate FILE ARGS...: runs the generator once; regenerated when the generator is newer.
generate() {
    local file=$1; shift
    if [ ! -s "$file" ] || [ "$HERE/generate-records.py" -nt "$file" ]; then
        echo "generating $file ..."
        python3 "$HERE/generate-records.py" "$@" -o "$file.tmp" 2>"$TMP/gen.err" || { cat "$TMP/gen.err" >&2; exit 1; }
        mv "$file.tmp" "$file"
    fi
    cat "$file" >/dev/null
}

# best_of CMD...: runs CMD R times (stdout to $TMP/out); sets BEST (seconds) or "" on failure.
best_of() {
    local i t0 t1 dt
    BEST=""
    for ((i = 0; i < RUNS; i++)); do
        t0=$EPOCHREALTIME
        "$@" >"$TMP/out" 2>"$TMP/err" || { BEST=""; echo "  $1 failed: $(head -c 300 "$TMP/err")" >&2; return 1; }
        t1=$EPOCHREALTIME
        dt=$(awk -v a="$t0" -v b="$t1" 'BEGIN { printf "%.3f", b - a }')
        if [ -z "$BEST" ] || awk -v x="$dt" -v y="$BEST" 'BEGIN { exit !(x < y) }'; then BEST=$dt; fi
    done
}

ratio() { [ -n "$1" ] && [ -n "$2" ] && awk -v p="$1" -v s="$2" 'BEGIN { printf "%.2f", p / s }' || echo -; }
verdict() { [ "$1" = - ] && echo "not measured" || awk -v r="$1" -v t="$2" 'BEGIN { print (r >= t) ? "met" : "NOT met" }'; }

status=0
LINES=()

# ---------------------------------------------------------------------------------------------
# 2. CSV → RDF: samsvar against Morph-KGC.

if part rdf; then
    CSV="$DATA/organisations-$ROWS.csv"
    generate "$CSV" --rows "$ROWS" --format csv
    echo "csv → rdf: $ROWS rows, best of $RUNS ..."
    best_of "$SAMSVAR" map "$MAPPINGS/organisations-rdf.yaml" "$CSV" -o "$TMP/samsvar.nt" --quiet || status=1
    S_TIME=$BEST
    S_COUNT=$( [ -s "$TMP/samsvar.nt" ] && wc -l <"$TMP/samsvar.nt" || echo -)
    M_TIME=""; M_COUNT=-; M_NOTE=""
    if "$MORPH_PYTHON" -c 'import morph_kgc' 2>/dev/null; then
        cat >"$TMP/morph.ini" <<EOF
[CONFIGURATION]
output_file = $TMP/morph.nt
output_format = N-TRIPLES
logging_level = WARNING

[Organisations]
mappings = $MAPPINGS/organisations-rml.ttl
file_path = $CSV
EOF
        M_NOTE="Morph-KGC $("$MORPH_PYTHON" -c 'import morph_kgc._version as v; print(v.__version__)' 2>/dev/null)"
        best_of "$MORPH_PYTHON" -m morph_kgc "$TMP/morph.ini" || status=1
        M_TIME=$BEST
        M_COUNT=$( [ -s "$TMP/morph.nt" ] && wc -l <"$TMP/morph.nt" || echo -)
    else
        M_NOTE="not installed (no morph_kgc in $MORPH_PYTHON)"
        echo "  morph-kgc: $M_NOTE" >&2
    fi
    SAME="-"
    if [ "$S_COUNT" != - ] && [ "$M_COUNT" != - ]; then
        sort "$TMP/samsvar.nt" >"$TMP/samsvar.sorted"
        sort "$TMP/morph.nt" >"$TMP/morph.sorted"
        if cmp -s "$TMP/samsvar.sorted" "$TMP/morph.sorted"; then
            SAME="identical sorted N-Triples"
        else
            SAME="DIFFERENT: $(comm -23 "$TMP/samsvar.sorted" "$TMP/morph.sorted" | wc -l) only in samsvar, $(comm -13 "$TMP/samsvar.sorted" "$TMP/morph.sorted" | wc -l) only in Morph-KGC"
            { echo "first differences (< samsvar, > Morph-KGC):"; diff "$TMP/samsvar.sorted" "$TMP/morph.sorted" | head -6; } >&2
            status=1
        fi
    fi
    R=$(ratio "$M_TIME" "$S_TIME")
    LINES+=("$(printf '%-24s %-10s %8s %6s %10s  %s' "csv->rdf ($ROWS rows)" samsvar "${S_TIME:--}" 1.00 "$S_COUNT" "triples")")
    LINES+=("$(printf '%-24s %-10s %8s %6s %10s  %s' "" morph-kgc "${M_TIME:--}" "$R" "$M_COUNT" "$M_NOTE; $SAME")")
    LINES+=("$(printf '%-24s target: samsvar >= 5x faster than Morph-KGC: %s' "" "$(verdict "$R" 5)")")
fi

# ---------------------------------------------------------------------------------------------
# 3. JSON → CSV: samsvar against jq.

if part csv; then
    JSON="$DATA/organisations-${JSON_MB}mb.json"
    generate "$JSON" --size-mb "$JSON_MB" --format json
    echo "json → csv: $JSON_MB MiB, best of $RUNS ..."
    best_of "$SAMSVAR" map "$MAPPINGS/organisations-csv.yaml" "$JSON" -o "$TMP/samsvar.csv" --quiet || status=1
    S_TIME=$BEST
    J_TIME=""; J_NOTE=""
    if command -v jq >/dev/null; then
        J_NOTE=$(jq --version)
        best_of jq -r -f "$MAPPINGS/organisations.jq" "$JSON" && { J_TIME=$BEST; mv "$TMP/out" "$TMP/jq.csv"; } || status=1
    else
        J_NOTE="not installed (apt-get install jq)"
        echo "  jq: $J_NOTE" >&2
    fi
    SAME="-"; ROWS_OUT=-
    if [ -s "$TMP/samsvar.csv" ]; then
        ROWS_OUT=$(( $(python3 -c 'import csv, sys; print(sum(1 for _ in csv.reader(open(sys.argv[1], newline=""))))' "$TMP/samsvar.csv") - 1 ))
    fi
    if [ -s "$TMP/samsvar.csv" ] && [ -n "$J_TIME" ]; then
        SAME=$(python3 - "$TMP/samsvar.csv" "$TMP/jq.csv" <<'PY'
import csv, sys
with open(sys.argv[1], newline="") as a, open(sys.argv[2], newline="") as b:
    ra, rb = csv.reader(a), csv.reader(b)
    n = 0
    for x, y in zip(ra, rb):
        if x != y:
            print("DIFFERENT at row %d: samsvar %r, jq %r" % (n, x, y))
            sys.exit(0)
        n += 1
    rest_a, rest_b = sum(1 for _ in ra), sum(1 for _ in rb)
    print("same header and %d rows, read as CSV" % (n - 1) if rest_a == rest_b == 0 else "DIFFERENT: samsvar %d more rows, jq %d more" % (rest_a, rest_b))
PY
)
        case "$SAME" in DIFFERENT*) status=1 ;; esac
    fi
    R=$(ratio "$J_TIME" "$S_TIME")
    LINES+=("$(printf '%-24s %-10s %8s %6s %10s  %s' "json->csv ($JSON_MB MiB)" samsvar "${S_TIME:--}" 1.00 "$ROWS_OUT" "rows")")
    LINES+=("$(printf '%-24s %-10s %8s %6s %10s  %s' "" jq "${J_TIME:--}" "$R" - "$J_NOTE; $SAME")")
    LINES+=("$(printf '%-24s target: samsvar >= 2x faster than jq: %s' "" "$(verdict "$R" 2)")")
fi

# ---------------------------------------------------------------------------------------------
# 4. Peak memory on a large input (JSON Lines, the CSV mapping), once.

if part memory; then
    BIG="$DATA/organisations-${MEMORY_MB}mb.jsonl"
    generate "$BIG" --size-mb "$MEMORY_MB" --format jsonl
    sed 's/^source: {format: json}$/source: {format: jsonl}/' "$MAPPINGS/organisations-csv.yaml" >"$TMP/organisations-jsonl.yaml"
    echo "memory: $MEMORY_MB MiB JSON Lines, once ..."
    RSS=-; M_SECONDS=-; SUMMARY=-
    if [ -x /usr/bin/time ]; then
        t0=$EPOCHREALTIME
        if /usr/bin/time -v "$SAMSVAR" map "$TMP/organisations-jsonl.yaml" "$BIG" >/dev/null 2>"$TMP/time.err"; then
            t1=$EPOCHREALTIME
            M_SECONDS=$(awk -v a="$t0" -v b="$t1" 'BEGIN { printf "%.2f", b - a }')
            RSS=$(awk '/Maximum resident set size/ { printf "%.1f", $NF / 1024 }' "$TMP/time.err")
            SUMMARY=$(grep -m1 '^read ' "$TMP/time.err")
        else
            echo "  samsvar failed: $(head -c 300 "$TMP/time.err")" >&2
            status=1
        fi
    else
        echo "  /usr/bin/time: not installed (apt-get install time)" >&2
    fi
    LINES+=("$(printf '%-24s %-10s %8s %6s %10s  %s' "memory ($MEMORY_MB MiB jsonl)" samsvar "$M_SECONDS" - "$RSS MB" "maximum resident set size; $SUMMARY")")
    LINES+=("$(printf '%-24s target: under 200 MB: %s' "" "$( [ "$RSS" = - ] && echo "not measured" || awk -v r="$RSS" 'BEGIN { print (r < 200) ? "met" : "NOT met" }')")")
    [ "$KEEP" = 1 ] || rm -f "$BIG"
fi

printf '\n%-24s %-10s %8s %6s %10s  %s\n' benchmark tool seconds ratio output note
for l in "${LINES[@]}"; do echo "$l"; done
echo "load: $(uptime | sed 's/.*load average: //') (1, 5, 15 min)"
exit $status
