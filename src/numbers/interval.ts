/**
 * Interval arithmetic for tolerance checks (domain.md §5, after XBRL Calculations 1.1). A printed
 * value stands for the interval of true values that print that way; intervals are propagated through
 * a formula and compared with the printed result's interval.
 *
 * Endpoints may be open (truncation gives `[r, r + 10^−d)`). Comparisons allow a relative slack of
 * EPSILON so that floating-point noise (`0.1 + 0.2`) neither creates nor hides an overlap: two
 * endpoints within `EPSILON · max(1, |a|, |b|)` count as equal. 1e-14 sits well above the noise of a
 * few dozen double operations (~1e-16 each) and far below any printed precision: at 10^12 rupiah it
 * is 0.01 rupiah, so integer rupiah still have to match exactly.
 */

export interface Interval {
  readonly lo: number;
  readonly hi: number;
  /** lo itself is excluded. */
  readonly loOpen?: boolean;
  /** hi itself is excluded. */
  readonly hiOpen?: boolean;
}

/** Relative tolerance for comparing endpoints; see the module comment. */
export const EPSILON = 1e-14;

function make(lo: number, hi: number, loOpen = false, hiOpen = false): Interval {
  const out: { lo: number; hi: number; loOpen?: boolean; hiOpen?: boolean } = { lo, hi };
  if (loOpen) out.loOpen = true;
  if (hiOpen) out.hiOpen = true;
  return out;
}

/**
 * A closed interval [lo, hi] (bounds are swapped if given in the wrong order).
 *
 * @example
 *   interval(1, 2) // { lo: 1, hi: 2 }
 */
export function interval(lo: number, hi: number): Interval {
  return lo <= hi ? make(lo, hi) : make(hi, lo);
}

/**
 * An exact value, for operands that carry no rounding (rupiah with d = 0 must match exactly).
 *
 * @example
 *   point(100) // { lo: 100, hi: 100 }
 */
export function point(value: number): Interval {
  return make(value, value);
}

/**
 * What a value printed with `decimals` digits after the mark stands for when it was rounded:
 * `[v − ½·10^−d, v + ½·10^−d]`.
 *
 * @example
 *   printedInterval(96.5, 1) // { lo: 96.45, hi: 96.55 }
 */
export function printedInterval(value: number, decimals: number): Interval {
  const half = 0.5 * 10 ** -decimals;
  return make(value - half, value + half);
}

/**
 * What a printed value stands for when it was truncated (cut off, not rounded): `[v, v + 10^−d)`.
 * Truncation goes toward zero, so for a negative value it is `(v − 10^−d, v]`.
 *
 * @example
 *   truncationInterval(96, 0)  // { lo: 96, hi: 97, hiOpen: true }
 *   truncationInterval(-1.2, 1) // { lo: -1.3, hi: -1.2, loOpen: true }
 */
export function truncationInterval(value: number, decimals: number): Interval {
  const unit = 10 ** -decimals;
  return value < 0 ? make(value - unit, value, true, false) : make(value, value + unit, false, true);
}

/**
 * Sum of two intervals.
 *
 * @example
 *   add(interval(1, 2), interval(10, 20)) // { lo: 11, hi: 22 }
 */
export function add(a: Interval, b: Interval): Interval {
  return make(a.lo + b.lo, a.hi + b.hi, Boolean(a.loOpen || b.loOpen), Boolean(a.hiOpen || b.hiOpen));
}

function negate(a: Interval): Interval {
  return make(-a.hi, -a.lo, Boolean(a.hiOpen), Boolean(a.loOpen));
}

/**
 * Difference a − b (e.g. sisa = pagu − realisasi).
 *
 * @example
 *   sub(interval(10, 20), interval(1, 2)) // { lo: 8, hi: 19 }
 */
export function sub(a: Interval, b: Interval): Interval {
  return add(a, negate(b));
}

interface End {
  v: number;
  open: boolean;
}

const endsOf = (a: Interval): [End, End] => [
  { v: a.lo, open: Boolean(a.loOpen) },
  { v: a.hi, open: Boolean(a.hiOpen) },
];

