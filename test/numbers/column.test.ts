import { describe, expect, it } from 'vitest';
import { decideColumnStyle, parseColumn, parseNumber } from '../../src/numbers/index.js';

describe('decideColumnStyle', () => {
  it.each([
    ['Indonesian decimals', ['96,51', '100,00', '-', '87,2'], 'id', false],
    ['Indonesian rupiah groups', ['1.357.900.300', '7.908.091.365', '250.000'], 'id', false],
    ['US decimals', ['98.40', '100.00', '87.25'], 'us', false],
    ['US rupiah groups', ['Rp. 217,902,500', 'Rp. 1,500', '-'], 'us', false],
    ['US with both separators', ['1,234.56', '1.234'], 'us', false],
    ['Indonesian evidence settles 1.234', ['96,51', '1.234'], 'id', false],
    ['only 1.234-shaped cells: Indonesian grouping default, ambiguous', ['1.234', '5.678'], 'id', true],
    ['only 1,234-shaped cells: grouping, ambiguous', ['1,234', '5,678'], 'us', true],
    ['mixed evidence: majority, ambiguous', ['96,51', '97,00', '98.40'], 'id', true],
    ['mixed evidence, US majority', ['96.51', '97.00', '98,40'], 'us', true],
    ['no separators', ['12', '100%', '-', 'n/a'], 'plain', false],
    ['nothing numeric', ['Tercapai', '', '-'], 'plain', false],
  ] as const)('%s', (_name, texts, style, ambiguous) => {
    expect(decideColumnStyle(texts)).toEqual({ style, ambiguous });
  });

  it('in a money column a lone 1.234 is grouping evidence, not ambiguity', () => {
    expect(decideColumnStyle(['1.357.900.300', '2.500.000.000', '1.234'])).toEqual({ style: 'id', ambiguous: false });
    expect(decideColumnStyle(['Rp 1.234', 'Rp 5.678'])).toEqual({ style: 'id', ambiguous: false });
  });
});

describe('parseColumn', () => {
  it('reads ambiguous cells with the column style', () => {
    const col = parseColumn(['3,2', '3,456', '3,51']);
    expect(col.style).toBe('id');
    expect(col.cells.map((c) => c.value)).toEqual([3.2, 3.456, 3.51]);
    expect(col.cells[1]?.ambiguous).toBeUndefined();
    expect(col.cells[1]?.style).toBe('id');

    const us = parseColumn(['1,234.50', '5,678', '910.25']);
    expect(us.cells.map((c) => c.value)).toEqual([1234.5, 5678, 910.25]);
  });

  it('keeps ambiguity on ambiguous cells when the column itself is undecided', () => {
    const col = parseColumn(['1.234', '5.678', '9.100']);
    expect(col.ambiguous).toBe(true);
    expect(col.cells.every((c) => c.ambiguous === true)).toBe(true);
    expect(col.cells.map((c) => c.value)).toEqual([1234, 5678, 9100]);
  });

  it('reads grouping in a money column even against a mixed style', () => {
    const col = parseColumn(['Rp. 217,902,500', 'Rp. 7.908.091.365,-', '1.234']);
    expect(col.cells.map((c) => c.value)).toEqual([217902500, 7908091365, 1234]);
  });

  it('flags a value ~100x the median as magnitude', () => {
    const col = parseColumn(['96,51', '98,40', '9651', '95,00', '-']);
    expect(col.cells.map((c) => c.note)).toEqual([undefined, undefined, 'magnitude', undefined, undefined]);
    expect(col.median).toBeCloseTo(97.455, 6);
  });

  it('flags grouping misread as decimals (1000x too small)', () => {
    const col = parseColumn(['1.500,00', '2.750,50', '1,234', '3.100,00']);
    expect(col.cells[2]).toMatchObject({ value: 1.234, note: 'magnitude' });
    expect(col.cells.filter((c) => c.note === 'magnitude')).toHaveLength(1);
  });

  it('does not flag small integer amounts or values within range', () => {
    const col = parseColumn(['1.357.900.300', '2.500.000', '1.200.000.000', '950.000.000']);
    expect(col.cells.some((c) => c.note === 'magnitude')).toBe(false);
    const pct = parseColumn(['96,51', '100', '87,5', '120,3']);
    expect(pct.cells.some((c) => c.note === 'magnitude')).toBe(false);
  });

  it('reads a text the same whatever was read before it (texts are prepared once and shared)', () => {
    const alone = parseNumber('1.234');
    expect(parseColumn(['Rp. 217,902,500', 'Rp. 7.908.091.365,-', '1.234']).cells[2]).toMatchObject({ value: 1234, style: 'id' });
    expect(parseColumn(['96,51', '98,40', '9651', '95,00']).cells[2]!.note).toBe('magnitude');
    expect(parseNumber('96,5¹')).toMatchObject({ value: 96.5, marks: '¹' });
    expect(parseNumber('1.234')).toEqual(alone);
    expect(parseNumber('9651').note).toBeUndefined();
    expect(parseNumber('96,5').marks).toBeUndefined();
    expect(parseColumn(['1.234', '5.678', '9.100']).cells[0]).toMatchObject({ value: 1234, ambiguous: true });
  });

  it('gives each reader of a column cells of its own (columns are parsed once and shared)', () => {
    const texts = ['96,51', '98,40', '9651', '95,00'];
    const first = parseColumn(texts);
    first.cells[2]!.note = undefined;
    first.cells[0]!.value = 0;
    const again = parseColumn([...texts]);
    expect(again.cells.map((c) => [c.value, c.note])).toEqual([
      [96.51, undefined],
      [98.4, undefined],
      [9651, 'magnitude'],
      [95, undefined],
    ]);
    expect(parseColumn(['96,51', '98,40'])).not.toEqual(again);
  });

  it('needs at least three values before judging magnitude', () => {
    const col = parseColumn(['96,51', '9651']);
    expect(col.median).toBeNull();
    expect(col.cells.some((c) => c.note === 'magnitude')).toBe(false);
  });

  it('keeps empty and text cells in place', () => {
    const col = parseColumn(['-', 'Tercapai', '96,5%']);
    expect(col.cells.map((c) => c.kind)).toEqual(['empty', 'text', 'percent']);
    expect(col.cells.map((c) => c.raw)).toEqual(['-', 'Tercapai', '96,5%']);
  });
});
