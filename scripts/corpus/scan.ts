/**
 * Turns chosen pages of a rendered PDF into image-only "scans" of a signed, stamped printout, for the
 * evaluation corpus: the OCR path must read them the way it reads a real scanned attachment.
 *
 * Per page: `pdftoppm` renders it at the scan resolution; a round office stamp and a signature
 * scribble are put on the "paper" (over the page's table when one is found); then the "scanner"
 * skews the sheet, blurs it slightly, dulls black and white, adds uneven lighting, sensor noise and
 * dust, and stores it as JPEG (grey) or CCITT G4 (bitonal, lossless). A one-page PDF holding only
 * that image (written here, no text layer) replaces the page via `qpdf`; every other page is copied
 * untouched. All randomness comes from `params.seed` (and the page number), so the same input bytes
 * and params give the same output bytes with the same tool versions.
 *
 * Needs (Debian): poppler-utils (pdftoppm), imagemagick (IM6 `convert`), qpdf; page boxes are read
 * with pdfjs-dist. The stamp lettering uses Nimbus Sans Bold (fonts-urw-base35, which imagemagick
 * pulls in through ghostscript), else Liberation Sans Bold or DejaVu Sans Bold.
 *
 * CLI:
 *   npx tsx scripts/corpus/scan.ts in.pdf out.pdf --pages 3,4 --dpi 150 --mode grey --skew 1.2 \
 *     --noise 0.3 --jpeg 40 --stamp --signature --seed 7 [--stamp-text 'DINAS X * KOTA Y *']
 */
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { openPdf } from '../../src/ingest/pdf.js';
import { detectRules, readPgm, ruleDefaults } from '../../src/ingest/raster.js';
import { rng, type Rng } from '../synthetic/lib/rng.js';

export interface ScanParams {
  /** Scan resolution, 100–300. */
  dpi: number;
  /** 'grey': 8-bit JPEG; 'bitonal': thresholded 1-bit, stored losslessly as CCITT G4. */
  mode: 'grey' | 'bitonal';
  /** Signed skew in degrees (positive = clockwise), |skew| in 0.3–3. */
  skewDeg: number;
  /** 0..1 strength of sensor noise and dust specks. */
  noise: number;
  /** JPEG quality 25–85 (grey pages; bitonal pages are stored losslessly and ignore it). */
  jpegQuality: number;
  /** A round, semi-transparent blue/purple office stamp with ring text over part of the table area. */
  stamp: boolean;
  /** A handwritten-looking signature scribble overlapping the stamp, or near the bottom without one. */
  signature: boolean;
  /** All randomness derives from this (stamp position and look, signature shape, noise seeds). */
  seed: number;
}

export interface ScanOptions {
  /** Text around the stamp's ring; `*` is drawn as a star. Defaults to a generic office name. */
  stampText?: string;
  /** The word across the stamp's centre (default 'KEPALA'). */
  stampCentre?: string;
  /** Keep colour (an RGB JPEG with a blue/purple stamp) instead of greyscale; grey mode only. */
  colour?: boolean;
  /** Tool paths; default to the names on PATH. */
  tools?: Partial<ScanTools>;
}

export interface ScanTools {
  pdftoppm: string;
  qpdf: string;
  /** ImageMagick 6's `convert` (tested with 6.9.11); IM7's `magick` takes the same arguments but is untested. */
  convert: string;
}

const DEFAULT_TOOLS: ScanTools = { pdftoppm: 'pdftoppm', qpdf: 'qpdf', convert: 'convert' };
const DEFAULT_STAMP_TEXT = 'PEMERINTAH KABUPATEN * DINAS PERANGKAT DAERAH *';
/** Bold sans fonts for the stamp, first found wins; the stamp layout uses Helvetica-Bold widths. */
const STAMP_FONTS = [
  '/usr/share/fonts/type1/urw-base35/NimbusSans-Bold.t1',
  '/usr/share/fonts/opentype/urw-base35/NimbusSans-Bold.otf',
  '/usr/share/fonts/truetype/liberation/LiberationSans-Bold.ttf',
  '/usr/share/fonts/truetype/liberation2/LiberationSans-Bold.ttf',
  '/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf',
];

/** One page's visible box (crop box clipped to the media box) in points, and its /Rotate angle. */
interface PageBox {
  x0: number;
  y0: number;
  width: number;
  height: number;
  rotate: number;
}

/** A rectangle in raster pixels, end-exclusive. */
interface Box {
  x0: number;
  y0: number;
  x1: number;
  y1: number;
}

/**
 * Replaces the given 1-based pages of `input` with image-only scans and writes `output`. Pages keep
 * their size (points), rotation and order. Deterministic for the same input bytes and params.
 *
 * @example
 *   await scanPages('in.pdf', 'out.pdf', [5, 6], { dpi: 200, mode: 'grey', skewDeg: 1, noise: 0.3,
 *     jpegQuality: 50, stamp: true, signature: true, seed: 7 });
 */
