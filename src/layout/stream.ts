import type { Page, Word } from '../model/document.js';
import type { BBox } from '../model/geometry.js';
import { median, toLines, unionAll, type Segment, type TextLine } from './geometry.js';
import type { GridCell, PageTable } from './lattice.js';

/**
 * A numbered table caption: "Tabel 3.1", "TABEL III.2", "Tabel II-4", "Table 5", or an attachment's
 * "Lampiran 1." ("LAMPIRAN" alone is a heading). Chapter numbers are printed in roman or arabic figures.
 */
export const NUMBERED_CAPTION = /^(tabel|table|tab\.|lampiran)\s*(?:[ivxlc]+\s*[.-]\s*)?[\d.-]*\d/i;

/** Minimum number of multi-column lines for a borderless block to count as a table. */
const MIN_TABULAR_LINES = 3;
/** A word that is a printed figure ("1.250", "(3,5)", "Rp.", "98,4%"), as a row's first line prints them. */
export function isFigureWord(w: Word): boolean {
  return /\d/.test(w.text) && /^[(\-−]?(rp\.?)?[\d.,]+%?\)?[,-]*$/i.test(w.text);
}

/** A year or a span of years, as headers print them ("2021", "2021-2026", "2019/2020"). */
function isYear(w: Word): boolean {
  return /^(19|20)\d\d([-–/](19|20)\d\d)?$/.test(w.text);
}

/** A page number at the foot of a page ("12", "- 12 -", "Hal. 12"). */
const PAGE_FOOT = /^(hal(aman)?\.?\s*)?(\d+|-\s*\d+\s*-)$/i;

interface Chunk {
  words: Word[];
  x0: number;
  x1: number;
}

interface LineInfo {
  line: TextLine;
  chunks: Chunk[];
  tabular: boolean;
}

/**
 * Finds tables drawn without vertical rules (borderless, or horizontal rules only) from text
 * alignment: runs of lines split into aligned chunks by wide gaps; column boundaries are the x
 * ranges no chunk crosses; rows break at horizontal rules, else at wider line gaps.
 *
 * @example
 *   findStreamTables(page, usedWordIdx, hRules).map((t) => t.nCols); // [5]
 */
export function findStreamTables(page: Page, used: Set<number>, hRules: Segment[]): PageTable[] {
  const free = page.words.map((w, i) => ({ w, i })).filter(({ i }) => !used.has(i));
  const index = new Map<Word, number>(free.map(({ w, i }) => [w, i]));
  const lines = toLines(free.map((f) => f.w)).map(analyse);
  const ocr = page.source === 'ocr';
  const tables: PageTable[] = [];
  let i = 0;
  // The first line no table has taken.
  let start = 0;
  while (i < lines.length) {
    if (!lines[i]!.tabular) {
      i++;
      continue;
    }
    // Grow a run: tabular lines, allowing short runs of single-chunk lines (wrapped cells) inside.
    let j = i;
    let last = i;
    let tabularCount = 1;
    let others = 0;
    while (j + 1 < lines.length) {
      const next = lines[j + 1]!;
      const gap = next.line.bbox[1] - lines[j]!.line.bbox[3];
      if (gap > Math.max(lines[j]!.line.size, next.line.size) * 1.6) break;
      // A caption or a sentence of prose ends the table even when the next table follows closely.
      const text = next.line.words.map((w) => w.text).join(' ');
      if (!next.tabular && (NUMBERED_CAPTION.test(text) || (text.length > 60 && /[.:]$/.test(text)))) break;
      // A caption below the table ends it even when its words spread over the columns' gaps (an OCR
      // line read in two pieces); a list of tables (every line a caption) is no such table.
      if (next.tabular && NUMBERED_CAPTION.test(text) && !lines.slice(i, j + 1).some((l) => NUMBERED_CAPTION.test(l.line.words.map((w) => w.text).join(' ')))) break;
      // Text set in another size than the table's rows is the page's prose or a note, not a wrapped
      // cell: cells wrap in the table's own type. Only the text layer declares sizes; OCR boxes
      // measure glyphs, which vary with the letters a line holds.
      if (!ocr && !next.tabular && Math.abs(next.line.size - runSize(lines.slice(i, j + 1))) > runSize(lines.slice(i, j + 1)) * 0.15) break;
      // Wrapped cells add lines of one short chunk inside a column (not at the table's left edge);
      // allow a few of them in a row, but only two lines of anything else.
      const left = Math.min(...lines.slice(i, j + 1).map((l) => l.line.bbox[0]));
      // Under a cell other than the row's first: well right of the table's left edge, or right of a
      // row number (a narrow No column leaves the sasaran close by).
      const underCell =
        next.line.bbox[0] > left + 20 ||
        lines.slice(i, j + 1).some((l) => l.tabular && /^\d{1,3}[.)]?$/.test(l.line.words[0]!.text) && next.line.bbox[0] > l.line.words[0]!.bbox[2]);
      const wrapped = next.chunks.length === 1 && text.length < 45 && underCell;
      // A cell wraps over as many lines as its text needs; other lines without columns (a section
      // title, a note) are allowed two at a time.
      if (next.tabular) {
        last = j + 1;
        others = 0;
        tabularCount++;
      } else if (!wrapped && ++others > 2) break;
      j++;
    }
    // A last row's wrapped cell text ("bantuan sosial" under its indicator) belongs to the table.
    while (last + 1 < lines.length) {
      const next = lines[last + 1]!;
      const prev = lines[last]!;
      const left = Math.min(...lines.slice(i, last + 1).map((l) => l.line.bbox[0]));
      const gap = next.line.bbox[1] - prev.line.bbox[3];
      const text = next.line.words.map((w) => w.text).join(' ');
      // The rest of a word the last row's first cell broke at a hyphen ("Rata-" over "rata"), set
      // right under it at the table's left edge.
      const head = prev.chunks[0]?.words;
      const broken = head?.length && /\p{L}-$/u.test(head[head.length - 1]!.text) && !next.tabular && next.chunks.length === 1 && /^\p{L}/u.test(text) && text.length < 20 && Math.abs(next.line.bbox[0] - head[0]!.bbox[0]) <= 3 && gap <= Math.max(prev.line.size, next.line.size) * 0.6;
      if (broken) {
        last++;
        continue;
      }
      if (next.tabular || next.chunks.length !== 1 || text.length >= 45 || next.line.bbox[0] <= left + 2) break;
      if (gap > Math.max(prev.line.size, next.line.size) * 0.6 || /[.:]$/.test(text)) break;
      if (/^(tabel|table|tab\.|gambar|grafik|sumber|source|ket(erangan)?\b)/i.test(text)) break;
      // It starts under one of the row's cells (not the first): left-aligned with it or inside it.
      const mid = (next.line.bbox[0] + next.line.bbox[2]) / 2;
      const under = lines
        .slice(i, last + 1)
        .some((l) => l.tabular && l.chunks.some((ch, k) => k > 0 && (Math.abs(ch.x0 - next.line.bbox[0]) <= 3 || (mid >= ch.x0 && mid <= ch.x1))));
      if (!under) break;
      last++;
    }
    // A group label set above the header's first line ("Realisasi" centred over 2023 | 2024 | 2025,
    // the header's one-line labels centred on the two lines' middle) is the header's top line, when
    // the table built with it makes it a label over several columns; otherwise it is left out.
    if (i > start && groupLabelAbove(lines[i - 1]!, lines.slice(i, last + 1))) {
      const label = new Set(lines[i - 1]!.line.words);
      const extended = lines.slice(i - 1, last + 1);
      const t = buildTable(page, extended, rulesAround(extended, hRules), index, hRules);
      if (t && centredOverRun([...label], t.colX)) i--;
    }
    const run = lines.slice(i, last + 1);
    const ruled = rulesAround(run, hRules);
    if (tabularCount >= MIN_TABULAR_LINES || (tabularCount >= 2 && ruled.length >= 2)) {
      const t = buildTable(page, run, ruled, index, hRules);
      if (t) tables.push(t);
    } else if (tables.length === 0 && lines.slice(0, i).every((l) => l.line.bbox[3] < page.height * 0.08 || PAGE_FOOT.test(l.line.words.map((w) => w.text).join(' '))) && ((tabularCount === 2 && run.length === 2) || (tabularCount <= 2 && run.every((l) => !l.tabular || l.chunks.length >= 3)))) {
      // A row or two opening the page's text, in three cells or more, may be the tail of the previous
      // page's table; layout decides once it knows that table.
      const t = buildTable(page, run, ruled, index, hRules);
      if (t) tables.push({ ...t, weak: true });
    } else if (tabularCount >= 2) {
      // A header and a row closing the page: the first rows of a table the next page goes on with.
      // The row's wrapped cells follow it inside the table's columns; below them only the page's foot.
      const left = Math.min(...run.map((l) => l.line.bbox[0]));
      let end = last;
      while (end + 1 < lines.length) {
        const next = lines[end + 1]!;
        const prev = lines[end]!;
        const gap = next.line.bbox[1] - prev.line.bbox[3];
        if (PAGE_FOOT.test(next.line.words.map((w) => w.text).join(' ')) || next.tabular || next.line.bbox[0] <= left + 2 || gap > Math.max(prev.line.size, next.line.size) * 0.6) break;
        end++;
      }
      const foot = lines.slice(end + 1).every((l) => l.line.bbox[1] > page.height * 0.9 || PAGE_FOOT.test(l.line.words.map((w) => w.text).join(' ')));
      const lead = lines.slice(i, end + 1);
      const t = foot ? buildTable(page, lead, ruled, index, hRules) : undefined;
      if (t) tables.push({ ...t, weakHead: true, headLines: lead.map((l) => l.line.words) });
    }
    i = last + 1;
    start = i;
  }
  return tables;
}

