/**
 * The document class, as data: every dimension along which real LKjIPs vary
 * (../shared/docs/domain.md §8), with the weight of each value. `sampleSpec` draws one report from
 * it with one seed, each dimension independently, so that no rule can be tuned to a combination.
 */
import type { MoneyFormat, Style } from '../synthetic/lib/numbers.js';
import type { Rng } from '../synthetic/lib/rng.js';
import type { RuleStyle } from './doc.js';
import { OFFICE_DEFS, type IndicatorTemplate, type OfficeDef, type OfficeKind } from './offices.js';
import { nip, personName, provinceName, regionName } from './names.js';
import type { ScanParams } from './scan.js';

type Weighted<T> = ReadonlyArray<readonly [T, number]>;

/** The class specification: each dimension with the weights of its values. */
export const CLASS = {
  officeKind: [['dinas', 5], ['badan', 2], ['kecamatan', 2], ['inspektorat', 1], ['rsud', 1], ['satpolpp', 1], ['sekretariat', 1]] as Weighted<OfficeKind>,
  year: [[2019, 1], [2020, 1], [2021, 1], [2022, 1], [2023, 1], [2024, 1], [2025, 1]] as Weighted<number>,
  producer: [['libreoffice', 1], ['chromium', 1]] as Weighted<'libreoffice' | 'chromium'>,
  font: [['serif', 1], ['sans', 1]] as Weighted<'serif' | 'sans'>,
  tableStyle: [['grid', 3], ['hrules', 2], ['booktabs', 1], ['none', 2], ['shaded', 2]] as Weighted<RuleStyle>,
  /** One style for every table of a report, or a style per table. */
  mixedTableStyles: [[false, 2], [true, 1]] as Weighted<boolean>,
  numberStyle: [['id', 6], ['us', 2], ['mixed', 2]] as Weighted<'id' | 'us' | 'mixed'>,
  moneyPrefix: [['', 4], ['Rp ', 2], ['Rp. ', 2], ['Rp', 1]] as Weighted<string>,
  moneySuffix: [['', 4], [',-', 2], [',00', 2]] as Weighted<string>,
  proseMoneyPrefix: [['Rp ', 2], ['Rp. ', 3], ['Rp', 1]] as Weighted<string>,
  proseMoneySuffix: [['', 2], [',-', 3], [',00', 1]] as Weighted<string>,
  pctSign: [['none', 3], ['attached', 2], ['spaced', 1]] as Weighted<'none' | 'attached' | 'spaced'>,
  negatives: [['parens', 1], ['minus', 1]] as Weighted<'parens' | 'minus'>,
  noValue: [['-', 3], ['n/a', 1], ['', 1]] as Weighted<string>,
  captionPos: [['above', 6], ['below', 2], ['none', 2]] as Weighted<'above' | 'below' | 'none'>,
  captionNumbering: [['3.1', 4], ['III.1', 2], ['3-1', 1], ['III-1', 1]] as Weighted<string>,
  captionCase: [['title', 3], ['upper', 1]] as Weighted<'title' | 'upper'>,
  capaianHeaderRows: [[1, 3], [2, 3], [3, 2]] as Weighted<1 | 2 | 3>,
  capaianColumns: [['single', 3], ['prevYear', 2], ['renstra', 2]] as Weighted<'single' | 'prevYear' | 'renstra'>,
  rataRata: [[false, 2], [true, 1]] as Weighted<boolean>,
  budgetHeaderRows: [[1, 1], [2, 1]] as Weighted<1 | 2>,
  budgetRevised: [[false, 2], [true, 1]] as Weighted<boolean>,
  budgetNumbering: [['codes', 4], ['roman', 1], ['decimal', 1], ['none', 1]] as Weighted<'codes' | 'roman' | 'decimal' | 'none'>,
  rowNumbering: [['1.', 3], ['1', 2], ['a.', 1], ['I', 1], ['none', 1]] as Weighted<'1.' | '1' | 'a.' | 'I' | 'none'>,
  budgetSplit: [['repeat', 3], ['norepeat', 2], ['lanjutan', 1], ['lanjutan-header', 1]] as Weighted<'repeat' | 'norepeat' | 'lanjutan' | 'lanjutan-header'>,
  landscapeBudget: [[false, 2], [true, 1]] as Weighted<boolean>,
  sheetAttachment: [[false, 2], [true, 1]] as Weighted<boolean>,
  subtotalSasaran: [[false, 3], [true, 1]] as Weighted<boolean>,
  lowerFormula: [['two-minus', 2], ['inverse', 1]] as Weighted<'two-minus' | 'inverse'>,
  polarityDeclared: [['definition', 2], ['analysis', 2], ['note', 1]] as Weighted<'definition' | 'analysis' | 'note'>,
  scale: [['permendagri', 3], ['berhasil', 2], ['custom', 1]] as Weighted<'permendagri' | 'berhasil' | 'custom'>,
  pkRevised: [[false, 1], [true, 1]] as Weighted<boolean>,
  subDigits: [[4, 3], [2, 1]] as Weighted<2 | 4>,
  footnote: [[false, 3], [true, 1]] as Weighted<boolean>,
  belanjaTable: [[false, 1], [true, 3]] as Weighted<boolean>,
  indicators: [4, 8] as const,
  /** Share of reports with image-only pages. */
  scanned: 0.3,
  scanDpi: [100, 300] as const,
  scanMode: [['grey', 2], ['bitonal', 1]] as Weighted<'grey' | 'bitonal'>,
  scanWhat: [['lampiran', 3], ['budget', 1], ['pk', 1]] as Weighted<'lampiran' | 'budget' | 'pk'>,
  plants: [3, 7] as const,
} as const;

