/**
 * Pure image helpers for the OCR path: binary PGM (P5) read/write and detection/erasure of table
 * ruling lines on an 8-bit gray image. No I/O and no external tools, so every step is unit-testable.
 */
import type { Rule } from '../model/document.js';
import { backgroundLevel } from './deskew.js';

/** An 8-bit gray image, row-major, 0 = black, 255 = white. */
export interface GrayImage {
  width: number;
  height: number;
  data: Uint8Array;
}

/**
 * A ruling line found on a raster, in pixels. The bbox is end-exclusive. `from`/`to` give, for every
 * pixel along the line (x for 'h' starting at x0, y for 'v' starting at y0), the first and last pixel
 * it covers across the line, or -1 where the line has a gap; scans are slightly skewed, so a line is
 * a staircase rather than a rectangle and erasing its bbox would cut into neighbouring glyphs.
 */
export interface RasterRule {
  orientation: 'h' | 'v';
  x0: number;
  y0: number;
  x1: number;
  y1: number;
  /** Mean thickness across the line in pixels. */
  thickness: number;
  from: Int32Array;
  to: Int32Array;
}

export interface RuleDetectOptions {
  /** Pixels darker than this (0..255) count as ink. Scanned hairlines are often light gray (150–225). */
  darkThreshold?: number;
  /** Shortest run that can be a ruling line, in pixels. */
  minLength?: number;
  /** Thicker strokes are glyphs, filled cells or pictures, not rules. */
  maxThickness?: number;
  /** Breaks in a line up to this many pixels are bridged (scan dropouts). */
  maxGap?: number;
  /** Shortest dash of a dashed line, in pixels (see `chainDashes`). */
  minDash?: number;
  /** Longest gap between two dashes of one dashed line, in pixels. */
  maxDashGap?: number;
  /** Dark stretches across a line up to this long (a crossing border, a glyph sitting on it) are bridged. */
  maxBridge?: number;
  /** How far beside a candidate line (in pixels) to look for ink. */
  sideProbe?: number;
  /**
   * Largest share of a line's length that may have ink beside it. A row through blurred text forms
   * a long solid run too, but has letter bodies above and below along most of its length (≥ 55% on
   * real scans), while a table border has glyphs touching it only here and there (≈ 2%).
   */
  maxSideInk?: number;
  /**
   * How much darker than the lightest pixel within `maxThickness` across it a pixel must be to count
   * as line ink. A line is a thin dark ridge whatever the paper's tone; a shaded cell or a grey scan's
   * paper is flat across, so it never counts as ink and cannot hide the borders beside it.
   */
  minContrast?: number;
}

/**
 * Detection defaults scaled to the raster resolution: at 300 dpi a rule is ≥ 75 px (0.25 in) long,
 * ≤ 8 px thick, may have 3 px breaks and is checked for ink 2 px beside it.
 *
 * @example
 *   detectRules(img, ruleDefaults(300));
 */
export function ruleDefaults(dpi: number): Required<RuleDetectOptions> {
  return {
    darkThreshold: 232,
    // A quarter inch: longer than an em dash or a `|`/`[` in 12 pt text, shorter than any table cell side.
    minLength: Math.max(8, Math.round(dpi / 4)),
    maxThickness: Math.max(2, Math.round(dpi / 36)),
    maxGap: Math.max(1, Math.round(dpi / 100)),
    // A twelfth of an inch: a dash of a dashed border, longer than a hyphen at table sizes.
    minDash: Math.max(4, Math.round(dpi / 12)),
    // An eighth of an inch, wider than the steps of a bitonal staircase.
    maxDashGap: Math.max(3, Math.round(dpi / 8)),
    // A tenth of an inch: the width of a digit or two at table sizes.
    maxBridge: Math.max(3, Math.round(dpi / 10)),
    sideProbe: Math.max(2, Math.round(dpi / 150)),
    maxSideInk: 0.45,
    // The darkness `darkThreshold` asks of a line on white paper, asked relative to the paper.
    minContrast: 23,
  };
}

