import type { BudgetRow, Value } from '../../model/report.js';
import type { Table } from '../../model/table.js';
import { parseColumn, parseNumber } from '../../numbers/index.js';
import type { ColumnMap, Role } from './columns.js';
import { rangeOf } from './cells.js';

/**
 * Column roles proved by the rows' own arithmetic. The header vocabulary proposes roles; a budget
 * table's rows then say which columns really are the pagu, the realisasi, the % and the sisa: the
 * assignment under which `% = realisasi / pagu × 100` and `sisa = pagu − realisasi` hold for most
 * rows wins, whatever the headers say. This tells the revised budget (the one the % is computed
 * on) from the original printed beside it, names columns whose header is missing or unreadable, and
 * leaves the rows that break the majority's arithmetic to the checks.
 */
export interface BudgetProof {
  roles: { pagu: number; realisasiAnggaran: number; persen?: number; sisa?: number };
  /** Rows whose figures could be tested, and how many of them hold. */
  tested: number;
  held: number;
  /** What decided, in words, for the model's table info. */
  evidence: string;
}

/** Share of tested rows that must hold for a proof (a majority: the rest are findings). */
const MAJORITY = 0.6;

interface Col {
  values: Array<number | null>;
  decimals: number[];
}

const parsedColumns = new WeakMap<Table, Col[]>();

/** Each column's parsed figures (once per table: both proofs read them). */
function columnsOf(table: Table): Col[] {
  const cached = parsedColumns.get(table);
  if (cached) return cached;
  const cols = Array.from({ length: table.nCols }, (_, c) => {
    const texts = table.rows.map((r) => {
      const cell = r.cells[c];
      return cell && !cell.spannedBy ? cell.text : '';
    });
    const parsed = parseColumn(texts).cells;
    return { values: parsed.map((p) => (p.value === null || p.note === 'malformed' ? null : p.negative && p.value > 0 ? -p.value : p.value)), decimals: parsed.map((p) => p.decimals) };
  });
  parsedColumns.set(table, cols);
  return cols;
}

const present = (c: Col): number => c.values.filter((v) => v !== null).length;

/** A column of rupiah amounts: most of its figures are whole amounts of at least a thousand. */
function isMoney(c: Col): boolean {
  const n = present(c);
  const big = c.values.filter((v) => v !== null && Math.abs(v) >= 1000).length;
  return n >= 2 && big * 2 >= n && big >= 2;
}

/** A column of percentages: figures between 0 and 1000. */
function isPercent(c: Col): boolean {
  const n = present(c);
  const pct = c.values.filter((v) => v !== null && v >= 0 && v <= 1000).length;
  return n >= 2 && pct >= 0.8 * n;
}

/** `q` printed with `d` decimals agrees with `x` (rounded half-up, or truncated). */
function agrees(q: number, d: number, x: number): boolean {
  const unit = 10 ** -d;
  return Math.abs(x - q) <= unit / 2 + 1e-9 || (x >= q - 1e-9 && x < q + unit);
}

/**
 * The budget roles the rows prove, or null when no assignment holds for a majority of at least two
 * testable rows.
 *
 * @example
 *   // Pagu Awal | Pagu Perubahan | Realisasi | % | Sisa: the % is computed on the revised budget.
 *   proveBudgetRoles(table)?.roles; // { pagu: 3, realisasiAnggaran: 4, persen: 5, sisa: 6 }
 */
