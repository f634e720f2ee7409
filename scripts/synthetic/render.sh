#!/usr/bin/env bash
# Renders the synthetic LKjIP corpus: every report in evals/synthetic/src/ (written by
# scripts/synthetic/generate.ts) with both LibreOffice and Chromium, an image-only copy of one page for
# the reports whose plan asks for it, then the gold with real page numbers (scripts/synthetic/gold.ts).
#
# Same engines, flags and quirks as scripts/fixtures/render.sh (see test/fixtures/README.md). Needs
# (Debian/Ubuntu package names): libreoffice-writer, chromium, fonts-liberation, poppler-utils, qpdf,
# jq, and node (npx tsx) for the gold.
#
# Usage: scripts/synthetic/render.sh [--force]
#
# Idempotent: renderers stamp dates and ids into their PDFs, so a report is rendered again only when
# one of its sources changed (sha256 in evals/synthetic/pdf/sources.sha256) or a PDF is missing.
# A report with a landscape section comes as parts (<doc>.part<N>.html): LibreOffice's HTML import
# has no named pages, so each part is rendered on its own and the PDFs are joined with qpdf.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
SYN="$ROOT/evals/synthetic"
SRC="$SYN/src"
PDF="$SYN/pdf"
STAMP="$PDF/sources.sha256"
# Scan resolution: within the 200–300 dpi of real scanned annexes, readable by OCR, small enough.
SCAN_DPI=200

FORCE=0
[[ "${1:-}" == "--force" ]] && FORCE=1

for tool in soffice chromium pdftoppm pdftotext pdffonts pdfinfo qpdf jq fc-list sha256sum npx; do
  command -v "$tool" >/dev/null || { echo "render.sh: missing $tool (see the header of this script)" >&2; exit 1; }
done
[[ -n "$(fc-list 'Liberation Serif')" ]] || { echo "render.sh: font Liberation Serif missing (fonts-liberation)" >&2; exit 1; }

WORK="$(mktemp -d)"
trap 'rm -rf "$WORK"' EXIT
mkdir -p "$PDF"
touch "$STAMP"
export PAPERSIZE=a4

log() { printf '%s\n' "$*" >&2; }

sources_of() { jq -r '.parts[].file' "$SRC/$1.plan.json"; }

# The PDFs depend on the HTML parts and on which page is scanned, not on the rest of the plan.
current_hash() {
  local doc="$1"
  { (cd "$SRC" && sha256sum $(sources_of "$doc")); jq -c '.scan // null' "$SRC/$doc.plan.json"; } | sha256sum | cut -d' ' -f1
}
recorded_hash() { awk -v f="$1" '$2 == f { print $1 }' "$STAMP"; }
record_hash() {
  local doc="$1" tmp="$WORK/stamp"
  awk -v f="$doc" '$2 != f' "$STAMP" >"$tmp"
  printf '%s  %s\n' "$(current_hash "$doc")" "$doc" >>"$tmp"
  sort -k2 "$tmp" >"$STAMP"
}

needs_build() {
  local doc="$1"
  ((FORCE)) && return 0
  [[ -s "$PDF/$doc.lo.pdf" && -s "$PDF/$doc.chrome.pdf" ]] || return 0
  if [[ "$(jq -r '.scan // empty | .from' "$SRC/$doc.plan.json")" != "" ]]; then [[ -s "$PDF/$doc.scan.pdf" ]] || return 0; fi
  [[ "$(recorded_hash "$doc")" == "$(current_hash "$doc")" ]] || return 0
  return 1
}

assert_a4() {
  # Every page A4, portrait or landscape (LibreOffice 595.30 x 841.89, Chromium 594.96 x 841.92).
  pdfinfo -f 1 -l 9999 "$1" | awk '/^Page +[0-9]+ size:/ { w = $4; h = $6; if (w > h) { t = w; w = h; h = t }
      if (w < 594 || w > 596 || h < 841 || h > 843) { print "page " $2 " not A4: " w " x " h; bad = 1 } }
    END { exit bad }' >&2 || { log "render.sh: $1 is not A4"; exit 1; }
}

render_lo_part() {
  local html="$1" dest="$2" out="$WORK/lo-out"
  rm -rf "$out"
  mkdir -p "$out"
  # "HTML (StarWriter)" imports into Writer proper (see scripts/fixtures/render.sh).
  soffice -env:UserInstallation="file://$WORK/lo-profile" --headless --norestore \
    --infilter="HTML (StarWriter)" --convert-to pdf:writer_pdf_Export \
    --outdir "$out" "$html" >"$WORK/lo.log" 2>&1 || { cat "$WORK/lo.log" >&2; exit 1; }
  local name
  name="$(basename "$html" .html)"
  [[ -s "$out/$name.pdf" ]] || { log "render.sh: LibreOffice produced no PDF for $html"; cat "$WORK/lo.log" >&2; exit 1; }
  mv "$out/$name.pdf" "$dest"
}