export function weighted<T>(r: Rng, items: Weighted<T>): T {
  const total = items.reduce((s, [, w]) => s + w, 0);
  let x = r.next() * total;
  for (const [v, w] of items) {
    x -= w;
    if (x < 0) return v;
  }
  return items[items.length - 1]![0];
}

export interface IndicatorSpec {
  t: IndicatorTemplate;
  sasaran: number;
  /** A number, or a range [a, b] printed `a s.d. b` (realisasi outside it). */
  target: number | [number, number];
  targetDec: number;
  realisasi: number;
  realDec: number;
  capDec: number;
  prev: number;
  /** Two years back; null when the indicator is new (printed as the report's "no value" mark). */
  prev2: number | null;
  /** Renstra end target. */
  renstra: number;
  /** National / provincial reference figure, for a comparison sentence. */
  reference: { name: string; value: number } | null;
  program: number;
  efisiensi: boolean;
  analysis: boolean;
}

/** Which table's pages are scanned, and how (the scan tool's own parameters). */
export interface ScanSpec extends ScanParams {
  what: 'lampiran' | 'budget' | 'pk';
}

export interface CorpusSpec {
  id: string;
  seed: number;
  office: OfficeDef;
  instansi: string;
  pemda: string;
  place: string;
  kota: boolean;
  province: string;
  head: string;
  nip: string;
  tahun: number;
  producer: 'libreoffice' | 'chromium';
  font: 'serif' | 'sans';
  tableStyles: Record<'pk' | 'capaian' | 'compare' | 'budget' | 'other', RuleStyle>;
  /** Number style of tables; prose may differ in a mixed report. */
  tableNumbers: Style;
  proseNumbers: Style;
  /** In a mixed report the budget table uses the other style. */
  budgetNumbers: Style;
  tableMoney: MoneyFormat;
  proseMoney: MoneyFormat;
  pctSign: 'none' | 'attached' | 'spaced';
  negatives: 'parens' | 'minus';
  noValue: string;
  captionPos: Record<'pk' | 'pkProgram' | 'capaian' | 'scale' | 'compare' | 'efisiensi' | 'budget' | 'belanja' | 'lampiran', 'above' | 'below' | 'none'>;
  captionNumbering: string;
  captionCase: 'title' | 'upper';
  capaianHeaderRows: 1 | 2 | 3;
  capaianColumns: 'single' | 'prevYear' | 'renstra';
  rataRata: boolean;
  budgetHeaderRows: 1 | 2;
  budgetRevised: boolean;
  budgetNumbering: 'codes' | 'roman' | 'decimal' | 'none';
  rowNumbering: '1.' | '1' | 'a.' | 'I' | 'none';
  budgetSplit: 'repeat' | 'norepeat' | 'lanjutan' | 'lanjutan-header';
  landscapeBudget: boolean;
  sheetAttachment: boolean;
  subtotalSasaran: boolean;
  lowerFormula: 'two-minus' | 'inverse';
  polarityDeclared: 'definition' | 'analysis' | 'note';
  scale: 'permendagri' | 'berhasil' | 'custom';
  pkRevised: boolean;
  subDigits: 2 | 4;
  footnote: boolean;
  belanjaTable: boolean;
  miliar: 'miliar' | 'milyar';
  titleWords: boolean;
  sasaran: string[];
  indicators: IndicatorSpec[];
  /** Share of sub-kegiatan and kegiatan left out of the office's full list. */
  dropSubs: number;
  /** A sub-kegiatan (program, kegiatan, sub) whose realisasi exceeds its pagu. */
  overPagu: boolean;
  coordination: string | null;
  scan: ScanSpec | null;
  /** Picks for the phrase banks (an index per claim type, drawn once per report). */
  phrase: Record<string, number>;
  /** A held-out report: it may print the phrasings and labels reserved for held-out reports. */
  heldout: boolean;
}

