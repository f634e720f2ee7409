/**
 * Evaluates a synthetic report's facts the way ../shared/docs/domain.md defines the checks (§4
 * formulas, §5 tolerance): every violated fact is a discrepancy the report really prints. The
 * generator runs this before planting (there must be none) and after (these become the gold), so a
 * planted error's knock-on effects (a wrong row also breaking its parent's sum) are in the gold too.
 */
import type { Facts, Formula, Printed } from './doc.js';
import type { Style } from './numbers.js';
import { fmtNum, roundTo } from './numbers.js';

export type Severity = 'error' | 'warning' | 'rounding' | 'info';

export interface Violation {
  check: string;
  severity: Severity;
  at: Printed;
  expected: string;
  formula: string;
  /** What is wrong, in English, without the cause (added by the generator). */
  detail: string;
  counterparts?: Printed[];
}

export interface ScaleBand {
  label: string;
  /** Lower bound, included unless `minExclusive`. */
  min: number | null;
  max: number | null;
  maxExclusive?: boolean;
  minExclusive?: boolean;
}

export interface VerifyContext {
  style: Style;
  scale: ScaleBand[];
  tahun: number;
  instansi: string;
}

type Interval = [number, number];

const half = (d: number): number => 0.5 * 10 ** -d;
const iv = (p: Printed): Interval => [num(p) - half(p.decimals), num(p) + half(p.decimals)];
const overlaps = (a: Interval, b: Interval): boolean => a[0] <= b[1] + 1e-12 && b[0] <= a[1] + 1e-12;

function num(p: Printed): number {
  if (p.value === null) throw new Error(`verify: ${p.id} (${p.text}) has no value`);
  return p.value;
}

/**
 * Whether a printed value agrees with a recomputed interval: overlap → ok, overlap only when the
 * printed value is read as truncated → rounding, else error.
 *
 * @example
 *   compare({ value: 126, decimals: 0 } as Printed, [126.12, 126.16]); // 'ok'
 */
export function compare(p: Printed, expected: Interval): 'ok' | 'rounding' | 'error' {
  if (overlaps(iv(p), expected)) return 'ok';
  const trunc: Interval = [num(p), num(p) + 10 ** -p.decimals - 1e-12];
  return overlaps(trunc, expected) ? 'rounding' : 'error';
}

/**
 * Capaian interval from target and realisasi as printed, for a formula and an optional range target.
 *
 * @example
 *   capaianInterval('ratio', [92.075, 92.085], [72.5, 73.5]); // [125.27…, 127.01…]
 */
export function capaianInterval(formula: Formula, r: Interval, t: Interval): Interval {
  const q: Interval = [r[0] / t[1], r[1] / t[0]];
  if (formula === 'ratio') return [q[0] * 100, q[1] * 100];
  if (formula === 'two-minus') return [(2 - q[1]) * 100, (2 - q[0]) * 100];
  return [(t[0] / r[1]) * 100, (t[1] / r[0]) * 100];
}

/** The target a range [a, b] stands for given the realisasi (above → b, below → a). */
export function rangeTarget(range: [number, number], realisasi: number): number {
  if (realisasi > range[1]) return range[1];
  if (realisasi < range[0]) return range[0];
  throw new Error(`realisasi ${realisasi} inside the range target ${range.join('–')}: capaian undefined here`);
}

/** The label of the scale band holding a value; null when it falls between bands. */
export function bandOf(scale: readonly ScaleBand[], value: number): string | null {
  for (const b of scale) {
    const okMin = b.min === null || (b.minExclusive ? value > b.min : value >= b.min);
    const okMax = b.max === null || (b.maxExclusive ? value < b.max : value <= b.max);
    if (okMin && okMax) return b.label;
  }
  return null;
}

const CODE_RE = {
  program: /^\d\.\d{2}\.\d{2}$/,
  kegiatan: /^\d\.\d{2}\.\d{2}\.\d\.\d{2}$/,
  sub: /^\d\.\d{2}\.\d{2}\.\d\.\d{2}\.(?:\d{2}|\d{4})$/,
};

/**
 * Every violated fact of a report.
 *
 * @example
 *   verify(facts, { style: 'id', scale, tahun: 2023, instansi: 'Dinas Kesehatan' }); // [] before planting
 */