export async function scanPages(input: string, output: string, pages: number[], params: ScanParams, opts: ScanOptions = {}): Promise<void> {
  checkParams(params);
  // Absolute, so a file name starting with `-` is never taken for an option.
  input = path.resolve(input);
  const tools = { ...DEFAULT_TOOLS, ...opts.tools };
  const wanted = [...new Set(pages)].sort((a, b) => a - b);
  if (!wanted.length) throw new Error('scanPages: no pages given');
  const { count, boxes } = await pageInfo(input, wanted);
  for (const p of wanted) {
    if (!Number.isInteger(p) || p < 1 || p > count) throw new Error(`scanPages: page ${p} is not in 1..${count} of ${input}`);
  }
  const tmp = await mkdtemp(path.join(os.tmpdir(), 'lkjip-scan-'));
  try {
    const scans = new Map<number, string>();
    const font = STAMP_FONTS.find((f) => existsSync(f)) ?? 'Helvetica-Bold';
    for (const p of wanted) {
      const box = boxes.get(p);
      if (!box) throw new Error(`scanPages: no page box for page ${p}`);
      scans.set(p, await scanOnePage(tools, input, p, box, params, opts, font, tmp));
    }
    // qpdf takes the document catalog (outline, page labels, info) from `input` and the pages in
    // the order listed: runs of untouched pages from `input`, each scan from its one-page PDF.
    const spec: string[] = [];
    let next = 1;
    for (const p of wanted) {
      if (p > next) spec.push(input, `${next}-${p - 1}`);
      spec.push(scans.get(p)!, '1');
      next = p + 1;
    }
    if (next <= count) spec.push(input, `${next}-z`);
    const tmpOut = path.join(tmp, 'out.pdf');
    await run(tools.qpdf, ['--deterministic-id', '--warning-exit-0', '--no-original-object-ids', input, '--pages', ...spec, '--', tmpOut]);
    // Written via a temp file so `output` may be `input`; rename can't cross filesystems, so copy.
    await writeFile(output, await readFile(tmpOut));
  } finally {
    await rm(tmp, { recursive: true, force: true });
  }
}

/** Whether the tools are installed; `reason` names the missing Debian package. */
export async function scanAvailable(tools: Partial<ScanTools> = {}): Promise<{ ok: boolean; reason?: string }> {
  const t = { ...DEFAULT_TOOLS, ...tools };
  const checks: [string, string[], string, RegExp][] = [
    [t.pdftoppm, ['-v'], 'poppler-utils', /pdftoppm/i],
    [t.qpdf, ['--version'], 'qpdf', /qpdf/i],
    // A stand-in `convert` may exist without ImageMagick; only the real one prints its version.
    [t.convert, ['-version'], 'imagemagick', /^Version: ImageMagick/m],
  ];
  for (const [cmd, args, pkg, re] of checks) {
    try {
      const { stdout, stderr } = await run(cmd, args);
      if (!re.test(stdout.toString('utf8') + stderr.toString('utf8'))) {
        return { ok: false, reason: `${cmd} is not the expected tool; install the Debian package ${pkg}` };
      }
    } catch (err) {
      return { ok: false, reason: `${cmd} does not run (${err instanceof Error ? err.message : String(err)}); install the Debian package ${pkg}` };
    }
  }
  return { ok: true };
}

function checkParams(p: ScanParams): void {
  const bad = (what: string): never => {
    throw new Error(`scanPages: ${what}`);
  };
  if (!Number.isFinite(p.dpi) || p.dpi < 100 || p.dpi > 300) bad(`dpi ${p.dpi} is not in 100–300`);
  if (p.mode !== 'grey' && p.mode !== 'bitonal') bad(`mode ${String(p.mode)} is not 'grey' or 'bitonal'`);
  // The documented skew range is 0.3–3°; 0 (a perfectly aligned sheet) is allowed too.
  if (!Number.isFinite(p.skewDeg) || Math.abs(p.skewDeg) > 3) bad(`skewDeg ${p.skewDeg} is not in -3..3`);
  if (!Number.isFinite(p.noise) || p.noise < 0 || p.noise > 1) bad(`noise ${p.noise} is not in 0..1`);
  if (!Number.isFinite(p.jpegQuality) || p.jpegQuality < 1 || p.jpegQuality > 100) bad(`jpegQuality ${p.jpegQuality} is not in 1..100`);
  if (!Number.isInteger(p.seed)) bad(`seed ${p.seed} is not an integer`);
}

/** Page count and, for the wanted pages, the exact visible box (crop ∩ media) and rotation, via pdf.js. */
async function pageInfo(input: string, pages: number[]): Promise<{ count: number; boxes: Map<number, PageBox> }> {
  const doc = await openPdf(new Uint8Array(await readFile(input)), input);
  try {
    const boxes = new Map<number, PageBox>();
    for (const n of pages) {
      if (!Number.isInteger(n) || n < 1 || n > doc.numPages) continue;
      const page = await doc.getPage(n);
      const [x0, y0, x1, y1] = page.view as [number, number, number, number];
      boxes.set(n, { x0, y0, width: x1 - x0, height: y1 - y0, rotate: (((page.rotate % 360) + 360) % 360) });
      page.cleanup();
    }
    return { count: doc.numPages, boxes };
  } finally {
    await doc.destroy();
  }
}

