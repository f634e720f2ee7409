/**
 * A bounded look at a PDF's objects before pdf.js reads it. pdf.js inflates a stream whole and
 * decodes an image whole, with no limit, so a few KB can ask for gigabytes; here every deflated
 * stream is inflated with a cap and its bytes thrown away, images are sized from their
 * dictionaries, and content streams have their operators counted. Each page learns what it would
 * cost and whether its content can be decoded at all, so the reader can leave a page unread, with
 * the reason, before pdf.js touches it.
 *
 * The scan reads objects where they stand in the file (and inside object streams); it needs no
 * valid cross-reference table. A page it cannot find is simply not judged here.
 */
import { createInflate, inflateSync, constants as zlibConstants } from 'node:zlib';

/** Limits on what reading a PDF may cost. Every one is an option of ingest (see README). */
export interface IngestLimits {
  /** Bytes one stream may inflate to (default 128 MiB). */
  maxStreamBytes: number;
  /** Bytes all the streams of a document may inflate to (default 1 GiB). */
  maxDocumentBytes: number;
  /** Pixels (width × height) of one image (default 150 million: a 600 dpi A2 scan). */
  maxImagePixels: number;
  /** Operators on one page, its forms included (default 1 million; pdf.js takes about 15 s and 1.5 GB for 3 million). */
  maxPageOperators: number;
  /**
   * Time to read one page's text and graphics, in ms (default 30 s), and the heap of the thread
   * that reads them, in MiB (default 2048). Both hold when pages are read in their own thread
   * (`isolate`, as the CLI, batch and server do). An image-only page's OCR has `OCR_TIME_FACTOR`
   * times this (default 2 min), in every mode: its tools are killed when it passes.
   */
  pageTimeoutMs: number;
  maxReaderMemoryMb: number;
}

/**
 * OCR of a page (rastering at 300 dpi, cleaning, tesseract, re-reading broken figures) may take this
 * many times the per-page time limit: 2–12 s a page on a loaded 2-core machine, against milliseconds
 * for a text page.
 */
export const OCR_TIME_FACTOR = 4;

export const DEFAULT_LIMITS: IngestLimits = {
  maxStreamBytes: 128 * 1024 * 1024,
  maxDocumentBytes: 1024 * 1024 * 1024,
  maxImagePixels: 150_000_000,
  maxPageOperators: 1_000_000,
  pageTimeoutMs: 30_000,
  maxReaderMemoryMb: 2048,
};

/**
 * Warning codes that mean a page was not read because it failed (rather than, say, OCR being off).
 *
 * @example
 *   isPageFailure('W_LIMIT_STREAM'); // true
 */
export function isPageFailure(code: string): boolean {
  return code === 'E_PAGE_FAILED' || code === 'E_OCR_FAILED' || code.startsWith('W_LIMIT_');
}

/** Why a page is left unread before it is parsed. */
export interface PageProblem {
  code: 'W_LIMIT_STREAM' | 'W_LIMIT_DOCUMENT' | 'W_LIMIT_IMAGE' | 'W_LIMIT_OPERATORS' | 'E_PAGE_FAILED';
  message: string;
}

export interface ScanResult {
  /** Problems by page object number (pdf.js's `page.ref.num`). */
  problemFor(pageObject: number): Promise<PageProblem | null>;
  /** A problem with the document as a whole (its object streams cannot be read within the limits). */
  documentProblem: PageProblem | null;
}

interface PdfObject {
  /** The dictionary (or whole body) as latin1 text. */
  text: string;
  /** The raw stream data, for stream objects. */
  data?: Uint8Array;
}

interface StreamInfo {
  /** Inflated size, or the size the first limit stopped at. */
  bytes: number;
  status: 'ok' | 'too-large' | 'broken' | 'not-inflated';
  /** Operators counted in the inflated data (content streams only). */
  operators: number;
  /** Non-blank bytes in the inflated data. */
  inked: number;
  error?: string;
}

/**
 * Scans `bytes` against `limits`.
 *
 * @example
 *   const scan = scanPdf(bytes, DEFAULT_LIMITS);
 *   await scan.problemFor(page.ref.num); // null, or { code: 'W_LIMIT_STREAM', message: '…' }
 */
