import OpenAI from 'openai';
import { zodResponseFormat } from 'openai/helpers/zod';
import type { ChatCompletionMessageParam } from 'openai/resources/chat/completions';
import { z } from 'zod';
import { TableKind, type Report } from '../../model/report.js';
import type { LayoutDocument, Table } from '../../model/table.js';
import { parseNumber } from '../../numbers/index.js';
import { extractReport, type StructureHint } from '../index.js';
import { bodyRows, cellText } from '../rules/cells.js';
import type { Role } from '../rules/columns.js';
import { JsonCache, contentHash } from './cache.js';
import type { LlmConfig } from './config.js';
import { asData, loadPrompt, type Prompt } from './prompts.js';
import { UsageMeter, type TokenUsage } from './usage.js';

/**
 * LLM-assisted structure for tables the rules could not place: one schema-constrained call per
 * table returns the table's kind, which column holds which role and which rows are subtotals, all
 * by reference to column indexes and cell ids. No number is taken from the model; the extractor
 * still reads every figure from the cells. Answers are validated against the table, the problems
 * fed back (at most `maxRetries` times), and valid answers cached by content hash.
 */

export const ROLES = [
  'no', 'kode', 'tujuan', 'sasaran', 'indikator', 'uraian', 'satuan', 'target', 'realisasi', 'capaian', 'predikat', 'prevTarget',
  'prevRealisasi', 'prevCapaian', 'renstraTarget', 'pagu', 'realisasiAnggaran', 'persen', 'sisa', 'serapan', 'efisiensi', 'interval',
  'label', 'keterangan',
] as const satisfies readonly Role[];
// Fails to compile when the extractor gains a role this list lacks.
const _allRoles: Exclude<Role, (typeof ROLES)[number]> extends never ? true : never = true;
void _allRoles;

const NUMERIC_ROLES = new Set<Role>(['target', 'realisasi', 'capaian', 'prevTarget', 'prevRealisasi', 'prevCapaian', 'renstraTarget', 'pagu', 'realisasiAnggaran', 'persen', 'sisa', 'serapan', 'efisiensi']);

/** What the model returns. Strict mode: every field required, "absent" is null or an empty list. */
export const TableStructure = z.object({
  kind: TableKind,
  columns: z.array(z.object({ column: z.number().int(), role: z.enum(ROLES) })),
  subtotalRows: z.array(z.object({ cell: z.string(), kind: z.enum(['total', 'subtotal']) })),
  confidence: z.number(),
  note: z.string().nullable(),
});
export type TableStructure = z.infer<typeof TableStructure>;

export const PROMPT_FILE = 'table-structure.v1.md';

/** A hint for `extractReport`, plus what the extractor does not take yet (subtotal rows). */
export interface LlmStructureHint extends StructureHint {
  /** Row indexes of total/subtotal rows. */
  subtotalRows: Array<{ row: number; kind: 'total' | 'subtotal' }>;
  confidence: number;
  note: string | null;
}

export type TableStatus = 'hint' | 'cached' | 'not-present' | 'refused' | 'invalid' | 'failed';

export interface TableOutcome {
  table: string;
  status: TableStatus;
  /** Calls made for this table (0 when cached). */
  attempts: number;
  /** Validation and transport problems, in order. */
  errors: string[];
  hint?: LlmStructureHint;
}

export interface StructureResult {
  hints: LlmStructureHint[];
  tables: TableOutcome[];
  usage: TokenUsage;
  calls: number;
  cacheHits: number;
  promptVersion: string;
}

export interface StructureOptions {
  config: LlmConfig;
  /** The rules' model of the same layout; computed when not given. */
  report?: Report;
  /** Overrides `config.cacheDir`; `false` disables the cache. */
  cacheDir?: string | false;
  /** Validation retries after the first answer (bounded; default 2). */
  maxRetries?: number;
  /** Only these table ids. */
  only?: string[];
  prompt?: Prompt;
}

