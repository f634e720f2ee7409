/**
 * OCR for image-only PDF pages: `pdftoppm` rasterises a page to gray PGM, ruling lines are detected
 * and erased (they are kept as `Rule`s for the table grid), and `tesseract` reads the cleaned image.
 * The result has the same `Page` shape as the text layer, words flagged `ocr: true` with `conf`.
 *
 * Choices, measured on the scanned table page 55 of samples/000_7d82b3f27f46e2ac.pdf (111 numeric
 * cells, tesseract 5.3 `ind`, 300 dpi):
 * - Erasing the rules first: 111/111 numbers exact; without it 57/111, as borders glue `|`, `/`, `!`
 *   to numbers and turn a final `0|` into `01` (`85.700.001`, `820000001`); 24 stay wrong even after
 *   stripping the glued marks.
 * - `--psm 6` (one uniform block): 111/111. With erased rules, psm 3 (auto) gets 89, psm 4 (columns)
 *   74 and psm 11 (sparse) 78: they drop lone one- and two-digit cells (row numbers, counts such as
 *   `12`) as noise. psm 6 also keeps each table row on one tesseract line.
 * - The `ind` model reads this font's `%` as `Y`/`Yo`/`Y6`; `lang: 'ind+eng'` reads all 19 of them
 *   but took ~1.7× the time and turned one `3` into `3.`.
 */
import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { AppError } from '../errors.js';
import type { Page, Word } from '../model/document.js';
import { estimateSkew, rotate } from './deskew.js';
import { paddleAvailable, paddleWords } from './ocr-paddle.js';
import { acceptReading, brokenFigures, crop, FIGURE_CHARS, groupBox, stackCrops, unstack } from './reread.js';
import { detectRules, eraseRules, readPgm, ruleDefaults, rulesToPoints, writePgm, type GrayImage } from './raster.js';
import { DEFAULT_LIMITS, OCR_TIME_FACTOR } from './scan.js';
import { toolStarted } from './tools.js';

export interface OcrAvailability {
  ok: boolean;
  /** Why OCR cannot run, naming the Debian package to install. */
  reason?: string;
  /** First line of `tesseract --version`, e.g. `tesseract 5.3.0`. */
  version?: string;
}

export interface OcrToolOptions {
  /** Defaults to the `LKJIP_TESSERACT` environment variable, else `tesseract` on PATH. */
  tesseractPath?: string;
  /** Defaults to `pdftoppm` on PATH. */
  pdftoppmPath?: string;
  /** Tesseract language(s), `+`-joined as tesseract takes them. Default `ind+eng` when installed, else `ind`. */
  lang?: string;
}

/** `tesseract` (default) or `paddle` (PP-OCRv4 on onnxruntime, see ocr-paddle.ts). */
export type OcrEngine = 'tesseract' | 'paddle';

export interface OcrOptions extends OcrToolOptions {
  /** Recognition engine. Default: the `LKJIP_OCR_ENGINE` environment variable, else `tesseract`. */
  engine?: OcrEngine;
  /** Raster resolution. Default 300; lowered for a page too large to raster at it (see `rasterDpi`). */
  dpi?: number;
  /** Page sizes in points, by page number, so large pages are rastered at a resolution that fits. */
  sizes?: Map<number, { width: number; height: number }>;
  /** Pages recognised at once, each tesseract single-threaded. Default `os.availableParallelism()`. */
  concurrency?: number;
  /**
   * Tesseract page segmentation mode. Default 6 (one uniform block): on scanned tables it keeps
   * every cell, where 3/4/11 drop lone short numbers (see the notes at the top of this file).
   */
  psm?: number;
  /** Erase ruling lines before recognition. Default true; off only to compare. */
  eraseRules?: boolean;
  /** Measure and undo the page's skew before recognition. Default true; off only to compare. */
  deskew?: boolean;
  /** Read broken figures again from their own box with figure characters only. Default true. */
  rereadFigures?: boolean;
  /** Cancels running tools; pages not finished get an E_OCR_FAILED entry with `context.aborted`. */
  signal?: AbortSignal;
  /**
   * Time one page's OCR may take, from rastering to the last re-read, in ms. A page that takes
   * longer has its tools killed and gets an E_OCR_FAILED entry with `limit: 'W_LIMIT_TIME'`; the
   * other pages go on. Default `OCR_TIME_FACTOR` × `DEFAULT_LIMITS.pageTimeoutMs` (4 × 30 s).
   */
  pageTimeoutMs?: number;
  /** Called once per page as soon as it is finished, successfully or not. */
  onPage?: (page: number) => void;
}