export function proveBudgetRoles(table: Table): BudgetProof | null {
  const cols = columnsOf(table);
  const money = cols.map((c, i) => (isMoney(c) ? i : -1)).filter((i) => i >= 0);
  const pct = cols.map((c, i) => (!isMoney(c) && isPercent(c) ? i : -1)).filter((i) => i >= 0);
  if (money.length < 2) return null;
  let best: (BudgetProof & { both: boolean; equations: number }) | null = null;
  for (const p of money) {
    for (const r of money) {
      if (r === p) continue;
      for (const q of [...pct, -1]) {
        for (const s of [...money.filter((m) => m !== p && m !== r), -1]) {
          if (q < 0 && s < 0) continue;
          let tested = 0;
          let held = 0;
          // Each equation on its own: a column rides along only when its own equation holds for a
          // majority, and the assignment whose equations hold most often wins (a row breaking one
          // equation still proves the other: an assignment testing fewer equations is not better
          // for holding more rows).
          const eq = { q: { tested: 0, held: 0 }, s: { tested: 0, held: 0 } };
          table.rows.forEach((_, i) => {
            const pv = cols[p]!.values[i];
            const rv = cols[r]!.values[i];
            if (pv === null || pv === undefined || rv === null || rv === undefined || pv <= 0) return;
            const qv = q >= 0 ? cols[q]!.values[i] : null;
            const sv = s >= 0 ? cols[s]!.values[i] : null;
            if ((qv === null || qv === undefined) && (sv === null || sv === undefined)) return;
            tested++;
            const qOk = qv === null || qv === undefined || agrees(qv, cols[q]!.decimals[i] ?? 2, (rv / pv) * 100);
            const sOk = sv === null || sv === undefined || Math.abs(pv - rv - sv) <= 1;
            if (qv !== null && qv !== undefined) {
              eq.q.tested++;
              if (qOk) eq.q.held++;
            }
            if (sv !== null && sv !== undefined) {
              eq.s.tested++;
              if (sOk) eq.s.held++;
            }
            if (qOk && sOk) held++;
          });
          if (tested < 2 || held < MAJORITY * tested) continue;
          if ([...(q >= 0 ? [eq.q] : []), ...(s >= 0 ? [eq.s] : [])].some((e) => e.tested < 2 || e.held < MAJORITY * e.tested)) continue;
          const equations = eq.q.held + eq.s.held;
          const both = q >= 0 && s >= 0;
          const better =
            !best ||
            equations > best.equations ||
            (equations === best.equations && both && !best.both) ||
            (equations === best.equations && both === best.both && p < r && best.roles.pagu > best.roles.realisasiAnggaran);
          if (!better) continue;
          const roles = { pagu: p, realisasiAnggaran: r, ...(q >= 0 ? { persen: q } : {}), ...(s >= 0 ? { sisa: s } : {}) };
          const what = [q >= 0 ? '% = realisasi / pagu × 100' : null, s >= 0 ? 'sisa = pagu − realisasi' : null].filter(Boolean).join(' and ');
          best = { roles, tested, held, both, equations, evidence: `${what} hold in ${held} of ${tested} rows` };
        }
      }
    }
  }
  if (!best) return null;
  const { both: _both, equations: _equations, ...proof } = best;
  return proof;
}

const PROVEN: ReadonlyArray<keyof BudgetProof['roles']> = ['pagu', 'realisasiAnggaran', 'persen', 'sisa'];

/**
 * Applies a proof to a header-proposed map: proven columns take their roles, a role the header gave
 * to a proven column is dropped, and the evidence is returned per role.
 *
 * @example
 *   applyBudgetProof(map, proof); // { pagu: 'header "Pagu Awal" proposed column 2; % = … hold in 9 of 9 rows' }
 */
export function applyBudgetProof(table: Table, map: ColumnMap, proof: BudgetProof): Record<string, string> {
  const evidence: Record<string, string> = {};
  const taken = new Set(PROVEN.map((k) => proof.roles[k]).filter((c): c is number => c !== undefined));
  for (const [role, col] of Object.entries(map.roles) as Array<[Role, number]>) {
    if (taken.has(col) && !(PROVEN as readonly string[]).includes(role)) delete map.roles[role];
  }
  for (const role of PROVEN) {
    const col = proof.roles[role];
    if (col === undefined) continue;
    const before = map.roles[role];
    map.roles[role] = col;
    const label = table.columns[col]?.trim();
    evidence[role] = before === col ? `header "${label}" and arithmetic: ${proof.evidence}` : `arithmetic (${before === undefined ? 'no header role' : `header proposed column ${before}`}): column ${col}${label ? ` "${label}"` : ''}; ${proof.evidence}`;
  }
  return evidence;
}

export type TreeLevel = 'program' | 'kegiatan' | 'sub_kegiatan';

/** A budget row's figures for the hierarchy proof. */
export interface Amounts {
  pagu: number | null;
  realisasi: number | null;
}

/** A parent's figure equals the sum of its children's, in pagu or in realisasi (rupiah exact). */
function adds(rows: readonly Amounts[], parent: number, children: readonly number[]): boolean {
  if (!children.length) return false;
  for (const k of ['pagu', 'realisasi'] as const) {
    const p = rows[parent]![k];
    if (p === null) continue;
    let sum = 0;
    let ok = true;
    for (const c of children) {
      const v = rows[c]![k];
      if (v === null) {
        ok = false;
        break;
      }
      sum += v;
    }
    // A parent of 0 is "the sum" of anything empty: no evidence.
    if (ok && p !== 0 && Math.abs(sum - p) < 0.5) return true;
  }
  return false;
}