/**
 * Words over one column, centred (within a quarter of its width) over a symmetric run of three or
 * more columns around it: a group label over that run ("Realisasi" over 2023 | 2024 | 2025).
 */
function centredOverRun(words: readonly Word[], colX: readonly number[]): boolean {
  const colOf = (x: number): number => colX.findIndex((_, k) => k < colX.length - 1 && x >= colX[k]! && x < colX[k + 1]!);
  const cols = words.map((w) => colOf((w.bbox[0] + w.bbox[2]) / 2));
  const c = cols[0]!;
  if (c < 0 || cols.some((x) => x !== c)) return false;
  const centre = (Math.min(...words.map((w) => w.bbox[0])) + Math.max(...words.map((w) => w.bbox[2]))) / 2;
  for (let k = 1; c - k >= 0 && c + k < colX.length - 1; k++) if (centredOn(centre, c, k, colX)) return true;
  return false;
}

/** Whether a label's centre lies within a quarter of column `c`'s width of the middle of columns c − k … c + k. */
function centredOn(centre: number, c: number, k: number, colX: readonly number[]): boolean {
  return Math.abs(centre - (colX[c - k]! + colX[c + k + 1]!) / 2) <= (colX[c + 1]! - colX[c]!) / 4;
}

/**
 * A line of one short label just above a table's first line (a line of labels, no figures), inside
 * the table's width and not at its left edge, whose box reaches into that line's: a header's group
 * label, set above the one-line labels that are centred on the header's middle. A caption, a
 * sentence or a page title is no such line.
 */
function groupLabelAbove(prev: LineInfo, run: LineInfo[]): boolean {
  const first = run[0]!;
  if (prev.tabular || prev.chunks.length !== 1) return false;
  const text = prev.line.words.map((w) => w.text).join(' ');
  if (text.length > 40 || /[.:;]$/.test(text) || NUMBERED_CAPTION.test(text) || /\d[.,]\d/.test(text)) return false;
  // The label's box reaches into the first line's: labels centred on the two lines' middle.
  if (prev.line.bbox[3] <= first.line.bbox[1] || first.line.words.some(isFigureWord)) return false;
  const left = Math.min(...run.map((l) => l.line.bbox[0]));
  const right = Math.max(...run.map((l) => l.line.bbox[2]));
  return prev.line.bbox[0] > left + 20 && prev.line.bbox[2] <= right + 2;
}

/** The type size of a run's tabular lines (their median). */
function runSize(run: LineInfo[]): number {
  const sizes = run.filter((l) => l.tabular && l.line.size > 0).map((l) => l.line.size);
  return sizes.length ? median(sizes) : (run[0]?.line.size ?? 10);
}

function analyse(line: TextLine): LineInfo {
  const ws = line.words;
  const gaps = ws.slice(1).map((w, k) => w.bbox[0] - ws[k]!.bbox[2]);
  const size = line.size || 10;
  // The line's own word spacing: its narrowest gap, but at least a thin space (kerned runs touch).
  const wordGap = Math.max(Math.min(...gaps), size * 0.2);
  const chunks: Chunk[] = [];
  let cur: Chunk = { words: [ws[0]!], x0: ws[0]!.bbox[0], x1: ws[0]!.bbox[2] };
  gaps.forEach((g, k) => {
    const w = ws[k + 1]!;
    // Justified prose stretches every gap alike; a column gap stands out from the line's own
    // spacing. A line whose every gap is wide (a row of figures) has only column gaps.
    const isColumnGap = g > size * 2.5 || (g > size * 1.2 && (gaps.length < 3 || g > wordGap * 2.5 || wordGap > size * 0.9));
    if (isColumnGap) {
      chunks.push(cur);
      cur = { words: [w], x0: w.bbox[0], x1: w.bbox[2] };
    } else {
      cur.words.push(w);
      cur.x1 = w.bbox[2];
    }
  });
  chunks.push(cur);
  return { line, chunks, tabular: chunks.length >= 2 };
}

function rulesAround(run: LineInfo[], hRules: Segment[]): Segment[] {
  const top = run[0]!.line.bbox[1];
  const bottom = run[run.length - 1]!.line.bbox[3];
  const x0 = Math.min(...run.map((l) => l.line.bbox[0]));
  const x1 = Math.max(...run.map((l) => l.line.bbox[2]));
  const width = x1 - x0;
  return hRules
    .filter((r) => r.pos >= top - 30 && r.pos <= bottom + 30 && Math.min(r.b, x1) - Math.max(r.a, x0) > width * 0.6)
    .sort((a, b) => a.pos - b.pos);
}