export interface OcrPageResult {
  page: number;
  result?: Page;
  error?: AppError;
  /** With `error`: the page passed its time limit (`pageTimeoutMs`), a limit warning rather than a failure of the tools. */
  limit?: 'W_LIMIT_TIME';
}

const TOOL_TIMEOUT_MS = 5 * 60_000;
/**
 * Below this a page is left as scanned: a border drifts by under 1.5 px across an A4 page at 300 dpi,
 * which rule detection follows as a staircase, and rotating would only blur the glyphs.
 */
const MIN_SKEW_DEGREES = 0.03;
const availabilityCache = new Map<string, Promise<OcrAvailability>>();

/**
 * Checks once per process (per tool paths and language) that `tesseract` with the language data and
 * `pdftoppm` are installed.
 *
 * @example
 *   const { ok, reason } = await ocrAvailable();
 *   if (!ok) console.warn(reason); // "tesseract was not found … install the Debian packages tesseract-ocr tesseract-ocr-ind"
 */
/**
 * Indonesian with English when both are installed: the English model reads the `%` that the
 * Indonesian one turns into `Y6`/`96` in tables (every `%` cell on the seed's scanned page), at about
 * 1.7× the recognition time; Indonesian alone otherwise.
 */
export async function defaultLang(options: OcrToolOptions = {}): Promise<string> {
  const both = await ocrAvailable({ ...options, lang: 'ind+eng' });
  return both.ok ? 'ind+eng' : 'ind';
}

export function ocrAvailable(options: OcrToolOptions = {}): Promise<OcrAvailability> {
  const tesseract = options.tesseractPath ?? defaultTesseract();
  const pdftoppm = options.pdftoppmPath ?? 'pdftoppm';
  const lang = options.lang ?? 'ind';
  const key = JSON.stringify([tesseract, pdftoppm, lang]);
  let cached = availabilityCache.get(key);
  if (!cached) {
    cached = checkAvailability(tesseract, pdftoppm, lang);
    availabilityCache.set(key, cached);
  }
  return cached;
}

async function checkAvailability(tesseract: string, pdftoppm: string, lang: string): Promise<OcrAvailability> {
  const langs = lang.split('+').filter(Boolean);
  const packages = ['tesseract-ocr', ...langs.map(debianLangPackage)].join(' ');
  let version: string;
  try {
    const out = await run(tesseract, ['--version'], { timeout: 10_000 });
    // Tesseract 4+ prints the version on stdout, 3.x on stderr.
    version = (out.stdout || out.stderr).split('\n')[0]?.trim() ?? '';
  } catch (err) {
    return {
      ok: false,
      reason: `tesseract was not found or does not run (${tesseract}: ${describe(err)}); install the Debian packages ${packages}`,
    };
  }
  try {
    const out = await run(tesseract, ['--list-langs'], { timeout: 10_000 });
    const available = new Set(
      (out.stdout + '\n' + out.stderr)
        .split('\n')
        .map((l) => l.trim())
        .filter(Boolean),
    );
    const missing = langs.filter((l) => !available.has(l));
    if (missing.length) {
      return {
        ok: false,
        version,
        reason: `tesseract has no language data for ${missing.join(', ')}; install the Debian package ${missing.map(debianLangPackage).join(' ')}`,
      };
    }
  } catch (err) {
    return { ok: false, version, reason: `tesseract --list-langs failed (${describe(err)}); reinstall ${packages}` };
  }
  try {
    await run(pdftoppm, ['-v'], { timeout: 10_000 });
  } catch (err) {
    return {
      ok: false,
      version,
      reason: `pdftoppm was not found or does not run (${pdftoppm}: ${describe(err)}); install the Debian package poppler-utils`,
    };
  }
  return { ok: true, version };
}

