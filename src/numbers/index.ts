/** Printed numbers: parsing (Indonesian/US separators), formatting, terbilang, tolerance intervals. */
export {
  parseNumber,
  decideColumnStyle,
  parseColumn,
  MAGNITUDE_FACTOR,
  median,
  wholeRupiah,
  type ParsedNumber,
  type ParseOptions,
  type ParsedColumn,
  type ColumnStyleDecision,
  type StyleHint,
  type NumberStyle,
  type ColumnStyle,
  type NumberKind,
} from './parse.js';
export { formatId, formatUs } from './format.js';
export { toWords, parseWords, findAmountsInWords, type WordsAmount, type AmountInWords } from './terbilang.js';
export {
  printedInterval,
  truncationInterval,
  interval,
  point,
  add,
  sub,
  mul,
  div,
  scale,
  overlaps,
  contains,
  EPSILON,
  type Interval,
} from './interval.js';
