/**
 * The review as a document to send on: one self-contained HTML file (no script, no external
 * resource; pictures inlined as data: URLs) that prints to PDF. Each finding carries its status,
 * note, figures and a picture of every place it is printed, with the cited value marked.
 */
import type { BBox } from '../model/geometry.js';
import type { Finding } from '../model/report.js';
import type { Review } from '../store/types.js';
import { formatNumber, labels, placeLabel, type FindingFilter, type Lang } from './findings.js';

/** A strip of a page to picture for a finding, and the boxes to mark on it. */
export interface ReportRegion {
  findingId: string;
  page: number;
  /** Points from the page's top-left corner; the width is clamped to the page when cut. */
  box: BBox;
  marks: { box: BBox; kind: 'cite' | 'operand' }[];
}

/** A region's picture: PNG bytes and the box it really covers. */
export interface RegionPicture {
  png: Uint8Array;
  box: BBox;
}

export interface ReportInput {
  lang: Lang;
  title: string;
  fileName: string;
  findings: readonly Finding[];
  /** Every finding of the report, so counts can say how many the filter left out. */
  total: number;
  reviews: ReadonlyMap<string, Review>;
  filter: FindingFilter;
  regions: readonly ReportRegion[];
  /** Pictures in the order of `regions` (null where a page could not be pictured). */
  pictures: readonly (RegionPicture | null)[];
  generatedAt: Date;
}

/** Context kept above and below a cited box in its picture, in points. */
const MARGIN = 36;
/** Tallest stretch of a page (points) pictured to show a figure with its operands. */
const MAX_SPAN = 320;

/**
 * The page strips that picture a finding's citations: one per cited place that has a box, at most
 * `perFinding` of them, each the full page width and the cited rows with some context, stretched
 * to take in the operands printed near the figure, which are marked too.
 *
 * @example
 *   reportRegions([finding]); // [{ findingId, page: 12, box: [0, 280, 10000, 360], marks: [...] }]
 */
export function reportRegions(findings: readonly Finding[], perFinding = 3): ReportRegion[] {
  const out: ReportRegion[] = [];
  for (const f of findings) {
    const cited = f.citations.filter((c) => c.bbox).slice(0, perFinding);
    for (const c of cited) {
      // A scanned figure is marked where its words are printed (`textBox`), not over its whole grid cell.
      const b = c.textBox ?? c.bbox!;
      const near = (f.expected?.operands ?? []).flatMap((o) => (o.cite?.page === c.page && o.cite.bbox ? [o.cite.textBox ?? o.cite.bbox] : []));
      // The operands printed near the cited figure (a sum's rows above its total) are pictured with it.
      const top = Math.min(b[1], ...near.map((x) => x[1]));
      const bottom = Math.max(b[3], ...near.map((x) => x[3]));
      const span: [number, number] = bottom - top <= MAX_SPAN ? [top, bottom] : [b[1], b[3]];
      const box: BBox = [0, Math.max(0, span[0] - MARGIN), 10_000, span[1] + MARGIN];
      const inside = (x: BBox) => x[1] >= box[1] && x[3] <= box[3];
      const operands = near.filter(inside).map((x) => ({ box: x, kind: 'operand' as const }));
      out.push({ findingId: f.id, page: c.page, box, marks: [{ box: b, kind: 'cite' }, ...operands] });
    }
  }
  return out;
}

const TEXT = {
  id: {
    heading: 'Hasil tinjauan temuan',
    file: 'Berkas',
    generated: 'Dibuat',
    shown: (n: number, total: number) => `${n} dari ${total} temuan`,
    filters: 'Filter',
    none: 'tanpa filter',
    severity: 'Tingkat',
    check: 'Pemeriksaan',
    status: 'Status',
    printed: 'Tercetak',
    expected: 'Seharusnya',
    formula: 'Rumus',
    places: 'Lokasi',
    note: 'Catatan',
    causedBy: 'Disebabkan oleh',
    noPicture: 'Gambar halaman tidak tersedia untuk lokasi ini.',
    empty: 'Tidak ada temuan untuk filter ini.',
    legend: 'Kotak kuning: angka yang dikutip; garis putus-putus: angka yang dipakai menghitung.',
  },
  en: {
    heading: 'Reviewed findings',
    file: 'File',
    generated: 'Generated',
    shown: (n: number, total: number) => `${n} of ${total} findings`,
    filters: 'Filter',
    none: 'none',
    severity: 'Severity',
    check: 'Check',
    status: 'Status',
    printed: 'Printed',
    expected: 'Expected',
    formula: 'Formula',
    places: 'Places',
    note: 'Note',
    causedBy: 'Caused by',
    noPicture: 'No page picture for this place.',
    empty: 'No findings for this filter.',
    legend: 'Yellow box: the cited figure; dashed: the figures it was computed from.',
  },
} as const;

