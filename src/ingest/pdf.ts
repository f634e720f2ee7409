import { createRequire } from 'node:module';
import path from 'node:path';
import { createHash } from 'node:crypto';
import * as pdfjs from 'pdfjs-dist/legacy/build/pdf.mjs';
import { AppError } from '../errors.js';
import type { Rule, Word, Warning } from '../model/document.js';
import { loadPdfBytes, selectPages, unreadPage, type PdfReadOptions, type RawPage, type RawPdf } from './file.js';
import type { BBox } from '../model/geometry.js';
import { DEFAULT_LIMITS, scanPdf, type IngestLimits, type PageProblem } from './scan.js';

/** Rules thicker than this (points) are filled areas, not ruling lines. */
const MAX_RULE_THICKNESS = 2.5;
/** Shortest segment kept as a rule, in points. */
const MIN_RULE_LENGTH = 4;
/** A page with fewer printable characters than this and a large image is treated as scanned. */
const MIN_TEXT_CHARS = 25;

export { DEFAULT_MAX_BYTES, loadPdfBytes, parsePageRange, selectPages, unreadPage, type PdfReadOptions, type RawPage, type RawPdf } from './file.js';

const require = createRequire(import.meta.url);
const pdfjsRoot = path.dirname(require.resolve('pdfjs-dist/package.json'));
const STANDARD_FONTS = path.join(pdfjsRoot, 'standard_fonts') + path.sep;
const CMAPS = path.join(pdfjsRoot, 'cmaps') + path.sep;

/**
 * Opens a PDF with pdfjs and maps its failures to AppError codes.
 *
 * @example
 *   const doc = await openPdf(bytes, 'report.pdf');
 */
export async function openPdf(bytes: Uint8Array, file: string, limits: Pick<IngestLimits, 'maxImagePixels'> = DEFAULT_LIMITS): Promise<pdfjs.PDFDocumentProxy> {
  const ctx = { stage: 'ingest', file };
  const task = pdfjs.getDocument({
    data: bytes.slice(),
    // Inline images are not seen by the scan; pdf.js drops those above this size itself.
    maxImageSize: limits.maxImagePixels,
    isEvalSupported: false,
    disableFontFace: true,
    useSystemFonts: false,
    standardFontDataUrl: STANDARD_FONTS,
    cMapUrl: CMAPS,
    cMapPacked: true,
    verbosity: 0,
    stopAtErrors: false,
  });
  let doc: pdfjs.PDFDocumentProxy;
  try {
    doc = await task.promise;
  } catch (err) {
    const name = (err as { name?: string }).name ?? '';
    if (name === 'PasswordException') {
      throw new AppError('E_PDF_ENCRYPTED', 'The PDF is password-protected; remove the password and try again', ctx, { cause: err });
    }
    const msg = err instanceof Error ? err.message : String(err);
    throw new AppError('E_PDF_CORRUPT', `The PDF is damaged or truncated and cannot be read (${msg})`, ctx, { cause: err });
  }
  if (doc.numPages < 1) {
    await doc.destroy();
    throw new AppError('E_PDF_NO_PAGES', 'The PDF has no pages', ctx);
  }
  return doc;
}

/**
 * Reads every page's positioned words and ruling lines from the PDF's text layer. Pages without a
 * usable text layer come back with `needsOcr: true`; a page that fails is reported and skipped.
 *
 * @example
 *   const raw = await readPdf('samples/000_7d82b3f27f46e2ac.pdf', { pages: [8, 9] });
 *   raw.pages[0].words[0]; // { text: 'Tabel', bbox: [...], ocr: false, ... }
 */
