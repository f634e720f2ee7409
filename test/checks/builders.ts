/**
 * Small typed Report fixtures for check tests. Values are written as printed (`value('51,85%')`) and
 * parsed with src/numbers, so decimals and units are those a real extraction would give.
 */
import { BelanjaRow, type AverageRow, BudgetRow, Claim, EfficiencyRow, Indicator, Report, type Citation, type TableInfo, type Value } from '../../src/model/index.js';
import { parseNumber } from '../../src/numbers/index.js';

let counter = 0;
const nextId = (prefix: string): string => `${prefix}${++counter}`;
/** Rows get distinct row numbers unless a test places them. */
let rowCounter = 0;

/** A citation on `page` (default 1). */
export function cite(page = 1, extra: Partial<Citation> = {}): Citation {
  return { page, ...extra };
}

/**
 * A printed value parsed the way extraction parses it.
 *
 * @example
 *   value('51,85%') // { text: '51,85%', value: 51.85, decimals: 2, unit: 'percent', … }
 */
export function value(text: string, at: Partial<Citation> = {}, opts: { unit?: Value['unit']; ocr?: boolean } = {}): Value {
  const p = parseNumber(text);
  const unit = opts.unit ?? (p.kind === 'percent' ? 'percent' : p.kind === 'rupiah' ? 'rupiah' : 'number');
  const v: Value = { text, value: p.value, decimals: p.decimals, unit, ocr: opts.ocr ?? false, cite: { page: 1, ...at } };
  if (p.ambiguous) v.ambiguous = true;
  return v;
}

/**
 * A "Rata-rata" row of table `tb` on page 1: its printed mean (row after the figures, column 5) and
 * the capaian printed above it (rows 1…n, column 5).
 *
 * @example
 *   average('112.54', ['150.00', '114', '88.20', '88.98']).values[1].cite.row // 2
 */
export function average(mean: string, figures: readonly string[], o: Partial<AverageRow> = {}): AverageRow {
  const table = o.table ?? 'tb';
  const row = figures.length + 1;
  return {
    id: `${table}.r${row}.capaian`,
    table,
    tableKind: 'capaian',
    uraian: 'Rata-rata Capaian Kinerja',
    quantity: 'capaian',
    value: value(mean, { table, row, column: 5, cell: `${table}.r${row}c5` }),
    values: figures.map((f, k) => value(f, { table, row: k + 1, column: 5, cell: `${table}.r${k + 1}c5` })),
    of: figures.map((_, k) => `${table}.r${k + 1}`),
    cite: cite(1, { table, row, column: 0, cell: `${table}.r${row}c0` }),
    ...o,
  };
}

type Printed = string | Value | null | undefined;

function asValue(p: Printed, at: Partial<Citation>, unit?: Value['unit']): Value | null {
  if (p === null || p === undefined) return null;
  if (typeof p !== 'string') return p;
  const v = value(p, at, unit ? { unit } : {});
  // A rupiah column never has three decimals: extraction reads `45.000` there as grouping.
  if (unit === 'rupiah' && v.ambiguous) {
    const { ambiguous: _a, ...rest } = v;
    return { ...rest, value: parseNumber(p, { style: 'id' }).value };
  }
  return v;
}

export function table(id: string, kind: TableInfo['kind'] = 'capaian', extra: Partial<TableInfo> = {}): TableInfo {
  return { id, kind, caption: `Tabel ${id}`, pages: [1], columns: {}, confidence: 1, by: 'test', ...extra };
}

export interface IndicatorInput extends Partial<Omit<Indicator, 'target' | 'realisasi' | 'capaian' | 'predikat' | 'prevRealisasi' | 'renstraTarget'>> {
  target?: Printed;
  realisasi?: Printed;
  capaian?: Printed;
  predikat?: string | null;
  renstraTarget?: Printed;
  page?: number;
  row?: number;
}

/**
 * An indicator row: target, realisasi, capaian and predikat in columns 2–5 of `table` on `page`.
 *
 * @example
 *   indicator({ key: 'ikm', target: '69', realisasi: '51,85', capaian: '75,14%' })
 */
