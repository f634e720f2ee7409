import type { BBox } from '../model/geometry.js';
import type { Citation, Finding, Report, TableInfo, Value } from '../model/report.js';
import { FIGURE_TOKEN, figuresIn, readings } from './figures.js';
import { attrsIn, ORIGINAL, REVISED } from './lexicon.js';
import { analyze, type Retriever } from './retrieval.js';
import type { ChatContext } from './types.js';
import type { Understood } from './understand.js';

/**
 * The fact index: every figure the report prints, as a row an answer can be built from and cited
 * with — what it is about (an indicator, a program, a total, the report itself), which quantity it
 * is (target, realisasi, capaian…), for which period and budget variant, where it is printed (table,
 * caption, page, box) and its raw text. Questions are answered by filtering this index, never by
 * templates per question wording.
 */

/** The quantity a fact gives. `realisasi` of a budget line is money spent; of an indicator, the measured value. */
export type Attr = 'target' | 'realisasi' | 'capaian' | 'predikat' | 'pagu' | 'serapan' | 'sisa' | 'efisiensi' | 'count' | 'prakiraan' | 'name' | 'year' | 'benchmark';

/** What a fact is about. */
export type EntityKind = 'indicator' | 'program' | 'kegiatan' | 'sub_kegiatan' | 'total' | 'subtotal' | 'belanja' | 'report' | 'counted' | 'average';

/** `current`: the report's year; `previous`: the year before; `earlier`: years before that; `renstra`: the strategic plan's end target; `next`: next year's forecast. */
export type Period = 'current' | 'previous' | 'earlier' | 'renstra' | 'next';

export interface FactEntity {
  key: string;
  kind: EntityKind;
  /** The name printed most often. */
  name: string;
  names: string[];
  /** Normalised words of every name (and acronyms), for matching. */
  terms: Set<string>;
  /** `subject` of findings about it (`indicator:<key>`, `budget:<key>`), when any. */
  subject: string | null;
  /** Budget lines: the code printed, when any. */
  kode: string | null;
  /** Indicators: lower-is-better when the model says so for any of its rows. */
  lowerIsBetter?: boolean;
}

export interface Fact {
  /** The id an answer cites: a cell (`t7.r3c4`), a claim, a paragraph or the page. */
  id: string;
  entity: FactEntity;
  attr: Attr;
  period: Period;
  year: number | null;
  /** Budget tables before (`original`) or after (`perubahan`) the budget revision, or a work plan (`rencana`). */
  variant: 'original' | 'perubahan' | 'rencana' | null;
  table: string | null;
  tableKind: TableInfo['kind'] | null;
  caption: string | null;
  /** The table's printed number ("3.7" for "Tabel 3.7"), normalised. */
  tableLabel: string | null;
  page: number;
  bbox: BBox | null;
  text: string;
  value: number | null;
  unit: Value['unit'] | 'text';
  /** Column header as printed. */
  column: string | null;
}

/** A printed table: its number, caption and pages, for "where is Tabel 3.7" questions. */
export interface TablePlace {
  id: string;
  /** The table prints something in its body (not only numbering or "dst"). */
  filled: boolean;
  label: string | null;
  caption: string | null;
  kind: TableInfo['kind'] | null;
  pages: number[];
  /** Id to cite: the caption's first cell, or the table. */
  cite: string;
  /** The column labels of its header, joined ("No Indikator Kinerja Target Realisasi …"). */
  header?: string;
  /** The lines its body lists: each row's naming text and cell, total rows left out. */
  items?: Array<{ text: string; cell: string }>;
}

/**
 * Builds the fact index of one report from its model, findings and layout.
 *
 * @example
 *   const facts = FactIndex.from(ctx, retriever);
 *   facts.of('indicator', 'capaian').map((f) => f.text); // ['105,73%', '105,73%', …]
 */
export class FactIndex {
  readonly facts: Fact[] = [];
  readonly entities = new Map<string, FactEntity>();
  readonly tables: TablePlace[] = [];
  /** Findings by the cell ids they cite, so a printed figure that is wrong brings its finding. */
  readonly findingsByCell = new Map<string, Finding[]>();
  readonly year: number | null;
  /** How often each normalised word occurs in the report's text: its own vocabulary. */
  readonly vocabulary = new Map<string, number>();
  /** Each paragraph's normalised words, in reading order, with its citation id. */
  readonly paragraphs: Array<{ id: string; page: number; text: string; words: Set<string> }> = [];

