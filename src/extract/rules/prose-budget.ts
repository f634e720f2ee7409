import type { BudgetRow, Citation, TableInfo, Value } from '../../model/report.js';
import type { Paragraph, Table } from '../../model/table.js';
import { valueFrom, type KeyRegistry } from './cells.js';

/** "1. Program Pendaftaran Penduduk Rp.237.541.200,-": a numbered program and its amount. */
const ITEM = /(?:^|\s)(\d{1,2})\s*[.)]\s+(Program\b(?:(?!\s\d{1,2}\s*[.)]\s)(?!\s(?:rp\b|jumlah\b|total\b)).)+?)\s*[:=]?\s*(rp\.?\s*\d{1,3}(?:[.,]\d{3})+(?:,\d{1,2})?(?:,-)?)/gi;
const TOTAL = /\b(jumlah|total)\b\s*:?\s*(rp\.?\s*\d{1,3}(?:[.,]\d{3})+(?:,\d{1,2})?(?:,-)?)/i;

/**
 * Programs listed in prose with their amounts, as the signed PK attachment often prints them
 * ("Sasaran 1 : … 1. Program Penunjang … Rp. 7.491.571.265,- … JUMLAH Rp.7.908.091.365,-"): each
 * becomes a program row and the JUMLAH a total over them, in a table of their own (kind
 * budget-summary, variant from the page's title). A paragraph needs at least two numbered programs
 * with amounts; a single "Program X sebesar Rp Y" in running prose is not a list.
 *
 * @example
 *   extractProseBudget(paragraphs, keys).budget.map((b) => b.uraian); // ['Program Pendaftaran Penduduk', …, 'JUMLAH']
 */
export function extractProseBudget(paragraphs: readonly Paragraph[], keys: KeyRegistry): { tables: TableInfo[]; budget: BudgetRow[] } {
  const tables: TableInfo[] = [];
  const budget: BudgetRow[] = [];
  paragraphs.forEach((p, pi) => {
    const items = [...p.text.matchAll(ITEM)];
    if (items.length < 2) return;
    // Like the tables' t1, t2…: l1, l2… for lists.
    const id = `l${tables.length + 1}`;
    const title = paragraphs
      .slice(Math.max(0, pi - 3), pi)
      .filter((q) => q.page === p.page)
      .map((q) => q.text)
      .join(' ');
    const perubahan = /perubahan/i.test(title);
    const cite = (row: number, column: number): Citation => ({ page: p.page, table: id, row, column, bbox: p.bbox, caption: title || null });
    const value = (text: string, row: number): Value | null => valueFrom(text, p.ocr ?? false, cite(row, 1));
    const rows: BudgetRow[] = [];
    items.forEach((m, k) => {
      const name = m[2]!.replace(/\s+/g, ' ').trim();
      const pagu = value(m[3]!, k);
      if (!pagu) return;
      rows.push(row(id, k, name, keys.keyFor(name, 0.85, true, id), 'program', pagu, cite(k, 0)));
    });
    const last = items[items.length - 1]!;
    const total = TOTAL.exec(p.text.slice(last.index! + last[0].length));
    if (total) {
      const k = items.length;
      const pagu = value(total[2]!, k);
      if (pagu) rows.push({ ...row(id, k, total[1]!.toUpperCase(), `${id}:total`, 'total', pagu, cite(k, 0)), sumOf: rows.map((r) => r.id) });
    }
    if (rows.length < 2) return;
    budget.push(...rows);
    tables.push({
      id,
      kind: 'budget-summary',
      caption: title || null,
      pages: [p.page],
      columns: { uraian: 0, pagu: 1 },
      variant: perubahan ? 'perubahan' : /perjanjian\s+kinerja/i.test(title) ? 'original' : null,
      confidence: 0.6,
      by: 'prose-list',
    });
  });
  return { tables, budget };
}

function row(table: string, k: number, uraian: string, key: string, level: BudgetRow['level'], pagu: Value, cite: Citation): BudgetRow {
  return { id: `${table}.r${k}`, key, table, tableKind: 'budget-summary', kode: null, uraian, level, parentId: null, pagu, realisasi: null, persen: null, sisa: null, cite };
}

/** "Total anggaran belanja adalah Rp.X dengan realisasi Rp.Y atau dengan capaian sebesar Z%". */
const TOTAL_SENTENCE =
  /^(total\s+(?:anggaran|pagu)(?:\s+belanja)?|jumlah\s+(?:anggaran|pagu)(?:\s+belanja)?)\s+(?:\S+\s+){0,4}?(?:adalah|sebesar|yaitu)\s*:?\s*(rp\.?\s*\d{1,3}(?:[.,]\d{3})+(?:,\d{1,2})?(?:,-)?)\s*,?\s*(?:dengan\s+)?realisasi(?:nya)?\s+(?:sebesar\s+)?(rp\.?\s*\d{1,3}(?:[.,]\d{3})+(?:,\d{1,2})?(?:,-)?)(?:[^.%]{0,80}?(?:capaian|serapan|persentase|penyerapan)\s+(?:sebesar\s+)?(\d{1,3}(?:,\d{1,2})?)\s*%)?/i;