/**
 * What one parent's equation weighs: a parent of several children that adds up is strong evidence
 * (1); one equal to its only child is weak (a row repeating the next one, 0.1); a parent that does
 * not add up counts against the reading (−0.5).
 */
function weight(holds: boolean, children: number): number {
  if (!holds) return -0.5;
  return children > 1 ? 1 : 0.1;
}

/** How many parent rows of a pre-order level assignment equal the sum of their children, of how many parents, and the weighted score. */
export function levelSupport(rows: readonly Amounts[], levels: readonly TreeLevel[]): { held: number; parents: number; score: number } {
  let held = 0;
  let parents = 0;
  let score = 0;
  levels.forEach((lv, i) => {
    if (lv === 'sub_kegiatan') return;
    const child: TreeLevel = lv === 'program' ? 'kegiatan' : 'sub_kegiatan';
    const kids: number[] = [];
    for (let j = i + 1; j < levels.length; j++) {
      if (levels[j] === lv || (lv === 'kegiatan' && levels[j] === 'program')) break;
      if (levels[j] === child) kids.push(j);
    }
    if (!kids.length) return;
    parents++;
    const ok = adds(rows, i, kids);
    if (ok) held++;
    score += weight(ok, kids.length);
  });
  return { held, parents, score };
}

/**
 * The program → kegiatan → sub-kegiatan levels of a budget table's rows (in print order) that make
 * the most parents equal the sum of their children (pagu or realisasi, to the rupiah). A table part
 * may open inside a list (sub-kegiatan, then kegiatan, before its first program). Returns null when
 * the rows are too many to search or no parse is supported by a majority of its parents.
 *
 * @example
 *   proveLevels([{ pagu: 30, realisasi: null }, { pagu: 30, realisasi: null }, { pagu: 10, realisasi: null }, { pagu: 20, realisasi: null }]);
 *   // ['program', 'kegiatan', 'sub_kegiatan', 'sub_kegiatan']
 */
export function proveLevels(rows: readonly Amounts[], programNamed: readonly boolean[] = []): { levels: TreeLevel[]; held: number; parents: number; score: number } | null {
  if (rows.length < 3 || rows.length > 250) return null;
  // A table is read with three levels (every kegiatan has sub-kegiatan) or two (programs and kegiatan).
  const three = parseLevels(rows, true, programNamed);
  const two = parseLevels(rows, false, programNamed);
  // The sums cannot tell "program over kegiatan" from "kegiatan over sub-kegiatan" in a part that
  // opens inside a list; then the rows named "Program …" (the nomenclature's own) decide.
  const named = (x: { levels: TreeLevel[] } | null): number => (x ? x.levels.reduce((a, lv, i) => a + (lv === 'program' ? (programNamed[i] ? 1 : -1) : 0), 0) : 0);
  const close = programNamed.length === rows.length && three && two && Math.abs(three.score - two.score) < 0.05;
  const pick = close ? (named(two) > named(three) ? two : three) : !two || (three && three.score >= two.score) ? three : two;
  if (!pick) return null;
  const support = levelSupport(rows, pick.levels);
  if (support.held < 2 || support.held < 0.6 * support.parents) return null;
  return { levels: pick.levels, ...support };
}

