import { describe, expect, it } from 'vitest';
import { findLatticeTables } from '../../src/layout/lattice.js';
import type { Page, Rule, Word } from '../../src/model/document.js';

const h = (y: number, x0: number, x1: number): Rule => ({ x0, y0: y, x1, y1: y, orientation: 'h', thickness: 0.5 });
const v = (x: number, y0: number, y1: number): Rule => ({ x0: x, y0, x1: x, y1, orientation: 'v', thickness: 0.5 });
const w = (text: string, x: number, y: number): Word => ({ text, bbox: [x, y, x + text.length * 5, y + 10], size: 10, ocr: false });
const page = (rules: Rule[], words: Word[]): Page => ({ page: 7, width: 595, height: 842, source: 'text', rules, words });

describe('lattice tables: a row split by a page break', () => {
  const cols = [57, 144, 277, 351];
  const header = [w('Kode', 60, 742), w('Uraian', 150, 742), w('Pagu', 280, 742)];
  const row = [w('2.11.01', 60, 768), w('PROGRAM', 150, 768), w('7,855,194,200', 280, 768)];

  it('at the foot of the page: the columns\' rules run on below the last horizontal rule, and the row they hold is read', () => {
    const rules = [h(738, 57, 351), h(764, 57, 351), ...cols.map((x) => v(x, 738, 786))];
    const [t] = findLatticeTables(page(rules, [...header, ...row]));
    expect(t?.nRows).toBe(2);
    expect(t?.cells.filter((c) => c.r0 === 1).map((c) => c.words.map((x) => x.text).join(' '))).toEqual(['2.11.01', 'PROGRAM', '7,855,194,200']);
  });

  it('at the top of the next page: the rules start above the first horizontal rule', () => {
    const tail = [w('DAERAH', 150, 60)];
    const rules = [h(75, 57, 351), h(95, 57, 351), ...cols.map((x) => v(x, 57, 95))];
    const [t] = findLatticeTables(page(rules, [...tail, w('2.11.01.2.01', 60, 80), w('Perencanaan', 150, 80), w('173,008,500', 280, 80)]));
    expect(t?.nRows).toBe(2);
    expect(t?.cells.filter((c) => c.r0 === 0 && c.words.length).map((c) => c.words.map((x) => x.text).join(' '))).toEqual(['DAERAH']);
  });

  it('a closed grid gains no row; rules past the edge in one column only close nothing', () => {
    const closed = [h(738, 57, 351), h(764, 57, 351), h(786, 57, 351), ...cols.map((x) => v(x, 738, 786))];
    expect(findLatticeTables(page(closed, [...header, ...row]))[0]?.nRows).toBe(2);
    const oneColumn = [h(738, 57, 351), h(764, 57, 351), ...cols.map((x, i) => v(x, 738, i === 0 ? 786 : 764))];
    expect(findLatticeTables(page(oneColumn, [...header, ...row]))[0]?.nRows).toBe(1);
  });
});
