/**
 * The engine behind runChecks: renders messages, validates findings against the schema, merges one
 * problem printed in several places, links totals to the row findings that explain them, and gives
 * every finding a stable id.
 */
import { AppError, toAppError } from '../errors.js';
import { Finding, type CheckStat, type Citation, type Report, type Severity, type Value } from '../model/index.js';
import { SEVERITY_ORDER, type Bilingual, type Check, type CheckContext, type FindingDraft, type FindingLinks, type MessageArg } from './types.js';
import { citeKey, cmp } from './util.js';
import { LOW_OCR_CONFIDENCE } from './util.js';

export interface RunOptions {
  /** Run only these check ids. */
  only?: readonly string[];
  /** Drop findings less important than this (error > warning > rounding > info). */
  minSeverity?: Severity;
}

export type CheckStats = CheckStat;

export interface RunResult {
  findings: Finding[];
  stats: CheckStats[];
}

/**
 * The helpers every check receives.
 *
 * @example
 *   const ctx = createContext(report);
 *   ctx.cite({ page: 3, table: 't1' }).caption // 'Tabel 3.1 Capaian Kinerja' (from report.tables)
 */
export function createContext(report: Report): CheckContext {
  const tables = new Map(report.tables.map((t) => [t.id, t]));
  const table: CheckContext['table'] = (id) => (id ? tables.get(id) : undefined);
  const cite: CheckContext['cite'] = (c) => {
    if (c.caption || !c.table) return c;
    const caption = tables.get(c.table)?.caption;
    return caption ? { ...c, caption } : c;
  };
  const operand: CheckContext['operand'] = (name, v: Value) => ({ name, text: v.text, value: v.value, cite: cite(v.cite) });
  return { table, cite, operand };
}

/**
 * Fills `{placeholders}` of a message in both languages. Unknown placeholders stay visible so a test
 * can catch them rather than an audit crashing on them.
 *
 * @example
 *   renderMessage({ id: 'Capaian {p}', en: 'Capaian {p}' }, { p: { id: '96,5', en: '96.5' } }) // { id: 'Capaian 96,5', en: 'Capaian 96.5' }
 */
export function renderMessage(template: Bilingual, data: Record<string, MessageArg> = {}): Bilingual {
  const fill = (text: string, lang: 'id' | 'en'): string =>
    text.replace(/\{(\w+)\}/g, (whole, key: string) => {
      const arg = data[key];
      if (arg === undefined) return whole;
      return typeof arg === 'object' ? arg[lang] : String(arg);
    });
  return { id: fill(template.id, 'id'), en: fill(template.en, 'en') };
}

/**
 * 64-bit FNV-1a of a string as 16 hex digits: small, pure and the same on every run and platform.
 *
 * @example
 *   stableHash('capaian|indicator:ikp') // '…16 hex digits…'
 */
export function stableHash(text: string): string {
  let h = 0xcbf29ce484222325n;
  for (let i = 0; i < text.length; i++) {
    h ^= BigInt(text.charCodeAt(i));
    h = (h * 0x100000001b3n) & 0xffffffffffffffffn;
  }
  return h.toString(16).padStart(16, '0');
}

/** Severity rank: 0 for error … 3 for info. */
export function severityRank(s: Severity): number {
  return SEVERITY_ORDER.indexOf(s);
}

/**
 * Runs checks over a report and returns merged, linked, sorted findings and per-check stats.
 * Throws AppError E_BAD_ARGUMENT for an unknown id in `only`. A check that throws, reports an
 * unknown messageId or a finding the schema rejects (E_INTERNAL, a bug in the check) is recorded in
 * its stats' `error` and contributes no findings; the other checks still run.
 *
 * @example
 *   executeChecks(ALL_CHECKS, report, { minSeverity: 'warning' }).findings[0].severity // 'error'
 */