/**
 * Parses a binary PGM (P5, maxval ≤ 255), as written by `pdftoppm -gray`.
 *
 * @example
 *   const img = readPgm(await fs.readFile('page.pgm'));
 */
export function readPgm(buf: Uint8Array): GrayImage {
  let pos = 0;
  const token = (): string => {
    // Header tokens are separated by whitespace; `#` starts a comment running to end of line.
    for (;;) {
      while (pos < buf.length && isSpace(buf[pos]!)) pos++;
      if (buf[pos] === 0x23) {
        while (pos < buf.length && buf[pos] !== 0x0a && buf[pos] !== 0x0d) pos++;
        continue;
      }
      break;
    }
    const start = pos;
    while (pos < buf.length && !isSpace(buf[pos]!) && pos - start < 16) pos++;
    return String.fromCharCode(...buf.subarray(start, pos));
  };
  const magic = token();
  if (magic !== 'P5') throw new Error(`Not a binary PGM (magic ${JSON.stringify(magic)}, want P5)`);
  const width = Number(token());
  const height = Number(token());
  const maxval = Number(token());
  if (!Number.isInteger(width) || !Number.isInteger(height) || width <= 0 || height <= 0) {
    throw new Error(`Bad PGM size ${width}x${height}`);
  }
  if (!Number.isInteger(maxval) || maxval <= 0 || maxval > 255) {
    throw new Error(`Unsupported PGM maxval ${maxval} (want 1..255)`);
  }
  pos++; // exactly one whitespace byte separates the header from the raster
  const size = width * height;
  if (buf.length - pos < size) throw new Error(`Truncated PGM: ${buf.length - pos} of ${size} bytes`);
  const data = new Uint8Array(size);
  data.set(buf.subarray(pos, pos + size));
  if (maxval !== 255) for (let i = 0; i < size; i++) data[i] = Math.round((data[i]! * 255) / maxval);
  return { width, height, data };
}

/**
 * Serialises a gray image as binary PGM (P5, maxval 255), which tesseract reads directly.
 *
 * @example
 *   await fs.writeFile('clean.pgm', writePgm(img));
 */
export function writePgm(img: GrayImage): Uint8Array {
  const header = new TextEncoder().encode(`P5\n${img.width} ${img.height}\n255\n`);
  const out = new Uint8Array(header.length + img.data.length);
  out.set(header, 0);
  out.set(img.data, header.length);
  return out;
}

/**
 * Finds long, thin, axis-aligned dark strokes: table borders, cell separators, underlines.
 * Tolerates slight skew (a line is followed as a staircase of runs) and small breaks.
 *
 * @example
 *   const rules = detectRules(img, ruleDefaults(300)); // [{ orientation: 'h', x0: 241, y0: 236, x1: 3280, y1: 261, ... }]
 */
export function detectRules(img: GrayImage, options: RuleDetectOptions = {}): RasterRule[] {
  const opts = { ...ruleDefaults(300), ...options };
  const turned = transpose(img);
  const alongRows = lineInk(img, opts);
  const alongColumns = lineInk(turned, opts);
  // Glyph strokes are thin across in one direction or the other; flat shading in neither.
  // One mask in the image's orientation, its transpose for the turned image.
  const { width, height } = img;
  const strokesRows = new Uint8Array(width * height);
  for (let y = 0; y < height; y++) {
    const row = y * width;
    for (let x = 0; x < width; x++) if (alongRows[row + x] === RIDGE || alongColumns[x * height + y] === RIDGE) strokesRows[row + x] = 1;
  }
  const strokesColumns = transpose({ width, height, data: strokesRows }).data;
  const horizontal = detectAlongRows(img, opts, alongRows, strokesRows);
  const vertical = detectAlongRows(turned, opts, alongColumns, strokesColumns).filter(
    // A vertical line's start/end are rows and its band columns; a horizontal one's the reverse.
    // A dashed horizontal may have lost a dash or two at the border, so it is asked to come within
    // a rule's shortest length of it.
    (v) =>
      !v.dashed ||
      horizontal.some((h) => h.minRow > v.start && h.maxRow < v.end && h.start - opts.minLength <= v.maxRow && h.end + opts.minLength > v.minRow),
  );
  return [...horizontal.map((l) => toRasterRule(l, 'h')), ...vertical.map((l) => toRasterRule(l, 'v'))];
}