render_chrome_part() {
  local html="$1" dest="$2" profile
  profile="$(mktemp -d "$WORK/chrome-XXXXXX")"
  rm -f "$WORK/chrome.pdf"
  chromium --headless --no-sandbox --disable-gpu --disable-background-networking \
    --disable-component-update --disable-sync --no-first-run --user-data-dir="$profile" \
    --no-pdf-header-footer --print-to-pdf="$WORK/chrome.pdf" "file://$html" >"$WORK/chrome.log" 2>&1 || true
  [[ -s "$WORK/chrome.pdf" ]] || { log "render.sh: Chromium produced no PDF for $html"; cat "$WORK/chrome.log" >&2; exit 1; }
  mv "$WORK/chrome.pdf" "$dest"
}

# render <doc> <lo|chrome>: every part with one engine, joined in order.
render() {
  local doc="$1" engine="$2" parts=() i=0 file
  while IFS= read -r file; do
    i=$((i + 1))
    "render_${engine}_part" "$SRC/$file" "$WORK/$doc.$engine.$i.pdf"
    parts+=("$WORK/$doc.$engine.$i.pdf")
  done < <(sources_of "$doc")
  if ((${#parts[@]} == 1)); then
    cp "${parts[0]}" "$WORK/$doc.$engine.pdf"
  else
    qpdf --empty --pages "${parts[@]}" -- "$WORK/$doc.$engine.pdf"
  fi
  assert_a4 "$WORK/$doc.$engine.pdf"
  mv "$WORK/$doc.$engine.pdf" "$PDF/$doc.$engine.pdf"
}

# The 1-based page of a PDF whose text contains a caption (whitespace-insensitive).
page_of() {
  local pdf="$1" caption="$2" n p
  n="$(pdfinfo "$pdf" | awk '/^Pages:/ { print $2 }')"
  caption="$(printf '%s' "$caption" | tr -d '[:space:]')"
  for ((p = 1; p <= n; p++)); do
    if pdftotext -f "$p" -l "$p" -raw -enc UTF-8 "$pdf" - | tr -d '[:space:]' | grep -qF -- "$caption"; then
      echo "$p"
      return
    fi
  done
  log "render.sh: caption not found in $pdf: $caption"
  exit 1
}

# An image-only copy of the page holding the plan's scan caption: the page is rasterised (grey PNG),
# printed back by Chromium as a full-page picture and spliced in place of the text page with qpdf.
make_scan() {
  local doc="$1" from caption base page n orientation size w h args
  from="$(jq -r '.scan.from' "$SRC/$doc.plan.json")"
  caption="$(jq -r '.scan.caption' "$SRC/$doc.plan.json")"
  base="$PDF/$doc.$from.pdf"
  page="$(page_of "$base" "$caption")"
  n="$(pdfinfo "$base" | awk '/^Pages:/ { print $2 }')"
  read -r w h < <(pdfinfo -f "$page" -l "$page" "$base" | awk '/^Page +[0-9]+ size:/ { print $4, $6 }')
  if awk -v w="$w" -v h="$h" 'BEGIN { exit !(w > h) }'; then orientation=landscape; size='297mm; height: 209.9mm'; else orientation=portrait; size='210mm; height: 296.9mm'; fi
  pdftoppm -r "$SCAN_DPI" -gray -png -singlefile -f "$page" -l "$page" "$base" "$WORK/scan"
  cat >"$WORK/scan.html" <<HTML
<!DOCTYPE html>
<html><head><meta charset="utf-8"><style>
  @page { size: A4 $orientation; margin: 0; }
  html, body { margin: 0; padding: 0; }
  img { display: block; width: $size; }
</style></head><body><img src="scan.png" alt=""></body></html>
HTML
  render_chrome_part "$WORK/scan.html" "$WORK/scan.pdf"
  [[ "$(pdfinfo "$WORK/scan.pdf" | awk '/^Pages:/ { print $2 }')" == 1 ]] || { log "render.sh: scan page of $doc is not one page"; exit 1; }
  args=()
  ((page > 1)) && args+=("$base" "1-$((page - 1))")
  args+=("$WORK/scan.pdf" 1)
  ((page < n)) && args+=("$base" "$((page + 1))-$n")
  qpdf --empty --pages "${args[@]}" -- "$PDF/$doc.scan.pdf"
  [[ -z "$(pdftotext -f "$page" -l "$page" "$PDF/$doc.scan.pdf" - | tr -d '[:space:]')" ]] || { log "render.sh: scanned page $page of $doc has a text layer"; exit 1; }
  assert_a4 "$PDF/$doc.scan.pdf"
  log "render: $doc.scan.pdf (page $page image-only, $SCAN_DPI dpi)"
}

for plan in "$SRC"/*.plan.json; do
  doc="$(basename "$plan" .plan.json)"
  if needs_build "$doc"; then
    log "render: $doc (LibreOffice, Chromium)"
    render "$doc" lo
    render "$doc" chrome
    rm -f "$PDF/$doc.scan.pdf"
    if [[ "$(jq -r '.scan // empty | .from' "$plan")" != "" ]]; then make_scan "$doc"; fi
    record_hash "$doc"
  else
    log "render: $doc up to date"
  fi
done

for f in "$PDF"/*.pdf; do
  size=$(stat -c %s "$f")
  limit=$((300 * 1024))
  [[ "$f" == *.scan.pdf ]] && limit=$((1536 * 1024))
  ((size < limit)) || { log "render.sh: $f is $size bytes, above $limit"; exit 1; }
done

log "render: gold"
(cd "$ROOT" && npx tsx scripts/synthetic/gold.ts)
log "render: done"