function buildTable(page: Page, run: LineInfo[], rules: Segment[], index: Map<Word, number>, allRules: readonly Segment[] = rules): PageTable | undefined {
  const tabular = run.filter((l) => l.tabular);
  const minX = Math.floor(Math.min(...run.map((l) => l.line.bbox[0])));
  const maxX = Math.ceil(Math.max(...run.map((l) => l.line.bbox[2])));
  const width = maxX - minX + 1;
  const cover = new Array<number>(width).fill(0);
  for (const l of tabular) {
    const seen = new Uint8Array(width);
    for (const ch of l.chunks) for (let x = Math.floor(ch.x0) - minX; x <= Math.ceil(ch.x1) - minX; x++) if (x >= 0 && x < width) seen[x] = 1;
    seen.forEach((v, x) => (cover[x] = (cover[x] ?? 0) + v));
  }
  const allow = Math.floor(tabular.length * 0.1);
  const seps = openRuns(cover, allow, 3).map(([a, b]) => minX + (a + b) / 2);
  seps.push(...narrowSeparators(tabular, seps, minX, width, allow));
  // Where a row rule breaks off, the cells on either side are apart, however close their words.
  const ruleEnds = ruleEndSeparators(run, rules, seps, minX, maxX);
  seps.push(...ruleEnds);
  seps.sort((a, b) => a - b);
  oneSeparatorPerBodyGap(tabular, seps);
  seps.push(...figurePairSeparators(tabular, [minX - 1, ...seps, maxX + 1]));
  seps.sort((a, b) => a - b);
  if (seps.length === 0) return undefined;
  const colX = [minX - 1, ...seps, maxX + 1];
  const nCols = colX.length - 1;
  const colOf = (x: number) => {
    for (let c = 0; c < nCols; c++) if (x < colX[c + 1]!) return c;
    return nCols - 1;
  };

  // Row bands: horizontal rules inside the block when they separate rows, else line grouping.
  const top = Math.min(run[0]!.line.bbox[1], rules[0]?.pos ?? Infinity);
  const inner = rules.filter((r) => r.pos > run[0]!.line.bbox[3] - 1 && r.pos < run[run.length - 1]!.line.bbox[1] + 1);
  let bands: LineInfo[][];
  // Rules between rows, when there are as many as rows: lines of a tall row (a name wrapped over
  // three lines) make the rules fewer than a third of the lines, not fewer than the rows.
  const grouped = groupRows(run, colOf);
  const byRules = inner.length >= Math.max(1, Math.min(run.length / 3, inner.length >= 2 ? grouped.length / 2 : Infinity));
  if (byRules) {
    const cuts = inner.map((r) => r.pos);
    bands = [];
    for (const l of run) {
      const cy = (l.line.bbox[1] + l.line.bbox[3]) / 2;
      const k = cuts.filter((c) => c < cy).length;
      (bands[k] ??= []).push(l);
    }
    bands = bands.filter(Boolean);
  } else {
    bands = grouped;
  }
  bands = bands.flatMap((band) => splitStackedFigures(band, colOf));
  // A header band with group labels over sub-columns is one grid row per level of groups, then the
  // sub-columns' labels; the other columns' labels span them all. The band may be the header's
  // first or, under a band of labels with no figure (a rule drawn under "Kinerja" over
  // "Tahun 2019 | Renstra"), its second.
  let gb = -1;
  let groups: Groups | null = null;
  for (let b = 0; b < Math.min(2, bands.length - 1) && !groups; b++) {
    if (b > 0 && bands[b - 1]!.some((l) => l.line.words.some((w) => /\d[.,]\d/.test(w.text)))) break;
    groups = headerGroups(bands[b]!, colOf, colX);
    if (groups) gb = b;
  }
  const levels = groups ? groups.levels.length : 0;
  const rowsY: number[] = [top];
  for (let b = 0; b < bands.length; b++) {
    if (b > 0) rowsY.push((bands[b - 1]![bands[b - 1]!.length - 1]!.line.bbox[3] + bands[b]![0]!.line.bbox[1]) / 2);
    if (groups && b === gb) {
      const band = bands[b]!;
      // Below each level: between the level's last line and the next level's (or the labels') first.
      const next = [...groups.levels.slice(1), groups.last + 1];
      for (const first of next) rowsY.push((band[first - 1]!.line.bbox[3] + band[first]!.line.bbox[1]) / 2);
    }
  }
  const bottom = Math.max(run[run.length - 1]!.line.bbox[3], rules[rules.length - 1]?.pos ?? -Infinity);
  rowsY.push(bottom);

  const cells: GridCell[] = [];
  const used = new Set<number>();
  const take = (w: Word): void => {
    const wi = index.get(w);
    if (wi !== undefined) used.add(wi);
  };
  // Header bands: those before the first band holding a figure.
  const hasFigure = (band: LineInfo[]): boolean => band.some((l) => l.line.words.some((w) => /\d[.,]?\d*%?$/.test(w.text) && !isYear(w)));
  const firstBody = bands.findIndex(hasFigure);
  // Where each column's body text lies, for fitting header labels over it.
  const extents: Array<[number, number] | undefined> = [];
  if (firstBody > 0) {
    for (const band of bands.slice(firstBody)) {
      for (const l of band) {
        for (const w of l.line.words) {
          const c = colOf((w.bbox[0] + w.bbox[2]) / 2);
          const e = extents[c];
          extents[c] = e ? [Math.min(e[0], w.bbox[0]), Math.max(e[1], w.bbox[2])] : [w.bbox[0], w.bbox[2]];
        }
      }
    }
  }
  const rowOf = (b: number): number => (groups && b > gb ? b + levels : b);
  if (groups) {
    const band = bands[gb]!;
    const g0 = gb;
    const grouped = new Set(groups.spans.flatMap((g) => g.words));
    // A word's column: its centre's, or its label's where neighbouring labels run together.
    const pieceCol = new Map<Word, number>();
    for (const l of band) {
      for (const ch of l.chunks) {
        if (ch.words.some((w) => grouped.has(w))) continue;
        for (const p of labelPieces(ch, colOf, l.line.size || 10) ?? fitLabels(ch, band, colOf, colX, extents) ?? []) for (const w of p.words) pieceCol.set(w, p.col);
        // One label over the middle of one column's text ("Sisa Anggaran (Rp)" whose first word
        // reaches over the % column beside it) is that column's, whole.
        const only = overColumn(ch, colOf, extents);
        if (only !== null && !ch.words.some((w) => pieceCol.has(w))) for (const w of ch.words) pieceCol.set(w, only);
      }
    }
    const mid = (w: Word): number => pieceCol.get(w) ?? colOf((w.bbox[0] + w.bbox[2]) / 2);
    for (const g of groups.spans) {
      const r = g0 + g.level;
      cells.push({ r0: r, r1: r + 1, c0: g.a, c1: g.b + 1, bbox: [colX[g.a]!, rowsY[r]!, colX[g.b + 1]!, rowsY[r + 1]!], words: g.words });
    }
    const words = band.flatMap((l) => l.line.words).filter((w) => !grouped.has(w));
    for (let c = 0; c < nCols; c++) {
      const deepest = Math.max(-1, ...groups.spans.filter((g) => c >= g.a && c <= g.b).map((g) => g.level));
      const r0 = g0 + deepest + 1;
      cells.push({ r0, r1: g0 + levels + 1, c0: c, c1: c + 1, bbox: [colX[c]!, rowsY[r0]!, colX[c + 1]!, rowsY[g0 + levels + 1]!], words: words.filter((w) => mid(w) === c) });
    }
    for (const l of band) l.line.words.forEach(take);
  }
  bands.forEach((band, b) => {
    if (groups && b === gb) return;
    const r = rowOf(b);
    const header = firstBody > 0 && b < firstBody;
    const rowCells: GridCell[] = Array.from({ length: nCols }, (_, c) => ({
      r0: r,
      r1: r + 1,
      c0: c,
      c1: c + 1,
      bbox: [colX[c]!, rowsY[r]!, colX[c + 1]!, rowsY[r + 1]!] as BBox,
      words: [] as Word[],
    }));
    // A chunk crossing column boundaries is one spanning cell (a section title, a merged label).
    const spans: Array<[number, number]> = [];
    for (const l of band) {
      const centreCol = (ch: Chunk): number => colOf((ch.x0 + ch.x1) / 2);
      for (const ch of l.chunks) {
        const fitted = header ? fitLabels(ch, band, colOf, colX, extents) : null;
        if (fitted) {
          for (const p of fitted) for (const w of p.words) {
            rowCells[p.col]!.words.push(w);
            take(w);
          }
          continue;
        }
        let span = ruleEnds.some((x) => ch.words.some((w, k) => k > 0 && ch.words[k - 1]!.bbox[2] <= x && w.bbox[0] >= x)) ? null : spanOf(ch, colOf, l.line.size || 10);
        // A header label spans the columns whose text it is set over (it covers the middle of their
        // text): one that only reaches into a column ("% Realisasi" over the % figures, its first
        // letters above the realisasi amounts) is that column's no more.
        if (span && header) {
          const over: number[] = [];
          for (let c = span[0]; c <= span[1]; c++) {
            const e = extents[c];
            if (!e || (ch.x0 <= (e[0] + e[1]) / 2 + 1 && ch.x1 >= (e[0] + e[1]) / 2 - 1)) over.push(c);
          }
          if (over.length && over.length < span[1] - span[0] + 1) span = over.length > 1 ? [over[0]!, over[over.length - 1]!] : [over[0]!, over[0]!];
          if (span[0] === span[1]) {
            const only = span[0];
            span = null;
            for (const w of ch.words) {
              rowCells[only]!.words.push(w);
              take(w);
            }
            continue;
          }
        }
        // A column holding another cell of the line is not under this one: the chunk only reaches
        // over the boundary (a centred "% Capaian" beside "Realisasi") and sits where its centre is.
        const own = span && l.chunks.some((o) => o !== ch && centreCol(o) >= span![0] && centreCol(o) <= span![1]) ? centreCol(ch) : null;
        if (own !== null) span = null;
        const pieces = span || own !== null ? null : labelPieces(ch, colOf, l.line.size || 10);
        for (const w of ch.words) {
          const piece = pieces?.find((p) => p.words.includes(w));
          rowCells[span ? span[0] : (own ?? (piece ? piece.col : colOf((w.bbox[0] + w.bbox[2]) / 2)))]!.words.push(w);
          take(w);
        }
        if (span) spans.push(span);
      }
    }
    const merged = new Set<number>();
    for (const [c0, c1] of spans) {
      const base = rowCells[c0]!;
      for (let c = c0 + 1; c <= c1; c++) {
        base.words.push(...rowCells[c]!.words);
        merged.add(c);
      }
      base.c1 = c1 + 1;
      base.bbox = [colX[c0]!, base.bbox[1], colX[c1 + 1]!, base.bbox[3]];
    }
    rowCells.forEach((cell, c) => {
      if (!merged.has(c)) cells.push(cell);
    });
  });
  if (byRules && firstBody >= 0) mergeUnruled(cells, bands, firstBody, rowOf, inner, allRules, colX);
  const bbox = unionAll(run.map((l) => l.line.bbox))!;
  return {
    page: page.page,
    method: 'stream',
    bbox: [colX[0]!, Math.min(bbox[1], top), colX[nCols]!, Math.max(bbox[3], bottom)],
    nRows: bands.length + levels,
    nCols,
    colX,
    cells,
    used,
  };
}