export interface EraseOptions {
  /** Pixels beside a line that are whitened too when lighter than `haloThreshold`. */
  pad?: number;
  /**
   * The soft edge of a scanned line is mid-gray (150–230) and partly missed by detection; glyph
   * cores touching a line are darker, so only pixels at least this light are cleared beside it.
   */
  haloThreshold?: number;
}

/**
 * Returns a copy of the image with the rules painted white. Where a glyph stroke crosses a line
 * (dark ink on both sides of it, beyond its soft edge, that is not part of a crossing rule) the
 * crossing pixels are kept, so underlined descenders and digits written over a border are not cut.
 * Within `pad` pixels beside the line, light pixels (its soft edge) are whitened and dark ones
 * (glyphs touching it) kept.
 *
 * @example
 *   const clean = eraseRules(img, detectRules(img));
 */
export function eraseRules(img: GrayImage, rules: RasterRule[], options: EraseOptions = {}): GrayImage {
  const pad = options.pad ?? 2;
  const halo = options.haloThreshold ?? 160;
  const { width, height } = img;
  const src = img.data;
  const out = new Uint8Array(src);

  // Pixels of the rules of each orientation, widened by their soft edge. Ink beside a horizontal rule
  // that belongs to a vertical one is the other rule at a crossing, not a glyph (and vice versa).
  const masks = { h: new Uint8Array(width * height), v: new Uint8Array(width * height) };
  for (const r of rules) {
    const mask = masks[r.orientation];
    forEachCell(r, pad, r.orientation === 'h' ? height : width, (x, y) => (mask[y * width + x] = 1));
  }
  // Probed past the soft edge, which is mid-gray ink of the line itself.
  const isGlyphInk = (x: number, y: number, other: Uint8Array): boolean =>
    x >= 0 && y >= 0 && x < width && y < height && src[y * width + x]! < halo && other[y * width + x] === 0;

  for (const r of rules) {
    const horizontal = r.orientation === 'h';
    const across = horizontal ? height : width;
    for (let i = 0; i < r.from.length; i++) {
      const a = r.from[i]!;
      const b = r.to[i]!;
      if (a < 0) continue;
      const along = (horizontal ? r.x0 : r.y0) + i;
      const index = (c: number): number => (horizontal ? c * width + along : along * width + c);
      const at = (c: number): [number, number] => (horizontal ? [along, c] : [c, along]);
      const other = horizontal ? masks.v : masks.h;
      if (isGlyphInk(...at(a - pad - 1), other) && isGlyphInk(...at(b + pad + 1), other)) continue;
      for (let c = a; c <= b; c++) out[index(c)] = 255;
      for (let k = 1; k <= pad; k++) {
        for (const c of [a - k, b + k]) {
          if (c >= 0 && c < across && src[index(c)]! >= halo) out[index(c)] = 255;
        }
      }
    }
  }
  return { width, height, data: out };
}

/**
 * Converts pixel rules to page points (px × 72/dpi), top-left origin like the text layer.
 *
 * @example
 *   rulesToPoints(detectRules(img), 300); // [{ x0: 57.84, y0: 56.64, x1: 787.2, y1: 62.64, orientation: 'h', thickness: 1.03 }]
 */
