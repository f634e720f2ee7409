import type { BudgetRow, Indicator, Report, Value } from '../../model/report.js';
import { csv } from './tables.js';

const v = (x: Value | null | undefined) => x?.text ?? '';
const cite = (c: { page: number; table?: string | null | undefined; row?: number | null | undefined }) => `p.${c.page}${c.table ? ` ${c.table}` : ''}${c.row != null ? ` r${c.row}` : ''}`;

/** CSV of indicators: one line per printed indicator, every value with its page and cell. */
export function indicatorsCsv(r: Report): string {
  const head = ['id', 'table', 'table_kind', 'tahun', 'tujuan', 'sasaran', 'indikator', 'satuan', 'polarity', 'target', 'realisasi', 'capaian', 'predikat', 'page', 'target_cell', 'realisasi_cell', 'capaian_cell'];
  const rows = r.indicators.map((i: Indicator) =>
    [i.id, i.table, i.tableKind, i.tahun ?? '', i.tujuan ?? '', i.sasaran ?? '', i.indikator, i.satuan ?? '', i.polarity, v(i.target), v(i.realisasi), v(i.capaian), i.predikat?.text ?? '', i.cite.page, i.target?.cite.cell ?? '', i.realisasi?.cite.cell ?? '', i.capaian?.cite.cell ?? ''].map(csv).join(','),
  );
  return [head.join(','), ...rows].join('\n') + '\n';
}

/** CSV of budget rows with parsed values next to the printed text. */
export function budgetCsv(r: Report): string {
  const head = ['id', 'table', 'kode', 'uraian', 'level', 'parent', 'pagu', 'pagu_value', 'realisasi', 'realisasi_value', 'persen', 'sisa', 'page'];
  const rows = r.budget.map((b: BudgetRow) =>
    [b.id, b.table, b.kode ?? '', b.uraian, b.level, b.parentId ?? '', v(b.pagu), b.pagu?.value ?? '', v(b.realisasi), b.realisasi?.value ?? '', v(b.persen), v(b.sisa), b.cite.page].map(csv).join(','),
  );
  return [head.join(','), ...rows].join('\n') + '\n';
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
