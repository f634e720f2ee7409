import type { BelanjaRow, Value } from '../../model/index.js';
import { add, point, type Interval } from '../../numbers/index.js';
import type { Bilingual, Check, FindingDraft } from '../types.js';
import { amount, fmt, halfUnit, judge, rupiah, type Num } from '../util.js';

/** The budget of each line, and its realisasi where the text states one. */
const QUANTITIES: Array<{ key: string; what: Bilingual; of: (r: BelanjaRow) => Value | null }> = [
  { key: 'amount', what: { id: '', en: '' }, of: (r) => r.amount },
  { key: 'realisasi', what: { id: ' (realisasi)', en: ' (realisasi)' }, of: (r) => r.realisasi ?? null },
];

/** Parts of belanja operasi: when operasi itself is listed, these are its breakdown, not extra. */
const OPERASI_PARTS = new Set<BelanjaRow['kind']>(['pegawai', 'barang_jasa']);

/**
 * Belanja operasi + modal + tidak terduga + transfer (+ other lines) = the total printed in the same
 * list or table (`group`), for the budget and, where the text states them, for the realisasi. When
 * belanja operasi is listed together with its breakdown (pegawai, barang dan jasa), the breakdown is
 * left out of the sum so nothing is counted twice.
 */
const belanjaTotal: Check = {
  id: 'belanja-total',
  meta: {
    title: { id: 'Total belanja', en: 'Spending total' },
    docs: 'belanja operasi + modal + tidak terduga + transfer (+ other) vs the total of the same group, budget and stated realisasi; rupiah exact',
    defaultSeverity: 'error',
    tags: ['budget', 'sum'],
  },
  messages: {
    mismatch: {
      id: '{uraian}{what} tercetak {printed} tetapi jumlah {n} jenis belanja ({parts}) = {expected}; selisih {diff}',
      en: '{uraian}{what} printed as {printed} but the {n} spending lines ({parts}) add up to {expected}; difference {diff}',
    },
    rounding: {
      id: '{uraian}{what} tercetak {printed} hanya cocok dengan jumlah {n} jenis belanja = {expected} bila dipotong; selisih {diff}',
      en: '{uraian}{what} printed as {printed} matches the {n} spending lines adding up to {expected} only if truncated; difference {diff}',
    },
  },
  run(report, ctx) {
    const out: FindingDraft[] = [];
    const groups = new Map<string, BelanjaRow[]>();
    for (const row of report.belanja) {
      const g = groups.get(row.group) ?? [];
      g.push(row);
      groups.set(row.group, g);
    }
    for (const [group, rows] of groups) {
      const hasOperasi = rows.some((r) => r.kind === 'operasi');
      const lines = rows.filter((r) => r.kind !== 'total' && !(hasOperasi && OPERASI_PARTS.has(r.kind)));
      for (const q of QUANTITIES) {
        // A line printed but unread on a scan is unknown, not 0: its group's total cannot be summed.
        if (q.key === 'amount' && lines.some((r) => r.amount.value === null)) continue;
        const summed = lines.map((r) => ({ row: r, v: q.of(r), n: amount(q.of(r)) })).filter((p): p is { row: BelanjaRow; v: Value; n: Num } => p.n !== null && p.v !== null);
        if (summed.length === 0) continue;
        for (const total of rows.filter((r) => r.kind === 'total')) {
          const printedValue = q.of(total);
          const printed = amount(printedValue);
          if (!printed || !printedValue) continue;
          const j = judge(printed, (w) => summed.reduce<Interval>((acc, p) => add(acc, w(p.n)), point(0)));
          if (!j || j.verdict === 'ok') continue;
          const discrepancy = printed.value - j.value;
          out.push({
            messageId: j.verdict === 'rounding' ? 'rounding' : 'mismatch',
            severity: j.verdict === 'rounding' ? 'rounding' : undefined,
            subject: `belanja:${group}${q.key === 'amount' ? '' : `:${q.key}`}`,
            data: {
              uraian: total.uraian,
              what: q.what,
              printed: printedValue.text,
              expected: rupiah(j.value),
              diff: rupiah(discrepancy),
              n: summed.length,
              parts: summed.map((p) => p.row.uraian).join(', '),
            },
            printed: { text: printedValue.text, value: printed.value },
            expected: { value: j.value, interval: j.interval, formula: summed.map((p) => fmt(p.n)).join(' + '), operands: summed.map((p) => ctx.operand(p.row.uraian, p.v)) },
            citations: [ctx.cite(printedValue.cite)],
            links: {
              total: {
                row: total.id,
                rows: summed.map((p) => p.row.id),
                quantity: q.key,
                discrepancy,
                tolerance: halfUnit(printed) + summed.reduce((s, p) => s + halfUnit(p.n), 0),
              },
            },
          });
        }
      }
    }
    return out;
  },
};

export default belanjaTotal;