export function executeChecks(checks: readonly Check[], report: Report, opts: RunOptions = {}): RunResult {
  const known = new Set(checks.map((c) => c.id));
  for (const id of opts.only ?? []) {
    if (!known.has(id)) {
      throw new AppError('E_BAD_ARGUMENT', `Unknown check "${id}". Known checks: ${[...known].join(', ')}`, { stage: 'checks' });
    }
  }
  const selected = opts.only ? checks.filter((c) => opts.only?.includes(c.id)) : checks;
  const ctx = createContext(report);
  const timings = new Map<string, number>();
  const merged: Pending[] = [];
  const failures = new Map<string, { code: string; message: string }>();
  for (const check of selected) {
    const started = performance.now();
    // A check that fails on this report (a bug it has, or data it did not expect) is reported in
    // its stats; the other checks still run and the audit still returns.
    try {
      const drafts = check.run(report, ctx);
      const pending = drafts.map((d) => unsure(toPending(check, d)));
      merged.push(...mergeSame(pending));
    } catch (err) {
      const e = toAppError(err, { stage: 'checks', check: check.id });
      failures.set(check.id, { code: e.code, message: e.message });
    }
    timings.set(check.id, performance.now() - started);
  }
  const distinct = mergeEquivalent(merged);
  assignIds(distinct);
  linkCauses(distinct);

  const minRank = opts.minSeverity ? severityRank(opts.minSeverity) : SEVERITY_ORDER.length;
  const kept = distinct.filter((p) => severityRank(p.finding.severity) <= minRank);
  const keptIds = new Set(kept.map((p) => p.finding.id));
  const findings = kept.map((p) => {
    const causes = (p.finding.causedBy ?? []).filter((id) => keptIds.has(id));
    const { causedBy: _drop, ...rest } = p.finding;
    return causes.length > 0 ? { ...rest, causedBy: causes } : rest;
  });
  findings.sort(byImportance);
  const stats = selected.map((c) => {
    const error = failures.get(c.id);
    return {
      id: c.id,
      findings: findings.filter((f) => f.check === c.id).length,
      ms: Math.round((timings.get(c.id) ?? 0) * 1000) / 1000,
      ...(error ? { error } : {}),
    };
  });
  return { findings, stats };
}

export { LOW_OCR_CONFIDENCE };

/**
 * A finding that cites, or computes from, a figure read from a scan with low confidence (or picked
 * out of noise in a scanned cell) is not called an error, a warning or a rounding difference: it is
 * reported as information, saying which reading is uncertain,
 * so the auditor checks the scan (the figure may be the report's mistake or the reading's).
 */
function unsure(p: Pending): Pending {
  if (p.finding.severity === 'info') return p;
  const cites = [...p.finding.citations, ...(p.finding.expected?.operands ?? []).map((o) => o.cite)];
  let low: Citation | null = null;
  for (const c of cites) if (c?.ocrConf !== undefined && c.ocrConf < LOW_OCR_CONFIDENCE && (!low || c.ocrConf < low.ocrConf!)) low = c;
  const noisy = low ? null : (cites.find((c) => c?.ocrNoise) ?? null);
  if (!low && !noisy) return p;
  const suffix = low
    ? {
        id: ` — angka dibaca dari pindaian dengan keyakinan rendah (${low.ocrConf}%, hal. ${low.page}): periksa pindaian sebelum menyebutnya kesalahan`,
        en: ` — a figure was read from the scan with low confidence (${low.ocrConf}%, p. ${low.page}): check the scan before calling it an error`,
      }
    : {
        id: ` — angka dipilih dari sel pindaian yang bercampur noda (${noisy!.cell ?? ''}, hal. ${noisy!.page}): periksa pindaian sebelum menyebutnya kesalahan`,
        en: ` — a figure was picked out of a scanned cell mixed with noise (${noisy!.cell ?? ''}, p. ${noisy!.page}): check the scan before calling it an error`,
      };
  const message = { id: p.finding.message.id + suffix.id, en: p.finding.message.en + suffix.en };
  return { ...p, finding: { ...p.finding, severity: 'info', message }, suffix, mergeKey: `${p.mergeKey}\u0000unsure` };
}

interface Pending {
  finding: Finding;
  messageId: string;
  data: Record<string, MessageArg>;
  template: Bilingual;
  links: FindingLinks[];
  mergeKey: string;
  /** How many drafts were merged into this one. */
  count: number;
  /** Said after the message (a low-confidence scan reading). */
  suffix?: Bilingual;
}

const canon = (x: number): string => String(Number(x.toPrecision(12)));

