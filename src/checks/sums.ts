/**
 * Shared by sum-rows and sum-hierarchy: a printed total vs the sum of the printed rows it stands for,
 * for pagu, realisasi, sisa and a work plan's next-year forecast (prakiraan maju), rupiah exact.
 */
import type { BudgetLevel, BudgetRow, Value } from '../model/index.js';
import { add, point, type Interval } from '../numbers/index.js';
import type { Bilingual, CheckContext, FindingDraft } from './types.js';
import { amount, fmt, halfUnit, judge, rupiah, type Num } from './util.js';

const LEVEL_RANK: Record<BudgetLevel, number> = { program: 0, kegiatan: 1, sub_kegiatan: 2, other: 3, subtotal: 4, total: 5 };

/**
 * The rows a TOTAL / JUMLAH / subtotal row stands for: its `sumOf` when the extraction knows them,
 * else the rows of its table above it back to the previous total (for a subtotal, back to the
 * previous subtotal or total), top level only, subtotals replacing the rows they sum.
 *
 * @example
 *   totalRows(report.budget)(jumlahRow).map((r) => r.uraian); // ['Program A', 'Program B']
 */
export function totalRows(budget: readonly BudgetRow[]): (total: BudgetRow) => BudgetRow[] {
  const byId = new Map(budget.map((r) => [r.id, r]));
  const byTable = new Map<string, BudgetRow[]>();
  for (const r of budget) {
    const list = byTable.get(r.table) ?? [];
    list.push(r);
    byTable.set(r.table, list);
  }
  return (total) => (total.sumOf?.length ? total.sumOf.map((id) => byId.get(id)).filter((r): r is BudgetRow => r !== undefined) : rowsAbove(total, byTable.get(total.table) ?? []));
}

function rowsAbove(total: BudgetRow, table: readonly BudgetRow[]): BudgetRow[] {
  const at = table.indexOf(total);
  const span: BudgetRow[] = [];
  for (let i = at - 1; i >= 0; i--) {
    const r = table[i];
    if (!r) break;
    if (r.scope) continue;
    if (r.level === 'total' || (total.level === 'subtotal' && r.level === 'subtotal')) break;
    span.unshift(r);
  }
  const subtotals = span.filter((r) => r.level === 'subtotal');
  if (subtotals.length > 0) return subtotals;
  const ids = new Set(span.map((r) => r.id));
  const roots = span.filter((r) => r.parentId === null || !ids.has(r.parentId));
  const top = Math.min(...roots.map((r) => LEVEL_RANK[r.level]));
  return roots.filter((r) => LEVEL_RANK[r.level] === top);
}

const CHILD_LEVEL: Partial<Record<BudgetLevel, BudgetLevel>> = { program: 'kegiatan', kegiatan: 'sub_kegiatan' };

/**
 * The rows a program or kegiatan stands for: its kegiatan / sub-kegiatan by `parentId` (sub-kegiatan
 * linked straight to a program, with no kegiatan row above them, stand for that kegiatan); when the
 * extraction linked none, by code prefix within the same table (`2.12.01` → `2.12.01.2.08`).
 *
 * @example
 *   childRows(report.budget)(programRow).map((r) => r.uraian); // ['Kegiatan A', 'Kegiatan B']
 */
export function childRows(budget: readonly BudgetRow[]): (row: BudgetRow) => BudgetRow[] {
  const byParent = new Map<string, BudgetRow[]>();
  for (const r of budget) {
    if (!r.parentId) continue;
    const list = byParent.get(r.parentId) ?? [];
    list.push(r);
    byParent.set(r.parentId, list);
  }
  return (row) => {
    const level = CHILD_LEVEL[row.level];
    if (!level) return [];
    const linked = (byParent.get(row.id) ?? []).filter((r) => r.level === level || (row.level === 'program' && r.level === 'sub_kegiatan'));
    if (linked.length > 0 || !row.kode) return linked;
    const prefix = `${row.kode.replace(/\s+/g, '')}.`;
    return budget.filter((r) => r.table === row.table && r.level === level && r.kode !== null && r.kode.replace(/\s+/g, '').startsWith(prefix));
  };
}

export const SUMMED = ['pagu', 'realisasi', 'sisa', 'prakiraan'] as const;
export type Summed = (typeof SUMMED)[number];

const QUANTITY_NAME: Record<Exclude<Summed, 'prakiraan'>, Bilingual> = {
  pagu: { id: 'pagu', en: 'pagu (budget)' },
  realisasi: { id: 'realisasi', en: 'realisasi (spending)' },
  sisa: { id: 'sisa', en: 'sisa (remaining)' },
};

