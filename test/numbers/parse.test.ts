import { describe, expect, it } from 'vitest';
import { parseNumber, wholeRupiah, type ParsedNumber } from '../../src/numbers/index.js';

type Expect = Partial<ParsedNumber>;

describe('parseNumber: formats as printed in reports', () => {
  const cases: Array<[string, Expect]> = [
    // Indonesian style
    ['1.357.900.300', { value: 1357900300, decimals: 0, kind: 'number', style: 'id' }],
    ['96,51', { value: 96.51, decimals: 2, kind: 'number', style: 'id' }],
    ['96,5', { value: 96.5, decimals: 1 }],
    ['Rp. 7.908.091.365,-', { value: 7908091365, decimals: 0, kind: 'rupiah', style: 'id' }],
    ['Rp.8.502.981.015', { value: 8502981015, decimals: 0, kind: 'rupiah', style: 'id' }],
    ['10.524.299.300,00', { value: 10524299300, decimals: 2, kind: 'number', style: 'id' }],
    ['Rp 10.000,00', { value: 10000, decimals: 2, kind: 'rupiah', style: 'id' }],
    ['92,08%', { value: 92.08, decimals: 2, kind: 'percent', style: 'id' }],
    ['92,08 %', { value: 92.08, decimals: 2, kind: 'percent', style: 'id' }],
    ['96,8%', { value: 96.8, decimals: 1, kind: 'percent' }],
    ['126%', { value: 126, decimals: 0, kind: 'percent', style: 'plain' }],
    ['Rp 5.000.-', { value: 5000, kind: 'rupiah' }],
    ['Rp 1.500.000,--', { value: 1500000, kind: 'rupiah' }],
    ['7.908.091.365,-', { value: 7908091365, kind: 'rupiah' }],
    ['IDR 2.500.000', { value: 2500000, kind: 'rupiah' }],
    ['rp.2.500', { value: 2500, kind: 'rupiah', style: 'id' }],
    ['0,5', { value: 0.5, decimals: 1, style: 'id' }],
    // US style
    ['Rp. 217,902,500', { value: 217902500, decimals: 0, kind: 'rupiah', style: 'us' }],
    ['98.40', { value: 98.4, decimals: 2, style: 'us' }],
    ['1,234.56', { value: 1234.56, decimals: 2, style: 'us' }],
    ['1.5', { value: 1.5, decimals: 1, style: 'us' }],
    ['0.500', { value: 0.5, decimals: 3, style: 'us' }],
    ['1234.567', { value: 1234.567, decimals: 3, style: 'us' }],
    // plain
    ['2023', { value: 2023, decimals: 0, style: 'plain' }],
    ['0', { value: 0, decimals: 0 }],
    // negatives
    ['(1.234)', { value: -1234, negative: true }],
    ['(1.234,50)', { value: -1234.5, decimals: 2, negative: true, style: 'id' }],
    ['-1.234,5', { value: -1234.5, negative: true }],
    ['\u22121.234.567', { value: -1234567, negative: true }],
    ['Rp (2.500.000)', { value: -2500000, negative: true, kind: 'rupiah' }],
    ['(Rp 2.500.000)', { value: -2500000, negative: true, kind: 'rupiah' }],
    ['-Rp 5.000,-', { value: -5000, negative: true, kind: 'rupiah' }],
    ['(5,2)%', { value: -5.2, negative: true, kind: 'percent' }],
    ['(0)', { value: 0, negative: true }],
    // no value
    ['-', { value: null, kind: 'empty' }],
    ['\u2013', { value: null, kind: 'empty' }],
    ['\u2014', { value: null, kind: 'empty' }],
    ['--', { value: null, kind: 'empty' }],
    ['n/a', { value: null, kind: 'empty' }],
    ['N/A', { value: null, kind: 'empty' }],
    ['', { value: null, kind: 'empty' }],
    ['   ', { value: null, kind: 'empty' }],
    ['Rp -', { value: null, kind: 'empty' }],
    ['Rp. -,-', { value: null, kind: 'empty' }],
    ['(-)', { value: null, kind: 'empty' }],
    // text
    ['Tercapai', { value: null, kind: 'text' }],
    ['12 orang', { value: null, kind: 'text' }],
    ['Rp', { value: null, kind: 'text' }],
    ['2.12.01', { value: null, kind: 'text', note: 'malformed' }],
    ['1.23.456', { value: null, kind: 'text', note: 'malformed' }],
    ['1.234,56.7', { value: null, kind: 'text', note: 'malformed' }],
    ['Rp 5.000%', { value: null, kind: 'text' }],
    // OCR noise
    ['1. 234.000', { value: 1234000, style: 'id' }],
    ['Rp  1.000', { value: 1000, kind: 'rupiah', style: 'id' }],
    ['1.234.000.', { value: 1234000 }],
    ['96,51.', { value: 96.51, decimals: 2 }],
    ['96 , 51 %', { value: 96.51, kind: 'percent' }],
    ['1 234 567', { value: 1234567 }],
    ['\u00a0Rp\u00a01.000.000\u00a0', { value: 1000000, kind: 'rupiah' }],
  ];

  it.each(cases)('%j', (text, expected) => {
    const parsed = parseNumber(text);
    expect(parsed).toMatchObject({ raw: text, ...expected });
    if (expected.value !== undefined && expected.value !== null && expected.negative === undefined) {
      expect(parsed.negative).toBe(false);
    }
  });

  it('never yields -0', () => {
    expect(Object.is(parseNumber('(0)').value, 0)).toBe(true);
    expect(Object.is(parseNumber('-0,00').value, 0)).toBe(true);
  });

  it('empty and text cells have no ambiguity and decimals 0', () => {
    for (const t of ['-', 'n/a', '', 'abc']) {
      const p = parseNumber(t);
      expect(p.ambiguous).toBeUndefined();
      expect(p.decimals).toBe(0);
      expect(p.negative).toBe(false);
    }
  });
});

