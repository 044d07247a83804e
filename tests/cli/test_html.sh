#!/usr/bin/env bash
# The printable report: one self-contained HTML file that headless Chromium
# prints on at most two pages (A4 and US Letter) and that is not blank.
# shellcheck source=lib.sh
. "$(dirname "$0")/lib.sh"
if ! command -v chromium >/dev/null || ! command -v pdfinfo >/dev/null; then
    echo "chromium or poppler-utils missing: skipped (./dev test installs them)"
    exit 77
fi

"$RELIEF" --db "$WORK/demo.db" demo --weeks 26 --seed 3 >/dev/null
run --db "$WORK/demo.db" report --weeks 26 --format html --output "$WORK/report.html"
expect_code 0 "html report to a file"
expect_eq "$OUT" "" "--output writes nothing to stdout"
expect_eq "$(mode_of "$WORK/report.html")" "600" "the report file is private"
html=$(cat "$WORK/report.html")
expect_match "$html" '^<!DOCTYPE html>' "an HTML document"
if printf '%s' "$html" | grep -Eiq '<script|javascript:|on(load|click|error)='; then fail "the page has script"; fi
if printf '%s' "$html" | grep -Eiq '(src|href)=|url\(|@import|<link|<img|<iframe'; then fail "the page references something outside itself"; fi
if printf '%s' "$html" | grep -Eo 'https?://[^" ]*' | grep -v '^http://www.w3.org/2000/svg$' | grep -q .; then fail "an address other than the SVG namespace"; fi
expect_match "$html" '@media print' "a print stylesheet"
expect_match "$html" '<title>Daily pain, weekly means and sessions</title>' "charts have titles"
expect_eq "$(printf '%s' "$html" | grep -c 'role="img" aria-label=')" "3" "every chart has a text alternative"
expect_match "$html" "[Nn]ot randomised or blinded; expectations can shape ratings" "the caveat"
expect_match "$html" 'How to read this' "a note for the clinician"
# The first card is the answer, before any chart.
first_section=$(printf '%s' "$html" | grep -o '<section class="[a-z]*"><h2>[^<]*' | head -1)
expect_match "$first_section" '<section class="answer"><h2>In short \(26 weeks' "the answer is the first card"
expect_match "$html" '<h2>Details</h2>' "a Details part for the statistics"
expect_match "$html" '<th>Therapist</th>' "the session table"
expect_eq "$("$RELIEF" --db "$WORK/demo.db" report --weeks 26 --format html)" "$html" "stdout and --output agree"

chrome() {
    timeout 120 chromium --headless --no-sandbox --disable-gpu --disable-quic --no-first-run \
        --disable-background-networking --disable-component-update --disable-sync \
        --user-data-dir="$WORK/chrome" "$@" >/dev/null 2>&1
}
# not_blank FILE.pdf: the first page has a real amount of ink.
not_blank() {
    pdftoppm -r 30 -gray -f 1 -l 1 "$1" "$WORK/page"
    local dark
    dark=$(tail -c +16 "$WORK"/page*.pgm | od -An -tu1 -v | tr -s ' ' '\n' | awk '$1 != "" && $1 < 160' | wc -l)
    rm -f "$WORK"/page*.pgm
    [ "$dark" -gt 2000 ]
}
chrome --no-pdf-header-footer --print-to-pdf="$WORK/letter.pdf" "file://$WORK/report.html"
[ -s "$WORK/letter.pdf" ] || fail "chromium printed nothing"
pages=$(pdfinfo "$WORK/letter.pdf" | awk '/^Pages:/ { print $2 }')
CHECKS=$((CHECKS + 1)); [ "${pages:-99}" -le 2 ] || fail "US Letter: $pages pages, at most 2 allowed"
not_blank "$WORK/letter.pdf" || fail "the printed page is blank"
sed 's/@page { margin: 10mm; }/@page { size: A4; margin: 10mm; }/' "$WORK/report.html" > "$WORK/a4.html"
chrome --no-pdf-header-footer --print-to-pdf="$WORK/a4.pdf" "file://$WORK/a4.html"
pages=$(pdfinfo "$WORK/a4.pdf" | awk '/^Pages:/ { print $2 }')
CHECKS=$((CHECKS + 1)); [ "${pages:-99}" -le 2 ] || fail "A4: $pages pages, at most 2 allowed"
expect_match "$(pdfinfo "$WORK/a4.pdf")" 'Page size: .*\(A4\)' "the A4 variant is A4"
chrome --screenshot="$WORK/screen.png" --window-size=900,1300 "file://$WORK/report.html"
[ "$(stat -c %s "$WORK/screen.png" 2>/dev/null || echo 0)" -gt 20000 ] || fail "the screenshot is empty"

# A short journal still gives a page, with the reason instead of charts of nothing.
"$RELIEF" --db "$WORK/short.db" log --pain 4 --quiet
run --db "$WORK/short.db" report --format html
expect_match "$OUT" 'Not enough data yet \(1 of 7 days\)' "short journal page"

finish
