import type { Cell, Table, TableRow } from '../../model/table.js';
import { percentReadAsDigits, proveTreeLevels } from './arithmetic.js';
import type { AverageRow, BelanjaRow, BudgetLevel, BudgetRow, EfficiencyRow, Indicator, ScaleBand, TableKind, TextValue, Value } from '../../model/report.js';
import { BUDGET_CODE, ColumnValues, bodyRows, rangeOf, cellText, citeCell, findCell, joinSpacedWord, letterSpaced, type KeyRegistry } from './cells.js';
import type { ColumnMap } from './columns.js';
import { recoverUnread } from './recover.js';
import { polarityOf } from './polarity.js';

export interface TableContext {
  table: Table;
  map: ColumnMap;
  kind: TableKind;
  tahun: number | null;
  indicatorKeys: KeyRegistry;
  budgetKeys: KeyRegistry;
  variant?: 'original' | 'perubahan' | 'rencana' | null;
}

const SATUAN_FROM_NAME: Array<[RegExp, string]> = [
  [/^(persentase|presentase|prosentase|rasio|tingkat|cakupan)\b/i, '%'],
  [/^indeks\b|\bindeks\b/i, 'indeks'],
  [/^(jumlah|banyaknya)\b/i, 'jumlah'],
  [/^nilai\b/i, 'nilai'],
];

/**
 * Indicators printed in a performance table: one record per row that names an indicator and has
 * a target, realisasi or capaian. Sasaran cells merged over several rows, or left blank under the
 * first, carry down. Previous-year columns give a second record for that year.
 */
export function extractIndicators(ctx: TableContext): Indicator[] {
  const r = ctx.map.roles;
  // With several indicator columns, each belongs to the label column nearest on its left.
  const nearest = ctx.map.morePairs.length && r.indikator !== undefined
    ? [r.tujuan, r.sasaran, r.uraian].filter((c): c is number => c !== undefined && c < r.indikator!).sort((a, b) => b - a)[0]
    : undefined;
  const main = readIndicatorColumns(nearest === undefined ? ctx : { ...ctx, map: { ...ctx.map, roles: { ...r, sasaran: nearest } } });
  // Side-by-side indicator columns (tujuan and sasaran levels) read with their own target.
  const more = ctx.map.morePairs.flatMap((pair) =>
    readIndicatorColumns(
      { ...ctx, map: { ...ctx.map, morePairs: [], predikatCols: [], roles: { indikator: pair.indikator, ...(pair.target !== undefined ? { target: pair.target } : {}), ...(pair.sasaran !== undefined ? { sasaran: pair.sasaran } : {}), ...(pair.renstraTarget !== undefined ? { renstraTarget: pair.renstraTarget } : {}) } } },
    ).map((i) => ({ ...i, id: `${i.id}.c${pair.indikator}` })),
  );
  return [...main, ...more];
}

/** A label that names a mean: `Rata-rata`, `RATA - RATA CAPAIAN`, `Nilai rata-rata`, `Rerata`. */
const MEAN_LABEL = /^(?:nilai\s+)?(?:rata\s*[-\u2010-\u2014]?\s*rata|rerata)(?![\p{L}])/iu;

/** Columns of a performance table holding a row's own figures (the rest hold its labels). */
const FIGURE_ROLES = ['target', 'realisasi', 'capaian', 'prevTarget', 'prevRealisasi', 'prevCapaian', 'renstraTarget', 'predikat', 'satuan'] as const;

/**
 * A row of a performance table that prints a mean: its label (in whichever label cells it sits, often
 * spanning the numbering and name columns) names a mean, and it prints no target or realisasi of its
 * own, only the mean of a capaian column. An indicator named "Rata-rata waktu …" prints its target
 * and realisasi, so it stays an indicator; in a table without target and realisasi columns (an
 * efficiency table) nothing tells the two apart, and no row is read as a mean.
 */
function meanLabel(table: Table, row: TableRow, map: ColumnMap, vals: ColumnValues): string | null {
  const r = map.roles;
  // Printing no operands tells a mean row from an indicator only where the table prints operands.
  if (r.target === undefined && r.realisasi === undefined) return null;
  if (vals.value(row, r.target) || vals.value(row, r.realisasi) || vals.value(row, r.prevTarget) || vals.value(row, r.prevRealisasi) || vals.value(row, r.renstraTarget)) return null;
  const figureCols = new Set(FIGURE_ROLES.map((k) => r[k]).filter((c): c is number => c !== undefined));
  const label = row.cells
    .filter((c) => !c.spannedBy && !figureCols.has(c.col))
    .map((c) => cellText(table, c).trim())
    .filter(Boolean)
    .join(' ')
    .replace(/\s+/g, ' ');
  return MEAN_LABEL.test(label) ? label : null;
}

/**
 * The means a performance table prints in "Rata-rata" rows, each tied to the indicator records of
 * the rows above it back to the previous mean row (or the table's start): this year's capaian, and
 * the previous year's where that column prints one.
 *
 * @example
 *   extractAverages(ctx, indicators)[0]; // { uraian: 'Rata-rata Capaian Kinerja', quantity: 'capaian', value: { text: '112.54', … }, of: ['t1.r1', …] }
 */