export function rulesToPoints(rules: RasterRule[], dpi: number): Rule[] {
  const k = 72 / dpi;
  const round = (v: number): number => Math.round(v * k * 100) / 100;
  return rules.map((r) => ({
    x0: round(r.x0),
    y0: round(r.y0),
    x1: round(r.x1),
    y1: round(r.y1),
    orientation: r.orientation,
    thickness: round(r.thickness),
  }));
}

interface Run {
  row: number;
  start: number;
  /** Exclusive. */
  end: number;
}

interface Line {
  runs: Run[];
  start: number;
  end: number;
  minRow: number;
  maxRow: number;
  thickness: number;
  from: Int32Array;
  to: Int32Array;
  /** Joined from dashes (see `chainDashes`). */
  dashed?: boolean;
}

/**
 * Finds horizontal lines in a line-ink mask (see `lineInk`); vertical ones are found by running this
 * on the transposed image. `strokes` marks glyph ink, which beside a line means a row through text.
 */
function detectAlongRows(img: GrayImage, opts: Required<RuleDetectOptions>, data: Uint8Array, strokes: Uint8Array): Line[] {
  const { width, height } = img;
  const runs: Run[] = [];
  const parent: number[] = [];
  const isLong: boolean[] = [];
  const find = (i: number): number => {
    while (parent[i] !== i) {
      parent[i] = parent[parent[i]!]!;
      i = parent[i]!;
    }
    return i;
  };
  // Runs of the last two rows: a faint line may lose one row of its staircase to the threshold.
  let prev: number[] = [];
  let prev2: number[] = [];
  for (let y = 0; y < height; y++) {
    const rowStart = y * width;
    const current: number[] = [];
    let x = 0;
    while (x < width) {
      if (data[rowStart + x] !== RIDGE) {
        x++;
        continue;
      }
      const run = scanRun(data, rowStart, width, x, opts);
      x = run.next;
      const { start, end } = run;
      // Mostly ink: text rows bridged across letter gaps are sparse, real lines are nearly solid. Mostly
      // ridge: a border is a ridge except where another border crosses it or a glyph touches it.
      const solid = run.ink >= 0.9 * (end - start) && run.ridge >= 0.75 * (end - start);
      // Long runs are lines; short ones (a dash of a dashed border) are kept apart, so a glyph's
      // stroke beside a solid line never joins it.
      const long = end - start >= opts.minLength;
      if (solid && (long || end - start >= opts.minDash)) {
        const id = runs.length;
        runs.push({ row: y, start, end });
        parent.push(id);
        isLong.push(long);
        for (const other of [...prev, ...prev2]) {
          const o = runs[other]!;
          if (isLong[other] === long && o.start <= end + opts.maxGap && start <= o.end + opts.maxGap) {
            const ra = find(id);
            const rb = find(other);
            if (ra !== rb) parent[ra] = rb;
          }
        }
        current.push(id);
      }
    }
    prev2 = prev;
    prev = current;
  }

  const groups = new Map<number, Run[]>();
  const dashGroups = new Set<Run[]>();
  runs.forEach((r, i) => {
    const root = find(i);
    const list = groups.get(root);
    if (list) list.push(r);
    else {
      const created = [r];
      groups.set(root, created);
      if (!isLong[i]) dashGroups.add(created);
    }
  });

  const lines: Line[] = [];
  const dashes: Line[] = [];
  for (const group of groups.values()) {
    const dash = dashGroups.has(group);
    let start = Infinity;
    let end = -Infinity;
    let minRow = Infinity;
    let maxRow = -Infinity;
    for (const r of group) {
      start = Math.min(start, r.start);
      end = Math.max(end, r.end);
      minRow = Math.min(minRow, r.row);
      maxRow = Math.max(maxRow, r.row);
    }
    const from = new Int32Array(end - start).fill(-1);
    const to = new Int32Array(end - start).fill(-1);
    for (const r of group) {
      for (let x = r.start; x < r.end; x++) {
        const i = x - start;
        if (from[i] === -1 || r.row < from[i]!) from[i] = r.row;
        if (r.row > to[i]!) to[i] = r.row;
      }
    }
    let covered = 0;
    let sum = 0;
    let sideInk = 0;
    const inkAt = (x: number, y: number): boolean => y >= 0 && y < height && strokes[y * width + x] === 1;
    for (let i = 0; i < from.length; i++) {
      if (from[i]! < 0) continue;
      covered++;
      sum += to[i]! - from[i]! + 1;
      if (inkAt(start + i, from[i]! - opts.sideProbe) || inkAt(start + i, to[i]! + opts.sideProbe)) sideInk++;
    }
    const thickness = covered ? sum / covered : 0;
    if (end - start < (dash ? opts.minDash : opts.minLength) || thickness > opts.maxThickness) continue;
    if (sideInk > opts.maxSideInk * covered) continue;
    (dash ? dashes : lines).push({ runs: group, start, end, minRow, maxRow, thickness, from, to });
  }
  lines.push(...chainDashes(dashes, opts));
  lines.sort((a, b) => a.minRow - b.minRow || a.start - b.start);
  return joinCollinear(lines, opts);
}

