/**
 * The checks of `lkjip audit`: an explicit registry (sorted by id, one file per check in rules/)
 * and runChecks. Checks are pure functions of the typed report; nothing here does I/O.
 */
import type { Report } from '../model/index.js';
import { executeChecks, type RunOptions, type RunResult } from './engine.js';
import belanjaTotal from './rules/belanja-total.js';
import capaianZeroTarget from './rules/capaian-zero-target.js';
import capaian from './rules/capaian.js';
import codeFormat from './rules/code-format.js';
import countClaim from './rules/count-claim.js';
import crossTable from './rules/cross-table.js';
import efisiensi from './rules/efisiensi.js';
import numberFormat from './rules/number-format.js';
import periodEntity from './rules/period-entity.js';
import predikat from './rules/predikat.js';
import serapan from './rules/serapan.js';
import sisa from './rules/sisa.js';
import sumHierarchy from './rules/sum-hierarchy.js';
import sumRows from './rules/sum-rows.js';
import templateText from './rules/template-text.js';
import terbilang from './rules/terbilang.js';
import trendWords from './rules/trend-words.js';
import type { Check } from './types.js';

/** Every check, sorted by id (a test keeps it sorted and complete). */
export const CHECKS: readonly Check[] = [
  belanjaTotal,
  capaian,
  capaianZeroTarget,
  codeFormat,
  countClaim,
  crossTable,
  efisiensi,
  numberFormat,
  periodEntity,
  predikat,
  serapan,
  sisa,
  sumHierarchy,
  sumRows,
  templateText,
  terbilang,
  trendWords,
];

/** Check ids in registry order, for `--only` validation and help texts. */
export const CHECK_IDS: readonly string[] = CHECKS.map((c) => c.id);

/**
 * Runs every check (or `only` those) over a report: findings validated against the Finding schema,
 * one problem printed in several places merged into one finding with several citations, totals
 * linked to the row findings that explain them (causedBy), sorted error > warning > rounding > info
 * then by page. Throws AppError E_BAD_ARGUMENT for an unknown check id.
 *
 * @example
 *   const { findings, stats } = runChecks(report, { minSeverity: 'warning' });
 *   findings[0] // { id: 'capaian-3f2a…', check: 'capaian', severity: 'error', message: { id: 'Capaian …', en: '…' }, … }
 */
export function runChecks(report: Report, opts: RunOptions = {}): RunResult {
  return executeChecks(CHECKS, report, opts);
}

export { createContext, executeChecks, renderMessage, stableHash, type CheckStats, type RunOptions, type RunResult } from './engine.js';
export type { Bilingual, Check, CheckContext, CheckMeta, FindingDraft, FindingLinks, MessageArg } from './types.js';
export { SEVERITY_ORDER } from './types.js';
