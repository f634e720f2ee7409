import type { Table, TableRow } from '../../model/table.js';
import { parseNumber } from '../../numbers/index.js';
import type { ColumnMap, Role } from './columns.js';

/** Roles whose cells hold names and labels, and roles whose cells hold figures. */
const TEXT_ROLES: ReadonlySet<Role> = new Set(['tujuan', 'sasaran', 'indikator', 'uraian']);
const FIGURE_ROLES: ReadonlySet<Role> = new Set([
  'target',
  'realisasi',
  'capaian',
  'prevTarget',
  'prevRealisasi',
  'prevCapaian',
  'renstraTarget',
  'pagu',
  'realisasiAnggaran',
  'persen',
  'sisa',
  'serapan',
  'efisiensi',
]);

type Kind = 'text' | 'figure' | 'any';

/**
 * Hand-typed tables often lose a cell at the start of a row (the row under a merged "Tujuan" was
 * typed one cell short), so every value of that row sits one column left of its header: the
 * indicator's name under "Tujuan", its capaian under "Indikator", a label under a figure column.
 * Such a row is read one column to the right when that makes every name fall in a name column and
 * every figure in a figure column, and as printed it puts at least two in the wrong kind. The cells
 * keep their page and box (the citation still points at the printed place); only the column they
 * are read under changes. Rows that already fit, and tables without both kinds of column, are left
 * alone.
 *
 * @example
 *   realignShiftedRows(table, map).rows[1].cells[2].text; // 'Persentase Pelaksanaan Tugas …'
 */
export function realignShiftedRows(table: Table, map: ColumnMap): Table {
  const kinds: Kind[] = table.columns.map(() => 'any');
  for (const [role, col] of Object.entries(map.roles) as Array<[Role, number | undefined]>) {
    if (col === undefined) continue;
    if (TEXT_ROLES.has(role)) kinds[col] = 'text';
    else if (FIGURE_ROLES.has(role)) kinds[col] = 'figure';
  }
  if (!kinds.includes('text') || !kinds.includes('figure')) return table;
  let changed = false;
  const rows = table.rows.map((row) => {
    const shifted = shiftRight(row, kinds);
    if (shifted !== row) changed = true;
    return shifted;
  });
  return changed ? { ...table, rows } : table;
}

function kindOf(text: string): Kind | null {
  const t = text.trim();
  if (!t || t === '-') return null;
  const p = parseNumber(t);
  if (p.value !== null) return 'figure';
  return /\p{L}{3,}/u.test(t) ? 'text' : null;
}

function conflicts(kinds: readonly Kind[], placed: Array<{ col: number; kind: Kind | null }>): number {
  return placed.filter(({ col, kind }) => kind && kinds[col] && kinds[col] !== 'any' && kinds[col] !== kind).length;
}

function shiftRight(row: TableRow, kinds: readonly Kind[]): TableRow {
  const cells = row.cells;
  const filled = cells.filter((c) => !c.spannedBy && c.text.trim());
  if (filled.length < 3) return row;
  const first = cells.findIndex((c) => !c.spannedBy && c.text.trim());
  // Room on the left: the shifted row starts after an empty (or merged-over) cell.
  if (first < 1) return row;
  const asPrinted = filled.map((c) => ({ col: c.col, kind: kindOf(c.text) }));
  const moved = filled.filter((c) => c.col + 1 < cells.length).map((c) => ({ col: c.col + 1, kind: kindOf(c.text) }));
  const dropped = filled.filter((c) => c.col + 1 >= cells.length);
  // What falls off the end may only be a label, never a figure.
  if (dropped.some((c) => kindOf(c.text) === 'figure')) return row;
  if (conflicts(kinds, asPrinted) < 2 || conflicts(kinds, moved) > 0) return row;
  const out = cells.map((c) => ({ ...c }));
  for (let col = first; col < cells.length; col++) {
    const src = col > first ? cells[col - 1] : undefined;
    const { spannedBy: _s, ...rest } = src ?? { ...cells[col]!, text: '' };
    out[col] = { ...rest, col };
  }
  return { ...row, cells: out };
}