/**
 * A quantity's name in messages; the forecast is named with the year its column prints.
 *
 * @example
 *   quantityName('prakiraan', row.prakiraan); // { id: 'prakiraan maju 2024', en: 'next-year forecast (prakiraan maju 2024)' }
 */
function quantityName(q: Summed, printed: Value): Bilingual {
  if (q !== 'prakiraan') return QUANTITY_NAME[q];
  const year = [...(printed.cite.columnLabel ?? '').matchAll(/\b(?:19|20)\d\d\b/g)].pop()?.[0];
  const name = year ? `prakiraan maju ${year}` : 'prakiraan maju';
  return { id: name, en: `next-year forecast (${name})` };
}

/** Pages the rows sit on, for messages: `hal. 14–15`. */
function pagesOf(rows: readonly BudgetRow[]): Bilingual {
  const pages = [...new Set(rows.map((r) => r.cite.page))].sort((a, b) => a - b);
  const first = pages[0];
  const last = pages[pages.length - 1];
  const span = first === last ? `${first}` : `${first}–${last}`;
  return { id: `hal. ${span}`, en: `p. ${span}` };
}

/** The year's own quantities; the forecast is another year's plan, typed on its own. */
const YEAR: ReadonlySet<Summed> = new Set(['pagu', 'realisasi', 'sisa']);

interface Miss {
  q: Summed;
  name: Bilingual;
  printed: Value;
  expected: number;
  draft: FindingDraft;
}

/**
 * Compares `parent`'s printed quantities with the sum over `children`. A child that prints nothing
 * (`-`) counts as 0; a quantity no child prints, or one a child prints on a scan that could not be
 * read (`unread`), is skipped.
 *
 * Each printed figure that does not add up is its own finding, citing its own cell and naming its
 * own expected value (a mistyped realisasi and the sisa computed from it are two wrong printed
 * figures: two findings); the findings of one row share its subject (`budget:<key>`), which links
 * them. One typed figure puts at most one of the year's pagu and realisasi off (and the sisa derived
 * from it): when both are off against the rows, no printed figure of the row explains it, the rows
 * listed are not the ones it stands for (rows missing or extra, a total over other rows). That is
 * one problem of the row: one warning citing every column that shows it and naming how many rows are
 * listed.
 */
export function compareSum(parent: BudgetRow, children: readonly BudgetRow[], ctx: CheckContext, rowsLabel: Bilingual, budget: readonly BudgetRow[] = []): FindingDraft[] {
  if (children.length === 0) return [];
  const scanDamaged = damagedScan(parent, children, budget);
  const misses: Miss[] = [];
  for (const q of SUMMED) {
    const printedValue: Value | null = parent[q] ?? null;
    const printed = amount(printedValue);
    if (!printed || !printedValue) continue;
    // A child whose figure a scan printed but lost is unknown, not 0: the sum cannot be checked.
    if (q !== 'prakiraan' && children.some((c) => c.unread?.includes(q) && !(q === 'sisa' && unspent(c) !== null))) continue;
    const parts = children.map((c) => ({ row: c, v: c[q] ?? null, n: amount(c[q]), derived: q === 'sisa' && !amount(c[q]) ? unspent(c) : null }));
    if (!parts.some((p) => p.n !== null)) continue;
    // A child printing pagu and realisasi that differ but no sisa we could read still has one:
    // pagu − realisasi (a wrong printed sisa on that row is the sisa check's).
    const nums: Num[] = parts.map((p) => p.n ?? (p.derived !== null ? { value: p.derived, decimals: 0, exact: true } : { value: 0, decimals: 0, exact: true }));
    const j = judge(printed, (w) => nums.reduce<Interval>((acc, n) => add(acc, w(n)), point(0)));
    if (!j || j.verdict === 'ok') continue;
    const shownTerms = nums.length > 10 ? [...nums.slice(0, 3).map(fmt), '…', ...nums.slice(-2).map(fmt)] : nums.map(fmt);
    const formula = `${shownTerms.join(' + ')} (${children.length} baris, ${pagesOf(children).id})`;
    const discrepancy = printed.value - j.value;
    const tolerance = halfUnit(printed) + nums.reduce((s, n) => s + halfUnit(n), 0);
    const name = quantityName(q, printedValue);
    const draft: FindingDraft = {
      messageId: j.verdict === 'rounding' ? 'rounding' : 'mismatch',
      severity: j.verdict === 'rounding' ? 'rounding' : undefined,
      subject: `budget:${parent.key}`,
      data: {
        uraian: parent.uraian,
        quantity: name,
        printed: printedValue.text,
        expected: rupiah(j.value),
        diff: rupiah(discrepancy),
        n: children.length,
        rows: rowsLabel,
        pages: pagesOf(children),
      },
      printed: { text: printedValue.text, value: printed.value },
      expected: {
        value: j.value,
        interval: j.interval,
        formula,
        operands: parts.map((p) =>
          p.v ? ctx.operand(p.row.uraian, p.v)
          : p.derived !== null ? { name: `${p.row.uraian} (pagu − realisasi)`, text: rupiah(p.derived).id, value: p.derived, cite: ctx.cite(p.row.cite) }
          : { name: p.row.uraian, text: '-', value: 0, cite: ctx.cite(p.row.cite) },
        ),
      },
      citations: [ctx.cite(printedValue.cite)],
      links: {
        total: { row: parent.id, rows: children.map((c) => c.id), quantity: q, discrepancy, tolerance },
        // The total itself may be the typo, which explains the total above it.
        explains: [{ row: parent.id, quantity: q, delta: discrepancy, tolerance }],
      },
    };
    misses.push({ q, name, printed: printedValue, expected: j.value, draft });
  }
  // Rows read from a scan that lost some of their figures: which rows are which (a name wrapped
  // into a row of its own, a level read from a misread number) is as doubtful as the lost figures.
  // Unless the rows' own arithmetic proves every figure of the sum read right.
  const kidsOf = scanDamaged && misses.length && budget.length ? childRows(budget) : () => [];
  if (scanDamaged && !misses.every((m) => provenRead(parent, m.q, kidsOf) && children.every((c) => provenRead(c, m.q, kidsOf)))) {
    return misses.map((m) => ({ ...m.draft, messageId: 'scan', severity: 'info' }));
  }
  const year = misses.filter((m) => YEAR.has(m.q));
  if (!(year.some((m) => m.q === 'pagu') && year.some((m) => m.q === 'realisasi'))) return misses.map((m) => followsRealisasi(parent, m, misses));
  // Rows read from a scan that disagree with their total in pagu and realisasi at once: which rows
  // the scan's reading put under it is the first doubt (a name wrapped into a row of its own, a
  // level read from a misread number), before any the report gives.
  if (scanned(parent, children)) return misses.map((m) => ({ ...m.draft, messageId: 'scan', severity: 'info' }));
  return [rowsOff(parent, children, year, rowsLabel), ...misses.filter((m) => !YEAR.has(m.q)).map((m) => m.draft)];
}