/** Scans one page into a one-page, image-only PDF in `tmp`; returns its path. */
async function scanOnePage(
  tools: ScanTools,
  input: string,
  page: number,
  box: PageBox,
  params: ScanParams,
  opts: ScanOptions,
  font: string,
  tmp: string,
): Promise<string> {
  const r = rng((Math.imul(params.seed, 0x9e3779b1) ^ Math.imul(page, 0x85ebca6b)) >>> 0);
  const colour = opts.colour === true && params.mode === 'grey';
  const base = path.join(tmp, `p${page}`);
  await run(tools.pdftoppm, ['-r', String(params.dpi), '-gray', '-f', String(page), '-l', String(page), '-singlefile', input, base]);
  const pgm = `${base}.pgm`;
  let rendered = pgm;
  if (colour) {
    await run(tools.pdftoppm, ['-r', String(params.dpi), '-f', String(page), '-l', String(page), '-singlefile', input, base]);
    rendered = `${base}.ppm`;
  }
  const img = readPgm(await readFile(pgm));
  const W = img.width;
  const H = img.height;
  const mm = params.dpi / 25.4;

  const args: string[] = [rendered, '-colorspace', 'sRGB', '-type', 'TrueColor'];

  // --- On the paper: stamp and signature. ---
  let stampAt: { cx: number; cy: number; r: number } | undefined;
  if (params.stamp) {
    // Over the lower part of the page's table, towards its number columns; without a table, in
    // the lower middle of the page.
    const table = findTable(img, params.dpi);
    const d = r.float(36, 44) * mm;
    const rad = d / 2;
    let cx: number;
    let cy: number;
    if (table) {
      const tw = table.x1 - table.x0;
      const th = table.y1 - table.y0;
      cx = table.x0 + tw * r.float(0.4, 0.85);
      cy = table.y0 + th * r.float(th > 2 * d ? 0.45 : 0.3, 0.9);
    } else {
      cx = W * r.float(0.3, 0.7);
      cy = H * r.float(0.55, 0.85);
    }
    const margin = rad * 0.85;
    cx = clamp(cx, margin, W - margin);
    cy = clamp(cy, margin, H - margin);
    stampAt = { cx, cy, r: rad };
  }
  const inks = ['#4a2c8f', '#2b3f9f', '#5a3a9a', '#23409a', '#3b2f86'];
  if (stampAt) {
    const ink = r.pick(inks);
    args.push(...stampArgs(stampAt, ink, opts.stampText ?? DEFAULT_STAMP_TEXT, opts.stampCentre ?? 'KEPALA', font, mm, r));
  }
  if (params.signature) {
    const sigW = r.float(40, 55) * mm;
    const sigH = sigW * r.float(0.3, 0.42);
    let sx: number;
    let sy: number;
    if (stampAt) {
      // Across the stamp's middle and out to its right, as a head of office signs over the seal.
      sx = stampAt.cx + stampAt.r * r.float(-0.3, 0.15);
      sy = stampAt.cy - sigH * r.float(0.2, 0.7);
    } else {
      // The signature block at the foot of the page.
      sx = W * r.float(0.5, 0.62);
      sy = H * r.float(0.8, 0.88);
    }
    sx = clamp(sx, 0.03 * W, W - sigW - 0.03 * W);
    sy = clamp(sy, 0.03 * H, H - sigH - 0.03 * H);
    const ink = r.pick(['#1c2466', '#1a1f4f', '#202020', '#17306e']);
    args.push(
      '-fill', 'none', '-stroke', ink, '-strokewidth', fmt(r.float(0.35, 0.55) * mm),
      '-draw', `stroke-opacity ${fmt(r.float(0.8, 0.95))} stroke-linecap round stroke-linejoin round ${signaturePath(sx, sy, sigW, sigH, r)}`,
      '+stroke', '-fill', 'black',
    );
  }

  // --- The scanner: skewed sheet, optics blur, dull blacks and paper, lighting, noise, dust. ---
  const skew = params.skewDeg;
  if (skew !== 0) args.push('-background', 'white', '-rotate', fmt(skew), '+repage', '-gravity', 'center', '-extent', `${W}x${H}`, '+gravity', '+repage');
  if (!colour) args.push('-colorspace', 'Gray');
  // Dust on the glass and toner specks: a few small dark dots, more with more noise; blurred with the page.
  const specks = Math.round(((W * H) / (params.dpi * params.dpi)) * (0.1 + 0.9 * params.noise) * r.float(0.6, 1.4));
  if (specks > 0) {
    const dots: string[] = ['stroke none'];
    const unit = params.dpi / 200;
    for (let i = 0; i < specks; i++) {
      const rad = unit * (r.next() < 0.85 ? r.float(0.5, 1.3) : r.float(1.3, 2.6));
      const x = r.float(0, W);
      const y = r.float(0, H);
      dots.push(`fill gray(${fmt(r.float(10, 55))}%) circle ${fmt(x)},${fmt(y)} ${fmt(x + rad)},${fmt(y)}`);
    }
    args.push('-draw', dots.join(' '));
  }
  const bitonal = params.mode === 'bitonal';
  // Optics: a slight blur (less for bitonal, whose threshold would otherwise lose hairlines).
  args.push('-blur', `0x${fmt((bitonal ? r.float(0.3, 0.45) : r.float(0.45, 0.7)) * (params.dpi / 200))}`);
  // Toner is not black, paper is not white.
  const paper = bitonal ? 98 : r.float(94, 98);
  const toner = r.float(6, 14);
  args.push('+level', `${fmt(toner)}%,${fmt(paper)}%`);
  // Uneven lighting: a soft gradient, a few grey levels darker towards one edge (and a paper tint in
  // colour); made small and scaled up, which is smooth and far cheaper than a full-size gradient.
  const shade = r.float(95, 99);
  const light = colour ? r.pick(['#fdfaf0', '#fbf8f1', '#fcf9ee']) : 'white';
  const dark = colour ? `rgb(${fmt(shade * 0.99)}%,${fmt(shade * 0.975)}%,${fmt(shade * 0.93)}%)` : `gray(${fmt(shade)}%)`;
  args.push('(', '-size', '32x32', `gradient:${light}-${dark}`, '-rotate', String(r.pick([0, 90, 180, 270])), '-resize', `${W}x${H}!`);
  args.push('-colorspace', colour ? 'sRGB' : 'Gray', ')', '-compose', 'Multiply', '-composite', '-compose', 'Over');
  // Sensor noise: Gaussian, sigma ≈ 2..11 grey levels.
  const attenuate = 0.1 + 0.45 * params.noise;
  args.push('-seed', String(r.int(1, 2 ** 30)), '-attenuate', fmt(attenuate), '+noise', 'Gaussian', '-attenuate', '1');
  args.push('-strip');

  let image: { data: Buffer; width: number; height: number; components: number; filter: 'DCTDecode' | 'CCITTFaxDecode' };
  const rot = box.rotate;
  const unrotate = rot ? ['-rotate', String(-rot), '+repage'] : [];
  if (params.mode === 'bitonal') {
    const out = `${base}.g4`;
    const threshold = r.float(66, 74);
    await run(tools.convert, [...args, '-threshold', `${fmt(threshold)}%`, ...unrotate, `group4:${out}`]);
    const [w, h] = rot === 90 || rot === 270 ? [H, W] : [W, H];
    image = { data: await readFile(out), width: w, height: h, components: 1, filter: 'CCITTFaxDecode' };
  } else {
    const out = `${base}.jpg`;
    const q = String(Math.round(params.jpegQuality));
    const type = colour ? ['-type', 'TrueColor', '-sampling-factor', '2x2'] : ['-type', 'Grayscale'];
    await run(tools.convert, [...args, ...unrotate, ...type, '-quality', q, '-density', String(params.dpi), '-units', 'PixelsPerInch', `jpeg:${out}`]);
    const data = await readFile(out);
    const sof = jpegSize(data);
    image = { data, ...sof, filter: 'DCTDecode' };
  }
  const file = `${base}.pdf`;
  await writeFile(file, onePagePdf(image, box));
  return file;
}

