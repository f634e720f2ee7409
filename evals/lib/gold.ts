/**
 * Gold tables from the seed text conversions (`evals/seeds/*.txt`). The PDFs were rendered from
 * these texts, so their tables are the ground truth for the tables in the PDFs:
 *
 * - consecutive lines containing a tab form one table, each line a row split on `\t`;
 * - a `<table>` … `</table>` fragment is one table; rowspan/colspan are expanded the way the tab
 *   tables print a merged cell: text at the top-left position, `''` at the positions it covers;
 * - the caption is the `Tabel …` line (plus the title lines under it) just above the table.
 *
 * Conversion artefacts are normalised so that a cell reads as it is printed in the PDF; see
 * `normaliseGoldCell` and `isSeparatorLine`.
 */

export interface GoldTable {
  /** `<doc>:L<line>`, the 1-based line of the table's first row in the txt. */
  id: string;
  line: number;
  endLine: number;
  kind: 'tsv' | 'html';
  caption?: string;
  /** Normalised cell text, one array per row; rows with no text are dropped. */
  rows: string[][];
  /** Lines skipped inside the table (separator artefacts such as `----\t--\t--`). */
  skipped: number;
  /**
   * A table of contents (`Daftar Isi`, `Daftar Tabel`): tab-separated in the text but printed as a
   * contents list with dot leaders, not as a table, so it is not scored.
   */
  toc?: boolean;
}

const BLOCK_TAGS = /<\/?(?:p|div|br|tr|li|ul|ol|h[1-6])\b[^>]*>/gi;
const INLINE_TAGS = /<\/?[a-zA-Z][a-zA-Z0-9]*\b[^>]*>/g;
const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ' };
const TEX: Record<string, string> = { leq: '≤', le: '≤', geq: '≥', ge: '≥', times: '×', neq: '≠', pm: '±', '%': '%' };

/**
 * Collapses whitespace runs (including no-break spaces and newlines) to one space and trims; the
 * comparison of gold and extracted cells is otherwise exact and case-sensitive.
 *
 * @example
 *   normaliseSpace('  Rp.\u00a07.908.091.365 \n'); // 'Rp. 7.908.091.365'
 */
export function normaliseSpace(text: string): string {
  return text.normalize('NFC').replace(/\s+/gu, ' ').trim();
}

/**
 * A gold cell as it prints in the PDF. The conversions carry markup the renderer did not print:
 * HTML tags (`<u>Realisasi</u>`, `<i>…</i>`, `<p style="…">100.000.000,00</p>`; paragraph and line
 * breaks become a space), HTML entities, markdown bold `**`, and inline TeX (`$76 \leq 90$` prints as
 * `76 ≤ 90`).
 *
 * @example
 *   normaliseGoldCell('<p style="text-align: right;">83.28</p>'); // '83.28'
 *   normaliseGoldCell('$76 \\leq 90$');                             // '76 ≤ 90'
 *   normaliseGoldCell('**Rp. 10.524.299.300**');                   // 'Rp. 10.524.299.300'
 */
export function normaliseGoldCell(raw: string): string {
  let s = raw.replace(BLOCK_TAGS, ' ').replace(INLINE_TAGS, '');
  s = s.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, name: string) => {
    if (name[0] === '#') {
      const code = name[1] === 'x' || name[1] === 'X' ? parseInt(name.slice(2), 16) : parseInt(name.slice(1), 10);
      return Number.isFinite(code) ? String.fromCodePoint(code) : whole;
    }
    return ENTITIES[name.toLowerCase()] ?? whole;
  });
  s = s.replace(/\*\*/g, '');
  s = s.replace(/\$([^$]+)\$/g, (_m, tex: string) =>
    tex.replace(/\\([a-zA-Z]+|%)/g, (whole, cmd: string) => TEX[cmd] ?? whole).replace(/[{}]/g, ''),
  );
  return normaliseSpace(s);
}

/**
 * A conversion artefact, not a row: a markdown table separator such as `----|--|` or the same
 * dashes tab-separated (`----\t--\t--`).
 *
 * @example
 *   isSeparatorLine('----\t--\t--\t------'); // true
 *   isSeparatorLine('|---|:--:|');            // true
 *   isSeparatorLine('1.\t-\t-');              // false (dashes as "no value" in a real row)
 */