export function extractAverages(ctx: TableContext, indicators: readonly Indicator[]): AverageRow[] {
  const { table, map } = ctx;
  const r = map.roles;
  if (r.indikator === undefined) return [];
  const vals = new ColumnValues(table);
  const out: AverageRow[] = [];
  let since: TableRow[] = [];
  for (const row of bodyRows(table)) {
    const label = meanLabel(table, row, map, vals);
    if (!label) {
      since.push(row);
      continue;
    }
    for (const [quantity, col, suffix] of [['capaian', r.capaian, ''], ['prevCapaian', r.prevCapaian, '.prev']] as const) {
      const value = vals.value(row, col);
      // The column's figures above, whether or not their row was read as an indicator.
      const values = since.map((x) => vals.value(x, col)).filter((v): v is Value => v !== null);
      if (!value || values.length === 0) continue;
      const ids = new Set(since.map((x) => `${table.id}.r${x.index}${suffix}`));
      const of = indicators.filter((i) => ids.has(i.id)).map((i) => i.id);
      const first = row.cells.find((c) => !c.spannedBy && cellText(table, c).trim()) ?? row.cells[0]!;
      out.push({ id: `${table.id}.r${row.index}.${quantity}`, table: table.id, tableKind: ctx.kind, uraian: label, quantity, value, values, of, cite: citeCell(table, first) });
    }
    since = [];
  }
  return out;
}

function readIndicatorColumns(ctx: TableContext): Indicator[] {
  const { table, map } = ctx;
  const r = map.roles;
  if (r.indikator === undefined) return [];
  const vals = new ColumnValues(table);
  const out: Indicator[] = [];
  let sasaran: string | null = null;
  let tujuan: string | null = null;
  for (const row of bodyRows(table)) {
    // A mean row ("Rata-rata Capaian Kinerja") is no indicator and opens no sasaran (extractAverages).
    if (meanLabel(table, row, map, vals)) continue;
    const sCell = r.sasaran ?? r.uraian;
    const sText = sCell !== undefined ? cellText(table, row.cells[sCell]).trim() : '';
    if (sText) {
      if (/^tujuan\b/i.test(sText)) tujuan = stripLabel(sText);
      else if (sasaran && /^\p{Ll}/u.test(sText)) {
        // A sasaran opening in lower case is the rest of the one above, its cell wrapped over the
        // row boundary ("Meningkatnya kepatuhan … terhadap peraturan" / "daerah dan …"): one sasaran.
        const whole: string = `${sasaran} ${sText}`;
        for (const ind of out) if (ind.sasaran === sasaran) ind.sasaran = whole;
        sasaran = whole;
      } else sasaran = stripLabel(sText);
    }
    if (r.tujuan !== undefined) {
      const t = cellText(table, row.cells[r.tujuan]).trim();
      if (t) tujuan = t;
    }
    const name = vals.text(row, r.indikator).replace(/^(\d{1,2}|[a-z])\s*[.)]\s*/, '');
    const indCell = row.cells[r.indikator];
    if (!name || indCell?.spannedBy) continue;
    const read = { target: vals.value(row, r.target), realisasi: vals.value(row, r.realisasi), capaian: vals.value(row, r.capaian) };
    // A '%' the scan read as digits: the reading the row's arithmetic proves.
    const target = percentReadAsDigits('target', read) ?? read.target;
    const realisasi = read.realisasi;
    const capaian = percentReadAsDigits('capaian', read) ?? read.capaian;
    const prevT = vals.value(row, r.prevTarget);
    const prevR = vals.value(row, r.prevRealisasi);
    const prevC = vals.value(row, r.prevCapaian);
    const renstra = vals.value(row, r.renstraTarget);
    if (!target && !realisasi && !capaian && !prevR && !renstra && !vals.text(row, r.target)) continue;
    const pol = polarityOf(name);
    const key = ctx.indicatorKeys.keyFor(name, 0.6, false, table.id);
    const predikat = predikatOf(table, row, map);
    const satuanText = r.satuan !== undefined ? vals.text(row, r.satuan) : '';
    const satuan = satuanText || inferSatuan(name, [target?.text, realisasi?.text]);
    const range = rangeOf(vals.text(row, r.target));
    const base = {
      key,
      table: table.id,
      tableKind: ctx.kind,
      tujuan,
      sasaran: r.sasaran !== undefined || r.uraian !== undefined ? sasaran : null,
      indikator: name,
      satuan,
      polarity: pol.polarity,
      polaritySource: pol.source,
      cite: citeCell(table, indCell!),
    };
    const ind: Indicator = {
      ...base,
      id: `${table.id}.r${row.index}`,
      tahun: map.year ?? ctx.tahun,
      target,
      realisasi,
      capaian,
      predikat,
      prevRealisasi: prevR,
      renstraTarget: renstra,
    };
    if (range) ind.targetRange = range;
    out.push(ind);
    if (prevR && (prevT || prevC)) {
      out.push({
        ...base,
        id: `${table.id}.r${row.index}.prev`,
        tahun: (map.year ?? ctx.tahun ?? 1) - 1,
        target: prevT,
        realisasi: prevR,
        capaian: prevC,
        predikat: null,
      });
    }
  }
  return out;
}

function stripLabel(s: string): string {
  return s.replace(/^(tujuan|sasaran)\s*:?\s*(\d+\s*\.)?\s*/i, '').trim();
}