function keyOf(f: Pick<Finding, 'printed' | 'expected'>): { printed: string; expected: string } {
  const p = f.printed;
  const e = f.expected;
  return {
    // Text differing only in spacing or case (OCR, line breaks) is the same printed text.
    printed: p ? (p.value !== null ? canon(p.value) : p.text.normalize('NFKC').replace(/\s+/g, ' ').trim().toLowerCase()) : '',
    expected: e ? (typeof e.value === 'number' ? canon(e.value) : String(e.value)) : '',
  };
}

function toPending(check: Check, draft: FindingDraft): Pending {
  const template = check.messages[draft.messageId];
  if (!template) {
    throw new AppError('E_INTERNAL', `Check "${check.id}" reported unknown messageId "${draft.messageId}"`, { stage: 'checks', check: check.id });
  }
  const data = draft.data ?? {};
  const candidate = {
    id: 'pending',
    check: check.id,
    severity: draft.severity ?? check.meta.defaultSeverity,
    message: renderMessage(template, data),
    printed: draft.printed,
    expected: draft.expected,
    citations: dedupeCitations(draft.citations),
    subject: draft.subject,
  };
  const parsed = Finding.safeParse(candidate);
  if (!parsed.success) {
    const issues = parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ');
    throw new AppError('E_INTERNAL', `Check "${check.id}" produced an invalid finding (${draft.messageId}): ${issues}`, { stage: 'checks', check: check.id });
  }
  const k = keyOf(parsed.data);
  return {
    finding: parsed.data,
    messageId: draft.messageId,
    data,
    template,
    links: draft.links ? [draft.links] : [],
    mergeKey: [check.id, draft.messageId, draft.subject, k.printed, k.expected].join('\u0000'),
    count: 1,
  };
}

function dedupeCitations(cites: readonly Citation[]): Citation[] {
  const seen = new Map<string, Citation>();
  for (const c of cites) if (!seen.has(citeKey(c))) seen.set(citeKey(c), c);
  return [...seen.values()];
}

const firstKey = (p: Pending): string => citeKey(p.finding.citations[0] ?? { page: 1 });

/**
 * One problem printed in several places (the same wrong capaian copied into four tables) becomes
 * one finding citing every place. The representative is the occurrence printed first, so the
 * result does not depend on extraction order.
 */
function mergeSame(pending: readonly Pending[]): Pending[] {
  const groups = new Map<string, Pending[]>();
  for (const p of pending) {
    const g = groups.get(p.mergeKey);
    if (g) g.push(p);
    else groups.set(p.mergeKey, [p]);
  }
  const out: Pending[] = [];
  for (const group of groups.values()) {
    const sorted = [...group].sort((a, b) => cmp(firstKey(a), firstKey(b)));
    const head = sorted[0];
    if (!head) continue;
    if (sorted.length === 1) {
      out.push(head);
      continue;
    }
    const citations = dedupeCitations(sorted.flatMap((p) => p.finding.citations)).sort((a, b) => cmp(citeKey(a), citeKey(b)));
    const severity = sorted.map((p) => p.finding.severity).reduce((a, b) => (severityRank(b) < severityRank(a) ? b : a));
    const rendered = renderMessage(head.template, head.data);
    const base = head.suffix ? { id: rendered.id + head.suffix.id, en: rendered.en + head.suffix.en } : rendered;
    const message =
      citations.length > 1 ? { id: `${base.id} (dicetak di ${citations.length} tempat)`, en: `${base.en} (printed in ${citations.length} places)` } : base;
    out.push({
      ...head,
      finding: { ...head.finding, severity, message, citations },
      links: sorted.flatMap((p) => p.links),
      count: sorted.length,
    });
  }
  return out;
}

/**
 * Checks whose findings sit on one row's own figures, preferred over sums and comparisons; then the
 * sums, whose evidence is the rows printed with the figure, preferred over comparisons with copies
 * printed elsewhere.
 */
const LOCAL_FIRST = ['capaian', 'predikat', 'serapan', 'sisa', 'efisiensi', 'terbilang', 'number-format', 'code-format', 'sum-hierarchy', 'sum-rows', 'belanja-total'];
const localRank = (check: string): number => {
  const i = LOCAL_FIRST.indexOf(check);
  return i < 0 ? LOCAL_FIRST.length : i;
};