export function isSeparatorLine(line: string): boolean {
  const cells = line
    .split(/[\t|]/)
    .map((c) => c.trim())
    .filter(Boolean);
  return cells.length > 0 && cells.every((c) => /^:?-{2,}:?$/.test(c));
}

/**
 * Parses a `<table>` fragment into rows of cell text, expanding rowspan/colspan: a merged cell's
 * text sits at its top-left position and the positions it covers are `''`. Tolerant of missing
 * closing tags and of `<th>`, `<thead>`, `<tbody>`.
 *
 * @example
 *   parseHtmlTable('<table><tr><td rowspan="2">A</td><td>B</td></tr><tr><td>C</td></tr></table>');
 *   // [['A', 'B'], ['', 'C']]
 */
export function parseHtmlTable(html: string): string[][] {
  const body = html.replace(/<!--[\s\S]*?-->/g, '');
  const rowChunks = body.split(/<tr\b[^>]*>/i).slice(1);
  const grid: (string | undefined)[][] = [];
  rowChunks.forEach((chunk, r) => {
    const rowHtml = chunk.split(/<\/tr\s*>|<\/table\s*>/i)[0] ?? '';
    const row = (grid[r] ??= []);
    let c = 0;
    const cellRe = /<t([dh])\b([^>]*)>([\s\S]*?)(?=<t[dh]\b|<\/t[dh]\s*>|$)/gi;
    for (const m of rowHtml.matchAll(cellRe)) {
      const attrs = m[2] ?? '';
      const rowSpan = Math.max(1, Number(/rowspan\s*=\s*["']?(\d+)/i.exec(attrs)?.[1] ?? 1));
      const colSpan = Math.max(1, Number(/colspan\s*=\s*["']?(\d+)/i.exec(attrs)?.[1] ?? 1));
      while (row[c] !== undefined) c++;
      for (let dr = 0; dr < rowSpan; dr++) {
        const target = (grid[r + dr] ??= []);
        for (let dc = 0; dc < colSpan; dc++) target[c + dc] = dr === 0 && dc === 0 ? normaliseGoldCell(m[3] ?? '') : '';
      }
      c += colSpan;
    }
  });
  const width = Math.max(0, ...grid.map((row) => row.length));
  return grid.map((row) => Array.from({ length: width }, (_, i) => row[i] ?? ''));
}

/**
 * The caption of a table starting at `start` (0-based line index): the nearest `Tabel <n>` line
 * above it within a few non-blank lines, joined with the title lines between it and the table.
 * Prose such as "Tabel berikut menggambarkan…" is not a caption.
 *
 * @example
 *   findCaption(['Tabel 2.5', 'Program kerja.', '', 'No.\tProgram'], 3); // 'Tabel 2.5 Program kerja.'
 */
export function findCaption(lines: readonly string[], start: number): string | undefined {
  const collected: string[] = [];
  for (let k = start - 1, seen = 0; k >= 0 && seen < 6; k--) {
    const raw = lines[k] ?? '';
    const text = normaliseGoldCell(raw);
    if (!text) continue;
    if (raw.includes('\t') || /<\/table\s*>/i.test(raw)) break;
    seen++;
    collected.unshift(text);
    if (/^tabel\s*(?:\d|[IVX]+\b|\.{2,})/i.test(text)) return collected.join(' ');
    if (text.length > 160) break;
  }
  return undefined;
}

/**
 * Whether a block is a table of contents: headed `Daftar Isi/Tabel/Gambar/Lampiran` a few lines
 * above, or most rows ending in a page number with dot leaders somewhere.
 *
 * @example
 *   isTocBlock(['DAFTAR ISI', ''], 2, [['KATA PENGANTAR', 'i'], ['BAB I PENDAHULUAN', '1']]); // true
 */
export function isTocBlock(lines: readonly string[], start: number, rows: readonly (readonly string[])[]): boolean {
  for (let k = start - 1, seen = 0; k >= 0 && seen < 3; k--) {
    const text = normaliseGoldCell(lines[k] ?? '');
    if (!text) continue;
    if ((lines[k] ?? '').includes('\t')) break;
    seen++;
    if (/^daftar\s+(?:isi|tabel|gambar|lampiran)\b/i.test(text)) return true;
  }
  const last = (r: readonly string[]): string => [...r].reverse().find((c) => c !== '') ?? '';
  const paged = rows.filter((r) => /^(?:[ivxlcdm]+|\d{1,3})$/i.test(last(r))).length;
  return rows.length >= 3 && paged >= rows.length * 0.6 && rows.some((r) => r.some((c) => /\.{4,}/.test(c)));
}

function finish(rows: string[][]): string[][] {
  const kept = rows.filter((r) => r.some((c) => c !== ''));
  // Trailing tabs print no column: drop columns that are empty in every row, from the right.
  let width = Math.max(0, ...kept.map((r) => r.length));
  while (width > 0 && kept.every((r) => (r[width - 1] ?? '') === '')) width--;
  return kept.map((r) => Array.from({ length: width }, (_, i) => r[i] ?? ''));
}

/**
 * All gold tables of a seed text, in document order.
 *
 * @example
 *   parseGoldTables('Tabel 1\n\nNo\tNama\n1\tA\n', '000').map((t) => [t.caption, t.rows]);
 *   // [['Tabel 1', [['No', 'Nama'], ['1', 'A']]]]
 */
export function parseGoldTables(text: string, doc = ''): GoldTable[] {
  const lines = text.split(/\r?\n/);
  const tables: GoldTable[] = [];
  const push = (t: Omit<GoldTable, 'id' | 'caption'>, start: number): void => {
    if (!t.rows.length) return;
    const caption = findCaption(lines, start);
    const toc = isTocBlock(lines, start, t.rows);
    tables.push({ id: `${doc}:L${t.line}`, ...(caption ? { caption } : {}), ...t, ...(toc ? { toc } : {}) });
  };
  let i = 0;
  while (i < lines.length) {
    const line = lines[i] ?? '';
    if (/<table\b/i.test(line)) {
      const start = i;
      let html = line;
      while (!/<\/table\s*>/i.test(lines[i] ?? '') && i + 1 < lines.length) html += `\n${lines[++i] ?? ''}`;
      push({ line: start + 1, endLine: i + 1, kind: 'html', rows: finish(parseHtmlTable(html)), skipped: 0 }, start);
      i++;
    } else if (line.includes('\t')) {
      const start = i;
      const rows: string[][] = [];
      let skipped = 0;
      // A separator line between tab lines belongs to the block but is not a row.
      while (i < lines.length && ((lines[i] ?? '').includes('\t') || (rows.length && isSeparatorLine(lines[i] ?? '')))) {
        const l = lines[i] ?? '';
        if (isSeparatorLine(l)) skipped++;
        else rows.push(l.split('\t').map(normaliseGoldCell));
        i++;
      }
      push({ line: start + 1, endLine: i, kind: 'tsv', rows: finish(rows), skipped }, start);
    } else i++;
  }
  return tables;
}

/**
 * Whether a cell holds a number as printed in these reports: an optional `Rp`, digits with `.`/`,`
 * thousands groups and/or a decimal part, an optional `%` or `,-`. Codes such as `2.12.01.2.06` and
 * ranges such as `76 ≤ 90` are not numbers.
 *
 * @example
 *   ['51,85%', 'Rp. 7.908.091.365,-', '88', '100 %', '11,737,766,231'].every(isNumericCell); // true
 *   ['2.12.01.2.06.06', 'Tahun 2023', '8.518.981.015 1', ''].some(isNumericCell);          // false
 */
export function isNumericCell(text: string): boolean {
  if (!/\d/.test(text)) return false;
  const s = normaliseSpace(text)
    .replace(/^(?:rp|idr)\.?\s*/i, '')
    .replace(/\s*[.,]\s*-{1,2}$/, '')
    .replace(/\s*%$/, '')
    .replace(/^[-+\u2212]\s*/, '');
  const grouped = (sep: string): RegExp => new RegExp(`^\\d{1,3}(?:\\${sep}\\d{3})+$`);
  const integer = (t: string): boolean => /^\d+$/.test(t) || grouped('.').test(t) || grouped(',').test(t);
  if (integer(s)) return true;
  // One decimal mark: the last separator, and it must differ from any grouping separator before it.
  const m = /^(.*)([.,])(\d+)$/.exec(s);
  if (!m) return false;
  const [, int = '', mark = ''] = m;
  if (/^\d+$/.test(int)) return true;
  return int.includes(mark) ? false : grouped(mark === ',' ? '.' : ',').test(int);
}
