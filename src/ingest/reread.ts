/**
 * Second reading of figures tesseract got wrong. On a scan, a figure under a stamp, beside a border
 * remnant or in a noisy cell comes out as a mix of digits and letters ("82 4B", "126.531.", "9O,1O").
 * Such words are read again from their own box of the cleaned page, as one line, with only the
 * characters figures are printed with; the new reading replaces the old only when every word of it
 * is a well-formed number.
 */
import type { Word } from '../model/document.js';
import { parseNumber } from '../numbers/parse.js';
import type { GrayImage } from './raster.js';

/** The characters printed figures are made of; tesseract reads nothing else on a second reading. */
export const FIGURE_CHARS = '0123456789.,%-()';

/** A word that holds digits but does not read as a number. */
export function isBrokenFigure(w: Word): boolean {
  return /\d/.test(w.text) && parseNumber(w.text).value === null;
}

/**
 * Whether a word reads as a figure as reports print them; '-' alone (no value) counts as read. A
 * run of digits with more than two decimals or more than four digits ungrouped is two figures read
 * together ("828106.2658"), not one.
 */
export function readsAsFigure(text: string): boolean {
  const p = parseNumber(text);
  if (p.kind === 'empty') return true;
  if (p.value === null) return false;
  if (p.decimals > 2) return false;
  const digits = text.replace(/\D/g, '');
  return p.style !== 'plain' || digits.length <= 4;
}

/**
 * Groups of words to read again: each broken figure with the words touching it on its line (closer
 * than half its height, less than the space between two cells) that hold digits or are at most three characters long, the pieces a
 * misread figure falls into ("82", "4B").
 *
 * @example
 *   brokenFigures(words).map((g) => g.map((w) => w.text)); // [['82', '4B'], ['126.531.']]
 */
export function brokenFigures(words: readonly Word[]): Word[][] {
  const sameLine = (a: Word, b: Word): boolean => {
    const overlap = Math.min(a.bbox[3], b.bbox[3]) - Math.max(a.bbox[1], b.bbox[1]);
    return overlap > 0.5 * Math.min(a.bbox[3] - a.bbox[1], b.bbox[3] - b.bbox[1]);
  };
  const piece = (w: Word): boolean => /\d/.test(w.text) || w.text.length <= 3;
  const taken = new Set<Word>();
  const groups: Word[][] = [];
  for (const seed of words) {
    if (taken.has(seed) || !isBrokenFigure(seed)) continue;
    const group = [seed];
    taken.add(seed);
    const height = seed.bbox[3] - seed.bbox[1];
    for (let grown = true; grown; ) {
      grown = false;
      const x0 = Math.min(...group.map((w) => w.bbox[0]));
      const x1 = Math.max(...group.map((w) => w.bbox[2]));
      for (const w of words) {
        if (taken.has(w) || !piece(w) || !sameLine(seed, w)) continue;
        const gap = w.bbox[0] >= x1 ? w.bbox[0] - x1 : x0 - w.bbox[2];
        if (gap > 0.5 * height) continue;
        group.push(w);
        taken.add(w);
        grown = true;
      }
    }
    groups.push(group.sort((a, b) => a.bbox[0] - b.bbox[0]));
  }
  return groups;
}

/**
 * The box (in pixels, end-exclusive) to read a group from: the words' union widened by a third of
 * their height, clipped to the image.
 */
export function groupBox(group: readonly Word[], dpi: number, img: GrayImage): [number, number, number, number] {
  const k = dpi / 72;
  const y0 = Math.min(...group.map((w) => w.bbox[1]));
  const y1 = Math.max(...group.map((w) => w.bbox[3]));
  const m = ((y1 - y0) / 3) * k;
  return [
    Math.max(0, Math.floor(Math.min(...group.map((w) => w.bbox[0])) * k - m)),
    Math.max(0, Math.floor(y0 * k - m)),
    Math.min(img.width, Math.ceil(Math.max(...group.map((w) => w.bbox[2])) * k + m)),
    Math.min(img.height, Math.ceil(y1 * k + m)),
  ];
}

/** A copy of part of an image. */
export function crop(img: GrayImage, [x0, y0, x1, y1]: readonly [number, number, number, number]): GrayImage {
  const width = Math.max(1, x1 - x0);
  const height = Math.max(1, y1 - y0);
  const data = new Uint8Array(width * height).fill(255);
  for (let y = 0; y < height && y0 + y < img.height; y++) {
    data.set(img.data.subarray((y0 + y) * img.width + x0, (y0 + y) * img.width + Math.min(img.width, x0 + width)), y * width);
  }
  return { width, height, data };
}

/**
 * The crops stacked into one sheet, one under another with a blank band as high as the tallest
 * between them, so one tesseract run reads them all as lines; `offsets[i]` is where crop i starts.
 *
 * @example
 *   const { sheet, offsets } = stackCrops([a, b]); // offsets: [gap, gap + a.height + gap]
 */
export function stackCrops(crops: readonly GrayImage[]): { sheet: GrayImage; offsets: number[] } {
  const gap = Math.max(8, ...crops.map((c) => c.height));
  const width = Math.max(...crops.map((c) => c.width)) + 2 * gap;
  const height = crops.reduce((h, c) => h + c.height + gap, gap);
  const data = new Uint8Array(width * height).fill(255);
  const offsets: number[] = [];
  let y = gap;
  for (const c of crops) {
    offsets.push(y);
    for (let r = 0; r < c.height; r++) data.set(c.data.subarray(r * c.width, (r + 1) * c.width), (y + r) * width + gap);
    y += c.height + gap;
  }
  return { sheet: { width, height, data }, offsets };
}

/**
 * Words read from a sheet of stacked crops, given back to their crops (by the middle of each word)
 * in each crop's own coordinates, points.
 */
export function unstack(words: readonly Word[], crops: readonly GrayImage[], offsets: readonly number[], dpi: number): Word[][] {
  const k = 72 / dpi;
  const gap = offsets[0] ?? 0;
  return crops.map((c, i) => {
    const top = offsets[i]! * k;
    const bottom = (offsets[i]! + c.height) * k;
    const r2 = (v: number): number => Math.round(v * 100) / 100;
    return words
      .filter((w) => (w.bbox[1] + w.bbox[3]) / 2 >= top && (w.bbox[1] + w.bbox[3]) / 2 < bottom)
      .map((w) => ({ ...w, bbox: [r2(w.bbox[0] - gap * k), r2(w.bbox[1] - top), r2(w.bbox[2] - gap * k), r2(w.bbox[3] - top)] }));
  });
}

/**
 * The words of a second reading, moved from the crop's coordinates to the page's, when every one of
 * them reads as a figure; null when the reading is no better than the first (empty, or still broken).
 */
export function acceptReading(reread: readonly Word[], box: readonly [number, number, number, number], dpi: number): Word[] | null {
  if (!reread.length || !reread.every((w) => readsAsFigure(w.text))) return null;
  const dx = (box[0] * 72) / dpi;
  const dy = (box[1] * 72) / dpi;
  const r2 = (v: number): number => Math.round(v * 100) / 100;
  return reread.map((w) => ({ ...w, bbox: [r2(w.bbox[0] + dx), r2(w.bbox[1] + dy), r2(w.bbox[2] + dx), r2(w.bbox[3] + dy)] }));
}