/**
 * A header chunk whose words run over the labels of several columns set close together ("% Realisasi
 * Sisa Anggaran (Rp)"): its words are cut at the gaps that put one piece over each column it reaches
 * that no other label of the band names, each piece centred inside its column, the cuts chosen so
 * that each piece is set (left, centred or right) over its column's text within a little more than
 * half a character, as nearly as can be. Null when the chunk lies in one column, when
 * fewer than two such columns are reached, or when no cut puts every piece inside its column.
 */
function fitLabels(ch: Chunk, band: LineInfo[], colOf: (x: number) => number, colX: readonly number[], extents: ReadonlyArray<readonly [number, number] | undefined>): Array<{ words: Word[]; col: number }> | null {
  const ws = ch.words;
  const size = ws[0]!.size || 10;
  // Gaps that part the labels are read as such first (see labelPieces).
  if (ws.length < 2 || labelPieces(ch, colOf, size)) return null;
  const c0 = colOf(ch.x0 + 1);
  const c1 = colOf(ch.x1 - 1);
  if (c1 <= c0) return null;
  const others = new Set<number>();
  for (const l of band) for (const o of l.chunks) if (o !== ch) for (const w of o.words) others.add(colOf((w.bbox[0] + w.bbox[2]) / 2));
  const cols = Array.from({ length: c1 - c0 + 1 }, (_, i) => c0 + i).filter((c) => !others.has(c));
  const k = cols.length;
  if (k < 2 || k > ws.length) return null;
  // A label is set left, centred or right over its column's text: the distance to the nearest of the three.
  const misfit = (x0: number, x1: number, c: number): number => {
    const e = extents[c];
    if (!e) return Math.abs((x0 + x1) / 2 - (colX[c]! + colX[c + 1]!) / 2);
    return Math.min(Math.abs(x0 - e[0]), Math.abs((x0 + x1) / 2 - (e[0] + e[1]) / 2), Math.abs(x1 - e[1]));
  };
  // Labels run together are still parted by a little more than a word space: cuts all at such gaps
  // come before cuts inside a label, however well either fits.
  const gaps = ws.slice(1).map((w, i) => w.bbox[0] - ws[i]!.bbox[2]);
  const wordGap = [...gaps].sort((a, b) => a - b)[Math.floor((gaps.length - 1) / 2)]!;
  const wide = (i: number): boolean => gaps[i]! >= Math.max(wordGap * 1.8, wordGap + size * 0.15);
  let best: { cost: number; cuts: number[] } | null = null;
  // Cuts after word i (0 ≤ i < ws.length - 1), k - 1 of them in increasing order.
  const search = (from: number, cuts: number[]): void => {
    if (cuts.length === k - 1) {
      const bounds = [-1, ...cuts, ws.length - 1];
      let cost = 0;
      for (let p = 0; p < k; p++) {
        const piece = ws.slice(bounds[p]! + 1, bounds[p + 1]! + 1);
        const mid = (piece[0]!.bbox[0] + piece[piece.length - 1]!.bbox[2]) / 2;
        if (mid < colX[cols[p]!]! || mid >= colX[cols[p]! + 1]!) return;
        const off = misfit(piece[0]!.bbox[0], piece[piece.length - 1]!.bbox[2], cols[p]!);
        // Set over its column's text, not merely somewhere inside it: else one label spans them.
        if (off > size * 0.6) return;
        cost += off;
      }
      // Each cut not at a wide gap costs more than any misfit that passes.
      cost += cuts.filter((i) => !wide(i)).length * size;
      if (!best || cost < best.cost) best = { cost, cuts: [...cuts] };
      return;
    }
    for (let i = from; i < ws.length - 1; i++) search(i + 1, [...cuts, i]);
  };
  search(0, []);
  if (!best) return null;
  const bounds = [-1, ...(best as { cuts: number[] }).cuts, ws.length - 1];
  return cols.map((col, p) => ({ words: ws.slice(bounds[p]! + 1, bounds[p + 1]! + 1), col }));
}