export async function readPdf(file: string, opts: PdfReadOptions = {}): Promise<RawPdf> {
  const bytes = await loadPdfBytes(file, opts.maxBytes);
  const sha256 = createHash('sha256').update(bytes).digest('hex');
  const limits: IngestLimits = { ...DEFAULT_LIMITS, ...opts.limits };
  const scan = scanPdf(bytes, limits);
  if (scan.documentProblem) throw new AppError('E_PDF_UNREADABLE', `The PDF cannot be read within the limits: ${scan.documentProblem.message}`, { stage: 'ingest', file });
  const doc = await openPdf(bytes, file, limits);
  const warnings: Warning[] = [];
  const pages: RawPage[] = [];
  try {
    const wanted = selectPages(opts.pages, doc.numPages, file);
    opts.onOpen?.({ sha256, pageCount: doc.numPages, pages: wanted });
    for (const n of wanted) {
      opts.onPageStart?.(n);
      let size = { width: 0, height: 0 };
      let read: RawPage | PageProblem;
      try {
        const page = await doc.getPage(n);
        const viewport = page.getViewport({ scale: 1 });
        size = { width: viewport.width, height: viewport.height };
        read = (await scan.problemFor(page.ref?.num ?? -1)) ?? (await readPage(page, limits));
      } catch (err) {
        if (err instanceof AppError) throw err;
        read = { code: 'E_PAGE_FAILED', message: err instanceof Error ? err.message : String(err) };
      }
      const [page, warning] = 'code' in read ? unreadPage(n, size, read.code, read.message) : [{ ...read, page: n }, null];
      if (opts.keepPages !== false) pages.push(page);
      if (warning) warnings.push(warning);
      opts.onPageRead?.(page, warning);
      opts.onPage?.(n, wanted.length);
    }
  } finally {
    await doc.destroy();
  }
  return { file, sha256, pageCount: doc.numPages, pages, warnings };
}

type Matrix = [number, number, number, number, number, number];

async function readPage(page: pdfjs.PDFPageProxy, limits: IngestLimits): Promise<RawPage | PageProblem> {
  try {
    const viewport = page.getViewport({ scale: 1 });
    const toTop = (x: number, y: number): [number, number] => {
      const [vx, vy] = viewport.convertToViewportPoint(x, y) as [number, number];
      return [vx, vy];
    };
    const ops = await page.getOperatorList();
    if (ops.fnArray.length > limits.maxPageOperators) {
      return { code: 'W_LIMIT_OPERATORS', message: `${ops.fnArray.length.toLocaleString('en-US')} drawing operators, above the ${limits.maxPageOperators.toLocaleString('en-US')} limit` };
    }
    const { rules, imageArea } = readGraphics(ops, toTop, viewport.width * viewport.height);
    const tc = await page.getTextContent();
    const words = readWords(tc, toTop, (name) => fontInfo(page, name));
    const chars = words.reduce((s, w) => s + w.text.replace(/[^\p{L}\p{N}]/gu, '').length, 0);
    const needsOcr = chars < MIN_TEXT_CHARS && imageArea > 0.3;
    return {
      page: page.pageNumber,
      width: viewport.width,
      height: viewport.height,
      source: needsOcr ? 'unread' : 'text',
      words: needsOcr ? [] : words,
      rules,
      ...(needsOcr ? { warning: 'no text layer (image-only page)' } : {}),
      needsOcr,
    };
  } finally {
    page.cleanup();
  }
}

interface FontInfo {
  name?: string;
  bold: boolean;
}

function fontInfo(page: pdfjs.PDFPageProxy, fontName: string): FontInfo {
  try {
    if (!page.commonObjs.has(fontName)) return { bold: false };
    const font = page.commonObjs.get(fontName) as { name?: string; bold?: boolean; black?: boolean } | null;
    const name = font?.name ?? undefined;
    const bold = Boolean(font?.bold || font?.black || (name && /bold|black|heavy|semibold|demi/i.test(name)));
    return { name, bold };
  } catch {
    return { bold: false };
  }
}

interface TextItemLike {
  str: string;
  transform: number[];
  width: number;
  height: number;
  fontName: string;
}

