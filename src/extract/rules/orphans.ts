import type { BudgetRow, TableInfo } from '../../model/report.js';
import { proveTreeLevels } from './arithmetic.js';

const PARENT: Partial<Record<BudgetRow['level'], BudgetRow['level']>> = { kegiatan: 'program', sub_kegiatan: 'kegiatan' };

/**
 * A budget table broken by a repeated page header ("Unit Organisasi : …" printed over each page
 * of an RKA attachment) becomes several tables; the rows opening a later part have no parent in it.
 * Those rows are linked to the program or kegiatan still open at the end of the parts before (same
 * table kind, or both parts of a work plan whose header reads differently on each page; on the same
 * or the previous page, carried through parts without a program of their own): by code when both
 * print one (the parent's code starts the child's, or the open program's does: a slip in the
 * kegiatan part of a sub-kegiatan code, which code-format reports, as within one table), else to
 * the open row.
 *
 * @example
 *   linkAcrossParts(budget, variants); // t30.r3 (2.12.01.2.02.07) → parent t28.r11 (Administrasi Keuangan …)
 */
export function linkAcrossParts(budget: BudgetRow[], variants: ReadonlyMap<string, TableInfo['variant']> = new Map()): void {
  const plan = (table: string) => variants.get(table) === 'rencana';
  const tables: string[] = [];
  const rowsOf = new Map<string, BudgetRow[]>();
  for (const b of budget) {
    if (!rowsOf.has(b.table)) {
      tables.push(b.table);
      rowsOf.set(b.table, []);
    }
    rowsOf.get(b.table)!.push(b);
  }
  // Which parts continue the one before (same kind, same or next page): a run of parts is one table.
  const continuesPrev = tables.map((t, i) => {
    const rows = rowsOf.get(t)!;
    const prev = i > 0 ? rowsOf.get(tables[i - 1]!)! : [];
    const first = rows[0];
    const last = prev[prev.length - 1];
    const sameKind = first && last && (first.tableKind === last.tableKind || (plan(first.table) && plan(last.table)));
    return Boolean(first && last && sameKind && first.cite.page - last.cite.page <= 1 && first.cite.page >= last.cite.page);
  });
  // The levels the sums prove over the whole run (a kegiatan whose sub-kegiatan run onto the next
  // page, a part opening with the rest of a list) replace each part's own; the rows are relinked.
  for (let i = 0; i < tables.length; ) {
    let j = i + 1;
    while (j < tables.length && continuesPrev[j]) j++;
    const run = tables.slice(i, j).flatMap((t) => rowsOf.get(t)!);
    if (j - i > 1 && run.every((r) => r.tableKind === 'budget-detail') && proveTreeLevels(run)) {
      for (const r of run) if (r.level === 'program' || r.level === 'kegiatan' || r.level === 'sub_kegiatan') r.parentId = null;
    }
    i = j;
  }
  // The program and kegiatan still open at the end of each part, carried into the parts after it.
  let open: Partial<Record<BudgetRow['level'], BudgetRow>> = {};
  let chain: BudgetRow[] = [];
  for (let i = 0; i < tables.length; i++) {
    const rows = rowsOf.get(tables[i]!)!;
    const continues = continuesPrev[i]!;
    if (!continues) {
      open = {};
      chain = [];
    }
    // Unlabelled rows opening a part that continues a list (lettered sub-kegiatan whose kegiatan
    // closed the page before) are the children of the row still open there.
    if (continues) {
      for (const r of rows) {
        if (r.level !== 'other' || r.key.includes(':belanja:')) break;
        const level = open.kegiatan ? 'sub_kegiatan' : open.program ? 'kegiatan' : null;
        if (!level) break;
        r.level = level;
      }
    }
    for (const r of rows) {
      const want = PARENT[r.level];
      if (want && !r.parentId) {
        // A sub-kegiatan with no kegiatan open sits right under the program (its kegiatan row not read).
        const parent = open[want] ?? (r.level === 'sub_kegiatan' ? open.program : undefined);
        if (parent && agreesWith(r, parent, open.program)) r.parentId = parent.id;
      }
      if (r.level === 'program') open = { program: r };
      else if (r.level === 'kegiatan') open = { ...open, kegiatan: r };
      else if ((r.level === 'total' || r.level === 'subtotal') && !r.scope) open = {};
    }
    // A total in a part continuing earlier ones adds up the top-level rows of the whole run since the
    // previous total, not only those of its own part (rows now linked to a parent before the break
    // are no longer top-level).
    const isTotal = (x: BudgetRow): boolean => (x.level === 'total' || x.level === 'subtotal') && !x.scope;
    const firstTotal = rows.find(isTotal);
    if (firstTotal && firstTotal.level === 'total' && chain.length) {
      const roots = [...chain, ...rows.slice(0, rows.indexOf(firstTotal))].filter((x) => !isTotal(x) && !x.scope && !x.parentId);
      const top = (['program', 'kegiatan', 'sub_kegiatan', 'other'] as const).find((lvl) => roots.some((x) => x.level === lvl));
      if (top) firstTotal.sumOf = roots.filter((x) => x.level === top).map((x) => x.id);
    }
    const lastTotal = [...rows].reverse().find(isTotal);
    if (lastTotal) chain = [];
    chain.push(...(lastTotal ? rows.slice(rows.indexOf(lastTotal) + 1) : rows));
  }
}

/** A row's code fits the open parent: no codes to compare, the parent's code starts it, or (for a sub-kegiatan) the open program's does. */
function agreesWith(r: BudgetRow, parent: BudgetRow, program: BudgetRow | undefined): boolean {
  if (!r.kode || !parent.kode || r.kode.startsWith(`${parent.kode}.`)) return true;
  return r.level === 'sub_kegiatan' && Boolean(program?.kode && r.kode.startsWith(`${program.kode}.`) && parent.kode.startsWith(`${program.kode}.`));
}
