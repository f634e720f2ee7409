import type { BudgetRow } from '../../model/report.js';

const PARENT: Partial<Record<BudgetRow['level'], BudgetRow['level']>> = { kegiatan: 'program', sub_kegiatan: 'kegiatan' };

/**
 * A budget table broken by a repeated page header ("Unit Organisasi : …" printed over each page
 * of an RKA attachment) becomes several tables; the rows opening a later part have no parent in it.
 * Those leading rows are linked to the open program or kegiatan of the part before (same table
 * kind, on the same or the previous page): by code when both print one (the parent's code starts
 * the child's), else to the row that part ended under.
 *
 * @example
 *   linkAcrossParts(budget); // t30.r3 (2.12.01.2.02.07) → parent t28.r11 (Administrasi Keuangan …)
 */
export function linkAcrossParts(budget: BudgetRow[]): void {
  const tables: string[] = [];
  const rowsOf = new Map<string, BudgetRow[]>();
  for (const b of budget) {
    if (!rowsOf.has(b.table)) {
      tables.push(b.table);
      rowsOf.set(b.table, []);
    }
    rowsOf.get(b.table)!.push(b);
  }
  for (let i = 1; i < tables.length; i++) {
    const rows = rowsOf.get(tables[i]!)!;
    const prev = rowsOf.get(tables[i - 1]!)!;
    const first = rows[0];
    const last = prev[prev.length - 1];
    if (!first || !last || first.tableKind !== last.tableKind || first.cite.page - last.cite.page > 1 || first.cite.page < last.cite.page) continue;
    // The rows of the previous part still open at its end: its last program and last kegiatan.
    const open: Partial<Record<BudgetRow['level'], BudgetRow>> = {};
    for (const r of prev) {
      if (r.level === 'program') {
        open.program = r;
        delete open.kegiatan;
      } else if (r.level === 'kegiatan') open.kegiatan = r;
      else if ((r.level === 'total' || r.level === 'subtotal') && !r.scope) {
        delete open.program;
        delete open.kegiatan;
      }
    }
    for (const r of rows) {
      const want = PARENT[r.level];
      if (r.parentId || !want) break;
      const parent = open[want];
      if (!parent) break;
      if (r.kode && parent.kode && !r.kode.startsWith(`${parent.kode}.`)) break;
      r.parentId = parent.id;
      if (r.level === 'kegiatan') open.kegiatan = r;
    }
  }
}
