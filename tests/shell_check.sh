#!/usr/bin/env bash
# shell_check.sh [--self-test]: shellcheck (with .shellcheckrc) on every shell
# file of the tree: the bash completion, dev, .ci/run and every script under
# tests/. zsh's and fish's completions are other languages: the completion
# test runs them in their shells instead. `--self-test` first shows that a
# planted warning fails the check.
set -uo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
command -v shellcheck >/dev/null || { echo "shellcheck is not installed (./dev install-deps)"; exit 77; }

shell_files() {
    (cd "$root" && {
        printf '%s\n' dev .ci/run share/completions/relief.bash
        find tests -name '*.sh' -type f
    } | sort)
}

if [ "${1:-}" = --self-test ]; then
    planted=$(mktemp -d)
    trap 'rm -rf "$planted"' EXIT
    cat > "$planted/bad.sh" <<'BAD'
#!/usr/bin/env bash
for f in $(ls); do echo $f; done
BAD
    if shellcheck "$planted/bad.sh" >/dev/null 2>&1; then
        echo "self-test: shellcheck passed a script with unquoted words; the check would see nothing"
        exit 1
    fi
fi

cd "$root" || exit 1
mapfile -t files < <(shell_files)
if ! shellcheck "${files[@]}"; then
    echo "shellcheck found the problems above (in ${#files[@]} files)"
    exit 1
fi
echo "shellcheck: ${#files[@]} files clean"