function predikatOf(table: Table, row: TableRow, map: ColumnMap): TextValue | null {
  if (map.roles.predikat !== undefined) {
    const cell = row.cells[map.roles.predikat];
    const text = cellText(table, cell).trim();
    if (cell && text) return { text, cite: citeCell(table, cell) };
  }
  for (const c of map.predikatCols) {
    const cell = row.cells[c];
    const text = cellText(table, cell).trim();
    if (cell && text) return { text, cite: citeCell(table, cell) };
  }
  return null;
}

function inferSatuan(name: string, texts: Array<string | undefined>): string | null {
  if (texts.some((t) => t && /%/.test(t))) return '%';
  for (const [re, s] of SATUAN_FROM_NAME) if (re.test(name)) return s;
  return null;
}


const TOTAL = /^(?:(?:sub|grand)\s*)?(?:jumlah|total)\b/i;
const BELANJA = /^belanja\s+(operasi|modal|tidak\s+terduga|transfer|pegawai|barang)/i;
const CODE = BUDGET_CODE;
/** A mistyped code in the code column ("2.12.03.02.01.02"): still a code, its level from the rows around it. */
const LOOSE_CODE = /^\d{1,2}(\.\d{1,4}){2,6}$/;
/** The well-formed shapes (Kepmendagri 050-5889/2021): program, kegiatan, sub-kegiatan. */
const PROGRAM_CODE = /^(\d|X)\.(\d{2}|XX)\.\d{2}$/i;
const KEGIATAN_CODE = /^(\d|X)\.(\d{2}|XX)\.\d{2}\.[12]\.\d{2}$/i;
const SUB_CODE = /^(\d|X)\.(\d{2}|XX)\.\d{2}\.[12]\.\d{2}\.(\d{4}|\d{2})$/i;
const LEADING_CODE = /^((?:\d{1,2}|X)(?:\.(?:\d{1,4}|X{1,2})){1,5})\.?\s+(.*)$/i;

interface Pending {
  row: BudgetRow;
  level?: BudgetLevel;
  number?: number;
}

/**
 * Budget rows of a budget (or mixed performance-and-budget) table: program → kegiatan →
 * sub-kegiatan from codes where printed, else from labels ("Program …") and the numbering, with
 * JUMLAH/TOTAL rows tied to the rows they add up. "Belanja …" rows go to the belanja summary.
 */
