/**
 * HTML for both producers, with the conventions of scripts/synthetic/lib/html.ts: LibreOffice's HTML
 * import ignores stylesheet borders, class selectors and percentage widths, so borders, padding,
 * fonts and shading are inline on every cell, widths are pixel attributes, and page breaks sit on
 * paragraphs. A landscape section is a separate HTML part (joined with qpdf after rendering).
 */
import { inlineText, type Inline } from '../synthetic/lib/doc.js';
import type { CBlock, CCell, CTable, HeaderCell } from './doc.js';

export interface HtmlPart {
  orientation: 'portrait' | 'landscape';
  html: string;
}

const esc = (s: string): string => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
const BREAK = 'page-break-before: always; ';

export interface Look {
  font: 'serif' | 'sans';
}

function family(look: Look, sheet = false): string {
  if (sheet) return '"Liberation Sans", "DejaVu Sans", Arial, sans-serif';
  return look.font === 'serif' ? '"Liberation Serif", "DejaVu Serif", "Times New Roman", serif' : '"Liberation Sans", "DejaVu Sans", Arial, sans-serif';
}

/** Borders of one cell: `pos` says whether it is a header cell, a body cell or in the last row. */
function border(t: CTable, pos: 'head' | 'headLast' | 'body' | 'last'): string {
  switch (t.style) {
    case 'grid':
    case 'shaded':
      return 'border: 0.5pt solid #000000; ';
    case 'sheet':
      return 'border: 0.4pt solid #8c8c8c; ';
    case 'hrules':
      return pos === 'head' || pos === 'headLast' ? 'border-top: 0.75pt solid #000000; border-bottom: 0.75pt solid #000000; ' : 'border-bottom: 0.5pt solid #000000; ';
    case 'booktabs':
      if (pos === 'head') return 'border-top: 1.5pt solid #000000; ';
      if (pos === 'headLast') return 'border-bottom: 0.75pt solid #000000; ';
      if (pos === 'last') return 'border-bottom: 1.5pt solid #000000; ';
      return '';
    default:
      return '';
  }
}

function style(t: CTable, look: Look, pos: 'head' | 'headLast' | 'body' | 'last', extra = ''): string {
  const pad = t.style === 'sheet' ? 'padding: 1pt 2pt' : 'padding: 2pt 4pt';
  return `${border(t, pos)}${pad}; font-size: ${t.fontSize}pt; font-family: ${family(look, t.style === 'sheet')}${extra}`;
}

function shade(t: CTable): string {
  return t.style === 'shaded' ? ' bgcolor="#d9d9d9"' : t.style === 'sheet' ? ' bgcolor="#eeeeee"' : '';
}

function headerHtml(t: CTable, look: Look): string {
  const n = t.header.length;
  return t.header
    .map((row, i) => {
      const cells = row.map((c: HeaderCell) => {
        const last = i + (c.rowspan ?? 1) >= n;
        const span = `${c.colspan && c.colspan > 1 ? ` colspan="${c.colspan}"` : ''}${c.rowspan && c.rowspan > 1 ? ` rowspan="${c.rowspan}"` : ''}`;
        const bg = t.style === 'shaded' ? '; background-color: #d9d9d9' : t.style === 'sheet' ? '; background-color: #eeeeee' : '';
        return `<th style="${style(t, look, last ? 'headLast' : 'head', bg)}"${shade(t)}${span} align="center" valign="middle"><b>${esc(c.text)}</b></th>`;
      });
      return `<tr>${cells.join('')}</tr>`;
    })
    .join('\n');
}

function cellHtml(t: CTable, look: Look, c: CCell, pos: 'body' | 'last', bold: boolean, colAlign: string): string {
  const align = c.align ?? colAlign;
  const ws = c.nowrap ? '; white-space: nowrap' : '';
  const span = c.rowspan && c.rowspan > 1 ? ` rowspan="${c.rowspan}"` : '';
  const text = esc(inlineText(c.content));
  return `<td style="${style(t, look, pos, ws)}" valign="top" align="${align}"${span}${c.nowrap ? ' nowrap' : ''}>${bold && text ? `<b>${text}</b>` : text}</td>`;
}

function tableHtml(t: CTable, look: Look, rows: CTable['rows'], withHeader: boolean, repeat: boolean): string {
  const out: string[] = [];
  const widths = t.widths.map((w) => `<col width="${w}">`).join('');
  out.push(`<table width="100%" border="${t.style === 'grid' || t.style === 'shaded' || t.style === 'sheet' ? 1 : 0}" bordercolor="#000000" cellspacing="0" cellpadding="${t.style === 'sheet' ? 2 : 4}">${widths}`);
  const head = headerHtml(t, look);
  if (withHeader && repeat) out.push(`<thead>${head}</thead>`);
  out.push('<tbody>');
  if (withHeader && !repeat) out.push(head);
  rows.forEach((r, i) => {
    const last = i === rows.length - 1 ? 'last' : 'body';
    const cells = r.cells.map((c, ci) => {
      if (c.covered) return '';
      const reachesEnd = c.rowspan && i + c.rowspan >= rows.length ? 'last' : last;
      return cellHtml(t, look, c, reachesEnd, Boolean(r.bold), t.align[ci] ?? 'left');
    });
    out.push(`<tr>${cells.join('')}</tr>`);
  });
  out.push('</tbody></table>');
  return out.join('\n');
}

