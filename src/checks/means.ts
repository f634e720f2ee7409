/**
 * Means of printed figures, shared by sum-rows (a "Rata-rata" row vs the mean of the column above
 * it) and serapan (a program or total % printed as the mean of its rows' percentages).
 */
import type { AverageRow, Report, Value } from '../model/index.js';
import { add, point, scale, type Interval } from '../numbers/index.js';
import type { Bilingual, CheckContext, FindingDraft } from './types.js';
import { fmt, judge, measure, shown, type Judgement, type Num } from './util.js';

/**
 * The mean of printed figures, each a rounded measurement (a capaian or a percentage printed with its
 * decimals: ± half a unit of its last digit), against a printed result, as `judge` compares them.
 *
 * @example
 *   judgeMean({ value: 112.54, decimals: 2 }, [150, 114, 88.2, 88.98].map((v) => ({ value: v, decimals: 2 })));
 *   // { verdict: 'mismatch', value: 110.295, … }
 */
export function judgeMean(printed: Num, figures: readonly Num[]): Judgement | null {
  if (figures.length === 0) return null;
  return judge(printed, (w) => scale(figures.reduce<Interval>((acc, n) => add(acc, w(n)), point(0)), 1 / figures.length));
}

/** `(150 + 114 + 88,20 + 88,98) / 4`, long lists shortened. */
export function meanFormula(figures: readonly Num[]): string {
  const terms = figures.length > 10 ? [...figures.slice(0, 3).map(fmt), '…', ...figures.slice(-2).map(fmt)] : figures.map(fmt);
  return `(${terms.join(' + ')}) / ${figures.length}`;
}

const QUANTITY: Record<AverageRow['quantity'], Bilingual> = {
  capaian: { id: 'capaian', en: 'capaian' },
  prevCapaian: { id: 'capaian tahun sebelumnya', en: "previous year's capaian" },
};

/** Pages the figures sit on, for messages: `hal. 6` / `p. 6–7`. */
function pagesOf(values: readonly Value[]): Bilingual {
  const pages = [...new Set(values.map((v) => v.cite.page))].sort((a, b) => a - b);
  const span = pages.length > 1 ? `${pages[0]}–${pages[pages.length - 1]}` : `${pages[0]}`;
  return { id: `hal. ${span}`, en: `p. ${span}` };
}

/**
 * A printed mean ("Rata-rata Capaian Kinerja") vs the mean of the printed figures of its column in
 * the rows it stands for (domain.md §5: each figure a rounded measurement, so a difference only their
 * rounding explains is none; one only truncation explains is "rounding").
 */
export function compareMean(avg: AverageRow, report: Report, ctx: CheckContext): FindingDraft | null {
  const printed = measure(avg.value);
  const figures = avg.values.map((v) => ({ v, n: measure(v) })).filter((f): f is { v: Value; n: Num } => f.n !== null);
  if (!printed || figures.length === 0) return null;
  const j = judgeMean(printed, figures.map((f) => f.n));
  if (!j || j.verdict === 'ok') return null;
  const names = new Map(report.indicators.filter((i) => avg.of.includes(i.id) && i.capaian?.cite.cell).map((i) => [i.capaian!.cite.cell!, i.indikator]));
  const formula = meanFormula(figures.map((f) => f.n));
  return {
    messageId: j.verdict === 'rounding' ? 'meanRounding' : 'meanMismatch',
    severity: j.verdict === 'rounding' ? 'rounding' : undefined,
    subject: `average:${avg.id}`,
    data: { uraian: avg.uraian, quantity: QUANTITY[avg.quantity], printed: avg.value.text, expected: shown(j.value, printed), n: figures.length, pages: pagesOf(figures.map((f) => f.v)) },
    printed: { text: avg.value.text, value: printed.value },
    expected: {
      value: j.value,
      interval: j.interval,
      formula,
      operands: figures.map((f) => ctx.operand(names.get(f.v.cite.cell ?? '') ?? `${QUANTITY[avg.quantity].id} (baris ${f.v.cite.row ?? '?'})`, f.v)),
    },
    citations: [ctx.cite(avg.value.cite)],
  };
}

/** Messages of compareMean, for the check that runs it. */
export const MEAN_MESSAGES = {
  meanMismatch: {
    id: '{uraian}: {quantity} rata-rata tercetak {printed} tetapi rata-rata {n} {quantity} di atasnya ({pages}) = {expected}',
    en: '{uraian}: printed mean {quantity} {printed} but the mean of the {n} {quantity} figures above it ({pages}) is {expected}',
  },
  meanRounding: {
    id: '{uraian}: {quantity} rata-rata tercetak {printed} hanya cocok dengan rata-rata {n} {quantity} di atasnya = {expected} bila dipotong',
    en: '{uraian}: printed mean {quantity} {printed} matches the mean of the {n} {quantity} figures above it, {expected}, only if truncated',
  },
} as const;