function readWords(
  tc: Awaited<ReturnType<pdfjs.PDFPageProxy['getTextContent']>>,
  toTop: (x: number, y: number) => [number, number],
  font: (name: string) => FontInfo,
): Word[] {
  const words: Word[] = [];
  const fontCache = new Map<string, FontInfo>();
  for (const raw of tc.items) {
    if (!('str' in raw)) continue;
    const item = raw as TextItemLike;
    if (!item.str.trim()) continue;
    const [a, b, c, d, e, f] = item.transform as Matrix;
    const size = Math.hypot(c, d) || Math.hypot(a, b) || item.height;
    // Rotated text is rare in reports (stamps, side notes); keep it with its axis-aligned box.
    const style = tc.styles[item.fontName] as { ascent?: number; descent?: number } | undefined;
    const ascent = style?.ascent && style.ascent > 0 ? style.ascent : 0.8;
    const descent = style?.descent && style.descent < 0 ? style.descent : -0.2;
    let fi = fontCache.get(item.fontName);
    if (!fi) {
      fi = font(item.fontName);
      fontCache.set(item.fontName, fi);
    }
    const horizontal = Math.abs(b) < 1e-3 && Math.abs(c) < 1e-3;
    const dirX = horizontal ? 1 : a / (Math.hypot(a, b) || 1);
    const dirY = horizontal ? 0 : b / (Math.hypot(a, b) || 1);
    // Split runs into words. pdfjs gives only the run's width, so a word's x is estimated from
    // typical glyph widths: counting characters alone makes the spaces of a capitalised run
    // ("PROGRAM PENUNJANG") look twice as wide as they are, and a column gap harder to tell apart.
    const str = item.str;
    const offsets = glyphOffsets(str);
    const total = offsets[str.length]! || 1;
    for (const m of wordSpans(str)) {
      const t0 = (offsets[m.start]! / total) * item.width;
      const t1 = (offsets[m.end]! / total) * item.width;
      const x0 = e + dirX * t0;
      const y0 = f + dirY * t0;
      const x1 = e + dirX * t1;
      const y1 = f + dirY * t1;
      const corners = [
        toTop(x0, y0 + descent * size),
        toTop(x1, y1 + descent * size),
        toTop(x0, y0 + ascent * size),
        toTop(x1, y1 + ascent * size),
      ];
      const xs = corners.map((p) => p[0]);
      const ys = corners.map((p) => p[1]);
      const bbox: BBox = [round(Math.min(...xs)), round(Math.min(...ys)), round(Math.max(...xs)), round(Math.max(...ys))];
      const w: Word = { text: str.slice(m.start, m.end), bbox, size: round(size), ocr: false };
      if (fi.name) w.font = fi.name;
      if (fi.bold) w.bold = true;
      words.push(w);
    }
  }
  return words;
}

/**
 * The words of a text run, as [start, end) offsets. Words end at white space, and where two cells'
 * texts touch with no space: a lower-case word run straight into a capitalised one
 * ("jalanPersentase"), which Indonesian words never do, or a figure run straight into a
 * capitalised word ("110,00%Sangat").
 *
 * @example
 *   wordSpans('110,00%Sangat Tinggi'); // [{ start: 0, end: 7 }, { start: 7, end: 13 }, { start: 14, end: 20 }]
 */
export function wordSpans(str: string): Array<{ start: number; end: number }> {
  const re = /\S+?(?:(?<=\p{Ll}{3}|[\d%])(?=\p{Lu}\p{Ll}{2})|(?=\s|$))/gu;
  const out: Array<{ start: number; end: number }> = [];
  let m: RegExpExecArray | null;
  while ((m = re.exec(str))) out.push({ start: m.index, end: m.index + m[0].length });
  return out;
}

/**
 * Cumulative advance of each character of a run in ems, from the widths common to the serif and
 * sans faces reports are set in (Times/Liberation Serif, Arial/Helvetica); offsets[i] is where
 * character i starts.
 *
 * @example
 *   glyphOffsets('Rp 5'); // [0, 0.68, 1.16, 1.41, 1.91]
 */
export function glyphOffsets(str: string): number[] {
  const out = [0];
  let x = 0;
  for (const ch of str) {
    const w = glyphWidth(ch);
    // Characters outside the BMP take two UTF-16 units; both offsets point at the same place.
    for (let k = 0; k < ch.length; k++) out.push(k === ch.length - 1 ? (x += w) : x);
  }
  return out;
}