export function indicator(o: IndicatorInput = {}): Indicator {
  const id = o.id ?? nextId('i');
  const tableId = o.table ?? 't1';
  const page = o.page ?? 1;
  const row = o.row ?? ++rowCounter;
  const at = (column: number): Partial<Citation> => ({ page, table: tableId, row, column });
  const ind: Indicator = {
    id,
    key: o.key ?? id,
    table: tableId,
    tableKind: o.tableKind ?? 'capaian',
    tujuan: o.tujuan ?? null,
    sasaran: o.sasaran ?? null,
    indikator: o.indikator ?? `Indikator ${o.key ?? id}`,
    satuan: o.satuan ?? '%',
    polarity: o.polarity ?? 'higher',
    polaritySource: o.polaritySource ?? 'declared',
    tahun: o.tahun ?? 2023,
    target: asValue(o.target, at(2)),
    realisasi: asValue(o.realisasi, at(3)),
    capaian: asValue(o.capaian, at(4), 'percent'),
    predikat: o.predikat ? { text: o.predikat, cite: { page, table: tableId, row, column: 5 } } : null,
    cite: { page, table: tableId, row },
  };
  if (o.targetRange) ind.targetRange = o.targetRange;
  if (o.renstraTarget !== undefined) ind.renstraTarget = asValue(o.renstraTarget, at(6));
  return Indicator.parse(ind);
}

export interface BudgetInput extends Partial<Omit<BudgetRow, 'pagu' | 'realisasi' | 'persen' | 'sisa' | 'prakiraan'>> {
  pagu?: Printed;
  realisasi?: Printed;
  persen?: Printed;
  sisa?: Printed;
  /** Next year's forecast, in column 6 under "Prakiraan Maju Rencana Tahun 2024 / Pagu Indikatif (Rp.)". */
  prakiraan?: Printed;
  page?: number;
  row?: number;
}

/**
 * A budget row: pagu, realisasi, persen, sisa in columns 2–5 (and a work plan's forecast in 6).
 *
 * @example
 *   budgetRow({ level: 'program', pagu: '1.000.000', realisasi: '900.000', persen: '90%', sisa: '100.000' })
 */
export function budgetRow(o: BudgetInput = {}): BudgetRow {
  const id = o.id ?? nextId('b');
  const tableId = o.table ?? 'tb';
  const page = o.page ?? 1;
  const row = o.row ?? ++rowCounter;
  const at = (column: number): Partial<Citation> => ({ page, table: tableId, row, column });
  const r: BudgetRow = {
    id,
    key: o.key ?? id,
    table: tableId,
    tableKind: o.tableKind ?? 'budget-detail',
    kode: o.kode ?? null,
    uraian: o.uraian ?? `Uraian ${id}`,
    level: o.level ?? 'program',
    parentId: o.parentId ?? null,
    pagu: asValue(o.pagu, at(2), 'rupiah'),
    realisasi: asValue(o.realisasi, at(3), 'rupiah'),
    persen: asValue(o.persen, at(4), 'percent'),
    sisa: asValue(o.sisa, at(5), 'rupiah'),
    cite: { page, table: tableId, row },
  };
  if (o.prakiraan !== undefined) r.prakiraan = asValue(o.prakiraan, { ...at(6), columnLabel: 'Prakiraan Maju Rencana Tahun 2024 / Pagu Indikatif (Rp.)' }, 'rupiah');
  if (o.sumOf) r.sumOf = o.sumOf;
  if (o.scope) r.scope = o.scope;
  return BudgetRow.parse(r);
}

