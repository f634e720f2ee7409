import { describe, expect, it } from 'vitest';
import { executeChecks, renderMessage, stableHash } from '../../src/checks/engine.js';
import { CHECKS, runChecks } from '../../src/checks/index.js';
import type { Check, FindingDraft } from '../../src/checks/types.js';
import { AppError } from '../../src/errors.js';
import { Finding, Report } from '../../src/model/index.js';
import { budgetRow, claim, efficiencyRow, indicator, makeReport, prose, table, value } from './builders.js';

/** The same wrong capaian (75,07% for 51,85 / 69 = 75,14%) copied into four tables. */
function copiedFourTimes(): Report {
  return makeReport({
    indicators: [
      indicator({ key: 'ikm', table: 'ringkasan', page: 3, target: '69', realisasi: '51,85', capaian: '75,07%' }),
      indicator({ key: 'ikm', table: 'pk', page: 12, target: '69', realisasi: '51,85', capaian: '75,07%' }),
      indicator({ key: 'ikm', table: 'bab3', page: 20, target: '69', realisasi: '51,85', capaian: '75,07%' }),
      indicator({ key: 'ikm', table: 'lampiran', page: 60, target: '69', realisasi: '51,85', capaian: '75,07%' }),
    ],
  });
}

/** A typo in one program's pagu (100.000 for 110.000): its sisa and the table's total disagree. */
function childTypo(): Report {
  return makeReport({
    budget: [
      budgetRow({ id: 'p1', pagu: '100.000', realisasi: '90.000', sisa: '20.000' }),
      budgetRow({ id: 'p2', pagu: '200.000', realisasi: '150.000', sisa: '50.000' }),
      budgetRow({ id: 'tot', uraian: 'JUMLAH', level: 'total', pagu: '310.000', realisasi: '240.000', sisa: '70.000' }),
    ],
  });
}

