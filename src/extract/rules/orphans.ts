import type { BudgetRow, TableInfo } from '../../model/report.js';

const PARENT: Partial<Record<BudgetRow['level'], BudgetRow['level']>> = { kegiatan: 'program', sub_kegiatan: 'kegiatan' };

/**
 * A budget table broken by a repeated page header ("Unit Organisasi : …" printed over each page
 * of an RKA attachment) becomes several tables; the rows opening a later part have no parent in it.
 * Those rows are linked to the program or kegiatan still open at the end of the parts before (same
 * table kind, or both parts of a work plan whose header reads differently on each page; on the same
 * or the previous page, carried through parts without a program of their own): by code when both
 * print one (the parent's code starts the child's), else to the open row.
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
  // The program and kegiatan still open at the end of each part, carried into the parts after it.
  let open: Partial<Record<BudgetRow['level'], BudgetRow>> = {};
  let chain: BudgetRow[] = [];
  for (let i = 0; i < tables.length; i++) {
    const rows = rowsOf.get(tables[i]!)!;
    const prev = i > 0 ? rowsOf.get(tables[i - 1]!)! : [];
    const first = rows[0];
    const last = prev[prev.length - 1];
    const sameKind = first && last && (first.tableKind === last.tableKind || (plan(first.table) && plan(last.table)));
    const continues = Boolean(first && last && sameKind && first.cite.page - last.cite.page <= 1 && first.cite.page >= last.cite.page);
    if (!continues) {
      open = {};
      chain = [];
    }
    // A total in a part continuing earlier ones adds up the top-level rows of the whole run since the
    // previous total, not only those of its own part.
    const isTotal = (x: BudgetRow): boolean => (x.level === 'total' || x.level === 'subtotal') && !x.scope;
    const firstTotal = rows.find(isTotal);
    if (firstTotal && firstTotal.level === 'total' && chain.length) {
      const before = chain.filter((x) => !isTotal(x));
      const level = rows.concat(before).find((x) => firstTotal.sumOf?.includes(x.id))?.level ?? (before.some((x) => x.level === 'program') ? 'program' : undefined);
      if (level) {
        const extra = before.filter((x) => x.level === level && !x.parentId).map((x) => x.id);
        firstTotal.sumOf = [...new Set([...extra, ...(firstTotal.sumOf ?? [])])];
      }
    }
    const lastTotal = [...rows].reverse().find(isTotal);
    if (lastTotal) chain = [];
    chain.push(...(lastTotal ? rows.slice(rows.indexOf(lastTotal) + 1) : rows));
    for (const r of rows) {
      const want = PARENT[r.level];
      if (want && !r.parentId) {
        const parent = open[want];
        if (parent && !(r.kode && parent.kode && !r.kode.startsWith(`${parent.kode}.`))) r.parentId = parent.id;
      }
      if (r.level === 'program') open = { program: r };
      else if (r.level === 'kegiatan') open = { ...open, kegiatan: r };
      else if ((r.level === 'total' || r.level === 'subtotal') && !r.scope) open = {};
    }
  }
}
