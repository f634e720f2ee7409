import type { Cell, LayoutDocument, Paragraph, Table, TableRow } from '../../src/model/table.js';

/**
 * Builds a Table from rows of strings. `^` marks a position covered by the merged cell to its
 * left, `|` one covered by the cell above. The first `headerCount` rows are the header.
 */
export function table(id: string, rows: string[][], opts: { headerCount?: number; caption?: string; page?: number; columns?: string[] } = {}): Table {
  const h = opts.headerCount ?? 1;
  const page = opts.page ?? 1;
  const nCols = Math.max(...rows.map((r) => r.length));
  const grid: Cell[][] = rows.map((r, ri) =>
    Array.from({ length: nCols }, (_, c): Cell => ({
      id: `${id}.r${ri}c${c}`,
      row: ri,
      col: c,
      rowSpan: 1,
      colSpan: 1,
      text: r[c] ?? '',
      page,
      bbox: [c * 50, ri * 20, c * 50 + 50, ri * 20 + 20],
    })),
  );
  grid.forEach((row, ri) =>
    row.forEach((cell, c) => {
      if (cell.text === '^') {
        let k = c - 1;
        while (k > 0 && grid[ri]![k]!.spannedBy) k--;
        cell.text = '';
        cell.spannedBy = `${id}.r${ri}c${k}`;
        grid[ri]![k]!.colSpan++;
      } else if (cell.text === '|') {
        let k = ri - 1;
        while (k > 0 && grid[k]![c]!.spannedBy) k--;
        cell.text = '';
        cell.spannedBy = `${id}.r${k}c${c}`;
        grid[k]![c]!.rowSpan++;
      }
    }),
  );
  const toRow = (cells: Cell[], i: number): TableRow => ({ index: i, page, cells });
  const headerRows = grid.slice(0, h).map(toRow);
  const columns =
    opts.columns ??
    Array.from({ length: nCols }, (_, c) => {
      const parts: string[] = [];
      for (const r of headerRows) {
        const cell = r.cells[c]!;
        const t = cell.spannedBy ? (grid.flat().find((x) => x.id === cell.spannedBy)?.text ?? '') : cell.text;
        if (t && parts[parts.length - 1] !== t) parts.push(t);
      }
      return parts.join(' / ');
    });
  return {
    id,
    pages: [page],
    method: 'lattice',
    nCols,
    columns,
    headerRows,
    rows: grid.slice(h).map((cells, i) => toRow(cells, i + h)),
    bbox: [0, 0, nCols * 50, rows.length * 20],
    ...(opts.caption ? { caption: opts.caption } : {}),
  };
}

export function paragraph(page: number, text: string): Paragraph {
  return { page, text, bbox: [50, 100, 500, 140] };
}

export function layout(tables: Table[], paragraphs: Paragraph[]): LayoutDocument {
  return { file: 'test.pdf', sha256: 'x', pageCount: 3, pages: [], tables, paragraphs, warnings: [] };
}