function parseLevels(rows: readonly Amounts[], threeLevels: boolean, programNamed: readonly boolean[] = []): { levels: TreeLevel[]; score: number } | null {
  const n = rows.length;
  const NEG = -1e9;
  // Where the report names its programs ("PROGRAM …", the nomenclature's own), the named rows are
  // the programs and no others.
  const named = programNamed.length === n && programNamed.some(Boolean);
  const mayBe = (i: number, program: boolean): boolean => !named || programNamed[i] === program;
  const namedBefore = [0];
  for (let i = 0; i < n; i++) namedBefore.push(namedBefore[i]! + (programNamed[i] ? 1 : 0));
  // kegiatan block [k, e): row k with sub-kegiatan k+1 … e−1.
  // A parent that adds up earns 1, one that does not costs ½: a parse is not free to invent parents.
  // Prefix sums (and counts of missing figures) make a contiguous block's sum O(1).
  const prefix = (['pagu', 'realisasi'] as const).map((key) => {
    const sum = [0];
    const gaps = [0];
    rows.forEach((r, i) => {
      sum.push(sum[i]! + (r[key] ?? 0));
      gaps.push(gaps[i]! + (r[key] === null ? 1 : 0));
    });
    return { key, sum, gaps };
  });
  const blockAdds = (k: number, e: number): boolean =>
    prefix.some(({ key, sum, gaps }) => {
      const p = rows[k]![key];
      return p !== null && p !== 0 && gaps[e]! - gaps[k + 1]! === 0 && Math.abs(sum[e]! - sum[k + 1]! - p) < 0.5;
    });
  // Tables below are flat, (n + 1) × (n + 1), indexed [a * w + b].
  const w = n + 1;
  const blockScore = (k: number, e: number): number => {
    if (named && namedBefore[e]! - namedBefore[k]! > 0) return NEG;
    if (!threeLevels) return e - k === 1 ? 0 : NEG;
    // The last row of a part may be a kegiatan whose sub-kegiatan continue on the next page: no
    // evidence either way.
    if (e - k === 1 && e === n) return 0;
    if (e - k < 2) return NEG;
    return weight(blockAdds(k, e), e - k - 1);
  };
  // Every block's score, worked out once: the split below reads each for every end it could reach.
  const keg = new Float64Array(w * w).fill(NEG);
  for (let k = 0; k < n; k++) for (let e = k + 1; e <= n; e++) keg[k * w + e] = blockScore(k, e);
  const kegScore = (k: number, e: number): number => keg[k * w + e]!;
  // seq[a][b]: the best split of [a, b) into kegiatan blocks, its score and block starts.
  const seqScore = new Float64Array(w * w).fill(NEG);
  const seqNext = new Int32Array(w * w).fill(-1);
  for (let b = 0; b <= n; b++) {
    seqScore[b * w + b] = 0;
    for (let a = b - 1; a >= 0; a--) {
      let best = NEG;
      let next = -1;
      for (let e = a + 1; e <= b; e++) {
        const rest = seqScore[e * w + b]!;
        const own = keg[a * w + e]!;
        if (rest <= NEG || own <= NEG) continue;
        const s = own + rest;
        if (s > best) {
          best = s;
          next = e;
        }
      }
      seqScore[a * w + b] = best;
      seqNext[a * w + b] = next;
    }
  }
  const starts = (a: number, b: number): number[] => {
    const out: number[] = [];
    for (let x = a; x < b; x = seqNext[x * w + b]!) {
      out.push(x);
      if (seqNext[x * w + b]! <= x) break;
    }
    return out;
  };
  const progCache = new Float64Array((n + 1) * (n + 1)).fill(Number.NaN);
  const progScore = (p: number, q: number): number => {
    if (!mayBe(p, true)) return NEG;
    // The last row of a part may be a program whose kegiatan continue on the next page.
    if (q - p === 1 && q === n) return 0;
    if (q - p < 2 || seqScore[(p + 1) * w + q]! <= NEG) return NEG;
    const key = p * (n + 1) + q;
    if (!Number.isNaN(progCache[key]!)) return progCache[key]!;
    const kids = starts(p + 1, q);
    return (progCache[key] = seqScore[(p + 1) * w + q]! + weight(adds(rows, p, kids), kids.length));
  };
  // best[pos][phase]: phase 0 opening sub-kegiatan, 1 opening kegiatan, 2 programs.
  const best: number[][] = Array.from({ length: n + 1 }, () => [NEG, NEG, NEG]);
  const from: Array<Array<{ prev: number; phase: number; kind: 'sub' | 'keg' | 'prog' } | null>> = Array.from({ length: n + 1 }, () => [null, null, null]);
  best[0]![0] = 0;
  for (let pos = 0; pos < n; pos++) {
    for (let phase = 0; phase < 3; phase++) {
      const here = best[pos]![phase]!;
      if (here <= NEG) continue;
      // Rows before the first program (a part opening inside a list) cost a little, so that a
      // parse opening with a program wins a tie.
      if (phase === 0 && mayBe(pos, false) && here - 2e-3 > best[pos + 1]![0]!) {
        best[pos + 1]![0] = here - 2e-3;
        from[pos + 1]![0] = { prev: pos, phase, kind: 'sub' };
      }
      for (let e = pos + 1; e <= n; e++) {
        if (phase <= 1 && kegScore(pos, e) > NEG) {
          const s = here + kegScore(pos, e) - 2e-3;
          if (s > best[e]![1]!) {
            best[e]![1] = s;
            from[e]![1] = { prev: pos, phase, kind: 'keg' };
          }
        }
        const ps = progScore(pos, e);
        if (ps > NEG && here + ps > best[e]![2]!) {
          best[e]![2] = here + ps;
          from[e]![2] = { prev: pos, phase, kind: 'prog' };
        }
      }
    }
  }
  let phase = [0, 1, 2].reduce((a, b) => (best[n]![b]! > best[n]![a]! ? b : a), 2);
  const score = best[n]![phase]!;
  if (score <= NEG) return null;
  const levels = new Array<TreeLevel>(n).fill('sub_kegiatan');
  for (let pos = n; pos > 0; ) {
    const step = from[pos]![phase]!;
    if (step.kind === 'prog') {
      levels[step.prev] = 'program';
      for (const k of starts(step.prev + 1, pos)) levels[k] = 'kegiatan';
    } else if (step.kind === 'keg') levels[step.prev] = 'kegiatan';
    pos = step.prev;
    phase = step.phase;
  }
  return { levels, score };
}


