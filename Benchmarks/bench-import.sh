#!/usr/bin/env bash
# Import benchmark: `samsvar import` into a fresh embedded store against pyoxigraph loading
# the same file into an on-disk `Store(path)`, in one run.  See Benchmarks/README.md.
#
#   bash Benchmarks/bench-import.sh [--datasets N] [--runs R] [--no-build]
#
# The file is the generated DCAT-AP-NO catalogue as N-Triples (20,000 datasets = 903k
# triples).  Each tool starts from an empty store folder on every run; the best of R runs
# (default 3) is reported, wall clock including process start-up.  pyoxigraph is timed both
# ways it loads: `Store.load` (one transaction, like samsvar import) and `Store.bulk_load`
# (no transaction).  ratio = peer seconds / samsvar seconds, so > 1 means Samsvar is faster.
# Each store's quad count is checked against the generator's count.

set -uo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"
PEER_PYTHON=${PEER_PYTHON:-/opt/rdfpeers/bin/python}
DATASETS=20000
RUNS=3
BUILD=1
while [ $# -gt 0 ]; do
    case "$1" in
        --datasets) DATASETS=${2:?}; shift 2 ;;
        --runs) RUNS=${2:?}; shift 2 ;;
        --no-build) BUILD=0; shift ;;
        -h|--help) sed -n '5p' "${BASH_SOURCE[0]}" | sed 's/^# //'; exit 0 ;;
        *) echo "bench-import: unknown argument: $1" >&2; exit 2 ;;
    esac
done
[[ "$DATASETS" =~ ^[1-9][0-9]*$ && "$RUNS" =~ ^[1-9][0-9]*$ ]] || { echo "bench-import: --datasets and --runs take positive integers" >&2; exit 2; }

bench_setup bench-import
bench_build

FILE="$DATA/catalog-$DATASETS.nt"
if [ ! -s "$FILE" ] || [ ! -s "$FILE.count" ] || [ "$HERE/generate-catalog.py" -nt "$FILE" ]; then
    echo "generating $FILE ..."
    python3 "$HERE/generate-catalog.py" --datasets "$DATASETS" --format ntriples -o "$FILE.tmp" 2>"$TMP/gen.err" \
        || { cat "$TMP/gen.err" >&2; exit 1; }
    grep -oE '[0-9]+ triples' "$TMP/gen.err" | grep -oE '[0-9]+' >"$FILE.count"
    mv "$FILE.tmp" "$FILE"
fi
EXPECTED=$(cat "$FILE.count")
cat "$FILE" >/dev/null

# best_of NAME CMD...: runs CMD R times, each after removing $TMP/store*; sets BEST.
best_of() {
    local i t0 t1 dt
    BEST=""
    for ((i = 0; i < RUNS; i++)); do
        rm -rf "$TMP"/store*
        t0=$EPOCHREALTIME
        "$@" >"$TMP/out" 2>"$TMP/err" || { BEST=""; echo "  $1 failed: $(head -c 300 "$TMP/err")" >&2; return 1; }
        t1=$EPOCHREALTIME
        dt=$(awk -v a="$t0" -v b="$t1" 'BEGIN { printf "%.3f", b - a }')
        if [ -z "$BEST" ] || awk -v x="$dt" -v y="$BEST" 'BEGIN { exit !(x < y) }'; then BEST=$dt; fi
    done
}

echo "timing: best of $RUNS runs each, $EXPECTED triples ..."
best_of "$SAMSVAR" import "$FILE" --store "$TMP/store.sqlite" || exit 1
SAMSVAR_TIME=$BEST
SAMSVAR_COUNT=$("$SAMSVAR" store graphs --store "$TMP/store.sqlite" --json | grep -oE '"tripleCount" *: *[0-9]+' | grep -oE '[0-9]+$')

OXI_LOAD=-; OXI_BULK=-; OXI_COUNT=-
if "$PEER_PYTHON" -c 'import pyoxigraph' 2>/dev/null; then
    cat >"$TMP/oxi.py" <<'PY'
import sys
from pyoxigraph import RdfFormat, Store
mode, path, file = sys.argv[1:4]
store = Store(path)
if mode == "load":
    store.load(path=file, format=RdfFormat.N_TRIPLES)
else:
    store.bulk_load(path=file, format=RdfFormat.N_TRIPLES)
store.flush()
print(len(store))
PY
    best_of "$PEER_PYTHON" "$TMP/oxi.py" load "$TMP/store-oxi" "$FILE" && { OXI_LOAD=$BEST; OXI_COUNT=$(cat "$TMP/out"); }
    best_of "$PEER_PYTHON" "$TMP/oxi.py" bulk "$TMP/store-oxi" "$FILE" && OXI_BULK=$BEST
else
    echo "  pyoxigraph: not installed (run ../shared/tools/install-peers.sh)" >&2
fi

ratio() { [ "$1" = - ] && echo - || awk -v p="$1" -v s="$SAMSVAR_TIME" 'BEGIN { printf "%.2f", p / s }'; }
printf '\n%-28s %9s %10s %7s\n' tool seconds triples ratio
printf '%-28s %9s %10s %7s\n' "samsvar import" "$SAMSVAR_TIME" "${SAMSVAR_COUNT:--}" 1.00
printf '%-28s %9s %10s %7s\n' "pyoxigraph Store.load" "$OXI_LOAD" "$OXI_COUNT" "$(ratio "$OXI_LOAD")"
printf '%-28s %9s %10s %7s\n' "pyoxigraph Store.bulk_load" "$OXI_BULK" "$OXI_COUNT" "$(ratio "$OXI_BULK")"
status=0
[ "${SAMSVAR_COUNT:-}" = "$EXPECTED" ] || { echo "samsvar stored ${SAMSVAR_COUNT:-?} triples, expected $EXPECTED" >&2; status=1; }
[ "$OXI_COUNT" = - ] || [ "$OXI_COUNT" = "$EXPECTED" ] || { echo "pyoxigraph stored $OXI_COUNT, expected $EXPECTED" >&2; status=1; }
exit $status
