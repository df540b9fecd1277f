#!/usr/bin/env bash
# Catalogue search benchmark: `samsvar catalog search` over a generated DCAT-AP-NO catalogue
# (default 20,000 datasets) with the bundled vocabularies (EU tables, LOS) in a fresh store.
# See Benchmarks/README.md.
#
#   bash Benchmarks/bench-search.sh [--datasets N] [--runs R] [--no-build]
#
# Prints, per query, the latency of R in-process runs (`samsvar catalog search --repeat R`:
# each run opens the search index kept in the store, runs the query with facet counts over
# all matches and labels the page; the first run, which may build the index, is reported
# apart) as median, p90 and min, and the median wall-clock time of 10 whole `samsvar`
# processes (start-up and output included). SAMSVAR=path times another binary (no build);
# SWIFT_BUILD_FLAGS (e.g. "--scratch-path .build-x") is passed to swift build.

set -uo pipefail
if [ -z "${EPOCHREALTIME:-}" ]; then
    echo "bench-search: needs bash 5 or later (\$EPOCHREALTIME)" >&2; exit 2
fi
export LC_ALL=C

HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
ROOT=$(dirname "$HERE")
DATA="$HERE/data"
DATASETS=20000
RUNS=50
BUILD=1
PROCESS_RUNS=10

usage() { sed -n '6p' "${BASH_SOURCE[0]}" | sed 's/^# //'; }
while [ $# -gt 0 ]; do
    case "$1" in
        --datasets) DATASETS=${2:?}; shift 2 ;;
        --datasets=*) DATASETS=${1#*=}; shift ;;
        --runs) RUNS=${2:?}; shift 2 ;;
        --runs=*) RUNS=${1#*=}; shift ;;
        --no-build) BUILD=0; shift ;;
        -h|--help) usage; exit 0 ;;
        *) echo "bench-search: unknown argument: $1" >&2; usage >&2; exit 2 ;;
    esac
done
[[ "$DATASETS" =~ ^[1-9][0-9]*$ ]] || { echo "bench-search: --datasets must be a positive integer" >&2; exit 2; }
[[ "$RUNS" =~ ^[1-9][0-9]*$ ]] || { echo "bench-search: --runs must be a positive integer" >&2; exit 2; }

mkdir -p "$DATA"
TMP=$(mktemp -d "${TMPDIR:-/tmp}/bench-search.XXXXXX")
trap 'rm -rf "$TMP"' EXIT

# 1. The binary (release).
read -r -a BUILD_FLAGS <<< "${SWIFT_BUILD_FLAGS:-}"
if [ -z "${SAMSVAR:-}" ]; then
    if [ "$BUILD" = 1 ]; then
        echo "building samsvar (swift build -c release --product samsvar ${BUILD_FLAGS[*]}) ..."
        (cd "$ROOT" && swift build -c release --product samsvar "${BUILD_FLAGS[@]}") >"$DATA/build.log" 2>&1 \
            || { echo "bench-search: build failed (see Benchmarks/data/build.log)" >&2; exit 1; }
    fi
    SAMSVAR=$(cd "$ROOT" && swift build -c release "${BUILD_FLAGS[@]}" --show-bin-path)/samsvar
fi
[ -x "$SAMSVAR" ] || { echo "bench-search: no samsvar at $SAMSVAR" >&2; exit 1; }

# 2. The data.
NT="$DATA/catalog-$DATASETS.nt"
if [ ! -s "$NT" ]; then
    echo "generating $NT ..."
    python3 "$HERE/generate-catalog.py" --datasets "$DATASETS" --format ntriples -o "$NT" || exit 1
fi

seconds() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.3f", b - a }'; }

# 3. A fresh store: the bundled vocabularies, then the catalogue.
STORE="$TMP/store.sqlite"
t0=$EPOCHREALTIME
"$SAMSVAR" import --bundled --store "$STORE" >/dev/null || exit 1
t1=$EPOCHREALTIME
"$SAMSVAR" import "$NT" --store "$STORE" >/dev/null || exit 1
t2=$EPOCHREALTIME
echo "store: bundled vocabularies $(seconds "$t0" "$t1") s, catalogue ($DATASETS datasets) $(seconds "$t1" "$t2") s"

# 4. The first search builds the index and keeps it in the store.
t0=$EPOCHREALTIME
"$SAMSVAR" catalog search --limit 0 --store "$STORE" >/dev/null || exit 1
t1=$EPOCHREALTIME
echo "first search (builds and saves the index): $(seconds "$t0" "$t1") s"
echo

# 5. The queries.
QUERIES=(
    "common word|data"
    "two words|skoler oslo"
    "rare words|reindrift kautokeino"
    "words and filters|statistikk --format CSV --access-rights PUBLIC"
    "filter only (LOS theme with narrower)|--theme https://psi.norge.no/los/tema/helse-og-omsorg --access-rights PUBLIC"
    "no filter (all datasets)|"
)
printf '%-40s %7s  %-95s  %s\n' "query" "hits" "in-process (open index + query + facets + page)" "process"
for entry in "${QUERIES[@]}"; do
    name=${entry%%|*}
    read -r -a args <<< "${entry#*|}"
    line=$("$SAMSVAR" catalog search "${args[@]}" --repeat "$RUNS" --store "$STORE" 2>&1 >/dev/null | grep '^timing:')
    hits=$(sed -E 's/.* ([0-9]+) hits.*/\1/' <<< "$line")
    stats=$(sed -E 's/^timing: [0-9]+ runs, [0-9]+ hits; first [^;]*; //' <<< "$line")
    walls=()
    for _ in $(seq "$PROCESS_RUNS"); do
        t0=$EPOCHREALTIME
        "$SAMSVAR" catalog search "${args[@]}" --store "$STORE" >/dev/null
        t1=$EPOCHREALTIME
        walls+=("$(awk -v a="$t0" -v b="$t1" 'BEGIN { printf "%.3f", (b - a) * 1000 }')")
    done
    wall=$(printf '%s\n' "${walls[@]}" | sort -n | awk '{ a[NR] = $1 } END { printf "%.1f", a[int((NR + 1) / 2)] }')
    printf '%-40s %7s  %-95s  median %s ms\n' "$name" "$hits" "$stats" "$wall"
done