/**
 * The bounding box of the largest group of long ruling lines (a bordered table), if any: rules at
 * least a quarter of the page across (or down) that touch or nearly touch are merged into groups.
 */
function findTable(img: ReturnType<typeof readPgm>, dpi: number): Box | undefined {
  const long = detectRules(img, ruleDefaults(dpi)).filter((l) =>
    l.orientation === 'h' ? l.x1 - l.x0 >= img.width * 0.25 : l.y1 - l.y0 >= img.height * 0.25,
  );
  const tol = dpi * 0.6; // rules up to 0.6 in apart belong to one table
  const groups: { box: Box; n: number }[] = [];
  for (const l of long) {
    let g = { box: { x0: l.x0, y0: l.y0, x1: l.x1, y1: l.y1 }, n: 1 };
    // Merge with every group it is near, repeatedly, so chains of rules end up in one group.
    for (let i = groups.length - 1; i >= 0; i--) {
      const o = groups[i]!;
      if (o.box.x0 - tol <= g.box.x1 && g.box.x0 <= o.box.x1 + tol && o.box.y0 - tol <= g.box.y1 && g.box.y0 <= o.box.y1 + tol) {
        g = {
          box: { x0: Math.min(o.box.x0, g.box.x0), y0: Math.min(o.box.y0, g.box.y0), x1: Math.max(o.box.x1, g.box.x1), y1: Math.max(o.box.y1, g.box.y1) },
          n: o.n + g.n,
        };
        groups.splice(i, 1);
        i = groups.length;
      }
    }
    groups.push(g);
  }
  let best: Box | undefined;
  let bestArea = 0;
  for (const g of groups) {
    const area = (g.box.x1 - g.box.x0) * (g.box.y1 - g.box.y0);
    if (g.n >= 3 && area > bestArea) {
      best = g.box;
      bestArea = area;
    }
  }
  return best;
}