export interface PerformanceProof {
  roles: { target: number; realisasi: number; capaian: number };
  tested: number;
  held: number;
  evidence: string;
}

/** A capaian printed with `d` decimals agrees with realisasi / target × 100 or a lower-is-better formula. */
export function capaianHolds(t: number, r: number, c: number, rDec: number, cDec: number): boolean {
  if (t === 0 || r === 0) return false;
  const h = rDec > 0 ? 0.5 * 10 ** -rDec : 0;
  const unit = 10 ** -cDec;
  const within = (f: (x: number) => number): boolean => {
    const a = f(r - h);
    const b = f(r + h);
    const lo = Math.min(a, b) - unit / 2 - 1e-9;
    const hi = Math.max(a, b) + unit - 1e-9; // rounded or truncated
    return c >= lo && c <= hi;
  };
  return within((x) => (x / t) * 100) || within((x) => (2 - x / t) * 100) || within((x) => (t / x) * 100);
}

/**
 * The target, realisasi and capaian columns of a performance table proved by its rows: the
 * columns under which capaian = realisasi / target × 100 (or a lower-is-better formula: (2 − r/t) ×
 * 100, t / r × 100) holds for a majority of at least two rows. The header's own triple is kept when
 * it holds; otherwise the best triple by the rows wins. Null when no triple holds.
 *
 * @example
 *   provePerformanceRoles(table, { target: 5, realisasi: 6, capaian: 7 })?.roles; // { target: 5, realisasi: 6, capaian: 7 }
 */
export function provePerformanceRoles(table: Table, header: { target?: number; realisasi?: number; capaian?: number }, exclude: ReadonlySet<number> = new Set()): PerformanceProof | null {
  const cols = columnsOf(table);
  const numeric = cols.map((c, i) => (present(c) >= 2 && !isMoney(c) && !exclude.has(i) ? i : -1)).filter((i) => i >= 0);
  if (numeric.length < 3) return null;
  const score = (t: number, r: number, c: number): { tested: number; held: number } => {
    let tested = 0;
    let held = 0;
    table.rows.forEach((row, i) => {
      const rv = cols[r]!.values[i];
      const cv = cols[c]!.values[i];
      // A range target ("75 s.d. 78") counts with the bound the realisasi lies beyond, 100 inside.
      const range = cols[t]!.values[i] == null && rv != null ? rangeOf(row.cells[t]?.text ?? '') : null;
      const tv = range && rv != null ? (rv > range[1] ? range[1] : rv < range[0] ? range[0] : rv) : cols[t]!.values[i];
      if (tv == null || rv == null || cv == null) return;
      tested++;
      if (capaianHolds(tv, rv, cv, cols[r]!.decimals[i] ?? 0, cols[c]!.decimals[i] ?? 0)) held++;
    });
    return { tested, held };
  };
  const proof = (t: number, r: number, c: number, s: { tested: number; held: number }, why: string): PerformanceProof => ({ roles: { target: t, realisasi: r, capaian: c }, ...s, evidence: `${why}capaian = realisasi / target × 100 (or a lower-is-better formula) holds in ${s.held} of ${s.tested} rows` });
  const ok = (s: { tested: number; held: number }): boolean => s.tested >= 2 && s.held >= MAJORITY * s.tested;
  if (header.target !== undefined && header.realisasi !== undefined && header.capaian !== undefined) {
    const s = score(header.target, header.realisasi, header.capaian);
    if (ok(s)) return proof(header.target, header.realisasi, header.capaian, s, 'header and arithmetic: ');
  }
  let best: PerformanceProof | null = null;
  for (const t of numeric) {
    for (const r of numeric) {
      if (r === t) continue;
      for (const c of numeric) {
        if (c === t || c === r) continue;
        const s = score(t, r, c);
        if (!ok(s)) continue;
        // More rows held wins; then the printed order target, realisasi, capaian; then nearness.
        const order = Number(t < r) + Number(r < c);
        const bestOrder = best ? Number(best.roles.target < best.roles.realisasi) + Number(best.roles.realisasi < best.roles.capaian) : -1;
        const span = Math.max(t, r, c) - Math.min(t, r, c);
        const bestSpan = best ? Math.max(...Object.values(best.roles)) - Math.min(...Object.values(best.roles)) : Infinity;
        if (!best || s.held > best.held || (s.held === best.held && (order > bestOrder || (order === bestOrder && span < bestSpan)))) best = proof(t, r, c, s, 'arithmetic: ');
      }
    }
  }
  return best;
}

