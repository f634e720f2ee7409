import { modelSheets } from '../../export/sheets.js';
import type { Report, Value } from '../../model/report.js';
import { sheetToCsv } from '../../pipeline/batch.js';

const v = (x: Value | null | undefined) => x?.text ?? '';
const cite = (c: { page: number; table?: string | null | undefined; row?: number | null | undefined }) => `p.${c.page}${c.table ? ` ${c.table}` : ''}${c.row != null ? ` r${c.row}` : ''}`;

/**
 * The model's entities as CSV files for spreadsheet users, printed text and parsed value side by side
 * (the same columns as the web app's download): `indicators.csv`, `budget.csv`, `belanja.csv`,
 * `efficiency.csv`.
 */
export function modelCsvFiles(r: Report): Record<string, string> {
  return Object.fromEntries(Object.values(modelSheets(r)).map((sheet) => [`${sheet.name}.csv`, sheetToCsv(sheet)]));
}

/** A readable summary of the model for a terminal or a markdown viewer. */
export function reportToMarkdown(r: Report): string {
  const out: string[] = [];
  out.push(`# ${r.report.instansi ?? 'Unknown office'} — LKjIP ${r.report.tahun ?? '?'}`, '');
  out.push(`${r.report.pemda ?? ''}  `, `File: ${r.file}  `, `Tables: ${r.tables.length} (${summarizeKinds(r)})`, '');
  out.push('## Indikator kinerja', '', '| Indikator | Tahun | Target | Realisasi | Capaian | Predikat | Where |', '|---|---|---|---|---|---|---|');
  for (const i of r.indicators) out.push(`| ${i.indikator} | ${i.tahun ?? ''} | ${v(i.target)} | ${v(i.realisasi)} | ${v(i.capaian)} | ${i.predikat?.text ?? ''} | ${cite(i.cite)} |`);
  out.push('', '## Anggaran', '', '| Kode | Uraian | Level | Pagu | Realisasi | % | Sisa | Where |', '|---|---|---|---|---|---|---|---|');
  for (const b of r.budget) out.push(`| ${b.kode ?? ''} | ${b.uraian} | ${b.level} | ${v(b.pagu)} | ${v(b.realisasi)} | ${v(b.persen)} | ${v(b.sisa)} | ${cite(b.cite)} |`);
  if (r.belanja.length) {
    out.push('', '## Belanja', '', '| Uraian | Jumlah | Where |', '|---|---|---|');
    for (const b of r.belanja) out.push(`| ${b.uraian} | ${b.amount.text} | ${cite(b.cite)} |`);
  }
  out.push('', `## Skala predikat (${r.scale.source === 'report' ? 'printed in the report' : 'default'}: ${r.scale.name})`, '');
  for (const b of r.scale.bands) out.push(`- ${b.label}: ${b.min ?? '−∞'} – ${b.max ?? '∞'}`);
  if (r.warnings.length) out.push('', '## Warnings', '', ...r.warnings.map((w) => `- ${w.code}: ${w.message}`));
  return out.join('\n') + '\n';
}

function summarizeKinds(r: Report): string {
  const counts = new Map<string, number>();
  for (const t of r.tables) counts.set(t.kind, (counts.get(t.kind) ?? 0) + 1);
  return [...counts].map(([k, n]) => `${n} ${k}`).join(', ');
}