/**
 * Writes the report. Every text from the PDF or the reviewer is escaped; the page holds no script.
 *
 * @example
 *   const html = reportHtml({ lang: 'id', title: 'Kecamatan X — LKjIP 2023', ... });
 */
export function reportHtml(r: ReportInput): string {
  const w = TEXT[r.lang];
  const l = labels(r.lang);
  const number = new Map(r.findings.map((f, i) => [f.id, i + 1]));
  const byFinding = new Map<string, { region: ReportRegion; picture: RegionPicture | null }[]>();
  r.regions.forEach((region, i) => byFinding.set(region.findingId, [...(byFinding.get(region.findingId) ?? []), { region, picture: r.pictures[i] ?? null }]));

  const filterParts = [
    r.filter.severity?.length ? `${w.severity}: ${r.filter.severity.map((s) => l.severity[s as Finding['severity']] ?? s).join(', ')}` : null,
    r.filter.check?.length ? `${w.check}: ${r.filter.check.map(l.check).join(', ')}` : null,
    r.filter.status?.length ? `${w.status}: ${r.filter.status.map((s) => l.status[s]).join(', ')}` : null,
  ].filter(Boolean);
  const counts = (['open', 'confirmed', 'dismissed', 'follow-up'] as const)
    .map((s) => [s, r.findings.filter((f) => (r.reviews.get(f.id)?.status ?? 'open') === s).length] as const)
    .filter(([, n]) => n > 0)
    .map(([s, n]) => `<span class="status st-${s}">${esc(l.status[s])}: ${formatNumber(n, r.lang)}</span>`)
    .join(' ');

  const items = r.findings.map((f, i) => {
    const review = r.reviews.get(f.id);
    const status = review?.status ?? 'open';
    const rows: string[] = [];
    if (f.printed) rows.push(row(w.printed, f.printed.text));
    if (f.expected) {
      rows.push(row(w.expected, formatNumber(f.expected.value, r.lang) || '—'));
      rows.push(row(w.formula, f.expected.formula));
    }
    rows.push(row(w.places, f.citations.map((c) => placeLabel(c, r.lang)).join('; ')));
    const causes = (f.causedBy ?? []).map((id) => (number.has(id) ? `#${number.get(id)}` : id));
    if (causes.length) rows.push(row(w.causedBy, causes.join(', ')));
    if (review?.note) rows.push(row(w.note, review.note, 'note'));
    const pictures = (byFinding.get(f.id) ?? []).map(({ region, picture }) => figure(region, picture, r.lang, w.noPicture));
    return `<article class="finding sev-${f.severity}" id="f${i + 1}">
<h2><span class="no">#${i + 1}</span> <span class="sev">${esc(l.severity[f.severity])}</span> · ${esc(l.check(f.check))} <span class="status st-${status}">${esc(l.status[status])}</span></h2>
<p class="msg">${esc(f.message[r.lang])}</p>
<dl>${rows.join('')}</dl>
${pictures.join('\n')}
</article>`;
  });

  return `<!doctype html>
<html lang="${r.lang}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${esc(`${r.title} — ${w.heading}`)}</title>
<style>${CSS}</style>
</head>
<body>
<header>
<h1>${esc(r.title)}</h1>
<p class="sub">${esc(w.heading)} · ${esc(w.shown(r.findings.length, r.total))}</p>
<p class="meta">${esc(w.file)}: ${esc(r.fileName)} · ${esc(w.generated)}: ${esc(r.generatedAt.toISOString().slice(0, 16).replace('T', ' '))} UTC · ${esc(w.filters)}: ${esc(filterParts.join('; ') || w.none)}</p>
<p class="counts">${counts}</p>
<p class="legend">${esc(w.legend)}</p>
</header>
<main>
${items.length ? items.join('\n') : `<p>${esc(w.empty)}</p>`}
</main>
</body>
</html>
`;
}

