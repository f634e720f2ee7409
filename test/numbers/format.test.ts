import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { AppError } from '../../src/errors.js';
import { formatId, formatUs, parseNumber } from '../../src/numbers/index.js';

describe('formatId / formatUs', () => {
  it.each([
    [1357900300, 0, '1.357.900.300', '1,357,900,300'],
    [96.51, 2, '96,51', '96.51'],
    [10524299300, 2, '10.524.299.300,00', '10,524,299,300.00'],
    [0.5, 1, '0,5', '0.5'],
    [-1234.5, 1, '-1.234,5', '-1,234.5'],
    [999, 0, '999', '999'],
    [-0.001, 2, '0,00', '0.00'],
  ])('%d with %d decimals', (value, decimals, id, us) => {
    expect(formatId(value, decimals)).toBe(id);
    expect(formatUs(value, decimals)).toBe(us);
  });

  it('rejects what it cannot print', () => {
    expect(() => formatId(Number.NaN, 0)).toThrow(AppError);
    expect(() => formatUs(1, -1)).toThrow(AppError);
    expect(() => formatId(1e21, 0)).toThrow(AppError);
  });
});

// Integers of at most 15 digits scaled by 10^-k survive the trip through a double exactly.
const scaled = fc
  .record({ n: fc.bigInt({ min: -999_999_999_999_999n, max: 999_999_999_999_999n }), k: fc.integer({ min: 0, max: 4 }) })
  .map(({ n, k }) => ({ value: Number(n) / 10 ** k, k }));

describe('round trip through printing and parsing', () => {
  it('Indonesian formatting with k decimals', () => {
    fc.assert(
      fc.property(scaled, ({ value, k }) => {
        const p = parseNumber(formatId(value, k), { style: 'id' });
        expect(p.value).toBe(value === 0 ? 0 : value);
        expect(p.decimals).toBe(k);
        expect(p.negative).toBe(value < 0);
      }),
      { numRuns: 500 },
    );
  });

  it('US formatting with k decimals', () => {
    fc.assert(
      fc.property(scaled, ({ value, k }) => {
        const p = parseNumber(formatUs(value, k), { style: 'us' });
        expect(p.value).toBe(value === 0 ? 0 : value);
        expect(p.decimals).toBe(k);
      }),
      { numRuns: 500 },
    );
  });

  it('under auto, a value is either read back exactly or marked ambiguous', () => {
    fc.assert(
      fc.property(scaled, fc.boolean(), ({ value, k }, indonesian) => {
        const text = indonesian ? formatId(value, k) : formatUs(value, k);
        const p = parseNumber(text);
        if (!p.ambiguous) {
          expect(p.value).toBe(value === 0 ? 0 : value);
          expect(p.decimals).toBe(k);
        } else {
          expect(p.style).toBe('ambiguous');
        }
      }),
      { numRuns: 500 },
    );
  });

  it('Rupiah amounts with prefix and suffix', () => {
    fc.assert(
      fc.property(fc.bigInt({ min: 0n, max: 999_999_999_999_999n }), (n) => {
        const value = Number(n);
        expect(parseNumber(`Rp. ${formatId(value, 0)},-`).value).toBe(value);
        expect(parseNumber(`Rp ${formatUs(value, 0)}`).value).toBe(value);
        expect(parseNumber(`(${formatId(value, 2)})`).value).toBe(value === 0 ? 0 : -value);
      }),
      { numRuns: 300 },
    );
  });
});