/**
 * The one column a header chunk over several columns is set over: the only one whose body text's
 * middle it covers. Null when the chunk lies in one column, when it covers no such middle or
 * several, or when its words are separate cells.
 */
function overColumn(ch: Chunk, colOf: (x: number) => number, extents: ReadonlyArray<readonly [number, number] | undefined>): number | null {
  const cols = ch.words.map((w) => colOf((w.bbox[0] + w.bbox[2]) / 2));
  const c0 = Math.min(...cols);
  const c1 = Math.max(...cols);
  if (c1 === c0 || separateCells(ch, colOf, ch.words[0]!.size || 10)) return null;
  const over: number[] = [];
  for (let c = c0; c <= c1; c++) {
    const e = extents[c];
    if (e && ch.x0 <= (e[0] + e[1]) / 2 + 1 && ch.x1 >= (e[0] + e[1]) / 2 - 1) over.push(c);
  }
  return over.length === 1 ? over[0]! : null;
}

/**
 * The columns a chunk spans as one cell, or null when its words are separate cells: a word lying
 * across a column boundary, or a chunk over three or more columns, is a spanning cell; otherwise
 * neighbouring cells that happen to sit close stay apart.
 */
function spanOf(ch: Chunk, colOf: (x: number) => number, size: number): [number, number] | null {
  const c0 = colOf((ch.words[0]!.bbox[0] + ch.words[0]!.bbox[2]) / 2);
  const c1 = colOf((ch.words[ch.words.length - 1]!.bbox[0] + ch.words[ch.words.length - 1]!.bbox[2]) / 2);
  const straddles = ch.words.some((w) => colOf(w.bbox[0] + 1) !== colOf(w.bbox[2] - 1));
  return c1 > c0 && (straddles || c1 - c0 >= 2) && !separateCells(ch, colOf, size) && !figureThenLabel(ch, colOf) && !labelPieces(ch, colOf, size) ? [c0, c1] : null;
}

/**
 * Labels of neighbouring header cells set on one line, a word of one reaching over the boundary
 * ("Realisasi  % Capaian": the '%' of the centred "% Capaian" lies across the body's boundary): the
 * chunk falls into pieces at gaps at least twice its narrowest word gap (and 0.6 em), and each piece
 * is centred in its own column, the pieces filling the columns the chunk covers one each. Null when
 * the chunk does not fall apart so.
 */
function labelPieces(ch: Chunk, colOf: (x: number) => number, size: number): Array<{ words: Word[]; col: number }> | null {
  const ws = ch.words;
  if (ws.length < 2) return null;
  const gaps = ws.slice(1).map((w, k) => w.bbox[0] - ws[k]!.bbox[2]);
  const cut = Math.max(2 * Math.max(Math.min(...gaps), size * 0.1), size * 0.6);
  const pieces: Word[][] = [[ws[0]!]];
  ws.slice(1).forEach((w, k) => (gaps[k]! >= cut ? pieces.push([w]) : pieces[pieces.length - 1]!.push(w)));
  if (pieces.length < 2) return null;
  const cols = pieces.map((p) => colOf((p[0]!.bbox[0] + p[p.length - 1]!.bbox[2]) / 2));
  if (!cols.every((c, i) => i === 0 || c === cols[i - 1]! + 1)) return null;
  const first = colOf((ws[0]!.bbox[0] + ws[0]!.bbox[2]) / 2);
  const last = colOf((ws[ws.length - 1]!.bbox[0] + ws[ws.length - 1]!.bbox[2]) / 2);
  if (cols[0] !== first || cols[cols.length - 1] !== last) return null;
  return pieces.map((words, i) => ({ words, col: cols[i]! }));
}

/**
 * A figure inside one column followed by words centred in the next ("110,00%" then "Sangat Tinggi",
 * set touching when the predikat overflowed its cell) is two cells: a figure and a label never
 * make one spanning cell's text.
 */
function figureThenLabel(ch: Chunk, colOf: (x: number) => number): boolean {
  const ws = withSigns(ch.words);
  const centre = (w: Word): number => colOf((w.bbox[0] + w.bbox[2]) / 2);
  for (let k = 0; k + 1 < ws.length; k++) {
    const w = ws[k]!;
    if (!(/\d/.test(w.text) && FIGURE.test(w.text)) || FIGURE.test(ws[k + 1]!.text)) continue;
    const figureInside = colOf(w.bbox[0] + 1) === colOf(w.bbox[2] - 1);
    return figureInside && centre(w) < centre(ws[k + 1]!) && ws.slice(k + 1).every((x) => centre(x) === centre(ws[k + 1]!));
  }
  return false;
}

/** Group labels found in a header band: their levels (band lines, top down) and spans. */
interface Groups {
  /** The band line of each level of groups, top down. */
  levels: number[];
  spans: Array<{ level: number; a: number; b: number; words: Word[] }>;
  /** The last line holding group labels; the sub-columns' labels start below it. */
  last: number;
}

/**
 * Group labels in a header band of several lines ("Tahun 2019" over Target | Realisasi | Capaian,
 * "Renstra 2016-2021" over Target Akhir | Capaian, and "Kinerja" over both): a chunk of a line over
 * columns whose labels, or groups, are printed on the lines below it. A group label spans its
 * sub-columns (a chunk across them) or is centred over them (a short label over the middle one of
 * a run whose other columns have nothing on its line). Lines are read bottom up, so a group over
 * groups sees the columns the lower groups cover as labelled. Groups of one level do not overlap;
 * groups of two levels nest. Null when the band has no groups, or holds figures (a body row).
 */
