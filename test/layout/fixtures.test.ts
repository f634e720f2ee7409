/**
 * The tables `readTables` finds in the fixture PDFs against test/fixtures/expected.json: every
 * fixture in both renderings, one table each, compared cell by cell.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { ocrAvailable } from '../../src/ingest/index.js';
import type { LayoutDocument, Table } from '../../src/model/table.js';
import { readTables } from '../../src/pipeline/tables.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const fixtures = path.join(root, 'test/fixtures');

interface HeaderCell {
  text: string;
  col: number;
  rowSpan: number;
  colSpan: number;
}
interface ExpectedTable {
  caption: string;
  captionPosition: 'above' | 'below';
  rules: 'all' | 'horizontal' | 'none';
  nCols: number;
  headerRows: HeaderCell[][];
  numberingRow?: number;
  columns: string[];
  rows: Array<Array<string | null>>;
  spans: Array<{ row: number; col: number; rowSpan: number; colSpan: number }>;
  boldRows: number[];
  rowPages: number[];
  headerPages: number[];
  pages: number[];
}
interface ExpectedFixture {
  renderer: string;
  pageCount: number;
  textLayer: boolean;
  tables: ExpectedTable[];
}
const expected = JSON.parse(readFileSync(path.join(fixtures, 'expected.json'), 'utf8')) as { fixtures: Record<string, ExpectedFixture> };

const TEXT_FIXTURES = Object.entries(expected.fixtures).filter(([, f]) => f.textLayer);

/** The grid as expected.json writes it: one string per column, null where a merged cell covers it. */
function textGrid(t: Table): Array<Array<string | null>> {
  return t.rows.map((r) => r.cells.map((c) => (c.spannedBy ? null : c.text)));
}

function paragraphStarting(doc: LayoutDocument, text: string) {
  return doc.paragraphs.find((p) => p.text.startsWith(text));
}

it('expected.json lists text fixtures from both renderers', () => {
  const renderers = new Set(TEXT_FIXTURES.map(([, f]) => f.renderer));
  expect(renderers).toEqual(new Set(['libreoffice', 'chromium']));
  expect(TEXT_FIXTURES.length).toBeGreaterThanOrEqual(12);
});

describe.each(TEXT_FIXTURES)('%s', (name, fx) => {
  let doc: LayoutDocument;
  const e = fx.tables[0]!;
  const table = (): Table => doc.tables[0]!;

  beforeAll(async () => {
    doc = await readTables(path.join(fixtures, name), { ocr: 'off' });
  });

  it('finds exactly the expected tables, by the method the rules call for', () => {
    expect(doc.pageCount).toBe(fx.pageCount);
    expect(doc.tables).toHaveLength(fx.tables.length);
    // Ruled grids are lattice tables; borderless and rules-only tables come from text alignment.
    expect(table().method).toBe(e.rules === 'all' ? 'lattice' : 'stream');
    expect(table().nCols).toBe(e.nCols);
    expect(table().pages).toEqual(e.pages);
  });

  it(`attaches the caption (${e.captionPosition} the table)`, () => {
    expect(table().caption).toBe(e.caption);
    // The caption line is kept as text too; it lies on the side of the table expected.json gives.
    const p = paragraphStarting(doc, e.caption);
    expect(p).toBeDefined();
    const firstPart = table().bbox;
    if (e.captionPosition === 'above') expect(p!.bbox[3]).toBeLessThanOrEqual(firstPart[1] + 2);
    else expect(p!.bbox[1]).toBeGreaterThanOrEqual(firstPart[3] - 2);
  });

  it('combines the header rows into column labels', () => {
    expect(table().columns).toEqual(e.columns);
    expect(table().headerRows).toHaveLength(e.headerRows.length);
    e.headerRows.forEach((cells, r) => {
      const row = table().headerRows[r]!;
      for (const h of cells) {
        const cell = row.cells[h.col]!;
        expect(cell.text).toBe(h.text);
        expect(cell.spannedBy).toBeUndefined();
        expect([cell.rowSpan, cell.colSpan]).toEqual([h.rowSpan, h.colSpan]);
      }
    });
  });

  it('reads every body row, multi-line cells joined with single spaces', () => {
    expect(textGrid(table())).toEqual(e.rows);
  });

  it('keeps each row on the page it is printed on', () => {
    expect(table().rows.map((r) => r.page)).toEqual(e.rowPages);
    for (const r of table().rows) for (const c of r.cells) expect(c.page).toBe(r.page);
    // Row indices continue after the header rows.
    expect(table().rows[0]!.index).toBe(e.headerRows.length);
  });

  it('represents merged body cells with spans and spannedBy', () => {
    const t = table();
    const covered = new Set<string>();
    for (const s of e.spans) {
      const origin = t.rows[s.row]!.cells[s.col]!;
      expect([origin.rowSpan, origin.colSpan]).toEqual([s.rowSpan, s.colSpan]);
      for (let r = s.row; r < s.row + s.rowSpan; r++) {
        for (let c = s.col; c < s.col + s.colSpan; c++) {
          if (r === s.row && c === s.col) continue;
          expect(t.rows[r]!.cells[c]!.spannedBy).toBe(origin.id);
          covered.add(`${r},${c}`);
        }
      }
    }
    // No other position is covered.
    const spanned = t.rows.flatMap((r, ri) => r.cells.filter((c) => c.spannedBy).map((c) => `${ri},${c.col}`));
    expect(new Set(spanned)).toEqual(covered);
  });

  it('marks bold rows bold and only those', () => {
    table().rows.forEach((r, i) => {
      const texts = r.cells.filter((c) => c.text);
      const bold = texts.length > 0 && texts.every((c) => c.bold);
      expect([i, bold]).toEqual([i, e.boldRows.includes(i)]);
    });
  });

  it('does not take a numbering row or a repeated header for data', () => {
    const headerTexts = e.headerRows[0]!.map((h) => h.text).join('|');
    for (const r of table().rows) {
      const texts = r.cells.map((c) => c.text.trim());
      expect(texts.every((t) => /^\d{1,2}$/.test(t))).toBe(false);
      expect(r.cells.map((c) => c.text).filter(Boolean).join('|')).not.toBe(headerTexts);
    }
    if (e.numberingRow !== undefined) {
      const numbering = table().headerRows[e.numberingRow]!;
      expect(numbering.cells.map((c) => c.text)).toEqual(e.headerRows[e.numberingRow]!.map((h) => h.text));
      expect(table().columns.join(' ')).not.toMatch(/\b\d\b/);
    }
  });

  it('gives every cell an id, a position and a box on its page', () => {
    const t = table();
    const ids = new Set<string>();
    for (const r of [...t.headerRows, ...t.rows]) {
      expect(r.cells).toHaveLength(t.nCols);
      r.cells.forEach((c, col) => {
        expect(c.id).toBe(`${t.id}.r${r.index}c${col}`);
        expect([c.row, c.col]).toEqual([r.index, col]);
        expect(c.bbox[2]).toBeGreaterThan(c.bbox[0]);
        expect(c.bbox[3]).toBeGreaterThan(c.bbox[1]);
        ids.add(c.id);
      });
    }
    expect(ids.size).toBe((t.headerRows.length + t.rows.length) * t.nCols);
  });
});