/**
 * OCRs the given 1-based pages of a PDF. Never rejects: a page that fails gets an `error` entry
 * (E_OCR_FAILED), every page gets E_OCR_UNAVAILABLE when the tools are missing and E_BAD_ARGUMENT
 * for invalid options. Entries come back in the order of `pages`.
 *
 * @example
 *   const [r] = await ocrPages('report.pdf', [55]);
 *   r?.result?.words[0]; // { text: '2', bbox: [67.44, 61.92, 71.52, 68.16], ocr: true, conf: 95.64 }
 */
export async function ocrPages(file: string, pages: number[], options: OcrOptions = {}): Promise<OcrPageResult[]> {
  const dpi = options.dpi ?? 300;
  const concurrency = options.concurrency ?? os.availableParallelism();
  const lang = options.lang ?? (await defaultLang(options));
  const psm = options.psm ?? 6;
  const engine = options.engine ?? defaultEngine();
  const pageTimeoutMs = options.pageTimeoutMs ?? OCR_TIME_FACTOR * DEFAULT_LIMITS.pageTimeoutMs;
  if (!pages.length) return [];
  const failAll = (make: (page: number) => AppError): OcrPageResult[] => {
    const out = pages.map((page) => ({ page, error: make(page) }));
    for (const { page } of out) notify(options.onPage, page);
    return out;
  };

  const badOption =
    !Number.isFinite(dpi) || dpi < 50 || dpi > 1200
      ? `dpi must be between 50 and 1200, got ${dpi}`
      : !Number.isInteger(concurrency) || concurrency < 1
        ? `concurrency must be a positive integer, got ${concurrency}`
      : !(pageTimeoutMs > 0 && Number.isFinite(pageTimeoutMs))
        ? `pageTimeoutMs must be a positive number of ms, got ${pageTimeoutMs}`
        : engine !== 'tesseract' && engine !== 'paddle'
          ? `engine must be "tesseract" or "paddle", got ${JSON.stringify(engine)}`
        : !Number.isInteger(psm) || psm < 0 || psm > 13
          ? `psm must be a tesseract page segmentation mode 0..13, got ${psm}`
          : !/^[A-Za-z0-9_]+(\+[A-Za-z0-9_]+)*$/.test(lang)
            ? `lang must look like "ind" or "ind+eng", got ${JSON.stringify(lang)}`
            : undefined;
  if (badOption) return failAll((page) => new AppError('E_BAD_ARGUMENT', badOption, { stage: 'ocr', file, page }));

  const tools = { tesseractPath: options.tesseractPath, pdftoppmPath: options.pdftoppmPath, lang };
  const availability = engine === 'paddle' ? await paddleReady(tools.pdftoppmPath ?? 'pdftoppm') : await ocrAvailable(tools);
  if (!availability.ok) {
    const reason = availability.reason ?? 'OCR tools are unavailable';
    return failAll((page) => new AppError('E_OCR_UNAVAILABLE', `Cannot OCR image-only pages: ${reason}`, { stage: 'ocr', file, page }));
  }

  let tmp: string;
  try {
    tmp = await mkdtemp(path.join(os.tmpdir(), 'lkjip-ocr-'));
  } catch (err) {
    return failAll((page) => new AppError('E_OCR_FAILED', `Cannot create a temporary directory: ${describe(err)}`, { stage: 'ocr', file, page }, { cause: err }));
  }

  const job: PageJob = {
    // Absolute, so a file name starting with `-` is never taken for an option.
    file: path.resolve(file),
    tmp,
    dpi,
    lang,
    psm,
    engine,
    erase: options.eraseRules ?? true,
    deskew: options.deskew ?? true,
    reread: options.rereadFigures ?? true,
    tesseract: options.tesseractPath ?? defaultTesseract(),
    pdftoppm: options.pdftoppmPath ?? 'pdftoppm',
    signal: options.signal,
    pageTimeoutMs,
  };
  const results: OcrPageResult[] = new Array<OcrPageResult>(pages.length);
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < pages.length) {
      const index = next++;
      const page = pages[index]!;
      const size = options.sizes?.get(page);
      results[index] = await ocrOne(size ? { ...job, dpi: rasterDpi(job.dpi, size) } : job, index, page, file);
      notify(options.onPage, page);
    }
  };
  try {
    await Promise.all(Array.from({ length: Math.min(concurrency, pages.length) }, worker));
  } finally {
    await rm(tmp, { recursive: true, force: true }).catch(() => undefined);
  }
  return results;
}

