import type { Page, Word } from '../model/document.js';
import type { BBox } from '../model/geometry.js';
import { clusterValues, mergeRules, type Segment } from './geometry.js';

/** A cell of a detected grid, before it becomes a model Cell: grid span and its words. */
export interface GridCell {
  r0: number;
  r1: number;
  c0: number;
  c1: number;
  bbox: BBox;
  words: Word[];
}

/** A table found on one page: its grid and cells, not yet labelled. */
export interface PageTable {
  page: number;
  method: 'lattice' | 'stream';
  bbox: BBox;
  nRows: number;
  nCols: number;
  /** Column boundaries (nCols + 1 values) for matching continuations across pages. */
  colX: number[];
  cells: GridCell[];
  /** Indices into `page.words` used by this table. */
  used: Set<number>;
  /**
   * Too short to stand as a table on its own (two aligned lines, no rules): kept only when it
   * continues the table that ends the previous page (a repeated header and the last row).
   */
  weak?: boolean;
  /**
   * A header and a row or two closing the page (too few lines to stand as a table): kept only when
   * the next page opens with a table under the same header, as that table's first rows.
   */
  weakHead?: boolean;
  /** A weak head's lines of words, laid out again in the columns of the table it opens. */
  headLines?: Word[][];
}

const POS_TOL = 2;
const COVER = 0.6;

/**
 * Finds ruled tables on a page: connected groups of horizontal and vertical rules form a grid;
 * a missing rule segment inside the grid marks a merged cell.
 *
 * @example
 *   findLatticeTables(page).map((t) => [t.nRows, t.nCols]); // [[6, 9]]
 */
export function findLatticeTables(page: Page): PageTable[] {
  const hs = mergeRules(page.rules, 'h');
  const vs = mergeRules(page.rules, 'v');
  const comps = components(hs, vs);
  const tables: PageTable[] = [];
  for (const { h, v } of comps) {
    if (h.length < 2 || v.length < 2) continue;
    const t = gridTable(page, h, v);
    if (t) tables.push(t);
  }
  // A grid drawn inside another grid's cell is kept only when it is not swallowed by the outer one.
  return tables.sort((a, b) => a.bbox[1] - b.bbox[1]);
}

function components(hs: Segment[], vs: Segment[]): Array<{ h: Segment[]; v: Segment[] }> {
  const n = hs.length + vs.length;
  const parent = Array.from({ length: n }, (_, i) => i);
  const find = (i: number): number => (parent[i] === i ? i : (parent[i] = find(parent[i]!)));
  const join = (i: number, j: number) => {
    const a = find(i);
    const b = find(j);
    if (a !== b) parent[a] = b;
  };
  hs.forEach((h, i) => {
    vs.forEach((v, j) => {
      if (v.pos >= h.a - POS_TOL && v.pos <= h.b + POS_TOL && h.pos >= v.a - POS_TOL && h.pos <= v.b + POS_TOL) join(i, hs.length + j);
    });
  });
  const groups = new Map<number, { h: Segment[]; v: Segment[] }>();
  for (let i = 0; i < n; i++) {
    const r = find(i);
    const g = groups.get(r) ?? { h: [], v: [] };
    if (i < hs.length) g.h.push(hs[i]!);
    else g.v.push(vs[i - hs.length]!);
    groups.set(r, g);
  }
  return [...groups.values()];
}

function covered(segs: Segment[], pos: number, a: number, b: number): boolean {
  const len = b - a;
  if (len <= 0) return true;
  let cov = 0;
  for (const s of segs) {
    if (Math.abs(s.pos - pos) > POS_TOL) continue;
    cov += Math.max(0, Math.min(b, s.b) - Math.max(a, s.a));
  }
  return cov >= len * COVER;
}

/**
 * A row split by a page break has no rule on its open side: the columns' vertical rules run past the
 * last horizontal rule (to the foot of the page's table) or start before the first (at the top of
 * the next page). When most columns' rules reach one common end there, that end closes the row.
 */
