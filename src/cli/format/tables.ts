import type { LayoutDocument, Table } from '../../model/table.js';

/** Markdown: one section per table with its id, pages, caption, header and rows. */
export function tablesToMarkdown(doc: LayoutDocument): string {
  const out: string[] = [];
  for (const t of doc.tables) {
    out.push(`### ${t.id} — page${t.pages.length > 1 ? 's' : ''} ${t.pages.join(', ')}${t.caption ? ` — ${t.caption}` : ''}`);
    out.push(`_${t.method}, ${t.rows.length} rows × ${t.nCols} columns_`, '');
    const header = t.columns.map((c, i) => md(c || `col ${i + 1}`));
    out.push(`| ${header.join(' | ')} |`, `|${header.map(() => '---').join('|')}|`);
    for (const r of t.rows) out.push(`| ${r.cells.map((c) => md(c.spannedBy ? '' : c.text)).join(' | ')} |`);
    out.push('');
  }
  if (doc.tables.length === 0) out.push('_No tables found._');
  const unread = doc.pages.filter((p) => p.source === 'unread');
  if (unread.length) out.push('', `Unread pages: ${unread.map((p) => `${p.page}${p.warning ? ` (${p.warning})` : ''}`).join(', ')}`);
  return out.join('\n') + '\n';
}

/** CSV: one line per cell (table, page, row, column, label, text, bbox) so every value is traceable. */
export function tablesToCsv(doc: LayoutDocument): string {
  const lines = [['table', 'caption', 'page', 'row', 'col', 'column', 'header', 'text', 'x0', 'y0', 'x1', 'y1'].join(',')];
  for (const t of doc.tables) {
    for (const r of [...t.headerRows.map((r) => ({ r, h: true })), ...t.rows.map((r) => ({ r, h: false }))]) {
      for (const c of r.r.cells) {
        if (c.spannedBy) continue;
        lines.push([t.id, t.caption ?? '', c.page, c.row, c.col, t.columns[c.col] ?? '', r.h ? 'yes' : 'no', c.text, ...c.bbox].map(csv).join(','));
      }
    }
  }
  return lines.join('\n') + '\n';
}

export function tableSummary(t: Table): string {
  return `${t.id} p${t.pages.join(',')} ${t.rows.length}×${t.nCols}${t.caption ? ` ${t.caption}` : ''}`;
}

function md(s: string): string {
  return s.replace(/\|/g, '\\|').replace(/\s+/g, ' ');
}

export function csv(v: unknown): string {
  const s = String(v ?? '');
  return /[",\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}