/**
 * ImageMagick arguments that composite a round stamp centred at (cx, cy): two rings, text around
 * the ring (stars for `*`), a star and a word in the centre; blotchy, rotated, multiplied onto the page.
 */
function stampArgs(at: { cx: number; cy: number; r: number }, ink: string, ringText: string, centre: string, font: string, mm: number, r: Rng): string[] {
  const S = Math.ceil(at.r * 2 + 4);
  const c = S / 2;
  const r1 = at.r - 0.5 * mm; // outer ring, stroke centre
  const w1 = r.float(0.7, 1.0) * mm;
  const r2 = at.r - r.float(6.2, 7.2) * mm; // inner ring
  const w2 = r.float(0.3, 0.45) * mm;
  const band = r1 - w1 / 2 - (r2 + w2 / 2); // room for the ring text

  const text = sanitize(ringText) || sanitize(DEFAULT_STAMP_TEXT);
  const units = [...text].reduce((s, ch) => s + charWidth(ch), 0) / 1000; // widths at 1 pt
  const capFrac = 0.72;
  let pt = (band * 0.62) / capFrac;
  const baseR = r2 + w2 / 2 + (band - pt * capFrac) / 2;
  const circ = 2 * Math.PI * (baseR + (pt * capFrac) / 2);
  const closed = /\*\s*$/.test(text);
  const room = circ * (closed ? 0.97 : 0.8);
  if (units * pt > room) pt = room / units;
  const spacing = Math.max(0, (room - units * pt) / text.length);
  const total = units * pt + spacing * text.length;
  const midR = baseR + (pt * capFrac) / 2;
  let theta = -((total / midR) * 180) / Math.PI / 2; // start so the text is centred on the top

  const mvg: string[] = [`stroke none fill '${ink}'`];
  for (const ch of text) {
    const adv = (charWidth(ch) / 1000) * pt + spacing;
    const mid = theta + ((adv / midR) * 180) / Math.PI / 2;
    const a = (mid * Math.PI) / 180;
    const x = c + baseR * Math.sin(a);
    const y = c - baseR * Math.cos(a);
    if (ch === '*') {
      const sx = c + midR * Math.sin(a);
      const sy = c - midR * Math.cos(a);
      mvg.push(`polygon ${starPoints(sx, sy, pt * 0.42, mid)}`);
    } else if (ch !== ' ') {
      const w = (charWidth(ch) / 1000) * pt;
      mvg.push(`push graphic-context translate ${fmt(x)},${fmt(y)} rotate ${fmt(mid)} text ${fmt(-w / 2)},0 '${ch}' pop graphic-context`);
    }
    theta += ((adv / midR) * 180) / Math.PI;
  }
  // Centre: a star above a word between two short rules.
  const word = sanitize(centre).replace(/\*/g, '').trim().slice(0, 14);
  const cpt = Math.min((r2 * 1.3) / Math.max(1, ([...word].reduce((s, ch) => s + charWidth(ch), 0) / 1000)), r2 * 0.42);
  const ww = ([...word].reduce((s, ch) => s + charWidth(ch), 0) / 1000) * cpt;
  mvg.push(`polygon ${starPoints(c, c - r2 * 0.45, r2 * 0.28, 0)}`);
  if (word) mvg.push(`text ${fmt(c - ww / 2)},${fmt(c + (cpt * capFrac) / 2)} '${word}'`);
  const ruleW = fmt(Math.max(1, 0.3 * mm));
  const lineY = [c - cpt * 0.62, c + cpt * 0.62];
  const halfLen = Math.min(ww / 2 + 1.5 * mm, Math.sqrt(Math.max(0, r2 * r2 - (cpt * 0.62) ** 2)) - 1.2 * mm);
  const lines = lineY.map((y) => `line ${fmt(c - halfLen)},${fmt(y)} ${fmt(c + halfLen)},${fmt(y)}`).join(' ');

  const opacity = r.float(0.75, 0.95);
  const angle = r.float(-25, 25);
  const blotch = Math.max(2, S / 45);
  return [
    '(',
    '-size', `${S}x${S}`, 'xc:none',
    '-fill', 'none', '-stroke', ink,
    '-strokewidth', fmt(w1), '-draw', `circle ${fmt(c)},${fmt(c)} ${fmt(c + r1)},${fmt(c)}`,
    '-strokewidth', fmt(w2), '-draw', `circle ${fmt(c)},${fmt(c)} ${fmt(c + r2)},${fmt(c)}`,
    '-strokewidth', ruleW, '-draw', lines,
    '-stroke', 'none', '-fill', ink, '-font', font, '-pointsize', fmt(pt), '-draw', mvg.slice(0, -1).join(' '),
    '-pointsize', fmt(cpt), '-draw', `stroke none fill '${ink}' ${mvg[mvg.length - 1]}`,
    // Uneven ink: the stamp's alpha times a smooth random field (a half-dry pad, pressed unevenly).
    '(', '-size', `${S}x${S}`, 'xc:gray50', '-seed', String(r.int(1, 2 ** 30)), '+noise', 'Random', '-colorspace', 'Gray',
    '-virtual-pixel', 'tile', '-blur', `0x${fmt(blotch)}`, '-auto-level', '-level', `${fmt(r.float(0, 12))}%,${fmt(r.float(40, 60))}%`,
    '-alpha', 'copy', ')',
    '-compose', 'DstIn', '-composite', '-compose', 'Over',
    '-blur', '0x0.6',
    '-background', 'none', '-virtual-pixel', 'transparent', '-rotate', fmt(angle), '+repage', '-gravity', 'center', '-extent', `${S}x${S}`, '+gravity',
    '-channel', 'A', '-evaluate', 'multiply', fmt(opacity), '+channel',
    ')',
    '-geometry', `+${Math.round(at.cx - c)}+${Math.round(at.cy - c)}`, '-compose', 'Multiply', '-composite', '-compose', 'Over',
  ];
}