/**
 * A thin border scanned bitonal at a low resolution, or drawn dashed, is a row of short dashes: a
 * slightly skewed one-pixel line thresholded into a staircase whose steps come apart. Dashes in one
 * row band, each gap no longer than the shorter dash beside it nor than `maxDashGap`, are one line
 * when at least `MIN_DASHES` of them reach `minLength` together. Glyph strokes along a line of text
 * do not line up that way (a lone dash, a '7' or a 'T' bar stays what it is); across lines they do:
 * the stems that start a column's left-aligned lines are a row of dashes down the page, so
 * `detectRules` keeps a dashed vertical line only where it runs across a horizontal one, as a
 * column border runs across the rule under the header and no cell's text does.
 */
function chainDashes(dashes: Line[], opts: Required<RuleDetectOptions>): Line[] {
  const out: Line[] = [];
  const byStart = [...dashes].sort((a, b) => a.start - b.start);
  const taken = new Set<Line>();
  for (const first of byStart) {
    if (taken.has(first)) continue;
    const chain = [first];
    let last = first;
    for (;;) {
      const next = byStart.find(
        (d) =>
          !taken.has(d) &&
          !chain.includes(d) &&
          d.start >= last.end &&
          d.start - last.end <= Math.min(opts.maxDashGap, last.end - last.start, d.end - d.start) &&
          d.minRow <= last.maxRow + 1 &&
          d.maxRow >= last.minRow - 1,
      );
      if (!next) break;
      chain.push(next);
      last = next;
    }
    if (chain.length < MIN_DASHES || last.end - first.start < opts.minLength) continue;
    for (const d of chain) taken.add(d);
    out.push({ ...chain.slice(1).reduce((line, d) => joinTwo(line, d), first), dashed: true });
  }
  return out;
}

/** Fewest dashes that make a dashed line. */
const MIN_DASHES = 3;

/**
 * A border broken by the scan (a bitonal line with dropouts, a stamp over it) is found as pieces
 * along one row band. Pieces whose bands overlap and whose gap is at most `2 × minLength` are one
 * line; across the gap the line's path is interpolated, so erasing it leaves no dashes for OCR to
 * read and the grid sees one border.
 */
function joinCollinear(lines: Line[], opts: Required<RuleDetectOptions>): Line[] {
  const out: Line[] = [];
  const byStart = [...lines].sort((a, b) => a.start - b.start);
  const taken = new Set<Line>();
  for (const first of byStart) {
    if (taken.has(first)) continue;
    taken.add(first);
    let line = first;
    for (;;) {
      const next = byStart.find(
        (l) =>
          !taken.has(l) &&
          l.start >= line.end &&
          l.start - line.end <= 2 * opts.minLength &&
          l.minRow <= line.maxRow + 1 &&
          l.maxRow >= line.minRow - 1,
      );
      if (!next) break;
      taken.add(next);
      line = joinTwo(line, next);
    }
    out.push(line);
  }
  return out.sort((a, b) => a.minRow - b.minRow || a.start - b.start);
}

