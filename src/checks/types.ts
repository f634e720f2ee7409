import type { Citation, Finding, Operand, Report, Severity, TableInfo, Value } from '../model/index.js';

/** A text in both languages of the report's readers: Indonesian first, English second. */
export interface Bilingual {
  id: string;
  en: string;
}

/**
 * A placeholder value: plain text goes into both languages unchanged (printed text such as `126%`
 * stays as printed); a Bilingual value lets numbers follow each language's convention (`126,14`
 * / `126.14`), see `num()` in util.ts.
 */
export type MessageArg = string | number | Bilingual;

export interface CheckMeta {
  title: Bilingual;
  /** One line: what the check recomputes. The same line belongs in docs/checks.md. */
  docs: string;
  defaultSeverity: Severity;
  tags: readonly string[];
}

/**
 * Hints the engine uses to explain a total by a row's own finding (Finding.causedBy). They never
 * reach the Finding itself.
 */
export interface FindingLinks {
  /**
   * "The printed `quantity` of budget row `row` is probably too high by `delta`" (negative: too low),
   * one entry per way the finding can be explained (a sisa finding can be a typo in pagu, realisasi
   * or sisa).
   */
  explains?: Array<{ row: string; quantity: string; delta: number; tolerance: number }>;
  /** For a total: which rows were added up and by how much the printed total exceeds their sum. */
  total?: { row: string; rows: string[]; quantity: string; discrepancy: number; tolerance: number };
  /**
   * The printed figure follows another wrong figure of its row ("the sisa printed as pagu − the
   * mistyped realisasi"): the findings that explain that row's `quantity` are its cause.
   */
  follows?: { row: string; quantity: string };
}

/** What a check reports; the engine turns it into a Finding (id, message text, merging). */
export interface FindingDraft {
  messageId: string;
  data?: Record<string, MessageArg>;
  /** Defaults to the check's meta.defaultSeverity. */
  severity?: Severity;
  /** Entity the finding is about (`indicator:<key>`, `budget:<key>`, `claim:<id>`…). */
  subject: string;
  printed: Finding['printed'];
  expected: Finding['expected'];
  /** Where the printed value is; at least one. */
  citations: Citation[];
  links?: FindingLinks;
}

/** Read-only helpers handed to every check; nothing in here does I/O. */
export interface CheckContext {
  /** Table metadata by id. */
  table(id: string | null | undefined): TableInfo | undefined;
  /** The citation with the table caption filled in when the extractor left it out. */
  cite(c: Citation): Citation;
  /** An expected-value operand from a printed Value (its citation completed by `cite`). */
  operand(name: string, v: Value): Operand;
}

/**
 * One check: id = file name in rules/, metadata, messages by id with `{placeholders}`, and a pure
 * run over the typed report.
 *
 * @example
 *   const check: Check = {
 *     id: 'sisa',
 *     meta: { title: { id: 'Sisa anggaran', en: 'Remaining budget' }, docs: 'sisa vs pagu − realisasi', defaultSeverity: 'error', tags: ['budget'] },
 *     messages: { mismatch: { id: 'Sisa tercetak {printed} …', en: 'Printed sisa {printed} …' } },
 *     run: (report, ctx) => [],
 *   };
 */
export interface Check {
  id: string;
  meta: CheckMeta;
  messages: Record<string, Bilingual>;
  run(report: Report, ctx: CheckContext): FindingDraft[];
}

/** Severities from most to least important. */
export const SEVERITY_ORDER: readonly Severity[] = ['error', 'warning', 'rounding', 'info'];