export function verify(f: Facts, ctx: VerifyContext): Violation[] {
  const out: Violation[] = [];
  const n = (v: number, d = 2): string => fmtNum(v, d, ctx.style);
  const money = (v: number): string => fmtNum(v, 0, ctx.style);

  for (const c of f.capaian) {
    const r = iv(c.realisasi);
    // domain.md §5: a target is exact as printed (it is set, not measured); only the realisasi, a
    // measurement, carries its printed precision.
    const t: Interval = c.range ? [rangeTarget(c.range, num(c.realisasi)), rangeTarget(c.range, num(c.realisasi))] : [num(c.target), num(c.target)];
    const expected = capaianInterval(c.formula, r, t);
    const verdict = compare(c.capaian, expected);
    if (verdict === 'ok') continue;
    const tv = t[0] === t[1] ? t[0] : num(c.target);
    const point = capaianInterval(c.formula, [num(c.realisasi), num(c.realisasi)], [tv, tv])[0];
    const rt = c.realisasi.text.replace(/\s*%$/, '');
    const tt = c.range ? n(tv, 0) : c.target.text.replace(/\s*%$/, '');
    const formula =
      c.formula === 'ratio' ? `${rt} / ${tt} × 100` : c.formula === 'two-minus' ? `(2 − ${rt} / ${tt}) × 100` : `${tt} / ${rt} × 100`;
    out.push({
      check: 'capaian',
      severity: verdict,
      at: c.capaian,
      expected: n(point, Math.max(2, c.capaian.decimals)),
      formula: `${formula} = ${n(point, 2)}`,
      detail: `Capaian printed ${c.capaian.text} but the report's formula gives ${n(point, 2)}.`,
    });
  }

  for (const p of f.predikat) {
    const band = bandOf(ctx.scale, num(p.capaian));
    if (band === null) {
      out.push({ check: 'predikat', severity: 'info', at: p.predikat, expected: '(between bands)', formula: `scale(${p.capaian.text})`, detail: `Capaian ${p.capaian.text} falls between two bands of the scale.` });
      continue;
    }
    if (band.toLowerCase() !== p.predikat.text.trim().toLowerCase()) {
      out.push({ check: 'predikat', severity: 'error', at: p.predikat, expected: band, formula: `scale(${p.capaian.text}) = ${band}`, detail: `Predikat printed "${p.predikat.text}" but capaian ${p.capaian.text} is in the band "${band}".` });
    }
  }

  for (const s of f.serapan) {
    const e = (num(s.realisasi) / num(s.pagu)) * 100;
    const verdict = compare(s.persen, [e, e]);
    if (verdict === 'ok') continue;
    out.push({
      check: 'serapan',
      severity: verdict,
      at: s.persen,
      expected: n(e, s.persen.decimals),
      formula: `${money(num(s.realisasi))} / ${money(num(s.pagu))} × 100 = ${n(e, 4)}`,
      detail: `% serapan printed ${s.persen.text} but realisasi / pagu gives ${n(e, 2)}.`,
    });
  }

  for (const s of f.sisa) {
    const e = num(s.pagu) - num(s.realisasi);
    if (e === num(s.sisa)) continue;
    out.push({ check: 'sisa', severity: 'error', at: s.sisa, expected: money(e), formula: `${money(num(s.pagu))} − ${money(num(s.realisasi))}`, detail: `Sisa printed ${s.sisa.text} but pagu − realisasi = ${money(e)}.` });
  }

  for (const s of f.sums) {
    const e = s.parts.reduce((a, p) => a + num(p), 0);
    if (e === num(s.total)) continue;
    out.push({
      check: s.check,
      severity: 'error',
      at: s.total,
      expected: money(e),
      formula: s.parts.map((p) => money(num(p))).join(' + '),
      detail: `${s.label}: printed ${s.total.text} but its ${s.parts.length} parts add up to ${money(e)} (difference ${money(num(s.total) - e)}).`,
    });
  }

  for (const t of f.terbilang) {
    if (num(t.digits) === num(t.words)) continue;
    out.push({ check: 'terbilang', severity: 'error', at: t.words, expected: t.digits.text, formula: `words = ${money(num(t.words))}`, detail: `The amount in words is ${money(num(t.words))}, the digits say ${t.digits.text}.` });
  }

  for (const c of f.cross) {
    const origs = new Set(c.cells.map((p) => p.orig));
    if (origs.size !== 1) throw new Error(`cross ${c.key}: the cells were built with different values`);
    // Every copy changed alike (one wrong figure printed everywhere): nothing disagrees.
    if (new Set(c.cells.map((p) => p.value)).size === 1) continue;
    const ref = c.cells.find((p) => p.value === p.orig);
    if (!ref) throw new Error(`cross ${c.key}: every copy was changed, differently`);
    const agrees = (p: Printed): boolean => p.value !== null && overlaps(iv(p), iv(ref));
    const right = c.cells.filter((p) => p.value === p.orig);
    for (const p of c.cells) {
      if (p.value === p.orig || agrees(p)) continue;
      out.push({
        check: 'cross-table',
        severity: 'error',
        at: p,
        expected: ref.text,
        formula: `${p.where.table ?? 'text'} vs ${right.map((r) => r.where.table ?? 'text').join(', ')}`,
        detail: `Printed ${p.text} here but ${ref.text} in ${right.map((r) => r.where.table ?? 'the text').join(', ')}.`,
        counterparts: right,
      });
    }
  }

  for (const c of f.counts) {
    if (num(c.claim) === c.actual) continue;
    out.push({ check: 'count-claim', severity: 'error', at: c.claim, expected: String(c.actual), formula: `count of ${c.entity} rows in the budget table`, detail: `The text claims ${num(c.claim)} ${c.entity}, the budget table lists ${c.actual}.` });
  }

  for (const e of f.efisiensi) {
    const c = iv(e.capaian);
    const s = iv(e.serapan);
    const verdict = compare(e.stated, [c[0] / s[1], c[1] / s[0]]);
    if (verdict === 'ok') continue;
    const point = num(e.capaian) / num(e.serapan);
    out.push({
      check: 'efisiensi',
      severity: verdict,
      at: e.stated,
      expected: n(point, e.stated.decimals),
      formula: `${e.capaian.text} / ${e.serapan.text} = ${n(point, 4)}`,
      detail: `Efisiensi printed ${e.stated.text} but capaian / serapan gives ${n(roundTo(point, 4), 4)}.`,
    });
  }

  for (const t of f.trend) {
    const delta = num(t.to) - num(t.from);
    if (delta === 0) throw new Error(`trend ${t.word.id}: no change`);
    const want = delta > 0 ? 1 : -1;
    if (num(t.word) === want) continue;
    out.push({
      check: 'trend-words',
      severity: 'error',
      at: t.word,
      expected: want > 0 ? 'meningkat' : 'menurun',
      formula: `${t.to.text} − ${t.from.text} = ${n(delta, 2)}`,
      detail: `The text says "${t.word.text}" but the value went from ${t.from.text} to ${t.to.text}.`,
    });
  }

  for (const c of f.codes) {
    const code = c.code.text.trim();
    if (!CODE_RE[c.level].test(code)) {
      out.push({ check: 'code-format', severity: 'warning', at: c.code, expected: `a ${c.level} code`, formula: CODE_RE[c.level].source, detail: `Code ${code} is not a well-formed ${c.level} code.` });
    } else if (c.parent && !code.startsWith(`${c.parent.text.trim()}.`)) {
      out.push({ check: 'code-format', severity: 'warning', at: c.code, expected: `${c.parent.text.trim()}.…`, formula: `prefix of ${c.parent.text.trim()}`, detail: `Code ${code} is not nested under its parent ${c.parent.text.trim()}.` });
    }
  }

  for (const m of f.mentions) {
    if (!m.own) continue;
    if (m.kind === 'year' && num(m.p) !== ctx.tahun) {
      out.push({ check: 'period-entity', severity: 'error', at: m.p, expected: `Tahun ${ctx.tahun}`, formula: 'report year', detail: `The text speaks of this report's period as ${m.p.text}; the report covers ${ctx.tahun}.` });
    }
    if (m.kind === 'office' && !m.p.text.toLowerCase().includes(ctx.instansi.toLowerCase())) {
      out.push({ check: 'period-entity', severity: 'error', at: m.p, expected: ctx.instansi, formula: 'report office', detail: `The text names ${m.p.text} as the reporting office; the report is by ${ctx.instansi}.` });
    }
  }
  return out;
}