export function extractBudget(ctx: TableContext): { budget: BudgetRow[]; belanja: BelanjaRow[]; levelsBy?: string } {
  const { table, map } = ctx;
  const r = map.roles;
  if (r.pagu === undefined && r.realisasiAnggaran === undefined) return { budget: [], belanja: [] };
  const vals = new ColumnValues(table);
  const nameCol = r.uraian ?? r.sasaran ?? r.indikator;
  const pending: Pending[] = [];
  const belanja: BelanjaRow[] = [];
  let belanjaGroup: string | null = null;
  let segment = 0;
  // Rows holding only the rest of the name above (a wrapped cell split into rows of its own).
  const { extra, skip } = wrappedNames(table, bodyRows(table), nameCol, vals, [r.pagu, r.realisasiAnggaran, r.persen, r.sisa]);
  // A work plan's forecast: the last amount right of the year's pagu, whichever header column it
  // sits under (parent and sub-kegiatan rows of an offset header put it under different ones); cited
  // with the label of the forecast's own header column.
  const notForecast = new Set([r.realisasiAnggaran, r.persen, r.sisa].filter((c) => c !== undefined));
  const forecast = (row: TableRow): Value | null | undefined => {
    if (map.forecast === undefined || r.pagu === undefined) return undefined;
    const v = vals.lastAmountAfter(row, r.pagu, notForecast);
    return v && { ...v, cite: { ...v.cite, columnLabel: table.columns[map.forecast] || v.cite.columnLabel } };
  };
  const noCol = r.no ?? numberingColumn(table, nameCol);
  // The heading (tujuan, sasaran) a row with a blank name cell continues.
  let lastHeading: BudgetRow['scope'];
  for (const row of bodyRows(table)) {
    if (skip.has(row.index)) continue;
    let name = nameCol !== undefined ? `${cellText(table, row.cells[nameCol]).trim()} ${extra.get(row.index) ?? ''}`.trim() : '';
    // Mixed tables: a row under a sasaran merged above is named by its indicator (and, like the
    // sasaran's first row, is a heading total for it).
    if (name && !row.cells[nameCol ?? 0]?.spannedBy) lastHeading = headingScope(name, null);
    const under = row.cells[nameCol ?? 0]?.spannedBy ? headingScope(name, null) : !name ? lastHeading : undefined;
    if ((!name || row.cells[nameCol ?? 0]?.spannedBy) && r.indikator !== undefined && r.indikator !== nameCol) {
      const ind = cellText(table, row.cells[r.indikator]).trim();
      if (ind) name = ind;
    }
    const noText = noCol !== undefined ? cellText(table, row.cells[noCol]).trim() : '';
    // Heading rows (urusan, program, kegiatan) often print their name in the code column.
    if (!name && r.kode !== undefined) {
      const k = cellText(table, row.cells[r.kode]).trim();
      if (k && !CODE.test(k.replace(/\s+/g, '')) && /\p{L}{3}/u.test(k)) name = k;
    }
    if (!name && noText && TOTAL.test(noText.replace(/\s+/g, ''))) name = noText;
    if (!name && r.no !== undefined && TOTAL.test(noText.replace(/(\S)\s(?=\S)/g, '$1'))) name = noText;
    name = joinSpacedWord(name);
    const compact = name.replace(/(\S)\s(?=\S\b)/g, '$1');
    let pagu = vals.amount(row, r.pagu);
    let realisasi = vals.amount(row, r.realisasiAnggaran);
    const persen = vals.value(row, r.persen);
    let sisa = vals.amount(row, r.sisa);
    const prakiraan = forecast(row);
    const figureCols = [r.pagu, r.realisasiAnggaran, r.persen, r.sisa];
    let unread = (['pagu', 'realisasi', 'persen', 'sisa'] as const).filter((_, i) => vals.unread(row, figureCols[i], figureCols));
    // An amount the scan lost that the row's sisa and % both give back.
    const rawOf = (col: number | undefined): string | undefined => (col === undefined ? undefined : cellText(table, row.cells[col]));
    const back = recoverUnread({ pagu, realisasi, persen, sisa }, unread, { pagu: rawOf(r.pagu), realisasi: rawOf(r.realisasiAnggaran), sisa: rawOf(r.sisa) });
    const backCol = back?.field === 'pagu' ? r.pagu : back?.field === 'sisa' ? r.sisa : r.realisasiAnggaran;
    if (back && backCol !== undefined) {
      const at = row.cells[backCol]!;
      const origin = at.spannedBy ? (findCell(table, at.spannedBy) ?? at) : at;
      const v: Value = { text: origin.text.trim(), value: back.value, decimals: 0, unit: 'rupiah', ocr: true, cite: { ...citeCell(table, origin), ocrNoise: true, recovered: back.how } };
      if (back.field === 'pagu') pagu = v;
      else if (back.field === 'sisa') sisa = v;
      else realisasi = v;
      unread = unread.filter((f) => f !== back.field);
    }
    if (!name || /^indikator\b/i.test(name)) continue;
    // A program cell that also states its indicator ("… PUBLIK Indikator Program: Persentase …").
    name = name.replace(/\s+indikator\s+(program|kegiatan|sub\s*kegiatan)\s*:.*$/is, '').trim();
    if (!pagu && !realisasi && BELANJA.test(name) && unread.includes('pagu') && r.pagu !== undefined) {
      // A spending line whose figures the scan lost: kept, unknown, so its group's total is not
      // summed without it.
      belanjaGroup ??= `${table.id}:${segment}`;
      const at = row.cells[r.pagu]!;
      const cite = citeCell(table, at);
      belanja.push({ id: `${table.id}.r${row.index}`, uraian: name, kind: belanjaKind(name), amount: { text: cellText(table, at).trim(), value: null, decimals: 0, unit: 'rupiah', ocr: true, cite }, source: 'table', group: belanjaGroup, cite });
      continue;
    }
    if (!pagu && !realisasi && !/^program\b/i.test(name)) continue;
    const cite = citeCell(table, row.cells[nameCol ?? 0] ?? row.cells[0]!);
    // Belanja rows (and their JUMLAH) go to the belanja summary; they are kept as budget rows of
    // level "other" too, so their % serapan and sisa are checked, without a second sum check.
    const belanjaRow = (kind: BelanjaRow['kind']) => {
      // A table's realisasi column is the line's realisasi, summed against the total's like the budget.
      belanja.push({ id: `${table.id}.r${row.index}`, uraian: name, kind, amount: (pagu ?? realisasi)!, ...(pagu && realisasi ? { realisasi } : {}), source: 'table', group: belanjaGroup!, cite });
      if (pagu && (realisasi || persen || sisa)) {
        pending.push({ row: { id: `${table.id}.r${row.index}`, key: `${table.id}:belanja:${kind}`, table: table.id, tableKind: ctx.kind, kode: null, uraian: name, level: 'other', parentId: null, pagu, realisasi, persen, sisa, ...(unread.length ? { unread: [...unread] } : {}), cite }, level: 'other' });
      }
    };
    if (BELANJA.test(name) && (pagu || realisasi)) {
      belanjaGroup ??= `${table.id}:${segment}`;
      belanjaRow(belanjaKind(name));
      continue;
    }
    if (TOTAL.test(compact) && belanjaGroup && pending.every((p) => p.level === 'other' || p.row.cite.row! < belanja[0]!.cite.row!)) {
      belanjaRow('total');
      belanjaGroup = null;
      segment++;
      continue;
    }
    let kode: string | null = null;
    const kodeText = r.kode !== undefined ? cellText(table, row.cells[r.kode]).trim() : '';
    if (kodeText && (CODE.test(kodeText.replace(/\s+/g, '')) || LOOSE_CODE.test(kodeText.replace(/\s+/g, '')))) kode = kodeText.replace(/\s+/g, '');
    else {
      const m = LEADING_CODE.exec(name);
      if (m && m[1]!.includes('.') && CODE.test(m[1]!)) {
        kode = m[1]!;
        name = m[2]!.trim();
      }
    }
    let number: number | undefined;
    let outlineLevel: BudgetLevel | undefined;
    const outline = /^(\d{1,2})\.(\d{1,2})(\.\d{1,2})?\.?\s+(\p{L}.*)$/u.exec(name);
    const lead = /^(\d{1,2})[.)]?\s+(\p{L}.*)$/u.exec(name);
    if (outline && !kode) {
      // "1.1 Koordinasi …" under "1. Program …": the outline depth gives the level.
      outlineLevel = outline[3] ? 'sub_kegiatan' : 'kegiatan';
      name = outline[4]!;
    } else if (lead && !kode) {
      number = Number(lead[1]);
      name = lead[2]!;
    } else if (NUMBERING.test(noText)) number = Number(noText.replace('.', ''));
    const prevCoded = [...pending].reverse().find((x) => x.row.kode)?.level;
    const level = TOTAL.test(compact) ? (/^sub/i.test(compact) ? 'subtotal' : 'total') : under ? 'total' : (explicitLevel(name, kode, prevCoded) ?? outlineLevel);
    const bRow: BudgetRow = {
      id: `${table.id}.r${row.index}`,
      key:
        level === 'total' || level === 'subtotal' ? `${table.id}:total`
        : ctx.variant === 'rencana' ? `rencana:${ctx.budgetKeys.keyFor(name, 0.85, true, table.id)}`
        : ctx.budgetKeys.keyFor(name, 0.85, true, table.id),
      table: table.id,
      tableKind: ctx.kind,
      kode,
      uraian: name,
      level: level ?? 'other',
      parentId: null,
      pagu,
      realisasi,
      persen,
      sisa,
      ...(prakiraan !== undefined ? { prakiraan } : {}),
      ...(unread.length ? { unread: [...unread] } : {}),
      cite,
    };
    const scope = level === 'total' ? (under ?? headingScope(name, kode)) : undefined;
    if (scope) Object.assign(bRow, { scope, key: `${scope}:${ctx.budgetKeys.keyFor(name, 0.85, true, table.id)}` });
    pending.push({ row: bRow, ...(level ? { level } : {}), ...(number !== undefined ? { number } : {}) });
  }
  const nameLabel = nameCol !== undefined ? (table.columns[nameCol] ?? '').toLowerCase().trim() : '';
  // A name column headed by kegiatan alone ("KEGIATAN / SUB KEGIATAN / URAIAN", the program in a
  // column of its own) lists kegiatan.
  const kegiatanColumn = /kegiatan/.test(nameLabel) && !/program/.test(nameLabel);
  resolveLevels(pending, ctx.kind, /^program$/.test(nameLabel), kegiatanColumn);
  const levelsBy = ctx.kind === 'budget-detail' ? levelsFromSums(pending) : null;
  const budget = pending.map((p) => p.row);
  if (ctx.kind === 'budget-summary' && budget.every((b) => b.level === 'program' || b.level === 'total' || b.level === 'subtotal' || b.level === 'other')) subtotalsBySums(budget);
  linkParents(budget);
  linkTotals(budget);
  return { budget, belanja, ...(levelsBy ? { levelsBy } : {}) };
}