/** Longest side and area of a page raster: pdftoppm fails on larger ones (a 14,400-pt page at 300 dpi is 60,000 px a side). */
const MAX_RASTER_SIDE = 10_000;
const MAX_RASTER_PIXELS = 60_000_000;

/**
 * The resolution to raster a page at: `dpi`, or less when the page would pass the raster limits.
 *
 * @example
 *   rasterDpi(300, { width: 595, height: 842 }); // 300
 *   rasterDpi(300, { width: 14400, height: 14400 }); // 38 (7,600 px a side, under 60 million pixels)
 */
export function rasterDpi(dpi: number, size: { width: number; height: number }): number {
  const side = Math.max(size.width, size.height) / 72;
  const area = (size.width / 72) * (size.height / 72);
  if (!(side > 0 && area > 0)) return dpi;
  return Math.max(1, Math.min(dpi, Math.floor(MAX_RASTER_SIDE / side), Math.floor(Math.sqrt(MAX_RASTER_PIXELS / area))));
}

/** The tesseract program `LKJIP_TESSERACT` names (another build, or a stand-in in tests), else `tesseract` on PATH. */
function defaultTesseract(): string {
  return process.env.LKJIP_TESSERACT?.trim() || 'tesseract';
}

/** The engine `LKJIP_OCR_ENGINE` names, `tesseract` when it is unset; a wrong name is reported by ocrPages. */
function defaultEngine(): OcrEngine {
  const name = process.env.LKJIP_OCR_ENGINE?.trim();
  return (name || 'tesseract') as OcrEngine;
}

/** The paddle engine needs `pdftoppm` and its npm packages, not tesseract. */
async function paddleReady(pdftoppm: string): Promise<OcrAvailability> {
  try {
    await run(pdftoppm, ['-v'], { timeout: 10_000 });
  } catch (err) {
    return { ok: false, reason: `pdftoppm was not found or does not run (${pdftoppm}: ${describe(err)}); install the Debian package poppler-utils` };
  }
  const paddle = await paddleAvailable();
  return paddle.ok ? { ok: true, version: 'PP-OCRv4 (onnxruntime)' } : { ok: false, reason: paddle.reason ?? 'the PaddleOCR engine cannot load' };
}

interface PageJob {
  file: string;
  tmp: string;
  dpi: number;
  lang: string;
  psm: number;
  engine: OcrEngine;
  erase: boolean;
  deskew: boolean;
  reread: boolean;
  tesseract: string;
  pdftoppm: string;
  signal: AbortSignal | undefined;
  /** The page's time limit (see `OcrOptions.pageTimeoutMs`). */
  pageTimeoutMs: number;
}

