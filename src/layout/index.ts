import type { Page, PdfDocument, Word } from '../model/document.js';
import type { BBox } from '../model/geometry.js';
import type { LayoutDocument, Paragraph } from '../model/table.js';
import { draftFromPageTable, finalizeTable, headerKey, isNumberingRow, joinTextBox, minConf, type DraftCell, type DraftRow, type DraftTable } from './build.js';
import { asPrinted, joinLines, lineText, mergeRules, toLines, union, type TextLine } from './geometry.js';
import { findLatticeTables, type PageTable } from './lattice.js';
import { splitStackedRows } from './stacked.js';
import { findStreamTables, isFigureWord, NUMBERED_CAPTION } from './stream.js';

/** What layout found on one page, before tables are stitched across pages. */
export interface PageLayout {
  page: Page;
  tables: DraftTable[];
  lines: TextLine[];
  paragraphs: Paragraph[];
}

const CAPTION = /^(tabel|table|tab\.)\b/i;
const CONTINUED = /^\(?\s*lanjutan\b/i;
const PAGE_NUMBER = /^(hal(aman)?\.?\s*)?([\divxlc]+|-\s*\d+\s*-)$/i;

/**
 * Finds the tables and paragraphs of one page.
 *
 * @example
 *   const pl = layoutPage(page);
 *   pl.tables.length; // 2
 */
export function layoutPage(page: Page): PageLayout {
  if (page.source === 'unread') return { page, tables: [], lines: [], paragraphs: [] };
  const lattice = findLatticeTables(page).map(splitStackedRows);
  const used = new Set<number>();
  for (const t of lattice) for (const i of t.used) used.add(i);
  // Horizontal rules that are not part of a ruled grid guide borderless tables.
  const freeH = mergeRules(page.rules, 'h').filter((s) => !lattice.some((t) => inside(s.pos, s.a, s.b, t.bbox)));
  const stream = findStreamTables(page, used, freeH);
  // A weak table's words stay with the page's text until stitching keeps the table.
  for (const t of stream) if (!t.weak && !t.weakHead) for (const i of t.used) used.add(i);
  const all: PageTable[] = [...lattice, ...stream].sort((a, b) => a.bbox[1] - b.bbox[1]);
  const ocr = page.source === 'ocr';
  const tables = all.map((t) => draftFromPageTable(t, ocr, (b) => asPrinted(b, page)));
  const rest = page.words.filter((_, i) => !used.has(i));
  const lines = toLines(rest);
  for (const d of tables) {
    const cap = findCaption(d.bbox, lines);
    if (cap) {
      d.caption = cap.text;
      if (cap.below) d.captionBelow = true;
    }
  }
  return { page, tables, lines, paragraphs: paragraphsOf(page.page, lines, ocr) };
}

/**
 * Lays out a whole document: tables per page, captions, paragraphs, and tables continued on the
 * next page stitched into one table that keeps each row's page.
 *
 * @example
 *   const layout = layoutDocument(await ingest('report.pdf'));
 *   layout.tables[0].caption; // 'Tabel 1. Perjanjian Kinerja …'
 */
export function layoutDocument(doc: PdfDocument): LayoutDocument {
  const pages = doc.pages.map(layoutPage);
  const drafts: DraftTable[] = [];
  let head: { t: DraftTable; pl: PageLayout } | null = null;
  for (let p = 0; p < pages.length; p++) {
    const pl = pages[p]!;
    pl.tables.forEach((t, k) => {
      if (t.weakHead) {
        if (k === pl.tables.length - 1) head = { t, pl };
        return;
      }
      const opened = k === 0 && head && head.pl.page.page === pl.page.page - 1 ? head : null;
      head = null;
      if (opened && prependHead(opened.t, opened.pl, t, pl)) {
        drafts.push(t);
        return;
      }
      const prev = drafts[drafts.length - 1];
      const prevPage = prev ? pages.find((x) => x.page.page === prev.pages[prev.pages.length - 1]) : undefined;
      if (t.weak && prev) foldEmptyHeaderColumns(t, prev.nCols);
      // A page between the two holding only the rest of the last row (a row split so that its last
      // lines fill a page of their own) is no break in the table.
      const between = prev && prevPage && pl.page.page === prevPage.page.page + 2 ? pages.find((x) => x.page.page === prevPage.page.page + 1) : undefined;
      const tail = between ? rowTail(between, prev!) : null;
      // The last lines of the previous part's last label, pushed to this page and read as a title.
      const spill = k === 0 && prev && prevPage && t.caption && !t.captionBelow ? labelSpill(prev, prevPage, t, pl) : null;
      const continued = k === 0 && prev && prevPage && (spill ? continues(prev, prevPage, { ...t, caption: undefined }, { ...pl, lines: pl.lines.filter((l) => !spill.lines.includes(l)) }, tail !== null) : continues(prev, prevPage, t, pl, tail !== null));
      if (continued && spill) {
        joinTail(prev, spill.lines, pl);
        delete t.caption;
        pl.paragraphs = pl.paragraphs.filter((para) => !spill.lines.some((l) => within(l.bbox, para.bbox)));
      }
      if (continued && tail && between) {
        joinTail(prev, tail, between);
        between.paragraphs = [];
      }
      if (!continued && k === 0 && !t.caption && !t.weak && p > 0) captionFromPageFoot(t, pl, pages[p - 1]!);
      if (continued) appendContinuation(prev, t);
      if (continued && t.weak) pl.paragraphs = pl.paragraphs.filter((para) => !startsWithin(para.bbox, t.bbox));
      if (!continued && !t.weak) drafts.push(t);
    });
  }
  const tables = drafts.map((d, i) => finalizeTable(d, `t${i + 1}`));
  joinParagraphsAcrossPages(pages);
  return {
    file: doc.file,
    sha256: doc.sha256,
    pageCount: doc.pageCount,
    pages: doc.pages.map((p) => ({ page: p.page, width: p.width, height: p.height, source: p.source, ...(p.warning ? { warning: p.warning } : {}) })),
    tables,
    paragraphs: pages.flatMap((p) => p.paragraphs),
    warnings: doc.warnings,
  };
}

/**
 * A one-row header cell ending in words a head's header lacks: the column and those words, when the
 * header's other words are exactly the head's. Null otherwise.
 */
function headerTail(t: DraftTable, headWords: readonly Word[]): { col: number; text: string } | null {
  if (t.headerCount !== 1) return null;
  const have = sortedKeys(headWords.map((w) => w.text));
  for (const [col, cell] of t.rows[0]!.cells.entries()) {
    const words = cell.text.trim().split(/\s+/);
    for (let k = 1; k < words.length; k++) {
      const kept = t.rows[0]!.cells.flatMap((c, i) => (i === col ? words.slice(0, words.length - k) : c.text.split(/\s+/)));
      if (sortedKeys(kept) === have) return { col, text: words.slice(words.length - k).join(' ') };
    }
  }
  return null;
}

/**
 * A table opening a page under no caption of its own, whose caption closes the page before ("Tabel
 * 3.4 Efisiensi …" as that page's last line, its table pushed over the break): the caption is the
 * table's, and leaves the paragraph it was read into.
 */
function captionFromPageFoot(t: DraftTable, page: PageLayout, before: PageLayout): void {
  const above = page.lines.some((l) => l.bbox[3] < t.firstBBox[1] - 2 && !isPageFurniture(l, page.page.height));
  if (above) return;
  // A caption may sit in the bottom margin; only page numbers are furniture here.
  const lines = before.lines.filter((l) => !PAGE_NUMBER.test(lineText(l).trim()));
  const last = lines[lines.length - 1];
  if (!last || before.tables.some((x) => x.bbox[1] > last.bbox[1])) return;
  const text = lineText(last).trim();
  if (!NUMBERED_CAPTION.test(text)) return;
  t.caption = text;
  for (const para of before.paragraphs) {
    if (para.text.endsWith(text)) {
      para.text = para.text.slice(0, para.text.length - text.length).trim();
      break;
    }
  }
  before.paragraphs = before.paragraphs.filter((para) => para.text.length > 0);
}

/** Both parts have a header, and their headers print the same words. */
function sameHeaderWords(prev: DraftTable, next: DraftTable): boolean {
  return prev.headerCount > 0 && next.headerCount > 0 && next.rows.length > next.headerCount && headerWords(next.rows.slice(0, next.headerCount)) === headerWords(prev.rows.slice(0, prev.headerCount));
}

/** The words of some rows, lower case, without punctuation, sorted: a header however it was cut into rows. */
function headerWords(rows: readonly DraftRow[]): string {
  return sortedKeys(rows.flatMap((r) => r.cells.flatMap((c) => (c.cover ? [] : c.text.split(/\s+/)))));
}

/** A word as headers are compared: lower case, letters and digits only. */
function wordKey(w: string): string {
  return w.toLowerCase().replace(/[^\p{L}\p{N}]/gu, '');
}

/** The keys of some words, empty ones dropped, sorted and joined: their order and punctuation aside. */
function sortedKeys(words: readonly string[]): string {
  return words.map(wordKey).filter(Boolean).sort().join(' ');
}

/**
 * A header and a row or two closing a page (a weak head) are the first rows of the table that opens
 * the next page under the same header: their rows, laid out in that table's columns, go in before
 * the table's own rows, and the table starts on the head's page. False, changing nothing, when the
 * next page's table does not open the page or its header is another.
 */
function prependHead(head: DraftTable, headPage: PageLayout, t: DraftTable, page: PageLayout): boolean {
  if (t.headerCount === 0 || (t.caption && !t.captionBelow) || !head.headLines?.length) return false;
  const above = page.lines.some((l) => l.bbox[3] < t.firstBBox[1] - 2 && !isPageFurniture(l, page.page.height) && !CONTINUED.test(lineText(l).trim()));
  if (above) return false;
  const norm = (ws: readonly Word[]) => sortedKeys(ws.map((w) => w.text));
  const want = headerWords(t.rows.slice(0, t.headerCount));
  const lines = head.headLines;
  let m = [1, 2, 3, 4].find((n) => n < lines.length && norm(lines.slice(0, n).flat()) === want);
  // The repeated header may have picked up the rest of the head's last row, split at the page break
  // ("Program/Kegiatan/Sub Kegiatan URUSAN PEMERINTAHAN …"): words the head's header lacks, at the
  // end of one header cell. They go back to that row.
  let tail: { col: number; text: string } | null = null;
  if (m === undefined) {
    for (const n of [1, 2, 3, 4].filter((k) => k < lines.length)) {
      const found = headerTail(t, lines.slice(0, n).flat());
      if (found) {
        [m, tail] = [n, found];
        break;
      }
    }
  }
  if (m === undefined) return false;
  // The body lines in the table's columns: a line with a figure or a first-column word opens a row.
  if (lines.slice(m).flat().some((w) => columnAt(t, (w.bbox[0] + w.bbox[2]) / 2) < 0)) return false;
  const rows: DraftRow[] = [];
  let at = new Map<DraftCell, number>();
  lines.slice(m).forEach((line, li) => {
    const cols = line.map((w) => columnAt(t, (w.bbox[0] + w.bbox[2]) / 2));
    const opens = !rows.length || line.some(isFigureWord) || cols[0] === 0;
    if (opens) {
      rows.push({ page: head.pages[0]!, cells: Array.from({ length: t.nCols }, (_, c) => ({ text: '', page: head.pages[0]!, bbox: [t.colX[c]!, line[0]!.bbox[1], t.colX[c + 1]!, line[0]!.bbox[3]] as BBox, rowSpan: 1, colSpan: 1 })) });
      at = new Map();
    }
    const row = rows[rows.length - 1]!;
    line.forEach((w, i) => {
      const cell = row.cells[cols[i]!]!;
      if (!cell.text) {
        cell.text = w.text;
        cell.bbox = w.bbox;
      } else {
        cell.text = at.get(cell) === li ? `${cell.text} ${w.text}` : joinLines(cell.text, w.text);
        cell.bbox = union(cell.bbox, w.bbox);
      }
      const conf = minConf(cell.conf, w.conf);
      if (conf !== undefined) cell.conf = conf;
      if (page.page.source === 'ocr') cell.ocr = true;
      at.set(cell, li);
    });
  });
  if (!rows.some((r) => r.cells.filter((c) => c.text.trim()).length >= 3)) return false;
  if (tail) {
    const cell = t.rows[0]!.cells[tail.col]!;
    cell.text = cell.text.slice(0, cell.text.length - tail.text.length).trim();
    const last = rows[rows.length - 1]!.cells[tail.col]!;
    last.text = last.text ? joinLines(last.text, tail.text) : tail.text;
  }
  const n = t.headerCount;
  const shift = (row: DraftRow): DraftRow => ({ ...row, cells: row.cells.map((c) => (c.cover && c.cover.row >= n ? { ...c, cover: { row: c.cover.row + rows.length, col: c.cover.col } } : c)) });
  t.rows = [...t.rows.slice(0, n), ...rows, ...t.rows.slice(n).map(shift)];
  t.pages = [head.pages[0]!, ...t.pages.filter((x) => x !== head.pages[0])];
  t.firstBBox = head.firstBBox;
  if (head.caption && !t.caption) t.caption = head.caption;
  headPage.paragraphs = headPage.paragraphs.filter((para) => !within(para.bbox, head.bbox));
  return true;
}

/**
 * Two lines are too few to place column boundaries well: a label set between two header words
 * ("JUMLAH" under the gap between "Kode" and "Uraian") opens a column of its own with no header.
 * Such columns fold into the neighbour that is empty in that row, while the table has more
 * columns than the one it may continue.
 */
function foldEmptyHeaderColumns(t: DraftTable, want: number): void {
  const n = Math.max(t.headerCount, 1);
  for (let c = t.nCols - 1; c >= 0 && t.nCols > want; c--) {
    if (t.rows.slice(0, n).some((r) => r.cells[c]?.text.trim() || r.cells[c]?.cover)) continue;
    const body = t.rows.slice(n);
    if (body.some((r) => r.cells.some((x) => x.cover))) return;
    for (const r of body) {
      const cell = r.cells[c]!;
      const right = r.cells[c + 1];
      const left = r.cells[c - 1];
      const target = right && !right.text.trim() ? right : left && !left.text.trim() ? left : (left ?? right);
      if (cell.text.trim() && target) {
        target.text = target.text.trim() ? `${target.text} ${cell.text}` : cell.text;
        const conf = minConf(target.conf, cell.conf);
        if (conf !== undefined) target.conf = conf;
        target.bbox = union(target.bbox, cell.bbox);
        const textBox = joinTextBox(target.textBox, cell.textBox);
        if (textBox) target.textBox = textBox;
      }
    }
    for (const r of t.rows) r.cells.splice(c, 1);
    t.colX.splice(c + 1, 1);
    t.nCols--;
  }
}

/**
 * A sentence running over a page break is one paragraph: the last paragraph of a page that stops
 * without a full stop, with no table below it, continues in the first paragraph of the next page
 * when that starts in lower case with no table above it (page numbers and running heads aside).
 * The end of the broken sentence joins the first part (its page and box); the rest stays.
 */
function joinParagraphsAcrossPages(pages: PageLayout[]): void {
  const body = (pl: PageLayout) => pl.paragraphs.filter((p) => !PAGE_NUMBER.test(p.text.trim()) && !(p.text.length < 80 && (p.bbox[1] > pl.page.height * 0.9 || p.bbox[3] < pl.page.height * 0.08)));
  for (let i = 0; i + 1 < pages.length; i++) {
    const here = pages[i]!;
    const next = pages[i + 1]!;
    if (next.page.page !== here.page.page + 1) continue;
    const a = body(here).at(-1);
    const b = body(next)[0];
    if (!a || !b || /[.:;!?]["”)]?$/.test(a.text.trim()) || !/^\p{Ll}/u.test(b.text.trim())) continue;
    if (here.tables.some((t) => t.bbox[1] > a.bbox[3]) || next.tables.some((t) => t.bbox[3] < b.bbox[1])) continue;
    // Only the end of the broken sentence moves; the rest stays with its own page.
    const stop = b.text.search(/[.!?](\s|$)/);
    const head = stop < 0 ? b.text : b.text.slice(0, stop + 1);
    const rest = stop < 0 ? '' : b.text.slice(stop + 1).trim();
    a.text = joinLines(a.text, head).replace(/\s+/g, ' ').trim();
    if (rest) b.text = rest;
    else next.paragraphs = next.paragraphs.filter((p) => p !== b);
  }
}

/**
 * A paragraph read from a table part's lines (with the part's wrapped last line, or the caption set
 * right under it, joined): it starts inside the part's box.
 */
function startsWithin(inner: BBox, outer: BBox): boolean {
  if (within(inner, outer)) return true;
  const overlapX = Math.min(inner[2], outer[2]) - Math.max(inner[0], outer[0]);
  return overlapX > 0 && inner[1] >= outer[1] - 2 && inner[1] < outer[3];
}

function within(inner: BBox, outer: BBox): boolean {
  return inner[0] >= outer[0] - 3 && inner[1] >= outer[1] - 3 && inner[2] <= outer[2] + 3 && inner[3] <= outer[3] + 3;
}

function inside(pos: number, a: number, b: number, box: BBox): boolean {
  return pos >= box[1] - 2 && pos <= box[3] + 2 && a >= box[0] - 3 && b <= box[2] + 3;
}

/**
 * A caption is a "Tabel …" line just above the table (with the lines that follow it), or below;
 * failing that, a title set in bold or capitals right above the table.
 */
function findCaption(box: BBox, lines: TextLine[]): { text: string; below?: boolean } | undefined {
  const above = lines.filter((l) => l.bbox[3] <= box[1] + 2 && box[1] - l.bbox[3] < 60).sort((a, b) => b.bbox[1] - a.bbox[1]);
  const block: TextLine[] = [];
  let bottom = box[1];
  for (const l of above) {
    if (bottom - l.bbox[3] > Math.max(l.size * 1.6, 14) || block.length >= 5) break;
    block.unshift(l);
    bottom = l.bbox[1];
  }
  const join = (ls: TextLine[]) => ls.map(lineText).join(' ').replace(/\s+/g, ' ').trim();
  const numbered = block.findIndex((l) => NUMBERED_CAPTION.test(lineText(l)));
  const any = numbered >= 0 ? numbered : block.findIndex((l) => CAPTION.test(lineText(l)));
  if (any >= 0) return { text: join(block.slice(any)) };
  const title: TextLine[] = [];
  for (const l of [...block].reverse()) {
    const t = lineText(l);
    const letters = t.replace(/[^\p{L}]/gu, '');
    const upper = letters.length > 0 && letters.replace(/[^\p{Lu}]/gu, '').length / letters.length > 0.8;
    const yearOnly = letters.length === 0 && /\d{4}/.test(t);
    if (!(upper || (yearOnly && title.length === 0)) || t.endsWith(':') || t.length > 140) break;
    title.unshift(l);
  }
  if (title.length && title.length <= 3 && box[1] - title[title.length - 1]!.bbox[3] < 30) return { text: join(title) };
  const below = lines.filter((l) => l.bbox[1] >= box[3] - 2 && l.bbox[1] - box[3] < 30).sort((a, b) => a.bbox[1] - b.bbox[1]);
  const first = below[0];
  if (first && CAPTION.test(lineText(first))) {
    const out = [first];
    for (const l of below.slice(1)) {
      if (l.bbox[1] - out[out.length - 1]!.bbox[3] > l.size * 0.8 || out.length >= 3) break;
      // A caption's second line keeps its alignment and weight; the paragraph that follows a
      // caption without a blank line (LibreOffice adds none) starts at the margin in body type.
      if (!continuesCaption(out[out.length - 1]!, l)) break;
      out.push(l);
    }
    return { text: out.map(lineText).join(' ').replace(/\s+/g, ' ').trim(), below: true };
  }
  return undefined;
}

function continuesCaption(prev: TextLine, next: TextLine): boolean {
  const bold = (l: TextLine) => l.words.every((w) => w.bold);
  if (bold(prev) !== bold(next)) return false;
  const sameLeft = Math.abs(prev.bbox[0] - next.bbox[0]) <= 3;
  const sameCentre = Math.abs(prev.bbox[0] + prev.bbox[2] - next.bbox[0] - next.bbox[2]) / 2 <= 6;
  return sameLeft || sameCentre;
}

/** Lines into paragraphs: a new paragraph at a wider vertical gap or a clear change of left edge. */
function paragraphsOf(page: number, lines: TextLine[], ocr: boolean): Paragraph[] {
  const out: Paragraph[] = [];
  let cur: { text: string[]; bbox: BBox; last: TextLine } | undefined;
  for (const l of lines) {
    const gap = cur ? l.bbox[1] - cur.last.bbox[3] : Infinity;
    if (cur && gap < Math.max(cur.last.size, l.size) * 0.9 && gap > -l.size) {
      cur.text.push(lineText(l));
      cur.bbox = union(cur.bbox, l.bbox);
      cur.last = l;
    } else {
      if (cur) out.push(toParagraph(page, cur, ocr));
      cur = { text: [lineText(l)], bbox: [...l.bbox] as BBox, last: l };
    }
  }
  if (cur) out.push(toParagraph(page, cur, ocr));
  return out;
}

function toParagraph(page: number, cur: { text: string[]; bbox: BBox }, ocr: boolean): Paragraph {
  let text = '';
  for (const t of cur.text) text = joinLines(text, t);
  const p: Paragraph = { page, text: text.replace(/\s+/g, ' ').trim(), bbox: cur.bbox };
  if (ocr) p.ocr = true;
  return p;
}

/**
 * A table continues on the next page when it is the last thing on its page, the next table opens
 * the next page with no caption of its own, and their columns line up (or the header repeats).
 */
function continues(prev: DraftTable, prevPage: PageLayout, next: DraftTable, nextPage: PageLayout, overTail = false): boolean {
  if (nextPage.page.page !== prevPage.page.page + (overTail ? 2 : 1)) return false;
  // A caption above opens a new table; one below closes the table, which may have begun a page before.
  if (next.caption && !(next.captionBelow && !prev.caption)) return false;
  const h = prevPage.page.height;
  const textBelow = prevPage.lines.some((l) => l.bbox[1] > prev.lastBBox[3] + 2 && !isPageFurniture(l, h));
  // "Lanjutan" / "(lanjutan Tabel 3.5)" above a part says it continues the table; other text parts them.
  const textAbove = nextPage.lines.some((l) => l.bbox[3] < next.firstBBox[1] - 2 && !isPageFurniture(l, nextPage.page.height) && !CONTINUED.test(lineText(l).trim()));
  if (textBelow || textAbove) return false;
  const sameHeader = prev.headerCount > 0 && next.rows.length > prev.headerCount && headerKey(next.rows.slice(0, prev.headerCount)) === headerKey(prev.rows.slice(0, prev.headerCount));
  if (sameHeader) return true;
  // The same header words cut into cells a little differently (a label's gap moved by the rows
  // under it): the same header, when the part's cells sit in the first part's columns.
  if (sameHeaderWords(prev, next) && next.nCols === prev.nCols && fitsColumns(prev, next)) return true;
  if (prev.headerCount > 0 && next.rows.length > prev.headerCount && headerTails(prev, next)) return true;
  if (next.weak || shortPart(prev, next)) return fitsColumns(prev, next);
  // A part with no header of its own whose cells sit in the first part's columns (its separators
  // may fall elsewhere: shorter names leave a wider gap before the figures).
  if (next.headerCount === 0 && prev.headerCount > 0 && fitsColumns(prev, next)) return true;
  if (next.nCols !== prev.nCols) return false;
  const tol = 6;
  return prev.colX.every((x, i) => Math.abs(x - (next.colX[i] ?? Infinity)) <= tol);
}

/**
 * The lines of a page that hold nothing but the rest of a table's last row: no table, at most three
 * short lines (page furniture aside), each starting inside one of the table's columns other than
 * the first. Null when the page holds anything else.
 */
function rowTail(page: PageLayout, table: DraftTable): TextLine[] | null {
  if (page.tables.length) return null;
  // The row's lines open the page, in its top margin: only page numbers and the foot are furniture here.
  const lines = page.lines.filter((l) => !PAGE_NUMBER.test(lineText(l).trim()) && l.bbox[1] <= page.page.height * 0.9);
  if (!lines.length || lines.length > 3) return null;
  const [x0, x1] = [table.colX[1] ?? Infinity, table.colX[table.colX.length - 1] ?? -Infinity];
  return lines.every((l) => lineText(l).length <= 60 && l.bbox[0] >= x0 - 2 && l.bbox[2] <= x1 + 2) ? lines : null;
}

/**
 * The title-like lines above a page's first table that are the rest of the previous part's last
 * label: a row broken at the page end whose label wrapped ("PROGRAM PENCEGAHAN, …" closing one page,
 * "KEBAKARAN DAN …" opening the next). Every line above the table (page furniture aside) sits inside
 * one column that holds text in that last row, starting where that text starts, and none reads as a
 * caption ("Tabel …"). Null otherwise.
 */
function labelSpill(prev: DraftTable, prevPage: PageLayout, next: DraftTable, page: PageLayout): { lines: TextLine[] } | null {
  const h = page.page.height;
  const lines = page.lines.filter((l) => l.bbox[3] < next.firstBBox[1] - 2 && !isPageFurniture(l, h));
  if (!lines.length || lines.length > 3) return null;
  if (lines.some((l) => CAPTION.test(lineText(l).trim()) || NUMBERED_CAPTION.test(lineText(l).trim()) || CONTINUED.test(lineText(l).trim()))) return null;
  const last = prev.rows[prev.rows.length - 1];
  if (!last) return null;
  const cols = new Set(lines.map((l) => prev.colX.findIndex((x, c) => c < prev.nCols && l.bbox[0] >= x - 2 && l.bbox[2] <= prev.colX[c + 1]! + 2)));
  if (cols.size !== 1) return null;
  const [col] = [...cols];
  if (col === undefined || col < 0) return null;
  const cell = last.cells[col];
  const origin = cell?.cover ? prev.rows[cell.cover.row]?.cells[cell.cover.col] : cell;
  if (!origin?.text.trim()) return null;
  // A wrapped label's lines start where the label starts (a title is set elsewhere: centred, or at
  // the margin): the left edge of the label's words in that row on the page before.
  const [x0, x1] = [prev.colX[col]!, prev.colX[col + 1]!];
  const top = origin.bbox[1] - 1;
  const words = prevPage.page.words.filter((w) => w.bbox[1] >= top && w.bbox[3] <= prev.lastBBox[3] + 1 && (w.bbox[0] + w.bbox[2]) / 2 >= x0 && (w.bbox[0] + w.bbox[2]) / 2 < x1);
  if (!words.length) return null;
  const left = Math.min(...words.map((w) => w.bbox[0]));
  return lines.every((l) => Math.abs(l.bbox[0] - left) <= 3) ? { lines } : null;
}

/** The rest of the last row, printed on a page of its own, joined to the row's cells by column. */
function joinTail(table: DraftTable, tail: readonly TextLine[], page: PageLayout): void {
  const last = table.rows[table.rows.length - 1];
  if (!last) return;
  for (const l of tail) {
    const mid = (l.bbox[0] + l.bbox[2]) / 2;
    const col = table.colX.findIndex((x, i) => i + 1 < table.colX.length && mid >= x && mid < table.colX[i + 1]!);
    const target = col >= 0 ? last.cells[col] : undefined;
    const origin = target?.cover ? table.rows[target.cover.row]?.cells[target.cover.col] : target;
    if (!origin) continue;
    origin.text = joinLines(origin.text, lineText(l));
    (origin.parts ??= []).push({ page: page.page.page, bbox: l.bbox });
  }
}

/** Page numbers, running headers and footers: a page number anywhere, or short lines in the margins. */
function isPageFurniture(l: TextLine, pageHeight: number): boolean {
  const text = lineText(l);
  if (PAGE_NUMBER.test(text.trim())) return true;
  const inMargin = l.bbox[1] > pageHeight * 0.9 || l.bbox[3] < pageHeight * 0.08;
  return inMargin && text.length < 80;
}

/**
 * A repeated header that picked up the rest of a row split at the page break: a renderer repeats the
 * header and then prints the split row's remaining lines, which borderless layout reads into the
 * header's band ("Program/Kegiatan/Sub Kegiatan" + "dan Beracun Kebakaran …"). Every cell of the
 * next part's header reads as the first part's, some followed by more words: those words, by
 * column, are the tail of the first part's last row. Null when the headers differ otherwise.
 */
function headerTails(prev: DraftTable, next: DraftTable): Map<number, { text: string; page: number; bbox: BBox; conf?: number }> | null {
  const n = prev.headerCount;
  const norm = (t: string): string => t.toLowerCase().replace(/\s+/g, ' ').trim();
  const tails = new Map<number, { text: string; page: number; bbox: BBox; conf?: number }>();
  for (let r = 0; r < n; r++) {
    const a = prev.rows[r]!.cells;
    const b = next.rows[r]?.cells;
    if (!b || a.length !== b.length) return null;
    for (let c = 0; c < a.length; c++) {
      const x = norm(a[c]!.text);
      const y = norm(b[c]!.text);
      if (x === y) continue;
      if (!x || !y.startsWith(`${x} `)) return null;
      const rest = b[c]!.text.trim().split(/\s+/).slice(x.split(' ').length).join(' ');
      tails.set(c, { text: rest, page: b[c]!.page, bbox: b[c]!.bbox });
    }
  }
  return tails.size ? tails : null;
}

/**
 * A row or two at the top of a page (a weak table: too few lines to place columns) that sit in the
 * previous page's table's columns: in every row, each filled cell's middle falls in a column of its
 * own, three cells at least.
 */
function fitsColumns(prev: DraftTable, next: DraftTable): boolean {
  const colOf = (x: number): number => columnAt(prev, x);
  return next.rows.every((r) => {
    const cols = r.cells.filter((c) => !c.cover && c.text.trim()).map((c) => colOf((c.bbox[0] + c.bbox[2]) / 2));
    return !cols.includes(-1) && new Set(cols).size === cols.length;
  }) && next.rows.some((r) => r.cells.filter((c) => !c.cover && c.text.trim()).length >= 3);
}

/**
 * A short part without a caption or the first part's header (the last rows of a scale pushed to the
 * next page) places its columns from its few lines, and may take its first row for a header: it is
 * judged, and laid out, by the first part's columns.
 */
function shortPart(prev: DraftTable, next: DraftTable): boolean {
  const n = prev.headerCount;
  return !next.caption && next.rows.length <= 3 && n > 0 && headerKey(next.rows.slice(0, n)) !== headerKey(prev.rows.slice(0, n));
}

/** The column of a draft whose span holds x, or -1. */
function columnAt(t: DraftTable, x: number): number {
  return t.colX.findIndex((x0, c) => c < t.nCols && x >= x0 && x < t.colX[c + 1]!);
}

/** The rows of a weak table laid out in the previous table's columns (see `fitsColumns`). */
function regrid(prev: DraftTable, next: DraftTable): void {
  if (next.nCols === prev.nCols && next.colX.every((x, i) => Math.abs(x - (prev.colX[i] ?? Infinity)) <= 6)) return;
  const colOf = (x: number): number => columnAt(prev, x);
  next.rows = next.rows.map((r) => {
    const cells = Array.from({ length: prev.nCols }, (_, c) => ({ text: '', page: r.page, bbox: [prev.colX[c]!, 0, prev.colX[c + 1]!, 0] as BBox, rowSpan: 1, colSpan: 1 }));
    for (const cell of r.cells) {
      if (cell.cover || !cell.text.trim()) continue;
      const c = colOf((cell.bbox[0] + cell.bbox[2]) / 2);
      if (c >= 0) cells[c] = { ...cell, rowSpan: 1, colSpan: 1 };
    }
    return { page: r.page, cells };
  });
  next.nCols = prev.nCols;
  next.colX = [...prev.colX];
  next.headerCount = 0;
}

function appendContinuation(prev: DraftTable, next: DraftTable): void {
  const short = !next.weak && shortPart(prev, next);
  if (short) next.headerCount = 0;
  if ((next.weak || short || next.headerCount === 0) && !(prev.headerCount > 0 && headerKey(next.rows.slice(0, prev.headerCount)) === headerKey(prev.rows.slice(0, prev.headerCount)))) regrid(prev, next);
  if (next.caption && next.captionBelow && !prev.caption) {
    prev.caption = next.caption;
    prev.captionBelow = true;
  }
  let skip = 0;
  const n = prev.headerCount;
  const reworded = n > 0 && headerKey(next.rows.slice(0, n)) !== headerKey(prev.rows.slice(0, n)) && sameHeaderWords(prev, next);
  const own = next.headerCount;
  if (reworded) regrid(prev, next);
  const tails = n > 0 && !reworded ? headerTails(prev, next) : null;
  if (reworded) skip = own;
  else if (n > 0 && headerKey(next.rows.slice(0, n)) === headerKey(prev.rows.slice(0, n))) skip = n;
  else if (tails) {
    skip = n;
    const last = prev.rows[prev.rows.length - 1];
    for (const [col, tail] of tails) {
      const target = last?.cells[col];
      const origin = target?.cover ? prev.rows[target.cover.row]?.cells[target.cover.col] : target;
      if (!origin) continue;
      origin.text = joinLines(origin.text, tail.text);
      const conf = minConf(origin.conf, tail.conf);
      if (conf !== undefined) origin.conf = conf;
      (origin.parts ??= []).push({ page: tail.page, bbox: tail.bbox });
    }
  } else if (next.headerCount > 0 && next.rows[0] && isNumberingRow(next.rows[0])) skip = 1;
  // Word and LibreOffice split a tall row at the page break: the top of the next page then holds the
  // rest of its cells — no number in the first column, no figures, text only where the row above
  // has text, reading on from it. Those words belong to the row above (keeping their page and box).
  const first = next.rows[skip];
  const last = prev.rows[prev.rows.length - 1];
  if (first && last && isSplitRow(first, last, prev.nCols)) {
    first.cells.forEach((c, col) => {
      if (!c.text || c.cover) return;
      const target = last.cells[col];
      const origin = target?.cover ? prev.rows[target.cover.row]?.cells[target.cover.col] : target;
      if (!origin) return;
      origin.text = joinLines(origin.text, c.text);
      const conf = minConf(origin.conf, c.conf);
      if (conf !== undefined) origin.conf = conf;
      (origin.parts ??= []).push({ page: c.page, bbox: c.bbox });
    });
    skip++;
  }
  const offset = prev.rows.length - skip;
  for (const row of next.rows.slice(skip)) {
    prev.rows.push({
      page: row.page,
      cells: row.cells.map((c) => (c.cover ? { ...c, cover: { row: c.cover.row + offset, col: c.cover.col } } : c)),
    });
  }
  prev.pages.push(...next.pages.filter((p) => !prev.pages.includes(p)));
  prev.lastBBox = next.lastBBox;
}

const FIGURE = /\d[\d.,]*\s*%?$/;

function isSplitRow(row: DraftRow, above: DraftRow, nCols: number): boolean {
  const filled = row.cells.map((c, i) => ({ c, i })).filter(({ c }) => !c.cover && c.text.trim());
  if (filled.length === 0 || row.cells[0]?.text.trim()) return false;
  if (filled.some(({ c }) => FIGURE.test(c.text.trim()))) return false;
  const aboveText = (i: number) => {
    const a = above.cells[i];
    return Boolean(a && (a.cover || a.text.trim()));
  };
  if (!filled.every(({ i }) => aboveText(i))) return false;
  return filled.some(({ c }) => /^\p{Ll}/u.test(c.text.trim())) || filled.length <= nCols / 2;
}

export type { DraftTable };