/** A belanja line; `realisasi` (and the `overrun` words near it) as stated in prose after the budget. */
export function belanja(o: Partial<Omit<BelanjaRow, 'amount' | 'realisasi' | 'overrun'>> & { amount: string; realisasi?: string; overrun?: string; page?: number }): BelanjaRow {
  const id = o.id ?? nextId('bl');
  const page = o.page ?? 1;
  return BelanjaRow.parse({
    id,
    uraian: o.uraian ?? `Belanja ${o.kind ?? 'other'}`,
    kind: o.kind ?? 'other',
    amount: value(o.amount, { page, table: 'tbl' }, { unit: 'rupiah' }),
    ...(o.realisasi === undefined ? {} : { realisasi: value(o.realisasi, { page }, { unit: 'rupiah' }) }),
    ...(o.overrun === undefined ? {} : { overrun: { text: o.overrun, cite: { page } } }),
    source: o.source ?? 'table',
    group: o.group ?? 'g1',
    cite: { page, table: 'tbl' },
  });
}

export function efficiencyRow(o: { capaian?: Printed; serapan?: Printed; efisiensi?: Printed; label?: string; uraian?: string; id?: string; page?: number }): EfficiencyRow {
  const id = o.id ?? nextId('e');
  const page = o.page ?? 1;
  const at = (column: number): Partial<Citation> => ({ page, table: 'te', column });
  return EfficiencyRow.parse({
    id,
    table: 'te',
    uraian: o.uraian ?? `Program ${id}`,
    capaian: asValue(o.capaian, at(2), 'percent'),
    serapan: asValue(o.serapan, at(3), 'percent'),
    efisiensi: asValue(o.efisiensi, at(4), 'percent'),
    label: o.label ? { text: o.label, cite: { page, table: 'te', column: 5 } } : null,
    cite: { page, table: 'te' },
  });
}

type ClaimOf<K extends Claim['kind']> = Extract<Claim, { kind: K }>;
type ClaimInput<K extends Claim['kind']> = Omit<ClaimOf<K>, 'id' | 'kind' | 'cite' | 'text'> & { id?: string; text?: string; page?: number };

/**
 * A prose claim of the given kind; values inside it are cited on the claim's page.
 *
 * @example
 *   claim('count', { entity: 'program', count: 5, words: 'lima' })
 */
export function claim<K extends Claim['kind']>(kind: K, o: ClaimInput<K>): ClaimOf<K> {
  const page = o.page ?? 1;
  const { page: _page, ...rest } = o;
  return Claim.parse({ id: o.id ?? nextId('c'), text: o.text ?? `${kind} claim`, cite: { page }, kind, ...rest }) as ClaimOf<K>;
}

/** A value cited in prose on `page` (no table). */
export function prose(text: string, page = 1): Value {
  return value(text, { page });
}

/**
 * A valid Report around the given parts; tables referenced by rows are added with default metadata.
 *
 * @example
 *   makeReport({ indicators: [indicator({ target: '73', realisasi: '92,08', capaian: '126%' })] })
 */
export function makeReport(o: Partial<Omit<Report, 'report'>> & { report?: Partial<Report['report']> } = {}): Report {
  const tables = [...(o.tables ?? [])];
  const known = new Set(tables.map((t) => t.id));
  const kindOf = new Map<string, TableInfo['kind']>();
  for (const i of o.indicators ?? []) kindOf.set(i.table, i.tableKind);
  for (const b of o.budget ?? []) kindOf.set(b.table, b.tableKind);
  for (const e of o.efficiency ?? []) kindOf.set(e.table, 'efficiency');
  for (const a of o.averages ?? []) kindOf.set(a.table, a.tableKind);
  for (const [id, kind] of kindOf) if (!known.has(id)) tables.push(table(id, kind));
  return Report.parse({
    schemaVersion: '1',
    file: 'test.pdf',
    sha256: '0'.repeat(64),
    tables,
    indicators: o.indicators ?? [],
    budget: o.budget ?? [],
    belanja: o.belanja ?? [],
    efficiency: o.efficiency ?? [],
    ...(o.averages ? { averages: o.averages } : {}),
    scale: o.scale ?? { source: 'default', name: 'Permendagri 86/2017', bands: [], cite: null },
    claims: o.claims ?? [],
    warnings: o.warnings ?? [],
    report: { instansi: 'Dinas Kesehatan', pemda: 'Kabupaten Contoh', tahun: 2023, cite: { page: 1 }, ...o.report },
  });
}