async function ocrOne(job: PageJob, index: number, page: number, file: string): Promise<OcrPageResult> {
  const context = { stage: 'ocr', file, page };
  if (!Number.isInteger(page) || page < 1) {
    return { page, error: new AppError('E_BAD_PAGES', `Page numbers start at 1, got ${page}`, context) };
  }
  if (job.signal?.aborted) {
    return { page, error: new AppError('E_OCR_FAILED', 'OCR was cancelled', { ...context, aborted: true }) };
  }
  // The index keeps names unique when a page is listed twice.
  const base = path.join(job.tmp, `${index}-p${page}`);
  // The page's time limit: when it passes, the page's running tool is killed (and any later one
  // refused) and the page is reported at once, whatever step it was in.
  const overtime = new AbortController();
  const signal = job.signal ? AbortSignal.any([job.signal, overtime.signal]) : overtime.signal;
  let timer: NodeJS.Timeout | undefined;
  const limit = new Promise<'overtime'>((resolve) => {
    timer = setTimeout(() => {
      overtime.abort();
      resolve('overtime');
    }, job.pageTimeoutMs);
  });
  const reading = recognise({ ...job, signal }, page, base);
  // A page given up on may still fail afterwards (its tool killed): that is not an error of the run.
  reading.catch(() => undefined);
  try {
    const read = await Promise.race([reading, limit]);
    if (read !== 'overtime') return { page, result: read };
    const seconds = Math.round(job.pageTimeoutMs / 100) / 10;
    return {
      page,
      limit: 'W_LIMIT_TIME',
      error: new AppError('E_OCR_FAILED', `OCR took longer than ${seconds} s (the per-page time limit for OCR)`, { ...context, limit: 'W_LIMIT_TIME', timeoutMs: job.pageTimeoutMs }),
    };
  } catch (err) {
    const aborted = job.signal?.aborted === true;
    const message = aborted ? 'OCR was cancelled' : `OCR failed: ${describe(err)}`;
    return { page, error: new AppError('E_OCR_FAILED', message, aborted ? { ...context, aborted } : context, { cause: err }) };
  } finally {
    clearTimeout(timer);
    // Per page, so a long run holds at most `concurrency` rasters (~9 MB each at 300 dpi) on disk.
    await Promise.all([`${base}.pgm`, `${base}-clean.pgm`].map((f) => rm(f, { force: true }).catch(() => undefined)));
  }
}

async function recognise(job: PageJob, page: number, base: string): Promise<Page> {
  const { dpi, signal } = job;
  await run(job.pdftoppm, ['-r', String(dpi), '-gray', '-f', String(page), '-l', String(page), '-singlefile', job.file, base], {
    signal,
    timeout: TOOL_TIMEOUT_MS,
  });
  const scanned = readPgm(await readFile(`${base}.pgm`));
  // Straightened first: skewed borders are staircases to rule detection, and tesseract's psm-6 lines
  // would run from one table row into the next.
  const skew = job.deskew ? estimateSkew(scanned) : 0;
  const image = Math.abs(skew) >= MIN_SKEW_DEGREES ? rotate(scanned, skew) : scanned;
  const found = job.erase ? detectRules(image, ruleDefaults(dpi)) : [];
  const clean = found.length ? eraseRules(image, found) : image;
  let words: Word[];
  if (job.engine === 'paddle') {
    words = await paddleWords(clean, dpi);
  } else {
    await writeFile(`${base}-clean.pgm`, writePgm(clean));
    const read = await tesseractWords(job, `${base}-clean.pgm`, job.psm);
    words = dropSpecks(job.reread ? await rereadFigures(job, read, clean, base) : read);
  }
  const k = 72 / dpi;
  const result: Page = {
    page,
    width: round2(image.width * k),
    height: round2(image.height * k),
    source: 'ocr',
    words,
    rules: rulesToPoints(found, dpi),
  };
  if (image !== scanned) result.skew = skew;
  if (!words.length) result.warning = 'OCR found no text on this page';
  return result;
}

/** Below this confidence a lone one- or two-character word is taken for a speck of the scan. */
const SPECK_CONF = 30;

