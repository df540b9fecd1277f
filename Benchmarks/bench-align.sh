#!/usr/bin/env bash
# Alignment benchmark: samsvar align on OAEI anatomy (F1 and time) and on a synthetic
# N × N pair of SKOS vocabularies (time and peak memory, from /usr/bin/time -v).
#
#   bash Benchmarks/bench-align.sh [--concepts N] [--no-build]
#
# Targets (issue 7): anatomy F1 >= 0.90 in under 10 s; 10,000 x 10,000 in under 10 s and 1 GB.

set -uo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"
N=10000
BUILD=1
while [ $# -gt 0 ]; do
    case "$1" in
        --concepts) N=${2:?}; shift 2 ;;
        --no-build) BUILD=0; shift ;;
        -h|--help) sed -n '5p' "${BASH_SOURCE[0]}" | sed 's/^# //'; exit 0 ;;
        *) echo "bench-align: unknown argument: $1" >&2; exit 2 ;;
    esac
done
[[ "$N" =~ ^[1-9][0-9]*$ ]] || { echo "bench-align: --concepts takes a positive integer" >&2; exit 2; }
[ -x /usr/bin/time ] || { echo "bench-align: needs /usr/bin/time (apt install time)" >&2; exit 2; }
bench_setup bench-align
bench_build

measure() {  # measure NAME CMD...: prints wall seconds and peak RSS, keeps stderr in $TMP/err
    local name=$1; shift
    /usr/bin/time -v "$@" >"$TMP/out" 2>"$TMP/err"
    local rc=$?
    local wall rss
    wall=$(grep -E 'Elapsed \(wall clock\)' "$TMP/err" | awk '{print $NF}')
    rss=$(grep -E 'Maximum resident set size' "$TMP/err" | awk '{print $NF}')
    printf '%-34s wall %8s   peak RSS %6d MB   exit %d\n' "$name" "$wall" "$((rss / 1024))" "$rc"
}

A="$ROOT/Tests/Fixtures/alignment/oaei-anatomy"
measure "OAEI anatomy (2,744 x 3,304)" "$SAMSVAR" align "$A/source.xml" "$A/target.xml" --profile owl \
    --evaluate "$A/reference.xml" --limit 0 --store "$TMP/store.sqlite"
grep -E '^(precision|recall|F1)' "$TMP/err" | sed 's/^/    /'

if [ ! -s "$DATA/source-$N.nt" ] || [ "$HERE/generate-concepts.py" -nt "$DATA/source-$N.nt" ]; then
    python3 "$HERE/generate-concepts.py" --concepts "$N" --out-dir "$DATA"
fi
measure "synthetic $N x $N" "$SAMSVAR" align "$DATA/source-$N.nt" "$DATA/target-$N.nt" --limit 0 \
    -o "$TMP/out.sssom.tsv" --store "$TMP/store.sqlite"
echo "    $(($(grep -vc '^#' "$TMP/out.sssom.tsv") - 1)) proposals written"