const OTHER_FIGURES: readonly Role[] = ['prevTarget', 'prevRealisasi', 'prevCapaian', 'renstraTarget', 'no', 'satuan', 'efisiensi', 'serapan', 'pagu', 'realisasiAnggaran', 'persen', 'sisa'];

/**
 * Checks a performance table's target, realisasi and capaian columns against its rows and applies
 * the triple the rows prove when the header's does not hold (columns the header gave to other
 * figures — last year's, the Renstra end target, money — are left out). Returns the evidence.
 */
export function applyPerformanceProof(table: Table, map: ColumnMap): Record<string, string> | null {
  const r = map.roles;
  const exclude = new Set(OTHER_FIGURES.map((k) => r[k]).filter((c): c is number => c !== undefined));
  const unnamed = capaianByArithmetic(table, map, exclude);
  if (unnamed) return unnamed;
  const proof = provePerformanceRoles(table, { ...(r.target !== undefined ? { target: r.target } : {}), ...(r.realisasi !== undefined ? { realisasi: r.realisasi } : {}), ...(r.capaian !== undefined ? { capaian: r.capaian } : {}) }, exclude);
  if (!proof) return null;
  const changed = (['target', 'realisasi', 'capaian'] as const).some((k) => r[k] !== proof.roles[k]);
  if (!changed) return null;
  const taken = new Set(Object.values(proof.roles));
  for (const [role, col] of Object.entries(r) as Array<[Role, number]>) if (taken.has(col) && !['target', 'realisasi', 'capaian'].includes(role)) delete r[role];
  const evidence: Record<string, string> = {};
  for (const k of ['target', 'realisasi', 'capaian'] as const) {
    const before = r[k];
    r[k] = proof.roles[k];
    evidence[k] = `${before === proof.roles[k] ? 'header and ' : before === undefined ? '' : `header proposed column ${before}; `}column ${proof.roles[k]}: ${proof.evidence}`;
  }
  return evidence;
}

/**
 * The capaian column of a table whose header names the target and the realisasi but whose capaian
 * title is unreadable (a stamp, noise): the one column right of the realisasi, named for nothing else,
 * under which capaian = realisasi / target × 100 (or a lower-is-better formula) holds in more rows
 * than it fails, three at least — no column of other figures matches a ratio to its rounding that
 * often by chance. Sets the role and returns the evidence, or null.
 */
function capaianByArithmetic(table: Table, map: ColumnMap, exclude: ReadonlySet<number>): Record<string, string> | null {
  const r = map.roles;
  if (r.capaian !== undefined || r.target === undefined || r.realisasi === undefined) return null;
  const taken = new Set(Object.values(r).filter((c): c is number => c !== undefined));
  const cols = columnsOf(table);
  const candidates = [...cols.keys()].filter((c) => c > r.realisasi! && !taken.has(c) && !exclude.has(c) && present(cols[c]!) >= 3 && !isMoney(cols[c]!));
  const found = candidates.flatMap((c) => {
    let tested = 0;
    let held = 0;
    table.rows.forEach((_, i) => {
      const [tv, rv, cv] = [cols[r.target!]!.values[i], cols[r.realisasi!]!.values[i], cols[c]!.values[i]];
      if (tv == null || rv == null || cv == null) return;
      tested++;
      if (capaianHolds(tv, rv, cv, cols[r.realisasi!]!.decimals[i] ?? 0, cols[c]!.decimals[i] ?? 0)) held++;
    });
    return held >= 3 && held > tested - held ? [{ c, tested, held }] : [];
  });
  if (found.length !== 1) return null;
  const { c, tested, held } = found[0]!;
  r.capaian = c;
  return { capaian: `arithmetic (the header names no capaian): column ${c}${table.columns[c]?.trim() ? ` "${table.columns[c]!.trim()}"` : ''}; capaian = realisasi / target × 100 (or a lower-is-better formula) holds in ${held} of ${tested} rows` };
}

