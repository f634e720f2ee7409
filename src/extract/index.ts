import type { LayoutDocument, Paragraph, Table } from '../model/table.js';
import type { Warning } from '../model/document.js';
import {
  Report,
  SCHEMA_VERSION,
  type AverageRow,
  type BelanjaRow,
  type BudgetRow,
  type Claim,
  type EfficiencyRow,
  type Indicator,
  type PredicateScale,
  type ScaleBand,
  type TableInfo,
  type TableKind,
} from '../model/report.js';
import { nameScannedRows } from './rules/scanned-names.js';
import { parseNumber } from '../numbers/parse.js';
import { KeyRegistry, citeCell, normalizeName } from './rules/cells.js';
import { extractClaims, otherOffices, templatePhrases } from './rules/claims.js';
import { declaredPolarities, polarityFromCapaian } from './rules/polarity.js';
import { linkAcrossParts } from './rules/orphans.js';
import { extractProseBudget, proseTotals } from './rules/prose-budget.js';
import { realignShiftedRows } from './rules/realign.js';
import { stackedLists } from './rules/stacked-list.js';
import { readComparisons, readEfficiency, readStatements } from './rules/comparisons.js';
import { applyBudgetProof, applyPerformanceProof, proveBudgetRoles, nameColumnByText, provePerformanceTable } from './rules/arithmetic.js';
import { classifyTable, mapColumns, type ColumnMap } from './rules/columns.js';
import { identify } from './rules/identity.js';
import { extractAverages, extractBudget, extractEfficiency, extractIndicators, extractScale, type TableContext } from './rules/tables.js';

/**
 * Body cells that print a measured figure: a decimal, a grouped amount, a percentage or rupiah.
 * Bare whole numbers (row numbers, years) do not count, nor anything in a table of contents.
 */
function measuredFigures(table: Table): number {
  // A table of contents: its rows run into their page numbers along dot leaders.
  const leaders = table.rows.filter((r) => r.cells.some((c) => /\.{4,}|…{2,}/.test(c.text))).length;
  if (leaders * 2 >= table.rows.length) return 0;
  let n = 0;
  for (const r of table.rows) {
    for (const cell of r.cells) {
      if (cell.spannedBy || !/\d/.test(cell.text)) continue;
      const p = parseNumber(cell.text);
      if (p.value !== null && (p.decimals > 0 || p.style !== 'plain' || p.kind === 'percent' || p.kind === 'rupiah')) n++;
    }
  }
  return n;
}

/** Permendagri 86/2017, used when a report prints no scale of its own. */
export const DEFAULT_SCALE: PredicateScale = {
  source: 'default',
  name: 'Permendagri 86/2017',
  bands: [
    { label: 'Sangat Tinggi', min: 91, max: null },
    { label: 'Tinggi', min: 76, max: 90 },
    { label: 'Sedang', min: 66, max: 75 },
    { label: 'Rendah', min: 51, max: 65 },
    { label: 'Sangat Rendah', min: null, max: 50 },
  ],
  cite: null,
};

/** Structure decided outside the rules (by an LLM, by reference to cells) for tables the rules could not place. */
export interface StructureHint {
  table: string;
  kind: TableKind;
  columns: Partial<ColumnMap['roles']>;
}

export interface ExtractOptions {
  hints?: StructureHint[];
}

/** Table kinds that print performance indicators. */
const INDICATOR_KINDS: readonly TableKind[] = ['pk', 'capaian', 'comparison', 'renstra', 'efficiency'];

/**
 * Builds the LKjIP model from a document's tables and text, deterministically and offline.
 *
 * @example
 *   const report = extractReport(await readTables('samples/000_7d82b3f27f46e2ac.pdf'));
 *   report.indicators[0].capaian; // { text: '100%', value: 100, decimals: 0, cite: { page: 8, … } }
 */
