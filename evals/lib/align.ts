/**
 * Row alignment between a gold table and an extracted table. Rows are compared by the words they
 * contain (any column), so a row still pairs with its gold row when cells are shifted or split; the
 * cell-by-cell comparison happens after alignment, in `score.ts`.
 */

/**
 * Lower-cased words with surrounding punctuation removed, for similarity only (cell comparison
 * stays exact and case-sensitive).
 *
 * @example
 *   tokens(['1.', 'Program Pencatatan Sipil', 'Rp. 99.356.000']); // ['1', 'program', 'pencatatan', 'sipil', 'rp', '99.356.000']
 */
export function tokens(cells: readonly string[]): string[] {
  const out: string[] = [];
  for (const cell of cells) {
    for (const raw of cell.toLowerCase().split(/\s+/)) {
      const t = raw.replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}%]+$/gu, '');
      if (t) out.push(t);
    }
  }
  return out;
}

/**
 * Adjacent word pairs, to check that words also appear in the same order.
 *
 * @example
 *   bigrams(['program', 'pencatatan', 'sipil']); // ['program pencatatan', 'pencatatan sipil']
 */
export function bigrams(words: readonly string[]): string[] {
  return words.slice(1).map((w, i) => `${words[i]} ${w}`);
}

/**
 * Dice coefficient of two token multisets: 1 for the same words, 0 for none in common.
 *
 * @example
 *   dice(['a', 'b', 'b'], ['b', 'c']); // 0.4
 */
export function dice(a: readonly string[], b: readonly string[]): number {
  if (!a.length || !b.length) return 0;
  const counts = new Map<string, number>();
  for (const t of a) counts.set(t, (counts.get(t) ?? 0) + 1);
  let common = 0;
  for (const t of b) {
    const n = counts.get(t) ?? 0;
    if (n > 0) {
      common++;
      counts.set(t, n - 1);
    }
  }
  return (2 * common) / (a.length + b.length);
}

export interface AlignOptions {
  /** Subtracted from a pair's similarity: pairs below it are worth less than leaving both rows out. */
  matchOffset?: number;
  /** Cost of a gold row left without a partner. */
  goldGap?: number;
  /** Cost of an extracted row skipped inside the matched span (e.g. a wrapped line read as a row). */
  gotGap?: number;
}

export interface RowPair {
  gold: number;
  got: number;
  sim: number;
}

export interface Alignment {
  pairs: RowPair[];
  score: number;
  /** First and last extracted row of the matched span (inclusive); -1 when nothing aligned. */
  from: number;
  to: number;
}

/**
 * Semi-global alignment (Needleman–Wunsch with free leading and trailing extracted rows): finds the
 * contiguous span of `got` rows that best matches all `gold` rows, in order. `sim[i][j]` is the
 * similarity (0..1) of gold row i and extracted row j; pairs with similarity 0 are never aligned.
 *
 * @example
 *   // gold rows A, B; extracted rows X, A, B
 *   alignRows([[0, 1, 0], [0, 0, 1]]).pairs; // [{ gold: 0, got: 1, sim: 1 }, { gold: 1, got: 2, sim: 1 }]
 */
export function alignRows(sim: readonly (readonly number[])[], opts: AlignOptions = {}): Alignment {
  const offset = opts.matchOffset ?? 0.3;
  const goldGap = opts.goldGap ?? -0.3;
  const gotGap = opts.gotGap ?? -0.1;
  const m = sim.length;
  const n = sim[0]?.length ?? 0;
  const NEG = Number.NEGATIVE_INFINITY;
  // score[i][j]: best for gold[0..i) against got[0..j); move 0 = diagonal, 1 = gold gap, 2 = got gap.
  const score = Array.from({ length: m + 1 }, () => new Float64Array(n + 1).fill(NEG));
  const move = Array.from({ length: m + 1 }, () => new Uint8Array(n + 1));
  for (let j = 0; j <= n; j++) score[0]![j] = 0;
  for (let i = 1; i <= m; i++) {
    const row = score[i]!;
    const prev = score[i - 1]!;
    row[0] = prev[0]! + goldGap;
    move[i]![0] = 1;
    for (let j = 1; j <= n; j++) {
      const s = sim[i - 1]![j - 1]!;
      let best = s > 0 ? prev[j - 1]! + s - offset : NEG;
      let how = 0;
      const up = prev[j]! + goldGap;
      if (up > best) [best, how] = [up, 1];
      // Extracted rows after the last gold row are free (taken care of by the max over j below).
      const left = row[j - 1]! + gotGap;
      if (left > best) [best, how] = [left, 2];
      row[j] = best;
      move[i]![j] = how;
    }
  }
  let j = 0;
  for (let k = 1; k <= n; k++) if (score[m]![k]! > score[m]![j]!) j = k;
  const total = score[m]![j]!;
  const pairs: RowPair[] = [];
  let i = m;
  while (i > 0 && j >= 0) {
    const how = move[i]![j]!;
    if (j === 0 || how === 1) i--;
    else if (how === 2) j--;
    else {
      pairs.push({ gold: i - 1, got: j - 1, sim: sim[i - 1]![j - 1]! });
      i--;
      j--;
    }
  }
  pairs.reverse();
  return { pairs, score: total, from: pairs[0]?.got ?? -1, to: pairs[pairs.length - 1]?.got ?? -1 };
}