/** Every row of a sum was read from a scan. */
function scanned(parent: BudgetRow, children: readonly BudgetRow[]): boolean {
  return [parent, ...children].every((r) => [r.pagu, r.realisasi, r.sisa].some((v) => v?.ocr));
}

/**
 * A sisa printed as the row's own pagu − realisasi, off against the rows by exactly what the
 * realisasi is off the other way: a wrong printed figure of its own, whose cause is the realisasi
 * (the finding is linked to it and says so).
 */
function followsRealisasi(parent: BudgetRow, m: Miss, misses: readonly Miss[]): FindingDraft {
  const realisasi = misses.find((x) => x.q === 'realisasi');
  const [p, x, s] = [parent.pagu?.value, parent.realisasi?.value, parent.sisa?.value];
  if (m.q !== 'sisa' || !realisasi || p == null || x == null || s == null || Math.abs(p - x - s) >= 0.5) return m.draft;
  const dS = m.printed.value! - m.expected;
  const dR = realisasi.printed.value! - realisasi.expected;
  if (Math.abs(dS + dR) >= 0.5) return m.draft;
  return {
    ...m.draft,
    messageId: m.draft.messageId === 'rounding' ? 'rounding' : 'followsRealisasi',
    data: { ...m.draft.data, realisasi: realisasi.printed.text },
    links: { ...m.draft.links, follows: { row: parent.id, quantity: 'realisasi' } },
  };
}

/** The rows listed do not add up to the row in pagu and realisasi at once: one warning for the row. */
function rowsOff(parent: BudgetRow, children: readonly BudgetRow[], misses: readonly Miss[], rowsLabel: Bilingual): FindingDraft {
  const first = misses[0]!;
  const details: Bilingual = {
    id: misses.map((m) => `${m.name.id} tercetak ${m.printed.text}, jumlahnya ${rupiah(m.expected).id}`).join('; '),
    en: misses.map((m) => `${m.name.en} printed ${m.printed.text}, their sum ${rupiah(m.expected).en}`).join('; '),
  };
  return {
    ...first.draft,
    messageId: 'rowsOff',
    severity: 'warning',
    data: { uraian: parent.uraian, n: children.length, rows: rowsLabel, pages: pagesOf(children), details },
    citations: misses.flatMap((m) => m.draft.citations),
    links: {
      ...first.draft.links,
      explains: misses.flatMap((m) => m.draft.links?.explains ?? []),
    },
  };
}