interface Cached {
  promptVersion: string;
  table: string;
  answer: TableStructure;
}

/**
 * Structure hints for the tables the rules classified as `other` that hold numbers.
 *
 * @example
 *   const { hints, usage } = await suggestStructure(layout, { config });
 *   const report = extractReport(layout, { hints });
 */
export async function suggestStructure(layout: LayoutDocument, opts: StructureOptions): Promise<StructureResult> {
  const prompt = opts.prompt ?? (await loadPrompt(PROMPT_FILE));
  const report = opts.report ?? extractReport(layout);
  const tables = candidateTables(layout, report).filter((t) => !opts.only || opts.only.includes(t.id));
  const cacheDir = opts.cacheDir === undefined ? opts.config.cacheDir : opts.cacheDir;
  const cache = cacheDir === false ? null : new JsonCache(cacheDir, 'table-structure');
  const meter = new UsageMeter(opts.config.fetch ?? globalThis.fetch);
  const client = new OpenAI({
    apiKey: opts.config.apiKey,
    ...(opts.config.baseUrl ? { baseURL: opts.config.baseUrl } : {}),
    timeout: opts.config.timeoutMs,
    // Retries are ours (bounded, with feedback); a transport failure is reported, not retried blindly.
    maxRetries: 0,
    fetch: meter.fetch,
  });
  const maxRetries = Math.max(0, Math.min(opts.maxRetries ?? 2, 5));
  const outcomes: TableOutcome[] = [];
  let cacheHits = 0;
  let down: string | null = null;

  for (const table of tables) {
    if (down) {
      outcomes.push({ table: table.id, status: 'failed', attempts: 0, errors: [`skipped: ${down}`] });
      continue;
    }
    const key = contentHash(prompt.version, tableForHash(table));
    const hit = cache ? await cache.get<Cached>(key) : null;
    if (hit && hit.promptVersion === prompt.version && TableStructure.safeParse(hit.answer).success && validateStructure(table, hit.answer).length === 0) {
      cacheHits++;
      outcomes.push(outcomeOf(table, hit.answer, 'cached', 0, []));
      continue;
    }
    const messages: ChatCompletionMessageParam[] = [
      { role: 'system', content: prompt.text },
      { role: 'user', content: renderTable(table) },
    ];
    const errors: string[] = [];
    let result: TableOutcome | null = null;
    for (let attempt = 1; attempt <= maxRetries + 1 && !result; attempt++) {
      let parsed: TableStructure | null;
      try {
        const res = await client.chat.completions.parse({ model: opts.config.model, messages, temperature: 0, response_format: zodResponseFormat(TableStructure, 'table_structure') });
        const msg = res.choices[0]?.message;
        if (msg?.refusal) {
          result = { table: table.id, status: 'refused', attempts: attempt, errors: [...errors, `refused: ${msg.refusal}`] };
          break;
        }
        parsed = msg?.parsed ?? null;
        if (!parsed) throw new SyntaxError('empty answer');
      } catch (err) {
        if (isTransportError(err)) {
          down = describe(err);
          result = { table: table.id, status: 'failed', attempts: attempt, errors: [...errors, down] };
          break;
        }
        // Malformed JSON or a schema mismatch: show the model its answer and what was wrong.
        const problem = `the answer is not valid JSON for the schema (${describe(err)})`;
        errors.push(problem);
        messages.push({ role: 'assistant', content: meter.lastContent ?? '' }, { role: 'user', content: feedback([problem]) });
        continue;
      }
      const problems = validateStructure(table, parsed);
      if (problems.length === 0) {
        if (cache) await cache.set(key, { promptVersion: prompt.version, table: table.id, answer: parsed } satisfies Cached);
        result = outcomeOf(table, parsed, parsed.kind === 'other' ? 'not-present' : 'hint', attempt, errors);
        break;
      }
      errors.push(...problems);
      messages.push({ role: 'assistant', content: JSON.stringify(parsed) }, { role: 'user', content: feedback(problems) });
    }
    outcomes.push(result ?? { table: table.id, status: 'invalid', attempts: maxRetries + 1, errors });
  }

  return {
    hints: outcomes.map((o) => o.hint).filter((h): h is LlmStructureHint => !!h),
    tables: outcomes,
    usage: meter.usage,
    calls: meter.calls,
    cacheHits,
    promptVersion: prompt.version,
  };
}

