/**
 * Pictures of page regions for reports sent on: a page is rasterised once (gray, `pdftoppm`) and
 * every region asked of it is cut out and encoded as PNG here, so a report with many findings on
 * one page costs one rasterisation of that page.
 */
import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { crc32, deflateSync } from 'node:zlib';
import pLimit from 'p-limit';
import { AppError } from '../errors.js';
import type { BBox } from '../model/geometry.js';
import { readPgm, type GrayImage } from './raster.js';

/** A region of a page, in PDF points from the page's top-left corner. */
export interface CropRequest {
  page: number;
  box: BBox;
}

/** The PNG of a region and where the region sits on the page (points, top-left origin). */
export interface Crop {
  png: Uint8Array;
  box: BBox;
  width: number;
  height: number;
}

export interface CropOptions {
  /** Resolution of the rasterised pages (default 110). */
  dpi?: number;
  concurrency?: number;
  pdftoppmPath?: string;
}

/**
 * Cuts each requested region out of its page. A page that cannot be rasterised gives no crops (its
 * requests map to null) rather than failing the others; without `pdftoppm` at all it is
 * AppError `E_OCR_UNAVAILABLE`.
 *
 * @example
 *   const crops = await cropRegions('report.pdf', [{ page: 12, box: [40, 300, 560, 380] }]);
 *   crops[0]?.png; // PNG bytes
 */
export async function cropRegions(file: string, requests: readonly CropRequest[], opts: CropOptions = {}): Promise<(Crop | null)[]> {
  const dpi = opts.dpi ?? 110;
  const pdftoppm = opts.pdftoppmPath ?? 'pdftoppm';
  const out: (Crop | null)[] = requests.map(() => null);
  const byPage = new Map<number, number[]>();
  requests.forEach((r, i) => byPage.set(r.page, [...(byPage.get(r.page) ?? []), i]));
  if (!byPage.size) return out;
  await ensureTool(pdftoppm);
  const tmp = await mkdtemp(path.join(os.tmpdir(), 'lkjip-crop-'));
  const limit = pLimit(Math.max(1, opts.concurrency ?? 2));
  try {
    await Promise.all(
      [...byPage].map(([page, indices]) =>
        limit(async () => {
          const img = await rasterise(pdftoppm, file, page, dpi, path.join(tmp, `p${page}`)).catch(() => null);
          if (!img) return;
          for (const i of indices) out[i] = cut(img, requests[i]!.box, dpi);
        }),
      ),
    );
  } finally {
    await rm(tmp, { recursive: true, force: true });
  }
  return out;
}

/**
 * Encodes a gray image as PNG (colour type 0, 8 bits).
 *
 * @example
 *   encodePng({ width: 1, height: 1, data: new Uint8Array([255]) }); // a white pixel
 */
export function encodePng(img: GrayImage): Uint8Array {
  const raw = new Uint8Array((img.width + 1) * img.height);
  for (let y = 0; y < img.height; y++) {
    // Each scanline starts with its filter type (0: none).
    raw.set(img.data.subarray(y * img.width, (y + 1) * img.width), y * (img.width + 1) + 1);
  }
  const header = Buffer.alloc(13);
  header.writeUInt32BE(img.width, 0);
  header.writeUInt32BE(img.height, 4);
  header.set([8, 0, 0, 0, 0], 8);
  const signature = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  return Buffer.concat([signature, chunk('IHDR', header), chunk('IDAT', deflateSync(raw, { level: 9 })), chunk('IEND', Buffer.alloc(0))]);
}

// ---------------------------------------------------------------------------------------------

function chunk(type: string, data: Uint8Array): Buffer {
  const head = Buffer.alloc(8);
  head.writeUInt32BE(data.length, 0);
  head.write(type, 4, 'latin1');
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(Buffer.concat([head.subarray(4), data])), 0);
  return Buffer.concat([head, data, crc]);
}

/** The box (points) clamped to the page, cut from its raster. */
function cut(img: GrayImage, box: BBox, dpi: number): Crop | null {
  const k = dpi / 72;
  const px = (v: number, max: number) => Math.min(max, Math.max(0, Math.round(v * k)));
  const x0 = px(box[0], img.width);
  const y0 = px(box[1], img.height);
  const x1 = px(box[2], img.width);
  const y1 = px(box[3], img.height);
  const width = x1 - x0;
  const height = y1 - y0;
  if (width < 2 || height < 2) return null;
  const data = new Uint8Array(width * height);
  for (let y = 0; y < height; y++) data.set(img.data.subarray((y0 + y) * img.width + x0, (y0 + y) * img.width + x1), y * width);
  return { png: encodePng({ width, height, data }), box: [x0 / k, y0 / k, x1 / k, y1 / k], width, height };
}

async function rasterise(pdftoppm: string, file: string, page: number, dpi: number, base: string): Promise<GrayImage> {
  await execTool(pdftoppm, ['-r', String(dpi), '-gray', '-f', String(page), '-l', String(page), '-singlefile', file, base]);
  return readPgm(await readFile(`${base}.pgm`));
}

async function ensureTool(pdftoppm: string): Promise<void> {
  try {
    await execTool(pdftoppm, ['-v']);
  } catch (err) {
    throw new AppError('E_OCR_UNAVAILABLE', `pdftoppm was not found or does not run (${pdftoppm}); install the Debian package poppler-utils to include page pictures`, { stage: 'export' }, { cause: err });
  }
}

function execTool(cmd: string, args: string[]): Promise<void> {
  return new Promise((resolve, reject) => {
    execFile(cmd, args, { timeout: 60_000, maxBuffer: 1024 * 1024, windowsHide: true }, (err) => (err ? reject(err) : resolve()));
  });
}