function headerGroups(band: LineInfo[], colOf: (x: number) => number, colX: readonly number[]): Groups | null {
  if (band.length < 2 || band.some((l) => l.line.words.some((w) => /\d[.,]\d/.test(w.text)))) return null;
  const mid = (w: Word): number => colOf((w.bbox[0] + w.bbox[2]) / 2);
  // A label's column is the one its middle is over ("% Realisasi" whose '%' reaches over the
  // realisasi column is the % column's label), unless its words are separate cells.
  const labelCols = (ch: Chunk, size: number): number[] => {
    const pieces = labelPieces(ch, colOf, size);
    if (pieces) return pieces.map((p) => p.col);
    if (ch.words.length < 2 || separateCells(ch, colOf, size)) return ch.words.map(mid);
    return [colOf((ch.x0 + ch.x1) / 2)];
  };
  const lineCols = band.map((l) => new Set(l.chunks.flatMap((ch) => labelCols(ch, l.line.size || 10))));
  const covered = band.map(() => new Set<number>());
  const labelledAt = (x: number, j: number): boolean => lineCols[j]!.has(x) || covered[j]!.has(x);
  const found: Array<{ line: number; a: number; b: number; words: Word[] }> = [];
  const below = (x: number, i: number): boolean => band.some((_, j) => j > i && labelledAt(x, j));
  // Centred over a symmetric run of columns that are empty on its line (but for the label itself)
  // and labelled below, their labels starting on one line: a short label over the middle one.
  const centredOver = (ch: Chunk, i: number): [number, number] | null => {
    const c = mid(ch.words[0]!);
    if (ch.words.some((w) => mid(w) !== c)) return null;
    const centre = (ch.x0 + ch.x1) / 2;
    let best: [number, number] | null = null;
    for (let k = 1; c - k >= 0 && c + k < colX.length - 1; k++) {
      const run = Array.from({ length: 2 * k + 1 }, (_, n) => c - k + n);
      if (run.some((x) => x !== c && lineCols[i]!.has(x)) || run.some((x) => !below(x, i))) break;
      // Sub-columns' labels start on one line: a column whose label starts higher is beside the group.
      if (new Set(run.map((x) => band.findIndex((_, j) => j > i && labelledAt(x, j)))).size > 1) break;
      if (centredOn(centre, c, k, colX)) best = [c - k, c + k];
    }
    return best;
  };
  for (let i = band.length - 2; i >= 0; i--) {
    for (const ch of band[i]!.chunks) {
      let span = spanOf(ch, colOf, band[i]!.line.size || 10);
      if (!span) span = centredOver(ch, i);
      if (!span) continue;
      const [a, b] = span;
      // What lies under a group starts on one line below it; a label that starts lower in one of
      // the columns is the rest of a wrapped label there ("Program/Kegiatan/Sub" over "Kegiatan"),
      // and the line above it is no group.
      const starts = new Set<number>();
      let labelled = 0;
      // Labels under a group start below it. A label that starts beside it, half a line lower (the
      // one-line labels of a header whose two-line labels are centred on the same middle), is a
      // column's own, and the chunk is the first line of its own column's label.
      let beside = false;
      const bottom = band[i]!.line.bbox[3];
      for (let x = a; x <= b; x++) {
        const first = band.findIndex((_, j) => j > i && labelledAt(x, j));
        if (first >= 0) {
          starts.add(first);
          labelled++;
          if (band[first]!.line.bbox[1] < bottom - (band[i]!.line.size || 10) * 0.25) beside = true;
        }
      }
      if (labelled < 2 || starts.size !== 1 || beside) continue;
      found.push({ line: i, a, b, words: ch.words });
      for (let x = a; x <= b; x++) covered[i]!.add(x);
    }
  }
  if (!found.length) return null;
  const crosses = (p: (typeof found)[number], q: (typeof found)[number]): boolean => p.a <= q.b && q.a <= p.b && (p.line === q.line || !((p.a <= q.a && q.b <= p.b) || (q.a <= p.a && p.b <= q.b)));
  if (found.some((p, i) => found.some((q, j) => j !== i && crosses(p, q)))) return null;
  const lines = [...new Set(found.map((g) => g.line))].sort((x, y) => x - y);
  return { levels: lines, spans: found.map((g) => ({ level: lines.indexOf(g.line), a: g.a, b: g.b, words: g.words })), last: lines[lines.length - 1]! };
}

const FIGURE = /^[(\-−]?(rp\.?)?\d[\d.,]*%?\)?[,-]*$/i;

/**
 * A row band holding two figures stacked in one column is two rows (a cell holds one figure): the
 * rule between them was missing, as under a cell merged over both rows (a sasaran beside its
 * indicators). A new row starts at each line whose figures share a column with a figure line
 * already in the row and which fills more than one cell; text lines go with the row above them.
 */
function splitStackedFigures(band: LineInfo[], colOf: (x: number) => number): LineInfo[][] {
  if (band.length < 2) return [band];
  const out: LineInfo[][] = [[]];
  let taken = new Set<number>();
  for (const l of band) {
    const cols = new Set(l.line.words.filter((w) => /\d/.test(w.text) && FIGURE.test(w.text)).map((w) => colOf((w.bbox[0] + w.bbox[2]) / 2)));
    // A lone figure (the rest of a wrapped "80 s.d. / 85") stays in its cell: a row opens with several cells.
    if (l.tabular && [...cols].some((c) => taken.has(c))) {
      out.push([]);
      taken = new Set();
    }
    for (const c of cols) taken.add(c);
    out[out.length - 1]!.push(l);
  }
  return out;
}

/**
 * A chunk over several columns that is really several cells set close together ("Realisasi 2022
 * Realisasi 2023 Realisasi 2024" in a tight header): no word lies across a column boundary, every
 * column it covers gets words, and every boundary falls in a gap wider than the chunk's own word
 * spacing. A title or a group label runs on with even spacing, or has a word across a boundary.
 */
function separateCells(ch: Chunk, colOf: (x: number) => number, size: number): boolean {
  const ws = ch.words;
  const cols = ws.map((w) => colOf((w.bbox[0] + w.bbox[2]) / 2));
  if (ws.some((w) => colOf(w.bbox[0] + 1) !== colOf(w.bbox[2] - 1))) return false;
  const first = cols[0]!;
  const last = cols[cols.length - 1]!;
  for (let c = first; c <= last; c++) if (!cols.includes(c)) return false;
  const inner: number[] = [];
  const boundary: number[] = [];
  ws.slice(1).forEach((w, k) => (cols[k + 1] !== cols[k] ? boundary : inner).push(w.bbox[0] - ws[k]!.bbox[2]));
  if (!boundary.length) return false;
  const sorted = [...inner].sort((a, b) => a - b);
  const wordGap = sorted.length ? sorted[Math.floor(sorted.length / 2)]! : size * 0.3;
  return boundary.every((g) => g >= Math.max(2 * wordGap, size * 0.6));
}

/**
 * Two columns printed too close for any line to show a column gap: a % column right against a sisa
 * column ("86,17 510.773.610,-"), a capaian against its predikat ("125.00 Sangat Baik"), a row
 * number against its sasaran ("1. Meningkatnya"). Within one column, at least half the lines with
 * figures there hold such a pair (two figures side by side, or a figure opening the cell followed
 * only by words), and one x lies between the two parts of most of them; misread lines (a stamp over
 * a cell) make up much of the rest.
 */