/**
 * Tables worth asking about: classified `other` by the rules, with at least two figures in their
 * body (decimals, a percent, rupiah or ≥ 1000: row numbers and page numbers do not count).
 *
 * @example
 *   candidateTables(layout, extractReport(layout)).map((t) => t.id); // ['t27', 't29']
 */
export function candidateTables(layout: LayoutDocument, report: Report): Table[] {
  const other = new Set(report.tables.filter((t) => t.kind === 'other').map((t) => t.id));
  return layout.tables.filter((t) => other.has(t.id) && numericCells(t, undefined, true) >= 2);
}

/**
 * Problems of an answer against the table it describes; empty when it can be used.
 *
 * @example
 *   validateStructure(table, { kind: 'capaian', columns: [{ column: 9, role: 'target' }], … });
 *   // ['column 9 does not exist (the table has 6 columns, 0–5)', …]
 */
export function validateStructure(table: Table, s: TableStructure): string[] {
  const problems: string[] = [];
  const roles = new Map<string, number>();
  const cols = new Set<number>();
  for (const { column, role } of s.columns) {
    if (column < 0 || column >= table.nCols) {
      problems.push(`column ${column} does not exist (the table has ${table.nCols} columns, 0–${table.nCols - 1})`);
      continue;
    }
    if (roles.has(role)) problems.push(`role "${role}" is given to columns ${roles.get(role)} and ${column}; use each role once`);
    if (cols.has(column)) problems.push(`column ${column} is given two roles; give each column at most one`);
    roles.set(role, column);
    cols.add(column);
    if (NUMERIC_ROLES.has(role) && numericCells(table, column) === 0) problems.push(`role "${role}" needs numbers but column ${column} ("${table.columns[column] ?? ''}") holds none`);
  }
  for (const { cell } of s.subtotalRows) {
    const m = /^(t\d+)\.r(\d+)c(\d+)$/.exec(cell);
    if (!m || m[1] !== table.id) {
      problems.push(`subtotal cell "${cell}" is not a cell id of table ${table.id} (ids look like ${table.id}.r5c1)`);
      continue;
    }
    const row = table.rows.find((r) => r.index === Number(m[2]));
    if (!row || Number(m[3]) >= table.nCols) problems.push(`subtotal cell "${cell}" is not a body cell of table ${table.id}`);
  }
  if (s.confidence < 0 || s.confidence > 1) problems.push(`confidence must be between 0 and 1 (got ${s.confidence})`);
  const need = (kinds: TableKind[], check: boolean, what: string) => {
    if (kinds.includes(s.kind) && !check) problems.push(`kind "${s.kind}" needs ${what}`);
  };
  const has = (r: Role) => roles.has(r);
  need(['pk', 'capaian', 'comparison', 'renstra'], has('indikator'), 'an "indikator" column');
  need(['pk'], has('target'), 'a "target" column');
  need(['capaian'], has('realisasi') || has('capaian'), 'a "realisasi" or "capaian" column');
  need(['comparison'], has('prevRealisasi') || has('prevCapaian') || has('prevTarget'), "a previous year's column");
  need(['renstra'], has('renstraTarget'), 'a "renstraTarget" column');
  need(['budget-summary', 'budget-detail', 'belanja'], has('uraian') && (has('pagu') || has('realisasiAnggaran')), 'an "uraian" column and a "pagu" or "realisasiAnggaran" column');
  need(['efficiency'], has('efisiensi') || (has('capaian') && has('serapan')), 'an "efisiensi" column, or "capaian" and "serapan"');
  need(['scale'], has('interval') && (has('label') || has('predikat')), 'an "interval" and a "label" column');
  return problems;
}