/** Hull of candidate endpoints; when an extreme is reached both open and closed, closed wins. */
function hull(candidates: End[]): Interval {
  let lo: End | undefined;
  let hi: End | undefined;
  for (const c of candidates) {
    if (!lo || c.v < lo.v || (c.v === lo.v && !c.open)) lo = c;
    if (!hi || c.v > hi.v || (c.v === hi.v && !c.open)) hi = c;
  }
  if (!lo || !hi) return point(Number.NaN);
  return make(lo.v, hi.v, lo.open, hi.open);
}

/** A zero that is actually reached makes a product exactly zero, whatever the other factor. */
const closedZero = (e: End): boolean => e.v === 0 && !e.open;

/**
 * Product of two intervals, any signs.
 *
 * @example
 *   mul(interval(-1, 2), interval(3, 4)) // { lo: -4, hi: 8 }
 */
export function mul(a: Interval, b: Interval): Interval {
  const out: End[] = [];
  for (const x of endsOf(a)) {
    for (const y of endsOf(b)) {
      const open = (x.open || y.open) && !closedZero(x) && !closedZero(y);
      out.push({ v: x.v * y.v + 0, open });
    }
  }
  return hull(out);
}

/**
 * Quotient a ÷ b. For positives it is `[a.lo / b.hi, a.hi / b.lo]`; signs are handled by taking the
 * hull of the four endpoint quotients. Returns null when b contains zero (or touches it): the ratio
 * is then unbounded or undefined, which callers report as "cannot be computed" (e.g. target 0).
 *
 * @example
 *   div(printedInterval(97, 0), printedInterval(100, 0)) // { lo: 96.5/100.5, hi: 97.5/99.5 }
 *   div(interval(1, 2), interval(-1, 1))                 // null
 */
export function div(a: Interval, b: Interval): Interval | null {
  if (b.lo <= 0 && b.hi >= 0) return null;
  const out: End[] = [];
  for (const x of endsOf(a)) {
    for (const y of endsOf(b)) {
      out.push({ v: x.v / y.v + 0, open: (x.open || y.open) && !closedZero(x) });
    }
  }
  return hull(out);
}

/**
 * Multiplies an interval by an exact constant (× 100 for percentages).
 *
 * @example
 *   scale(interval(0.9, 1), 100) // { lo: 90, hi: 100 }
 */
export function scale(a: Interval, k: number): Interval {
  if (k === 0) return point(0);
  const lo = a.lo * k + 0;
  const hi = a.hi * k + 0;
  return k > 0 ? make(lo, hi, Boolean(a.loOpen), Boolean(a.hiOpen)) : make(hi, lo, Boolean(a.hiOpen), Boolean(a.loOpen));
}

function tolerance(x: number, y: number, epsilon: number): number {
  return epsilon * Math.max(1, Math.abs(x), Math.abs(y));
}

/**
 * Whether two intervals share a point. Endpoints within the EPSILON tolerance count as touching;
 * touching intervals overlap only if both touching ends are closed.
 *
 * @example
 *   overlaps(printedInterval(96.5, 1), point(96.55))     // true (touches a closed end)
 *   overlaps(truncationInterval(96, 0), point(97))       // false (97 is excluded)
 *   overlaps(printedInterval(96, 0), printedInterval(98, 0)) // false
 */
export function overlaps(a: Interval, b: Interval, epsilon: number = EPSILON): boolean {
  // The later start and the earlier end decide; on a tie of values an open end wins (it excludes).
  const lo = a.lo > b.lo || (a.lo === b.lo && a.loOpen) ? { v: a.lo, open: Boolean(a.loOpen) } : { v: b.lo, open: Boolean(b.loOpen) };
  const hi = a.hi < b.hi || (a.hi === b.hi && a.hiOpen) ? { v: a.hi, open: Boolean(a.hiOpen) } : { v: b.hi, open: Boolean(b.hiOpen) };
  const gap = hi.v - lo.v;
  const tol = tolerance(lo.v, hi.v, epsilon);
  if (gap > tol) return true;
  if (gap < -tol) return false;
  return !lo.open && !hi.open;
}

/**
 * Whether the interval contains x (with the same tolerance as overlaps).
 *
 * @example
 *   contains(printedInterval(96.5, 1), 96.54) // true
 */
export function contains(a: Interval, x: number, epsilon: number = EPSILON): boolean {
  return overlaps(a, point(x), epsilon);
}