describe('runChecks', () => {
  it('merges one wrong figure printed in four tables into one finding with four citations', () => {
    const { findings } = runChecks(copiedFourTimes(), { only: ['capaian'] });
    expect(findings).toHaveLength(1);
    const [f] = findings;
    expect(f?.citations.map((c) => c.page)).toEqual([3, 12, 20, 60]);
    expect(f?.message.id).toMatch(/\(dicetak di 4 tempat\)$/);
    expect(f?.message.en).toMatch(/\(printed in 4 places\)$/);
    expect(f?.subject).toBe('indicator:ikm');
  });

  it('does not merge different wrong figures of one indicator', () => {
    const report = copiedFourTimes();
    const third = report.indicators[2];
    if (third?.capaian) third.capaian = { ...third.capaian, text: '75,70%', value: 75.7 };
    const { findings } = runChecks(report, { only: ['capaian'] });
    expect(findings.map((f) => f.citations.length).sort()).toEqual([1, 3]);
  });

  it("links a total to the row finding whose discrepancy explains it (causedBy)", () => {
    const { findings } = runChecks(childTypo(), { only: ['sisa', 'sum-rows'] });
    const sisa = findings.find((f) => f.check === 'sisa');
    const total = findings.find((f) => f.check === 'sum-rows');
    expect(sisa).toBeDefined();
    expect(total?.message.en).toContain('pagu');
    expect(total?.causedBy).toEqual([sisa?.id]);
    expect(sisa?.causedBy).toBeUndefined();
  });

  it('links a total to two row findings that explain it together', () => {
    const report = makeReport({
      tables: [table('y', 'budget-summary', { pages: [1] }), table('x', 'budget-detail', { pages: [2] })],
      budget: [
        budgetRow({ id: 'ya', key: 'a', table: 'y', page: 1, pagu: '100' }),
        budgetRow({ id: 'yb', key: 'b', table: 'y', page: 1, row: 2, pagu: '200' }),
        budgetRow({ id: 'xa', key: 'a', table: 'x', page: 2, pagu: '110' }),
        budgetRow({ id: 'xb', key: 'b', table: 'x', page: 2, row: 2, pagu: '220' }),
        budgetRow({ id: 'xt', key: 'total-x', table: 'x', page: 2, row: 3, level: 'total', pagu: '300' }),
      ],
    });
    const { findings } = runChecks(report, { only: ['cross-table', 'sum-rows'] });
    const cross = findings.filter((f) => f.check === 'cross-table').map((f) => f.id).sort();
    expect(cross).toHaveLength(2);
    expect(findings.find((f) => f.check === 'sum-rows')?.causedBy).toEqual(cross);
  });

  it('does not link a total whose discrepancy no row explains', () => {
    const report = childTypo();
    const total = report.budget[2];
    if (total?.pagu) total.pagu = { ...total.pagu, text: '310.500', value: 310500 };
    const { findings } = runChecks(report, { only: ['sisa', 'sum-rows'] });
    expect(findings.find((f) => f.check === 'sum-rows' && f.printed?.value === 310500)?.causedBy).toBeUndefined();
  });

  it('reports once two figures of one cell with the same printed and expected values (a program and its only kegiatan listed in one cell)', () => {
    const cell = { page: 64, table: 't42', row: 0, column: 2, bbox: [10, 10, 90, 200] as [number, number, number, number] };
    const draft = (subject: string, page = 64): FindingDraft => ({
      messageId: 'm',
      subject,
      printed: { text: 'Rp. 100,000,000', value: 100000000 },
      expected: { value: 101000000, formula: 'f', operands: [] },
      citations: [{ ...cell, page }],
    });
    const check = (drafts: FindingDraft[]): Check => ({ ...CHECKS.find((c) => c.id === 'cross-table')!, messages: { m: { id: 'x', en: 'x' } }, run: () => drafts });
    expect(executeChecks([check([draft('budget:program'), draft('budget:kegiatan')])], makeReport({})).findings).toHaveLength(1);
    // The same figures in different cells are two findings.
    expect(executeChecks([check([draft('budget:program'), draft('budget:kegiatan', 65)])], makeReport({})).findings).toHaveLength(2);
  });

  it('reports once a specific wrong absorption two checks reach in different tables, but not a performance figure of the same value', () => {
    const check = (id: string, drafts: FindingDraft[]): Check => ({ ...CHECKS.find((c) => c.id === id)!, messages: { m: { id: 'x', en: 'x' } }, run: () => drafts });
    const draft = (subject: string, page: number, expected: number): FindingDraft => ({
      messageId: 'm',
      subject,
      printed: { text: '82,48', value: 82.48 },
      expected: { value: expected, formula: 'f', operands: [] },
      citations: [{ page, table: `t${page}`, row: 1, column: 3 }],
    });
    const run = (other: string) => executeChecks([check('serapan', [draft('budget:sasaran-1', 12, 82.8355)]), check('cross-table', [draft(other, 13, 82.84)])], makeReport({})).findings;
    const merged = run('efficiency:ikm');
    expect(merged.map((f) => [f.check, f.citations.map((c) => c.page)])).toEqual([['serapan', [12, 13]]]);
    expect(run('indicator:ikm')).toHaveLength(2);
  });

  it('gives the same ids on every run and for a copy of the report', () => {
    const report = childTypo();
    const a = runChecks(report).findings.map((f) => f.id);
    const b = runChecks(Report.parse(JSON.parse(JSON.stringify(report)))).findings.map((f) => f.id);
    expect(a.length).toBeGreaterThan(0);
    expect(b).toEqual(a);
    expect(new Set(a).size).toBe(a.length);
    for (const id of a) expect(id).toMatch(/^[a-z-]+-[0-9a-f]{12}(-\d+)?$/);
  });

  it('does not depend on the order rows were extracted in', () => {
    const report = copiedFourTimes();
    const reversed = { ...report, indicators: [...report.indicators].reverse() };
    expect(runChecks(reversed).findings).toEqual(runChecks(report).findings);
  });

  it('filters by minSeverity and drops causedBy links to filtered findings', () => {
    const report = makeReport({
      indicators: [
        indicator({ key: 'a', page: 5, target: '69', realisasi: '51,85', capaian: '75,07%' }),
        indicator({ key: 'b', page: 2, target: '100', realisasi: '110', capaian: '100%' }),
      ],
      budget: childTypo().budget,
    });
    const all = runChecks(report, { only: ['capaian'] }).findings;
    expect(all.map((f) => f.severity)).toEqual(['error', 'info']);
    expect(runChecks(report, { only: ['capaian'], minSeverity: 'warning' }).findings.map((f) => f.severity)).toEqual(['error']);
    expect(runChecks(report, { only: ['capaian'], minSeverity: 'info' }).findings).toHaveLength(2);

    const linked = runChecks(report, { only: ['sisa', 'sum-rows'] }).findings;
    expect(linked.some((f) => f.causedBy)).toBe(true);
    const sisaDemoted = executeChecks(
      CHECKS.filter((c) => c.id === 'sisa' || c.id === 'sum-rows').map((c) => (c.id === 'sisa' ? { ...c, meta: { ...c.meta, defaultSeverity: 'info' as const } } : c)),
      report,
      { minSeverity: 'error' },
    ).findings;
    expect(sisaDemoted.map((f) => f.check)).toEqual(['sum-rows']);
    expect(sisaDemoted[0]?.causedBy).toBeUndefined();
  });

  it('sorts by severity, then page', () => {
    const report = makeReport({
      indicators: [
        indicator({ key: 'late', page: 9, target: '69', realisasi: '51,85', capaian: '75,07%' }),
        indicator({ key: 'capped', page: 1, target: '100', realisasi: '110', capaian: '100%' }),
        indicator({ key: 'early', page: 4, target: '69', realisasi: '51,85', capaian: '80%' }),
      ],
    });
    const { findings } = runChecks(report, { only: ['capaian'] });
    expect(findings.map((f) => [f.severity, f.citations[0]?.page])).toEqual([
      ['error', 4],
      ['error', 9],
      ['info', 1],
    ]);
  });

  it('returns schema-valid findings and stats for every check run', () => {
    const { findings, stats } = runChecks(copiedFourTimes());
    for (const f of findings) expect(Finding.parse(f)).toEqual(f);
    expect(stats.map((s) => s.id)).toEqual(CHECKS.map((c) => c.id));
    expect(stats.find((s) => s.id === 'capaian')?.findings).toBe(1);
    for (const s of stats) expect(s.ms).toBeGreaterThanOrEqual(0);
  });

  it('finds nothing in a consistent report', () => {
    const report = makeReport({
      report: { tahun: 2023, instansi: 'Dinas Kesehatan', pemda: 'Kabupaten Contoh' },
      indicators: [
        indicator({ key: 'ikm', table: 'a', page: 3, target: '73', realisasi: '92,08', capaian: '126%', predikat: 'Sangat Tinggi' }),
        indicator({ key: 'ikm', table: 'b', page: 20, target: '73', realisasi: '92,08', capaian: '126,14%', predikat: 'Sangat Tinggi' }),
      ],
      budget: [
        budgetRow({ id: 'p', level: 'program', kode: '1.02.02', pagu: '1.000.000', realisasi: '1.045.000', persen: '104,5%', sisa: '(45.000)' }),
        budgetRow({ level: 'kegiatan', parentId: 'p', kode: '1.02.02.2.01', pagu: '1.000.000', realisasi: '1.045.000', persen: '104,50%', sisa: '-45.000' }),
        budgetRow({ level: 'total', pagu: '1.000.000', realisasi: '1.045.000', sisa: '(45.000)' }),
      ],
      claims: [claim('count', { entity: 'program', count: 1, words: 'satu' }), claim('mention', { entity: 'year', value: '2021-2026' })],
    });
    expect(runChecks(report).findings).toEqual([]);
  });

  it('rejects an unknown check id', () => {
    expect(() => runChecks(copiedFourTimes(), { only: ['no-such-check'] })).toThrow(AppError);
  });

  it('records a check that fails (a finding the schema rejects, or a throw) in its stats and runs the others', () => {
    const meta = { title: { id: 'Rusak', en: 'Broken' }, docs: 'test', defaultSeverity: 'error' as const, tags: [] };
    const invalid: Check = { id: 'broken', meta, messages: { m: { id: 'pesan', en: 'message' } }, run: () => [{ messageId: 'm', subject: 's', printed: null, expected: null, citations: [] }] };
    const throwing: Check = {
      id: 'throwing',
      meta,
      messages: {},
      run: () => {
        throw new TypeError("Cannot read properties of undefined (reading 'value')");
      },
    };
    const capaian = CHECKS.find((c) => c.id === 'capaian')!;
    const { findings, stats } = executeChecks([invalid, throwing, capaian], copiedFourTimes());
    expect(findings.map((f) => f.check)).toEqual(['capaian']);
    expect(stats.map((s) => [s.id, s.error?.code ?? null])).toEqual([
      ['broken', 'E_INTERNAL'],
      ['throwing', 'E_INTERNAL'],
      ['capaian', null],
    ]);
    expect(stats[0]?.error?.message).toMatch(/broken/);
  });
});

