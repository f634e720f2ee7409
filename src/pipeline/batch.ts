/**
 * `lkjip batch`: audits a folder of reports in worker processes, one JSON result per file written
 * atomically, and a summary CSV/XLSX across all files. A bad file becomes an `{ error }` result; a
 * crashed or hung worker is replaced; a killed batch resumes without redoing or losing finished files.
 */
import { fork, type ChildProcess } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { lstat, mkdir, readdir, readFile, readlink, realpath, rename, rm, stat, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { z } from 'zod';
import { CHECK_IDS } from '../checks/index.js';
import { AppError, toAppError } from '../errors.js';
import { openablePath } from '../ingest/path.js';
import { watchTools } from '../ingest/tools.js';
import { isPageFailure, type IngestLimits } from '../ingest/scan.js';
import type { AuditResult } from '../model/report.js';
import { resultVersion } from './cache.js';

export interface BatchOptions {
  /** Folders (searched recursively for *.pdf), files, or glob patterns (`reports/**\/*.pdf`). */
  inputs: string[];
  out: string;
  /** Worker processes; default: the number of cores, at most 4. */
  concurrency?: number;
  /** Skip files whose result exists and was made from the same bytes by the same pipeline. */
  resume?: boolean;
  ocr?: 'auto' | 'off';
  /** Ingest limits (inflated bytes, image pixels, operators, time per page); defaults otherwise. */
  limits?: Partial<IngestLimits>;
  /** A file taking longer than this is recorded as failed and its worker replaced. Default 10 min. */
  timeoutMs?: number;
  /** A store to share results with (`lkjip serve --db`): files audited before are cache hits. */
  db?: string;
  onEvent?: (e: BatchEvent) => void;
}

export type BatchEvent =
  | { type: 'start'; total: number; skipped: number }
  | { type: 'page'; file: string; page: number; pages: number }
  | { type: 'file'; file: string; status: 'ok' | 'error' | 'skipped'; pages: number; error?: string };

/** The error side of a result file. */
export interface ResultError {
  code: string;
  message: string;
  /**
   * The file was not judged: its worker crashed, was killed or ran out of time. `--resume` tries
   * such a file again, and keeps a result that says what is wrong with the file itself.
   */
  interrupted?: boolean;
}

/** What every result file carries besides the AuditResult (or the error): where it came from. */
export interface ResultSource {
  file: string;
  sha256: string;
  bytes: number;
  pages: number;
  /** The pipeline version and options that made the result (see `resultVersion`). */
  pipeline: string;
}

export interface SummaryRow {
  file: string;
  sha256: string;
  instansi: string | null;
  tahun: number | null;
  pages: number;
  findings: number;
  bySeverity: Record<'error' | 'warning' | 'rounding' | 'info', number>;
  byCheck: Record<string, number>;
  /** Pages that could not be read: `2 E_PAGE_FAILED; 5 W_LIMIT_STREAM`. */
  unread: string | null;
  error: string | null;
}

export interface BatchSummary {
  total: number;
  ok: number;
  failed: number;
  skipped: number;
  pages: number;
  rows: SummaryRow[];
  csv: string;
  xlsx: string;
  ms: number;
}

/** A table for CSV and XLSX export: the batch summary, and the server's downloads. */
export interface Sheet {
  name: string;
  columns: string[];
  rows: (string | number | null)[][];
}

const WORKER_FLAG = '--lkjip-batch-worker';
const SEVERITIES = ['error', 'warning', 'rounding', 'info'] as const;

/**
 * Audits every PDF the inputs name, `concurrency` at a time, each in a worker process.
 *
 * @example
 *   const s = await runBatch({ inputs: ['reports/'], out: 'out/', concurrency: 2, resume: true });
 *   s.failed; // files whose result is { error }
 */
export async function runBatch(opts: BatchOptions): Promise<BatchSummary> {
  const plan = await planBatch(opts);
  const concurrency = Math.max(1, Math.min(opts.concurrency ?? defaultConcurrency(), plan.todo.length || 1));
  await new Pool(concurrency, opts).run(plan.todo);
  return finishBatch(plan);
}

/** A batch before its files are audited: every input with its result file, and what is left to do. */
export interface BatchPlan {
  started: number;
  out: string;
  /** The pipeline version and options the results are made by (see `resultVersion`). */
  pipeline: string;
  items: BatchItem[];
  /** Readable files without a current result: the ones to audit. */
  todo: BatchItem[];
  skipped: number;
}

/**
 * The part of a batch that does not depend on where files are audited: finds the inputs, hashes
 * them, names their results, skips what `--resume` finds done and records files that cannot be
 * read. `runBatch` audits `todo` in local worker processes; a queue runs it on other machines.
 *
 * @example
 *   const plan = await planBatch({ inputs: ['reports/'], out: 'out/' });
 *   plan.todo.length; // files to audit
 */
export async function planBatch(opts: Pick<BatchOptions, 'inputs' | 'out' | 'resume' | 'ocr' | 'limits' | 'onEvent'>): Promise<BatchPlan> {
  const started = performance.now();
  const files = await expandInputs(opts.inputs);
  if (files.length === 0) throw new AppError('E_BAD_ARGUMENT', `No PDF files found in ${opts.inputs.join(', ')}`, { stage: 'batch' });
  const out = path.resolve(opts.out);
  await mkdir(out, { recursive: true });
  await removeStaleTemps(out);
  const base = commonDir(files);
  const pipeline = resultVersion({ ocr: opts.ocr ?? 'auto', ...(opts.limits ? { limits: opts.limits } : {}) });
  const rels = files.map((file) => path.relative(base, file).split(path.sep).join('/') || path.basename(file));
  const names = resultNames(rels);
  const items = await Promise.all(files.map((file, i) => describe(file, rels[i]!, path.join(out, names[i]!), pipeline)));

  const todo: BatchItem[] = [];
  let skipped = 0;
  for (const item of items) {
    if (opts.resume && (await finished(item))) skipped++;
    else todo.push(item);
  }
  opts.onEvent?.({ type: 'start', total: items.length, skipped });
  for (const item of items) if (!todo.includes(item)) opts.onEvent?.({ type: 'file', file: item.rel, status: 'skipped', pages: 0 });

  // Files that cannot even be read need no worker.
  for (const item of todo.filter((i) => i.readError)) {
    await writeError(item, item.readError!);
    opts.onEvent?.({ type: 'file', file: item.rel, status: 'error', pages: 0, error: item.readError!.code });
  }
  return { started, out, pipeline, items, todo: todo.filter((i) => !i.readError), skipped };
}

/**
 * Reads back every result of a planned batch and writes `summary.csv` and `summary.xlsx`.
 *
 * @example
 *   const summary = await finishBatch(plan);
 */
export async function finishBatch(plan: BatchPlan): Promise<BatchSummary> {
  const rows: SummaryRow[] = [];
  for (const item of plan.items) rows.push(await summaryRow(item));
  const csv = path.join(plan.out, 'summary.csv');
  const xlsx = path.join(plan.out, 'summary.xlsx');
  const sheet = summarySheet(rows);
  await writeAtomic(csv, sheetToCsv(sheet));
  await writeAtomic(xlsx, await sheetsToXlsx([sheet]));
  const failed = rows.filter((r) => r.error).length;
  const total = plan.items.length;
  return { total, ok: total - failed, failed, skipped: plan.skipped, pages: rows.reduce((n, r) => n + r.pages, 0), rows, csv, xlsx, ms: performance.now() - plan.started };
}

/**
 * Writes a file's result: the AuditResult with its `source`, or `{ error, source }`.
 *
 * @example
 *   await writeResult(item, { result }, 12);
 */
export async function writeResult(item: BatchItem, outcome: { result: AuditResult } | { error: ResultError }, pages: number): Promise<void> {
  const source: ResultSource = { file: item.rel, sha256: item.sha256 ?? '', bytes: item.bytes, pages, pipeline: item.pipeline };
  const body = 'result' in outcome ? { ...outcome.result, source } : { error: outcome.error, source };
  await writeAtomic(item.result, JSON.stringify(body, null, 2) + '\n');
}

/** Default worker count: every core, at most 4 (each worker holds a whole report in memory). */
export function defaultConcurrency(): number {
  return Math.max(1, Math.min(4, os.availableParallelism()));
}

/**
 * The PDF files named by folders, files and glob patterns, sorted and without duplicates.
 *
 * @example
 *   await expandInputs(['reports/**\/*.pdf', 'extra.pdf']);
 */
export async function expandInputs(inputs: string[]): Promise<string[]> {
  const found = new Set<string>();
  for (const input of inputs) {
    const st = await stat(input).catch(() => null);
    if (st?.isDirectory()) for (const f of await walk(input)) if (/\.pdf$/i.test(f)) found.add(path.resolve(f));
    if (st?.isFile()) found.add(path.resolve(input));
    if (st || !/[*?[{]/.test(input)) {
      if (!st) throw new AppError('E_FILE_NOT_FOUND', `No such file or folder: ${input}`, { stage: 'batch', file: input });
      continue;
    }
    const { base, re } = globToRegExp(input);
    for (const f of await walk(base).catch(() => [])) if (re.test(path.relative(base, f).split(path.sep).join('/'))) found.add(path.resolve(f));
  }
  return [...found].sort();
}

/**
 * The result file name of each input, by its path relative to the common folder: `sub/y.pdf` →
 * `sub__y.json`. Names that would meet (`x.pdf` and `x.PDF`, `sub/y.pdf` and `sub__y.pdf`; compared
 * without case, for file systems that ignore it) get a suffix in input order: `x~2.json`.
 *
 * @example
 *   resultNames(['sub/y.pdf', 'sub__y.pdf', 'x.PDF', 'x.pdf']); // ['sub__y.json', 'sub__y~2.json', 'x.json', 'x~2.json']
 */
export function resultNames(rels: string[]): string[] {
  const used = new Set<string>();
  return rels.map((rel) => {
    const base = rel.replace(/\.pdf$/i, '').replace(/\//g, '__');
    let name = base;
    for (let i = 2; used.has(name.toLowerCase()); i++) name = `${base}~${i}`;
    used.add(name.toLowerCase());
    return `${name}.json`;
  });
}

/** Writes through a temporary file and a rename, so a reader (or a resumed batch) never sees half a file. */
export async function writeAtomic(file: string, data: string | Uint8Array): Promise<void> {
  const tmp = `${file}.tmp-${process.pid}-${randomBytes(4).toString('hex')}`;
  try {
    await writeFile(tmp, data);
    await rename(tmp, file);
  } catch (err) {
    await rm(tmp, { force: true });
    throw err;
  }
}

/** RFC 4180 CSV; cells that a spreadsheet would run as a formula are quoted with a leading `'`. */
export function sheetToCsv(sheet: Sheet): string {
  const cell = (v: string | number | null): string => {
    if (v === null) return '';
    let s = String(v);
    if (typeof v === 'string' && /^[=+@\t\r]|^-[^\d.]/.test(s)) s = `'${s}`;
    return /[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
  };
  return [sheet.columns, ...sheet.rows].map((r) => r.map(cell).join(',')).join('\n') + '\n';
}

/**
 * An XLSX workbook with one worksheet per sheet: header row bold and frozen, numbers as numbers.
 *
 * @example
 *   await writeFile('out.xlsx', await sheetsToXlsx([{ name: 'findings', columns: ['id'], rows: [['a']] }]));
 */
export async function sheetsToXlsx(sheets: Sheet[]): Promise<Buffer> {
  // exceljs takes seconds to load: only the parent, at the end, pays for it, never the workers.
  const { default: ExcelJS } = await import('exceljs');
  const wb = new ExcelJS.Workbook();
  wb.creator = 'lkjip';
  const used = new Set<string>();
  for (const s of sheets) {
    const ws = wb.addWorksheet(sheetName(s.name, used), { views: [{ state: 'frozen', ySplit: 1 }] });
    ws.addRow(s.columns).font = { bold: true };
    for (const r of s.rows) ws.addRow(r);
    ws.columns.forEach((c, i) => {
      const longest = Math.max(String(s.columns[i] ?? '').length, ...s.rows.slice(0, 200).map((r) => String(r[i] ?? '').length));
      c.width = Math.min(60, Math.max(8, longest + 2));
    });
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/** The summary as a sheet: one row per file, findings by severity and by check. */
export function summarySheet(rows: SummaryRow[]): Sheet {
  const checks = [...new Set([...CHECK_IDS, ...rows.flatMap((r) => Object.keys(r.byCheck))])].sort();
  return {
    name: 'summary',
    columns: ['file', 'sha256', 'instansi', 'tahun', 'pages', 'findings', ...SEVERITIES, ...checks.map((c) => `check:${c}`), 'unread pages', 'failure'],
    rows: rows.map((r) => [r.file, r.sha256, r.instansi, r.tahun, r.pages, r.findings, ...SEVERITIES.map((s) => r.bySeverity[s]), ...checks.map((c) => r.byCheck[c] ?? 0), r.unread, r.error]),
  };
}

// ---------------------------------------------------------------------------------------------
// Internals: items, result files, the worker pool and the worker itself.

/** One input of a batch: its path, name relative to the inputs' folder, result file and hash. */
export interface BatchItem {
  file: string;
  pipeline: string;
  rel: string;
  result: string;
  sha256: string | null;
  bytes: number;
  readError: ResultError | null;
}

async function describe(file: string, rel: string, result: string, pipeline: string): Promise<BatchItem> {
  try {
    const bytes = await readFile(await openablePath(file));
    return { file, pipeline, rel, result, sha256: createHash('sha256').update(bytes).digest('hex'), bytes: bytes.byteLength, readError: null };
  } catch (err) {
    const dangling = (err as NodeJS.ErrnoException).code === 'ENOENT' && (await lstat(file).catch(() => null))?.isSymbolicLink();
    const message = dangling ? `The link points to nothing: ${await readlink(file).catch(() => '?')}` : `Cannot read the file: ${(err as Error).message}`;
    return { file, pipeline, rel, result, sha256: null, bytes: 0, readError: { code: 'E_FILE_NOT_FOUND', message } };
  }
}

const ResultHead = z.object({
  source: z.object({ file: z.string(), sha256: z.string().nullable(), bytes: z.number(), pages: z.number(), pipeline: z.string().optional() }),
  error: z.object({ code: z.string(), message: z.string(), interrupted: z.boolean().optional() }).optional(),
  report: z.object({ report: z.object({ instansi: z.string().nullable(), tahun: z.number().nullable() }), warnings: z.array(z.object({ code: z.string(), page: z.number().optional() })).optional() }).optional(),
  findings: z.array(z.object({ check: z.string(), severity: z.enum(SEVERITIES) })).optional(),
});
type ResultHead = z.infer<typeof ResultHead>;

async function readResult(file: string): Promise<ResultHead | null> {
  try {
    const parsed = ResultHead.safeParse(JSON.parse(await readFile(file, 'utf8')));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

async function finished(item: BatchItem): Promise<boolean> {
  if (!existsSync(item.result)) return false;
  const head = await readResult(item.result);
  return head !== null && head.source.sha256 === item.sha256 && head.source.pipeline === item.pipeline && !head.error?.interrupted;
}

async function summaryRow(item: BatchItem): Promise<SummaryRow> {
  const head = await readResult(item.result);
  const bySeverity = { error: 0, warning: 0, rounding: 0, info: 0 };
  const byCheck: Record<string, number> = {};
  for (const f of head?.findings ?? []) {
    bySeverity[f.severity]++;
    byCheck[f.check] = (byCheck[f.check] ?? 0) + 1;
  }
  const error = !head ? 'E_INTERNAL: no result was written' : head.error ? `${head.error.code}: ${head.error.message}` : null;
  const unread = (head?.report?.warnings ?? []).filter((w) => w.page !== undefined && isPageFailure(w.code)).map((w) => `${w.page} ${w.code}`);
  return {
    file: item.rel,
    sha256: item.sha256 ?? '',
    instansi: head?.report?.report.instansi ?? null,
    tahun: head?.report?.report.tahun ?? null,
    pages: head?.source.pages ?? 0,
    findings: head?.findings?.length ?? 0,
    bySeverity,
    byCheck,
    unread: unread.length ? unread.join('; ') : null,
    error,
  };
}

function writeError(item: BatchItem, error: ResultError, pages = 0): Promise<void> {
  return writeResult(item, { error }, pages);
}

/** Messages between the batch and its workers. */
type ToWorker = { type: 'job'; file: string; rel: string; result: string; sha256: string; bytes: number; pipeline: string; ocr: 'auto' | 'off'; ocrConcurrency: number; limits: Partial<IngestLimits>; db?: string };
type FromWorker = { type: 'ready' } | { type: 'page'; page: number; pages: number } | { type: 'done'; ok: boolean; pages: number; error?: ResultError };

class Pool {
  private queue: BatchItem[] = [];
  private resolveAll: () => void = () => undefined;
  private active = 0;
  /** Workers in a row that died before taking a file: past a few, the files fail instead of looping. */
  private startFailures = 0;

  constructor(
    private readonly size: number,
    private readonly opts: BatchOptions,
  ) {}

  async run(items: BatchItem[]): Promise<void> {
    this.queue = [...items];
    if (!this.queue.length) return;
    const done = new Promise<void>((resolve) => (this.resolveAll = resolve));
    for (let i = 0; i < this.size; i++) this.spawn();
    await done;
  }

  private spawn(): void {
    if (!this.queue.length) return;
    this.active++;
    const child = startWorker();
    let current: BatchItem | null = null;
    let timer: NodeJS.Timeout | undefined;
    let stderr = '';
    let settled = false;
    child.stderr?.on('data', (d: Buffer) => (stderr = (stderr + d.toString()).slice(-2000)));

    const next = (): void => {
      clearTimeout(timer);
      current = this.queue.shift() ?? null;
      if (!current) {
        child.disconnect();
        return;
      }
      const it: BatchItem = current;
      timer = setTimeout(() => {
        // Forget the file before killing, so the exit handler does not record it a second time.
        current = null;
        killWorker(child);
        void this.fail(it, { code: 'E_TIMEOUT', message: `Timed out after ${Math.round((this.opts.timeoutMs ?? 600_000) / 1000)} s`, interrupted: true });
      }, this.opts.timeoutMs ?? 600_000);
      const cpus = os.availableParallelism();
      const msg: ToWorker = { type: 'job', file: it.file, rel: it.rel, result: it.result, sha256: it.sha256!, bytes: it.bytes, pipeline: it.pipeline, ocr: this.opts.ocr ?? 'auto', ocrConcurrency: Math.max(1, Math.floor(cpus / this.size)), limits: this.opts.limits ?? {}, ...(this.opts.db ? { db: this.opts.db } : {}) };
      child.send(msg);
    };

    let ready = false;
    child.on('message', (m: FromWorker) => {
      if (m.type === 'ready') {
        ready = true;
        this.startFailures = 0;
        next();
      }
      else if (m.type === 'page' && current) this.opts.onEvent?.({ type: 'page', file: current.rel, page: m.page, pages: m.pages });
      else if (m.type === 'done' && current) {
        this.opts.onEvent?.({ type: 'file', file: current.rel, status: m.ok ? 'ok' : 'error', pages: m.pages, ...(m.error ? { error: m.error.code } : {}) });
        current = null;
        next();
      }
    });
    child.on('exit', (code, signal) => {
      clearTimeout(timer);
      if (settled) return;
      settled = true;
      const lost = current;
      current = null;
      const why = stderr.trim().split('\n').at(-1) ?? '';
      const after = async () => {
        if (lost) await this.fail(lost, { code: 'E_WORKER_FAILED', message: `The worker stopped (${signal ?? `exit ${code}`})${why ? `: ${why}` : ''}`, interrupted: true });
        if (!ready && ++this.startFailures >= 3) {
          for (const item of this.queue.splice(0)) await this.fail(item, { code: 'E_WORKER_FAILED', message: `No worker process could start${why ? `: ${why}` : ''}`, interrupted: true });
        }
        this.active--;
        if (this.queue.length) this.spawn();
        else if (this.active === 0) this.resolveAll();
      };
      void after();
    });
  }

  private async fail(item: BatchItem, error: ResultError): Promise<void> {
    await writeError(item, error);
    this.opts.onEvent?.({ type: 'file', file: item.rel, status: 'error', pages: 0, error: error.code });
  }
}

/**
 * Forks this module as a worker; from sources (.ts) the child loads tsx first. The worker leads a
 * process group of its own, so stopping it stops the tools it runs (tesseract, pdftoppm) too.
 */
function startWorker(): ChildProcess {
  const self = fileURLToPath(import.meta.url);
  const execArgv = self.endsWith('.ts') ? ['--import', pathToFileURL(createRequire(import.meta.url).resolve('tsx')).href] : [];
  return fork(self, [WORKER_FLAG], { execArgv, stdio: ['ignore', 'ignore', 'pipe', 'ipc'], serialization: 'json', detached: process.platform !== 'win32' });
}

/** Kills a worker and its process group: an OCR tool it was waiting on must not outlive it. */
function killWorker(child: ChildProcess): void {
  try {
    if (child.pid === undefined || process.platform === 'win32') throw new Error('no process group');
    process.kill(-child.pid, 'SIGKILL');
  } catch {
    child.kill('SIGKILL');
  }
}

/** The worker: audits the files it is sent, one at a time, writing each result itself. */
async function workerMain(): Promise<void> {
  const send = (m: FromWorker) => process.send?.(m);
  // A parent that dies (killed batch) takes its workers with it, and each worker the tools it runs:
  // no orphan keeps computing. A worker the parent lets go between files has nothing left to wait
  // for and ends as a process does (its exit handlers run).
  const tools = new Set<number>();
  let busy = false;
  watchTools((pid, running) => (running ? tools.add(pid) : tools.delete(pid)));
  process.on('disconnect', () => {
    for (const pid of tools) {
      try {
        process.kill(pid, 'SIGKILL');
      } catch {
        // ended already
      }
    }
    if (busy) process.kill(process.pid, 'SIGTERM');
  });
  const { readTables } = await import('./tables.js');
  const { extractReport } = await import('../extract/index.js');
  const { auditReport } = await import('./audit.js');
  const stores = new Map<string, import('../store/index.js').Store>();

  process.on('message', (m: ToWorker) => {
    busy = true;
    void (async () => {
      let pages = 0;
      const onPage = (page: number, total: number) => {
        pages = total;
        send({ type: 'page', page, pages: total });
      };
      const source: ResultSource = { file: m.rel, sha256: m.sha256, bytes: m.bytes, pages: 0, pipeline: m.pipeline };
      try {
        let result: import('../model/report.js').AuditResult;
        if (m.db) {
          const { openStore } = await import('../store/index.js');
          const { auditCached } = await import('./cache.js');
          const store = stores.get(m.db) ?? openStore(m.db);
          stores.set(m.db, store);
          const out = await auditCached(m.file, store, { ocr: m.ocr, ocrConcurrency: m.ocrConcurrency, limits: m.limits, isolate: true, onPage });
          result = out.result;
          pages = out.pageCount;
        } else {
          const layout = await readTables(m.file, { ocr: m.ocr, ocrConcurrency: m.ocrConcurrency, limits: m.limits, isolate: true, onPage });
          pages = layout.pageCount;
          result = auditReport(extractReport(layout));
        }
        await writeAtomic(m.result, JSON.stringify({ ...result, source: { ...source, pages } }, null, 2) + '\n');
        send({ type: 'done', ok: true, pages });
      } catch (err) {
        const e = toAppError(err, { stage: 'batch', file: m.rel });
        const error = { code: e.code, message: e.message };
        await writeAtomic(m.result, JSON.stringify({ error, source: { ...source, pages } }, null, 2) + '\n');
        send({ type: 'done', ok: false, pages, error });
      } finally {
        busy = false;
      }
    })();
  });
  send({ type: 'ready' });
}

async function removeStaleTemps(dir: string): Promise<void> {
  for (const name of await readdir(dir)) if (/\.tmp-\d+-[0-9a-f]+$/.test(name)) await rm(path.join(dir, name), { force: true });
}

/**
 * Every file below `dir`, links followed (a folder reached twice, as by a link to a parent, is
 * walked once). A link that points to nothing is listed, so that it is reported rather than lost.
 */
async function walk(dir: string, seen = new Set<string>()): Promise<string[]> {
  const real = await realpath(dir).catch(() => dir);
  if (seen.has(real)) return [];
  seen.add(real);
  const out: string[] = [];
  for (const e of await readdir(dir, { withFileTypes: true })) {
    const full = path.join(dir, e.name);
    const st = e.isSymbolicLink() ? await stat(full).catch(() => null) : e;
    if (!st) out.push(full);
    else if (st.isDirectory()) out.push(...(await walk(full, seen)));
    else if (st.isFile()) out.push(full);
  }
  return out;
}

function commonDir(files: string[]): string {
  let parts = path.dirname(files[0]!).split(path.sep);
  for (const f of files.slice(1)) {
    const p = path.dirname(f).split(path.sep);
    let i = 0;
    while (i < parts.length && i < p.length && parts[i] === p[i]) i++;
    parts = parts.slice(0, i);
  }
  return parts.join(path.sep) || path.sep;
}

/** `a/b/**\/*.pdf` → base `a/b` and a regexp over paths relative to it. */
function globToRegExp(glob: string): { base: string; re: RegExp } {
  const segs = glob.split(/[\\/]/);
  const firstMagic = segs.findIndex((s) => /[*?[{]/.test(s));
  const base = segs.slice(0, firstMagic).join('/') || '.';
  let re = '';
  const rest = segs.slice(firstMagic).join('/');
  for (let i = 0; i < rest.length; i++) {
    const c = rest[i]!;
    if (c === '*' && rest[i + 1] === '*') {
      re += rest[i + 2] === '/' ? '(?:.*/)?' : '.*';
      i += rest[i + 2] === '/' ? 2 : 1;
    } else if (c === '*') re += '[^/]*';
    else if (c === '?') re += '[^/]';
    else if (c === '{') {
      const end = rest.indexOf('}', i);
      re += `(?:${rest.slice(i + 1, end).split(',').map(escapeRe).join('|')})`;
      i = end;
    } else if (c === '[') {
      const end = rest.indexOf(']', i);
      re += rest.slice(i, end + 1);
      i = end;
    } else re += escapeRe(c);
  }
  return { base, re: new RegExp(`^${re}$`, 'i') };
}

function escapeRe(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
}

/** Excel sheet names: at most 31 characters, none of `[]:*?/\`, unique in the workbook. */
function sheetName(name: string, used: Set<string>): string {
  const clean = name.replace(/[[\]:*?/\\]/g, ' ').slice(0, 31) || 'sheet';
  let candidate = clean;
  for (let i = 2; used.has(candidate.toLowerCase()); i++) candidate = `${clean.slice(0, 28)}~${i}`;
  used.add(candidate.toLowerCase());
  return candidate;
}

if (process.argv.includes(WORKER_FLAG) && process.send && process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  void workerMain();
}