  private constructor(year: number | null) {
    this.year = year;
  }

  static from(ctx: ChatContext, retriever: Retriever): FactIndex {
    const { report, findings } = ctx.result;
    const fx = new FactIndex(report.report.tahun);
    const tables = new Map(report.tables.map((t) => [t.id, t]));
    const bboxes = new Map<string, BBox>();
    for (const t of ctx.layout?.tables ?? []) for (const row of [...t.headerRows, ...t.rows]) for (const c of row.cells) if (!c.spannedBy) bboxes.set(c.id, c.bbox);
    fx.addTables(report, ctx);
    const added = new Set<string>();
    const add = (entity: FactEntity, attr: Attr, v: Value | { text: string; cite: Citation } | null | undefined, extra: Partial<Fact> = {}) => {
      if (!v || !v.text.trim()) return;
      // One cell read twice (an efficiency row is also an indicator row) is one fact.
      const once = `${entity.key}|${v.cite.cell ?? `p${v.cite.page}`}|${attr}|${v.text.trim()}`;
      if (added.has(once)) return;
      added.add(once);
      // A column headed with a year ("Realisasi / 2021") says which year the figure is, whatever the row says.
      const headed = [...(v.cite.columnLabel ?? '').matchAll(/\b(19[5-9]\d|20\d\d)\b/g)].map((m) => Number(m[1]));
      if (headed.length === 1 && fx.year !== null && extra.period !== 'renstra' && extra.period !== 'next') {
        const y = headed[0]!;
        extra = { ...extra, year: y, period: y === fx.year ? 'current' : y === fx.year - 1 ? 'previous' : y < fx.year ? 'earlier' : 'next' };
      }
      const t = v.cite.table ? tables.get(v.cite.table) : undefined;
      const value = 'value' in v ? v.value : null;
      fx.facts.push({
        id: v.cite.cell ?? `p${v.cite.page}`,
        entity,
        attr,
        period: 'current',
        year: report.report.tahun,
        variant: t?.variant ?? columnVariant(v.cite.columnLabel),
        table: v.cite.table ?? null,
        tableKind: t?.kind ?? null,
        caption: v.cite.caption ?? t?.caption ?? null,
        tableLabel: tableLabel(v.cite.caption ?? t?.caption ?? null),
        page: v.cite.page,
        bbox: v.cite.bbox ?? (v.cite.cell ? (bboxes.get(v.cite.cell) ?? null) : null),
        text: v.text.trim(),
        value,
        unit: 'value' in v ? (v.unit ?? 'number') : 'text',
        column: v.cite.columnLabel ?? null,
        ...extra,
      });
    };

    for (const e of retriever.entities.values()) {
      if (e.kind === 'indicator') {
        const ent = fx.entity(`indicator:${e.key}`, 'indicator', e.name, e.names, e.subject);
        if (e.indicators.some((i) => i.polarity === 'lower')) ent.lowerIsBetter = true;
        for (const i of e.indicators) {
          const prev = i.id.endsWith('.prev');
          const period: Period = prev ? 'previous' : 'current';
          const year = i.tahun ?? (prev && fx.year ? fx.year - 1 : fx.year);
          for (const attr of ['target', 'realisasi', 'capaian'] as const) add(ent, attr, i[attr], { period, year });
          add(ent, 'predikat', i.predikat, { period, year });
          add(ent, 'realisasi', i.prevRealisasi, { period: 'previous', year: fx.year ? fx.year - 1 : null });
          add(ent, 'target', i.renstraTarget, { period: 'renstra', year: null });
        }
      } else {
        for (const b of e.budget) {
          const kind: EntityKind = b.level === 'other' ? 'kegiatan' : b.level;
          const ent = fx.entity(kind === 'total' ? `total:${e.key}` : `budget:${e.key}`, kind, e.name, e.names, e.subject, b.kode);
          for (const attr of ['pagu', 'realisasi', 'sisa'] as const) add(ent, attr, b[attr]);
          add(ent, 'serapan', b.persen);
          add(ent, 'prakiraan', b.prakiraan, { period: 'next', year: fx.year ? fx.year + 1 : null });
        }
      }
    }
    for (const b of report.belanja) {
      const name = b.uraian.replace(/\s+/g, ' ').trim();
      const kind: EntityKind = b.kind === 'total' ? 'total' : 'belanja';
      const ent = fx.entity(`belanja:${b.kind}`, kind, name, [name, `belanja ${b.kind.replace('_', ' ')}`], null);
      add(ent, 'pagu', b.amount);
      add(ent, 'realisasi', b.realisasi);
    }
    for (const e of report.efficiency) {
      const ent = fx.matchIndicatorName(e.uraian) ?? fx.entity(`efficiency:${e.uraian.toLowerCase()}`, 'indicator', e.uraian, [e.uraian], null);
      add(ent, 'capaian', e.capaian);
      add(ent, 'serapan', e.serapan);
      add(ent, 'efisiensi', e.efisiensi);
      add(ent, 'efisiensi', e.label);
    }
    for (const a of report.averages ?? []) {
      const ent = fx.entity(`average:${a.uraian.toLowerCase()}`, 'average', a.uraian, [a.uraian, 'rata-rata capaian'], null);
      add(ent, 'capaian', a.value, { period: a.quantity === 'prevCapaian' ? 'previous' : 'current' });
    }
    const r = report.report;
    const self = fx.entity('report', 'report', r.instansi ?? 'laporan', [r.instansi ?? '', r.pemda ?? '', 'laporan kinerja', 'report', 'instansi', 'opd', 'office'].filter(Boolean), null);
    if (r.cite) {
      if (r.instansi) add(self, 'name', { text: `${r.instansi}${r.pemda ? `, ${r.pemda}` : ''}`, cite: r.cite });
      if (r.tahun) add(self, 'year', { text: String(r.tahun), cite: r.cite });
    }
    // The mean capaian an efficiency statement divides ("rata-rata capaian kinerja 119,50% … serapan
    // 92,13% … efisiensi 1,30"): the report's own overall capaian, cited to its sentence.
    for (const c of report.claims) {
      if (c.kind !== 'efisiensi' || !c.numerator || c.numerator.value === null || c.cite.table) continue;
      const ent = fx.entity('average:stated', 'average', 'Rata-rata capaian kinerja', ['rata-rata capaian kinerja', 'rata-rata capaian'], null);
      fx.facts.push({ id: c.id, entity: ent, attr: 'capaian', period: 'current', year: fx.year, variant: null, table: null, tableKind: null, caption: null, tableLabel: null, page: c.cite.page, bbox: c.cite.bbox ?? null, text: c.numerator.text, value: c.numerator.value, unit: 'percent', column: null });
    }
    for (const c of report.claims) {
      if (c.kind !== 'count') continue;
      const what = c.entity.replace('_', ' ');
      const ent = fx.entity(`counted:${c.entity}`, 'counted', what, [what, ...(COUNTED_NAMES[c.entity] ?? [])], null);
      fx.facts.push({ id: c.id, entity: ent, attr: 'count', period: 'current', year: fx.year, variant: null, table: null, tableKind: null, caption: null, tableLabel: null, page: c.cite.page, bbox: c.cite.bbox ?? null, text: c.words ? `${c.count} (${c.words})` : String(c.count), value: c.count, unit: 'number', column: null });
    }
    fx.addCells(ctx, tables);
    fx.addBenchmarks(ctx);
    (ctx.layout?.paragraphs ?? []).forEach((p, i) => {
      const words = analyze(p.text);
      for (const w of words) fx.vocabulary.set(w, (fx.vocabulary.get(w) ?? 0) + 1);
      if (p.text.trim().length >= 3) fx.paragraphs.push({ id: `p${p.page}.${i}`, page: p.page, text: p.text, words: new Set(words) });
    });
    for (const f of findings) {
      for (const c of f.citations) if (c.cell) fx.findingsByCell.set(c.cell, [...(fx.findingsByCell.get(c.cell) ?? []), f]);
    }
    return fx;
  }