export function scanPdf(bytes: Uint8Array, limits: IngestLimits): ScanResult {
  const objects = readObjects(bytes, limits);
  const streams = new Map<number, StreamInfo>();
  let documentBytes = 0;
  const seen = new Set<number>();
  const problems = new Map<number, Promise<PageProblem | null>>();

  const info = async (num: number, content: boolean): Promise<StreamInfo | null> => {
    const o = objects.byNumber.get(num);
    if (!o?.data) return null;
    let s = streams.get(num);
    if (!s) {
      s = await measureStream(o, limits.maxStreamBytes, content);
      streams.set(num, s);
    }
    return s;
  };

  const judge = async (pageNum: number): Promise<PageProblem | null> => {
    const page = objects.byNumber.get(pageNum);
    if (!page || !/\/Type\s*\/Page\b/.test(page.text)) return null;
    // Everything the page can reach: its contents, resources (inherited ones too), forms, fonts,
    // images and annotations' appearances, but not other pages.
    const reach = new Set<number>();
    const contents = new Set<number>(refsOf(entry(page.text, 'Contents')));
    const stack = [...refsOf(withoutEntry(page.text, 'Parent'))];
    for (let parent = refOf(entry(page.text, 'Parent')), hops = 0; parent !== null && hops < 64; hops++) {
      const p = objects.byNumber.get(parent);
      if (!p) break;
      stack.push(...refsOf(entry(p.text, 'Resources')));
      parent = refOf(entry(p.text, 'Parent'));
    }
    while (stack.length) {
      const n = stack.pop()!;
      if (reach.has(n)) continue;
      const o = objects.byNumber.get(n);
      if (!o || /\/Type\s*\/Pages?\b/.test(o.text)) continue;
      reach.add(n);
      if (o.data && /\/Subtype\s*\/Form\b/.test(o.text)) contents.add(n);
      stack.push(...refsOf(withoutEntry(withoutEntry(o.text, 'Parent'), 'P')));
    }
    let operators = 0;
    let inked = 0;
    let broken: string | null = null;
    for (const n of reach) {
      const o = objects.byNumber.get(n)!;
      if (!o.data) continue;
      if (/\/Subtype\s*\/Image\b/.test(o.text)) {
        const w = numberEntry(o.text, 'Width');
        const h = numberEntry(o.text, 'Height');
        if (w !== null && h !== null && w * h > limits.maxImagePixels) {
          return { code: 'W_LIMIT_IMAGE', message: `an image of ${w} × ${h} px is above the ${fmt(limits.maxImagePixels)} px limit` };
        }
        continue;
      }
      const s = await info(n, contents.has(n));
      if (!s) continue;
      if (s.status === 'too-large') return { code: 'W_LIMIT_STREAM', message: `a stream inflates to more than ${mib(limits.maxStreamBytes)} (the per-stream limit)` };
      if (!seen.has(n)) {
        seen.add(n);
        documentBytes += s.bytes;
        if (documentBytes > limits.maxDocumentBytes) return { code: 'W_LIMIT_DOCUMENT', message: `the document's streams inflate to more than ${mib(limits.maxDocumentBytes)} (the per-document limit)` };
      }
      if (contents.has(n)) {
        if (s.status === 'broken') broken = s.error ?? 'invalid compressed data';
        operators += s.operators;
        inked += s.inked;
      }
    }
    if (operators > limits.maxPageOperators) return { code: 'W_LIMIT_OPERATORS', message: `about ${fmt(operators)} drawing operators, above the ${fmt(limits.maxPageOperators)} limit` };
    if (broken) return { code: 'E_PAGE_FAILED', message: `its content cannot be decoded (${broken})` };
    // Content that inflates to something but holds no operator at all is not a content stream.
    if (operators === 0 && inked > 16) return { code: 'E_PAGE_FAILED', message: 'its content holds no drawing operator: the content stream is garbage' };
    return null;
  };

  return {
    problemFor(pageObject) {
      let p = problems.get(pageObject);
      if (!p) problems.set(pageObject, (p = judge(pageObject)));
      return p;
    },
    documentProblem: objects.problem,
  };
}

// --- objects ----------------------------------------------------------------------------------

const OBJ = /(\d+)\s+(\d+)\s+obj\b/g;