/**
 * The same problem reached twice: a figure stated in a table and again in the sentence under it
 * (same check, same page, same printed and expected numbers) is one finding citing both; and one
 * cell's figure that two checks expect the same other value for (a row's sisa that neither its own
 * pagu − realisasi nor its sub-kegiatan support) is reported once, by the check about the row itself;
 * and a finding citing only cells another one with the same figures already cites (a program and its
 * only kegiatan in one list cell) is that finding; and a cell its row's own equation and the sum of
 * its rows both reject is one finding, the row check's; and a specific wrong figure (82,48 for 82,84)
 * that two checks, or one check in two tables (a TOTAL and its copy in the attachment), reach is one
 * finding citing both places.
 */
function mergeEquivalent(all: readonly Pending[]): Pending[] {
  const numbersOf = (p: Pending): string | null => {
    const pv = p.finding.printed?.value;
    const ev = p.finding.expected?.value;
    return typeof pv === 'number' && typeof ev === 'number' ? `${canon(pv)}|${canon(ev)}` : null;
  };
  const ordered = [...all].sort((a, b) => localRank(a.finding.check) - localRank(b.finding.check));
  const out: Pending[] = [];
  for (const p of ordered) {
    const nums = numbersOf(p);
    const into =
      nums === null
        ? undefined
        : (out.find((q) => numbersOf(q) === nums && p.finding.severity === q.finding.severity && equivalent(q, p)) ??
          out.find((q) => p.finding.severity === q.finding.severity && sameCellSum(q, p)) ??
          out.find((q) => (q.finding.check !== p.finding.check || !sharesTable(q.finding, p.finding)) && p.finding.severity === q.finding.severity && sameSpecificFigure(q.finding, p.finding)));
    if (!into) {
      out.push(p);
      continue;
    }
    const cells = new Set(into.finding.citations.map(citeKey));
    if (into.finding.check === p.finding.check || !p.finding.citations.every((c) => cells.has(citeKey(c)))) {
      into.finding = { ...into.finding, citations: dedupeCitations([...into.finding.citations, ...p.finding.citations]).sort((a, b) => cmp(citeKey(a), citeKey(b))) };
      into.links.push(...p.links);
      into.count += p.count;
    }
  }
  // Keep the engine's order (by check, then as found) for what follows.
  return all.filter((p) => out.includes(p));
}

const ROW_CHECKS = new Set(['sisa', 'serapan']);
const SUM_CHECKS = new Set(['sum-hierarchy', 'sum-rows']);

/**
 * One printed cell that its row's own equation (sisa = pagu − realisasi, % = realisasi / pagu) and
 * the sum of its rows both reject is one wrong figure, reported by the row's check (whose expected
 * value its own row gives), whatever the sum expects.
 */
function sameCellSum(kept: Pending, other: Pending): boolean {
  if (!ROW_CHECKS.has(kept.finding.check) || !SUM_CHECKS.has(other.finding.check)) return false;
  const pv = other.finding.printed?.value;
  if (typeof pv !== 'number' || kept.finding.printed?.value !== pv) return false;
  const cells = new Set(kept.finding.citations.map(citeKey));
  return other.finding.citations.every((c) => c.table && cells.has(citeKey(c)));
}

/** Whether two findings cite a cell of the same table. */
function sharesTable(a: Finding, b: Finding): boolean {
  const tables = new Set(a.citations.map((c) => c.table).filter(Boolean));
  return b.citations.some((c) => c.table && tables.has(c.table));
}

function equivalent(kept: Pending, other: Pending): boolean {
  const pages = new Set(kept.finding.citations.map((c) => c.page));
  const cells = new Set(kept.finding.citations.map(citeKey));
  // Nothing but cells already cited with the same figures (a program and its only kegiatan listed in
  // one cell with one amount each): one problem whatever the check.
  const within = other.finding.citations.every((c) => c.table && cells.has(citeKey(c)));
  if (kept.finding.check === other.finding.check) {
    // A table row and a sentence: two rows of one table with the same figures stay two findings.
    const prose = (p: Pending) => p.finding.citations.every((c) => !c.table);
    return within || (kept.finding.subject !== other.finding.subject && prose(kept) !== prose(other) && other.finding.citations.some((c) => pages.has(c.page)));
  }
  return other.finding.citations.every((c) => cells.has(citeKey(c)));
}

/**
 * Two checks reaching the same wrong figure in different tables (a mistyped 82,48% absorption for
 * 82,84% copied into a second table): the same kind of quantity (performance or budget), the same
 * printed value, too particular to repeat by chance (with decimals, or of five digits and more), and
 * expected values that agree at its printed precision.
 */