// ---------------------------------------------------------------------------------------------

function row(label: string, value: string, cls = ''): string {
  return `<div${cls ? ` class="${cls}"` : ''}><dt>${esc(label)}</dt><dd>${esc(value)}</dd></div>`;
}

function figure(region: ReportRegion, picture: RegionPicture | null, lang: Lang, missing: string): string {
  const caption = `${lang === 'id' ? 'hal.' : 'p.'} ${region.page}`;
  if (!picture) return `<figure class="crop missing"><figcaption>${esc(caption)} — ${esc(missing)}</figcaption></figure>`;
  const [x0, y0, x1, y1] = picture.box;
  const pct = (v: number) => `${(v * 100).toFixed(2)}%`;
  // Operands first, so the cited box is drawn last, on top.
  const marks = [...region.marks]
    .sort((a, b) => (a.kind === b.kind ? 0 : a.kind === 'operand' ? -1 : 1))
    .map((m) => {
      const [a, b, c, d] = m.box;
      const style = `left:${pct((a - 2 - x0) / (x1 - x0))};top:${pct((b - 2 - y0) / (y1 - y0))};width:${pct((c - a + 4) / (x1 - x0))};height:${pct((d - b + 4) / (y1 - y0))}`;
      return `<span class="mark ${m.kind}" style="${style}"></span>`;
    });
  const src = `data:image/png;base64,${Buffer.from(picture.png).toString('base64')}`;
  return `<figure class="crop"><div class="shot"><img src="${src}" alt="${esc(caption)}">${marks.join('')}</div><figcaption>${esc(caption)}</figcaption></figure>`;
}

function esc(s: string): string {
  return s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

const CSS = `
:root { color: #1d2430; font: 14px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; }
body { margin: 0 auto; max-width: 960px; padding: 16px; }
h1 { font-size: 20px; margin: 0 0 4px; }
h2 { font-size: 15px; margin: 0 0 4px; }
.sub, .meta, .legend { color: #4a5466; margin: 2px 0; }
.counts { display: flex; gap: 6px; flex-wrap: wrap; }
.finding { border: 1px solid #d8dde6; border-left: 5px solid #5b6577; border-radius: 6px; padding: 10px 12px; margin: 12px 0; break-inside: avoid; page-break-inside: avoid; }
.sev-error { border-left-color: #b3261e; } .sev-warning { border-left-color: #a15c00; }
.sev-rounding { border-left-color: #5f6b7a; } .sev-info { border-left-color: #2b6cb0; }
.no { color: #4a5466; } .sev { text-transform: uppercase; font-size: 12px; }
.status { display: inline-block; border-radius: 10px; padding: 0 8px; font-size: 12px; font-weight: 600; border: 1px solid currentColor; }
.st-open { color: #4a5466; } .st-confirmed { color: #8a1c14; } .st-dismissed { color: #3b6b1f; } .st-follow-up { color: #7a4700; }
.msg { margin: 4px 0 6px; }
dl { margin: 0; display: grid; gap: 2px; }
dl div { display: grid; grid-template-columns: 130px 1fr; gap: 8px; }
dt { color: #4a5466; } dd { margin: 0; word-break: break-word; }
.note dd { font-style: italic; white-space: pre-wrap; }
.crop { margin: 8px 0 0; }
.shot { position: relative; display: inline-block; max-width: 100%; border: 1px solid #d8dde6; }
.shot img { display: block; max-width: 100%; height: auto; }
.mark { position: absolute; box-sizing: border-box; }
.mark.cite { border: 2px solid #d99a00; background: rgba(255, 196, 0, 0.18); }
.mark.operand { border: 1px dashed #0b5cad; }
figcaption { color: #4a5466; font-size: 12px; }
@media print { body { max-width: none; padding: 0; } .finding { margin: 8px 0; } }
`;
