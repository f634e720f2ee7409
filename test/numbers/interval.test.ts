import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  EPSILON,
  add,
  contains,
  div,
  interval,
  mul,
  overlaps,
  point,
  printedInterval,
  scale,
  sub,
  truncationInterval,
  type Interval,
} from '../../src/numbers/index.js';

const close = (a: Interval | null, lo: number, hi: number): void => {
  expect(a).not.toBeNull();
  expect(a?.lo).toBeCloseTo(lo, 12);
  expect(a?.hi).toBeCloseTo(hi, 12);
};

describe('printed and truncation intervals', () => {
  it('rounding: v ± ½·10^−d', () => {
    close(printedInterval(96.5, 1), 96.45, 96.55);
    close(printedInterval(126, 0), 125.5, 126.5);
    close(printedInterval(92.08, 2), 92.075, 92.085);
    expect(printedInterval(96.5, 1).hiOpen).toBeUndefined();
  });

  it('truncation: [v, v + 10^−d), toward zero for negatives', () => {
    const t = truncationInterval(96, 0);
    expect(t).toEqual({ lo: 96, hi: 97, hiOpen: true });
    const n = truncationInterval(-1.2, 1);
    close(n, -1.3, -1.2);
    expect(n.loOpen).toBe(true);
    expect(n.hiOpen).toBeUndefined();
  });
});

describe('arithmetic', () => {
  it('add and sub', () => {
    expect(add(interval(1, 2), interval(10, 20))).toEqual({ lo: 11, hi: 22 });
    expect(sub(interval(10, 20), interval(1, 2))).toEqual({ lo: 8, hi: 19 });
    expect(sub(interval(0, 1), truncationInterval(5, 0))).toEqual({ lo: -6, hi: -4, loOpen: true });
  });

  it('mul over signs', () => {
    expect(mul(interval(2, 3), interval(4, 5))).toEqual({ lo: 8, hi: 15 });
    expect(mul(interval(-1, 2), interval(3, 4))).toEqual({ lo: -4, hi: 8 });
    expect(mul(interval(-3, -2), interval(-5, -4))).toEqual({ lo: 8, hi: 15 });
    expect(mul(interval(-3, -2), interval(4, 5))).toEqual({ lo: -15, hi: -8 });
  });

  it('mul: a reached zero is closed even against an open end', () => {
    expect(mul(point(0), truncationInterval(5, 0))).toEqual({ lo: 0, hi: 0 });
    expect(mul(truncationInterval(0, 0), interval(2, 3))).toEqual({ lo: 0, hi: 3, hiOpen: true });
  });

  it('div of positives is [lo/hi, hi/lo]', () => {
    close(div(printedInterval(97, 0), printedInterval(100, 0)), 96.5 / 100.5, 97.5 / 99.5);
    close(div(interval(-10, 10), interval(2, 5)), -5, 5);
    close(div(interval(2, 4), interval(-2, -1)), -4, -1);
    close(div(interval(-4, -2), interval(-2, -1)), 1, 4);
  });

  it('div by an interval containing or touching zero is null', () => {
    expect(div(interval(1, 2), interval(-1, 1))).toBeNull();
    expect(div(interval(1, 2), point(0))).toBeNull();
    expect(div(interval(1, 2), printedInterval(0, 0))).toBeNull();
    expect(div(interval(1, 2), truncationInterval(0, 0))).toBeNull();
  });

  it('scale, including negative and zero factors', () => {
    expect(scale(interval(0.9, 1), 100)).toEqual({ lo: 90, hi: 100 });
    expect(scale(truncationInterval(1, 0), -2)).toEqual({ lo: -4, hi: -2, loOpen: true });
    expect(scale(interval(1, 2), 0)).toEqual({ lo: 0, hi: 0 });
  });

  it('results always contain the exact result of points inside the operands', () => {
    // Printed figures: no magnitudes below a billionth (subnormal doubles overflow a quotient to
    // infinity, which no report can print).
    const figure = fc.double({ min: -1e6, max: 1e6, noNaN: true }).filter((v) => v === 0 || Math.abs(v) > 1e-9);
    const bounds = fc.tuple(figure, figure);
    fc.assert(
      fc.property(bounds, bounds, fc.double({ min: 0, max: 1, noNaN: true }), fc.double({ min: 0, max: 1, noNaN: true }), ([a1, a2], [b1, b2], s, t) => {
        const a = interval(a1, a2);
        const b = interval(b1, b2);
        // Points inside the operands (clamped: lo + (hi − lo) · 1 can round past hi).
        const x = Math.min(a.hi, Math.max(a.lo, a.lo + (a.hi - a.lo) * s));
        const y = Math.min(b.hi, Math.max(b.lo, b.lo + (b.hi - b.lo) * t));
        expect(contains(add(a, b), x + y, 1e-9)).toBe(true);
        expect(contains(sub(a, b), x - y, 1e-9)).toBe(true);
        expect(contains(mul(a, b), x * y, 1e-9)).toBe(true);
        const q = div(a, b);
        if (b.lo > 0 || b.hi < 0) expect(q && contains(q, x / y, 1e-9)).toBe(true);
        else expect(q).toBeNull();
      }),
      { numRuns: 500 },
    );
  });
});