export function extractReport(layout: LayoutDocument, opts: ExtractOptions = {}): Report {
  const warnings: Warning[] = [...layout.warnings];
  const id = identify(layout.paragraphs);
  const indicatorKeys = new KeyRegistry();
  const budgetKeys = new KeyRegistry();
  const tables: TableInfo[] = [];
  const indicators: Indicator[] = [];
  const budget: BudgetRow[] = [];
  const belanja: BelanjaRow[] = [];
  const efficiency: EfficiencyRow[] = [];
  const averages: AverageRow[] = [];
  const scales: Array<{ bands: ScaleBand[]; table: Table }> = [];

  const roleMaps = new Map<string, ColumnMap>();
  for (const printed of layout.tables) {
    const hint = opts.hints?.find((h) => h.table === printed.id);
    const map = mapColumns(printed, id.tahun, contextOf(printed, layout.paragraphs));
    if (hint) Object.assign(map.roles, hint.columns);
    // The rows' arithmetic outranks the header: it decides which columns are pagu, realisasi, % and sisa.
    const proof = hint ? null : proveBudgetRoles(printed);
    let evidence = proof ? applyBudgetProof(printed, map, proof) : null;
    // A performance table's target, realisasi and capaian: the rows' arithmetic checks the header's columns.
    if (!hint && map.roles.indikator !== undefined && map.roles.efisiensi === undefined) {
      const perf = applyPerformanceProof(printed, map);
      if (perf) evidence = { ...evidence, ...perf };
    }
    // A header in words lkjip does not know: the rows' arithmetic alone may name the columns.
    if (!hint && !proof) {
      const perf = provePerformanceTable(printed, map);
      if (perf) evidence = { ...evidence, ...perf };
    }
    // The figures named but the name column's title unreadable: its text names the rows.
    if (!hint && !proof) {
      const named = nameColumnByText(printed, map);
      if (named) {
        evidence = { ...evidence, ...named };
        const perf = applyPerformanceProof(printed, map);
        if (perf) evidence = { ...evidence, ...perf };
      }
    }
    roleMaps.set(printed.id, map);
    // Rows typed one cell short are read under the columns their values belong to.
    const table = realignShiftedRows(printed, map);
    const cls = hint ? { kind: hint.kind, confidence: 0.7, variant: null } : classifyTable(table, map, contextOf(table, layout.paragraphs));
    const info: TableInfo = {
      id: table.id,
      kind: cls.kind,
      caption: table.caption ?? null,
      pages: table.pages,
      columns: Object.fromEntries(Object.entries(map.roles).filter(([, v]) => v !== undefined)) as Record<string, number>,
      variant: cls.variant,
      confidence: cls.confidence,
      by: hint ? 'llm' : 'rules',
      ...(evidence ? { evidence } : {}),
    };
    tables.push(info);
    const ctx: TableContext = { table, map, kind: cls.kind, tahun: id.tahun, indicatorKeys, budgetKeys, variant: cls.variant };
    if (INDICATOR_KINDS.includes(cls.kind)) {
      indicators.push(...extractIndicators(ctx));
      averages.push(...extractAverages(ctx, indicators));
    }
    if (['budget-detail', 'budget-summary', 'capaian', 'pk'].includes(cls.kind)) {
      const b = extractBudget(ctx);
      budget.push(...b.budget);
      belanja.push(...b.belanja);
      if (b.levelsBy) info.evidence = { ...info.evidence, levels: b.levelsBy };
    }
    if (cls.kind === 'efficiency') efficiency.push(...extractEfficiency(ctx));
    if (cls.kind === 'other') {
      // A list of programs and amounts typed into one row, under the PK it belongs to.
      const listed = stackedLists(table, budgetKeys, budget.map((b) => b.uraian), 'budget-summary');
      if (listed.length > 0) {
        budget.push(...listed);
        const before = tables.slice(0, -1).reverse().find((t) => t.pages.includes(table.pages[0]!));
        Object.assign(info, { kind: 'budget-summary', variant: table.caption ? null : (before?.variant ?? null), by: 'stacked-list' });
      } else if (measuredFigures(table) >= 3) {
        // Figures under columns neither the header nor the rows' arithmetic could name: said, not
        // checked under guessed roles.
        warnings.push({
          code: 'W_TABLE_UNREAD',
          message: `Table ${table.id} (p. ${table.pages.join(', ')}${table.caption ? `, "${table.caption}"` : ''}) holds figures whose columns could not be identified from its header or its rows' arithmetic; its figures are not checked`,
          page: table.pages[0]!,
          stage: 'extract',
        });
      }
    }
    if (cls.kind === 'scale') {
      const bands = extractScale(ctx);
      if (bands.length >= 2) scales.push({ bands, table });
    }
  }

  // A scanned row whose name the scan broke is the text page's indicator its name and figures match.
  const named = nameScannedRows(indicators, new Set(layout.tables.filter((t) => t.ocr).map((t) => t.id)));
  indicators.splice(0, indicators.length, ...named);

  // A budget table cut by a repeated page header: the rows opening a part belong to the one before.
  inheritRevision(tables, layout);
  linkAcrossParts(budget, new Map(tables.map((t) => [t.id, t.variant])));

  // Programs listed in prose with their amounts (the signed PK's attachment) are a table too.
  const listed = extractProseBudget(layout.paragraphs, budgetKeys);
  // A total stated in the sentence under a budget table is that table's total row; a budget
  // stated on its own ("Pagu … : Rp X Realisasi … : Rp Y …") is a one-row table.
  const stated = proseTotals(layout.tables, layout.paragraphs, budget, listed.tables.length + 1);
  budget.push(...stated.budget, ...listed.budget);
  tables.push(...listed.tables, ...stated.tables);

  // Polarity the prose declares for an indicator by name outranks the one inferred from the name.
  const declared = declaredPolarities(indicators.map((i) => i.indikator), layout.paragraphs.map((p) => p.text));
  for (const ind of indicators) {
    const pol = declared.get(ind.indikator);
    if (pol) Object.assign(ind, { polarity: pol, polaritySource: 'declared' });
  }
  const prose = extractClaims(layout.paragraphs, id.instansi, id.tahun);
  // Polarity the capaian column itself evidences, against the lower-is-better formula the report states.
  const statedLower = prose.claims.find((c) => c.kind === 'formula' && c.polarity === 'lower');
  const evidenced = polarityFromCapaian(indicators, statedLower?.kind === 'formula' && statedLower.formula !== 'ratio' ? statedLower.formula : null);
  for (const ind of indicators) {
    const e = evidenced.get(ind.key);
    if (e) Object.assign(ind, { polarity: e.polarity, polaritySource: 'evidenced', polarityEvidence: e.evidence });
  }
  // Another office's name typed into a table (a sasaran copied from another kecamatan's report).
  const performance = new Set(tables.filter((t) => INDICATOR_KINDS.includes(t.kind)).map((t) => t.id));
  prose.claims.push(...officesInTables(layout.tables, roleMaps, performance, id.instansi), ...templateInTables(layout.tables));
  // Comparison sentences of any shape, read by which of their figures the tables print. Their own
  // figures outrank the table figures resolveTrends would lend a sentence that printed none.
  const comparisons = readComparisons(layout.paragraphs, indicators, id.tahun, prose.claims);
  const compared = comparisons.map((c) => normalizeName(c.text));
  prose.claims = prose.claims.filter((c) => c.kind !== 'trend' || c.from || c.to || !compared.some((t) => t.includes(normalizeName(c.text)) || normalizeName(c.text).includes(t)));
  prose.claims = resolveTrends(prose.claims, indicators, id.tahun);
  prose.claims.push(...comparisons);
  // Sentences stating an indicator's realisasi alone, for the tables to check.
  prose.claims.push(...readStatements(layout.paragraphs, indicators, id.tahun, prose.claims));
  // Efficiency statements of any shape, read by which percentage is the budget's own absorption.
  prose.claims.push(...readEfficiency(layout.paragraphs, budget, prose.claims));
  belanja.push(...prose.belanja);
  const scale = chooseScale(scales, indicators);

  if (!id.instansi) warnings.push({ code: 'W_NO_INSTANSI', message: 'The office name (instansi) was not found on the first pages', stage: 'extract' });
  if (!id.tahun) warnings.push({ code: 'W_NO_TAHUN', message: 'The reporting year was not found', stage: 'extract' });
  if (indicators.length === 0) warnings.push({ code: 'W_NO_INDICATORS', message: 'No performance table (target / realisasi / capaian) was recognised', stage: 'extract' });
  if (budget.length === 0) warnings.push({ code: 'W_NO_BUDGET', message: 'No budget table (pagu / anggaran / realisasi) was recognised', stage: 'extract' });
  if (scale.source === 'default') warnings.push({ code: 'W_DEFAULT_SCALE', message: `No predicate scale printed in the report; using ${scale.name}`, stage: 'extract' });

  return Report.parse({
    schemaVersion: SCHEMA_VERSION,
    file: layout.file,
    sha256: layout.sha256,
    report: { instansi: id.instansi, pemda: id.pemda, tahun: id.tahun, cite: id.cite },
    tables,
    indicators,
    budget,
    belanja,
    efficiency,
    averages,
    scale,
    claims: prose.claims,
    warnings,
  });
}

