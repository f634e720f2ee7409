import type { BelanjaRow } from '../../model/index.js';
import { add, point, type Interval } from '../../numbers/index.js';
import type { Check, FindingDraft } from '../types.js';
import { amount, fmt, halfUnit, judge, rupiah, type Num } from '../util.js';

/** Parts of belanja operasi: when operasi itself is listed, these are its breakdown, not extra. */
const OPERASI_PARTS = new Set<BelanjaRow['kind']>(['pegawai', 'barang_jasa']);

/**
 * Belanja operasi + modal + tidak terduga + transfer (+ other lines) = the total printed in the same
 * list or table (`group`). When belanja operasi is listed together with its breakdown (pegawai,
 * barang dan jasa), the breakdown is left out of the sum so nothing is counted twice.
 */
const belanjaTotal: Check = {
  id: 'belanja-total',
  meta: {
    title: { id: 'Total belanja', en: 'Spending total' },
    docs: 'belanja operasi + modal + tidak terduga + transfer (+ other) vs the total of the same group; rupiah exact',
    defaultSeverity: 'error',
    tags: ['budget', 'sum'],
  },
  messages: {
    mismatch: {
      id: '{uraian} tercetak {printed} tetapi jumlah {n} jenis belanja ({parts}) = {expected}; selisih {diff}',
      en: '{uraian} printed as {printed} but the {n} spending lines ({parts}) add up to {expected}; difference {diff}',
    },
    rounding: {
      id: '{uraian} tercetak {printed} hanya cocok dengan jumlah {n} jenis belanja = {expected} bila dipotong; selisih {diff}',
      en: '{uraian} printed as {printed} matches the {n} spending lines adding up to {expected} only if truncated; difference {diff}',
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
      const parts = rows.filter((r) => r.kind !== 'total' && !(hasOperasi && OPERASI_PARTS.has(r.kind)));
      const summed = parts.map((r) => ({ row: r, n: amount(r.amount) })).filter((p): p is { row: BelanjaRow; n: Num } => p.n !== null);
      if (summed.length === 0) continue;
      for (const total of rows.filter((r) => r.kind === 'total')) {
        const printed = amount(total.amount);
        if (!printed) continue;
        const j = judge(printed, (w) => summed.reduce<Interval>((acc, p) => add(acc, w(p.n)), point(0)));
        if (!j || j.verdict === 'ok') continue;
        const discrepancy = printed.value - j.value;
        out.push({
          messageId: j.verdict === 'rounding' ? 'rounding' : 'mismatch',
          severity: j.verdict === 'rounding' ? 'rounding' : undefined,
          subject: `belanja:${group}`,
          data: {
            uraian: total.uraian,
            printed: total.amount.text,
            expected: rupiah(j.value),
            diff: rupiah(discrepancy),
            n: summed.length,
            parts: summed.map((p) => p.row.uraian).join(', '),
          },
          printed: { text: total.amount.text, value: printed.value },
          expected: { value: j.value, interval: j.interval, formula: summed.map((p) => fmt(p.n)).join(' + '), operands: summed.map((p) => ctx.operand(p.row.uraian, p.row.amount)) },
          citations: [ctx.cite(total.amount.cite)],
          links: {
            total: {
              row: total.id,
              rows: summed.map((p) => p.row.id),
              quantity: 'amount',
              discrepancy,
              tolerance: halfUnit(printed) + summed.reduce((s, p) => s + halfUnit(p.n), 0),
            },
          },
        });
      }
    }
    return out;
  },
};

export default belanjaTotal;
