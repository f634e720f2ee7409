import { describe, expect, it } from 'vitest';
import { bridgeOccluded, findLatticeTables, snapEnds } from '../../src/layout/lattice.js';
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

describe('lattice tables on a scanned page: rules a stamp hides, ends a scan drops', () => {
  const scanned = (rules: Rule[], words: Word[]): Page => ({ ...page(rules, words), source: 'ocr' });
  const xs = [40, 120, 330, 420, 520];
  const ys = [100, 120, 140, 160];
  // A stamp over x 190–260 breaks every horizontal rule; the Target column's words sit right of it.
  const broken = ys.flatMap((y) => [h(y, 40, 190 - (y % 7)), h(y, 262 + (y % 5), 520)]);
  const verticals = xs.map((x) => v(x, 100, 160));
  const words = [
    w('No', 45, 104), w('Indikator', 130, 104), w('Target', 335, 104), w('Realisasi', 425, 104),
    w('1', 45, 124), w('Nilai', 130, 124), w('SAKIP', 280, 124), w('75', 380, 124), w('80', 480, 124),
    w('2', 45, 144), w('Indeks', 130, 144), w('IKM', 280, 144), w('82', 380, 144), w('81', 480, 144),
  ];

  it('is one grid when every broken rule ends in the open on both sides of the stamp', () => {
    const tables = findLatticeTables(scanned([...broken, ...verticals], words));
    expect(tables.map((t) => [t.nRows, t.nCols])).toEqual([[3, 4]]);
  });

  it('stays as drawn on a text page, where a rule is drawn whole whatever lies over it', () => {
    expect(findLatticeTables(page([...broken, ...verticals], words)).map((t) => t.nCols)).not.toEqual([4]);
  });

  const seg = (pos: number, a: number, b: number) => ({ pos, a, b });
  it.each([
    { name: 'two rules broken over the same span', segs: [seg(100, 40, 190), seg(100, 262, 520), seg(120, 40, 185), seg(120, 250, 520)], cross: [seg(40, 100, 160), seg(520, 100, 160)], out: [seg(100, 40, 520), seg(120, 40, 520)] },
    { name: 'one rule broken alone (a rule drawn in parts)', segs: [seg(100, 40, 190), seg(100, 262, 520), seg(120, 40, 520)], cross: [seg(40, 100, 160), seg(520, 100, 160)], out: [seg(100, 40, 190), seg(100, 262, 520), seg(120, 40, 520)] },
    { name: 'gaps ending on column borders (merged cells)', segs: [seg(100, 40, 190), seg(100, 262, 520), seg(120, 40, 190), seg(120, 262, 520)], cross: [seg(190, 100, 160), seg(262, 100, 160)], out: [seg(100, 40, 190), seg(100, 262, 520), seg(120, 40, 190), seg(120, 262, 520)] },
    { name: 'gaps that do not overlap', segs: [seg(100, 40, 100), seg(100, 150, 520), seg(120, 40, 300), seg(120, 350, 520)], cross: [], out: [seg(100, 40, 100), seg(100, 150, 520), seg(120, 40, 300), seg(120, 350, 520)] },
  ])('bridgeOccluded: $name', ({ segs, cross, out }) => {
    expect(bridgeOccluded(segs, cross)).toEqual(out);
  });

  const borders = [seg(28, 93, 151), seg(68, 93, 151), seg(814, 93, 151)];
  it.each([
    { name: 'ends short of the borders are carried to them', s: seg(93, 39, 808), cross: borders, out: seg(93, 28, 814) },
    { name: 'an end beyond reach stays', s: seg(93, 45, 790), cross: borders, out: seg(93, 45, 790) },
    { name: 'an end already on a border stays', s: seg(93, 28, 814), cross: borders, out: seg(93, 28, 814) },
    { name: 'the nearer border is taken', s: seg(93, 53, 814), cross: [seg(28, 93, 151), seg(48, 93, 151), seg(814, 93, 151)], out: seg(93, 48, 814) },
  ])('snapEnds: $name', ({ s, cross, out }) => {
    expect(snapEnds([s], cross, 12)).toEqual([out]);
  });

  it('snapEnds: a column border is not carried up through the group label over it', () => {
    // "Anggaran (Rp)" over Pagu | Realisasi: the border between them stops 6 pt short of the top.
    const cross = [seg(331, 264, 422), seg(345, 264, 422), seg(360, 264, 422)];
    const label = [w('Anggaran', 316, 334), w('(Rp)', 355, 334)];
    expect(snapEnds([seg(342, 337, 656)], cross, 12, 'v', label)).toEqual([seg(342, 337, 656)]);
    expect(snapEnds([seg(342, 337, 656)], cross, 12, 'v', [])).toEqual([seg(342, 331, 656)]);
  });
});