/**
 * Levels proved by the sums (see `proveTreeLevels`): applied to the table's rows, with the evidence
 * in words.
 */
function levelsFromSums(pending: Pending[]): string | null {
  return proveTreeLevels(pending.map((p) => p.row));
}

function belanjaKind(name: string): BelanjaRow['kind'] {
  const n = name.toLowerCase();
  if (/operasi/.test(n)) return 'operasi';
  if (/modal/.test(n)) return 'modal';
  if (/tidak\s+terduga/.test(n)) return 'tidak_terduga';
  if (/transfer/.test(n)) return 'transfer';
  if (/pegawai/.test(n)) return 'pegawai';
  if (/barang/.test(n)) return 'barang_jasa';
  return 'other';
}

/** What a heading total groups: an urusan/bidang (by its label or a one- or two-part code), a tujuan, a sasaran. */
function headingScope(raw: string, kode: string | null): BudgetRow['scope'] {
  const name = /^(\S{1,4}\s){3}/.test(raw) ? raw.replace(/\s+/g, '') : raw;
  if (/^(urusan|bidang\s*urusan)/i.test(name) || (kode && kode.split('.').length <= 2)) return 'urusan';
  if (/^tujuan\b/i.test(name)) return 'tujuan';
  if (/^sasaran\b/i.test(name)) return 'sasaran';
  return undefined;
}

function explicitLevel(raw: string, kode: string | null, prevCoded?: BudgetLevel): BudgetLevel | undefined {
  // Letter-spaced cells ("PROG RAM PENY ELEN GGAR AN") still begin with their label.
  const spaced = /^(\S{1,4}\s){3}/.test(raw);
  const name = spaced ? raw.replace(/\s+/g, '') : raw;
  if (spaced && /^program/i.test(name)) return 'program';
  if (kode) {
    const parts = kode.split('.').length;
    const wellFormed = PROGRAM_CODE.test(kode) || KEGIATAN_CODE.test(kode) || SUB_CODE.test(kode) || parts <= 2;
    // A mistyped code sits where the table's order puts it: under a program a kegiatan, under a
    // kegiatan (or beside another sub-kegiatan) a sub-kegiatan.
    if (!wellFormed && parts >= 4 && prevCoded) {
      if (prevCoded === 'program') return 'kegiatan';
      if (prevCoded === 'kegiatan' || prevCoded === 'sub_kegiatan') return 'sub_kegiatan';
    }
    if (parts <= 2) return 'total';
    if (parts === 3) return 'program';
    if (parts <= 5) return 'kegiatan';
    return 'sub_kegiatan';
  }
  if (/^program\b/i.test(name)) return 'program';
  if (/^sub\s*kegiatan\b/i.test(name)) return 'sub_kegiatan';
  if (/^kegiatan\b/i.test(name)) return 'kegiatan';
  if (headingScope(name, kode)) return 'total';
  return undefined;
}