/** Template instructions left in table cells ("Isi dengan …" in a KETERANGAN column), each cited to its cell. */
function templateInTables(tables: readonly Table[]): Claim[] {
  const out: Claim[] = [];
  for (const t of tables) {
    for (const row of [...t.headerRows, ...t.rows]) {
      for (const cell of row.cells) {
        if (cell.spannedBy) continue;
        templatePhrases(cell.text).forEach((p, k) => {
          out.push({ id: `${cell.id}.template${k}`, kind: 'template', phrase: p.phrase, text: cell.text.slice(0, 300), cite: citeCell(t, cell) });
        });
      }
    }
  }
  return out;
}

/**
 * Office mentions in table headers and in the tujuan, sasaran and indikator cells of performance
 * tables, each cited to its cell. Budget item names are left out: "Kendaraan Dinas Operasional"
 * names no office.
 */
function officesInTables(tables: readonly Table[], maps: ReadonlyMap<string, ColumnMap>, performance: ReadonlySet<string>, instansi: string | null): Claim[] {
  if (!instansi) return [];
  const out: Claim[] = [];
  for (const t of tables) {
    const roles = maps.get(t.id)?.roles ?? {};
    const cols = new Set(performance.has(t.id) ? [roles.tujuan, roles.sasaran, roles.indikator].filter((c): c is number => c !== undefined) : []);
    for (const [header, row] of [...t.headerRows.map((r) => [true, r] as const), ...t.rows.map((r) => [false, r] as const)]) {
      for (const cell of row.cells) {
        if (cell.spannedBy || !/\p{L}{4}/u.test(cell.text) || (!header && !cols.has(cell.col))) continue;
        otherOffices(cell.text, instansi).forEach((o, k) => {
          out.push({ id: `${cell.id}.office${k}`, kind: 'mention', entity: 'office', value: o.name, text: cell.text.slice(0, 300), cite: citeCell(t, cell) });
        });
      }
    }
  }
  return out;
}