  /** Facts about entities of one kind with one attribute. */
  of(kind: EntityKind, attr: Attr): Fact[] {
    return this.facts.filter((f) => f.entity.kind === kind && f.attr === attr);
  }

  /** Facts about one entity. */
  about(entity: FactEntity): Fact[] {
    return this.facts.filter((f) => f.entity === entity);
  }

  /** Tables whose printed number is `label` ("3.7"). */
  table(label: string): TablePlace[] {
    return this.tables.filter((t) => t.label === label);
  }

  private entity(key: string, kind: EntityKind, name: string, names: string[], subject: string | null, kode: string | null = null): FactEntity {
    let e = this.entities.get(key);
    if (!e) {
      e = { key, kind, name, names: [], terms: new Set(), subject, kode };
      this.entities.set(key, e);
    }
    for (const n of names) {
      const clean = n.replace(/\s+/g, ' ').trim();
      if (!clean || e.names.some((x) => x.toLowerCase() === clean.toLowerCase())) continue;
      e.names.push(clean);
      for (const t of analyze(clean)) e.terms.add(t);
    }
    if (kode && !e.kode) e.kode = kode;
    return e;
  }

  /** An indicator entity whose name covers every significant word of `name` (efficiency rows repeat them). */
  private matchIndicatorName(name: string): FactEntity | null {
    const terms = analyze(name);
    if (!terms.length) return null;
    let best: FactEntity | null = null;
    let bestScore = 0;
    for (const e of this.entities.values()) {
      if (e.kind !== 'indicator') continue;
      const covered = terms.filter((t) => e.terms.has(t)).length / terms.length;
      if (covered > bestScore) {
        best = e;
        bestScore = covered;
      }
    }
    return bestScore >= 0.8 ? best : null;
  }