describe('helpers', () => {
  it('renders placeholders per language and leaves unknown ones visible', () => {
    expect(renderMessage({ id: '{a} dan {b}', en: '{a} and {b}' }, { a: { id: '1,5', en: '1.5' } })).toEqual({ id: '1,5 dan {b}', en: '1.5 and {b}' });
  });

  it('hashes stably', () => {
    expect(stableHash('')).toBe('cbf29ce484222325');
    expect(stableHash('a')).toBe('af63dc4c8601ec8c');
    expect(stableHash('capaian')).not.toBe(stableHash('capaiaN'));
  });
});

describe('one problem reached twice', () => {
  it('a row whose sisa neither its own pagu − realisasi nor its sub-kegiatan support is one finding, by the sisa check', () => {
    const report = makeReport({
      budget: [
        budgetRow({ id: 'k', level: 'kegiatan', row: 1, pagu: '40.501.400', realisasi: '40.129.700', sisa: '2.710.000' }),
        budgetRow({ id: 's1', level: 'sub_kegiatan', parentId: 'k', row: 2, pagu: '30.000.000', realisasi: '29.800.000', sisa: '200.000' }),
        budgetRow({ id: 's2', level: 'sub_kegiatan', parentId: 'k', row: 3, pagu: '10.501.400', realisasi: '10.329.700', sisa: '171.700' }),
      ],
    });
    const { findings } = runChecks(report, { only: ['sisa', 'sum-hierarchy'] });
    expect(findings.map((f) => [f.check, f.printed?.value, f.expected?.value])).toEqual([['sisa', 2710000, 371700]]);
  });

  it("a kegiatan's sisa that neither its own pagu − realisasi nor its sub-kegiatan support (each expecting another value) is one finding, the sisa check's", () => {
    const report = makeReport({
      budget: [
        budgetRow({ id: 'k', level: 'kegiatan', row: 1, pagu: '2.797.015.240', realisasi: '2.786.581.161', sisa: '18.494.079' }),
        budgetRow({ id: 's1', level: 'sub_kegiatan', parentId: 'k', row: 2, pagu: '2.000.000.000', realisasi: '1.995.000.000', sisa: '5.000.000' }),
        budgetRow({ id: 's2', level: 'sub_kegiatan', parentId: 'k', row: 3, pagu: '797.015.240', realisasi: '791.681.161', sisa: '5.334.079' }),
      ],
    });
    const { findings } = runChecks(report, { only: ['sisa', 'sum-hierarchy'] });
    // The realisasi 2.786.581.161 is off its sub-kegiatan (Σ 2.786.681.161); the sisa 18.494.079 is
    // neither 10.434.079 (its own pagu − realisasi) nor 10.334.079 (Σ of its sub-kegiatan).
    expect(findings.map((f) => [f.check, f.printed?.value, f.expected?.value, f.citations.map((c) => c.column)])).toEqual([
      ['sisa', 18494079, 10434079, [5]],
      ['sum-hierarchy', 2786581161, 2786681161, [3]],
    ]);
  });

  it('a TOTAL off its rows printed again in the attachment is one finding citing both tables; different wrong totals stay apart', () => {
    const part = (table: string, page: number, total: string) => [
      budgetRow({ id: `${table}.a`, key: `${table}a`, table, page, row: 1, realisasi: '5.000.000.300' }),
      budgetRow({ id: `${table}.b`, key: `${table}b`, table, page, row: 2, realisasi: '5.156.508.499' }),
      budgetRow({ id: `${table}.t`, key: `${table}t`, table, page, row: 3, uraian: 'TOTAL', level: 'total', realisasi: total }),
    ];
    const same = runChecks(makeReport({ budget: [...part('body', 42, '10.156.509.099'), ...part('lampiran', 59, '10.156.509.099')] }), { only: ['sum-rows'] }).findings;
    expect(same.map((f) => f.citations.map((c) => c.page))).toEqual([[42, 59]]);
    const other = runChecks(makeReport({ budget: [...part('body', 42, '10.156.509.099'), ...part('lampiran', 59, '10.156.509.199')] }), { only: ['sum-rows'] }).findings;
    expect(other).toHaveLength(2);
  });

  it('a program figure its own kegiatan contradict and a correct copy elsewhere disagrees with is one finding, by the sum check', () => {
    const report = makeReport({
      budget: [
        budgetRow({ id: 'b.p', key: 'prog', table: 'body', page: 8, row: 1, level: 'program', realisasi: '4.532.901.641' }),
        budgetRow({ id: 'b.k1', key: 'keg1', table: 'body', page: 8, row: 2, level: 'kegiatan', parentId: 'b.p', realisasi: '4.000.000.000' }),
        budgetRow({ id: 'b.k2', key: 'keg2', table: 'body', page: 8, row: 3, level: 'kegiatan', parentId: 'b.p', realisasi: '519.901.641' }),
        budgetRow({ id: 'l.p', key: 'prog', table: 'lampiran', page: 11, row: 1, level: 'program', realisasi: '4.519.901.641' }),
      ],
    });
    const { findings } = runChecks(report, { only: ['cross-table', 'sum-hierarchy'] });
    expect(findings.map((f) => [f.check, f.printed?.value, f.expected?.value])).toEqual([['sum-hierarchy', 4532901641, 4519901641]]);
  });

  it('an efficiency stated in a table and again in the sentence under it is one finding citing both', () => {
    const report = makeReport({
      efficiency: [efficiencyRow({ page: 45, capaian: '95,21', serapan: '82,84', efisiensi: '1,14' })],
      claims: [claim('efisiensi', { page: 45, stated: prose('1,14', 45), numerator: prose('95,21', 45), denominator: prose('82,84', 45), operation: 'divide', label: null })],
    });
    const { findings } = runChecks(report, { only: ['efisiensi'] });
    expect(findings).toHaveLength(1);
    expect(findings[0]!.citations.map((c) => c.table ?? null).sort()).toEqual([null, 'te']);
  });

  it('two rows of one table with the same wrong figures stay two findings', () => {
    const report = makeReport({
      budget: [
        budgetRow({ id: 'a', row: 1, pagu: '100.000', realisasi: '90.000', persen: '95,00' }),
        budgetRow({ id: 'b', row: 2, pagu: '100.000', realisasi: '90.000', persen: '95,00' }),
      ],
    });
    expect(runChecks(report, { only: ['serapan'] }).findings).toHaveLength(2);
  });
});