function glyphWidth(ch: string): number {
  if (/\s/.test(ch)) return 0.25;
  if (/[.,:;'`|!]/.test(ch)) return 0.27;
  if (/[ijlIftr()[\]/\\-]/.test(ch)) return 0.33;
  if (/[mw%]/.test(ch)) return 0.78;
  if (/[MW@]/.test(ch)) return 0.9;
  if (/[0-9]/.test(ch)) return 0.5;
  if (/\p{Lu}/u.test(ch)) return 0.68;
  if (/\p{Ll}/u.test(ch)) return 0.48;
  return 0.55;
}

const OPS = pdfjs.OPS as Record<string, number>;
// Path sub-opcodes inside constructPath data (not exported by pdfjs).
const MOVE = 0;
const LINE = 1;
const CURVE = 2;
const QUAD = 3;
const CLOSE = 4;

function mul(m: Matrix, n: Matrix): Matrix {
  return [
    m[0] * n[0] + m[2] * n[1],
    m[1] * n[0] + m[3] * n[1],
    m[0] * n[2] + m[2] * n[3],
    m[1] * n[2] + m[3] * n[3],
    m[0] * n[4] + m[2] * n[5] + m[4],
    m[1] * n[4] + m[3] * n[5] + m[5],
  ];
}

function apply(m: Matrix, x: number, y: number): [number, number] {
  return [m[0] * x + m[2] * y + m[4], m[1] * x + m[3] * y + m[5]];
}

/**
 * Walks the operator list with its graphics-state stack and collects axis-aligned ruling lines
 * (stroked segments and thin filled rectangles) plus the share of the page covered by images.
 */
function readGraphics(
  ops: { fnArray: number[]; argsArray: unknown[] },
  toTop: (x: number, y: number) => [number, number],
  pageArea: number,
): { rules: Rule[]; imageArea: number } {
  const rules: Rule[] = [];
  let ctm: Matrix = [1, 0, 0, 1, 0, 0];
  let lineWidth = 1;
  const stack: Array<{ ctm: Matrix; lineWidth: number }> = [];
  let imageArea = 0;
  const strokeOps = new Set([OPS.stroke, OPS.closeStroke, OPS.fillStroke, OPS.eoFillStroke, OPS.closeFillStroke, OPS.closeEOFillStroke]);
  const fillOps = new Set([OPS.fill, OPS.eoFill, OPS.fillStroke, OPS.eoFillStroke, OPS.closeFillStroke, OPS.closeEOFillStroke]);

  const pushRule = (ax: number, ay: number, bx: number, by: number, thickness: number) => {
    const [x0, y0] = toTop(ax, ay);
    const [x1, y1] = toTop(bx, by);
    const dx = Math.abs(x1 - x0);
    const dy = Math.abs(y1 - y0);
    if (thickness > MAX_RULE_THICKNESS) return;
    if (dy <= 0.5 && dx >= MIN_RULE_LENGTH) {
      const y = (y0 + y1) / 2;
      rules.push({ x0: round(Math.min(x0, x1)), y0: round(y), x1: round(Math.max(x0, x1)), y1: round(y), orientation: 'h', thickness: round(thickness) });
    } else if (dx <= 0.5 && dy >= MIN_RULE_LENGTH) {
      const x = (x0 + x1) / 2;
      rules.push({ x0: round(x), y0: round(Math.min(y0, y1)), x1: round(x), y1: round(Math.max(y0, y1)), orientation: 'v', thickness: round(thickness) });
    }
  };

  for (let i = 0; i < ops.fnArray.length; i++) {
    const fn = ops.fnArray[i];
    const args = ops.argsArray[i] as unknown[] | null;
    if (fn === OPS.save) stack.push({ ctm, lineWidth });
    else if (fn === OPS.restore) {
      const s = stack.pop();
      if (s) ({ ctm, lineWidth } = s);
    } else if (fn === OPS.transform && args) ctm = mul(ctm, args as Matrix);
    else if (fn === OPS.setLineWidth && args) lineWidth = Number(args[0]);
    else if (fn === OPS.setGState && args) {
      for (const [k, v] of (args[0] as Array<[string, unknown]>) ?? []) if (k === 'LW') lineWidth = Number(v);
    } else if ((fn === OPS.paintImageXObject || fn === OPS.paintInlineImageXObject || fn === OPS.paintImageMaskXObject) && pageArea > 0) {
      const pts = [apply(ctm, 0, 0), apply(ctm, 1, 0), apply(ctm, 0, 1), apply(ctm, 1, 1)];
      const xs = pts.map((p) => p[0]);
      const ys = pts.map((p) => p[1]);
      imageArea = Math.max(imageArea, ((Math.max(...xs) - Math.min(...xs)) * (Math.max(...ys) - Math.min(...ys))) / pageArea);
    } else if (fn === OPS.constructPath && args) {
      const paintOp = args[0] as number;
      if (paintOp === OPS.endPath) continue; // clipping path, not drawn
      const data = (args[1] as ArrayLike<number>[] | undefined)?.[0];
      if (!data) continue;
      const scale = Math.sqrt(Math.abs(ctm[0] * ctm[3] - ctm[1] * ctm[2])) || 1;
      const subpaths = splitSubpaths(data, ctm);
      if (strokeOps.has(paintOp)) {
        const t = Math.max(lineWidth * scale, 0.1);
        for (const sp of subpaths) {
          for (let k = 1; k < sp.points.length; k++) {
            const p = sp.points[k - 1]!;
            const q = sp.points[k]!;
            pushRule(p[0], p[1], q[0], q[1], t);
          }
          if (sp.closed && sp.points.length > 2) {
            const p = sp.points[sp.points.length - 1]!;
            const q = sp.points[0]!;
            pushRule(p[0], p[1], q[0], q[1], t);
          }
        }
      }
      if (fillOps.has(paintOp)) {
        for (const sp of subpaths) {
          if (sp.curved || sp.points.length < 3) continue;
          const xs = sp.points.map((p) => p[0]);
          const ys = sp.points.map((p) => p[1]);
          const x0 = Math.min(...xs);
          const x1 = Math.max(...xs);
          const y0 = Math.min(...ys);
          const y1 = Math.max(...ys);
          const w = x1 - x0;
          const h = y1 - y0;
          if (h <= MAX_RULE_THICKNESS && w >= MIN_RULE_LENGTH) pushRule(x0, (y0 + y1) / 2, x1, (y0 + y1) / 2, h);
          else if (w <= MAX_RULE_THICKNESS && h >= MIN_RULE_LENGTH) pushRule((x0 + x1) / 2, y0, (x0 + x1) / 2, y1, w);
        }
      }
    }
  }
  return { rules, imageArea };
}

interface Subpath {
  points: Array<[number, number]>;
  closed: boolean;
  curved: boolean;
}

function splitSubpaths(data: ArrayLike<number>, ctm: Matrix): Subpath[] {
  const out: Subpath[] = [];
  let cur: Subpath | null = null;
  let i = 0;
  while (i < data.length) {
    const op = data[i++];
    if (op === MOVE) {
      cur = { points: [apply(ctm, data[i]!, data[i + 1]!)], closed: false, curved: false };
      out.push(cur);
      i += 2;
    } else if (op === LINE) {
      const p = apply(ctm, data[i]!, data[i + 1]!);
      if (!cur) {
        cur = { points: [], closed: false, curved: false };
        out.push(cur);
      }
      cur.points.push(p);
      i += 2;
    } else if (op === CURVE) {
      if (cur) {
        cur.curved = true;
        cur.points.push(apply(ctm, data[i + 4]!, data[i + 5]!));
      }
      i += 6;
    } else if (op === QUAD) {
      if (cur) {
        cur.curved = true;
        cur.points.push(apply(ctm, data[i + 2]!, data[i + 3]!));
      }
      i += 4;
    } else if (op === CLOSE) {
      if (cur) cur.closed = true;
      cur = cur ? { points: [cur.points[0]!], closed: false, curved: false } : null;
      if (cur) out.push(cur);
    } else {
      break; // unknown opcode: stop rather than misread coordinates
    }
  }
  return out.filter((s) => s.points.length > 1 || s.closed);
}

function round(v: number): number {
  return Math.round(v * 100) / 100;
}