/**
 * A table whose header names no indicator column in words lkjip knows ("Ukuran Keberhasilan |
 * Rencana | Hasil | Persentase", "Ukuran Kinerja | Target | Realisasi | Capaian"), or whose header
 * is unreadable: when its rows prove a target,
 * realisasi and capaian triple on at least three rows (capaian = realisasi / target × 100, or a
 * lower-is-better formula), those are its roles, and its indicator column is the text column left of
 * the target whose cells are longest. Sets the roles and returns the evidence, or null when the rows
 * prove nothing (the table stays unclassified: its figures are not checked under guessed roles).
 */
export function provePerformanceTable(table: Table, map: ColumnMap): Record<string, string> | null {
  const r = map.roles;
  const other = ['indikator', 'pagu', 'realisasiAnggaran', 'efisiensi', 'interval', 'renstraTarget', 'prevRealisasi'] as const;
  if (other.some((k) => r[k] !== undefined)) return null;
  const exclude = new Set(OTHER_FIGURES.map((k) => r[k]).filter((c): c is number => c !== undefined));
  // Roles the header did name are tried first ("Ukuran Kinerja | Target | Realisasi | Capaian").
  const named = { ...(r.target !== undefined ? { target: r.target } : {}), ...(r.realisasi !== undefined ? { realisasi: r.realisasi } : {}), ...(r.capaian !== undefined ? { capaian: r.capaian } : {}) };
  const proof = provePerformanceRoles(table, named, exclude);
  if (!proof || proof.tested < 3) return null;
  const cols = columnsOf(table);
  const first = Math.min(proof.roles.target, proof.roles.realisasi, proof.roles.capaian);
  const textLength = (c: number): number => {
    const texts = table.rows.map((row) => row.cells[c]?.text.trim() ?? '').filter((t) => t && !/\d/.test(t));
    return texts.length ? texts.reduce((a, t) => a + t.length, 0) / texts.length : 0;
  };
  // A column the header named for something else (the sasaran beside it) names the rows only when no other does.
  const textRoles = [r.no, r.sasaran, r.tujuan, r.kode, r.satuan, r.keterangan].filter((c): c is number => c !== undefined);
  let indikator = longestNames(table, first, new Set([...exclude, ...textRoles]));
  if (indikator < 0) for (let c = 0; c < first; c++) if (present(cols[c]!) === 0 && !exclude.has(c) && textLength(c) > (indikator < 0 ? 0 : textLength(indikator))) indikator = c;
  if (indikator < 0) return null;
  Object.assign(r, { indikator, target: proof.roles.target, realisasi: proof.roles.realisasi, capaian: proof.roles.capaian });
  return {
    indikator: `column ${indikator}: the longest names left of the figures`,
    target: `column ${proof.roles.target}: ${proof.evidence}`,
    realisasi: `column ${proof.roles.realisasi}: ${proof.evidence}`,
    capaian: `column ${proof.roles.capaian}: ${proof.evidence}`,
  };
}

/**
 * The column left of `before` holding the longest names: text of at least three letters in most
 * rows (not one merged label over them), figures in at most half; -1 when none has names of eight
 * characters on average.
 */
function longestNames(table: Table, before: number, taken: ReadonlySet<number>): number {
  const cols = columnsOf(table);
  const body = table.rows.length;
  let best = -1;
  let bestLength = 0;
  for (let c = 0; c < before; c++) {
    if (taken.has(c) || present(cols[c]!) * 2 > body) continue;
    const t = table.rows.map((row) => (row.cells[c] && !row.cells[c]!.spannedBy ? row.cells[c]!.text.trim() : '')).filter((x) => /\p{L}{3}/u.test(x));
    if (t.length * 2 < body) continue;
    const length = t.reduce((a, x) => a + x.length, 0) / t.length;
    if (length > bestLength) [best, bestLength] = [c, length];
  }
  return bestLength >= 8 ? best : -1;
}

/**
 * A performance table whose header names its figures (two of target, realisasi and capaian) but
 * whose name column's title is unreadable (a stamp over it, OCR noise): the name column is the one
 * left of the figures holding the longest text and no figures, not already the numbering, sasaran,
 * satuan or code. Sets `indikator` and returns the evidence, or null when nothing qualifies.
 */