/** A key identifying one violation (for telling planted ones from their knock-on effects). */
export function violationKey(v: Violation): string {
  return `${v.check}:${v.at.id}`;
}

/** Which check a gold finding is filed under when one item breaks several facts: the specific recomputation first. */
export const CHECK_PRIORITY = ['capaian', 'predikat', 'serapan', 'sisa', 'sum-hierarchy', 'sum-rows', 'belanja-total', 'terbilang', 'efisiensi', 'count-claim', 'trend-words', 'period-entity', 'code-format', 'cross-table'];

/**
 * Violations at the same printed item are one problem (a wrong capaian also disagrees with its copy
 * in the prose): one gold finding led by the planted violation, then the most specific check, with
 * the others and every figure it disagrees with.
 *
 * @example
 *   groupByItem(after, cause)[0].lead.check; // 'capaian'
 */
export function groupByItem<C extends { planted: boolean }>(after: readonly Violation[], cause: ReadonlyMap<string, C>): Array<{ lead: Violation; others: Violation[]; cause: C; counterparts: Printed[] }> {
  const groups = new Map<string, Violation[]>();
  for (const v of after) groups.set(v.at.id, [...(groups.get(v.at.id) ?? []), v]);
  return [...groups.values()].map((group) => {
    group.sort((a, b) => Number(cause.get(violationKey(b))!.planted) - Number(cause.get(violationKey(a))!.planted) || CHECK_PRIORITY.indexOf(a.check) - CHECK_PRIORITY.indexOf(b.check));
    const lead = group[0]!;
    return { lead, others: group.slice(1), cause: cause.get(violationKey(lead))!, counterparts: group.flatMap((g) => g.counterparts ?? []) };
  });
}
