import type { Citation, Report, Value } from '../model/report.js';
import type { ChatCitation, ChatContext, Lang } from './types.js';

/** `[id]` markers in answer text. Ids are letters, digits, `.`, `-`, `_` and `:`. */
const MARKER = /\[([A-Za-z0-9][A-Za-z0-9._:-]*)\]/g;

/**
 * Every id an answer may cite, resolved to where it is printed. Built once per report.
 *
 * @example
 *   const index = CitationIndex.from({ result });
 *   index.get('t7.r3c4'); // { id: 't7.r3c4', kind: 'cell', page: 8, table: 't7', row: 3, column: 4, text: '93,05' }
 */
export class CitationIndex {
  private readonly byId = new Map<string, ChatCitation>();

  static from(ctx: ChatContext): CitationIndex {
    const index = new CitationIndex();
    const { report, findings } = ctx.result;
    // Layout cells first: model values below overwrite them with the same ids and richer text.
    for (const table of ctx.layout?.tables ?? []) {
      const first = table.rows[0] ?? table.headerRows[0];
      index.add({ id: table.id, kind: 'table', page: table.pages[0] ?? first?.page ?? 1, table: table.id, row: null, caption: table.caption ?? null });
      for (const row of [...table.headerRows, ...table.rows]) {
        for (const cell of row.cells) {
          if (cell.spannedBy) continue;
          index.add({ id: cell.id, kind: 'cell', page: cell.page, table: table.id, row: cell.row, column: cell.col, text: cell.text, caption: table.caption ?? null, bbox: cell.bbox });
        }
      }
    }
    ctx.layout?.paragraphs.forEach((p, i) => index.add({ id: `p${p.page}.${i}`, kind: 'paragraph', page: p.page, table: null, row: null, text: clipText(p.text, 300), bbox: p.bbox }));
    for (const t of report.tables) {
      if (!index.has(t.id) && t.pages[0]) index.add({ id: t.id, kind: 'table', page: t.pages[0], table: t.id, row: null, caption: t.caption });
    }
    index.addModel(report);
    for (const f of findings) {
      const first = f.citations[0]!;
      const pages = unique(f.citations.map((c) => c.page));
      index.add({ id: f.id, kind: 'finding', page: first.page, table: first.table ?? null, row: first.row ?? null, column: first.column ?? null, pages, text: f.message.en, caption: first.caption ?? null });
      for (const c of f.citations) index.addCite(c, f.printed?.text);
      for (const op of f.expected?.operands ?? []) if (op.cite) index.addCite(op.cite, op.text);
    }
    // Whole pages last: the fallback for values cited by page only.
    const pages = new Set([...index.byId.values()].flatMap((c) => c.pages ?? [c.page]));
    for (const page of pages) index.add({ id: `p${page}`, kind: 'page', page, table: null, row: null });
    return index;
  }

  has(id: string): boolean {
    return this.byId.has(id);
  }

  get(id: string): ChatCitation | undefined {
    return this.byId.get(id);
  }

  get size(): number {
    return this.byId.size;
  }

  /** Resolves ids in order of first appearance, skipping unknown ones and repeats. */
  resolve(ids: Iterable<string>): ChatCitation[] {
    const out: ChatCitation[] = [];
    const seen = new Set<string>();
    for (const id of ids) {
      const c = this.byId.get(id);
      if (c && !seen.has(id)) {
        seen.add(id);
        out.push(c);
      }
    }
    return out;
  }

  /** The cited source for a value of the model (its cell when it has one, else its row or page). */
  idOf(cite: Citation | null | undefined): string | null {
    if (!cite) return null;
    if (cite.cell && this.byId.has(cite.cell)) return cite.cell;
    return null;
  }

  /** The first entry for an id wins; later ones only fill fields it lacks. */
  private add(c: ChatCitation): void {
    const prev = this.byId.get(c.id);
    this.byId.set(c.id, prev ? { ...stripUndefined(c), ...stripUndefined(prev) } as ChatCitation : c);
  }

  private addCite(cite: Citation, text?: string | null): void {
    if (!cite.cell) return;
    this.add({
      id: cite.cell,
      kind: 'cell',
      page: cite.page,
      table: cite.table ?? null,
      row: cite.row ?? null,
      column: cite.column ?? null,
      caption: cite.caption ?? null,
      ...(text ? { text } : {}),
      ...(cite.bbox ? { bbox: cite.bbox } : {}),
    });
  }