function openEdges(ys: number[], xs: readonly number[], v: readonly Segment[]): void {
  if (ys.length < 2 || xs.length < 2) return;
  const need = Math.max(2, Math.ceil(xs.length * 0.6));
  const common = (ends: number[]): number | null => {
    if (ends.length < need) return null;
    const sorted = [...ends].sort((a, b) => a - b);
    const mid = sorted[Math.floor(sorted.length / 2)]!;
    return sorted.filter((e) => Math.abs(e - mid) <= POS_TOL).length >= need ? mid : null;
  };
  const [top, bottom] = [ys[0]!, ys[ys.length - 1]!];
  // Rules past the edge by more than a thin stroke, at distinct columns.
  const past = (pick: (s: Segment) => number | null): number[] => [...new Map(v.flatMap((s) => { const e = pick(s); return e === null ? [] : [[Math.round(s.pos), e] as const]; })).values()];
  const below = common(past((s) => (s.b > bottom + 4 ? s.b : null)));
  if (below !== null) ys.push(below);
  const above = common(past((s) => (s.a < top - 4 ? s.a : null)));
  if (above !== null) ys.unshift(above);
}

function gridTable(page: Page, h: Segment[], v: Segment[]): PageTable | undefined {
  const ys = clusterValues(h.map((s) => s.pos), POS_TOL);
  const xs = clusterValues(v.map((s) => s.pos), POS_TOL);
  openEdges(ys, xs, v);
  if (ys.length < 2 || xs.length < 2) return undefined;
  const nRows = ys.length - 1;
  const nCols = xs.length - 1;
  const id = (r: number, c: number) => r * nCols + c;
  const parent = Array.from({ length: nRows * nCols }, (_, i) => i);
  const find = (i: number): number => (parent[i] === i ? i : (parent[i] = find(parent[i]!)));
  const join = (i: number, j: number) => {
    const a = find(i);
    const b = find(j);
    if (a !== b) parent[a] = b;
  };
  for (let r = 0; r < nRows; r++) {
    for (let c = 0; c < nCols; c++) {
      const y0 = ys[r]!;
      const y1 = ys[r + 1]!;
      const x0 = xs[c]!;
      const x1 = xs[c + 1]!;
      if (c + 1 < nCols && !covered(v, xs[c + 1]!, y0 + 1, y1 - 1)) join(id(r, c), id(r, c + 1));
      if (r + 1 < nRows && !covered(h, ys[r + 1]!, x0 + 1, x1 - 1)) join(id(r, c), id(r + 1, c));
    }
  }
  const groups = new Map<number, { r0: number; r1: number; c0: number; c1: number }>();
  for (let r = 0; r < nRows; r++) {
    for (let c = 0; c < nCols; c++) {
      const k = find(id(r, c));
      const g = groups.get(k);
      if (!g) groups.set(k, { r0: r, r1: r + 1, c0: c, c1: c + 1 });
      else {
        g.r0 = Math.min(g.r0, r);
        g.r1 = Math.max(g.r1, r + 1);
        g.c0 = Math.min(g.c0, c);
        g.c1 = Math.max(g.c1, c + 1);
      }
    }
  }
  const cells: GridCell[] = [...groups.values()]
    .map((g) => ({ ...g, bbox: [xs[g.c0]!, ys[g.r0]!, xs[g.c1]!, ys[g.r1]!] as BBox, words: [] as Word[] }))
    .sort((a, b) => a.r0 - b.r0 || a.c0 - b.c0);
  const bbox: BBox = [xs[0]!, ys[0]!, xs[nCols]!, ys[nRows]!];
  const used = new Set<number>();
  page.words.forEach((w, i) => {
    const cx = (w.bbox[0] + w.bbox[2]) / 2;
    const cy = (w.bbox[1] + w.bbox[3]) / 2;
    if (cx < bbox[0] || cx > bbox[2] || cy < bbox[1] || cy > bbox[3]) return;
    const cell = cells.find((c) => cx >= c.bbox[0] && cx <= c.bbox[2] && cy >= c.bbox[1] && cy <= c.bbox[3]);
    if (cell) {
      cell.words.push(w);
      used.add(i);
    }
  });
  const filled = cells.filter((c) => c.words.length > 0).length;
  // A frame around a paragraph or an empty drawing is not a table.
  if (nCols < 2 || filled < 2) return undefined;
  return { page: page.page, method: 'lattice', bbox, nRows, nCols, colX: xs, cells, used };
}