const round = (v: number, d: number): number => Math.round(v * 10 ** d) / 10 ** d;

/** Values of one indicator, drawn from its template; realisasi off target by −25 % … +15 %. */
function drawIndicator(r: Rng, t: IndicatorTemplate, sasaran: number, program: number, year: number, provinces: string): IndicatorSpec {
  const [lo, hi] = t.range;
  const count = t.kind === 'count';
  const level = t.kind === 'level';
  const targetDec = count || level ? 0 : r.next() < 0.2 ? (t.kind === 'rate' ? 2 : 1) : 0;
  let target = round(r.float(lo, hi), targetDec);
  if (count) target = Math.max(2, Math.round(target));
  if (level) target = Math.max(1, Math.min(5, Math.round(target)));
  if (target <= 0) target = lo > 0 ? lo : 1;
  const realDec = count ? 0 : level ? weightedPick(r, [[0, 1], [2, 1]]) : t.kind === 'percent' || t.kind === 'index' ? weightedPick(r, [[2, 4], [1, 1]]) : weightedPick(r, [[2, 2], [0, 1]]);
  // Lower is better: realisasi below target is good; keep it under 2 × target for the (2 − r/t) formula.
  const f = t.lower ? r.float(0.6, 1.25) : r.float(0.75, 1.15);
  let realisasi = round(target * f, realDec);
  if (t.kind === 'percent' && !t.lower) realisasi = Math.min(realisasi, 100);
  if (level) realisasi = Math.min(5, Math.max(1, realisasi));
  if (realisasi === target) realisasi = round(realisasi + (t.lower ? -1 : 1) * 10 ** -realDec * (realDec ? r.int(1, 5) : 1), realDec);
  if (level) realisasi = Math.min(5, Math.max(1, realisasi));
  if (realisasi <= 0) realisasi = 10 ** -realDec;
  // Earlier years stay on the indicator's own scale (a level of 1–5, a percentage of at most 100).
  const cap = (v: number): number => (level ? Math.min(5, Math.max(1, v)) : t.kind === 'percent' ? Math.min(100, v) : v);
  const prev = cap(round(realisasi * r.float(0.85, 1.12), realDec) || 10 ** -realDec);
  const prev2 = r.next() < 0.15 ? null : cap(round(prev * r.float(0.85, 1.1), realDec) || 10 ** -realDec);
  const renstra = round(target * (t.lower ? r.float(0.8, 0.95) : r.float(1.03, 1.15)), targetDec);
  const reference = r.next() < 0.4 && (t.kind === 'percent' || t.kind === 'index' || t.kind === 'rate') ? { name: r.next() < 0.5 ? 'rata-rata nasional' : `rata-rata ${provinces}`, value: round(realisasi * r.float(0.85, 1.15), realDec) } : null;
  if (reference && reference.value === realisasi) reference.value = round(realisasi + 10 ** -realDec * 3, realDec);
  void year;
  return { t, sasaran, target, targetDec, realisasi, realDec, capDec: r.next() < 0.12 ? 0 : r.next() < 0.1 ? 1 : 2, prev: prev === realisasi ? round(prev - 10 ** -realDec * 2, realDec) : prev, prev2, renstra, reference, program, efisiensi: r.next() < 0.6, analysis: r.next() < 0.75 };
}

