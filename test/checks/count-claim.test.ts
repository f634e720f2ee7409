import { expect } from 'vitest';
import countClaim from '../../src/checks/rules/count-claim.js';
import { budgetRow, claim, indicator, makeReport } from './builders.js';
import { testCheck } from './tester.js';

const revision = (date: string, page: number) => claim('mention', { entity: 'perubahan_pk', value: date, page });
const programs = (n: number, table = 'tb') => Array.from({ length: n }, (_, i) => budgetRow({ key: `p${i}`, table, level: 'program' }));
/** n programs of Rp 100.000 (realisasi 90.000) and the total that shows the list complete (`off`: a total over other rows). */
const listed = (n: number, table = 'tb', off = 0) => {
  const rows = Array.from({ length: n }, (_, i) => budgetRow({ id: `${table}.p${i}`, key: `p${i}`, table, level: 'program', pagu: '100.000', realisasi: '90.000' }));
  const total = budgetRow({ id: `${table}.total`, key: `${table}:total`, table, level: 'total', pagu: (100_000 * n + off).toLocaleString('id-ID'), realisasi: (90_000 * n + off).toLocaleString('id-ID') });
  return [...rows, { ...total, sumOf: rows.map((r) => r.id) }];
};

testCheck(countClaim, {
  valid: [
    { name: '5 (lima) program and five listed', report: makeReport({ budget: programs(5), claims: [claim('count', { entity: 'program', count: 5, words: 'lima' })] }) },
    { name: 'the same programs in two tables count once', report: makeReport({ budget: [...programs(3, 'a'), ...programs(3, 'b')], claims: [claim('count', { entity: 'program', count: 3, words: null })] }) },
    {
      name: 'indicators counted by key',
      report: makeReport({ indicators: [indicator({ key: 'a' }), indicator({ key: 'b' }), indicator({ key: 'a', table: 't2' })], claims: [claim('count', { entity: 'indikator', count: 2, words: null })] }),
    },
    { name: 'a claim matching one table while keys differ between tables', report: makeReport({ budget: [...programs(3, 'a'), budgetRow({ key: 'other spelling', table: 'b', level: 'program' })], claims: [claim('count', { entity: 'program', count: 3, words: null })] }) },
    {
      name: 'tujuan counted once however many indicators serve each',
      report: makeReport({
        indicators: [indicator({ key: 'a', tujuan: 'Tujuan A' }), indicator({ key: 'b', tujuan: 'Tujuan A' }), indicator({ key: 'c', tujuan: 'Tujuan B' })],
        claims: [claim('count', { entity: 'tujuan', count: 2, words: 'dua' })],
      }),
    },
    { name: 'nothing listed: nothing to count against', report: makeReport({ claims: [claim('count', { entity: 'sub_kegiatan', count: 30, words: null })] }) },
    {
      name: '1 (satu) kali perubahan and one dated revision, told twice',
      report: makeReport({ claims: [claim('count', { entity: 'perubahan_pk', count: 1, words: 'Satu' }), revision('25 September 2023', 10), revision('25 september 2023', 27)] }),
    },
    { name: 'revisions claimed, none dated: nothing to count against', report: makeReport({ claims: [claim('count', { entity: 'perubahan_pk', count: 2, words: null })] }) },
    {
      name: 'a table continued in a part of its own, joined by the total that adds up both parts (2 + 3 programs, 5 claimed)',
      report: makeReport({
        budget: [
          ...programs(2, 'a'),
          ...Array.from({ length: 3 }, (_, i) => budgetRow({ key: `q${i}`, table: 'b', level: 'program' })),
          { ...budgetRow({ key: 'total', table: 'b', level: 'total' }), sumOf: ['a.r0', 'a.r1', 'b.r0', 'b.r1', 'b.r2'] },
        ].map((r, i, all) => ({ ...r, id: r.level === 'total' ? 'b.total' : `${r.table}.r${all.slice(0, i).filter((x) => x.table === r.table).length}` })),
        claims: [claim('count', { entity: 'program', count: 5, words: 'lima' })],
      }),
    },
  ],
  invalid: [
    {
      name: 'two lists of 3 indicators, the first read from a scan with low confidence: the claim of 2 is a warning citing the printed list',
      report: makeReport({
        indicators: [
          ...['a', 'b', 'c'].map((k) => { const i = indicator({ key: k, table: 'scan' }); return { ...i, cite: { ...i.cite, ocrConf: 38 } }; }),
          ...['a', 'b', 'c'].map((k) => indicator({ key: k, table: 'text' })),
        ],
        claims: [claim('count', { entity: 'indikator', count: 2, words: null })],
      }),
      errors: [{ messageId: 'mismatch', severity: 'warning' }],
      check: ([f]) => expect(f?.expected?.operands.map((o) => o.cite?.table)).toEqual(['text', 'text', 'text']),
    },
    {
      name: '2 kali perubahan but one dated revision presented',
      report: makeReport({ claims: [claim('count', { entity: 'perubahan_pk', count: 2, words: null, page: 9 }), revision('25 September 2023', 10)] }),
      errors: [{ messageId: 'revisions', severity: 'warning' }],
      check: ([f]) => expect(f?.expected?.value).toBe(1),
    },
    {
      name: 'a table continued over pages in parts is one list (13 kegiatan over three parts, 12 claimed)',
      report: makeReport({
        budget: [
          budgetRow({ id: 'prog', key: 'prog', table: 'p1', level: 'program', pagu: '1.300.000' }),
          ...Array.from({ length: 5 }, (_, i) => budgetRow({ id: `a${i}`, key: `k${i}`, table: 'p1', level: 'kegiatan', parentId: 'prog', pagu: '100.000' })),
          ...Array.from({ length: 4 }, (_, i) => budgetRow({ id: `b${i}`, key: `k${5 + i}`, table: 'p2', level: 'kegiatan', parentId: 'prog', pagu: '100.000' })),
          ...Array.from({ length: 4 }, (_, i) => budgetRow({ id: `c${i}`, key: `k${9 + i}`, table: 'p3', level: 'kegiatan', parentId: 'prog', pagu: '100.000' })),
        ],
        claims: [claim('count', { entity: 'kegiatan', count: 12, words: 'dua belas' })],
      }),
      errors: [{ messageId: 'mismatch', severity: 'warning' }],
      check: ([f]) => expect(f?.expected?.value).toBe(13),
    },
    {
      name: '1 (satu) tujuan claimed, the performance tables list two',
      report: makeReport({
        indicators: [indicator({ key: 'a', tujuan: 'Memantapkan dukungan data' }), indicator({ key: 'b', tujuan: 'Meningkatkan kualitas pelayanan' })],
        claims: [claim('count', { entity: 'tujuan', count: 1, words: 'satu' })],
      }),
      errors: [{ messageId: 'mismatch', severity: 'warning' }],
      check: ([f]) => expect(f?.expected?.value).toBe(2),
    },
    {
      name: '6 program claimed, 5 listed and their total shows the list complete',
      report: makeReport({ budget: listed(5), claims: [claim('count', { entity: 'program', count: 6, words: 'enam' })] }),
      errors: [{ messageId: 'mismatch', severity: 'warning' }],
      check: ([f]) => {
        expect(f?.message.id).toBe('Teks menyebut 6 program, tetapi daftar terpanjang dalam laporan memuat 5 program (per tabel: Tabel tb: 5)');
        expect(f?.expected?.operands).toHaveLength(5);
      },
    },
    {
      name: 'digits and words disagree: 5 (enam)',
      report: makeReport({ budget: programs(5), claims: [claim('count', { entity: 'program', count: 5, words: 'enam' })] }),
      errors: [{ messageId: 'wordsMismatch', severity: 'error' }],
    },
    {
      name: 'the longest list is the expectation, not a union inflated by differing keys',
      report: makeReport({ budget: [...listed(4, 'a'), ...programs(2, 'b'), budgetRow({ key: 'x', table: 'b', level: 'program' })], claims: [claim('count', { entity: 'program', count: 2, words: null })] }),
      errors: [{ messageId: 'mismatch', severity: 'warning' }],
      check: ([f]) => expect(f?.expected?.value).toBe(4),
    },
    {
      name: 'a list with no total to weigh it: the count is taken as read',
      report: makeReport({ budget: programs(5), claims: [claim('count', { entity: 'program', count: 6, words: 'enam' })] }),
      errors: [{ messageId: 'mismatch', severity: 'warning' }],
    },
    {
      name: 'rows adding up to more than their total in pagu and realisasi at once (a row read into the list): information, check the list',
      report: makeReport({ budget: listed(5, 'tb', -250_000), claims: [claim('count', { entity: 'program', count: 6, words: null })] }),
      errors: [{ messageId: 'unproven', severity: 'info' }],
      check: ([f]) => expect(f?.message.en).toContain('show rows missing from it or read into it'),
    },
    {
      name: 'rows adding up to less than their total in both (the report left a row out, or the reading did): the count is judged',
      report: makeReport({ budget: listed(5, 'tb', 250_000), claims: [claim('count', { entity: 'program', count: 6, words: null })] }),
      errors: [{ messageId: 'mismatch', severity: 'warning' }],
    },
    {
      name: 'a total off in pagu only (a mistyped figure): the list still counts',
      report: makeReport({ budget: [...listed(5).slice(0, -1), { ...listed(5).at(-1)!, pagu: listed(5, 'tb', 7).at(-1)!.pagu }], claims: [claim('count', { entity: 'program', count: 6, words: null })] }),
      errors: [{ messageId: 'mismatch', severity: 'warning' }],
    },
    {
      name: 'a program with no kegiatan listed under it in a list of kegiatan: information',
      report: makeReport({
        budget: [
          budgetRow({ id: 'p1', key: 'p1', table: 't7', level: 'program', pagu: '200' }),
          budgetRow({ id: 'k1', key: 'k1', table: 't7', level: 'kegiatan', parentId: 'p1', pagu: '100' }),
          budgetRow({ id: 'k2', key: 'k2', table: 't7', level: 'kegiatan', parentId: 'p1', pagu: '100' }),
          budgetRow({ id: 'p2', key: 'p2', table: 't7', level: 'program', pagu: '300' }),
        ],
        claims: [claim('count', { entity: 'kegiatan', count: 3, words: null })],
      }),
      errors: [{ messageId: 'unproven', severity: 'info' }],
    },
    {
      name: 'a row whose figures the scan lost: information',
      report: makeReport({ budget: [...listed(5).slice(0, 2), { ...listed(5)[2]!, unread: ['pagu' as const] }, ...listed(5).slice(3)], claims: [claim('count', { entity: 'program', count: 6, words: null })] }),
      errors: [{ messageId: 'unproven', severity: 'info' }],
    },
  ],
});