  /**
   * Figures of table cells the model did not take (other years' columns, a second budget column,
   * comparison tables): each with its row's name as entity and its column header's quantity, year
   * and variant. A cell whose header names no quantity or year is left out.
   */
  private addCells(ctx: ChatContext, tables: Map<string, TableInfo>): void {
    const known = new Set(this.facts.map((f) => f.id));
    const byName = new Map<string, FactEntity>();
    for (const e of this.entities.values()) for (const n of e.names) if (!byName.has(nameKey(n))) byName.set(nameKey(n), e);
    // The line the model read from each table row ("t7.r41"), by the cells its facts cite.
    const byRow = new Map<string, FactEntity>();
    for (const f of this.facts) {
      const row = /^(t\d+\.r\d+)c\d+$/.exec(f.id)?.[1];
      if (row && f.table && !byRow.has(row)) byRow.set(row, f.entity);
    }
    for (const t of ctx.layout?.tables ?? []) {
      const info = tables.get(t.id);
      const caption = t.caption ?? info?.caption ?? null;
      const captionYear = Number(/\b(19[5-9]\d|20\d\d)\b/.exec(caption ?? '')?.[1] ?? NaN);
      const headers = t.columns.map((label) => headerMeaning(label, this.year));
      for (const row of t.rows) {
        const texts = row.cells.filter((c) => !c.spannedBy && c.text.trim() && !figuresIn(c.text).length && !/^[\divx]+[.)]?$|^[a-z][.)]$/i.test(c.text.trim()));
        // The row's name: a cell naming a known line, else its longest text.
        const named = texts.find((c) => byName.has(nameKey(c.text)));
        const name = (named ?? texts.sort((a, b) => b.text.length - a.text.length)[0])?.text.replace(/\s+/g, ' ').trim();
        if (!name || name.length < 3) continue;
        // The line the model already read from this row, whatever its printed name ("J U M L A H").
        let entity = byRow.get(`${t.id}.r${row.index}`) ?? byName.get(nameKey(name));
        for (const cell of row.cells) {
          if (cell.spannedBy || known.has(cell.id)) continue;
          const h = headers[cell.col];
          // A figure, a small whole number, or a range ("81 s.d. 84") printed as the cell's text.
          const text = cell.text.replace(/\s+/g, ' ').trim();
          const figure = /^(rp\.?\s*)?[(-]?\d/i.test(text) && text.length <= 30 && !/[a-z]{4,}/i.test(text.replace(/s\.?\s?d\.?|sampai|hari|orang|level|opd|kasus|menit|unit|dok(umen)?/gi, '')) ? text : null;
          if (!h || !figure || (!h.attr && h.year === null)) continue;
          if (!entity) {
            const kind: EntityKind = info?.kind.startsWith('budget') ? 'kegiatan' : info?.kind === 'belanja' ? 'belanja' : 'indicator';
            entity = this.entity(`row:${nameKey(name)}`, kind, name, [name], null);
            byName.set(nameKey(name), entity);
          }
          const year = h.year ?? (Number.isFinite(captionYear) ? captionYear : this.year);
          const period: Period = h.period ?? (year !== null && this.year !== null ? (year === this.year - 1 ? 'previous' : year < this.year ? 'earlier' : year > this.year ? 'next' : 'current') : 'current');
          this.facts.push({
            id: cell.id,
            entity,
            attr: h.attr ?? (entity.kind === 'indicator' ? 'realisasi' : 'pagu'),
            period,
            year,
            variant: h.variant ?? info?.variant ?? null,
            table: t.id,
            tableKind: info?.kind ?? null,
            caption,
            tableLabel: tableLabel(caption),
            page: cell.page,
            bbox: cell.bbox,
            text: cell.text.trim(),
            value: readings(figure.match(FIGURE_TOKEN)?.[0] ?? '')[0] ?? null,
            unit: 'number',
            column: t.columns[cell.col] ?? null,
          });
          known.add(cell.id);
        }
      }
    }
  }

  /**
   * National, provincial or regional figures the text compares an indicator with ("lebih rendah
   * dari rata-rata Provinsi … (109,73)"): the figure after the comparison word, for the indicator the
   * sentence names (by its acronym in brackets or most of its name's words).
   */
  private addBenchmarks(ctx: ChatContext): void {
    const indicators = [...this.entities.values()].filter((e) => e.kind === 'indicator');
    (ctx.layout?.paragraphs ?? []).forEach((p, i) => {
      for (const sentence of p.text.replace(/\s+/g, ' ').split(/(?<=[.;])\s+(?=[A-Z])/)) {
        // Up to the sentence's end (a stop between digits is a decimal mark: "(62.20)").
        const m = /\b(rata-rata\s+)?(nasional|provinsi|national|provincial|province)\b((?:[^.;]|\.(?=\d)){0,200})/i.exec(sentence);
        // The comparison figure: the first number after the word that is not a year.
        const figure = m ? (m[3]!.match(/\d+(?:[.,]\d+)?\s?%?/g) ?? []).find((x) => !/^(19[5-9]\d|20\d\d)$/.test(x.trim())) : undefined;
        if (!m || !figure) continue;
        const words = new Set(analyze(sentence));
        const lower = sentence.toLowerCase();
        let best: FactEntity | null = null;
        let bestScore = 0;
        for (const e of indicators) {
          const acronym = e.names.some((n) => [...n.matchAll(/\(([A-Za-z]{2,8})\)/g)].some((a) => new RegExp(`\\b${a[1]}\\b`, 'i').test(lower)));
          const covered = [...e.terms].filter((x) => words.has(x)).length / Math.max(e.terms.size, 1);
          const score = acronym ? 1 : covered;
          if (score > bestScore) {
            best = e;
            bestScore = score;
          }
        }
        if (!best || bestScore < 0.6) continue;
        this.facts.push({ id: `p${p.page}.${i}`, entity: best, attr: 'benchmark', period: 'current', year: this.year, variant: null, table: null, tableKind: null, caption: null, tableLabel: null, page: p.page, bbox: p.bbox, text: figure.trim(), value: readings(figure.trim())[0] ?? null, unit: 'number', column: m[0] });
      }
    });
  }

  private addTables(report: Report, ctx: ChatContext): void {
    const layout = new Map((ctx.layout?.tables ?? []).map((t) => [t.id, t]));
    for (const t of report.tables) {
      const lt = layout.get(t.id);
      const caption = t.caption ?? lt?.caption ?? null;
      this.tables.push({ id: t.id, label: tableLabel(caption), caption, kind: t.kind, pages: t.pages.length ? t.pages : (lt?.pages ?? []), cite: t.id, filled: lt ? filled(lt) : true, header: lt?.columns.join(' ') ?? '', items: lt ? itemsOf(lt) : [] });
    }
    for (const lt of ctx.layout?.tables ?? []) {
      if (this.tables.some((t) => t.id === lt.id)) continue;
      this.tables.push({ id: lt.id, label: tableLabel(lt.caption ?? null), caption: lt.caption ?? null, kind: null, pages: lt.pages, cite: lt.id, filled: filled(lt), header: lt.columns.join(' '), items: itemsOf(lt) });
    }
    // Captions and attachment titles printed as text lines ("Lampiran 2. Realisasi Program …").
    (ctx.layout?.paragraphs ?? []).forEach((p, i) => {
      const text = p.text.replace(/\s+/g, ' ').trim();
      if (text.length > 160 || !/^(lampiran|tabel)\s*\.?\s*[0-9ivx]+\b/i.test(text)) return;
      if (this.tables.some((t) => t.caption && t.caption.replace(/\s+/g, ' ').trim() === text)) return;
      this.tables.push({ id: `p${p.page}.${i}`, label: tableLabel(text) ?? normaliseLabel(/^lampiran\s*\.?\s*([0-9ivx]+)/i.exec(text)?.[1] ? `lampiran ${/^lampiran\s*\.?\s*([0-9ivx]+)/i.exec(text)![1]}` : ''), caption: text, kind: null, pages: [p.page], cite: `p${p.page}.${i}`, filled: true });
    });
  }
}