/**
 * A name cell wrapped over several ruled rows: a row whose only text is in the name column (no
 * figure, number or code), under a row with figures, continues that row's name.
 */
function wrappedNames(table: Table, rows: TableRow[], nameCol: number | undefined, vals: ColumnValues, figureCols: Array<number | undefined>): { extra: Map<number, string>; skip: Set<number> } {
  const extra = new Map<number, string>();
  const skip = new Set<number>();
  if (nameCol === undefined) return { extra, skip };
  let owner: TableRow | undefined;
  for (const row of rows) {
    const text = cellText(table, row.cells[nameCol]).trim();
    const others = row.cells.filter((c, k) => k !== nameCol && !c.spannedBy && c.text.trim() && c.text.trim() !== '-');
    const figures = figureCols.some((c) => c !== undefined && vals.value(row, c));
    if (!figures && others.length === 0 && text && owner && !row.cells[nameCol]?.spannedBy && (/^\p{Ll}/u.test(text) || letterSpaced(text)) && !TOTAL.test(text)) {
      extra.set(owner.index, `${extra.get(owner.index) ?? ''} ${text}`.trim());
      skip.add(row.index);
      continue;
    }
    owner = figures ? row : undefined;
  }
  return { extra, skip };
}

/**
 * Rows without a code or label get their level from the numbering under the current program:
 * the kegiatan count 1, 2, 3…; a number that restarts at 1 opens the sub-kegiatan of the kegiatan
 * above; a number continuing the kegiatan count closes them. Without numbering, a row right above
 * sub-kegiatan rows is their kegiatan. A table that opens inside a list ("2", "3" before any
 * program: the rest of an earlier page's list) continues its sub-kegiatan when a kegiatan follows,
 * else its kegiatan.
 */
function resolveLevels(rows: Pending[], kind: TableKind, programColumn: boolean, kegiatanColumn = false): void {
  let inProgram = false;
  let kegNo = 0;
  let subNo = 0;
  let depth: 'kegiatan' | 'sub' = 'kegiatan';
  // Rows at the top of the table, numbered and without a label so far: it may open inside a list.
  let opening = true;
  rows.forEach((p, i) => {
    if (p.level || p.number === undefined) opening = false;
    if (p.level) {
      if (p.level === 'program') {
        inProgram = true;
        kegNo = 0;
        subNo = 0;
        depth = 'kegiatan';
      } else if (p.level === 'kegiatan') {
        kegNo = p.number ?? kegNo + 1;
        subNo = 0;
        depth = 'sub';
      }
      return;
    }
    // A table continued from an earlier page may open inside a list ("2", "3" before any program):
    // those rows continue the kegiatan or sub-kegiatan of that page, never a program.
    if (opening && p.number !== undefined && p.number > 1 && !inProgram) {
      const next = rows.slice(i + 1).find((q) => q.level);
      p.row.level = next?.level === 'kegiatan' ? 'sub_kegiatan' : 'kegiatan';
      return;
    }
    // Under a program, or under a kegiatan opening a table continued from an earlier page.
    if (p.number !== undefined && (inProgram || depth === 'sub')) {
      const n = p.number;
      // "2" after kegiatan 1 and its sub-kegiatan 1 may be either; it is the next kegiatan when a
      // list starting at 1 follows it, or when the sub-kegiatan so far already make up kegiatan 1.
      const both = depth === 'sub' && n === subNo + 1 && n === kegNo + 1;
      const nextList = rows[i + 1]?.number === 1 && !rows[i + 1]?.level;
      if (both && (nextList || subsComplete(rows, i))) {
        p.row.level = 'kegiatan';
        kegNo = n;
        subNo = 0;
      } else if (depth === 'sub' && n === subNo + 1) {
        p.row.level = 'sub_kegiatan';
        subNo = n;
      } else if (n === kegNo + 1) {
        p.row.level = 'kegiatan';
        kegNo = n;
        subNo = 0;
        depth = 'sub';
      } else if (n === 1) {
        p.row.level = 'sub_kegiatan';
        subNo = 1;
      } else if (rows[i + 1]?.number === 1 && !rows[i + 1]?.level) {
        // Out of sequence (a mistyped number) but followed by a list starting at 1: a parent.
        p.row.level = 'kegiatan';
        kegNo = n;
        subNo = 0;
        depth = 'sub';
      } else p.row.level = depth === 'sub' ? 'sub_kegiatan' : 'kegiatan';
      return;
    }
    const next = rows.slice(i + 1).find((q) => q.level);
    if (kegiatanColumn) p.row.level = 'kegiatan';
    else if (next?.level === 'sub_kegiatan') p.row.level = 'kegiatan';
    else if (next?.level === 'kegiatan' && !inProgram) p.row.level = 'program';
    else if (kind === 'budget-summary' || programColumn) p.row.level = 'program';
    else p.row.level = inProgram ? 'kegiatan' : 'other';
    // An unnumbered kegiatan still counts: the list at 1 under it is its sub-kegiatan.
    if (p.row.level === 'kegiatan') {
      kegNo++;
      subNo = 0;
      depth = 'sub';
    }
  });
}

