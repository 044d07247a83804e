#!/usr/bin/env bash
# Fuzz relief's parsers with libFuzzer (clang, ASan + UBSan):
#   tests/fuzz/run.sh [SECONDS] [TARGET...]    (default: 60 s each, every target)
# Targets: when (dates and times), csv and json (import readers), config
# (the TOML loader), log_args (log/edit argument validation).
# Builds into build-fuzz/ (-DRELIEF_FUZZ=ON), starts each target from its saved
# corpus (tests/fuzz/corpus/TARGET) and prints a table. A crash is copied into
# that corpus, where every normal build replays it (ctest -R fuzz_corpus)
# until the bug is fixed: that is how a crash becomes a regression test.
set -euo pipefail
cd "$(dirname "$0")/../.."
seconds=${1:-60}
shift || true
targets=("$@")
[ ${#targets[@]} -gt 0 ] || targets=(when csv json config log_args)
build=${RELIEF_FUZZ_BUILD_DIR:-build-fuzz}

command -v clang++ >/dev/null || { echo "clang++ is missing: ./dev fuzz installs it" >&2; exit 2; }
CXX=clang++ cmake -S . -B "$build" -DCMAKE_BUILD_TYPE=RelWithDebInfo -DRELIEF_FUZZ=ON \
    -DRELIEF_TESTS=ON >/dev/null
cmake --build "$build" -j "$(nproc)" --target "${targets[@]/#/fuzz_}" >/dev/null

status=0
printf '| target | seconds | runs | corpus | result |\n|---|---:|---:|---:|---|\n'
for t in "${targets[@]}"; do
    work="$build/fuzz-work/$t"
    artifacts="$build/fuzz-artifacts/$t"
    rm -rf "$artifacts" # crashes of an earlier run are in the corpus already
    mkdir -p "$work" "$artifacts"
    log="$build/fuzz-$t.log"
    if "$build/tests/fuzz/fuzz_$t" -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 \
        -print_final_stats=1 -artifact_prefix="$artifacts/" "$work" "tests/fuzz/corpus/$t" \
        >"$log" 2>&1; then
        result=ok
    else
        result="CRASH (see $log)"
        status=1
        for crash in "$artifacts"/*; do
            [ -e "$crash" ] || continue
            cp "$crash" "tests/fuzz/corpus/$t/"
            echo "kept $crash as tests/fuzz/corpus/$t/$(basename "$crash")" >&2
        done
    fi
    runs=$(grep -o 'stat::number_of_executed_units: *[0-9]*' "$log" | grep -o '[0-9]*$' || echo "?")
    printf '| %s | %s | %s | %s | %s |\n' "$t" "$seconds" "$runs" "$(find "$work" -mindepth 1 -maxdepth 1 | wc -l)" "$result"
done
exit $status