/** "Anggaran Murni", "Pagu / Perubahan": the budget variant a column header names. */
function columnVariant(label: string | null | undefined): 'original' | 'perubahan' | null {
  const l = (label ?? '').toLowerCase();
  return ORIGINAL.test(l) ? 'original' : REVISED.test(l) ? 'perubahan' : null;
}

/** A table whose body prints words or figures beyond row numbers and "dst". */
function filled(t: { rows: Array<{ cells: Array<{ text: string }> }> }): boolean {
  return t.rows.some((r) => r.cells.some((c) => /\p{L}{3,}|\d[.,]\d/u.test(c.text.replace(/\bdst\b|\bdan seterusnya\b/gi, ''))));
}

/**
 * The lines a table's body lists: each row's longest text (its name), one per distinct name; rows
 * naming a total or a mean, and rows continuing the one above (no text of their own), left out.
 */
function itemsOf(t: { rows: Array<{ cells: Array<{ id: string; text: string; spannedBy?: string | null | undefined }> }> }): Array<{ text: string; cell: string }> {
  const out: Array<{ text: string; cell: string }> = [];
  const seen = new Set<string>();
  for (const row of t.rows) {
    const texts = row.cells.filter((c) => !c.spannedBy && /\p{L}{3,}/u.test(c.text) && !/^\s*(rp\.?\s*)?[\d.,]+\s*%?\s*$/i.test(c.text));
    const name = texts.sort((a, b) => b.text.length - a.text.length)[0];
    if (!name) continue;
    const key = nameKey(name.text);
    if (seen.has(key) || /^(jumlah|total|rata-rata|rerata|average|sub ?total)\b/.test(key)) continue;
    seen.add(key);
    out.push({ text: name.text.replace(/\s+/g, ' ').trim(), cell: name.id });
  }
  return out;
}