/** A list number as printed in a No column: "1", "12.". */
const NUMBERING = /^(\d{1,2})\.?$/;

/**
 * A table continued without its header (a scanned page) has no "No" column by name: the column just
 * left of the names is its numbering when every filled cell of it is a small number ("1", "2.").
 */
function numberingColumn(table: Table, nameCol: number | undefined): number | undefined {
  if (nameCol === undefined || nameCol === 0) return undefined;
  const col = nameCol - 1;
  const texts = bodyRows(table)
    .map((row) => row.cells[col])
    .filter((c): c is Cell => c !== undefined && !c.spannedBy)
    .map((c) => c.text.trim())
    .filter(Boolean);
  return texts.length >= 3 && texts.every((t) => NUMBERING.test(t)) ? col : undefined;
}

/** The sub-kegiatan printed since the last kegiatan above row i add up to its pagu. */
function subsComplete(rows: Pending[], i: number): boolean {
  let sum = 0;
  for (let j = i - 1; j >= 0; j--) {
    const q = rows[j]!;
    const level = q.row.level;
    if (level === 'sub_kegiatan') sum += q.row.pagu?.value ?? NaN;
    else if (level === 'kegiatan') return q.row.pagu?.value != null && Math.abs(sum - q.row.pagu.value) < 0.5;
    else return false;
  }
  return false;
}

/**
 * Each row's parent is the nearest row above it one level up, as printed: a code that does not
 * start with its parent's code is a typing slip the code-format check reports, not another parent.
 */
function linkParents(rows: BudgetRow[]): void {
  let program: BudgetRow | null = null;
  let kegiatan: BudgetRow | null = null;
  for (const b of rows) {
    if (b.level === 'program') {
      program = b;
      kegiatan = null;
    } else if (b.level === 'kegiatan') {
      kegiatan = b;
      if (program) b.parentId = program.id;
    } else if (b.level === 'sub_kegiatan') {
      const parent = kegiatan ?? program;
      if (parent) b.parentId = parent.id;
    } else if ((b.level === 'total' || b.level === 'subtotal') && !b.scope) {
      program = null;
      kegiatan = null;
    }
  }
}

/** A total adds up the top-level rows printed since the previous total (heading totals aside). */
function linkTotals(rows: BudgetRow[]): void {
  let start = 0;
  let grandStart = 0;
  rows.forEach((b, i) => {
    // Heading totals (urusan, tujuan, sasaran) stand above their rows and do not end a run.
    if ((b.level !== 'total' && b.level !== 'subtotal') || b.scope) return;
    const part = rows.slice(start, i).filter((x) => x.level !== 'total' && x.level !== 'subtotal');
    const top = (['program', 'kegiatan', 'sub_kegiatan', 'other'] as const).find((lvl) => part.some((x) => x.level === lvl && !x.parentId));
    const own = part.filter((x) => x.level === top && !x.parentId).map((x) => x.id);
    // A total after subtotals adds them up (with any rows after the last one), not their rows again.
    const subtotals = b.level === 'total' ? rows.slice(grandStart, i).filter((x) => x.level === 'subtotal' && !x.scope).map((x) => x.id) : [];
    b.sumOf = [...subtotals, ...own];
    if (b.level === 'total') grandStart = i + 1;
    start = i + 1;
  });
}

/**
 * Subtotal rows proved by the sums: in a list of programs, an unlabelled row whose pagu (or
 * realisasi) equals, to the rupiah, the sum of the two or more rows above it since the last
 * total is a subtotal ("Jumlah Sasaran 1" printed under its programs).
 */
function subtotalsBySums(rows: BudgetRow[]): void {
  let since: BudgetRow[] = [];
  for (const b of rows) {
    if (b.level === 'total' || b.level === 'subtotal') {
      since = [];
      continue;
    }
    const sums = (['pagu', 'realisasi'] as const).some((k) => {
      const v = b[k]?.value;
      if (v == null || v === 0 || since.length < 2) return false;
      const total = since.reduce((s, x) => s + (x[k]?.value ?? Number.NaN), 0);
      return Math.abs(total - v) < 0.5;
    });
    if (sums) {
      b.level = 'subtotal';
      since = [];
    } else if (b.level === 'program' && !b.parentId) since.push(b);
  }
  // Totals before the last one that the last one adds up ("Jumlah Sasaran 1", "Jumlah Sasaran 2",
  // then "JUMLAH") are subtotals.
  const totals = rows.filter((b) => b.level === 'total' && !b.scope);
  if (totals.length >= 3) {
    const last = totals[totals.length - 1]!;
    const earlier = totals.slice(0, -1);
    const adds = (['pagu', 'realisasi'] as const).some((k) => last[k]?.value != null && last[k]!.value !== 0 && Math.abs(earlier.reduce((s, x) => s + (x[k]?.value ?? Number.NaN), 0) - last[k]!.value!) < 0.5);
    if (adds) for (const t of earlier) t.level = 'subtotal';
  }
}