/** "Pagu Anggaran Program Tahun 2023 : Rp. X Realisasi Anggaran Program Tahun 2023 : Rp. Y Persentase Capaian Program Tahun 2023 : Z%". */
const AMOUNT = String.raw`(rp\.?\s*\d{1,3}(?:[.,]\d{3})+(?:,\d{1,2})?(?:,-)?)`;
const STATEMENT = new RegExp(
  String.raw`\b(pagu(?:\s+anggaran)?(?:\s+\S+){0,4}?)\s*:\s*${AMOUNT}[\s,;]+realisasi(?:\s+anggaran)?(?:\s+\S+){0,4}?\s*:\s*${AMOUNT}(?:[\s,;]+(?:persentase|capaian|serapan)(?:\s+\S+){0,5}?\s*:\s*(\d{1,3}(?:,\d{1,2})?)\s*%)?`,
  'i',
);

const LEVELS = ['program', 'kegiatan', 'sub_kegiatan', 'other'] as const;

/**
 * A total stated in the sentence right under a budget table ("Total anggaran belanja adalah
 * Rp.8.955.501.115 dengan realisasi Rp.8.700.220.833 atau dengan capaian sebesar 97,32%") is that
 * table's total row: it adds up the table's top-level rows, and its percentage is a serapan.
 *
 * @example
 *   proseTotals(layout.tables, layout.paragraphs, budget)[0].uraian; // 'Total anggaran belanja'
 */
export function proseTotals(tables: readonly Table[], paragraphs: readonly Paragraph[], budget: readonly BudgetRow[], firstId = 1): { tables: TableInfo[]; budget: BudgetRow[] } {
  const out: BudgetRow[] = [];
  const own: TableInfo[] = [];
  for (const p of paragraphs) {
    const m = TOTAL_SENTENCE.exec(p.text);
    if (!m) {
      const st = STATEMENT.exec(p.text);
      if (st) {
        const row = statementRow(p, st, `l${firstId + own.length}`);
        if (row) {
          out.push(row);
          own.push({ id: row.table, kind: 'budget-summary', caption: null, pages: [p.page], columns: { uraian: 0, pagu: 1, realisasiAnggaran: 2, persen: 3 }, variant: null, confidence: 0.5, by: 'prose-statement' });
        }
      }
      continue;
    }
    // The budget table ending just above it on the same page.
    let best: { table: Table; gap: number } | undefined;
    for (const t of tables) {
      const cells = t.rows.flatMap((r) => r.cells).filter((c) => c.page === p.page);
      if (!cells.length || !budget.some((b) => b.table === t.id)) continue;
      const bottom = Math.max(...cells.map((c) => c.bbox[3]));
      const gap = p.bbox[1] - bottom;
      if (gap >= -2 && gap < 80 && (!best || gap < best.gap)) best = { table: t, gap };
    }
    if (!best) continue;
    const t = best.table;
    const rows = budget.filter((b) => b.table === t.id && b.level !== 'total' && b.level !== 'subtotal');
    const top = LEVELS.find((lvl) => rows.some((r) => r.level === lvl && !r.parentId));
    const cite = (column: number): Citation => ({ page: p.page, table: t.id, row: null, column, bbox: p.bbox, caption: t.caption ?? null });
    const value = (text: string | undefined, column: number): Value | null => valueFrom(text, p.ocr ?? false, cite(column));
    const pagu = value(m[2], 1);
    if (!pagu) continue;
    out.push({
      id: `${t.id}.text`,
      key: `${t.id}:total`,
      table: t.id,
      tableKind: rows[0]?.tableKind ?? 'budget-detail',
      kode: null,
      uraian: m[1]!.replace(/\s+/g, ' ').replace(/^./, (c) => c.toUpperCase()),
      level: 'total',
      parentId: null,
      pagu,
      realisasi: value(m[3], 2),
      persen: value(m[4] ? `${m[4]}%` : undefined, 3),
      sisa: null,
      sumOf: rows.filter((r) => r.level === top && !r.parentId).map((r) => r.id),
      cite: cite(0),
    });
  }
  return { tables: own, budget: out };
}

/** A budget stated as "Pagu … : Rp X, Realisasi … : Rp Y, Persentase … : Z%" outside any table. */
function statementRow(p: Paragraph, m: RegExpExecArray, table: string): BudgetRow | null {
  const cite = (column: number): Citation => ({ page: p.page, table, row: 0, column, bbox: p.bbox, caption: null });
  const value = (text: string | undefined, column: number): Value | null => valueFrom(text, p.ocr ?? false, cite(column));
  const pagu = value(m[2], 1);
  const realisasi = value(m[3], 2);
  if (!pagu || !realisasi) return null;
  const uraian = m[1]!.replace(/\s+/g, ' ').trim();
  return { id: `${table}.r0`, key: `${table}:total`, table, tableKind: 'budget-summary', kode: null, uraian, level: 'total', parentId: null, pagu, realisasi, persen: value(m[4] ? `${m[4]}%` : undefined, 3), sisa: null, cite: cite(0) };
}