/** A name compared across tables: lower case, list marks and punctuation dropped. */
function nameKey(name: string): string {
  return name.toLowerCase().replace(/^[a-z0-9]{1,3}[.)]\s+/, '').replace(/[^\p{L}\p{N}]+/gu, ' ').trim();
}

interface HeaderMeaning {
  attr: Attr | null;
  year: number | null;
  period: Period | null;
  variant: 'original' | 'perubahan' | null;
}

/** What a column header says its figures are: "2022 / Realisasi", "Pagu Murni", "Target Akhir Renstra". */
function headerMeaning(label: string, reportYear: number | null): HeaderMeaning {
  const l = label.toLowerCase();
  const attrs = attrsIn(l).filter((a) => a !== 'count');
  // "Realisasi Anggaran": the figure is the realisation; "% Realisasi": the absorption.
  let attr: Attr | null = attrs.includes('serapan') ? 'serapan' : attrs.find((a) => a !== 'pagu') ?? attrs[0] ?? null;
  if (!attr && /^\s*%\s*$/.test(l)) attr = 'serapan';
  const years = [...l.matchAll(/\b(19[5-9]\d|20\d\d)\b/g)].map((m) => Number(m[1]));
  const year = years.length === 1 ? years[0]! : null;
  const period: Period | null = /renstra|akhir periode/.test(l) ? 'renstra' : /nasional|provinsi|national|province|rata-rata (kab|kota|prov)/.test(l) ? null : null;
  const variant = ORIGINAL.test(l) ? 'original' : REVISED.test(l) ? 'perubahan' : null;
  // A national or provincial figure printed beside the office's own, for comparison.
  if (/nasional|provinsi|national|province/.test(l)) return { attr: 'benchmark', year, period: null, variant: null };
  void reportYear;
  return { attr, year, period, variant };
}