export function nameColumnByText(table: Table, map: ColumnMap): Record<string, string> | null {
  const r = map.roles;
  if (r.indikator !== undefined || r.uraian !== undefined || r.pagu !== undefined || r.realisasiAnggaran !== undefined || r.efisiensi !== undefined || r.interval !== undefined) return null;
  const figures = [r.target, r.realisasi, r.capaian].filter((c): c is number => c !== undefined);
  if (figures.length < 2) return null;
  const best = longestNames(table, Math.min(...figures), new Set(Object.values(r).filter((c): c is number => c !== undefined)));
  if (best < 0) return null;
  r.indikator = best;
  return { indikator: `column ${best}${table.columns[best]?.trim() ? ` "${table.columns[best]!.trim()}"` : ''}: the header names the figures but not this column; it holds the longest names left of them` };
}

/**
 * Levels proved by the sums: in budget rows without codes (one table, or the parts of one table
 * continued over pages), the program → kegiatan → sub-kegiatan assignment under which the most
 * parents equal the sum of their children replaces the one the numbering suggested, when it makes
 * at least one more parent of several children add up. Rows the numbering left unplaced ("other",
 * as in a part continued without its header) take part; belanja lines do not. Sets the rows'
 * levels and returns the evidence in words, or null when nothing changed.
 */
export function proveTreeLevels(rows: readonly BudgetRow[]): string | null {
  const tree = rows.filter((r) => r.level === 'program' || r.level === 'kegiatan' || r.level === 'sub_kegiatan' || (r.level === 'other' && !r.key.includes(':belanja:')));
  if (tree.length < 3 || tree.filter((r) => r.kode).length * 2 >= tree.length) return null;
  const amounts = tree.map((r) => ({ pagu: r.pagu?.value ?? null, realisasi: r.realisasi?.value ?? null }));
  const proof = proveLevels(amounts, tree.map((r) => /^program\b/i.test(r.uraian)));
  if (!proof) return null;
  const current = levelSupport(amounts, tree.map((r) => (r.level === 'other' ? 'sub_kegiatan' : (r.level as TreeLevel))));
  if (proof.score < current.score + 1) return null;
  tree.forEach((r, i) => (r.level = proof.levels[i]!));
  return `levels: ${proof.held} of ${proof.parents} parents equal the sum of their children (the numbering gave ${current.held} of ${current.parents})`;
}

/**
 * A percent sign the scan read as digits at the end of a figure ("106.536" for "106.53%", "90,396"
 * for "90,3%"): when the row's figures as read break capaian = realisasi / target × 100 (or a
 * lower-is-better formula) and exactly one of the readings without a trailing "6" or "96" keeps it,
 * that reading is the figure; it is marked as picked out of the scan's noise (`Citation.ocrNoise`), so
 * nothing is called an error on it. The raw text is kept. Null when no single reading is proved.
 *
 * @example
 *   percentReadAsDigits('capaian', { target, realisasi, capaian }); // capaian 106.536 → 106.53
 */
export function percentReadAsDigits(role: 'target' | 'capaian', figures: { target: Value | null; realisasi: Value | null; capaian: Value | null }): Value | null {
  const { target, realisasi, capaian } = figures;
  const v = figures[role];
  if (!v?.ocr || !target || !realisasi || !capaian || target.value === null || realisasi.value === null || capaian.value === null) return null;
  const text = v.text.trim();
  if (/%/.test(text) || !/\d[.,]\d*6$/.test(text)) return null;
  const holds = (t: number, c: number, cDec: number): boolean => capaianHolds(t, realisasi.value!, c, realisasi.decimals, cDec);
  if (holds(target.value, capaian.value, capaian.decimals)) return null;
  const proved = ['6', '96'].flatMap((tail) => {
    if (!text.endsWith(tail)) return [];
    const p = parseNumber(`${text.slice(0, -tail.length)}%`);
    if (p.value === null || !/\d$/.test(text.slice(0, -tail.length))) return [];
    const ok = role === 'capaian' ? holds(target.value!, p.value, p.decimals) : holds(p.value, capaian.value!, capaian.decimals);
    return ok ? [{ value: p.value, decimals: p.decimals }] : [];
  });
  if (proved.length !== 1) return null;
  return { ...v, value: proved[0]!.value, decimals: proved[0]!.decimals, unit: 'percent', cite: { ...v.cite, ocrNoise: true } };
}