describe('figures read from a scan with low confidence', () => {
  const scanned = (conf: number) =>
    makeReport({
      budget: [
        budgetRow({ id: 'p1', pagu: '100.000', realisasi: '90.000' }),
        budgetRow({ id: 'p2', pagu: value('200.000', { page: 4, table: 'tb', column: 2, ocrConf: conf }, { unit: 'rupiah', ocr: true }), realisasi: '150.000' }),
        budgetRow({ id: 'tot', uraian: 'JUMLAH', level: 'total', pagu: '310.000', realisasi: '240.000' }),
      ],
    });
  it.each([
    { conf: 30, severity: 'info', says: true },
    { conf: 49, severity: 'info', says: true },
    { conf: 50, severity: 'error', says: false },
    { conf: 96, severity: 'error', says: false },
  ])('an operand read at $conf% makes the total finding $severity', ({ conf, severity, says }) => {
    const { findings } = runChecks(scanned(conf), { only: ['sum-rows'] });
    expect(findings).toHaveLength(1);
    expect(findings[0]?.severity).toBe(severity);
    expect(findings[0]?.message.en.includes(`low confidence (${conf}%, p. 4)`)).toBe(says);
    expect(findings[0]?.message.id.includes('periksa pindaian')).toBe(says);
  });

  it('an operand picked out of noise in a scanned cell makes the finding information, saying so', () => {
    const report = makeReport({
      budget: [
        budgetRow({ id: 'p1', pagu: '100.000', realisasi: '90.000' }),
        budgetRow({ id: 'p2', pagu: value('200.000', { page: 4, table: 'tb', column: 2, cell: 'tb.r2c2', ocrConf: 91, ocrNoise: true }, { unit: 'rupiah', ocr: true }), realisasi: '150.000' }),
        budgetRow({ id: 'tot', uraian: 'JUMLAH', level: 'total', pagu: '310.000', realisasi: '240.000' }),
      ],
    });
    const [f] = runChecks(report, { only: ['sum-rows'] }).findings;
    expect(f?.severity).toBe('info');
    expect(f?.message.en).toContain('picked out of a scanned cell mixed with noise (tb.r2c2, p. 4)');
  });
});