const COUNTED_NAMES: Record<string, string[]> = {
  program: ['programs', 'programme'],
  kegiatan: ['activities', 'activity'],
  sub_kegiatan: ['sub kegiatan', 'sub-activities', 'sub activities', 'subkegiatan'],
  indikator: ['indicators', 'indikator kinerja', 'iku'],
  sasaran: ['sasaran strategis', 'strategic objectives', 'targets objectives', 'objectives', 'goals'],
  tujuan: ['goals', 'tujuan'],
  perubahan_pk: ['perubahan perjanjian kinerja', 'revisions', 'revisi pk', 'perubahan pk'],
};

/**
 * The number a caption gives its table, normalised: "Tabel 3.7 …" → "3.7", "TABEL III.90" → "iii.90",
 * "Tabel 3-1" → "3.1"; null without one.
 *
 * @example
 *   tableLabel('Tabel 3.7 Sasaran Strategis dan Anggaran'); // '3.7'
 */
export function tableLabel(caption: string | null | undefined): string | null {
  if (!caption) return null;
  const m = /\btabel\s*\.?\s*([0-9ivx]+(?:\s*[.\-–]\s*[0-9]+)*)/i.exec(caption);
  return m ? normaliseLabel(m[1]!) : null;
}

/** "3 - 1", "3.1.", "III.9" → "3.1", "iii.9". */
export function normaliseLabel(label: string): string {
  return label.toLowerCase().replace(/\s+/g, '').replace(/[-–]/g, '.').replace(/\.+$/, '');
}

/** Facts of one attribute that fit the question's period, year, variant, table and page. */
export function select(pool: Fact[], attr: Attr, u: Understood): Fact[] {
  let fs = pool.filter((f) => f.attr === attr);
  if (attr === 'benchmark') {
    // A national figure is not a provincial one.
    const national = /\b(nasional|national|nationwide)\b/i.test(u.question);
    const provincial = /\b(provinsi|province|provincial)\b/i.test(u.question);
    if (national !== provincial) fs = fs.filter((f) => !f.column || (national ? /nasional|national/i : /provinsi|provinc/i).test(f.column));
  }
  const period = u.period ?? 'current';
  if (u.year !== null && period !== 'renstra' && period !== 'next') fs = fs.filter((f) => f.year === u.year && f.period !== 'renstra');
  else fs = fs.filter((f) => f.period === period);
  if (u.variant) {
    const v = fs.filter((f) => f.variant === u.variant);
    // Budget lines printed only once (no revision) answer either way; tables of both kinds decide.
    fs = v.length || fs.some((f) => f.variant && f.variant !== 'rencana') ? v : fs;
  } else if (fs.some((f) => f.variant === 'rencana') && fs.some((f) => f.variant !== 'rencana')) {
    fs = fs.filter((f) => f.variant !== 'rencana');
  }
  if (u.tableLabel) {
    const inTable = fs.filter((f) => f.tableLabel === u.tableLabel);
    if (inTable.length) fs = inTable;
  }
  if (u.page !== null) {
    const onPage = fs.filter((f) => f.page === u.page);
    if (onPage.length) fs = onPage;
  }
  return fs;
}
