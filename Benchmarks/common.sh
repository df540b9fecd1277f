# Shared set-up of the benchmark scripts (sourced, not run): where things are, a scratch
# folder removed on exit, and the release build of samsvar.
#
#   source "$(dirname "${BASH_SOURCE[0]}")/common.sh"
#   bench_setup NAME          # checks bash 5, sets LC_ALL=C, HERE, ROOT, DATA, TMP (removed on exit)
#   bench_build               # builds samsvar (release) when BUILD=1 and SAMSVAR is not overridden

# bench_setup NAME: NAME is the script's name in messages and in the scratch folder's name.
bench_setup() {
    BENCH_NAME=$1
    if [ -z "${EPOCHREALTIME:-}" ]; then echo "$BENCH_NAME: needs bash 5 or later (\$EPOCHREALTIME)" >&2; exit 2; fi
    export LC_ALL=C  # '.' as the decimal point in $EPOCHREALTIME and printf
    HERE=$(cd "$(dirname "${BASH_SOURCE[1]}")" && pwd)
    ROOT=$(dirname "$HERE")
    DATA="$HERE/data"
    mkdir -p "$DATA"
    TMP=$(mktemp -d "${TMPDIR:-/tmp}/$BENCH_NAME.XXXXXX")
    trap 'rm -rf "$TMP"' EXIT
}

# bench_build: SAMSVAR defaults to the release build in the checkout, which is (re)built
# unless BUILD=0; a SAMSVAR given from outside is timed as it is.  Exits 1 when the build
# fails or the binary is missing.
bench_build() {
    local default="$ROOT/.build/release/samsvar"
    SAMSVAR=${SAMSVAR:-$default}
    if [ "${BUILD:-1}" = 1 ] && [ "$SAMSVAR" = "$default" ]; then
        echo "building samsvar (swift build -c release --product samsvar) ..."
        (cd "$ROOT" && swift build -c release --product samsvar) >"$DATA/build.log" 2>&1 \
            || { echo "$BENCH_NAME: build failed (see Benchmarks/data/build.log)" >&2; exit 1; }
    fi
    [ -x "$SAMSVAR" ] || { echo "$BENCH_NAME: $SAMSVAR is missing" >&2; exit 1; }
}