/** A five-pointed star's polygon points, centred at (x, y), outer radius `rad`, turned `deg`. */
function starPoints(x: number, y: number, rad: number, deg: number): string {
  const pts: string[] = [];
  for (let i = 0; i < 10; i++) {
    const a = ((deg + i * 36) * Math.PI) / 180;
    const rr = i % 2 === 0 ? rad : rad * 0.4;
    pts.push(`${fmt(x + rr * Math.sin(a))},${fmt(y - rr * Math.cos(a))}`);
  }
  return pts.join(' ');
}

/**
 * An MVG `path` for a signature in the box (x, y, w, h): a tall initial with a loop, a run of small
 * connected letter shapes (ascender loops, arches, cups, a descender loop), all one Catmull-Rom
 * stroke, and a flourish underneath; rising slightly to the right, as most hands do.
 */
function signaturePath(x: number, y: number, w: number, h: number, r: Rng): string {
  const base = y + h * 0.6; // baseline
  const xh = h * r.float(0.14, 0.22); // x-height
  const asc = h * r.float(0.45, 0.6); // ascender height
  const pts: [number, number][] = [];
  let cx = x + w * r.float(0.01, 0.06);
  // The initial: a big upstroke, a loop at the top, a long downstroke through the baseline.
  const iw = w * r.float(0.1, 0.16);
  pts.push([cx, base + xh * 0.3], [cx + iw * 0.6, y + h * r.float(0.02, 0.12)], [cx + iw, y + h * r.float(0.1, 0.2)]);
  pts.push([cx + iw * 0.55, y + h * r.float(0.2, 0.3)], [cx + iw * 0.3, base + xh * r.float(0.6, 1.4)], [cx + iw * 0.9, base - xh * 0.4]);
  cx += iw;
  const letters = r.int(5, 9);
  const lw = (w * r.float(0.55, 0.72)) / letters;
  for (let i = 0; i < letters; i++) {
    const kind = r.pick(['arch', 'arch', 'cup', 'cup', 'loop', 'dip', 'e']);
    const s = lw * r.float(0.7, 1.3);
    const j = (): number => xh * r.float(-0.15, 0.15);
    if (kind === 'arch') pts.push([cx + s * 0.3, base - xh + j()], [cx + s * 0.7, base + j() * 0.5]);
    else if (kind === 'cup') pts.push([cx + s * 0.25, base + j() * 0.5], [cx + s * 0.75, base - xh + j()]);
    else if (kind === 'loop') pts.push([cx + s * 0.5, base - asc * r.float(0.6, 1)], [cx + s * 0.15, base - asc * 0.5], [cx + s * 0.6, base + j() * 0.3]);
    else if (kind === 'dip') pts.push([cx + s * 0.4, base + asc * r.float(0.5, 0.8)], [cx + s * 0.05, base + asc * 0.3], [cx + s * 0.7, base - xh * 0.3]);
    else pts.push([cx + s * 0.6, base - xh * 0.8 + j()], [cx + s * 0.25, base - xh * 0.5], [cx + s * 0.55, base + j() * 0.3]);
    cx += s;
  }
  // Gentle upward slope, as right-handed signatures rise.
  const slope = r.float(0, 0.18);
  const tilt = (p: [number, number]): [number, number] => [p[0], p[1] - (p[0] - x) * slope];
  const curve = catmullRom(pts.map(tilt));
  // The flourish: back from the end under the name, or a long underline with a hook.
  const end = pts[pts.length - 1]!;
  const fy = base + xh * r.float(1.2, 2.2);
  const flourish = r.next() < 0.5
    ? `M ${pt(tilt([end[0], end[1]]))} C ${pt(tilt([end[0] + w * 0.08, fy]))} ${pt(tilt([x + w * 0.5, fy + xh]))} ${pt(tilt([x + w * r.float(0.05, 0.25), fy - xh * r.float(0, 1.5)]))}`
    : `M ${pt(tilt([x + w * r.float(0.05, 0.2), fy]))} C ${pt(tilt([x + w * 0.4, fy + xh * 1.2]))} ${pt(tilt([x + w * 0.75, fy + xh * 0.6]))} ${pt(tilt([Math.max(cx, x + w * 0.9), fy - xh * r.float(1, 2.5)]))}`;
  return `path '${curve} ${flourish}'`;
}

