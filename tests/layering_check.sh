#!/usr/bin/env bash
# layering_check.sh [ROOT]: each layer includes only the layers it may use
# (src/CMakeLists.txt links them the same way):
#   core      core
#   store     core, store (and SQLite: the only layer that may)
#   analysis  core, analysis
#   render    core, analysis, render
#   cli       everything but SQLite
# A file of src/LAYER/ or include/relief/LAYER/ that includes a header of
# another layer (#include "relief/OTHER/…", or <SQLiteCpp/…>/<sqlite3.h>
# outside the store) is named and the check fails: every build runs it, so a
# layering break fails the build. Within core, each folder includes only
# the folders before it (text, time, files, record, config, entry), so core
# has no include cycles. `--self-test` shows that both checks fail a break.
set -uo pipefail
root=${1:-$(dirname "$0")/..}

allowed() {
    case $1 in
    core) echo "core" ;;
    store) echo "core store" ;;
    analysis) echo "core analysis" ;;
    render) echo "core analysis render" ;;
    cli) echo "core store analysis render" ;;
    esac
}

check() {
    local root=$1 status=0 layer file line used
    for layer in core store analysis render cli; do
        for file in $(find "$root/src/$layer" "$root/include/relief/$layer" \
            -name '*.[ch]pp' 2>/dev/null | sort); do
            while IFS= read -r line; do
                used=$(sed -n 's|^#include "relief/\([a-z]*\)/.*|\1|p' <<<"$line")
                if [ -n "$used" ] && ! grep -qw "$used" <<<"$(allowed "$layer")"; then
                    echo "layering: ${file#"$root"/} ($layer) includes $used: ${line#\#include }"
                    status=1
                fi
                if [ "$layer" != store ] && grep -Eq '^#include <(SQLiteCpp/|sqlite3\.h)' <<<"$line"; then
                    echo "layering: ${file#"$root"/} ($layer) uses SQLite, which only the store may"
                    status=1
                fi
            done < <(grep -E '^#include ' "$file")
        done
    done
    check_core "$root" || status=1
    return $status
}

# Within core, a folder uses only the folders before it (no include cycles):
k_core_order="text time files record config entry"
check_core() {
    local root=$1 status=0 folder file used before
    for folder in $k_core_order; do
        before=${k_core_order%%"$folder"*}
        for file in $(find "$root/src/core/$folder" "$root/include/relief/core/$folder" \
            -name '*.[ch]pp' 2>/dev/null | sort); do
            while IFS= read -r used; do
                if [ "$used" != "$folder" ] && ! grep -qw "$used" <<<"$before"; then
                    echo "layering: ${file#"$root"/} (core/$folder) includes core/$used, which comes after it ($k_core_order)"
                    status=1
                fi
            done < <(sed -n 's|^#include "relief/core/\([a-z]*\)/.*|\1|p' "$file" | sort -u)
        done
    done
    return $status
}

if [ "${1:-}" = --self-test ]; then
    root=$(dirname "$0")/..
    copy=$(mktemp -d)
    trap 'rm -rf "$copy"' EXIT
    cp -r "$root/src" "$root/include" "$copy/"
    check "$copy" >/dev/null || { echo "FAIL: the tree as it is breaks its layers"; exit 1; }
    sed -i '1i #include "relief/store/journal.hpp"' "$copy/src/analysis/stats.cpp"
    out=$(check "$copy") && { echo "FAIL: analysis including the store passed the check"; exit 1; }
    grep -q 'src/analysis/stats.cpp (analysis) includes store' <<<"$out" ||
        { echo "FAIL: the break was not named: $out"; exit 1; }
    cp "$root/src/analysis/stats.cpp" "$copy/src/analysis/stats.cpp"
    sed -i '1i #include <sqlite3.h>' "$copy/src/render/svg.cpp"
    check "$copy" >/dev/null && { echo "FAIL: render using SQLite passed the check"; exit 1; }
    cp "$root/src/render/svg.cpp" "$copy/src/render/svg.cpp"
    sed -i '1i #include "relief/core/entry/entry.hpp"' "$copy/src/core/record/validate.cpp"
    out=$(check "$copy") && { echo "FAIL: an include cycle in core passed the check"; exit 1; }
    grep -q 'src/core/record/validate.cpp (core/record) includes core/entry' <<<"$out" ||
        { echo "FAIL: the cycle was not named: $out"; exit 1; }
    echo "ok: the layering check passes this tree and fails a layering break"
    exit 0
fi
check "$root"
