/**
 * Skew estimation and correction for scanned pages. A page fed at a slight angle turns every table
 * border into a staircase and every text line into a slope: rule detection loses the borders and
 * tesseract's psm-6 lines mix rows. The angle is the one at which the ink's horizontal projection is
 * sharpest (text lines and borders fall into the fewest rows), the classic projection-profile method;
 * the page is then rotated back about its centre.
 */
import type { GrayImage } from './raster.js';

export interface SkewOptions {
  /** Largest angle searched either way, in degrees. Default 5. */
  maxDegrees?: number;
  /** Final precision in degrees. Default 0.02. */
  precision?: number;
}

/**
 * The page's skew in degrees, positive when its content runs clockwise (down to the right in
 * image coordinates). Returns 0 for a page with too little ink to tell.
 *
 * @example
 *   estimateSkew(img); // 0.44
 */
export function estimateSkew(img: GrayImage, options: SkewOptions = {}): number {
  const maxDeg = options.maxDegrees ?? 5;
  const precision = options.precision ?? 0.02;
  const threshold = inkThreshold(img);
  // Ink points, subsampled so the search costs the same at any resolution (about 1,500 px wide).
  const step = Math.max(1, Math.round(img.width / 1500));
  const xs: number[] = [];
  const ys: number[] = [];
  for (let y = 0; y < img.height; y += step) {
    const row = y * img.width;
    for (let x = 0; x < img.width; x += step) {
      if (img.data[row + x]! < threshold) {
        xs.push(x);
        ys.push(y);
      }
    }
  }
  if (xs.length < 200) return 0;
  const cx = img.width / 2;
  const bins = new Float64Array(Math.ceil(img.height / step) + Math.ceil(img.width / step) + 8);
  const score = (deg: number): number => {
    const t = Math.tan((deg * Math.PI) / 180);
    bins.fill(0);
    const offset = Math.ceil(img.width / step / 2) + 4;
    for (let i = 0; i < xs.length; i++) {
      // Where the point's line meets the page's centre column, in subsampled rows.
      const b = Math.round((ys[i]! - (xs[i]! - cx) * t) / step) + offset;
      if (b >= 0 && b < bins.length) bins[b]!++;
    }
    let s = 0;
    for (let i = 0; i < bins.length; i++) s += bins[i]! * bins[i]!;
    return s;
  };
  // Coarse to fine: a sharp profile has one narrow peak in angle, so each pass searches around the
  // last best angle with a tenth of the step.
  let best = 0;
  let bestScore = score(0);
  for (let stepDeg = 0.5, span = maxDeg; stepDeg >= precision * 0.999; span = stepDeg * 1.5, stepDeg /= 5) {
    const centre = best;
    for (let d = centre - span; d <= centre + span + 1e-9; d += stepDeg) {
      if (Math.abs(d) > maxDeg) continue;
      const s = score(d);
      if (s > bestScore) {
        bestScore = s;
        best = d;
      }
    }
  }
  return Math.round(best * 1000) / 1000;
}

/**
 * Rotates the image by `-degrees` about its centre (undoing a skew of `degrees`), same size,
 * bilinear, uncovered corners filled with `fill` (default: the page's background level).
 *
 * @example
 *   const straight = rotate(img, estimateSkew(img));
 */
export function rotate(img: GrayImage, degrees: number, fill = backgroundLevel(img)): GrayImage {
  const { width, height, data } = img;
  if (degrees === 0) return { width, height, data: new Uint8Array(data) };
  const a = (degrees * Math.PI) / 180;
  const cos = Math.cos(a);
  const sin = Math.sin(a);
  const cx = (width - 1) / 2;
  const cy = (height - 1) / 2;
  const out = new Uint8Array(width * height);
  for (let y = 0; y < height; y++) {
    const dy = y - cy;
    // The source point that a content rotation by `degrees` moved to (x, y), stepped along the row.
    let sx = cx - cx * cos - dy * sin;
    let sy = cy - cx * sin + dy * cos;
    for (let x = 0; x < width; x++, sx += cos, sy += sin) {
      if (sx < 0 || sy < 0 || sx >= width - 1 || sy >= height - 1) {
        out[y * width + x] = fill;
        continue;
      }
      const x0 = sx | 0;
      const y0 = sy | 0;
      const fx = sx - x0;
      const fy = sy - y0;
      const i = y0 * width + x0;
      const top = data[i]! + (data[i + 1]! - data[i]!) * fx;
      const bottom = data[i + width]! + (data[i + width + 1]! - data[i + width]!) * fx;
      out[y * width + x] = Math.round(top + (bottom - top) * fy);
    }
  }
  return { width, height, data: out };
}

/** The most frequent gray level among the lighter half of the pixels: the paper. */
export function backgroundLevel(img: GrayImage): number {
  const hist = histogram(img);
  let mode = 255;
  for (let v = 128; v < 256; v++) if (hist[v]! > hist[mode]!) mode = v;
  return mode;
}

/**
 * Otsu's threshold between ink and paper, so grey scans (paper at 230, noise, shaded cells) and
 * bitonal ones are treated alike.
 */
export function inkThreshold(img: GrayImage): number {
  const hist = histogram(img);
  let total = 0;
  let sum = 0;
  for (let v = 0; v < 256; v++) {
    total += hist[v]!;
    sum += v * hist[v]!;
  }
  let wB = 0;
  let sumB = 0;
  let best = 0;
  let threshold = 128;
  for (let t = 0; t < 256; t++) {
    wB += hist[t]!;
    if (!wB) continue;
    const wF = total - wB;
    if (!wF) break;
    sumB += t * hist[t]!;
    const mB = sumB / wB;
    const mF = (sum - sumB) / wF;
    const between = wB * wF * (mB - mF) * (mB - mF);
    if (between > best) {
      best = between;
      threshold = t + 1;
    }
  }
  return threshold;
}

function histogram(img: GrayImage): Uint32Array {
  const hist = new Uint32Array(256);
  const { data } = img;
  // Every 7th pixel is plenty for a page-wide histogram.
  for (let i = 0; i < data.length; i += 7) hist[data[i]!]!++;
  return hist;
}
