import { describe, expect, it } from 'vitest';
import { filterFindings, findingRowsSheet, formatNumber, placeLabel, reviewMap } from '../../src/export/findings.js';
import { reportHtml, reportRegions } from '../../src/export/report-html.js';
import { isContents, tableSheets } from '../../src/export/sheets.js';
import type { Finding } from '../../src/model/report.js';
import type { Review } from '../../src/store/index.js';

const finding = (id: string, over: Partial<Finding> = {}): Finding => ({
  id,
  check: 'capaian',
  severity: 'error',
  message: { id: `Capaian ${id} salah`, en: `Capaian ${id} is wrong` },
  printed: { text: '80,00', value: 80 },
  expected: { value: 75.14492753623189, formula: 'realisasi / target × 100', operands: [{ name: 'target', text: '69', value: 69, cite: { page: 3, bbox: [300, 110, 330, 120] } }] },
  citations: [{ page: 3, table: 't39', row: 4, caption: 'Tabel 3.1 Capaian Kinerja Sasaran', bbox: [400, 100, 440, 112] }],
  ...over,
});
const review = (findingId: string, status: Review['status'], note = ''): Review => ({ documentId: 'd', findingId, status, note, updatedAt: '2026-01-01T00:00:00.000Z' });

describe('findings for sending on', () => {
  it('writes numbers the way each language does, years ungrouped', () => {
    expect(formatNumber(75.14492753623189, 'id')).toBe('75,14');
    expect(formatNumber(75.14492753623189, 'en')).toBe('75.14');
    expect(formatNumber(166653200, 'id')).toBe('166.653.200');
    expect(formatNumber(166653200, 'en')).toBe('166,653,200');
    expect(formatNumber(2023, 'id')).toBe('2023');
    expect(formatNumber('Baik', 'id')).toBe('Baik');
    expect(formatNumber(null, 'id')).toBe('');
  });

  it('names a place by page, caption and row, never by the internal table id', () => {
    const label = placeLabel(finding('a').citations[0]!, 'id');
    expect(label).toBe('hal. 3 · Tabel 3.1 Capaian Kinerja Sasaran · baris 4');
    expect(label).not.toContain('t39');
  });

  it('filters by severity, check and review status (open: not reviewed)', () => {
    const fs = [finding('a'), finding('b', { severity: 'warning' }), finding('c', { check: 'sisa' })];
    const reviews = reviewMap([review('a', 'confirmed'), review('c', 'dismissed')]);
    expect(filterFindings(fs, reviews, { status: ['open'] }).map((f) => f.id)).toEqual(['b']);
    expect(filterFindings(fs, reviews, { status: ['confirmed', 'dismissed'], check: ['capaian'] }).map((f) => f.id)).toEqual(['a']);
    expect(filterFindings(fs, reviews, { severity: ['error'] }).map((f) => f.id)).toEqual(['a', 'c']);
    expect(filterFindings(fs, reviews, {}).length).toBe(3);
  });

  it('has one row per finding with its review, causes named by number', () => {
    const fs = [finding('a', { citations: [{ page: 3, bbox: [1, 1, 2, 2] }, { page: 7 }, { page: 3 }] }), finding('b', { causedBy: ['a'] })];
    const sheet = findingRowsSheet(fs, reviewMap([review('b', 'follow-up', 'minta data dukung')]), 'id');
    expect(sheet.rows).toHaveLength(2);
    const col = (name: string) => sheet.columns.indexOf(name);
    expect(sheet.rows[0]![col('halaman')]).toBe('3, 7');
    expect(sheet.rows[0]![col('seharusnya')]).toBe('75,14');
    expect(sheet.rows[0]![col('status tinjauan')]).toBe('Belum ditinjau');
    expect(sheet.rows[1]![col('disebabkan oleh')]).toBe('#1');
    expect(sheet.rows[1]![col('status tinjauan')]).toBe('Perlu tindak lanjut');
    expect(sheet.rows[1]![col('catatan')]).toBe('minta data dukung');
    expect(sheet.rows[1]![col('tingkat')]).toBe('Kesalahan');
    expect(sheet.rows[1]![col('pemeriksaan')]).not.toBe('capaian');
  });

  it('pictures each cited place as a page-wide strip taking in the operands printed near it', () => {
    const [region] = reportRegions([finding('a')]);
    expect(region).toMatchObject({ page: 3, box: [0, 64, 10_000, 156] });
    expect(region!.marks.map((m) => m.kind)).toEqual(['cite', 'operand']);
    const far = finding('b');
    far.expected!.operands = [{ name: 'target', text: '69', value: 69, cite: { page: 3, bbox: [300, 700, 330, 712] } }];
    const [alone] = reportRegions([far]);
    expect(alone).toMatchObject({ page: 3, box: [0, 64, 10_000, 148] });
    expect(alone!.marks.map((m) => m.kind)).toEqual(['cite']);
  });

  it('marks a scanned figure where its words are printed, not over its whole grid cell', () => {
    const scanned = finding('s', { citations: [{ page: 55, bbox: [609.6, 149.28, 667.92, 163.92], textBox: [622.32, 155, 667, 161.79], ocrConf: 91 }] });
    scanned.expected!.operands = [{ name: 'sub', text: '70.000.000', value: 7e7, cite: { page: 55, bbox: [609.6, 163.92, 667.92, 179.04], textBox: [627.6, 168.72, 668.4, 179.31] } }];
    const [region] = reportRegions([scanned]);
    expect(region!.marks).toEqual([
      { box: [622.32, 155, 667, 161.79], kind: 'cite' },
      { box: [627.6, 168.72, 668.4, 179.31], kind: 'operand' },
    ]);
  });

  it('writes a report without script, every text escaped, pictures inlined', () => {
    const fs = [finding('a', { message: { id: '<script>alert(1)</script>', en: 'x' } })];
    const regions = reportRegions(fs);
    const html = reportHtml({
      lang: 'id',
      title: 'Dinas <X>',
      fileName: 'a.pdf',
      findings: fs,
      total: 3,
      reviews: reviewMap([review('a', 'confirmed', 'catatan "penting"')]),
      filter: { status: ['confirmed'] },
      regions,
      pictures: [{ png: new Uint8Array([1, 2, 3]), box: [0, 64, 595, 148] }],
      generatedAt: new Date('2026-01-02T03:04:00Z'),
    });
    expect(html).not.toMatch(/<script/i);
    expect(html).toContain('&#60;script&#62;alert(1)');
    expect(html).toContain('Dinas &#60;X&#62;');
    expect(html).toContain('catatan &#34;penting&#34;');
    expect(html).toContain('1 dari 3 temuan');
    expect(html).toContain('Status: Dikonfirmasi');
    expect(html).toContain(`src="data:image/png;base64,${Buffer.from([1, 2, 3]).toString('base64')}"`);
    expect(html.match(/class="mark /g)).toHaveLength(2);
  });
});

describe('tables workbook', () => {
  const table = (id: string, caption: string | undefined, pages: number[], rows: string[][], columns: string[] = ['a', 'b', 'c']) =>
    ({ id, caption, pages, nCols: columns.length, columns, headerRows: [], rows: rows.map((r, i) => ({ cells: r.map((text, col) => ({ text, col, row: i, page: pages[0]!, bbox: [0, 0, 1, 1] })) })) }) as never;

  it('leaves tables of contents out, names sheets by their pages within 31 characters, and indexes their full captions', () => {
    const caption = 'Tabel 3.7 Tabel Realisasi Anggaran Kecamatan Dumai Barat Tahun Anggaran 2023';
    const sheets = tableSheets({
      tables: [
        table('t1', 'DAFTAR ISI', [2], [['BAB I ..........', '', '1'], ['BAB II ..........', '', '9']]),
        table('t2', undefined, [3], [['KATA PENGANTAR ........', '', 'i'], ['DAFTAR TABEL ........', '', 'iii'], ['BAB I PENDAHULUAN ......', '', '1']], ['IKHTISAR .........', '', 'ii']),
        table('t3', caption, [9, 10], [['1', 'x', '3']]),
        table('t4', undefined, [9], [['2', 'y', '4']]),
        table('t5', undefined, [9], [['2', 'y', '4']]),
      ],
    }, 'id');
    expect(sheets.map((s) => s.name)).toEqual(['daftar tabel', 'hal. 9-10', 'hal. 9', 'hal. 9 (2)']);
    expect(sheets[0]!.rows[0]).toEqual(['hal. 9-10', caption, '9, 10', 1, 't3']);
    expect(isContents({ caption: 'Capaian', columns: ['No', 'Uraian', 'Nilai'], rows: [] } as never)).toBe(false);
  });
});