/** A smooth SVG path through the points (Catmull-Rom as cubic Béziers). */
function catmullRom(p: [number, number][]): string {
  const parts = [`M ${pt(p[0]!)}`];
  for (let i = 0; i < p.length - 1; i++) {
    const p0 = p[Math.max(0, i - 1)]!;
    const p1 = p[i]!;
    const p2 = p[i + 1]!;
    const p3 = p[Math.min(p.length - 1, i + 2)]!;
    const c1: [number, number] = [p1[0] + (p2[0] - p0[0]) / 6, p1[1] + (p2[1] - p0[1]) / 6];
    const c2: [number, number] = [p2[0] - (p3[0] - p1[0]) / 6, p2[1] - (p3[1] - p1[1]) / 6];
    parts.push(`C ${pt(c1)} ${pt(c2)} ${pt(p2)}`);
  }
  return parts.join(' ');
}

function pt(p: [number, number]): string {
  return `${fmt(p[0])},${fmt(p[1])}`;
}

// Helvetica-Bold advance widths (per 1000 em) for the characters a stamp uses.
const WIDTHS: Record<string, number> = {
  ' ': 278, '*': 600, '-': 333, '.': 278, ',': 278, '/': 278, '(': 333, ')': 333, '&': 722,
  A: 722, B: 722, C: 722, D: 722, E: 667, F: 611, G: 778, H: 722, I: 278, J: 556, K: 722, L: 611, M: 833,
  N: 722, O: 778, P: 667, Q: 778, R: 722, S: 667, T: 611, U: 722, V: 667, W: 944, X: 667, Y: 667, Z: 611,
};

function charWidth(ch: string): number {
  return WIDTHS[ch] ?? (/[0-9]/.test(ch) ? 556 : 600);
}

/** Upper-cases and keeps only characters that are safe inside an MVG quoted string. */
function sanitize(s: string): string {
  return s
    .toUpperCase()
    .normalize('NFKD')
    .replace(/[^A-Z0-9 *\-.,/()&]/g, '')
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/\*\s*$/, '* ')
    .replace(/(\S)\*/g, '$1 *');
}

/** Width, height and component count from a JPEG's SOF marker. */
function jpegSize(buf: Buffer): { width: number; height: number; components: number } {
  let i = 2;
  while (i + 9 < buf.length) {
    if (buf[i] !== 0xff) throw new Error('scanPages: bad JPEG marker');
    const marker = buf[i + 1]!;
    if (marker === 0xff) {
      i++;
      continue;
    }
    const len = buf.readUInt16BE(i + 2);
    if (marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc) {
      return { height: buf.readUInt16BE(i + 5), width: buf.readUInt16BE(i + 7), components: buf[i + 9]! };
    }
    i += 2 + len;
  }
  throw new Error('scanPages: no SOF marker in JPEG');
}

/**
 * A minimal one-page PDF: the page box is the original's (in points, with its /Rotate), filled by
 * one image XObject; no fonts, so no text layer. Byte-for-byte deterministic (no dates, no ID).
 */
