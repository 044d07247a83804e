#!/usr/bin/env bash
# package.sh BUILD_DIR: what a user installs works. `cmake --install` into a
# DESTDIR puts the binary, man page, completions and docs under the prefix;
# `cpack -G DEB` builds a .deb that installs (dpkg -i), runs (relief
# --version names the commit, relief demo and report work on a fresh
# journal) and is removed again (dpkg -r) leaving nothing behind. Needs root
# for dpkg; CI runs it (.ci/run), `./dev package` locally.
set -euo pipefail
build=$(realpath "${1:-build}")
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
fail() { echo "FAIL: $*" >&2; exit 1; }

# 1. cmake --install into a DESTDIR, under the usual prefix.
DESTDIR="$work/root" cmake --install "$build" --prefix /usr/local >/dev/null
for f in bin/relief share/man/man1/relief.1.gz share/bash-completion/completions/relief \
    share/zsh/site-functions/_relief share/fish/vendor_completions.d/relief.fish \
    share/doc/relief/README.md share/doc/relief/methods.md share/doc/relief/reading-your-report.md \
    share/doc/relief/journal-schema.md share/doc/relief/copyright share/doc/relief/changelog.Debian.gz; do
    [ -e "$work/root/usr/local/$f" ] || fail "cmake --install did not install $f"
done
"$work/root/usr/local/bin/relief" --version | grep -Eq '^relief [0-9.]+ \(commit [0-9a-f]{7,}(-dirty)?\)$' ||
    fail "relief --version does not name the commit: $("$work/root/usr/local/bin/relief" --version)"
echo "ok: cmake --install puts the binary, man page, completions and docs under the prefix"

# 2. The .deb: build, install, run, remove.
(cd "$build" && cpack -G DEB -B "$work/deb" >/dev/null)
deb=$(ls "$work"/deb/relief_*.deb)
info=$(dpkg-deb --info "$deb")
contents=$(dpkg-deb --contents "$deb")
# Depends from dpkg-shlibdeps: the versions the binary needs, not bare names.
grep -Eq '^ Depends: .*libc6 \(>= 2\.[0-9]+\)' <<<"$info" || fail "the .deb's Depends lack libc6's version: $(grep Depends <<<"$info")"
grep -Eq '^ Depends: .*libsqlite3-0 \(>= 3\.[0-9.]+\)' <<<"$info" || fail "the .deb's Depends lack libsqlite3-0's version: $(grep Depends <<<"$info")"
grep -q '^ Maintainer: relief maintainers <maintainers@' <<<"$info" || fail "the .deb has no real maintainer"
grep -q './usr/share/man/man1/relief.1.gz' <<<"$contents" || fail "the .deb has no compressed man page"
grep -q './usr/share/zsh/vendor-completions/_relief' <<<"$contents" || fail "the .deb's zsh completion is not where Debian's zsh looks"
grep -q './usr/share/doc/relief/copyright' <<<"$contents" || fail "the .deb has no copyright file"
grep -q './usr/share/doc/relief/changelog.Debian.gz' <<<"$contents" || fail "the .deb has no changelog"
dpkg-deb --fsys-tarfile "$deb" | tar -xOf - ./usr/share/doc/relief/copyright | head -1 |
    grep -qx 'Format: https://www.debian.org/doc/packaging-manuals/copyright-format/1.0/' ||
    fail "the copyright file is not in the machine-readable format"
grep -q './usr/share/bash-completion/completions/relief' <<<"$contents" || fail "the .deb has no completion"
# lintian, Debian's package checker: no errors and no warnings.
lintian_out=$(lintian --fail-on error,warning "$deb" 2>&1) || fail "lintian finds problems in the .deb: $lintian_out"
lintian_out=$(grep -v '^running with root privileges' <<<"$lintian_out" || true)
[ -z "$lintian_out" ] || fail "lintian reports: $lintian_out"
echo "ok: lintian finds no errors and no warnings in the .deb"
if dpkg-query -W -f='${Status}' relief 2>/dev/null | grep -q "ok installed"; then
    fail "a relief package is installed already; remove it first (dpkg -r relief)"
fi
dpkg -i "$deb" >/dev/null
trap 'dpkg -r relief >/dev/null 2>&1 || true; rm -rf "$work"' EXIT
[ "$(command -v relief)" = /usr/bin/relief ] || fail "the .deb did not install /usr/bin/relief"
/usr/bin/relief --version | grep -Eq '^relief [0-9.]+ \(commit ' || fail "the installed relief --version"
export RELIEF_DB="$work/journal.db" RELIEF_CONFIG=/dev/null
/usr/bin/relief demo >/dev/null || fail "the installed relief demo"
# Into a file, not a pipe: grep -q quits at its match, and a report longer
# than one stdio buffer then meets SIGPIPE, which pipefail counts as failure.
/usr/bin/relief report > "$work/report.txt" || fail "the installed relief report"
grep -q 'In short' "$work/report.txt" || fail "the installed relief report has no answer"
# The installed bash completion asks the installed relief (relief __complete).
offered=$(bash -c 'source /usr/share/bash-completion/completions/relief
    COMP_WORDS=(relief report --format ma); COMP_CWORD=3
    _relief relief ma --format; printf "%s\n" "${COMPREPLY[@]}"')
[ "$offered" = markdown ] || fail "the installed bash completion offers \"$offered\" for report --format ma"
man -w relief >/dev/null 2>&1 || [ -e /usr/share/man/man1/relief.1.gz ] || [ -e /usr/share/man/man1/relief.1 ] ||
    fail "the man page was not installed"
dpkg -r relief >/dev/null
[ ! -e /usr/bin/relief ] || fail "dpkg -r left /usr/bin/relief behind"
echo "ok: the .deb installs, runs relief --version, demo and report, and is removed cleanly"