/** Every `n g obj … endobj` in file order (a later definition replaces an earlier one), and the members of object streams. */
function readObjects(bytes: Uint8Array, limits: IngestLimits): { byNumber: Map<number, PdfObject>; problem: PageProblem | null } {
  const text = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('latin1');
  const byNumber = new Map<number, PdfObject>();
  let problem: PageProblem | null = null;
  OBJ.lastIndex = 0;
  for (let m = OBJ.exec(text); m; m = OBJ.exec(text)) {
    const num = Number(m[1]);
    const start = m.index + m[0].length;
    const end = text.indexOf('endobj', start);
    // Searched within the object only, so a file of many small objects is read in one pass.
    const body = end < 0 ? text.slice(start) : text.slice(start, end);
    const keyword = /(>>\s*)stream(?:\r\n|\r|\n)/.exec(body);
    if (keyword) {
      const dict = body.slice(0, keyword.index + 2);
      const dataStart = start + keyword.index + keyword[0].length;
      const length = numberEntry(dict, 'Length');
      let dataEnd = length !== null && /^\s*endstream/.test(text.slice(dataStart + length, dataStart + length + 20)) ? dataStart + length : text.indexOf('endstream', dataStart);
      if (dataEnd < 0) dataEnd = text.length;
      byNumber.set(num, { text: dict, data: bytes.subarray(dataStart, dataEnd) });
      OBJ.lastIndex = Math.max(dataEnd, end);
    } else {
      byNumber.set(num, { text: body });
      if (end >= 0) OBJ.lastIndex = end;
    }
  }
  for (const [num, o] of [...byNumber]) {
    if (!o.data || !/\/Type\s*\/ObjStm\b/.test(o.text)) continue;
    const inflated = inflateCapped(o, limits.maxStreamBytes);
    if (inflated.status === 'too-large') {
      problem = { code: 'W_LIMIT_STREAM', message: `object stream ${num} inflates to more than ${mib(limits.maxStreamBytes)} (the per-stream limit)` };
      continue;
    }
    if (!inflated.data) continue;
    const body = Buffer.from(inflated.data).toString('latin1');
    const n = numberEntry(o.text, 'N') ?? 0;
    const first = numberEntry(o.text, 'First') ?? 0;
    const header = body.slice(0, first).trim().split(/\s+/).map(Number);
    for (let i = 0; i < n && 2 * i + 1 < header.length; i++) {
      const objNum = header[2 * i]!;
      const from = first + header[2 * i + 1]!;
      const to = 2 * i + 3 < header.length ? first + header[2 * i + 3]! : body.length;
      if (!byNumber.has(objNum)) byNumber.set(objNum, { text: body.slice(from, to) });
    }
  }
  return { byNumber, problem };
}

/** The value text of `/Key` in a dictionary: up to the next key at the same depth. */
function entry(dict: string, key: string): string {
  const m = new RegExp(`/${key}(?![\\w.#-])`).exec(dict);
  if (!m) return '';
  let depth = 0;
  let i = m.index + m[0].length;
  const start = i;
  for (; i < dict.length; i++) {
    const c = dict[i]!;
    if (c === '[' || (c === '<' && dict[i + 1] === '<')) {
      depth++;
      if (c === '<') i++;
    } else if (c === ']' || (c === '>' && dict[i + 1] === '>')) {
      if (depth === 0) break;
      depth--;
      if (c === '>') i++;
    } else if (c === '/' && depth === 0 && i > start && /\S/.test(dict.slice(start, i))) break;
  }
  return dict.slice(start, i);
}

function withoutEntry(dict: string, key: string): string {
  const value = entry(dict, key);
  if (!value) return dict;
  const at = dict.search(new RegExp(`/${key}(?![\\w.#-])`));
  return dict.slice(0, at) + dict.slice(at + key.length + 1 + value.length);
}

function refsOf(text: string): number[] {
  return [...text.matchAll(/(\d+)\s+\d+\s+R\b/g)].map((m) => Number(m[1]));
}

function refOf(text: string): number | null {
  return refsOf(text)[0] ?? null;
}

function numberEntry(dict: string, key: string): number | null {
  const m = new RegExp(`/${key}\\s+(\\d+)(?!\\s+\\d+\\s+R)`).exec(dict);
  return m ? Number(m[1]) : null;
}

// --- streams ----------------------------------------------------------------------------------

/** The filters of a stream, if every one of them is one this scan can undo (Flate) or leaves be. */
function filters(dict: string): string[] {
  const f = entry(dict, 'Filter');
  return [...f.matchAll(/\/(\w+)/g)].map((m) => m[1]!);
}

/** Inflates an object stream (which must be held to be read) up to `cap` bytes. */
function inflateCapped(o: PdfObject, cap: number): { status: StreamInfo['status']; data?: Uint8Array } {
  const chain = filters(o.text);
  if (chain.some((f) => f !== 'FlateDecode' && f !== 'Fl')) return { status: 'not-inflated' };
  let data: Uint8Array = o.data!;
  for (let k = 0; k < chain.length; k++) {
    try {
      data = inflateSync(data, { maxOutputLength: cap, finishFlush: zlibConstants.Z_SYNC_FLUSH });
    } catch (err) {
      return { status: (err as { code?: string }).code === 'ERR_BUFFER_TOO_LARGE' ? 'too-large' : 'broken' };
    }
  }
  return { status: 'ok', data };
}

