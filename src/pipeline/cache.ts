/**
 * Auditing through the store: results are kept per content hash and pipeline version, so auditing
 * an unchanged file again reads the stored result instead of parsing the PDF.
 */
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, type Dirent } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { AppError } from '../errors.js';
import { CHECK_IDS, SEVERITY_ORDER } from '../checks/index.js';
import { SCHEMA_VERSION, type AuditResult, type Finding, type Severity } from '../model/report.js';
import type { LayoutDocument } from '../model/table.js';
import type { ArtifactKey, Progress, Store } from '../store/index.js';
import type { AuditOptions } from './audit.js';

export interface CachedAuditOptions extends AuditOptions {
  /** Name to give the file in the result (an upload's original name rather than a temp path). */
  name?: string;
  /** Stage and page progress while the PDF is processed (not called on a cache hit but for `done`). */
  onProgress?: (p: Progress) => void;
  /**
   * Computes the layout and the audit of a file not found in the store: default `computeAudit` in
   * this thread; the server passes one that runs it in a worker thread.
   */
  compute?: (file: string, opts: CachedAuditOptions) => Promise<Computed>;
}

/** The layout and the full (unfiltered) audit of a PDF. */
export interface Computed {
  layout: LayoutDocument;
  result: AuditResult;
}

export interface CachedAudit {
  result: AuditResult;
  /** True when nothing was recomputed. */
  cached: boolean;
  sha256: string;
  pageCount: number;
  key: ArtifactKey;
}

/** The folders whose code decides a result; a change to any of them is a new pipeline version. */
const STAGES = ['ingest', 'layout', 'numbers', 'extract', 'checks', 'model'];
const STAGE_FILES = ['pipeline/tables', 'pipeline/extract', 'pipeline/audit'];
let memo: string | undefined;

/** Written by the build beside the compiled code: the hash of the stages' TypeScript sources. */
export const STAGES_HASH_FILE = 'stages.sha256';

/**
 * The pipeline's version: the schema version and a hash of the stages' source, so results cached
 * by one build are never served by another that would compute them differently. Compiled code
 * reads the hash its build took of the sources, so it shares stored results with those sources.
 *
 * @example
 *   pipelineVersion(); // 's1-3f9a0c1d2e4b'
 */
export function pipelineVersion(): string {
  if (memo) return memo;
  const here = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
  const built = path.join(here, STAGES_HASH_FILE);
  const hash = existsSync(built) ? readFileSync(built, 'utf8').trim() : stageSourceHash(here);
  memo = `s${SCHEMA_VERSION}-${hash.slice(0, 12)}`;
  return memo;
}

/**
 * Hex sha256 of the stages' source files under `srcDir` (the folder holding `ingest/`, `layout/`…).
 *
 * @example
 *   stageSourceHash('src'); // '3f9a0c1d2e4b…'
 */
export function stageSourceHash(srcDir: string): string {
  const hash = createHash('sha256');
  const files = STAGES.flatMap((dir) => listSources(path.join(srcDir, dir)));
  for (const f of STAGE_FILES) files.push(...['.ts', '.js'].map((ext) => path.join(srcDir, f + ext)).filter((f) => existsSync(f)));
  for (const f of files.sort()) hash.update(path.relative(srcDir, f)).update('\0').update(readFileSync(f)).update('\0');
  return hash.digest('hex');
}

/**
 * Audits a PDF, reading the result from the store when the same bytes were audited by the same
 * pipeline with the same options; otherwise computes it and stores the layout, model and findings.
 * `minSeverity` and `only` filter the findings after the cache, so they never cause a recompute.
 *
 * @example
 *   const { result, cached } = await auditCached('samples/003_eded5028092eddcb.pdf', store, { ocr: 'off' });
 */
export async function auditCached(file: string, store: Store, opts: CachedAuditOptions = {}): Promise<CachedAudit> {
  const unknown = opts.only?.filter((id) => !CHECK_IDS.includes(id)) ?? [];
  if (unknown.length) throw new AppError('E_BAD_ARGUMENT', `Unknown check ${unknown.join(', ')}; known: ${CHECK_IDS.join(', ')}`, { stage: 'audit', file });
  // The stages (pdfjs among them) load on first use: importing this module for `resultVersion` stays cheap.
  const { loadPdfBytes } = await import('../ingest/index.js');
  const bytes = await loadPdfBytes(file, opts.maxBytes);
  const sha256 = createHash('sha256').update(bytes).digest('hex');
  const key: ArtifactKey = { sha256, version: resultVersion(opts) };
  const name = opts.name ?? file;
  await store.putDocument({ id: sha256, name: path.basename(name), size: bytes.byteLength });

  const hit = await readStored(store, key, opts);
  if (hit) {
    opts.onProgress?.({ stage: 'done', done: hit.pageCount, total: hit.pageCount });
    return { result: finish(hit.result, name, opts), cached: true, sha256, pageCount: hit.pageCount, key };
  }

  const { layout, result } = await (opts.compute ?? computeAudit)(file, opts);
  await store.putLayout(key, layout);
  await store.putAudit(key, result);
  opts.onProgress?.({ stage: 'done', done: layout.pageCount, total: layout.pageCount });
  return { result: finish(result, name, opts), cached: false, sha256, pageCount: layout.pageCount, key };
}