/**
 * Drops the marks tesseract reads out of specks of dirt: a word of one or two characters, read
 * with low confidence, or a lone dot or comma, with no other word on its line within three of its
 * heights. A speck beside a heading ("Sumber Daya 0") would otherwise make the heading a row of
 * figures. Dashes are kept: a lone "-" in a figure column is the report's nil.
 *
 * @example
 *   dropSpecks([{ text: 'Daya', bbox: [233, 93, 259, 104], ocr: true, conf: 97 }, { text: '0', bbox: [471, 93, 481, 104], ocr: true, conf: 15 }]).length; // 1
 */
export function dropSpecks(words: readonly Word[]): Word[] {
  const speck = (w: Word): boolean => {
    const mark = /^[.,'`´·:;_~]$/.test(w.text);
    if (!mark && ((w.conf ?? 100) >= SPECK_CONF || !/^[\p{L}\p{N}]{1,2}$/u.test(w.text))) return false;
    const h = w.bbox[3] - w.bbox[1];
    const reach = Math.max(h, 4) * 3;
    return !words.some((o) => o !== w && Math.min(o.bbox[3], w.bbox[3]) - Math.max(o.bbox[1], w.bbox[1]) > 0 && o.bbox[0] < w.bbox[2] + reach && o.bbox[2] > w.bbox[0] - reach);
  };
  return words.filter((w) => !speck(w));
}

/** Tesseract's words on an image, in points. */
async function tesseractWords(job: PageJob, image: string, psm: number, extra: string[] = []): Promise<Word[]> {
  // One thread per tesseract and pages in parallel: its OpenMP threading is ~3× slower on 2 cores.
  const { stdout } = await run(job.tesseract, [image, 'stdout', '-l', job.lang, '--psm', String(psm), '--dpi', String(job.dpi), ...extra, 'tsv'], {
    signal: job.signal,
    timeout: TOOL_TIMEOUT_MS,
    env: { ...process.env, OMP_THREAD_LIMIT: '1' },
  });
  return parseTesseractTsv(stdout, job.dpi);
}

/**
 * Reads again, from the cleaned page, each group of words where a figure came out broken (see
 * reread.ts), as one line of figure characters, and keeps the new words where they all read as
 * numbers. The groups' crops are stacked into one sheet read by one tesseract run.
 */
async function rereadFigures(job: PageJob, words: Word[], clean: GrayImage, base: string): Promise<Word[]> {
  const groups = brokenFigures(words);
  if (!groups.length) return words;
  const boxes = groups.map((g) => groupBox(g, job.dpi, clean));
  const crops = boxes.map((b) => crop(clean, b));
  const { sheet, offsets } = stackCrops(crops);
  const file = `${base}-figures.pgm`;
  await writeFile(file, writePgm(sheet));
  let read: Word[];
  try {
    // One run for the page: each crop is a line of the sheet.
    read = await tesseractWords(job, file, 6, ['-c', `tessedit_char_whitelist=${FIGURE_CHARS}`]);
  } finally {
    await rm(file, { force: true }).catch(() => undefined);
  }
  const perCrop = unstack(read, crops, offsets, job.dpi);
  const replaced = new Map<Word, Word[]>();
  groups.forEach((group, i) => {
    const better = acceptReading(perCrop[i]!, boxes[i]!, job.dpi);
    if (!better) return;
    replaced.set(group[0]!, better.map((w) => ({ ...w, reread: true })));
    for (const w of group.slice(1)) replaced.set(w, []);
  });
  return words.flatMap((w) => replaced.get(w) ?? [w]);
}

/**
 * Turns tesseract TSV output into words in points (px × 72/dpi, top-left origin). Only level-5
 * rows (words) are kept; empty words and conf < 0 (layout-only rows) are dropped.
 *
 * @example
 *   parseTesseractTsv('level\tpage_num\tblock_num\tpar_num\tline_num\tword_num\tleft\ttop\twidth\theight\tconf\ttext\n' +
 *     '5\t1\t1\t1\t1\t1\t300\t600\t150\t50\t95.5\t100.00', 300);
 *   // [{ text: '100.00', bbox: [72, 144, 108, 156], ocr: true, conf: 95.5 }]
 */
export function parseTesseractTsv(tsv: string, dpi: number): Word[] {
  const lines = tsv.split(/\r?\n/);
  const header = lines[0]?.split('\t') ?? [];
  const hasHeader = header[0] === 'level';
  const names = ['level', 'left', 'top', 'width', 'height', 'conf', 'text'] as const;
  const defaults = { level: 0, left: 6, top: 7, width: 8, height: 9, conf: 10, text: 11 };
  const col = Object.fromEntries(
    names.map((n) => [n, hasHeader && header.indexOf(n) >= 0 ? header.indexOf(n) : defaults[n]]),
  ) as Record<(typeof names)[number], number>;
  const k = 72 / dpi;
  const words: Word[] = [];
  for (const line of lines.slice(hasHeader ? 1 : 0)) {
    if (!line) continue;
    const cells = line.split('\t');
    if (Number(cells[col.level]) !== 5) continue;
    const text = stripRuleRemnants(cells.slice(col.text).join('\t').trim());
    const conf = Number(cells[col.conf]);
    if (!text || !Number.isFinite(conf) || conf < 0) continue;
    const left = Number(cells[col.left]);
    const top = Number(cells[col.top]);
    const width = Number(cells[col.width]);
    const height = Number(cells[col.height]);
    if (![left, top, width, height].every(Number.isFinite)) continue;
    words.push({
      text,
      bbox: [round2(left * k), round2(top * k), round2((left + width) * k), round2((top + height) * k)],
      ocr: true,
      conf: round2(conf),
    });
  }
  return words;
}

/**
 * A vertical border the eraser left a sliver of is read as `|` (or `¦`, `‖`), a horizontal one as
 * `_`, glued to the word beside it (`|Uraian`, `8.485.813.200,-|`, `__`). No table word starts or
 * ends with these marks, so they are cut from both ends; a word of nothing else is dropped.
 *
 * @example
 *   stripRuleRemnants('|12,5|'); // '12,5'
 *   stripRuleRemnants('__');     // ''
 */
export function stripRuleRemnants(text: string): string {
  return text.replace(/^[|¦‖_]+/u, '').replace(/[|¦‖_]+$/u, '').trim();
}

interface RunOptions {
  signal?: AbortSignal | undefined;
  timeout?: number;
  env?: NodeJS.ProcessEnv;
}

/** Runs a tool without a shell; rejects with its stderr in the message on a non-zero exit. */
function run(cmd: string, args: string[], opts: RunOptions = {}): Promise<{ stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = execFile(
      cmd,
      args,
      // SIGKILL: a tool stopped for its time (or a cancelled run) must not outlive the page.
      { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024, signal: opts.signal, timeout: opts.timeout, killSignal: 'SIGKILL', env: opts.env, windowsHide: true },
      (err, stdout, stderr) => {
        if (err) {
          const detail = stderr.trim().split('\n').slice(-3).join(' ').trim();
          reject(new Error(`${path.basename(cmd)} ${detail || err.message}`, { cause: err }));
        } else resolve({ stdout, stderr });
      },
    );
    toolStarted(child.pid, true);
    child.once('exit', () => toolStarted(child.pid, false));
  });
}

function debianLangPackage(lang: string): string {
  return `tesseract-ocr-${lang.toLowerCase().replace(/_/g, '-')}`;
}

function describe(err: unknown): string {
  const cause = err instanceof Error && err.cause instanceof Error ? err.cause : err;
  if (cause && typeof cause === 'object' && 'code' in cause && cause.code === 'ENOENT') return 'not found';
  return err instanceof Error ? err.message : String(err);
}

function notify(onPage: ((page: number) => void) | undefined, page: number): void {
  try {
    onPage?.(page);
  } catch {
    // Progress reporting must not turn a recognised page into a failure.
  }
}

function round2(v: number): number {
  return Math.round(v * 100) / 100;
}
