#!/usr/bin/env bash
# Renders an HTML report in headless Chromium: a screenshot (PNG) and a printed PDF, to
# check how the report looks on screen and on paper.
#
#   scripts/render-report.sh JOURNAL_OR_HTML [OUT_DIR]
#
# Given a journal (*.jsonl), the HTML report is made first with `downtime report`
# (through `cargo run`, or $DOWNTIME if set). Writes OUT_DIR/report.html (journals only),
# OUT_DIR/report.png (1200 px wide, the first 3000 px) and OUT_DIR/report.pdf (A4, the
# print stylesheet). With poppler-utils installed, the PDF's pages are also rendered as
# OUT_DIR/page-N.png. OUT_DIR defaults to target/report-render.
#
# Needs Chromium (Debian: `apt-get install -y chromium`); the browser is run without
# network access to anything (the report has no external resources) and with a throwaway
# profile.
set -euo pipefail

if [ $# -lt 1 ] || [ $# -gt 2 ]; then
    sed -n '2,16p' "$0" | sed 's/^# \{0,1\}//'
    exit 2
fi
input=$1
out=${2:-target/report-render}
mkdir -p "$out"

browser=""
for b in chromium chromium-browser google-chrome; do
    if command -v "$b" >/dev/null 2>&1; then
        browser=$b
        break
    fi
done
if [ -z "$browser" ]; then
    echo "render-report: Chromium not found (Debian: apt-get install -y chromium)" >&2
    exit 2
fi

case "$input" in
*.html) html=$input ;;
*)
    html=$out/report.html
    if [ -n "${DOWNTIME:-}" ]; then
        "$DOWNTIME" report "$input" --format html -o "$html"
    else
        cargo run --quiet -- report "$input" --format html -o "$html"
    fi
    ;;
esac

profile=$(mktemp -d)
trap 'rm -rf "$profile"' EXIT
flags=(--headless --no-sandbox --disable-gpu --disable-quic --no-first-run
    --disable-background-networking --disable-component-update --disable-sync
    --hide-scrollbars "--user-data-dir=$profile")
url="file://$(cd "$(dirname "$html")" && pwd)/$(basename "$html")"

"$browser" "${flags[@]}" --screenshot="$out/report.png" --window-size=1200,3000 "$url" 2>/dev/null
"$browser" "${flags[@]}" --no-pdf-header-footer --print-to-pdf="$out/report.pdf" "$url" 2>/dev/null
echo "wrote $out/report.png and $out/report.pdf"
if command -v pdftoppm >/dev/null 2>&1; then
    rm -f "$out"/page-*.png
    pdftoppm -r 60 -png "$out/report.pdf" "$out/page"
    echo "wrote $(ls "$out"/page-*.png | wc -l) page image(s): $out/page-*.png"
fi