describe('multipage stitching', () => {
  it.each(TEXT_FIXTURES.filter(([name]) => name.includes('multipage')))('%s is one table over its pages', async (name, fx) => {
    const doc = await readTables(path.join(fixtures, name), { ocr: 'off' });
    // The header is printed on every page only when it is a <thead>.
    expect(fx.tables[0]!.headerPages).toEqual(name.includes('norepeat') ? [1] : [1, 2, 3]);
    expect(doc.tables).toHaveLength(1);
    const t = doc.tables[0]!;
    expect(t.pages).toEqual([1, 2, 3]);
    expect(t.rows).toHaveLength(65);
    // Header repeated or not, it stays one header and each page's rows follow on.
    expect(t.headerRows).toHaveLength(1);
    expect(t.rows.map((r) => Number(r.cells[0]!.text))).toEqual(Array.from({ length: 65 }, (_, i) => i + 1));
    for (const page of [2, 3]) expect(t.rows.some((r) => r.page === page)).toBe(true);
  });

  it('keeps a page selection that starts mid-table as its own table', async () => {
    const doc = await readTables(path.join(fixtures, 'pdf/multipage-repeat.lo.pdf'), { ocr: 'off', pages: [2, 3] });
    expect(doc.tables).toHaveLength(1);
    const t = doc.tables[0]!;
    expect(t.pages).toEqual([2, 3]);
    expect(t.caption).toBeUndefined();
    // The repeated header becomes the header of the part that was read.
    expect(t.columns).toEqual(['No', 'Indikator Kinerja', 'Satuan', 'Target', 'Realisasi', 'Capaian (%)']);
    const rowPages = expected.fixtures['pdf/multipage-repeat.lo.pdf']!.tables[0]!.rowPages;
    expect(t.rows).toHaveLength(rowPages.filter((p) => p >= 2).length);
  });
});

describe('scanned fixture (OCR)', async () => {
  const ind = await ocrAvailable();
  const indEng = await ocrAvailable({ lang: 'ind+eng' });
  const e = expected.fixtures['pdf/scanned.pdf']!.tables[0]!;

  it.skipIf(!ind.ok)('finds the table from OCR words, every cell marked ocr', async () => {
    // `ind` alone reads this font's % as Y6/Yo; with English data as well they come out right.
    const lang = indEng.ok ? 'ind+eng' : 'ind';
    const doc = await readTables(path.join(fixtures, 'pdf/scanned.pdf'), { ocrLang: lang });
    expect(doc.pages[0]!.source).toBe('ocr');
    expect(doc.tables).toHaveLength(1);
    const t = doc.tables[0]!;
    expect(t.ocr).toBe(true);
    expect(t.method).toBe('lattice');
    expect(t.nCols).toBe(e.nCols);
    expect(t.caption).toBe(e.caption);
    expect(t.columns).toEqual(e.columns);
    for (const r of [...t.headerRows, ...t.rows]) for (const c of r.cells) expect(c.ocr).toBe(true);
    expect(doc.paragraphs.every((p) => p.ocr)).toBe(true);
    const grid = textGrid(t);
    if (indEng.ok) expect(grid).toEqual(e.rows);
    else {
      // Without English data compare the cells without a percent sign.
      grid.forEach((row, r) => row.forEach((cell, c) => {
        const want = e.rows[r]![c]!;
        if (want === null || !want.includes('%')) expect(cell).toBe(want);
      }));
    }
    const origin = t.rows[0]!.cells[1]!;
    expect(origin.rowSpan).toBe(2);
    expect(t.rows[1]!.cells[1]!.spannedBy).toBe(origin.id);
  });
});