function sameSpecificFigure(a: Finding, b: Finding): boolean {
  // A performance figure and a budget figure are different quantities even when their values meet
  // (an IKM realisasi of 82,84 and an absorption of 82,84%).
  const domain = (f: Finding): string => (f.subject?.startsWith('indicator:') ? 'indicator' : 'budget');
  if (domain(a) !== domain(b)) return false;
  const [pa, pb, ea, eb] = [a.printed?.value, b.printed?.value, a.expected?.value, b.expected?.value];
  if (typeof pa !== 'number' || pa !== pb || typeof ea !== 'number' || typeof eb !== 'number' || ea === pa) return false;
  if (Number.isInteger(pa) && Math.abs(pa) < 10_000) return false;
  const decimals = (String(pa).split('.')[1] ?? '').length;
  return Math.abs(ea - eb) <= 0.5 * 10 ** -decimals + 1e-9;
}

function assignIds(all: Pending[]): void {
  const used = new Set<string>();
  for (const p of all) {
    const k = keyOf(p.finding);
    const cites = p.finding.citations.map(citeKey).sort().join(',');
    const base = `${p.finding.check}-${stableHash([p.finding.check, p.messageId, p.finding.subject ?? '', k.printed, k.expected, cites].join('\u0000')).slice(0, 12)}`;
    let id = base;
    for (let n = 2; used.has(id); n++) id = `${base}-${n}`;
    used.add(id);
    p.finding.id = id;
  }
}

interface Explanation {
  findingId: string;
  row: string;
  delta: number;
  tolerance: number;
}

/**
 * A total that disagrees with the sum of its rows is often explained by one row's own finding: a
 * typo in a child's pagu shows up both in the child's sisa and in the total. When a row finding's
 * delta (or two of them together) accounts for the total's discrepancy, the total gets causedBy.
 */
function linkCauses(all: Pending[]): void {
  const byQuantity = new Map<string, Explanation[]>();
  for (const p of all) {
    for (const l of p.links) {
      for (const e of l.explains ?? []) {
        const list = byQuantity.get(e.quantity) ?? [];
        list.push({ findingId: p.finding.id, row: e.row, delta: e.delta, tolerance: e.tolerance });
        byQuantity.set(e.quantity, list);
      }
    }
  }
  for (const p of all) {
    const causes = new Set<string>();
    for (const l of p.links) {
      // A figure computed from another wrong figure of its row: that figure's findings are its cause.
      if (l.follows) {
        const { row, quantity } = l.follows;
        for (const e of byQuantity.get(quantity) ?? []) if (e.row === row && e.findingId !== p.finding.id) causes.add(e.findingId);
      }
      const t = l.total;
      if (!t) continue;
      const rows = new Set(t.rows);
      const candidates = (byQuantity.get(t.quantity) ?? []).filter((e) => rows.has(e.row) && e.findingId !== p.finding.id);
      const fits = (sum: number, tol: number): boolean => Math.abs(sum + t.discrepancy) <= tol + t.tolerance + 1e-9 * Math.max(1, Math.abs(t.discrepancy));
      const singles = candidates.filter((e) => fits(e.delta, e.tolerance));
      if (singles.length > 0) {
        for (const e of singles) causes.add(e.findingId);
        continue;
      }
      pairs: for (let i = 0; i < candidates.length; i++) {
        for (let j = i + 1; j < candidates.length; j++) {
          const a = candidates[i];
          const b = candidates[j];
          if (!a || !b || a.row === b.row) continue;
          if (fits(a.delta + b.delta, a.tolerance + b.tolerance)) {
            causes.add(a.findingId);
            causes.add(b.findingId);
            break pairs;
          }
        }
      }
    }
    if (causes.size > 0) p.finding.causedBy = [...causes].sort();
  }
}

function byImportance(a: Finding, b: Finding): number {
  return (
    severityRank(a.severity) - severityRank(b.severity) ||
    (a.citations[0]?.page ?? 0) - (b.citations[0]?.page ?? 0) ||
    cmp(a.check, b.check) ||
    cmp(a.subject ?? '', b.subject ?? '') ||
    cmp(a.id, b.id)
  );
}

