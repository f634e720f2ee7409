/**
 * Findings, model entities and tables as sheets for spreadsheet users: one definition of their
 * columns for the CLI's CSV files and the web app's CSV and XLSX downloads, written by the same
 * writers as the batch summary.
 */
import type { AuditResult, Report, Value } from '../model/report.js';
import type { LayoutDocument } from '../model/table.js';
import type { Sheet } from '../pipeline/batch.js';

type Lang = 'id' | 'en';

const text = (v: Value | null | undefined) => v?.text ?? null;
const num = (v: Value | null | undefined) => v?.value ?? null;

/** One row per finding and citation, like `lkjip audit --format csv`. */
export function findingsSheet(r: Pick<AuditResult, 'findings'>, lang: Lang): Sheet {
  const rows: Sheet['rows'] = [];
  for (const f of r.findings) {
    for (const c of f.citations) {
      const expected = f.expected?.value ?? null;
      rows.push([f.id, f.check, f.severity, f.message[lang], f.printed?.text ?? null, f.printed?.value ?? null, expected, f.expected?.formula ?? null, c.page, c.table ?? null, c.row ?? null, c.columnLabel ?? c.column ?? null, c.caption ?? null, (f.causedBy ?? []).join(' ') || null]);
    }
  }
  return {
    name: 'findings',
    columns: ['id', 'check', 'severity', 'message', 'printed', 'printed_value', 'expected', 'formula', 'page', 'table', 'row', 'column', 'caption', 'caused_by'],
    rows,
  };
}

export type ModelEntity = 'indicators' | 'budget' | 'belanja' | 'efficiency';

/** The model's entities as sheets: printed text and parsed value side by side, with the page. */
export function modelSheets(r: Report): Record<ModelEntity, Sheet> {
  return {
    indicators: {
      name: 'indicators',
      columns: [
        'id', 'table', 'table_kind', 'tahun', 'tujuan', 'sasaran', 'indikator', 'satuan', 'polarity',
        'target', 'target_value', 'realisasi', 'realisasi_value', 'capaian', 'capaian_value', 'predikat',
        'page', 'target_cell', 'realisasi_cell', 'capaian_cell',
      ],
      rows: r.indicators.map((i) => [
        i.id, i.table, i.tableKind, i.tahun, i.tujuan, i.sasaran, i.indikator, i.satuan, i.polarity,
        text(i.target), num(i.target), text(i.realisasi), num(i.realisasi), text(i.capaian), num(i.capaian), i.predikat?.text ?? null,
        i.cite.page, i.target?.cite.cell ?? null, i.realisasi?.cite.cell ?? null, i.capaian?.cite.cell ?? null,
      ]),
    },
    budget: {
      name: 'budget',
      columns: [
        'id', 'table', 'kode', 'uraian', 'level', 'parent', 'pagu', 'pagu_value', 'realisasi', 'realisasi_value',
        'persen', 'persen_value', 'sisa', 'sisa_value', 'prakiraan', 'prakiraan_value', 'page',
      ],
      rows: r.budget.map((b) => [
        b.id, b.table, b.kode, b.uraian, b.level, b.parentId, text(b.pagu), num(b.pagu), text(b.realisasi), num(b.realisasi),
        text(b.persen), num(b.persen), text(b.sisa), num(b.sisa), text(b.prakiraan), num(b.prakiraan), b.cite.page,
      ]),
    },
    belanja: {
      name: 'belanja',
      columns: ['id', 'uraian', 'kind', 'amount', 'amount_value', 'source', 'group', 'page'],
      rows: r.belanja.map((b) => [b.id, b.uraian, b.kind, b.amount.text, b.amount.value, b.source, b.group, b.cite.page]),
    },
    efficiency: {
      name: 'efficiency',
      columns: ['id', 'table', 'uraian', 'capaian', 'serapan', 'efisiensi', 'efisiensi_value', 'label', 'page'],
      rows: r.efficiency.map((e) => [e.id, e.table, e.uraian, text(e.capaian), text(e.serapan), text(e.efisiensi), num(e.efisiensi), e.label?.text ?? null, e.cite.page]),
    },
  };
}

