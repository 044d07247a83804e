#!/usr/bin/env bash
# Every C++ file is laid out as .clang-format says (./dev format applies it).
# Skipped (77) where clang-format is not installed; CI installs it.
top="${RELIEF_TEST_DIR:-$(dirname "$0")/cli}/../.."
command -v clang-format >/dev/null || { echo "clang-format is not installed"; exit 77; }
cd "$top" || exit 1
git rev-parse --git-dir >/dev/null 2>&1 || { echo "not a git checkout"; exit 77; }
bad=$(git ls-files '*.cpp' '*.hpp' | while read -r f; do
    clang-format --dry-run -Werror "$f" >/dev/null 2>&1 || echo "$f"
done)
if [ -n "$bad" ]; then
    echo "not formatted (run ./dev format):"
    echo "$bad"
    exit 1
fi
echo "every C++ file follows .clang-format"
