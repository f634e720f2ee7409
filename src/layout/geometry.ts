import type { Rule, Word } from '../model/document.js';
import type { BBox } from '../model/geometry.js';

/** A merged ruling line: one position (y for horizontal, x for vertical) and its covered spans. */
export interface Segment {
  pos: number;
  a: number;
  b: number;
}

/** A line of text: words sharing a baseline band, left to right. */
export interface TextLine {
  words: Word[];
  bbox: BBox;
  size: number;
}

/**
 * Merges collinear ruling lines into segments, so that Chromium's one-rectangle-per-cell-edge and
 * LibreOffice's long strokes give the same geometry.
 *
 * @example
 *   mergeRules(page.rules, 'h'); // [{ pos: 103.3, a: 56.5, b: 785.4 }, …]
 */
export function mergeRules(rules: Rule[], orientation: 'h' | 'v', posTol = 1.5, gapTol = 2.5): Segment[] {
  const segs = rules
    .filter((r) => r.orientation === orientation)
    .map((r) => (orientation === 'h' ? { pos: r.y0, a: r.x0, b: r.x1 } : { pos: r.x0, a: r.y0, b: r.y1 }))
    .sort((s, t) => s.pos - t.pos || s.a - t.a);
  // Cluster by position first, then merge overlapping spans within each cluster.
  const clusters: Segment[][] = [];
  for (const s of segs) {
    const last = clusters[clusters.length - 1];
    if (last && Math.abs(s.pos - mean(last.map((x) => x.pos))) <= posTol) last.push(s);
    else clusters.push([s]);
  }
  const out: Segment[] = [];
  for (const cl of clusters) {
    const pos = mean(cl.map((x) => x.pos));
    const spans = cl.map((x) => ({ a: x.a, b: x.b })).sort((p, q) => p.a - q.a);
    let cur = { ...spans[0]! };
    for (const sp of spans.slice(1)) {
      if (sp.a <= cur.b + gapTol) cur.b = Math.max(cur.b, sp.b);
      else {
        out.push({ pos, a: cur.a, b: cur.b });
        cur = { ...sp };
      }
    }
    out.push({ pos, a: cur.a, b: cur.b });
  }
  return out;
}

/**
 * Groups words into text lines by vertical overlap, each sorted left to right.
 *
 * @example
 *   toLines(words).map((l) => lineText(l)); // ['Tabel 4', 'Capaian Kinerja …']
 */
export function toLines(words: Word[]): TextLine[] {
  const sorted = [...words].sort((p, q) => centerY(p.bbox) - centerY(q.bbox) || p.bbox[0] - q.bbox[0]);
  const lines: TextLine[] = [];
  for (const w of sorted) {
    const h = w.bbox[3] - w.bbox[1];
    const cy = centerY(w.bbox);
    const last = lines[lines.length - 1];
    if (last) {
      const lcy = (last.bbox[1] + last.bbox[3]) / 2;
      const lh = last.bbox[3] - last.bbox[1];
      if (Math.abs(cy - lcy) <= Math.min(h, lh) * 0.45) {
        last.words.push(w);
        last.bbox = union(last.bbox, w.bbox);
        continue;
      }
    }
    lines.push({ words: [w], bbox: [...w.bbox] as BBox, size: h });
  }
  for (const l of lines) {
    l.words.sort((p, q) => p.bbox[0] - q.bbox[0]);
    l.size = median(l.words.map((w) => w.size ?? w.bbox[3] - w.bbox[1]));
  }
  return lines;
}

/** Joins a line's words with single spaces. */
export function lineText(line: TextLine): string {
  return line.words.map((w) => w.text).join(' ');
}

/**
 * Joins two lines of running text. A line ending in a hyphen continues on the next line: a
 * compound, a reduplication or a range keeps its hyphen ("perundang-" + "undangan", "RKA-" +
 * "SKPD", "0-" + "18"); a word hyphenated at a syllable loses it ("pelaya-" + "nan").
 *
 * @example
 *   joinLines('sesuai peraturan perundang-', 'undangan yang berlaku'); // 'sesuai peraturan perundang-undangan yang berlaku'
 */
export function joinLines(text: string, next: string): string {
  if (!text) return next;
  // Only the last word matters; matching the whole paragraph is quadratic as it grows.
  const m = text.endsWith('-') ? /([\p{L}\d]+)-$/u.exec(text.slice(-60)) : null;
  const head = /^[\p{L}\d]+/u.exec(next)?.[0];
  if (!m || !head) return `${text} ${next}`;
  const repeats = head.length >= 3 && m[1]!.toLowerCase().includes(head.slice(0, 3).toLowerCase());
  const syllable = /^\p{L}+$/u.test(m[1]!) && /^\p{Ll}/u.test(head);
  return syllable && !repeats ? text.slice(0, -1) + next : text + next;
}

/** Joins words into text: lines top to bottom, words left to right. */
export function wordsText(words: Word[]): string {
  return toLines(words)
    .map(lineText)
    .join(' ')
    .replace(/\s+/g, ' ')
    .trim();
}

export function centerY(b: BBox): number {
  return (b[1] + b[3]) / 2;
}

export function centerX(b: BBox): number {
  return (b[0] + b[2]) / 2;
}

export function union(a: BBox, b: BBox): BBox {
  return [Math.min(a[0], b[0]), Math.min(a[1], b[1]), Math.max(a[2], b[2]), Math.max(a[3], b[3])];
}

export function unionAll(boxes: BBox[]): BBox | undefined {
  if (boxes.length === 0) return undefined;
  return boxes.reduce((acc, b) => union(acc, b));
}

/**
 * A box of a straightened scan (OCR words and rules are read from the page turned by its skew, see
 * `Page.skew`) where it lies on the page as printed: its corners turned back about the page's
 * centre, and the box around them. Without a skew the box is returned as it is.
 *
 * @example
 *   asPrinted([621.4, 153.6, 666, 160.1], { width: 841.92, height: 595.44, skew: 0.4 }); // ≈ [622.4, 155.0, 667.0, 161.8]
 */
export function asPrinted(box: BBox, page: { width: number; height: number; skew?: number | undefined }): BBox {
  if (!page.skew) return box;
  const a = (page.skew * Math.PI) / 180;
  const [cos, sin, cx, cy] = [Math.cos(a), Math.sin(a), page.width / 2, page.height / 2];
  const corners = [[box[0], box[1]], [box[2], box[1]], [box[0], box[3]], [box[2], box[3]]].map(([x, y]): [number, number] => [cx + (x! - cx) * cos - (y! - cy) * sin, cy + (x! - cx) * sin + (y! - cy) * cos]);
  const xs = corners.map((p) => p[0]);
  const ys = corners.map((p) => p[1]);
  return [Math.min(...xs), Math.min(...ys), Math.max(...xs), Math.max(...ys)];
}

export function mean(xs: number[]): number {
  return xs.reduce((s, x) => s + x, 0) / (xs.length || 1);
}

export function median(xs: number[]): number {
  if (xs.length === 0) return 0;
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
}

/** Clusters sorted numbers whose neighbours lie within `tol`, returning each cluster's mean. */
export function clusterValues(values: number[], tol: number): number[] {
  const s = [...values].sort((a, b) => a - b);
  const out: number[][] = [];
  for (const v of s) {
    const last = out[out.length - 1];
    if (last && v - last[last.length - 1]! <= tol) last.push(v);
    else out.push([v]);
  }
  return out.map(mean);
}