describe('parseNumber: ambiguous single separator with three digits', () => {
  it.each([
    ['1.234', 'auto', 1234, 0, 'ambiguous', true],
    ['1,234', 'auto', 1234, 0, 'ambiguous', true],
    ['1.234', 'id', 1234, 0, 'id', undefined],
    ['1.234', 'us', 1.234, 3, 'us', undefined],
    ['1,234', 'id', 1.234, 3, 'id', undefined],
    ['1,234', 'us', 1234, 0, 'us', undefined],
    ['123.456', 'auto', 123456, 0, 'ambiguous', true],
  ] as const)('%s with style %s', (text, style, value, decimals, parsedStyle, ambiguous) => {
    const p = parseNumber(text, { style });
    expect(p.value).toBe(value);
    expect(p.decimals).toBe(decimals);
    expect(p.style).toBe(parsedStyle);
    expect(p.ambiguous).toBe(ambiguous);
  });

  it('a rupiah amount cannot have three decimals, so Rp 1.234 is grouping', () => {
    expect(parseNumber('Rp 1.234')).toMatchObject({ value: 1234, style: 'id' });
    expect(parseNumber('Rp 1.234').ambiguous).toBeUndefined();
    expect(parseNumber('Rp 1,234', { style: 'id' })).toMatchObject({ value: 1234, style: 'us' });
  });

  it('a leading zero or a fourth integer digit is not ambiguous', () => {
    expect(parseNumber('0,123')).toMatchObject({ value: 0.123, decimals: 3, style: 'id' });
    expect(parseNumber('1234,567')).toMatchObject({ value: 1234.567, style: 'id' });
    expect(parseNumber('0,123').ambiguous).toBeUndefined();
  });

  it('a style hint does not override unambiguous text', () => {
    expect(parseNumber('98.40', { style: 'id' })).toMatchObject({ value: 98.4, style: 'us' });
    expect(parseNumber('96,51', { style: 'us' })).toMatchObject({ value: 96.51, style: 'id' });
    expect(parseNumber('1.357.900.300', { style: 'us' })).toMatchObject({ value: 1357900300, style: 'id' });
    expect(parseNumber('1.5', { style: 'auto' })).toMatchObject({ value: 1.5, style: 'us' });
  });
});

describe('wholeRupiah', () => {
  it.each([
    ['816.000,000', 816_000_000],
    ['Rp. 1.250.165,496', 1_250_165_496],
    ['64.754,000,-', 64_754_000],
    ['96,51', null],
    ['1.250.165,49', null],
    ['Rp 5.000.000,00', null],
  ])('%s → %s', (text, want) => {
    expect(wholeRupiah(text)).toBe(want);
  });
});

describe('parseNumber: marks beside a figure', () => {
  it.each([
    ['79,61*', 79.61, '*'],
    ['75,07 *)', 75.07, '*)'],
    ['96,5¹', 96.5, '¹'],
    ['12**', 12, '**'],
    ['8.518.981.015 1', 8_518_981_015, '1'],
    ['37.402.500,00 -', 37_402_500, '-'],
    ['100 1)', 100, '1)'],
    ['2,5 (a)', 2.5, '(a)'],
    ['88,4 % *', 88.4, '*'],
    ['- 63,28', 63.28, '-'],
  ])('%s keeps its number %s and sets aside %s', (text, value, marks) => {
    expect(parseNumber(text)).toMatchObject({ value, marks });
  });

  it.each([
    ['3.031.419.800 3.183.926.300', 'two-numbers'],
    ['12 2', 'two-numbers'],
    ['81,5 90,2', 'two-numbers'],
  ])('%s holds two figures: no value, noted %s', (text, note) => {
    expect(parseNumber(text)).toMatchObject({ value: null, kind: 'text', note });
  });

  it.each(['12 orang', 'a)', 'Tahun 2023', '*'])('%s stays text without marks', (text) => {
    const p = parseNumber(text);
    expect(p.value).toBeNull();
    expect(p.marks).toBeUndefined();
  });

  it('a sign touches its number: "-63,28" is negative, "- 63,28" is a dash beside a figure', () => {
    expect(parseNumber('-63,28')).toMatchObject({ value: -63.28, negative: true });
    expect(parseNumber('−5')).toMatchObject({ value: -5 });
    expect(parseNumber('- 63,28')).toMatchObject({ value: 63.28, negative: false });
  });

  it('a plain figure gets no marks', () => {
    expect(parseNumber('96,51').marks).toBeUndefined();
    expect(parseNumber('Rp 1.000.000,-').marks).toBeUndefined();
  });
});