/**
 * Inflates a stream through its Flate filters, chunk by chunk, counting bytes (and operators, for
 * content) and keeping none: memory stays at a few chunks whatever the stream inflates to, and the
 * work stops as soon as the count passes `cap`.
 */
async function measureStream(o: PdfObject, cap: number, content: boolean): Promise<StreamInfo> {
  const chain = filters(o.text);
  if (chain.some((f) => f !== 'FlateDecode' && f !== 'Fl')) return { bytes: o.data!.byteLength, status: 'not-inflated', operators: 0, inked: 0 };
  const counter = content ? new OperatorCounter() : null;
  const stages = chain.map(() => createInflate({ finishFlush: zlibConstants.Z_SYNC_FLUSH, chunkSize: 256 * 1024 }));
  for (let k = 1; k < stages.length; k++) stages[k - 1]!.pipe(stages[k]!);
  const last = stages[stages.length - 1];
  if (!last) {
    counter?.feed(o.data!);
    return { bytes: o.data!.byteLength, status: o.data!.byteLength > cap ? 'too-large' : 'ok', operators: counter?.operators ?? 0, inked: counter?.inked ?? 0 };
  }
  let bytes = 0;
  const status = await new Promise<{ status: StreamInfo['status']; error?: string }>((resolve) => {
    const stop = (r: { status: StreamInfo['status']; error?: string }) => {
      for (const st of stages) st.destroy();
      resolve(r);
    };
    for (const st of stages) st.on('error', (err: Error) => stop({ status: 'broken', error: err.message }));
    last.on('data', (chunk: Buffer) => {
      bytes += chunk.byteLength;
      counter?.feed(chunk);
      if (bytes > cap) stop({ status: 'too-large' });
    });
    last.on('end', () => resolve({ status: 'ok' }));
    stages[0]!.end(o.data);
  });
  return { bytes, ...status, operators: counter?.operators ?? 0, inked: counter?.inked ?? 0 };
}

/**
 * Counts the tokens of a content stream that look like operators: a run of letters (and `'` `"`
 * `*`) that stands alone, after white space or the end of a string, array or hex string. Words
 * inside strings count too, so this is an upper bound; it is only compared with a limit far above
 * any real page. Fed chunk by chunk.
 *
 * @example
 *   const c = new OperatorCounter();
 *   c.feed(Buffer.from('BT /F1 12 Tf (Rp 5) Tj ET'));
 *   c.operators; // 4 (BT, Tf, Tj, ET: the words of a string do not count when it opens with them)
 */
export class OperatorCounter {
  operators = 0;
  /** Bytes that are not white space. */
  inked = 0;
  private prev = SPACE;
  private inWord = false;
  private wordOk = false;

  feed(data: Uint8Array): void {
    let { operators, inked, prev, inWord, wordOk } = this;
    for (let i = 0; i < data.length; i++) {
      const k = CLASS[data[i]!]!;
      if (k !== SPACE) inked++;
      if (k === LETTER) {
        if (!inWord) {
          inWord = true;
          wordOk = prev === SPACE || prev === CLOSE;
        }
      } else {
        if (inWord && wordOk && (k === SPACE || k === OPEN)) operators++;
        inWord = false;
      }
      prev = k;
    }
    Object.assign(this, { operators, inked, prev, inWord, wordOk });
  }
}

const OTHER = 0;
const SPACE = 1;
const LETTER = 2;
/** `)` `>` `]`: an operator may follow a string, hex string or array directly. */
const CLOSE = 3;
/** `(` `<` `[` `/` `%`: the next token may follow an operator directly. */
const OPEN = 4;
const CLASS = (() => {
  const t = new Uint8Array(256).fill(OTHER);
  for (const c of [0x20, 0x0a, 0x0d, 0x09, 0x0c, 0x00]) t[c] = SPACE;
  for (let c = 0x41; c <= 0x5a; c++) t[c] = t[c + 0x20] = LETTER;
  for (const c of "'\"*") t[c.charCodeAt(0)] = LETTER;
  for (const c of ')>]') t[c.charCodeAt(0)] = CLOSE;
  for (const c of '(<[/%') t[c.charCodeAt(0)] = OPEN;
  return t;
})();

function mib(n: number): string {
  return `${Math.round(n / 1048576)} MiB`;
}

function fmt(n: number): string {
  return n.toLocaleString('en-US');
}
