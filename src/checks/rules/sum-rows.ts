import type { BudgetLevel, BudgetRow } from '../../model/index.js';
import { compareSum, SUM_MESSAGES } from '../sums.js';
import type { Check, FindingDraft } from '../types.js';

const LEVEL_RANK: Record<BudgetLevel, number> = { program: 0, kegiatan: 1, sub_kegiatan: 2, other: 3, subtotal: 4, total: 5 };

/**
 * TOTAL / JUMLAH / subtotal rows vs the sum of their rows. The rows are the total's `sumOf` when the
 * extraction knows them; otherwise the rows of the same table above it, back to the previous total
 * (for a subtotal, back to the previous subtotal or total). Rows keep extraction order, so a total
 * whose rows run over a page break still sees all of them. Within that span only the top level is
 * added (programs, not also their kegiatan), and subtotals replace the rows they sum.
 */
const sumRows: Check = {
  id: 'sum-rows',
  meta: {
    title: { id: 'Jumlah baris', en: 'Row totals' },
    docs: 'TOTAL/JUMLAH/subtotal rows vs the sum of their rows (sumOf, else the rows above back to the previous total) for pagu, realisasi, sisa and the next-year forecast (prakiraan maju); rupiah exact',
    defaultSeverity: 'error',
    tags: ['budget', 'sum'],
  },
  messages: { ...SUM_MESSAGES },
  run(report, ctx) {
    const out: FindingDraft[] = [];
    const byId = new Map(report.budget.map((r) => [r.id, r]));
    const byTable = new Map<string, BudgetRow[]>();
    for (const r of report.budget) {
      const list = byTable.get(r.table) ?? [];
      list.push(r);
      byTable.set(r.table, list);
    }
    for (const row of report.budget) {
      // A heading total (urusan, tujuan, sasaran) groups rows by what they serve, not by position.
      if ((row.level !== 'total' && row.level !== 'subtotal') || row.scope) continue;
      const children = row.sumOf?.length ? row.sumOf.map((id) => byId.get(id)).filter((r): r is BudgetRow => r !== undefined) : rowsAbove(row, byTable.get(row.table) ?? []);
      out.push(...compareSum(row, children, ctx, { id: 'baris', en: 'rows' }));
    }
    return out;
  },
};

export default sumRows;

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