/** Efficiency rows: capaian, serapan, and the efficiency ratio and/or label. */
export function extractEfficiency(ctx: TableContext): EfficiencyRow[] {
  const { table, map } = ctx;
  const r = map.roles;
  const vals = new ColumnValues(table);
  const out: EfficiencyRow[] = [];
  let lastName = '';
  for (const row of bodyRows(table)) {
    const name = vals.text(row, r.indikator ?? r.uraian ?? r.sasaran) || lastName;
    lastName = name;
    const capaian = vals.value(row, r.capaian);
    const serapan = vals.value(row, r.serapan ?? r.persen);
    let efisiensi = null;
    let label: TextValue | null = null;
    for (const c of [r.efisiensi, ...map.efisiensiCols, r.keterangan]) {
      if (c === undefined) continue;
      const v = vals.value(row, c);
      const t = vals.text(row, c);
      if (v && !efisiensi && c !== r.keterangan) efisiensi = v;
      else if (!label && /efisien/i.test(t)) label = { text: t, cite: citeCell(table, row.cells[c]!) };
    }
    if (!capaian && !serapan && !efisiensi && !label) continue;
    out.push({ id: `${table.id}.r${row.index}`, table: table.id, uraian: name, capaian, serapan, efisiensi, label, cite: citeCell(table, row.cells[r.indikator ?? 0] ?? row.cells[0]!) });
  }
  return out;
}

/**
 * A predicate scale printed as a table: "≥ 90 | Sangat Tinggi", "76 ≤ 90 | Tinggi",
 * "70% s.d < 85% | Berhasil", "< 55% | Tidak Berhasil"; each band with its number when the table
 * has a No column.
 */
export function extractScale(ctx: TableContext): ScaleBand[] {
  const { table, map } = ctx;
  const r = map.roles;
  const labelCol = r.label ?? r.predikat;
  if (r.interval === undefined || labelCol === undefined) return [];
  const bands: ScaleBand[] = [];
  for (const row of bodyRows(table)) {
    const label = cellText(table, row.cells[labelCol]).trim();
    const band = parseInterval(cellText(table, row.cells[r.interval]));
    // The No column numbers the categories prose refers to ("kategori 1 (satu) yaitu …").
    const no = r.no === undefined ? null : NUMBERING.exec(cellText(table, row.cells[r.no]).trim());
    if (label && band) bands.push({ label, ...band, ...(no ? { no: Number(no[1]) } : {}) });
  }
  return bands;
}

/**
 * Reads an interval as printed in a scale table.
 *
 * @example
 *   parseInterval('76 ≤ 90');        // { min: 76, max: 90 }
 *   parseInterval('70% s.d < 85%');  // { min: 70, max: 85, maxExclusive: true }
 */
export function parseInterval(text: string): Omit<ScaleBand, 'label'> | null {
  const t = text.replace(/%/g, '').replace(/,/g, '.').replace(/\s+/g, ' ').replace(/&lt;/g, '<').replace(/&gt;/g, '>').trim();
  const n = String.raw`(\d+(?:\.\d+)?)`;
  // "85 ≤ x < 100", "70 < x ≤ 85": both bounds around a variable.
  const both = new RegExp(String.raw`^${n}\s*(≤|<=|<)\s*[a-z]\s*(≤|<=|<)\s*${n}$`, 'i').exec(t);
  if (both) return { min: Number(both[1]), max: Number(both[4]), ...(both[2] === '<' ? { minExclusive: true } : {}), ...(both[3] === '<' ? { maxExclusive: true } : {}) };
  // "x ≥ 100", "x < 70".
  const one = new RegExp(String.raw`^[a-z]\s*(≥|>=|>|≤|<=|<)\s*${n}$`, 'i').exec(t);
  if (one) {
    const v = Number(one[2]);
    return /[≥>]/.test(one[1]!) ? { min: v, max: null, ...(one[1] === '>' ? { minExclusive: true } : {}) } : { min: null, max: v, ...(one[1] === '<' ? { maxExclusive: true } : {}) };
  }
  const num = String.raw`(\d+(?:\.\d+)?)`;
  let m = new RegExp(String.raw`^${num}\s*(?:s\.?\s*d\.?|-|–|sampai dengan|≤|<=|<)\s*(<|≤|<=)?\s*${num}$`, 'i').exec(t);
  if (m) {
    const exclusive = m[2] === '<' || /^\d+(?:\.\d+)?\s*<\s*\d/.test(t);
    return { min: Number(m[1]), max: Number(m[3]), ...(exclusive ? { maxExclusive: true } : {}) };
  }
  m = new RegExp(String.raw`^(?:x\s*)?(≥|>=|>)\s*${num}$`).exec(t);
  if (m) return { min: Number(m[2]), max: null, ...(m[1] === '>' ? { minExclusive: true } : {}) };
  m = new RegExp(String.raw`^(?:x\s*)?(≤|<=|<)\s*${num}$`).exec(t);
  if (m) return { min: null, max: Number(m[2]), ...(m[1] === '<' ? { maxExclusive: true } : {}) };
  m = new RegExp(String.raw`^${num}\s*(?:ke atas|keatas)$`, 'i').exec(t);
  if (m) return { min: Number(m[1]), max: null };
  return null;
}