function figurePairSeparators(tabular: LineInfo[], colX: readonly number[]): number[] {
  const out: number[] = [];
  const isFigure = (w: Word): boolean => /\d/.test(w.text) && FIGURE.test(w.text);
  for (let c = 0; c + 1 < colX.length; c++) {
    const [a, b] = [colX[c]!, colX[c + 1]!];
    const figurePairs: Array<[Word, Word]> = [];
    const labelPairs: Array<[Word, Word]> = [];
    let withFigures = 0;
    for (const l of tabular) {
      // "Rp." printed apart from its amount belongs to it: "Rp. 8.620.630.800 Rp. 8.125.093.161" is a pair.
      const inside = withSigns(l.line.words.filter((w) => w.bbox[0] >= a && w.bbox[2] <= b));
      const figs = inside.filter(isFigure);
      if (!figs.length) continue;
      withFigures++;
      // Side by side with nothing between: "76 - 90" and "80 s.d. 85" are one cell, a range.
      if (figs.length === 2 && inside.indexOf(figs[1]!) === inside.indexOf(figs[0]!) + 1) figurePairs.push([figs[0]!, figs[1]!]);
      else if (figs.length === 1 && inside[0] === figs[0] && inside.length > 1 && /^\p{L}/u.test(inside[1]!.text)) labelPairs.push([figs[0]!, inside[1]!]);
    }
    for (const pairs of [figurePairs, labelPairs]) {
      // Three pairs at least, or every line of a short part (two rows before a page break).
      const enough = (n: number): boolean => n >= 3 || (n >= 2 && n === withFigures);
      if (!enough(pairs.length) || pairs.length * 2 < withFigures) continue;
      const separated = (x: number): number => pairs.filter(([p, q]) => p.bbox[2] < x && x < q.bbox[0]).length;
      let best = { x: 0, n: 0 };
      for (const [p, q] of pairs) {
        const x = (p.bbox[2] + q.bbox[0]) / 2;
        const n = separated(x);
        if (n > best.n) best = { x, n };
      }
      if (enough(best.n) && best.n * 2 >= withFigures) {
        out.push(best.x);
        break;
      }
    }
  }
  return out;
}

/**
 * A currency word printed apart from the amount after it ("Rp." "8.620.630.800"), or a percent sign
 * after its figure ("120,00" "%"), joined to it as one word spanning both, so an amount reads as one
 * figure wherever its sign is set.
 */
function withSigns(words: readonly Word[]): Word[] {
  const out: Word[] = [];
  const join = (a: Word, b: Word): Word => ({ ...b, text: `${a.text}${b.text}`, bbox: [a.bbox[0], Math.min(a.bbox[1], b.bbox[1]), b.bbox[2], Math.max(a.bbox[3], b.bbox[3])] });
  for (let k = 0; k < words.length; k++) {
    const w = words[k]!;
    const next = words[k + 1];
    if (/^rp\.?$/i.test(w.text) && next && /^\d/.test(next.text)) {
      out.push(join(w, next));
      k++;
    } else if (next && next.text === '%' && /\d$/.test(w.text)) {
      // "120,00 %": a percent sign set apart is part of its figure.
      out.push(join(w, next));
      k++;
    } else out.push(w);
  }
  return out;
}

/**
 * A cell spanning rows: the rule between two body rows is drawn across the other columns but not
 * under it (a sasaran beside its two indicators). The cell below joins the one above, as one cell
 * over both rows, in each column no rule segment at that height covers.
 */
function mergeUnruled(cells: GridCell[], bands: LineInfo[][], firstBody: number, rowOf: (b: number) => number, inner: readonly Segment[], allRules: readonly Segment[], colX: readonly number[]): void {
  for (let b = Math.max(1, firstBody + 1); b < bands.length; b++) {
    const above = bands[b - 1]![bands[b - 1]!.length - 1]!.line.bbox[3];
    const below = bands[b]![0]!.line.bbox[1];
    const rule = inner.find((r) => r.pos >= above - 2 && r.pos <= below + 2);
    if (!rule) continue;
    const at = allRules.filter((r) => Math.abs(r.pos - rule.pos) < 1);
    for (let c = 0; c + 1 < colX.length; c++) {
      const [x0, x1] = [colX[c]!, colX[c + 1]!];
      const covered = at.reduce((n, r) => n + Math.max(0, Math.min(r.b, x1) - Math.max(r.a, x0)), 0);
      if (covered > (x1 - x0) * 0.2) continue;
      const up = cells.find((g) => g.c0 === c && g.c1 === c + 1 && g.r0 <= rowOf(b - 1) && g.r1 > rowOf(b - 1));
      const down = cells.findIndex((g) => g.c0 === c && g.c1 === c + 1 && g.r0 === rowOf(b));
      if (!up || down < 0 || !up.words.length) continue;
      const cell = cells[down]!;
      up.words.push(...cell.words);
      up.r1 = cell.r1;
      up.bbox = [up.bbox[0], up.bbox[1], up.bbox[2], cell.bbox[3]];
      cells.splice(down, 1);
    }
  }
}

/**
 * A row rule broken off inside the table stops at a column's edge: it is not drawn under a cell
 * spanning rows (a sasaran beside its indicators, its text running close to theirs). Each end of a
 * rule that runs from the table's edge, that no word lies across, with a word between it and every
 * boundary found, is one.
 */
function ruleEndSeparators(run: LineInfo[], rules: Segment[], seps: readonly number[], minX: number, maxX: number): number[] {
  const top = run[0]!.line.bbox[1];
  const bottom = run[run.length - 1]!.line.bbox[3];
  const words = run.flatMap((l) => l.line.words);
  const out: number[] = [];
  for (const r of rules) {
    // A row rule reaches the table's edge on its other side; a rule under a group label does not.
    if (r.pos <= top || r.pos >= bottom || (r.a > minX + 3 && r.b < maxX - 3)) continue;
    for (const x of [r.a, r.b]) {
      if (x < minX + 3 || x > maxX - 3) continue;
      if (words.some((w) => w.bbox[0] + 1 < x && x < w.bbox[2] - 1)) continue;
      // A boundary with no word wholly between it and the rule's end is the same boundary.
      if ([...seps, ...out].some((s) => !words.some((w) => w.bbox[0] >= Math.min(s, x) && w.bbox[2] <= Math.max(s, x)))) continue;
      out.push(x);
    }
  }
  return out;
}

/**
 * Header lines may leave several open runs where the body has one gap (a group label "Tahun 2021"
 * ending over the gap, "% Capaian" beginning in it): separators with no body text between them, one
 * of them through a word, are one column boundary, set in the middle of the body's gap. Body lines
 * are those printing a figure other than a year; with fewer than two, nothing changes.
 */
function oneSeparatorPerBodyGap(tabular: LineInfo[], seps: number[]): void {
  const body = tabular.filter((l) => l.line.words.some((w) => isFigureWord(w) && !isYear(w))).flatMap((l) => l.line.words);
  if (tabular.filter((l) => l.line.words.some((w) => isFigureWord(w))).length < 2) return;
  const cuts = (x: number): boolean => tabular.some((l) => l.line.words.some((w) => w.bbox[0] + 1 < x && x < w.bbox[2] - 1));
  for (let i = 0; i + 1 < seps.length; i++) {
    let j = i;
    while (j + 1 < seps.length && !body.some((w) => w.bbox[2] > seps[j]! && w.bbox[0] < seps[j + 1]!)) j++;
    if (j === i) continue;
    const run = seps.slice(i, j + 1);
    if (!run.some(cuts)) continue;
    const left = Math.max(-Infinity, ...body.filter((w) => w.bbox[2] <= run[0]! + 1).map((w) => w.bbox[2]));
    const right = Math.min(Infinity, ...body.filter((w) => w.bbox[0] >= run[run.length - 1]! - 1).map((w) => w.bbox[0]));
    const at = Number.isFinite(left) && Number.isFinite(right) ? (left + right) / 2 : run[Math.floor(run.length / 2)]!;
    seps.splice(i, run.length, at);
  }
}

/**
 * Column gaps narrower than analyse() trusts ("1,08 Kurang Efisien": a figure right-aligned next to
 * a left-aligned label): a separator is added where only such narrow gaps (at least 0.6 em, or
 * none at all between two words that touch)
 * cross a range that at least two other lines leave open between two of their chunks.
 */