/**
 * Whether the rows of a sum were read from a scan that lost figures among them: the parent, a row
 * listed under it, or any row of its table printed between them is `unread` somewhere.
 */
function damagedScan(parent: BudgetRow, children: readonly BudgetRow[], budget: readonly BudgetRow[]): boolean {
  const all = [parent, ...children];
  if (!all.some((r) => r.pagu?.ocr || r.realisasi?.ocr || r.sisa?.ocr)) return false;
  if (all.some((r) => r.unread?.length)) return true;
  const at = (r: BudgetRow): number => r.cite.row ?? -1;
  const lo = Math.min(...all.map(at));
  const hi = Math.max(...all.map(at));
  return budget.some((r) => r.table === parent.table && at(r) > lo && at(r) < hi && Boolean(r.unread?.length));
}

/**
 * Whether a row's figure is proven read right by arithmetic that does not involve the sum being
 * checked: printed as text, or one of pagu, realisasi and sisa that the other two give exactly
 * (pagu − realisasi = sisa), or the exact sum of the row's own kegiatan / sub-kegiatan. Two readings
 * agreeing to the rupiah do not both come from a misread digit.
 */
function provenRead(row: BudgetRow, q: Summed, kidsOf: (row: BudgetRow) => BudgetRow[]): boolean {
  const v = row[q];
  if (!v || v.value == null) return false;
  if (!v.ocr) return true;
  const [p, x, s] = [row.pagu?.value, row.realisasi?.value, row.sisa?.value];
  if (YEAR.has(q) && p != null && x != null && s != null && Math.abs(p - x - s) < 0.5) return true;
  const parts = kidsOf(row);
  if (!parts.length || parts.some((c) => c[q]?.value == null)) return false;
  return Math.abs(parts.reduce((sum, c) => sum + c[q]!.value!, 0) - v.value) < 0.5;
}

/** What a row that prints pagu and realisasi left unspent (null when it prints neither or spent it all). */
function unspent(row: BudgetRow): number | null {
  const pagu = row.pagu?.value;
  const realisasi = row.realisasi?.value;
  return pagu != null && realisasi != null && Math.abs(pagu - realisasi) >= 0.5 ? pagu - realisasi : null;
}

/** Shared message templates of both sum checks. */
export const SUM_MESSAGES = {
  scan: {
    id: '{uraian}: {quantity} tercetak {printed} tidak sama dengan jumlah {n} {rows} ({pages}) = {expected} (selisih {diff}), tetapi baris-baris ini dibaca dari pindaian yang sebagian angkanya tak terbaca, sehingga susunan barisnya pun diragukan: periksa pindaian',
    en: '{uraian}: printed {quantity} {printed} differs from the {n} {rows} ({pages}) adding up to {expected} (difference {diff}), but these rows were read from a scan that lost some of their figures, so which rows are which is doubtful too: check the scan',
  },
  followsRealisasi: {
    id: '{uraian}: {quantity} tercetak {printed} tetapi jumlah {n} {rows} ({pages}) = {expected}; selisih {diff}, sama dengan selisih realisasi {realisasi} (sisa dihitung dari realisasi yang salah)',
    en: '{uraian}: printed {quantity} {printed} but the {n} {rows} ({pages}) add up to {expected}; difference {diff}, the realisasi {realisasi} being off by as much the other way (the sisa was computed from the wrong realisasi)',
  },
  rowsOff: {
    id: '{uraian}: {n} {rows} yang tercantum ({pages}) tidak berjumlah sama dengan baris ini pada pagu dan realisasi sekaligus ({details}); tidak ada satu angka tercetak yang menjelaskannya: ada baris yang hilang atau berlebih, atau jumlahnya atas baris lain',
    en: '{uraian}: the {n} {rows} listed ({pages}) do not add up to this row in pagu and realisasi at once ({details}); no single printed figure explains it: rows are missing or extra, or it adds up other rows',
  },
  mismatch: {
    id: '{uraian}: {quantity} tercetak {printed} tetapi jumlah {n} {rows} ({pages}) = {expected}; selisih {diff}',
    en: '{uraian}: printed {quantity} {printed} but the {n} {rows} ({pages}) add up to {expected}; difference {diff}',
  },
  rounding: {
    id: '{uraian}: {quantity} tercetak {printed} hanya cocok dengan jumlah {n} {rows} = {expected} bila dipotong; selisih {diff}',
    en: '{uraian}: printed {quantity} {printed} matches the {n} {rows} adding up to {expected} only if truncated; difference {diff}',
  },
} as const;