  private addValue(v: Value | null | undefined): void {
    if (v) this.addCite(v.cite, v.text);
  }

  private addRow(id: string, cite: Citation, text: string): void {
    this.add({ id, kind: 'row', page: cite.page, table: cite.table ?? null, row: cite.row ?? null, text: clipText(text, 200), caption: cite.caption ?? null });
  }

  private addModel(report: Report): void {
    for (const i of report.indicators) {
      this.addRow(i.id, i.cite, i.indikator);
      for (const v of [i.target, i.realisasi, i.capaian, i.prevRealisasi, i.renstraTarget]) this.addValue(v);
      if (i.predikat) this.addCite(i.predikat.cite, i.predikat.text);
      this.addCite(i.cite, i.indikator);
    }
    for (const b of report.budget) {
      this.addRow(b.id, b.cite, b.uraian);
      for (const v of [b.pagu, b.realisasi, b.persen, b.sisa, b.prakiraan]) this.addValue(v);
      this.addCite(b.cite, b.uraian);
    }
    for (const b of report.belanja) {
      if (b.cite.table) this.addRow(b.id, b.cite, b.uraian);
      this.addValue(b.amount);
    }
    for (const e of report.efficiency) {
      this.addRow(e.id, e.cite, e.uraian);
      for (const v of [e.capaian, e.serapan, e.efisiensi]) this.addValue(v);
      if (e.label) this.addCite(e.label.cite, e.label.text);
    }
    for (const c of report.claims) {
      this.add({ id: c.id, kind: 'claim', page: c.cite.page, table: c.cite.table ?? null, row: c.cite.row ?? null, text: clipText(c.text, 300), ...(c.cite.bbox ? { bbox: c.cite.bbox } : {}) });
    }
  }
}

/**
 * The `[id]` markers of a text, in order, without repeats.
 *
 * @example
 *   citedIds('82,48 [t6.r2c5] vs 94,80% [capaian-25ef765cc5bb]'); // ['t6.r2c5', 'capaian-25ef765cc5bb']
 */
export function citedIds(text: string): string[] {
  return unique([...text.matchAll(MARKER)].map((m) => m[1]!));
}

/**
 * Where a citation is, for a person: `hal. 8, t7, baris 3` / `p. 8, table t7, row 3`.
 *
 * @example
 *   renderLocation({ id: 't7.r3c4', kind: 'cell', page: 8, table: 't7', row: 3 }, 'en'); // 'p. 8, table t7, row 3'
 */
export function renderLocation(c: ChatCitation, lang: Lang): string {
  const pages = c.pages && c.pages.length > 1 ? c.pages : [c.page];
  const parts = [`${lang === 'id' ? 'hal.' : pages.length > 1 ? 'pp.' : 'p.'} ${pages.join(', ')}`];
  if (c.table && c.kind !== 'paragraph' && c.kind !== 'claim' && c.kind !== 'page') parts.push(lang === 'id' ? `tabel ${c.table}` : `table ${c.table}`);
  if (c.row !== null && c.row !== undefined && c.kind !== 'table') parts.push(lang === 'id' ? `baris ${c.row}` : `row ${c.row}`);
  return parts.join(', ');
}

/**
 * Replaces each `[id]` marker with its location, keeping the id: `[hal. 8, tabel t7, baris 3 · t7.r3c4]`.
 * Unknown ids are left as they are (the validators report them).
 */
export function renderText(text: string, index: CitationIndex | ((id: string) => ChatCitation | undefined), lang: Lang): string {
  const get = typeof index === 'function' ? index : (id: string) => index.get(id);
  return text.replace(MARKER, (whole, id: string) => {
    const c = get(id);
    return c ? `[${renderLocation(c, lang)} · ${id}]` : whole;
  });
}

function unique<T>(xs: T[]): T[] {
  return [...new Set(xs)];
}

export function clipText(text: string, max: number): string {
  const t = text.replace(/\s+/g, ' ').trim();
  return t.length <= max ? t : `${t.slice(0, max - 1).trimEnd()}…`;
}

function stripUndefined<T extends object>(o: T): Partial<T> {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as Partial<T>;
}