function joinTwo(a: Line, b: Line): Line {
  const start = a.start;
  const end = b.end;
  const from = new Int32Array(end - start).fill(-1);
  const to = new Int32Array(end - start).fill(-1);
  from.set(a.from, 0);
  to.set(a.to, 0);
  from.set(b.from, b.start - start);
  to.set(b.to, b.start - start);
  // The gap: straight from a's last covered pixel to b's first.
  let i0 = a.from.length - 1;
  while (i0 > 0 && a.from[i0]! < 0) i0--;
  let j0 = 0;
  while (j0 < b.from.length - 1 && b.from[j0]! < 0) j0++;
  const gx0 = i0;
  const gx1 = b.start - start + j0;
  for (let x = gx0 + 1; x < gx1; x++) {
    const t = (x - gx0) / (gx1 - gx0);
    from[x] = Math.round(a.from[i0]! + (b.from[j0]! - a.from[i0]!) * t);
    to[x] = Math.round(a.to[i0]! + (b.to[j0]! - a.to[i0]!) * t);
  }
  const covered = (a.end - a.start) + (b.end - b.start);
  return {
    runs: [...a.runs, ...b.runs],
    start,
    end,
    minRow: Math.min(a.minRow, b.minRow),
    maxRow: Math.max(a.maxRow, b.maxRow),
    thickness: (a.thickness * (a.end - a.start) + b.thickness * (b.end - b.start)) / covered,
    from,
    to,
    ...(a.dashed && b.dashed ? { dashed: true } : {}),
  };
}

/**
 * The run of line ink in one row that starts at the ridge pixel `seed`: it goes on through gaps of
 * up to `maxGap` pixels and through dark non-ridge stretches (a crossing border, a glyph sitting on
 * the line) of up to `maxBridge`, and ends at its last ridge pixel. A dark stretch of at most
 * `maxThickness` at either end, with paper beyond it, is a border the line ends on and is included;
 * a longer one (a shaded cell) is not.
 */
function scanRun(
  mask: Uint8Array,
  rowStart: number,
  width: number,
  seed: number,
  opts: Required<RuleDetectOptions>,
): { start: number; end: number; next: number; ink: number; ridge: number } {
  let lastInk = seed;
  let lastRidge = seed;
  let x = seed;
  while (x < width && x - lastInk <= opts.maxGap + 1 && x - lastRidge <= opts.maxBridge + 1) {
    const v = mask[rowStart + x]!;
    if (v) lastInk = x;
    if (v === RIDGE) lastRidge = x;
    x++;
  }
  let start = seed;
  let end = lastRidge + 1;
  const darkStretch = (from: number, step: 1 | -1): number => {
    let n = 0;
    for (let i = from; i >= 0 && i < width && mask[rowStart + i] === DARK; i += step) n++;
    const beyond = from + step * n;
    const paper = beyond < 0 || beyond >= width || mask[rowStart + beyond] === 0;
    return paper && n <= opts.maxThickness ? n : 0;
  };
  start -= darkStretch(start - 1, -1);
  end += darkStretch(end, 1);
  let ink = 0;
  let ridge = 0;
  for (let i = start; i < end; i++) {
    const v = mask[rowStart + i]!;
    if (v) ink++;
    if (v === RIDGE) ridge++;
  }
  return { start, end, next: Math.max(end, seed + 1), ink, ridge };
}

const DARK = 1;
const RIDGE = 2;