/**
 * PDF → layout → model → full audit, with stage and page progress; the computing part of
 * `auditCached`, to run wherever the caller wants it.
 *
 * @example
 *   const { layout, result } = await computeAudit('report.pdf', { ocr: 'off' });
 */
export async function computeAudit(file: string, opts: CachedAuditOptions): Promise<Computed> {
  const { readTables } = await import('./tables.js');
  const { extractReport } = await import('../extract/index.js');
  const { auditReport } = await import('./audit.js');
  const read = await readTables(file, {
    ...opts,
    onPage: (page, total) => {
      opts.onPage?.(page, total);
      opts.onProgress?.({ stage: 'read', done: Math.min(page, total), total });
    },
    onOcrPage: (page, done, total) => {
      opts.onOcrPage?.(page, done, total);
      opts.onProgress?.({ stage: 'ocr', done, total });
    },
    onLayout: () => {
      opts.onLayout?.();
      opts.onProgress?.({ stage: 'layout', done: 0, total: 0 });
    },
  });
  // Stored under the name given, not a temporary path the file may have been copied to.
  const layout = { ...read, file: opts.name ?? file };
  opts.onProgress?.({ stage: 'extract', done: 0, total: 0 });
  const report = extractReport(layout, opts);
  opts.onProgress?.({ stage: 'audit', done: 0, total: 0 });
  // The full result is stored; filters apply to the copy handed back.
  return { layout, result: auditReport(report) };
}

/**
 * The version results are stored under: the pipeline version plus the options that change them.
 *
 * @example
 *   resultVersion({ ocr: 'off' }); // 's1-3f9a0c1d2e4b+no-ocr'
 */
export function resultVersion(opts: Pick<CachedAuditOptions, 'ocr' | 'pages' | 'hints' | 'limits'> = {}): string {
  const parts = [pipelineVersion()];
  if (opts.ocr === 'off') parts.push('no-ocr');
  // Limits other than the defaults can leave other pages unread.
  const limits = Object.entries(opts.limits ?? {}).sort(([a], [b]) => a.localeCompare(b));
  if (limits.length) parts.push(`l${createHash('sha256').update(JSON.stringify(limits)).digest('hex').slice(0, 8)}`);
  if (opts.pages?.length) parts.push(`p${createHash('sha256').update(opts.pages.join(',')).digest('hex').slice(0, 8)}`);
  if (opts.hints?.length) parts.push(`h${createHash('sha256').update(JSON.stringify(opts.hints)).digest('hex').slice(0, 8)}`);
  return parts.join('+');
}

async function readStored(store: Store, key: ArtifactKey, opts: CachedAuditOptions): Promise<{ result: AuditResult; pageCount: number } | null> {
  try {
    const result = await store.getAudit(key);
    const layout = result && (await store.getLayout(key));
    if (!result || !layout) return null;
    // Pages left unread because OCR was missing are read now that it is there.
    if (opts.ocr !== 'off' && missedOcr(layout) && (await (await import('../ingest/index.js')).ocrAvailable()).ok) return null;
    return { result, pageCount: layout.pageCount };
  } catch (err) {
    // A stored value that no longer validates is recomputed and overwritten, not fatal.
    if (err instanceof AppError && err.code === 'E_STORE') return null;
    throw err;
  }
}

function missedOcr(layout: LayoutDocument): boolean {
  return layout.warnings.some((w) => w.code === 'E_OCR_UNAVAILABLE');
}

function finish(result: AuditResult, name: string, opts: CachedAuditOptions): AuditResult {
  const rank = (s: Severity) => SEVERITY_ORDER.indexOf(s);
  const keep = (f: Finding) => (!opts.minSeverity || rank(f.severity) <= rank(opts.minSeverity)) && (!opts.only?.length || opts.only.includes(f.check));
  const checks = opts.only?.length ? result.checks.filter((c) => opts.only!.includes(c.id)) : result.checks;
  return { ...result, report: { ...result.report, file: name }, findings: result.findings.filter(keep), checks };
}

function listSources(dir: string): string[] {
  let entries: Dirent[];
  try {
    entries = readdirSync(dir, { withFileTypes: true });
  } catch {
    return [];
  }
  return entries.flatMap((e) => {
    const full = path.join(dir, e.name);
    if (e.isDirectory()) return listSources(full);
    return /\.(ts|js)$/.test(e.name) && !e.name.endsWith('.d.ts') ? [full] : [];
  });
}