function para(look: Look, text: string, opts: { align?: string; bold?: boolean; breakBefore?: boolean; size?: number; indent?: boolean; space?: number } = {}): string {
  const st = [opts.breakBefore ? BREAK : '', `font-family: ${family(look)}`, opts.size ? `; font-size: ${opts.size}pt` : '', opts.indent ? '; text-indent: 24pt' : '', opts.align ? `; text-align: ${opts.align}` : '', opts.space !== undefined ? `; margin-top: ${opts.space}pt` : ''].join('');
  const body = opts.bold ? `<b>${text}</b>` : text;
  return `<p${opts.align ? ` align="${opts.align}"` : ''} style="${st}">${body}</p>`;
}

function renderTable(t: CTable, look: Look, breakBefore: boolean): string {
  const out: string[] = [];
  const cap = t.caption ? para(look, esc(t.caption), { align: 'center', bold: true, breakBefore: breakBefore && t.captionPos === 'above' }) : null;
  if (cap && t.captionPos === 'above') out.push(cap);
  else if (breakBefore) out.push(`<p style="${BREAK}margin: 0">&nbsp;</p>`);
  if (t.split && t.split.after < t.rows.length - 1) {
    // Explicit continuation: the rows up to `after`, a page break, a continuation line, the rest.
    out.push(tableHtml(t, look, t.rows.slice(0, t.split.after), true, false));
    out.push(para(look, `<i>${esc(t.split.label)}</i>`, { breakBefore: true }));
    out.push(tableHtml(t, look, t.rows.slice(t.split.after), t.split.header, false));
  } else {
    out.push(tableHtml(t, look, t.rows, true, t.repeatHeader));
  }
  if (t.note) out.push(para(look, esc(inlineText(t.note as Inline[])), { size: Math.max(7, t.fontSize - 1) }));
  if (cap && t.captionPos === 'below') out.push(cap);
  out.push('<p style="margin: 0">&nbsp;</p>');
  return out.join('\n');
}

function page(orientation: 'portrait' | 'landscape', title: string, look: Look, body: string[], sheet: boolean): string {
  const margin = sheet ? '10mm' : '20mm';
  return `<!DOCTYPE html>
<html lang="id">
<head>
<meta charset="utf-8">
<title>${esc(title)}</title>
<style>
  @page { size: A4 ${orientation}; margin: ${margin}; }
  body { font-family: ${family(look, sheet)}; font-size: 11pt; margin: 0; }
  p { margin: 0 0 6pt 0; line-height: 1.25; }
  table { border-collapse: collapse; width: 100%; }
  th, td { vertical-align: top; }
</style>
</head>
<body>
${body.join('\n')}
</body>
</html>
`;
}

/**
 * The HTML parts of a report (one per orientation run).
 *
 * @example
 *   renderHtml(blocks, 'LKjIP …', { font: 'serif' })[0].html.startsWith('<!DOCTYPE html>'); // true
 */
export function renderHtml(blocks: readonly CBlock[], title: string, look: Look): HtmlPart[] {
  const parts: HtmlPart[] = [];
  let orientation: 'portrait' | 'landscape' = 'portrait';
  let sheet = false;
  let body: string[] = [];
  const flush = (): void => {
    if (body.length) parts.push({ orientation, html: page(orientation, title, look, body, sheet) });
    body = [];
  };
  for (const b of blocks) {
    switch (b.kind) {
      case 'part':
        flush();
        orientation = b.orientation;
        sheet = Boolean(b.sheet);
        break;
      case 'cover':
        for (const l of b.lines) body.push(para(look, esc(l.text), { align: 'center', bold: l.bold ?? false, size: l.size, space: l.space ?? 6 }));
        break;
      case 'h':
        body.push(para(look, esc(b.text), { bold: true, breakBefore: b.breakBefore ?? false, ...(b.center ? { align: 'center' } : {}), space: 10 }));
        break;
      case 'p':
        body.push(para(look, esc(inlineText(b.parts)), { align: 'justify', breakBefore: b.breakBefore ?? false, indent: b.indent ?? false }));
        break;
      case 'table':
        body.push(renderTable(b.table, look, Boolean(b.breakBefore)));
        break;
    }
  }
  flush();
  return parts;
}
