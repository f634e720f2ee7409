import type { Word } from '../model/document.js';
import { toLines, type TextLine } from './geometry.js';
import type { GridCell, PageTable } from './lattice.js';

/** An amount or figure standing alone on its line: `Rp. 207.902.500`, `1.018.997.800`, `217,902,500`. */
const AMOUNT = /^(rp\.?\s*)?\d{1,3}([.,]\d{3})+([.,]\d{1,2})?(,-)?$/i;

/**
 * Splits ruled rows that hold several items stacked inside one cell per column (a list of programs
 * and their budgets typed into one table row with line breaks). A column whose lines are each one
 * amount gives the items; the row is split just above each amount when another column starts a line
 * at the same height. Cells merged over several rows keep their words and grow by the new rows.
 *
 * @example
 *   splitStackedRows(table); // a 1-row table listing 4 programs becomes 4 rows
 */
export function splitStackedRows(t: PageTable): PageTable {
  t = pairNumberedLists(t);
  const cuts = new Map<number, number[]>();
  for (let r = 0; r < t.nRows; r++) {
    const rowCells = t.cells.filter((c) => c.r0 === r && c.r1 === r + 1);
    const lines = new Map<GridCell, TextLine[]>(rowCells.map((c) => [c, toLines(c.words)]));
    let anchor: TextLine[] = [];
    for (const [, ls] of lines) {
      const amounts = ls.filter((l) => l.words.length <= 3 && AMOUNT.test(l.words.map((w) => w.text).join(' ')));
      if (amounts.length === ls.length && amounts.length > anchor.length) anchor = amounts;
    }
    if (anchor.length < 2) continue;
    // Every item must start a line in another column at the height of its amount.
    const starts = (y: number) => [...lines].some(([, ls]) => !ls.some((l) => anchor.includes(l)) && ls.some((l) => Math.abs(l.bbox[1] - y) <= 2.5));
    if (!anchor.every((l) => starts(l.bbox[1]))) continue;
    cuts.set(r, anchor.slice(1).map((l) => l.bbox[1] - 1));
  }
  if (cuts.size === 0) return t;
  // New row index of each old row, and the rows' y-boundaries.
  const shift: number[] = [];
  let extra = 0;
  for (let r = 0; r < t.nRows; r++) {
    shift.push(r + extra);
    extra += cuts.get(r)?.length ?? 0;
  }
  const cells: GridCell[] = [];
  for (const c of t.cells) {
    const ys = c.r1 - c.r0 === 1 ? cuts.get(c.r0) : undefined;
    const r0 = shift[c.r0]!;
    const r1 = c.r1 < t.nRows ? shift[c.r1]! : t.nRows + extra;
    if (!ys) {
      cells.push({ ...c, r0, r1 });
      continue;
    }
    const bounds = [c.bbox[1], ...ys, c.bbox[3]];
    for (let k = 0; k < bounds.length - 1; k++) {
      const top = bounds[k]!;
      const bottom = bounds[k + 1]!;
      const words: Word[] = c.words.filter((w) => {
        const cy = (w.bbox[1] + w.bbox[3]) / 2;
        return cy >= top && (cy < bottom || k === bounds.length - 2);
      });
      cells.push({ ...c, r0: r0 + k, r1: r0 + k + 1, bbox: [c.bbox[0], top, c.bbox[2], bottom], words });
    }
  }
  return { ...t, nRows: t.nRows + extra, cells: cells.sort((a, b) => a.r0 - b.r0 || a.c0 - b.c0) };
}

const ITEM = /^(\d{1,2}(\.\d{1,2})*)[.)]?\s+\S/;

/**
 * The other stacked form: a cell listing numbered items ("1. Program …", "1.1 Kegiatan …") next to
 * a cell listing exactly as many amounts, one per line but not level with their items (each column
 * centred on its own). Items and amounts are paired in order; each becomes its own row, and cells
 * of the other columns span the new rows.
 */
function pairNumberedLists(t: PageTable): PageTable {
  for (let r = 0; r < t.nRows; r++) {
    const rowCells = t.cells.filter((c) => c.r0 === r && c.r1 === r + 1);
    let amounts: TextLine[] = [];
    let amountCell: GridCell | undefined;
    for (const c of rowCells) {
      const ls = toLines(c.words);
      if (ls.length >= 2 && ls.every((l) => l.words.length <= 3 && AMOUNT.test(l.words.map((w) => w.text).join(' ')))) {
        amounts = ls;
        amountCell = c;
      }
    }
    if (!amountCell) continue;
    for (const c of rowCells) {
      if (c === amountCell) continue;
      const ls = toLines(c.words);
      if (!ls[0] || !ITEM.test(ls[0].words.map((w) => w.text).join(' '))) continue;
      const items: TextLine[][] = [];
      for (const l of ls) {
        if (ITEM.test(l.words.map((w) => w.text).join(' ')) || items.length === 0) items.push([l]);
        else items[items.length - 1]!.push(l);
      }
      if (items.length !== amounts.length) continue;
      return pairNumberedLists(expandRow(t, r, c, items, amountCell, amounts));
    }
  }
  return t;
}

function expandRow(t: PageTable, r: number, itemCell: GridCell, items: TextLine[][], amountCell: GridCell, amounts: TextLine[]): PageTable {
  const n = items.length;
  const cells: GridCell[] = [];
  const box = (ws: Word[], c: GridCell): GridCell['bbox'] => [c.bbox[0], Math.min(...ws.map((w) => w.bbox[1])), c.bbox[2], Math.max(...ws.map((w) => w.bbox[3]))];
  for (const c of t.cells) {
    const grow = (x: number) => (x > r ? x + n - 1 : x);
    if (c === itemCell || c === amountCell) {
      const groups = c === itemCell ? items.map((ls) => ls.flatMap((l) => l.words)) : amounts.map((l) => l.words);
      groups.forEach((ws, k) => cells.push({ ...c, r0: r + k, r1: r + k + 1, words: ws, bbox: box(ws, c) }));
    } else if (c.r0 <= r && c.r1 > r) {
      cells.push({ ...c, r1: c.r1 + n - 1 });
    } else {
      cells.push({ ...c, r0: grow(c.r0), r1: grow(c.r1) });
    }
  }
  return { ...t, nRows: t.nRows + n - 1, cells: cells.sort((a, b) => a.r0 - b.r0 || a.c0 - b.c0) };
}