function narrowSeparators(tabular: LineInfo[], seps: number[], minX: number, width: number, allow: number): number[] {
  const soft = new Array<number>(width).fill(0);
  for (const l of tabular) {
    const seen = new Uint8Array(width);
    const size = l.line.size || 10;
    for (const ch of l.chunks) {
      let x0 = ch.words[0]!.bbox[0];
      ch.words.forEach((w, k) => {
        const next = ch.words[k + 1];
        // Touching words are two cells' texts run together (split apart at ingest).
        const g = next ? next.bbox[0] - w.bbox[2] : Infinity;
        if (next && g < size * 0.6 && g > size * 0.05) return;
        // Glyph boxes include side bearings: a figure may end a point short of the next header.
        for (let x = Math.ceil(x0) + 1 - minX; x <= Math.floor(w.bbox[2]) - 1 - minX; x++) if (x >= 0 && x < width) seen[x] = 1;
        if (next) x0 = next.bbox[0];
      });
    }
    seen.forEach((v, x) => (soft[x] = (soft[x] ?? 0) + v));
  }
  const out: number[] = [];
  for (const [start, end] of openRuns(soft, allow, 1)) {
    const [a, b] = [minX + start, minX + end];
    if (seps.some((s) => s >= a - 1 && s <= b + 1)) continue;
    // Lines that hold a real column gap over the whole range, between two of their chunks.
    const support = tabular.filter((l) => l.chunks.some((ch, k) => k > 0 && l.chunks[k - 1]!.x1 <= a + 2 && ch.x0 >= b - 2)).length;
    // Two columns printed close are both printed on some lines: a range no line fills on both sides
    // (between the wide separators around it) is the edge of a label set apart from its figures.
    const left = Math.max(minX, ...seps.filter((x) => x < a));
    const right = Math.min(minX + width, ...seps.filter((x) => x > b));
    const both = tabular.filter((l) => l.line.words.some((w) => w.bbox[0] >= left && w.bbox[2] <= b + 1) && l.line.words.some((w) => w.bbox[0] >= a - 1 && w.bbox[2] <= right)).length;
    if (support >= 2 && both >= 2) out.push((a + b) / 2);
  }
  return out;
}

/** Runs [start, end) of x where at most `allow` lines cover x, inside the block and `minWidth` wide. */
function openRuns(cover: readonly number[], allow: number, minWidth: number): Array<[number, number]> {
  const out: Array<[number, number]> = [];
  let start = -1;
  for (let x = 0; x <= cover.length; x++) {
    const gap = x < cover.length && cover[x]! <= allow;
    if (gap && start < 0) start = x;
    if (!gap && start >= 0) {
      if (start > 0 && x < cover.length && x - start >= minWidth) out.push([start, x]);
      start = -1;
    }
  }
  return out;
}

/**
 * Groups lines into rows. When rows are separated by visibly larger gaps than lines inside a cell,
 * the gaps decide; otherwise a line with no text in the first column continues the row above.
 */
function groupRows(run: LineInfo[], colOf: (x: number) => number): LineInfo[][] {
  const gaps = run.slice(1).map((l, k) => l.line.bbox[1] - run[k]!.line.bbox[3]);
  const size = median(run.map((l) => l.line.size)) || 10;
  // Lines of a merged cell centred across rows interleave with the rows' lines (negative gaps):
  // only real gaps tell row spacing from line spacing.
  const positive = gaps.filter((g) => g >= 0);
  const minGap = positive.length ? Math.min(...positive) : 0;
  const bimodal = positive.some((g) => g > minGap + size * 0.35) && positive.some((g) => g <= minGap + size * 0.15);
  const figure = (l: LineInfo) => l.line.words.some(isFigureWord);
  const numeric = run.filter(figure).length >= 2;
  // A header of several lines, its cells vertically centred ("Capaian Kinerja" over "(%)" beside a
  // one-line "No"), is one row: the lines before the first figure, when they are all bold or the
  // first of them leaves the first column empty while a later one fills it.
  // A year in a header line ("Tahun 2019", "Renstra 2019-2023") names columns; it is no figure.
  // A part of one row under its header (the rest of the table on the next page) has one line of
  // figures: its header lines are told apart the same way.
  const firstFigure = run.findIndex((l) => l.line.words.some((w) => !isYear(w) && /\d/.test(w.text) && /^[(\-−]?(rp\.?)?[\d.,]+%?\)?[,-]*$/i.test(w.text)));
  let head = 1;
  if (firstFigure >= 2) {
    const lead = run.slice(0, firstFigure);
    const bold = lead.every((l) => l.line.words.every((w) => w.bold));
    const startsCol0 = (l: LineInfo) => colOf(l.line.words[0]!.bbox[0] + 1) === 0;
    const centred = !startsCol0(lead[0]!) && lead.slice(1).some(startsCol0);
    const tight = lead.slice(1).every((l, k) => l.line.bbox[1] - lead[k]!.line.bbox[3] <= size * 0.6);
    if ((bold || centred) && tight && lead.length <= 4) head = firstFigure;
  }
  // Text wraps only when its line is full: a line whose first word would have fitted on the line
  // above, after that line's text in the same column, does not go on with it ("Sub Jumlah" then a
  // "Sasaran: …" section label under it).
  const right = new Map<number, number>();
  for (const l of run) {
    for (const w of l.line.words) {
      const c = colOf((w.bbox[0] + w.bbox[2]) / 2);
      right.set(c, Math.max(right.get(c) ?? -Infinity, w.bbox[2]));
    }
  }
  const roomAbove = (prev: LineInfo, l: LineInfo): boolean => {
    const w0 = l.line.words[0]!;
    const c = colOf((w0.bbox[0] + w0.bbox[2]) / 2);
    const above = prev.line.words.filter((w) => colOf((w.bbox[0] + w.bbox[2]) / 2) === c);
    if (!above.length || Math.abs(above[0]!.bbox[0] - w0.bbox[0]) > size * 0.5) return false;
    const end = Math.max(...above.map((w) => w.bbox[2]));
    return end + size * 0.3 + (w0.bbox[2] - w0.bbox[0]) < right.get(c)! - 1;
  };
  const rows: LineInfo[][] = [run.slice(0, head)];
  run.slice(head).forEach((l, j) => {
    const k = j + head - 1;
    const g = gaps[k]!;
    const firstCol = colOf(l.line.words[0]!.bbox[0] + 1);
    const wideGap = g > minGap + size * 0.25;
    let newRow: boolean;
    if (numeric) {
      // Figures sit on a row's first line (cells top-aligned): a line with figures opens a row; a
      // line without is wrapped text of the row above, unless it starts the first column after a
      // visibly wider gap (a section label row).
      // A line without figures opening in lower case continues the cells above (a wrapped sasaran,
      // indicator and predikat side by side), whatever its spacing.
      const continues = /^\p{Ll}/u.test(l.line.words[0]!.text);
      newRow = figure(l) || (firstCol === 0 && !continues && (bimodal ? wideGap : l.tabular)) || (!continues && roomAbove(run[k]!, l));
    } else {
      newRow = bimodal ? wideGap : l.tabular || firstCol === 0;
    }
    if (newRow) rows.push([l]);
    else rows[rows.length - 1]!.push(l);
  });
  return rows;
}
