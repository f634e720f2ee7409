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

/**
 * The year's own columns go off together (rows missing under a kegiatan put pagu, realisasi and
 * sisa off at once): one finding. The forecast is another year's plan, typed on its own: apart.
 */
const planOf = (q: Summed): 'year' | 'forecast' => (q === 'prakiraan' ? 'forecast' : 'year');

type Miss = FindingDraft & { q: Summed; name: Bilingual; discrepancy: number; tolerance: number };

/** Pages the rows sit on, for messages: `hal. 14–15`. */
function pagesOf(rows: readonly BudgetRow[]): Bilingual {
  const pages = [...new Set(rows.map((r) => r.cite.page))].sort((a, b) => a - b);
  const first = pages[0];
  const last = pages[pages.length - 1];
  const span = first === last ? `${first}` : `${first}–${last}`;
  return { id: `hal. ${span}`, en: `p. ${span}` };
}

/**
 * Compares `parent`'s printed quantities with the sum over `children`. A child that prints nothing
 * (`-`) counts as 0; a quantity no child prints is skipped.
 */
export function compareSum(parent: BudgetRow, children: readonly BudgetRow[], ctx: CheckContext, rowsLabel: Bilingual): FindingDraft[] {
  if (children.length === 0) return [];
  const misses: Miss[] = [];
  for (const q of SUMMED) {
    const printedValue: Value | null = parent[q] ?? null;
    const printed = amount(printedValue);
    if (!printed || !printedValue) continue;
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
    misses.push({
      q,
      name,
      discrepancy,
      tolerance,
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
    });
  }
  return (['year', 'forecast'] as const).flatMap((plan) => {
    const group = misses.filter((m) => planOf(m.q) === plan);
    return group.length ? [oneFinding(parent, children, group)] : [];
  });
}

/** What a row that prints pagu and realisasi left unspent (null when it prints neither or spent it all). */
function unspent(row: BudgetRow): number | null {
  const pagu = row.pagu?.value;
  const realisasi = row.realisasi?.value;
  return pagu != null && realisasi != null && Math.abs(pagu - realisasi) >= 0.5 ? pagu - realisasi : null;
}

/** One row that does not add up is one problem, whichever of its columns show it: one finding citing every column. */
function oneFinding(parent: BudgetRow, children: readonly BudgetRow[], misses: readonly Miss[]): FindingDraft {
  const primary = misses.find((m) => m.messageId === 'mismatch') ?? misses[0]!;
  const others = misses.filter((m) => m !== primary);
  const more: Bilingual = others.length
    ? {
        id: `; juga ${others.map((m) => `${m.name.id} selisih ${rupiah(m.discrepancy).id}`).join(', ')}`,
        en: `; also ${others.map((m) => `${m.name.en} off by ${rupiah(m.discrepancy).en}`).join(', ')}`,
      }
    : { id: '', en: '' };
  const { q, name: _name, discrepancy, tolerance, ...draft } = primary;
  return {
    ...draft,
    data: { ...draft.data, more },
    citations: misses.flatMap((m) => m.citations),
    links: {
      total: { row: parent.id, rows: children.map((c) => c.id), quantity: q, discrepancy, tolerance },
      // The total itself may be the typo, which explains the total above it.
      explains: misses.map((m) => ({ row: parent.id, quantity: m.q, delta: m.discrepancy, tolerance: m.tolerance })),
    },
  };
}

/** Shared message templates of both sum checks. */
export const SUM_MESSAGES = {
  mismatch: {
    id: '{uraian}: {quantity} tercetak {printed} tetapi jumlah {n} {rows} ({pages}) = {expected}; selisih {diff}{more}',
    en: '{uraian}: printed {quantity} {printed} but the {n} {rows} ({pages}) add up to {expected}; difference {diff}{more}',
  },
  rounding: {
    id: '{uraian}: {quantity} tercetak {printed} hanya cocok dengan jumlah {n} {rows} = {expected} bila dipotong; selisih {diff}{more}',
    en: '{uraian}: printed {quantity} {printed} matches the {n} {rows} adding up to {expected} only if truncated; difference {diff}{more}',
  },
} as const;