/**
 * Classifies pixels for line finding: RIDGE where a pixel is at least `minContrast` darker than the
 * lightest pixel within `maxThickness + sideProbe` above it and than the lightest within that
 * distance below it (the body of a thin horizontal stroke); DARK where it is only darker than the
 * paper by `minContrast` (a crossing border, a glyph touching the line, a shaded cell); 0 otherwise.
 * Both sides are asked for a ridge, so the band of a shaded cell next to white paper is not one (it is
 * flat on one side), while the border between them is; the paper is the page's own background level,
 * so a grey scan's paper is not dark. `darkThreshold` caps both on white paper.
 * The lightest pixels come from van Herk / Gil-Werman running maxima down each column, so the cost
 * does not grow with the window.
 */
function lineInk(img: GrayImage, opts: Required<RuleDetectOptions>): Uint8Array {
  const { width, height, data } = img;
  const k = opts.maxThickness + opts.sideProbe;
  const size = k + 1;
  // forward[y] = max from the start of y's block to y; backward[y] = max from y to its block's end.
  // With blocks of k + 1 rows, max(backward[y - k], forward[y]) is the max over [y - k, y].
  const forward = new Uint8Array(data.length);
  const backward = new Uint8Array(data.length);
  for (let y = 0; y < height; y++) {
    const row = y * width;
    if (y % size === 0) forward.set(data.subarray(row, row + width), row);
    else for (let x = 0; x < width; x++) forward[row + x] = Math.max(forward[row - width + x]!, data[row + x]!);
  }
  for (let y = height - 1; y >= 0; y--) {
    const row = y * width;
    if (y === height - 1 || (y + 1) % size === 0) backward.set(data.subarray(row, row + width), row);
    else for (let x = 0; x < width; x++) backward[row + x] = Math.max(backward[row + width + x]!, data[row + x]!);
  }
  const dark = Math.min(opts.darkThreshold, backgroundLevel(img) - opts.minContrast + 1);
  const ink = new Uint8Array(data.length);
  for (let y = 0; y < height; y++) {
    const row = y * width;
    const up = Math.max(0, y - k) * width;
    const down = Math.min(height - 1, y + k) * width;
    for (let x = 0; x < width; x++) {
      const v = data[row + x]!;
      if (v >= dark) continue;
      const above = Math.max(backward[up + x]!, forward[row + x]!);
      const below = Math.max(backward[row + x]!, forward[down + x]!);
      ink[row + x] = Math.min(above, below) - v >= opts.minContrast ? RIDGE : DARK;
    }
  }
  return ink;
}

function toRasterRule(line: Line, orientation: 'h' | 'v'): RasterRule {
  const along = { from: line.from, to: line.to, thickness: line.thickness };
  return orientation === 'h'
    ? { orientation, x0: line.start, x1: line.end, y0: line.minRow, y1: line.maxRow + 1, ...along }
    : { orientation, y0: line.start, y1: line.end, x0: line.minRow, x1: line.maxRow + 1, ...along };
}

/** Visits every pixel of a rule widened by `pad` across it, clipped to `[0, limit)` across. */
function forEachCell(r: RasterRule, pad: number, limit: number, fn: (x: number, y: number) => void): void {
  for (let i = 0; i < r.from.length; i++) {
    const a = r.from[i]!;
    if (a < 0) continue;
    for (let c = Math.max(0, a - pad); c <= Math.min(r.to[i]! + pad, limit - 1); c++) {
      if (r.orientation === 'h') fn(r.x0 + i, c);
      else fn(c, r.y0 + i);
    }
  }
}

function transpose(img: GrayImage): GrayImage {
  const { width, height, data } = img;
  const out = new Uint8Array(width * height);
  for (let y = 0; y < height; y++) {
    const row = y * width;
    for (let x = 0; x < width; x++) out[x * height + y] = data[row + x]!;
  }
  return { width: height, height: width, data: out };
}

function isSpace(b: number): boolean {
  return b === 0x20 || b === 0x0a || b === 0x0d || b === 0x09 || b === 0x0b || b === 0x0c;
}