/**
 * Trend words without figures ("… menunjukkan capaian yang meningkat") get their values from the
 * indicator the sentence names: this year's and last year's capaian (or realisasi), each cited to
 * its cell; words about the target ("… melebihi target") get this year's target and realisasi.
 * Sentences naming no known indicator, or one without the figures they need, are dropped.
 */
function resolveTrends(claims: Claim[], indicators: Indicator[], tahun: number | null): Claim[] {
  const out: Claim[] = [];
  for (const c of claims) {
    if (c.kind !== 'trend' || c.from || c.to) {
      out.push(c);
      continue;
    }
    if (tahun === null) continue;
    const sentence = normalizeName(c.text);
    const named = indicators
      .filter((i) => i.tahun === tahun)
      .filter((i) => {
        const words = normalizeName(i.indikator).split(' ').filter(Boolean);
        return words.length > 0 && words.every((w) => sentence.includes(w));
      })
      .sort((a, b) => b.indikator.length - a.indikator.length)[0];
    if (!named) continue;
    if (c.versus === 'target') {
      // This year's target and realisasi from one row: the pair most rows print (one table's slip
      // does not decide), the first printed among equals.
      const rows = indicators.filter((i) => i.key === named.key && i.tahun === tahun && !i.targetRange && i.target?.value != null && i.realisasi?.value != null);
      const pairOf = (i: Indicator) => `${i.target?.value}|${i.realisasi?.value}`;
      const votes = new Map<string, number>();
      for (const i of rows) votes.set(pairOf(i), (votes.get(pairOf(i)) ?? 0) + 1);
      const row = rows.reduce<Indicator | undefined>((best, i) => (!best || (votes.get(pairOf(i)) ?? 0) > (votes.get(pairOf(best)) ?? 0) ? i : best), undefined);
      if (row?.target && row.realisasi) out.push({ ...c, subject: named.indikator, from: row.target, to: row.realisasi });
      continue;
    }
    // Both years from one comparison table when there is one, so the two figures are comparable.
    const pair = (field: 'capaian' | 'realisasi') => {
      const prev = indicators.find((i) => i.key === named.key && i.tahun === tahun - 1 && i[field]);
      const cur = indicators.find((i) => i.key === named.key && i.tahun === tahun && i[field] && (!prev || i.table === prev.table)) ?? indicators.find((i) => i.key === named.key && i.tahun === tahun && i[field]);
      const from = prev?.[field] ?? null;
      const to = cur?.[field] ?? null;
      return from && to && from.value !== null && to.value !== null ? { from, to, delta: to.value - from.value } : null;
    };
    // "Meningkat" may speak of the realisasi or of the capaian: the sentence is read the way that
    // makes it true when one reading does; a figure that did not move at all says nothing.
    const readings = [pair('capaian'), pair('realisasi')].filter((x): x is NonNullable<typeof x> => x !== null && x.delta !== 0);
    const agrees = readings.find((x) => (c.direction === 'up' ? x.delta > 0 : x.delta < 0));
    const chosen = agrees ?? readings[0];
    if (!chosen) continue;
    out.push({ ...c, subject: named.indikator, from: chosen.from, to: chosen.to });
  }
  return out;
}