describe('overlaps and contains', () => {
  it('overlapping vs not', () => {
    expect(overlaps(interval(1, 3), interval(2, 4))).toBe(true);
    expect(overlaps(interval(1, 2), interval(3, 4))).toBe(false);
    expect(overlaps(interval(3, 4), interval(1, 2))).toBe(false);
    expect(overlaps(printedInterval(96, 0), printedInterval(98, 0))).toBe(false);
    expect(overlaps(interval(1, 10), point(5))).toBe(true);
  });

  it('touching closed ends overlap, an open end excludes', () => {
    expect(overlaps(printedInterval(96.5, 1), point(96.55))).toBe(true);
    expect(overlaps(truncationInterval(96, 0), point(97))).toBe(false);
    expect(overlaps(truncationInterval(96, 0), point(96))).toBe(true);
    expect(overlaps(point(97), truncationInterval(96, 0))).toBe(false);
  });

  it('floating-point noise neither creates nor hides an overlap', () => {
    expect(0.1 + 0.2).not.toBe(0.3);
    expect(overlaps(point(0.1 + 0.2), point(0.3))).toBe(true);
    expect(contains(interval(0, 0.3), 0.1 + 0.2)).toBe(true);
    // 0.1·3 is just above 0.3; the truncated [0.2, 0.3) still excludes it.
    expect(overlaps(truncationInterval(0.2, 1), point(0.1 * 3))).toBe(false);
    // A real gap far larger than the noise is never bridged.
    expect(overlaps(point(0.3), point(0.3 + 1e-9))).toBe(false);
    expect(EPSILON).toBeLessThan(1e-12);
  });

  it('integer rupiah must match exactly, even at 10^12', () => {
    expect(overlaps(point(1_000_000_000_000), point(1_000_000_000_001))).toBe(false);
    expect(overlaps(point(1_357_900_300), point(1_357_900_300))).toBe(true);
  });

  it('capaian rounding vs truncation (domain §5)', () => {
    // realisasi 97 / target 100 (both printed, d = 0) gives 96.5/100.5·100 ≈ 96.02 .. 97.99.
    const capaian = scale(div(printedInterval(97, 0), printedInterval(100, 0)) ?? point(Number.NaN), 100);
    expect(overlaps(printedInterval(97, 0), capaian)).toBe(true);
    expect(overlaps(printedInterval(99, 0), capaian)).toBe(false);

    // Exact operands: 2/3 = 66.666…%. Printed 66,67 is rounding-consistent; 66,66 only under truncation.
    const ratio = scale(div(point(2), point(3)) ?? point(Number.NaN), 100);
    expect(overlaps(printedInterval(66.67, 2), ratio)).toBe(true);
    expect(overlaps(printedInterval(66.66, 2), ratio)).toBe(false);
    expect(overlaps(truncationInterval(66.66, 2), ratio)).toBe(true);
    expect(overlaps(printedInterval(66.65, 2), ratio)).toBe(false);
    expect(overlaps(truncationInterval(66.65, 2), ratio)).toBe(false);
  });
});