function onePagePdf(
  img: { data: Buffer; width: number; height: number; components: number; filter: 'DCTDecode' | 'CCITTFaxDecode' },
  box: PageBox,
): Buffer {
  // The image was turned back to the page's unrotated orientation and fills the original box exactly.
  const { x0, y0, width: pw, height: ph } = box;
  const cs = img.components === 3 ? '/DeviceRGB' : img.components === 4 ? '/DeviceCMYK' : '/DeviceGray';
  const imgDict =
    img.filter === 'DCTDecode'
      ? `<< /Type /XObject /Subtype /Image /Width ${img.width} /Height ${img.height} /ColorSpace ${cs} /BitsPerComponent 8 /Filter /DCTDecode /Length ${img.data.length} >>`
      : `<< /Type /XObject /Subtype /Image /Width ${img.width} /Height ${img.height} /ColorSpace /DeviceGray /BitsPerComponent 1 /Filter /CCITTFaxDecode /DecodeParms << /K -1 /Columns ${img.width} /Rows ${img.height} /BlackIs1 false >> /Length ${img.data.length} >>`;
  const content = Buffer.from(`q ${num(pw)} 0 0 ${num(ph)} ${num(x0)} ${num(y0)} cm /Im0 Do Q\n`, 'latin1');
  const objects: Buffer[] = [
    Buffer.from('<< /Type /Catalog /Pages 2 0 R >>', 'latin1'),
    Buffer.from('<< /Type /Pages /Kids [3 0 R] /Count 1 >>', 'latin1'),
    Buffer.from(
      `<< /Type /Page /Parent 2 0 R /MediaBox [${num(x0)} ${num(y0)} ${num(x0 + pw)} ${num(y0 + ph)}]${box.rotate ? ` /Rotate ${box.rotate}` : ''} /Resources << /XObject << /Im0 4 0 R >> /ProcSet [/PDF /ImageB${img.components === 1 ? '' : ' /ImageC'}] >> /Contents 5 0 R >>`,
      'latin1',
    ),
    Buffer.concat([Buffer.from(`${imgDict}\nstream\n`, 'latin1'), img.data, Buffer.from('\nendstream', 'latin1')]),
    Buffer.concat([Buffer.from(`<< /Length ${content.length} >>\nstream\n`, 'latin1'), content, Buffer.from('endstream', 'latin1')]),
  ];
  const chunks: Buffer[] = [Buffer.from('%PDF-1.4\n%\xe2\xe3\xcf\xd3\n', 'latin1')];
  let offset = chunks[0]!.length;
  const offsets: number[] = [];
  objects.forEach((body, i) => {
    offsets.push(offset);
    const obj = Buffer.concat([Buffer.from(`${i + 1} 0 obj\n`, 'latin1'), body, Buffer.from('\nendobj\n', 'latin1')]);
    chunks.push(obj);
    offset += obj.length;
  });
  const xref = [`xref\n0 ${objects.length + 1}\n`, '0000000000 65535 f \n', ...offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`)].join('');
  chunks.push(Buffer.from(`${xref}trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${offset}\n%%EOF\n`, 'latin1'));
  return Buffer.concat(chunks);
}

/** A number for MVG / PDF: at most 3 decimals, no exponent, no trailing zeros. */
function fmt(n: number): string {
  const s = n.toFixed(3).replace(/\.?0+$/, '');
  return s === '-0' ? '0' : s;
}

/** A PDF real that reads back as exactly `n` (the shortest round-trip form, never an exponent). */
function num(n: number): string {
  if (Math.abs(n) < 1e-9) return '0';
  const s = String(n);
  return s.includes('e') ? n.toFixed(12).replace(/\.?0+$/, '') : s;
}

function clamp(v: number, lo: number, hi: number): number {
  return hi < lo ? (lo + hi) / 2 : Math.min(hi, Math.max(lo, v));
}

/** Runs a tool without a shell; rejects with the tail of its stderr on a non-zero exit. */
function run(cmd: string, args: string[]): Promise<{ stdout: Buffer; stderr: Buffer }> {
  return new Promise((resolve, reject) => {
    execFile(cmd, args, { encoding: 'buffer', maxBuffer: 256 * 1024 * 1024, windowsHide: true }, (err, stdout, stderr) => {
      if (err) {
        const detail = stderr.toString('utf8').trim().split('\n').slice(-3).join(' ').trim();
        reject(new Error(`${path.basename(cmd)}: ${detail || err.message}`, { cause: err }));
      } else resolve({ stdout, stderr });
    });
  });
}

// ---------------------------------------------------------------------------------------------
// CLI

function usage(): never {
  console.error(
    'usage: npx tsx scripts/corpus/scan.ts in.pdf out.pdf --pages 3,4 [--dpi 200] [--mode grey|bitonal] [--skew 1]\n' +
      '         [--noise 0.3] [--jpeg 50] [--stamp] [--signature] [--seed 1] [--stamp-text TEXT] [--stamp-centre WORD] [--colour]',
  );
  process.exit(2);
}

async function main(argv: string[]): Promise<void> {
  const positional: string[] = [];
  const flags = new Map<string, string>();
  const bools = new Set(['stamp', 'signature', 'colour']);
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === '-h' || a === '--help') usage();
    if (a.startsWith('--')) {
      const [k, v] = a.slice(2).split('=', 2) as [string, string | undefined];
      if (bools.has(k)) flags.set(k, v ?? 'true');
      else if (v !== undefined) flags.set(k, v);
      else if (i + 1 < argv.length) flags.set(k, argv[++i]!);
      else usage();
    } else positional.push(a);
  }
  const [input, output] = positional;
  const pageList = flags.get('pages');
  if (!input || !output || !pageList || positional.length > 2) usage();
  const pages = pageList.split(',').flatMap((part) => {
    const [a, b] = part.split('-').map(Number);
    if (b === undefined) return [a!];
    return Array.from({ length: b - a! + 1 }, (_, k) => a! + k);
  });
  const num = (k: string, d: number): number => {
    const v = flags.get(k);
    if (v === undefined) return d;
    const n = Number(v);
    if (!Number.isFinite(n)) usage();
    return n;
  };
  const mode = flags.get('mode') ?? 'grey';
  if (mode !== 'grey' && mode !== 'bitonal') usage();
  const params: ScanParams = {
    dpi: num('dpi', 200),
    mode,
    skewDeg: num('skew', 1),
    noise: num('noise', 0.3),
    jpegQuality: num('jpeg', 50),
    stamp: flags.get('stamp') === 'true',
    signature: flags.get('signature') === 'true',
    seed: num('seed', 1),
  };
  const t0 = performance.now();
  await scanPages(input, output, pages, params, {
    stampText: flags.get('stamp-text'),
    stampCentre: flags.get('stamp-centre'),
    colour: flags.get('colour') === 'true',
  });
  console.error(`scanned ${pages.length} page(s) of ${input} → ${output} in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
}

if (process.argv[1] && fileURLToPath(import.meta.url) === path.resolve(process.argv[1])) {
  main(process.argv.slice(2)).catch((err: unknown) => {
    console.error(err instanceof Error ? err.message : String(err));
    process.exit(1);
  });
}