/** The text just above a table (same page, else the end of the previous page): says "perubahan", "murni"… */
function contextOf(table: Table, paragraphs: Paragraph[]): string {
  const page = table.pages[0]!;
  const top = table.bbox[1];
  const above = paragraphs.filter((p) => p.page === page && p.bbox[3] <= top + 1);
  const near = above.length ? above : paragraphs.filter((p) => p.page === page - 1);
  const last = near[near.length - 1];
  if (!last) return '';
  // A caption or title is a paragraph of its own: then the sentence before it speaks for the table.
  const captionLike = /^(tabel|table)\b/i.test(last.text) || last.text.length <= 80;
  const before = captionLike ? near[near.length - 2] : undefined;
  return [before?.text.slice(-300), last.text.slice(-300)].filter(Boolean).join(' ');
}

/** The printed scale whose labels the report's own predikat cells use; the default when none fits. */
function chooseScale(scales: Array<{ bands: ScaleBand[]; table: Table }>, indicators: Indicator[]): PredicateScale {
  if (scales.length === 0) return DEFAULT_SCALE;
  const used = new Set(indicators.map((i) => i.predikat?.text.toLowerCase().replace(/\s+/g, ' ').trim()).filter(Boolean));
  let best = scales[0]!;
  let bestScore = -1;
  for (const s of scales) {
    const score = s.bands.filter((b) => used.has(b.label.toLowerCase().replace(/\s+/g, ' ').trim())).length;
    if (score > bestScore) {
      best = s;
      bestScore = score;
    }
  }
  // "85% s.d 100%" at the top of a capaian scale means 85 and above: capaian over 100% is the
  // best band too, not outside the scale.
  const top = best.bands.reduce<ScaleBand | undefined>((a, b) => (b.min !== null && (!a || a.min === null || b.min > a.min) ? b : a), undefined);
  if (top && top.max !== null && top.max >= 100) {
    top.max = null;
    delete top.maxExclusive;
  }
  const first = best.table.rows[0]?.cells[0];
  return {
    source: 'report',
    name: best.table.caption ?? `scale in ${best.table.id}`,
    bands: best.bands,
    cite: first ? { page: first.page, table: best.table.id, caption: best.table.caption ?? null, bbox: best.table.bbox } : null,
  };
}

/**
 * A program budget naming no version of the agreement, printed right after the revised PK ("Tabel
 * 2.2 Program dan Anggaran" after "Tabel 2.1 Perjanjian Kinerja" introduced as the revision), is that
 * revision's budget, when the report prints no revised program budget of its own: then the
 * unmarked one is the original, whatever the sentence before the PK said. Words saying so (murni,
 * awal, induk, sebelum) always make it the original.
 */
function inheritRevision(tables: TableInfo[], layout: LayoutDocument): void {
  if (tables.some((t) => t.kind === 'budget-summary' && t.variant === 'perubahan')) return;
  const printed = new Map(layout.tables.map((t) => [t.id, t]));
  tables.forEach((t, i) => {
    const prev = tables[i - 1];
    if (t.kind !== 'budget-summary' || t.variant !== 'original' || prev?.kind !== 'pk' || prev.variant !== 'perubahan') return;
    const table = printed.get(t.id);
    if (table && /murni|awal|induk|sebelum/i.test(`${table.caption ?? ''} ${contextOf(table, layout.paragraphs)}`)) return;
    t.variant = 'perubahan';
  });
}