function weightedPick<T>(r: Rng, items: Weighted<T>): T {
  return weighted(r, items);
}

/**
 * One report drawn from the class.
 *
 * @example
 *   sampleSpec('c001', 12345).office.kind; // e.g. 'dinas'
 */
export function sampleSpec(id: string, seed: number, r: Rng, heldout = false): CorpusSpec {
  const kind = weighted(r, CLASS.officeKind);
  const office = r.pick(OFFICE_DEFS.filter((o) => o.kind === kind));
  const region = regionName(r);
  const tahun = weighted(r, CLASS.year);
  const mixed = weighted(r, CLASS.mixedTableStyles);
  const base = weighted(r, CLASS.tableStyle);
  const ts = (): RuleStyle => (mixed ? weighted(r, CLASS.tableStyle) : base);
  const numberStyle = weighted(r, CLASS.numberStyle);
  const tableNumbers: Style = numberStyle === 'us' ? 'us' : 'id';
  const other: Style = tableNumbers === 'id' ? 'us' : 'id';
  const mixedWhere = numberStyle === 'mixed' ? r.pick(['prose', 'budget'] as const) : null;
  const cp = (): 'above' | 'below' | 'none' => weighted(r, CLASS.captionPos);
  const instansi = kind === 'kecamatan' ? `Kecamatan ${regionName(r).place}` : office.name;
  const nInd = r.int(CLASS.indicators[0], CLASS.indicators[1]);
  const nSasaran = Math.min(office.sasaran.length, r.int(2, 4));
  const sasaran = r.shuffle(office.sasaran).slice(0, nSasaran);
  const templates = r.shuffle(office.indicators).slice(0, nInd);
  // Make sure a report has a lower-is-better indicator half of the time at least.
  if (!templates.some((t) => t.lower) && r.next() < 0.6) {
    const lower = office.indicators.filter((t) => t.lower && !templates.includes(t));
    if (lower.length) templates[templates.length - 1] = r.pick(lower);
  }
  const province = provinceName(r);
  const nPrograms = office.programs.length;
  const indicators = templates
    .map((t, i) => drawIndicator(r, t, Math.min(nSasaran - 1, Math.floor((i * nSasaran) / templates.length)), i === templates.length - 1 ? 0 : r.int(Math.min(1, nPrograms - 1), nPrograms - 1), tahun, province.replace(/^Provinsi /, 'Provinsi ')))
    .sort((a, b) => a.sasaran - b.sasaran);
  // A range target on one higher-is-better index indicator now and then.
  const ranged = indicators.find((s) => !s.t.lower && s.t.kind === 'index' && typeof s.target === 'number');
  if (ranged && r.next() < 0.3) {
    const t = ranged.target as number;
    const a = Math.round(t - r.int(2, 5));
    const b = Math.round(t);
    ranged.target = [a, b];
    if (ranged.realisasi >= a && ranged.realisasi <= b) ranged.realisasi = round(b + r.float(0.5, 3), ranged.realDec);
  }
  const scanned = r.next() < CLASS.scanned;
  const scan: ScanSpec | null = scanned
    ? {
        what: weighted(r, CLASS.scanWhat),
        dpi: r.int(CLASS.scanDpi[0], CLASS.scanDpi[1]),
        mode: weighted(r, CLASS.scanMode),
        skewDeg: round((r.next() < 0.5 ? -1 : 1) * r.float(0.3, 3), 2),
        noise: round(r.float(0.05, 0.5), 2),
        jpegQuality: r.int(25, 85),
        stamp: r.next() < 0.8,
        signature: r.next() < 0.7,
        seed: r.int(1, 1e9),
      }
    : null;
  const lowerScan = scan && scan.what === 'lampiran';
  const phraseKeys = ['count', 'indCount', 'pagu', 'realisasi', 'trendWords', 'compareWords', 'revision', 'revisionCount', 'polarity', 'formula', 'efficiency', 'countFormat', 'formulaHigher', 'formulaLower', 'predikat'];
  const phrase: Record<string, number> = {};
  for (const k of phraseKeys) phrase[k] = r.int(0, 1e6);
  return {
    id,
    seed,
    office,
    instansi,
    pemda: region.pemda,
    place: region.place,
    kota: region.kota,
    province,
    head: personName(r),
    nip: nip(r),
    tahun,
    producer: weighted(r, CLASS.producer),
    font: weighted(r, CLASS.font),
    tableStyles: { pk: ts(), capaian: ts(), compare: ts(), budget: ts(), other: ts() },
    tableNumbers,
    proseNumbers: mixedWhere === 'prose' ? other : tableNumbers,
    budgetNumbers: mixedWhere === 'budget' ? other : tableNumbers,
    tableMoney: { style: tableNumbers, prefix: weighted(r, CLASS.moneyPrefix), suffix: weighted(r, CLASS.moneySuffix) },
    proseMoney: { style: mixedWhere === 'prose' ? other : tableNumbers, prefix: weighted(r, CLASS.proseMoneyPrefix), suffix: weighted(r, CLASS.proseMoneySuffix) },
    pctSign: weighted(r, CLASS.pctSign),
    negatives: weighted(r, CLASS.negatives),
    noValue: weighted(r, CLASS.noValue),
    captionPos: { pk: cp(), pkProgram: cp(), capaian: cp(), scale: cp(), compare: cp(), efisiensi: cp(), budget: cp(), belanja: cp(), lampiran: lowerScan ? 'above' : cp() },
    captionNumbering: weighted(r, CLASS.captionNumbering),
    captionCase: weighted(r, CLASS.captionCase),
    capaianHeaderRows: weighted(r, CLASS.capaianHeaderRows),
    capaianColumns: weighted(r, CLASS.capaianColumns),
    rataRata: weighted(r, CLASS.rataRata),
    budgetHeaderRows: weighted(r, CLASS.budgetHeaderRows),
    budgetRevised: weighted(r, CLASS.budgetRevised),
    budgetNumbering: weighted(r, CLASS.budgetNumbering),
    rowNumbering: weighted(r, CLASS.rowNumbering),
    budgetSplit: weighted(r, CLASS.budgetSplit),
    landscapeBudget: weighted(r, CLASS.landscapeBudget),
    sheetAttachment: weighted(r, CLASS.sheetAttachment),
    subtotalSasaran: weighted(r, CLASS.subtotalSasaran),
    lowerFormula: weighted(r, CLASS.lowerFormula),
    polarityDeclared: weighted(r, CLASS.polarityDeclared),
    scale: weighted(r, CLASS.scale),
    pkRevised: weighted(r, CLASS.pkRevised),
    subDigits: weighted(r, CLASS.subDigits),
    footnote: weighted(r, CLASS.footnote),
    belanjaTable: weighted(r, CLASS.belanjaTable),
    miliar: r.next() < 0.6 ? 'miliar' : 'milyar',
    titleWords: r.next() < 0.5,
    sasaran,
    indicators,
    dropSubs: round(r.float(0, 0.35), 2),
    overPagu: r.next() < 0.4,
    coordination: r.next() < 0.3 ? r.pick(OFFICE_DEFS.filter((o) => o.name !== office.name && o.kind !== 'kecamatan')).name : null,
    scan,
    phrase,
    heldout,
  };
}