function outcomeOf(table: Table, s: TableStructure, status: TableStatus, attempts: number, errors: string[]): TableOutcome {
  if (s.kind === 'other') return { table: table.id, status: status === 'cached' ? 'cached' : 'not-present', attempts, errors };
  const columns: Partial<Record<Role, number>> = {};
  for (const { column, role } of s.columns) columns[role] = column;
  const hint: LlmStructureHint = {
    table: table.id,
    kind: s.kind,
    columns,
    subtotalRows: s.subtotalRows.map((r) => ({ row: Number(/\.r(\d+)c/.exec(r.cell)![1]), kind: r.kind })),
    confidence: s.confidence,
    note: s.note,
  };
  return { table: table.id, status, attempts, errors, hint };
}

function feedback(problems: string[]): string {
  return `Your answer was rejected:\n${problems.map((p) => `- ${p}`).join('\n')}\nCorrect these and answer again with the complete JSON.`;
}

const MAX_ROWS = 40;
const MAX_CELL = 80;

/**
 * The table as the model sees it: column labels with indexes, then each row's cells with ids,
 * inside a data block. Long tables keep their first and last rows.
 */
export function renderTable(table: Table): string {
  const lines: string[] = [`Table ${table.id} (${table.nCols} columns, ${table.rows.length} body rows, pages ${table.pages.join(', ')})`];
  if (table.caption) lines.push(`Caption: ${table.caption}`);
  lines.push('Columns:', ...table.columns.map((c, i) => `  ${i}: ${c || '(no label)'}`));
  const rows = table.rows.length > MAX_ROWS ? [...table.rows.slice(0, MAX_ROWS - 10), null, ...table.rows.slice(-10)] : table.rows;
  lines.push('Rows:');
  for (const row of rows) {
    if (!row) {
      lines.push(`  … ${table.rows.length - MAX_ROWS} rows not shown …`);
      continue;
    }
    const cells = row.cells.filter((c) => !c.spannedBy && c.text.trim()).map((c) => `${c.id}: ${clip(cellText(table, c))}`);
    lines.push(`  ${cells.join(' | ')}`);
  }
  return asData('table_data', lines.join('\n'));
}

function clip(s: string): string {
  const t = s.replace(/\s+/g, ' ').trim();
  return t.length > MAX_CELL ? `${t.slice(0, MAX_CELL - 1)}…` : t;
}

function numericCells(table: Table, column?: number, figuresOnly = false): number {
  let n = 0;
  for (const row of bodyRows(table)) {
    for (const c of row.cells) {
      if (c.spannedBy || (column !== undefined && c.col !== column) || !/\d/.test(c.text)) continue;
      const p = parseNumber(c.text);
      if (p.value === null) continue;
      if (!figuresOnly || p.decimals > 0 || p.kind === 'percent' || p.kind === 'rupiah' || Math.abs(p.value) >= 1000) n++;
    }
  }
  return n;
}

/** What the answer depends on: the table's cells (ids and text), in order. */
function tableForHash(table: Table): string {
  return JSON.stringify({ id: table.id, columns: table.columns, rows: [...table.headerRows, ...table.rows].map((r) => r.cells.map((c) => [c.id, c.text])) });
}

function isTransportError(err: unknown): boolean {
  return err instanceof OpenAI.APIError;
}

function describe(err: unknown): string {
  if (err instanceof OpenAI.APIConnectionTimeoutError) return 'the endpoint did not answer in time';
  if (err instanceof OpenAI.APIConnectionError) return `cannot reach the endpoint (${err.message})`;
  if (err instanceof OpenAI.APIError) return `the endpoint answered ${err.status ?? 'an error'}: ${err.message}`;
  if (err instanceof z.ZodError) return err.issues.map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`).join('; ');
  return err instanceof Error ? err.message : String(err);
}
