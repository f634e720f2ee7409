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
  let hs = mergeRules(page.rules, 'h');
  let vs = mergeRules(page.rules, 'v');
  if (page.source === 'ocr') {
    // A scan loses a rule's last dash or two to dropouts, and a stamp over the table hides pieces of
    // its rules; a vector page's rules are drawn whole whatever lies over them.
    const h0 = hs;
    hs = snapEnds(hs, vs, SCAN_REACH, 'h', page.words);
    vs = snapEnds(vs, h0, SCAN_REACH, 'v', page.words);
    hs = bridgeOccluded(hs, vs);
    vs = bridgeOccluded(vs, hs);
  }
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

/** How far short of a crossing rule a scanned rule's end may fall and still be taken to meet it (1/6 in). */
const SCAN_REACH = 12;

/**
 * Rule ends that stop short of a crossing rule by at most `reach` are carried to the nearest one,
 * unless a word lies across the way (a merged cell's label, which the rule never crossed).
 *
 * @example
 *   snapEnds([{ pos: 93, a: 39, b: 814 }], [{ pos: 28, a: 93, b: 151 }, { pos: 814, a: 93, b: 151 }], 12); // [{ pos: 93, a: 28, b: 814 }]
 */
export function snapEnds(segs: Segment[], crossing: readonly Segment[], reach: number, orientation: 'h' | 'v' = 'h', words: readonly Word[] = []): Segment[] {
  return segs.map((s) => {
    const spans = crossing.filter((c) => s.pos >= c.a - END_TOL && s.pos <= c.b + END_TOL);
    const inside = (x: number): boolean => spans.some((c) => Math.abs(c.pos - x) <= END_TOL);
    let { a, b } = s;
    // A word across the way the rule would run is a merged cell's (a group label over two columns):
    // the rule stops where it was drawn.
    const clear = (from: number, to: number): boolean =>
      !words.some((w) => {
        const [along0, along1, across0, across1] = orientation === 'h' ? [w.bbox[0], w.bbox[2], w.bbox[1], w.bbox[3]] : [w.bbox[1], w.bbox[3], w.bbox[0], w.bbox[2]];
        return across0 < s.pos && across1 > s.pos && along1 > from && along0 < to;
      });
    if (!inside(a)) {
      const before = spans.filter((c) => c.pos < a && a - c.pos <= reach).sort((p, q) => q.pos - p.pos)[0];
      if (before && clear(before.pos, a)) a = before.pos;
    }
    if (!inside(b)) {
      const after = spans.filter((c) => c.pos > b && c.pos - b <= reach).sort((p, q) => p.pos - q.pos)[0];
      if (after && clear(b, after.pos)) b = after.pos;
    }
    return a === s.a && b === s.b ? s : { pos: s.pos, a, b };
  });
}

/** How near a rule's end must come to a crossing rule to end on it, in points. */
const END_TOL = 3;

/**
 * Rules broken where something lies over the table (a stamp, a signature, a blot on the scan): two
 * collinear pieces whose facing ends meet no crossing rule, the gap between them shared by another
 * rule broken the same way, are one rule. A rule ending at a crossing rule is a table's edge or a
 * merged cell's, and stays broken; a gap no other rule shares is left to the grid (a merged cell, a
 * rule drawn in parts).
 *
 * @example
 *   // two rows' borders both broken over x 386–432 by a stamp, with borders at x 39 and 814
 *   bridgeOccluded([{ pos: 93, a: 39, b: 386 }, { pos: 93, a: 448, b: 814 }, { pos: 105, a: 39, b: 347 }, { pos: 105, a: 470, b: 814 }], v).length; // 2
 */
export function bridgeOccluded(segs: Segment[], crossing: readonly Segment[]): Segment[] {
  const endsOnCrossing = (s: Segment, end: number): boolean =>
    crossing.some((c) => Math.abs(c.pos - end) <= END_TOL && s.pos >= c.a - END_TOL && s.pos <= c.b + END_TOL);
  const sorted = [...segs].sort((s, t) => s.pos - t.pos || s.a - t.a);
  // Gaps between consecutive collinear pieces, both of whose facing ends dangle.
  const gaps: Array<{ left: Segment; right: Segment }> = [];
  for (let i = 1; i < sorted.length; i++) {
    const left = sorted[i - 1]!;
    const right = sorted[i]!;
    if (Math.abs(left.pos - right.pos) > POS_TOL || right.a <= left.b) continue;
    if (endsOnCrossing(left, left.b) || endsOnCrossing(right, right.a)) continue;
    gaps.push({ left, right });
  }
  const bridged = gaps.filter((g) => gaps.some((o) => o !== g && Math.abs(o.left.pos - g.left.pos) > POS_TOL && o.left.b < g.right.a && o.right.a > g.left.b));
  if (!bridged.length) return segs;
  const joined = new Map<Segment, Segment>();
  const root = (s: Segment): Segment => (joined.has(s) ? root(joined.get(s)!) : s);
  for (const g of bridged) {
    const left = root(g.left);
    const merged = { pos: left.pos, a: left.a, b: Math.max(left.b, g.right.b) };
    joined.set(left, merged);
    joined.set(g.right, merged);
  }
  return [...new Set(segs.map(root))];
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