/** Every cell on one line (table, page, row, column, text, box), so each value stays traceable. */
export function cellsSheet(doc: Pick<LayoutDocument, 'tables'>): Sheet {
  const rows: Sheet['rows'] = [];
  for (const t of doc.tables) {
    for (const [header, r] of [...t.headerRows.map((r) => [true, r] as const), ...t.rows.map((r) => [false, r] as const)]) {
      for (const c of r.cells) {
        if (c.spannedBy) continue;
        rows.push([t.id, t.caption ?? null, c.page, c.row, c.col, t.columns[c.col] ?? null, header ? 'yes' : 'no', c.text, ...c.bbox]);
      }
    }
  }
  return { name: 'cells', columns: ['table', 'caption', 'page', 'row', 'col', 'column', 'header', 'text', 'x0', 'y0', 'x1', 'y1'], rows };
}

/**
 * One sheet per table as printed (header labels on top, then the body rows, merged cells left
 * blank), after an index sheet giving each sheet's full caption and pages. Sheets are named by the
 * table's pages (`hal. 9`, `hal. 9-10 (2)`), short enough for a spreadsheet's 31-character limit; a
 * table of contents is not a table of the report and is left out.
 *
 * @example
 *   tableSheets(layout, 'id')[0].name; // 'daftar tabel'
 */
export function tableSheets(doc: Pick<LayoutDocument, 'tables'>, lang: Lang = 'id'): Sheet[] {
  const used = new Set<string>();
  const tables = doc.tables.filter((t) => !isContents(t));
  const named = tables.map((t) => {
    const first = t.pages[0] ?? 0;
    const last = t.pages.at(-1) ?? first;
    const base = `${lang === 'id' ? 'hal.' : 'p.'} ${first}${last !== first ? `-${last}` : ''}`;
    let name = base;
    for (let i = 2; used.has(name.toLowerCase()); i++) name = `${base} (${i})`;
    used.add(name.toLowerCase());
    return { t, name };
  });
  const index: Sheet = {
    name: lang === 'id' ? 'daftar tabel' : 'tables',
    columns: lang === 'id' ? ['lembar', 'judul', 'halaman', 'baris', 'id tabel'] : ['sheet', 'caption', 'pages', 'rows', 'table id'],
    rows: named.map(({ t, name }) => [name, t.caption ?? null, t.pages.join(', '), t.rows.length, t.id]),
  };
  return [
    index,
    ...named.map(({ t, name }) => ({
      name,
      columns: t.columns.map((c, i) => c || `${lang === 'id' ? 'kolom' : 'col'} ${i + 1}`),
      rows: t.rows.map((r) => {
        const row: (string | null)[] = Array.from({ length: t.nCols }, () => null);
        for (const c of r.cells) if (!c.spannedBy) row[c.col] = c.text;
        return row;
      }),
    })),
  ];
}

/**
 * A table of contents (or list of tables or figures): its caption says so, or most of its rows
 * end in a page number after a dotted leader.
 */
export function isContents(t: Pick<LayoutDocument['tables'][number], 'caption' | 'rows' | 'columns'>): boolean {
  if (/^\s*daftar\s+(isi|tabel|gambar|grafik|lampiran)\b|^\s*(table of )?contents\b/i.test(t.caption ?? '')) return true;
  const lines = [t.columns, ...t.rows.map((r) => r.cells.filter((c) => !c.spannedBy).map((c) => c.text))];
  const leader = lines.filter((cells) => {
    const texts = cells.map((x) => x.trim()).filter(Boolean);
    return texts.some((x) => /\.{4,}|…{2,}/.test(x)) && /^([0-9]{1,3}|[ivxlc]{1,6})$/i.test(texts.at(-1) ?? '');
  });
  return lines.length >= 3 && leader.length >= lines.length * 0.6;
}
