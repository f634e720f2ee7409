/**
 * HTML for both renderers, following the conventions of test/fixtures/src (see
 * test/fixtures/README.md): LibreOffice's HTML import ignores stylesheet borders, table font sizes,
 * class selectors and percentage widths, so borders, padding and font size are inline on every cell,
 * widths are pixel attributes, and page breaks sit on paragraphs (LibreOffice ignores them on divs).
 * A landscape section becomes a separate HTML part: LibreOffice has no named pages, so the parts are
 * rendered one by one and joined with qpdf.
 */
import type { Block, Cell, Inline, TableBlock } from './doc.js';
import { inlineText } from './doc.js';

export interface HtmlPart {
  orientation: 'portrait' | 'landscape';
  html: string;
}

const esc = (s: string): string => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

function inline(parts: readonly Inline[]): string {
  return esc(inlineText(parts));
}

const BREAK = 'page-break-before: always; ';

function cellStyle(t: TableBlock, pos: 'head' | 'body' | 'last', extra = ''): string {
  const pad = 'padding: 2pt 4pt';
  const font = `font-size: ${t.fontSize}pt`;
  let border = '';
  if (t.style === 'bordered') border = 'border: 0.5pt solid #000000; ';
  else if (t.style === 'hrules' && pos === 'head') border = 'border-top: 1.5pt solid #000000; border-bottom: 0.75pt solid #000000; ';
  else if (t.style === 'hrules' && pos === 'last') border = 'border-bottom: 1.5pt solid #000000; ';
  return `${border}${pad}; ${font}${extra}`;
}

function renderCell(t: TableBlock, c: Cell, pos: 'body' | 'last', bold: boolean, colAlign: string): string {
  const align = c.align ?? colAlign;
  const nowrap = c.nowrap ? ' nowrap' : '';
  const ws = c.nowrap ? '; white-space: nowrap' : '';
  const span = c.rowspan && c.rowspan > 1 ? ` rowspan="${c.rowspan}"` : '';
  const text = inline(c.content);
  return `<td style="${cellStyle(t, pos, ws)}" valign="top" align="${align}"${span}${nowrap}>${bold && text ? `<b>${text}</b>` : text}</td>`;
}

function renderTable(t: TableBlock, breakBefore: boolean): string {
  const out: string[] = [];
  const caption = `<p align="center" style="${breakBefore && !t.captionBelow ? BREAK : ''}margin: 6pt 0"><b>${esc(t.caption)}</b></p>`;
  if (!t.captionBelow) out.push(caption);
  else if (breakBefore) out.push(`<p style="${BREAK}margin: 0">&nbsp;</p>`);
  out.push(`<table width="100%" border="${t.style === 'bordered' ? 1 : 0}" bordercolor="#000000" cellspacing="0" cellpadding="4">`);
  const head = `<tr>${t.columns.map((c) => `<th style="${cellStyle(t, 'head')}" width="${c.width}" align="center" valign="middle"><b>${esc(c.label)}</b></th>`).join('')}</tr>`;
  if (t.repeatHeader) out.push(`<thead>${head}</thead>`);
  out.push('<tbody>');
  if (!t.repeatHeader) out.push(head);
  t.rows.forEach((r, i) => {
    const last = i === t.rows.length - 1 ? 'last' : 'body';
    // A cell covered by a rowspan ending on the last row still needs the bottom rule: LibreOffice
    // draws it from the spanning cell, which is styled as the last row when it reaches it.
    const cells = r.cells.map((c, ci) => {
      if (c.covered) return '';
      const reachesEnd = c.rowspan && i + c.rowspan >= t.rows.length ? 'last' : last;
      return renderCell(t, c, reachesEnd, Boolean(r.bold), t.columns[ci]?.align ?? 'left');
    });
    out.push(`<tr>${cells.join('')}</tr>`);
  });
  out.push('</tbody></table>');
  if (t.captionBelow) out.push(caption);
  // LibreOffice puts no space between a table and the next paragraph.
  out.push('<p style="margin: 0">&nbsp;</p>');
  return out.join('\n');
}

function page(orientation: 'portrait' | 'landscape', title: string, body: string[]): string {
  return `<!DOCTYPE html>
<html lang="id">
<head>
<meta charset="utf-8">
<title>${esc(title)}</title>
<style>
  @page { size: A4 ${orientation}; margin: 20mm; }
  body { font-family: "Liberation Serif", "Times New Roman", serif; font-size: 11pt; margin: 0; }
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
 * The HTML parts of a document (one per orientation run).
 *
 * @example
 *   renderHtml(blocks, 'LKjIP Dinas Kesehatan 2023')[0].html.startsWith('<!DOCTYPE html>'); // true
 */
export function renderHtml(blocks: readonly Block[], title: string): HtmlPart[] {
  const parts: HtmlPart[] = [];
  let orientation: 'portrait' | 'landscape' = 'portrait';
  let body: string[] = [];
  const flush = (): void => {
    if (body.length) parts.push({ orientation, html: page(orientation, title, body) });
    body = [];
  };
  for (const b of blocks) {
    switch (b.kind) {
      case 'part':
        flush();
        orientation = b.orientation;
        break;
      case 'cover':
        for (const l of b.lines) {
          const text = l.bold ? `<b>${esc(l.text)}</b>` : esc(l.text);
          body.push(`<p align="center" style="text-align: center; font-size: ${l.size}pt; margin-top: ${l.space ?? 6}pt">${text}</p>`);
        }
        break;
      case 'h':
        body.push(`<p${b.center ? ' align="center"' : ''} style="${b.breakBefore ? BREAK : ''}margin-top: 10pt${b.center ? '; text-align: center' : ''}"><b>${esc(b.text)}</b></p>`);
        break;
      case 'p':
        body.push(`<p align="justify" style="${b.breakBefore ? BREAK : ''}text-align: justify${b.indent ? '; text-indent: 24pt' : ''}">${inline(b.parts)}</p>`);
        break;
      case 'table':
        body.push(renderTable(b.table, Boolean(b.breakBefore)));
        break;
    }
  }
  flush();
  return parts;
}
