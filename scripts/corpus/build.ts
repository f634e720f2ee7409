/**
 * Builds one corpus report from its drawn spec: the data (indicators, budget tree, belanja), then the
 * tables and prose that print it in the layout the spec drew, registering every derived figure as a
 * formula fact and every repeated figure as a cross fact (so the verifier knows what must agree),
 * and every printed indicator and budget row for the model gold.
 */
import type { Facts, Formula, Inline, Printed, Where } from '../synthetic/lib/doc.js';
import { emptyFacts, printed } from '../synthetic/lib/doc.js';
import { fmtNum, roundTo, terbilang, type MoneyFormat, type Style } from '../synthetic/lib/numbers.js';
import type { Rng } from '../synthetic/lib/rng.js';
import { bandOf, capaianInterval, rangeTarget, type ScaleBand } from '../synthetic/lib/verify.js';
import type { AllFacts, CBlock, CCell, CRow, CTable, HeaderCell, RuleStyle } from './doc.js';
import * as ph from './phrases.js';
import type { CorpusSpec, IndicatorSpec } from './spec.js';

export interface BNode {
  level: 'program' | 'kegiatan' | 'sub_kegiatan';
  code: string;
  name: string;
  paguAwal: number;
  pagu: number;
  realisasi: number;
  children: BNode[];
  parent: BNode | null;
  cells?: { code: Printed | null; number: string | null; awal: Printed | null; pagu: Printed; realisasi: Printed; persen: Printed; sisa: Printed };
  pk?: Printed;
  lamp?: { pagu: Printed; realisasi: Printed };
}

export interface IndicatorCells {
  spec: IndicatorSpec;
  name: string;
  formula: Formula;
  capaianValue: number;
  predikatText: string;
  pk?: { target: Printed };
  cap: { target: Printed; realisasi: Printed; capaian: Printed; predikat: Printed | null; prev?: Printed; renstra?: Printed; capRenstra?: Printed };
  cmp?: { prev2: Printed; prev: Printed; cur: Printed };
  eff?: { capaian: Printed; serapan: Printed; efisiensi: Printed };
  lamp?: { target: Printed; realisasi: Printed; capaian: Printed };
  trend?: { word: Printed; from: Printed; to: Printed };
  comparison?: { word: Printed; ours: Printed; other: Printed };
  analysis?: { capaian: Printed; predikat: Printed };
  footnote?: boolean;
}

export interface TrapItem {
  check: string;
  at: Printed;
  expected: string;
  formula: string;
  why_not: string;
}

/** A printed row of an indicator or budget table, for the model gold (texts read after planting). */
export interface ModelRow {
  table: CTable;
  kind: 'indicator' | 'budget';
  label: string;
  sasaran?: string;
  satuan?: string;
  level?: 'program' | 'kegiatan' | 'sub_kegiatan' | 'total';
  fields: Partial<Record<'kode' | 'target' | 'realisasi' | 'capaian' | 'predikat' | 'pagu' | 'persen' | 'sisa', Printed | null>>;
  /** The row's printed items (for locating its page). */
  items: Printed[];
}

export interface Built {
  spec: CorpusSpec;
  instansi: string;
  blocks: CBlock[];
  facts: AllFacts;
  scale: ScaleBand[];
  programs: BNode[];
  total: { pagu: Printed; realisasi: Printed; persen: Printed; sisa: Printed; awal: Printed | null };
  pkTotal: Printed;
  pkSubtotals: Printed[];
  ind: IndicatorCells[];
  prose: {
    anggaran: Printed;
    anggaranWords: Printed;
    realisasiTotal: Printed;
    realisasiWords: Printed;
    persen: Printed;
    operasi: Printed;
    modal: Printed;
    counts: { program: Printed; kegiatan: Printed; sub: Printed; indikator: Printed };
    revisions: Printed | null;
    periodYear: Printed;
    office: Printed;
    coordination: Printed | null;
    eff: { stated: Printed; capaian: Printed; serapan: Printed };
  };
  belanja: { operasi: Printed[]; modal: Printed[]; jumlah: Printed[] } | null;
  mean: Printed | null;
  tables: CTable[];
  /** Which table each table-cell item is printed in. */
  tableOf: Map<Printed, { table: CTable; row: number }>;
  modelRows: ModelRow[];
  /** [first row item, total item] pairs whose rows should start on an earlier page than the total. */
  spansPages: Array<[Printed, Printed]>;
  /** Describes the layout for the manifest. */
  layout: Record<string, unknown>;
  /** Items the plants must leave alone (they are traps). */
  protectedItems: Set<Printed>;
}

const PERMENDAGRI: ScaleBand[] = [
  { label: 'Sangat Tinggi', min: 91, max: null },
  { label: 'Tinggi', min: 76, max: 90 },
  { label: 'Sedang', min: 66, max: 75 },
  { label: 'Rendah', min: 51, max: 65 },
  { label: 'Sangat Rendah', min: null, max: 50 },
];
const BERHASIL: ScaleBand[] = [
  { label: 'Sangat Berhasil', min: 100, max: null },
  { label: 'Berhasil', min: 85, max: 100, maxExclusive: true },
  { label: 'Cukup Berhasil', min: 70, max: 85, maxExclusive: true },
  { label: 'Tidak Berhasil', min: null, max: 70, maxExclusive: true },
];
const CUSTOM: ScaleBand[] = [
  { label: 'Sangat Baik', min: 90, max: null },
  { label: 'Baik', min: 75, max: 90, maxExclusive: true },
  { label: 'Cukup', min: 60, max: 75, maxExclusive: true },
  { label: 'Kurang', min: null, max: 60, maxExclusive: true },
];
function scaleRowText(b: ScaleBand, style: Style): string {
  const n = (v: number): string => fmtNum(v, 0, style);
  if (b.min !== null && b.max === null) return `≥ ${n(b.min)}`;
  if (b.min === null && b.max !== null) return b.maxExclusive ? `< ${n(b.max)}` : `≤ ${n(b.max)}`;
  return b.maxExclusive ? `${n(b.min!)} ≤ x < ${n(b.max!)}` : `${n(b.min!)} - ${n(b.max!)}`;
}

function amountFor(name: string, r: Rng): number {
  const k = (lo: number, hi: number, unit: number): number => Math.round(r.float(lo, hi) / unit) * unit;
  if (/Gaji/.test(name)) return k(2.4e9, 7.6e9, 1000);
  if (/Pembangunan|Rekonstruksi|Rehabilitasi|Jembatan|SPAM|Irigasi|Pengadaan/.test(name)) return k(1.4e8, 2.4e9, 1000);
  return k(1.6e7, 4.6e8, 100);
}

const ROMAN = ['I', 'II', 'III', 'IV', 'V', 'VI', 'VII', 'VIII', 'IX', 'X', 'XI', 'XII'];
const ALPHA = 'abcdefghijklmnopqrstuvwxyz';

/**
 * The report for a spec.
 *
 * @example
 *   const b = build(spec, rng(spec.seed)); b.blocks[0].kind; // 'cover'
 */
export function build(spec: CorpusSpec, r: Rng): Built {
  const Y = spec.tahun;
  const instansi = spec.instansi;
  const facts: AllFacts = { ...(emptyFacts() as Facts), compare: [], means: [] };
  const blocks: CBlock[] = [];
  const tables: CTable[] = [];
  const tableOf = new Map<Printed, { table: CTable; row: number }>();
  const modelRows: ModelRow[] = [];
  const protectedItems = new Set<Printed>();
  const scale = spec.scale === 'permendagri' ? PERMENDAGRI : spec.scale === 'berhasil' ? BERHASIL : CUSTOM;
  const kepala = spec.kota ? 'Wali Kota' : 'Bupati';
  const tStyle = spec.tableNumbers;
  const pStyle = spec.proseNumbers;
  const bStyle = spec.budgetNumbers;
  const renstraEnd = Y + ((2026 - Y) % 5 === 0 ? 5 : ((2026 - Y) % 5 + 5) % 5 || 5);
  const renstraStart = renstraEnd - 5;

  const num = (v: number, d: number, style: Style = tStyle): string => fmtNum(v, d, style);
  const pctSfx = spec.pctSign === 'attached' ? '%' : spec.pctSign === 'spaced' ? ' %' : '';
  const pct = (v: number, d: number, style: Style = tStyle): string => `${num(v, d, style)}${pctSfx}`;
  const money = (v: number, f: MoneyFormat): string => {
    const suffix = f.style === 'us' && f.suffix === ',00' ? '.00' : f.suffix;
    const body = `${f.prefix}${fmtNum(Math.abs(v), 0, f.style)}${suffix}`;
    return v < 0 ? (spec.negatives === 'parens' ? `(${body})` : `-${body}`) : body;
  };
  const tMoneyF: MoneyFormat = { ...spec.tableMoney, style: tStyle };
  const bMoneyF: MoneyFormat = { ...spec.tableMoney, style: bStyle };
  const P = (text: string, value: number | null, d: number, where: Where, format?: (v: number) => string): Printed => printed(text, value, d, where, format);
  const moneyP = (v: number, where: Where, f: MoneyFormat): Printed => {
    const fm = (x: number): string => money(x, f);
    return P(fm(v), v, f.suffix === ',00' ? 2 : 0, where, fm);
  };
  const proseMoney = (v: number, row: string): Printed => moneyP(v, { table: null, row, column: null }, spec.proseMoney);
  const cross = (key: string, ...cells: Array<Printed | undefined | null>): void => {
    const list = cells.filter((c): c is Printed => Boolean(c));
    const existing = facts.cross.find((c) => c.key === key);
    if (existing) existing.cells.push(...list);
    else facts.cross.push({ key, cells: list });
  };
  const words = (n: number): string => terbilang(n);
  // Held-out vocabulary: every third phrasing and column label is printed only in held-out reports,
  // so the held-out figures also measure wordings the dev reports never show.
  const allowed = <T>(bank: readonly T[]): readonly T[] => (spec.heldout || bank.length < 3 ? bank : bank.filter((_, i) => i % 3 !== 2));
  const pick = <T>(bank: readonly T[], key: string, salt = 0): T => {
    const list = allowed(bank);
    return list[(spec.phrase[key]! + salt) % list.length]!;
  };
  const vocab = (list: readonly string[]): string => r.pick(allowed(list));
  const countFmt = pick(ph.COUNT_FORMATS, 'countFormat');

  // ---- captions ---------------------------------------------------------------------------------
  const capNo = (chapter: number, n: number): string => {
    const roman = ROMAN[chapter - 1]!;
    switch (spec.captionNumbering) {
      case 'III.1':
        return `${roman}.${n}`;
      case '3-1':
        return `${chapter}-${n}`;
      case 'III-1':
        return `${roman}-${n}`;
      default:
        return `${chapter}.${n}`;
    }
  };
  const counters: Record<number, number> = {};
  const caption = (chapter: number, title: string, pos: 'above' | 'below' | 'none'): { caption: string | null; captionPos: 'above' | 'below' } => {
    counters[chapter] = (counters[chapter] ?? 0) + 1;
    if (pos === 'none') return { caption: null, captionPos: 'above' };
    const text = `Tabel ${capNo(chapter, counters[chapter]!)} ${title}`;
    return { caption: spec.captionCase === 'upper' ? text.toUpperCase() : text, captionPos: pos };
  };
  let lampiranNo = 0;

  // ---- budget tree --------------------------------------------------------------------------------
  const office = spec.office;
  const programs: BNode[] = office.programs.map((p) => {
    const pcode = `${office.bidang}.${p.code}`;
    const node: BNode = { level: 'program', code: pcode, name: p.name, paguAwal: 0, pagu: 0, realisasi: 0, children: [], parent: null };
    let kegs = p.kegiatan.filter(() => r.next() >= spec.dropSubs / 2);
    if (!kegs.length) kegs = [p.kegiatan[0]!];
    node.children = kegs.map((k) => {
      const kcode = `${pcode}.${k.code}`;
      const kn: BNode = { level: 'kegiatan', code: kcode, name: k.name, paguAwal: 0, pagu: 0, realisasi: 0, children: [], parent: node };
      let subs = k.subs.filter(() => r.next() >= spec.dropSubs);
      if (!subs.length) subs = [k.subs[0]!];
      kn.children = subs.map(([sc, name]): BNode => {
        const pagu = amountFor(name, r);
        const ratio = /Gaji/.test(name) ? r.float(0.93, 0.99) : r.float(0.72, 0.995);
        const awal = spec.budgetRevised && r.next() < 0.45 ? Math.round((pagu * r.float(0.85, 1.15)) / 1000) * 1000 : pagu;
        return { level: 'sub_kegiatan', code: `${kcode}.${spec.subDigits === 4 ? sc : sc.slice(2)}`, name, paguAwal: awal, pagu, realisasi: Math.round(pagu * ratio), children: [], parent: kn };
      });
      return kn;
    });
    return node;
  });
  const allSubs = programs.flatMap((p) => p.children.flatMap((k) => k.children));
  if (spec.overPagu) {
    const overPaguNode = r.pick(allSubs.filter((s) => !/Gaji/.test(s.name)));
    overPaguNode.pagu = Math.round(overPaguNode.pagu / 200_000) * 200_000 || 200_000;
    if (!spec.budgetRevised) overPaguNode.paguAwal = overPaguNode.pagu;
    overPaguNode.realisasi = Math.round(overPaguNode.pagu * r.float(1.01, 1.08));
  }
  for (const p of programs) {
    for (const k of p.children) {
      k.paguAwal = k.children.reduce((a, s) => a + s.paguAwal, 0);
      k.pagu = k.children.reduce((a, s) => a + s.pagu, 0);
      k.realisasi = k.children.reduce((a, s) => a + s.realisasi, 0);
    }
    p.paguAwal = p.children.reduce((a, k) => a + k.paguAwal, 0);
    p.pagu = p.children.reduce((a, k) => a + k.pagu, 0);
    p.realisasi = p.children.reduce((a, k) => a + k.realisasi, 0);
  }
  const totalAwal = programs.reduce((a, p) => a + p.paguAwal, 0);
  const totalPagu = programs.reduce((a, p) => a + p.pagu, 0);
  const totalReal = programs.reduce((a, p) => a + p.realisasi, 0);
  const totalPersen = roundTo((totalReal / totalPagu) * 100, 2);
  const nKegiatan = programs.reduce((a, p) => a + p.children.length, 0);
  const nSub = allSubs.length;
  const modalPagu = Math.round((totalPagu * r.float(0.05, 0.25)) / 1000) * 1000;
  const modalReal = Math.round(modalPagu * r.float(0.8, 0.99));
  const progPersen = (p: BNode): number => roundTo((p.realisasi / p.pagu) * 100, 2);

  // ---- indicators: capaian, predikat ----------------------------------------------------------------
  const ind: IndicatorCells[] = [];
  for (const s of spec.indicators) {
    const formula: Formula = s.t.lower ? spec.lowerFormula : 'ratio';
    // Nudge the realisasi until the capaian sits well inside a band of the scale (never on an edge).
    for (let tries = 0; tries < 60; tries++) {
      const t = Array.isArray(s.target) ? rangeTarget(s.target, s.realisasi) : s.target;
      const raw = formula === 'ratio' ? (s.realisasi / t) * 100 : formula === 'two-minus' ? (2 - s.realisasi / t) * 100 : (t / s.realisasi) * 100;
      const cv = roundTo(raw, s.capDec);
      const band = bandOf(scale, cv);
      const near = scale.some((b) => [b.min, b.max].some((e) => e !== null && Math.abs(raw - e) < 0.8));
      if (band && !near && raw > 0) {
        ind.push({ spec: s, name: s.t.name, formula, capaianValue: cv, predikatText: band } as IndicatorCells);
        break;
      }
      const step = Math.max(10 ** -s.realDec, Math.abs(s.realisasi) * 0.013);
      s.realisasi = roundTo(s.realisasi + (r.next() < 0.5 ? -1 : 1) * step, s.realDec);
      if (s.realisasi <= 0) s.realisasi = roundTo(Math.abs(s.realisasi) + step * 2, s.realDec);
      // A level stays on its 1–5 scale and a percentage of coverage at most 100.
      if (s.t.kind === 'level') s.realisasi = Math.min(5, Math.max(1, s.realisasi));
      if (s.t.kind === 'percent') s.realisasi = Math.min(100, s.realisasi);
      if (Array.isArray(s.target) && s.realisasi >= s.target[0] && s.realisasi <= s.target[1]) s.realisasi = roundTo(s.target[1] + step, s.realDec);
      if (s.prev === s.realisasi) s.prev = roundTo(s.prev + step, s.realDec);
      if (s.reference && s.reference.value === s.realisasi) s.reference.value = roundTo(s.reference.value + step, s.realDec);
    }
  }
  if (ind.length < 3) throw new Error(`${spec.id}: fewer than 3 indicators with a capaian inside a band`);
  const lowerInd = ind.filter((x) => x.spec.t.lower);
  const declareIn = lowerInd.length && spec.polarityDeclared === 'analysis' && !lowerInd.every((x) => x.spec.analysis) ? 'definition' : spec.polarityDeclared;

  const targetValue = (s: IndicatorSpec): number => (Array.isArray(s.target) ? rangeTarget(s.target, s.realisasi) : s.target);
  const targetText = (s: IndicatorSpec, unit: boolean): string => {
    const u = unit && s.t.satuan === '%' ? pctSfx || '%' : '';
    return Array.isArray(s.target) ? `${num(s.target[0], s.targetDec)} s.d. ${num(s.target[1], s.targetDec)}${u}` : `${num(s.target, s.targetDec)}${u}`;
  };
  const numbering = (i: number): string => {
    switch (spec.rowNumbering) {
      case '1.':
        return `${i + 1}.`;
      case '1':
        return `${i + 1}`;
      case 'a.':
        return `${ALPHA[i % 26]}.`;
      case 'I':
        return ROMAN[i] ?? `${i + 1}`;
      default:
        return '';
    }
  };
  const hasNo = spec.rowNumbering !== 'none';

  // ---- table helpers ------------------------------------------------------------------------------
  const register = (t: CTable): CTable => {
    t.rows.forEach((row, i) => {
      for (const c of row.cells) {
        for (const x of c.content) {
          if (typeof x === 'string') continue;
          tableOf.set(x, { table: t, row: i });
          x.where = { ...x.where, table: t.caption };
        }
      }
    });
    tables.push(t);
    return t;
  };
  const intro = (text: string): void => {
    blocks.push({ kind: 'p', indent: true, parts: [text] });
  };
  const sasaranCell = (k: number, list: IndicatorCells[]): CCell => {
    const s = list[k]!.spec.sasaran;
    const first = k === 0 || list[k - 1]!.spec.sasaran !== s;
    if (!first) return { content: [], covered: true };
    return { content: [spec.sasaran[s]!], rowspan: list.filter((x) => x.spec.sasaran === s).length };
  };
  const styleOf = (k: keyof CorpusSpec['tableStyles']): RuleStyle => spec.tableStyles[k];
  const cellN = (p: Printed): CCell => ({ content: [p], align: 'right', nowrap: true });
  const rowItems = (cells: CCell[]): Printed[] => cells.flatMap((c) => c.content.filter((x): x is Printed => typeof x !== 'string'));
  const setMates = (items: Printed[]): void => {
    for (const x of items) x.rowmates = items;
  };

  // ---- cover, kata pengantar ----------------------------------------------------------------------
  blocks.push({
    kind: 'cover',
    lines: [
      { text: `LAPORAN KINERJA INSTANSI PEMERINTAH (LKjIP) TAHUN ${Y}`, size: 18, bold: true, space: 150 },
      { text: instansi.toUpperCase(), size: 16, bold: true, space: 160 },
      { text: `PEMERINTAH ${spec.pemda.toUpperCase()}`, size: 16, bold: true, space: 6 },
    ],
  });
  const periodYear = P(`Tahun ${Y}`, Y, 0, { table: null, row: 'Kata Pengantar', column: null }, (v) => `Tahun ${v}`);
  facts.mentions.push({ p: periodYear, kind: 'year', own: true });
  const kp: Inline[] = [
    `Puji syukur kami panjatkan ke hadirat Tuhan Yang Maha Esa, karena atas rahmat dan karunia-Nya Laporan Kinerja Instansi Pemerintah (LKjIP) ${instansi} ${spec.pemda} `,
    periodYear,
    ' dapat diselesaikan. Laporan ini merupakan wujud pertanggungjawaban atas pelaksanaan tugas pokok dan fungsi serta pencapaian sasaran strategis yang telah ditetapkan dalam Perjanjian Kinerja.',
  ];
  periodYear.paragraph = kp;
  blocks.push({ kind: 'h', text: 'KATA PENGANTAR', breakBefore: true, center: true });
  blocks.push({ kind: 'p', parts: kp, indent: true });
  blocks.push({ kind: 'p', parts: [`${spec.place}, Februari ${Y + 1}`] });
  blocks.push({ kind: 'p', parts: [spec.head] });
  blocks.push({ kind: 'p', parts: [`NIP. ${spec.nip}`] });

  // ---- ringkasan eksekutif: indicator count, pagu with words, belanja split -----------------------------
  const where = (row: string): Where => ({ table: null, row, column: null });
  const anggaran = proseMoney(totalPagu, 'anggaran');
  const wordOpts = { miliar: spec.miliar, title: spec.titleWords, rupiah: true };
  const anggaranWords = P(terbilang(totalPagu, wordOpts), totalPagu, 0, where('anggaran (terbilang)'));
  const operasi = proseMoney(totalPagu - modalPagu, 'Belanja Operasi');
  const modal = proseMoney(modalPagu, 'Belanja Modal');
  const indikatorCount = P(countFmt(ind.length, 'indikator kinerja'), ind.length, 0, where('indikator kinerja'), (v) => countFmt(v, 'indikator kinerja'));
  facts.counts.push({ entity: 'indikator', claim: indikatorCount, actual: ind.length });
  facts.terbilang.push({ digits: anggaran, words: anggaranWords });
  facts.sums.push({ check: 'belanja-total', label: 'Belanja Operasi + Belanja Modal (text)', total: anggaran, parts: [operasi, modal] });
  blocks.push({ kind: 'h', text: 'RINGKASAN EKSEKUTIF', breakBefore: true, center: true });
  const icParts = pick(ph.INDICATOR_COUNT_SENTENCES, 'indCount')({ instansi, year: Y, sasaran: `${spec.sasaran.length} (${words(spec.sasaran.length)}) sasaran strategis`, indikator: indikatorCount });
  indikatorCount.paragraph = icParts;
  blocks.push({ kind: 'p', indent: true, parts: icParts });
  const paguParts = pick(ph.PAGU_SENTENCES, 'pagu')({ instansi, year: Y, digits: anggaran, words: anggaranWords, operasi, modal });
  for (const x of [anggaran, anggaranWords, operasi, modal]) x.paragraph = paguParts;
  blocks.push({ kind: 'p', indent: true, parts: paguParts });

  // ---- BAB I ------------------------------------------------------------------------------------
  blocks.push({ kind: 'h', text: 'BAB I PENDAHULUAN', breakBefore: true, center: true });
  blocks.push({ kind: 'h', text: 'A. Latar Belakang' });
  blocks.push({ kind: 'p', indent: true, parts: ['Sistem Akuntabilitas Kinerja Instansi Pemerintah (SAKIP) merupakan instrumen pertanggungjawaban yang terdiri dari perencanaan strategis, perjanjian kinerja, pengukuran kinerja, pengelolaan data kinerja, pelaporan kinerja, serta reviu dan evaluasi kinerja.'] });
  const officeP = P(`${instansi} ${spec.pemda}`, null, 0, where('Tugas Pokok dan Fungsi'));
  facts.mentions.push({ p: officeP, kind: 'office', own: true });
  const tup: Inline[] = [`Berdasarkan Peraturan ${kepala} tentang Kedudukan, Susunan Organisasi, Tugas dan Fungsi serta Tata Kerja Perangkat Daerah, `, officeP, ` mempunyai tugas membantu ${kepala} melaksanakan urusan pemerintahan di bidang ${office.urusan}.`];
  officeP.paragraph = tup;
  blocks.push({ kind: 'h', text: 'B. Tugas Pokok dan Fungsi' });
  blocks.push({ kind: 'p', indent: true, parts: tup });
  let coordination: Printed | null = null;
  if (spec.coordination) {
    coordination = P(spec.coordination, null, 0, where('koordinasi'));
    facts.mentions.push({ p: coordination, kind: 'office', own: false });
    const parts: Inline[] = [`Dalam melaksanakan tugasnya, ${instansi} berkoordinasi dengan `, coordination, ` serta perangkat daerah lain di lingkungan Pemerintah ${spec.pemda}.`];
    coordination.paragraph = parts;
    blocks.push({ kind: 'p', indent: true, parts });
  }
  const cProg = P(countFmt(programs.length, 'program'), programs.length, 0, where('program'), (v) => countFmt(v, 'program'));
  const cKeg = P(countFmt(nKegiatan, 'kegiatan'), nKegiatan, 0, where('kegiatan'), (v) => countFmt(v, 'kegiatan'));
  const cSub = P(countFmt(nSub, 'sub kegiatan'), nSub, 0, where('sub kegiatan'), (v) => countFmt(v, 'sub kegiatan'));
  facts.counts.push({ entity: 'program', claim: cProg, actual: programs.length }, { entity: 'kegiatan', claim: cKeg, actual: nKegiatan }, { entity: 'sub kegiatan', claim: cSub, actual: nSub });
  const countParts = pick(ph.COUNT_SENTENCES, 'count')({ instansi, year: Y, program: cProg, kegiatan: cKeg, sub: cSub });
  for (const x of [cProg, cKeg, cSub]) x.paragraph = countParts;
  blocks.push({ kind: 'h', text: 'C. Program dan Kegiatan' });
  blocks.push({ kind: 'p', indent: true, parts: countParts });

  // ---- BAB II: PK, PK program table, revisions --------------------------------------------------------
  blocks.push({ kind: 'h', text: 'BAB II PERENCANAAN KINERJA', breakBefore: true, center: true });
  blocks.push({ kind: 'p', indent: true, parts: [`Rencana Strategis ${instansi} Tahun ${renstraStart}–${renstraEnd} memuat tujuan, sasaran, strategi, arah kebijakan, program dan kegiatan. Sasaran strategis yang ingin dicapai adalah: ${spec.sasaran.map((s, i) => `(${i + 1}) ${s}`).join('; ')}.`] });
  let revisions: Printed | null = null;
  if (spec.pkRevised) {
    const n = r.int(1, 3);
    const months = ['Februari', 'Maret', 'Juni', 'Juli', 'Agustus', 'September', 'Oktober'];
    const list = ['Perjanjian Kinerja awal tanggal ' + `${r.int(2, 28)} Januari ${Y}`];
    const ms = r.shuffle(months).slice(0, n).sort((a, b) => months.indexOf(a) - months.indexOf(b));
    ms.forEach((m, i) => list.push(`Perjanjian Kinerja Perubahan ${ROMAN[i]} tanggal ${r.int(1, 28)} ${m} ${Y}`));
    const fmt = pick(ph.REVISION_COUNT_FORMATS, 'revisionCount');
    revisions = P(fmt(n), n, 0, where('perubahan Perjanjian Kinerja'), (v) => fmt(v));
    facts.counts.push({ entity: 'perubahan PK', claim: revisions, actual: n });
    const parts = pick(ph.REVISION_SENTENCES, 'revision')({ instansi, year: Y, count: revisions, revisions: list.slice(1) });
    revisions.paragraph = parts;
    blocks.push({ kind: 'p', indent: true, parts });
  }
  {
    const t = register({
      id: 'pk',
      ...caption(2, `Perjanjian Kinerja ${instansi} Tahun ${Y}`, spec.captionPos.pk),
      intro: `Perjanjian Kinerja ${instansi} Tahun ${Y} memuat sasaran strategis, indikator kinerja dan target berikut.`,
      style: styleOf('pk'),
      fontSize: 9,
      widths: [...(hasNo ? [32] : []), 200, 300, 80, 90],
      align: [...(hasNo ? ['center' as const] : []), 'left', 'left', 'center', 'right'],
      header: [[...(hasNo ? [{ text: 'No' }] : []), { text: 'Sasaran Strategis' }, { text: 'Indikator Kinerja' }, { text: 'Satuan' }, { text: 'Target' }]],
      rows: ind.map((x, k) => {
        const target = P(targetText(x.spec, true), targetValue(x.spec), x.spec.targetDec, { table: null, row: x.name, column: 'Target' });
        x.pk = { target };
        const cells: CCell[] = [...(hasNo ? [{ content: [numbering(k)], align: 'center' as const }] : []), sasaranCell(k, ind), { content: [x.name] }, { content: [x.spec.t.satuan], align: 'center' }, cellN(target)];
        modelRows.push({ table: null as unknown as CTable, kind: 'indicator', label: x.name, sasaran: spec.sasaran[x.spec.sasaran]!, satuan: x.spec.t.satuan, fields: { target }, items: [target] });
        return { label: x.name, cells };
      }),
      repeatHeader: true,
      kind: 'pk',
      ...(spec.scan?.what === 'pk' ? { scan: true } : {}),
    });
    fixModelTable(modelRows, t);
    intro(t.intro);
    blocks.push({ kind: 'table', table: t });
  }
  // PK program budget, optionally grouped by sasaran with subtotals.
  let pkTotal: Printed;
  const pkSubtotals: Printed[] = [];
  {
    const rows: CRow[] = [];
    const w = (row: string): Where => ({ table: null, row, column: 'Anggaran (Rp)' });
    const sasaranOfProgram = (pi: number): number => {
      const users = ind.filter((x) => x.spec.program === pi);
      return users.length ? users[0]!.spec.sasaran : spec.sasaran.length - 1;
    };
    const groups = spec.subtotalSasaran ? [...new Set(programs.map((_, i) => sasaranOfProgram(i)))].sort((a, b) => a - b) : [-1];
    let k = 0;
    const grouped = groups.map((g) => programs.map((p, i) => ({ p, i })).filter(({ i }) => g === -1 || sasaranOfProgram(i) === g));
    const pkProgramRows: Array<{ node: BNode; item: Printed }> = [];
    grouped.forEach((list, gi) => {
      if (g(groups, gi) !== -1) rows.push({ label: spec.sasaran[g(groups, gi)]!, bold: true, cells: [...(hasNo ? [{ content: [''] }] : []), { content: [`Sasaran: ${spec.sasaran[g(groups, gi)]!}`] }, { content: [''] }] });
      for (const { p } of list) {
        const name = titleCase(p.name);
        const item = moneyP(p.pagu, w(name), tMoneyF);
        p.pk = item;
        setMates([item]);
        pkProgramRows.push({ node: p, item });
        rows.push({ label: name, cells: [...(hasNo ? [{ content: [numbering(k++)], align: 'center' as const }] : []), { content: [name] }, cellN(item)] });
      }
      if (g(groups, gi) !== -1) {
        const sub = moneyP(list.reduce((a, x) => a + x.p.pagu, 0), w(`Sub Jumlah ${gi + 1}`), tMoneyF);
        pkSubtotals.push(sub);
        setMates([sub]);
        facts.sums.push({ check: 'sum-rows', label: `Sub Jumlah sasaran ${gi + 1}`, total: sub, parts: list.map((x) => x.p.pk!) });
        rows.push({ label: 'Sub Jumlah', bold: true, cells: [...(hasNo ? [{ content: [''] }] : []), { content: ['Sub Jumlah'] }, cellN(sub)] });
      }
    });
    pkTotal = moneyP(totalPagu, w('JUMLAH'), tMoneyF);
    setMates([pkTotal]);
    rows.push({ label: 'JUMLAH', bold: true, cells: [...(hasNo ? [{ content: [''] }] : []), { content: [vocab(['JUMLAH', 'Jumlah', 'TOTAL'])] }, cellN(pkTotal)] });
    facts.sums.push({ check: 'sum-rows', label: 'JUMLAH of the PK program table', total: pkTotal, parts: pkSubtotals.length ? pkSubtotals : programs.map((p) => p.pk!) });
    const t = register({
      id: 'pk-program',
      ...caption(2, `Program dan Anggaran ${instansi} Tahun ${Y}`, spec.captionPos.pkProgram),
      intro: `Untuk mencapai sasaran tersebut, pada Tahun ${Y} dialokasikan anggaran program sebagai berikut.`,
      style: styleOf('other'),
      fontSize: 9,
      widths: [...(hasNo ? [32] : []), 450, 160],
      align: [...(hasNo ? ['center' as const] : []), 'left', 'right'],
      header: [[...(hasNo ? [{ text: 'No' }] : []), { text: 'Program' }, { text: vocab(['Anggaran (Rp)', 'Pagu Anggaran (Rp)', 'Jumlah Anggaran']) }]],
      rows,
      repeatHeader: true,
      kind: 'pk-program',
    });
    for (const { node, item } of pkProgramRows) modelRows.push({ table: t, kind: 'budget', label: titleCase(node.name), level: 'program', fields: { kode: null, pagu: item }, items: [item] });
    modelRows.push({ table: t, kind: 'budget', label: 'JUMLAH', level: 'total', fields: { kode: null, pagu: pkTotal }, items: [pkTotal] });
    intro(t.intro);
    blocks.push({ kind: 'table', table: t });
  }

  // ---- BAB III: formula, capaian table, scale ------------------------------------------------------------
  blocks.push({ kind: 'h', text: 'BAB III AKUNTABILITAS KINERJA', breakBefore: true, center: true });
  blocks.push({ kind: 'h', text: 'A. Capaian Kinerja Organisasi' });
  const higherText = pick(ph.FORMULA_TEXTS.ratio, 'formulaHigher');
  const lowerText = pick(ph.FORMULA_TEXTS[spec.lowerFormula], 'formulaLower');
  blocks.push({ kind: 'p', indent: true, parts: [pick(ph.FORMULA_SENTENCES, 'formula')({ higher: higherText, lower: lowerInd.length ? lowerText : null, lowerNames: declareIn === 'definition' ? lowerInd.map((x) => x.name) : [] })] });
  if (lowerInd.length && declareIn === 'definition') blocks.push({ kind: 'p', indent: true, parts: [pick(ph.POLARITY_SENTENCES, 'polarity')({ names: lowerInd.map((x) => x.name) })] });
  const ranged = ind.filter((x) => Array.isArray(x.spec.target));
  if (ranged.length) blocks.push({ kind: 'p', indent: true, parts: [`Untuk indikator dengan target berupa rentang (${ranged.map((x) => x.name).join(', ')}), realisasi di atas rentang dibandingkan dengan batas atas dan realisasi di bawah rentang dengan batas bawah.`] });
  let mean: Printed | null = null;
  const footnoteAt = spec.footnote ? r.pick(ind) : null;
  {
    const v = spec.capaianColumns;
    const H = spec.capaianHeaderRows;
    const colsLead: HeaderCell[] = [...(hasNo ? [{ text: 'No' }] : []), { text: 'Sasaran Strategis' }, { text: 'Indikator Kinerja' }, { text: 'Satuan' }];
    const yearCols = ['Target', 'Realisasi', vocab(['Capaian (%)', '% Capaian', 'Capaian'])];
    const tail: string[] = v === 'renstra' ? [`Target Akhir Renstra (${renstraEnd})`, 'Capaian thd Renstra (%)'] : [];
    const hasPred = true;
    const header: HeaderCell[][] = [];
    const leadW = [...(hasNo ? [26] : []), 100, 150, 50];
    if (H === 1) {
      header.push([...colsLead, ...(v === 'prevYear' ? [{ text: `Realisasi ${Y - 1}` }] : []), ...yearCols.map((c) => ({ text: c })), ...tail.map((c) => ({ text: c })), ...(hasPred ? [{ text: 'Predikat' }] : [])]);
    } else {
      const rs = H;
      const top: HeaderCell[] = colsLead.map((c) => ({ ...c, rowspan: rs }));
      const second: HeaderCell[] = [];
      const third: HeaderCell[] = [];
      const groups: Array<{ label: string; cols: string[] }> = [];
      if (v === 'prevYear') groups.push({ label: `Tahun ${Y - 1}`, cols: ['Realisasi'] });
      groups.push({ label: `Tahun ${Y}`, cols: yearCols });
      if (v === 'renstra') groups.push({ label: `Renstra ${renstraStart}-${renstraEnd}`, cols: ['Target Akhir', 'Capaian (%)'] });
      if (H === 2) {
        for (const g of groups) {
          top.push({ text: g.label, colspan: g.cols.length });
          for (const c of g.cols) second.push({ text: c });
        }
        if (hasPred) top.push({ text: 'Predikat', rowspan: 2 });
        header.push(top, second);
      } else {
        const span = groups.reduce((a, g) => a + g.cols.length, 0);
        top.push({ text: vocab(['Kinerja', 'Capaian Kinerja', 'Realisasi dan Capaian']), colspan: span });
        if (hasPred) top.push({ text: 'Predikat', rowspan: 3 });
        for (const g of groups) {
          second.push({ text: g.label, colspan: g.cols.length });
          for (const c of g.cols) third.push({ text: c });
        }
        header.push(top, second, third);
      }
    }
    const nNum = (v === 'prevYear' ? 1 : 0) + 3 + (v === 'renstra' ? 2 : 0);
    const colLabel = (c: string): string => c;
    const rows: CRow[] = ind.map((x, k) => {
      const s = x.spec;
      const w = (column: string): Where => ({ table: null, row: x.name, column: colLabel(column) });
      const target = P(targetText(s, false), targetValue(s), s.targetDec, w('Target'));
      const fn = footnoteAt === x;
      const realFmt = (val: number): string => `${num(val, s.realDec)}${fn ? '*' : ''}`;
      const realisasi = P(realFmt(s.realisasi), s.realisasi, s.realDec, w('Realisasi'), realFmt);
      const capaian = P(pct(x.capaianValue, s.capDec), x.capaianValue, s.capDec, w('Capaian (%)'), (val) => pct(val, s.capDec));
      const predikat = hasPred ? P(x.predikatText, null, 0, w('Predikat')) : null;
      x.footnote = fn;
      x.cap = { target, realisasi, capaian, predikat };
      const extra: CCell[] = [];
      if (v === 'prevYear') {
        const prev = P(num(s.prev, s.realDec), s.prev, s.realDec, w(`Realisasi ${Y - 1}`), (val) => num(val, s.realDec));
        x.cap.prev = prev;
        extra.push(cellN(prev));
      }
      const tailCells: CCell[] = [];
      if (v === 'renstra') {
        const rt = P(num(s.renstra, s.targetDec), s.renstra, s.targetDec, w('Target Akhir Renstra'), (val) => num(val, s.targetDec));
        const raw = x.formula === 'ratio' ? (s.realisasi / s.renstra) * 100 : x.formula === 'two-minus' ? (2 - s.realisasi / s.renstra) * 100 : (s.renstra / s.realisasi) * 100;
        const cr = P(pct(roundTo(raw, 2), 2), roundTo(raw, 2), 2, w('Capaian thd Renstra (%)'), (val) => pct(val, 2));
        x.cap.renstra = rt;
        x.cap.capRenstra = cr;
        facts.capaian.push({ label: `${x.name} (Renstra)`, formula: x.formula, target: rt, realisasi, capaian: cr });
        tailCells.push(cellN(rt), cellN(cr));
      }
      const cells: CCell[] = [
        ...(hasNo ? [{ content: [numbering(k)], align: 'center' as const }] : []),
        sasaranCell(k, ind),
        { content: [x.name] },
        { content: [s.t.satuan], align: 'center' },
        ...extra,
        cellN(target),
        cellN(realisasi),
        cellN(capaian),
        ...tailCells,
        ...(predikat ? [{ content: [predikat], align: 'center' as const }] : []),
      ];
      setMates(rowItems(cells));
      modelRows.push({ table: null as unknown as CTable, kind: 'indicator', label: x.name, sasaran: spec.sasaran[s.sasaran]!, satuan: s.t.satuan, fields: { target, realisasi, capaian, predikat }, items: rowItems(cells) });
      return { label: x.name, cells };
    });
    if (spec.rataRata) {
      const m = roundTo(ind.reduce((a, x) => a + x.capaianValue, 0) / ind.length, 2);
      mean = P(pct(m, 2), m, 2, { table: null, row: 'Rata-rata', column: 'Capaian (%)' }, (val) => pct(val, 2));
      facts.means.push({ label: 'Rata-rata capaian', mean, parts: ind.map((x) => x.cap.capaian) });
      const capIdx = (hasNo ? 1 : 0) + 3 + (v === 'prevYear' ? 1 : 0) + 2;
      const nCols = (hasNo ? 1 : 0) + 3 + nNum + (hasPred ? 1 : 0);
      const empty = (n: number): CCell[] => Array.from({ length: n }, () => ({ content: [] as Inline[] }));
      rows.push({ label: 'Rata-rata', bold: true, cells: [{ content: [vocab(['Rata-rata Capaian Kinerja', 'Rata-rata', 'RATA-RATA CAPAIAN'])] }, ...empty(capIdx - 1), cellN(mean), ...empty(nCols - capIdx - 1)] });
      setMates([mean]);
    }
    const t = register({
      id: 'capaian',
      ...caption(3, `Capaian Kinerja ${instansi} Tahun ${Y}`, spec.captionPos.capaian),
      intro: `Hasil pengukuran capaian kinerja ${instansi} Tahun ${Y} disajikan dalam tabel berikut.`,
      style: styleOf('capaian'),
      fontSize: nNum > 4 ? 8 : 9,
      widths: [...leadW, ...Array.from({ length: nNum }, () => 60), ...(hasPred ? [70] : [])],
      align: [...(hasNo ? ['center' as const] : []), 'left', 'left', 'center', ...Array.from({ length: nNum }, () => 'right' as const), ...(hasPred ? ['center' as const] : [])],
      header,
      rows,
      repeatHeader: true,
      kind: 'capaian',
      ...(footnoteAt ? { note: ['*) angka sementara, menunggu data final dari instansi terkait'] } : {}),
    });
    fixModelTable(modelRows, t);
    if (lowerInd.length && declareIn === 'note') t.note = [...(t.note ?? []), ` Catatan: ${pick(ph.POLARITY_SENTENCES, 'polarity')({ names: lowerInd.map((x) => x.name) })}`];
    intro(t.intro);
    blocks.push({ kind: 'table', table: t });
  }
  {
    const style = spec.tableNumbers;
    const t = register({
      id: 'scale',
      ...caption(3, 'Skala Nilai Peringkat Kinerja', spec.captionPos.scale),
      intro: `Predikat capaian ditetapkan berdasarkan skala nilai peringkat kinerja${spec.scale === 'permendagri' ? ' sesuai Permendagri Nomor 86 Tahun 2017' : ' yang ditetapkan dalam Renstra'} sebagaimana berikut.`,
      style: styleOf('other'),
      fontSize: 9,
      widths: [40, 220, 220],
      align: ['center', 'center', 'center'],
      header: [[{ text: 'No' }, { text: 'Interval Nilai Capaian (%)' }, { text: 'Kriteria Penilaian' }]],
      rows: scale.map((b, i) => ({ label: b.label, cells: [{ content: [`${i + 1}`] }, { content: [scaleRowText(b, style)] }, { content: [b.label] }] })),
      repeatHeader: false,
      kind: 'scale',
    });
    intro(t.intro);
    blocks.push({ kind: 'table', table: t });
  }
  // ---- comparison table over three years -------------------------------------------------------------
  {
    const rows: CRow[] = ind.map((x, k) => {
      const s = x.spec;
      const w = (column: string): Where => ({ table: null, row: x.name, column });
      const f = (val: number): string => num(val, s.realDec);
      const prev2 = s.prev2 === null ? P(spec.noValue, null, 0, w(`Realisasi ${Y - 2}`)) : P(f(s.prev2), s.prev2, s.realDec, w(`Realisasi ${Y - 2}`), f);
      const prev = P(f(s.prev), s.prev, s.realDec, w(`Realisasi ${Y - 1}`), f);
      const cur = P(f(s.realisasi), s.realisasi, s.realDec, w(`Realisasi ${Y}`), f);
      x.cmp = { prev2, prev, cur };
      const cells: CCell[] = [...(hasNo ? [{ content: [numbering(k)], align: 'center' as const }] : []), { content: [x.name] }, { content: [s.t.satuan], align: 'center' }, cellN(prev2), cellN(prev), cellN(cur)];
      setMates(rowItems(cells).filter((p) => p.value !== null));
      if (s.prev2 === null) protectedItems.add(prev2);
      modelRows.push({ table: null as unknown as CTable, kind: 'indicator', label: x.name, satuan: s.t.satuan, fields: { realisasi: cur }, items: [prev, cur] });
      return { label: x.name, cells };
    });
    const two = r.next() < 0.5;
    const t = register({
      id: 'compare',
      ...caption(3, `Perbandingan Realisasi Kinerja Tahun ${Y - 2} s.d. ${Y}`, spec.captionPos.compare),
      intro: `Perbandingan realisasi kinerja Tahun ${Y} dengan tahun-tahun sebelumnya disajikan pada tabel berikut.`,
      style: styleOf('compare'),
      fontSize: 9,
      widths: [...(hasNo ? [30] : []), 260, 80, 90, 90, 90],
      align: [...(hasNo ? ['center' as const] : []), 'left', 'center', 'right', 'right', 'right'],
      header: two
        ? [
            [...(hasNo ? [{ text: 'No', rowspan: 2 }] : []), { text: 'Indikator Kinerja', rowspan: 2 }, { text: 'Satuan', rowspan: 2 }, { text: 'Realisasi', colspan: 3 }],
            [{ text: `${Y - 2}` }, { text: `${Y - 1}` }, { text: `${Y}` }],
          ]
        : [[...(hasNo ? [{ text: 'No' }] : []), { text: 'Indikator Kinerja' }, { text: 'Satuan' }, { text: `Realisasi ${Y - 2}` }, { text: `Realisasi ${Y - 1}` }, { text: `Realisasi ${Y}` }]],
      rows,
      repeatHeader: true,
      kind: 'compare',
    });
    fixModelTable(modelRows, t);
    intro(t.intro);
    blocks.push({ kind: 'table', table: t });
  }

  // ---- analysis paragraphs ------------------------------------------------------------------------
  blocks.push({ kind: 'h', text: 'B. Analisis Capaian Kinerja' });
  const trendVocab = pick(ph.TREND_WORDS, 'trendWords');
  const cmpVocab = pick(ph.COMPARISON_WORDS, 'compareWords');
  ind.forEach((x, k) => {
    const s = x.spec;
    if (!s.analysis) return;
    const unit = s.t.satuan === '%' ? '%' : '';
    const f = (val: number): string => `${num(val, s.realDec, pStyle)}${unit}`;
    const w0: Where = { table: null, row: x.name, column: null };
    blocks.push({ kind: 'p', parts: [`${k + 1}. ${x.name}`] });
    const aCap = P(`${num(x.capaianValue, s.capDec, pStyle)}%`, x.capaianValue, s.capDec, w0, (val) => `${num(val, s.capDec, pStyle)}%`);
    const aPred = P(x.predikatText, null, 0, w0);
    const predParts = pick(ph.PREDIKAT_SENTENCES, 'predikat', k)({ subject: x.name, capaian: aCap, predikat: aPred, year: Y });
    for (const it of [aCap, aPred]) it.paragraph = predParts;
    x.analysis = { capaian: aCap, predikat: aPred };
    facts.predikat.push({ label: x.name, capaian: aCap, predikat: aPred });
    blocks.push({ kind: 'p', indent: true, parts: predParts });
    const up = s.realisasi > s.prev ? 1 : -1;
    const word = P(up > 0 ? trendVocab.up : trendVocab.down, up, 0, w0, (val) => (val > 0 ? trendVocab.up : trendVocab.down));
    const from = P(f(s.prev), s.prev, s.realDec, w0, f);
    const to = P(f(s.realisasi), s.realisasi, s.realDec, w0, f);
    const trendParts = pick(ph.TREND_SENTENCES, 'trendWords', k)({ subject: x.name, word, from, to, fromYear: Y - 1, year: Y });
    for (const it of [word, from, to]) it.paragraph = trendParts;
    x.trend = { word, from, to };
    facts.trend.push({ word, from, to });
    blocks.push({ kind: 'p', indent: true, parts: trendParts });
    if (s.reference) {
      const above = s.realisasi > s.reference.value ? 1 : -1;
      const cw = P(above > 0 ? cmpVocab.above : cmpVocab.below, above, 0, w0, (val) => (val > 0 ? cmpVocab.above : cmpVocab.below));
      const ours = P(f(s.realisasi), s.realisasi, s.realDec, w0, f);
      const other = P(f(s.reference.value), s.reference.value, s.realDec, w0, f);
      const parts = pick(ph.COMPARISON_SENTENCES, 'compareWords', k)({ subject: x.name, ours, word: cw, other, reference: s.reference.name, year: Y });
      for (const it of [cw, ours, other]) it.paragraph = parts;
      x.comparison = { word: cw, ours, other };
      facts.compare.push({ word: cw, ours, other });
      blocks.push({ kind: 'p', indent: true, parts });
    }
    if (s.t.lower && declareIn === 'analysis') blocks.push({ kind: 'p', indent: true, parts: [pick(ph.POLARITY_SENTENCES, 'polarity', k)({ names: [x.name] })] });
  });

  // ---- efficiency ---------------------------------------------------------------------------------
  blocks.push({ kind: 'h', text: 'C. Efisiensi Penggunaan Sumber Daya' });
  {
    const rows: CRow[] = [];
    for (const x of ind) {
      const s = x.spec;
      if (!s.efisiensi) continue;
      const prog = programs[s.program];
      if (!prog) continue;
      const sp = progPersen(prog);
      const e = roundTo(x.capaianValue / sp, 2);
      if (x.capaianValue >= sp !== e >= 1 || Math.abs(x.capaianValue / sp - 1) < 0.006) continue;
      const w = (column: string): Where => ({ table: null, row: x.name, column });
      const c = P(pct(x.capaianValue, s.capDec), x.capaianValue, s.capDec, w('Capaian Kinerja (%)'), (val) => pct(val, s.capDec));
      const spP = P(pct(sp, 2), sp, 2, w('Penyerapan Anggaran (%)'), (val) => pct(val, 2));
      const ep = P(num(e, 2), e, 2, w('Tingkat Efisiensi'), (val) => num(val, 2));
      setMates([c, spP, ep]);
      x.eff = { capaian: c, serapan: spP, efisiensi: ep };
      facts.efisiensi.push({ stated: ep, capaian: c, serapan: spP });
      modelRows.push({ table: null as unknown as CTable, kind: 'indicator', label: x.name, fields: { capaian: c }, items: [c, spP, ep] });
      rows.push({ label: x.name, cells: [...(hasNo ? [{ content: [numbering(rows.length)], align: 'center' as const }] : []), { content: [x.name] }, cellN(c), cellN(spP), cellN(ep), { content: [x.capaianValue >= sp ? 'Efisien' : 'Kurang Efisien'], align: 'center' }] });
    }
    if (rows.length) {
      const t = register({
        id: 'efisiensi',
        ...caption(3, 'Efisiensi Penggunaan Sumber Daya', spec.captionPos.efisiensi),
        intro: 'Efisiensi diukur dengan membandingkan persentase capaian kinerja dengan persentase penyerapan anggaran program yang mendukungnya.',
        style: styleOf('other'),
        fontSize: 9,
        widths: [...(hasNo ? [30] : []), 230, 90, 100, 80, 90],
        align: [...(hasNo ? ['center' as const] : []), 'left', 'right', 'right', 'right', 'center'],
        header: [[...(hasNo ? [{ text: 'No' }] : []), { text: 'Indikator Kinerja' }, { text: 'Capaian Kinerja (%)' }, { text: 'Penyerapan Anggaran (%)' }, { text: 'Tingkat Efisiensi' }, { text: 'Keterangan' }]],
        rows,
        repeatHeader: true,
        kind: 'efisiensi',
      });
      fixModelTable(modelRows, t);
      intro(t.intro);
      blocks.push({ kind: 'table', table: t });
    }
  }
  const meanCap = roundTo(ind.reduce((a, x) => a + x.capaianValue, 0) / ind.length, 2);
  let effValue = roundTo(meanCap / totalPersen, 2);
  if (meanCap >= totalPersen !== effValue >= 1) effValue = meanCap >= totalPersen ? 1 : 0.99;
  const effStated = P(num(effValue, 2, pStyle), effValue, 2, where('efisiensi'), (val) => num(val, 2, pStyle));
  const effC = P(`${num(meanCap, 2, pStyle)}%`, meanCap, 2, where('efisiensi'), (val) => `${num(val, 2, pStyle)}%`);
  const effS = P(`${num(totalPersen, 2, pStyle)}%`, totalPersen, 2, where('efisiensi'), (val) => `${num(val, 2, pStyle)}%`);
  facts.efisiensi.push({ stated: effStated, capaian: effC, serapan: effS });
  const effParts = pick(ph.EFFICIENCY_SENTENCES, 'efficiency')({ stated: effStated, capaian: effC, serapan: effS, label: effValue >= 1 ? 'efisien' : 'kurang efisien', year: Y });
  for (const x of [effStated, effC, effS]) x.paragraph = effParts;
  blocks.push({ kind: 'p', indent: true, parts: effParts });
  if (mean) cross('mean-capaian', mean, effC);

  // ---- budget realisation -------------------------------------------------------------------------
  blocks.push({ kind: 'h', text: 'D. Realisasi Anggaran' });
  const realTotalProse = proseMoney(totalReal, 'realisasi anggaran');
  const realWords = P(terbilang(totalReal, wordOpts), totalReal, 0, where('realisasi anggaran (terbilang)'));
  const persenProse = P(`${num(totalPersen, 2, pStyle)}%`, totalPersen, 2, where('realisasi anggaran'), (val) => `${num(val, 2, pStyle)}%`);
  facts.terbilang.push({ digits: realTotalProse, words: realWords });
  const realParts = pick(ph.REALISASI_SENTENCES, 'realisasi')({ instansi, year: Y, digits: realTotalProse, words: realWords, persen: persenProse });
  for (const x of [realTotalProse, realWords, persenProse]) x.paragraph = realParts;
  blocks.push({ kind: 'p', indent: true, parts: realParts });
  if (spec.landscapeBudget) blocks.push({ kind: 'part', orientation: 'landscape' });

  const { table: budgetTable, total } = buildBudgetTable();
  intro(budgetTable.intro);
  blocks.push({ kind: 'table', table: budgetTable, breakBefore: spec.landscapeBudget });
  if (spec.landscapeBudget) blocks.push({ kind: 'part', orientation: 'portrait' });

  function buildBudgetTable(): { table: CTable; total: Built['total'] } {
    const rev = spec.budgetRevised;
    const numberingMode = spec.budgetNumbering;
    const labels = {
      pagu: vocab(['Pagu (Rp)', 'Anggaran (Rp)', 'Alokasi (Rp)']),
      awal: vocab(['Pagu Awal (Rp)', 'Anggaran Murni (Rp)', 'Sebelum Perubahan']),
      perubahan: vocab(['Pagu Perubahan (Rp)', 'Anggaran Perubahan (Rp)', 'Setelah Perubahan']),
      real: vocab(['Realisasi (Rp)', 'Realisasi Anggaran (Rp)']),
      pct: vocab(['%', 'Capaian (%)', 'Serapan (%)', '% Realisasi']),
      sisa: vocab(['Sisa (Rp)', 'Sisa Anggaran (Rp)', 'Selisih (Rp)']),
    };
    const lead: HeaderCell[] = numberingMode === 'codes' ? [{ text: 'Kode' }, { text: 'Program/Kegiatan/Sub Kegiatan' }] : numberingMode === 'none' ? [{ text: 'Uraian' }] : [{ text: 'No' }, { text: 'Program/Kegiatan/Sub Kegiatan' }];
    const two = spec.budgetHeaderRows === 2;
    const header: HeaderCell[][] = [];
    if (!two) header.push([...lead, ...(rev ? [{ text: labels.awal }, { text: labels.perubahan }] : [{ text: labels.pagu }]), { text: labels.real }, { text: labels.pct }, { text: labels.sisa }]);
    else if (rev) {
      header.push([...lead.map((c) => ({ ...c, rowspan: 2 })), { text: 'Pagu Anggaran (Rp)', colspan: 2 }, { text: labels.real, rowspan: 2 }, { text: labels.pct, rowspan: 2 }, { text: labels.sisa, rowspan: 2 }]);
      header.push([{ text: 'Murni' }, { text: 'Perubahan' }]);
    } else {
      header.push([...lead.map((c) => ({ ...c, rowspan: 2 })), { text: 'Anggaran (Rp)', colspan: 2 }, { text: labels.pct, rowspan: 2 }, { text: labels.sisa, rowspan: 2 }]);
      header.push([{ text: 'Pagu' }, { text: 'Realisasi' }]);
    }
    const rows: CRow[] = [];
    const colName = { pagu: rev ? labels.perubahan : labels.pagu, real: labels.real, pct: labels.pct, sisa: labels.sisa };
    const bw = (row: string, column: string): Where => ({ table: null, row, column });
    const nums: number[] = [0, 0, 0];
    const printNode = (n: BNode): void => {
      const lvl = n.level === 'program' ? 0 : n.level === 'kegiatan' ? 1 : 2;
      nums[lvl]!++;
      for (let i = lvl + 1; i < 3; i++) nums[i] = 0;
      let number: string | null = null;
      if (numberingMode === 'roman') number = lvl === 0 ? ROMAN[nums[0]! - 1]! : lvl === 1 ? `${nums[1]}.` : `${ALPHA[(nums[2]! - 1) % 26]}.`;
      if (numberingMode === 'decimal') number = nums.slice(0, lvl + 1).join('.');
      const label = n.name;
      const code = numberingMode === 'codes' ? P(n.code, null, 0, bw(label, 'Kode')) : null;
      const awal = rev ? moneyP(n.paguAwal, bw(label, labels.awal), bMoneyF) : null;
      const pagu = moneyP(n.pagu, bw(label, colName.pagu), bMoneyF);
      const real = moneyP(n.realisasi, bw(label, colName.real), bMoneyF);
      const pv = roundTo((n.realisasi / n.pagu) * 100, 2);
      const persen = P(num(pv, 2, bStyle), pv, 2, bw(label, colName.pct), (val) => num(val, 2, bStyle));
      const sisa = moneyP(n.pagu - n.realisasi, bw(label, colName.sisa), bMoneyF);
      n.cells = { code, number, awal, pagu, realisasi: real, persen, sisa };
      facts.serapan.push({ label, pagu, realisasi: real, persen });
      facts.sisa.push({ label, pagu, realisasi: real, sisa });
      if (code) facts.codes.push({ code, parent: n.parent?.cells?.code ?? null, level: n.level === 'sub_kegiatan' ? 'sub' : n.level });
      const leadCells: CCell[] = numberingMode === 'codes' ? [{ content: [code!], nowrap: true }, { content: [label] }] : numberingMode === 'none' ? [{ content: [label] }] : [{ content: [number!], align: 'center' }, { content: [label] }];
      const cells: CCell[] = [...leadCells, ...(awal ? [cellN(awal)] : []), cellN(pagu), cellN(real), cellN(persen), cellN(sisa)];
      setMates(rowItems(cells));
      rows.push({ label, bold: n.level === 'program', cells });
      modelRows.push({ table: null as unknown as CTable, kind: 'budget', label, level: n.level, fields: { kode: code, pagu, realisasi: real, persen, sisa }, items: rowItems(cells) });
      for (const c of n.children) printNode(c);
      if (n.children.length) {
        for (const col of ['pagu', 'realisasi', 'sisa'] as const) facts.sums.push({ check: 'sum-hierarchy', label: `${n.name} (${col})`, total: n.cells[col], parts: n.children.map((c) => c.cells![col]) });
        if (awal) facts.sums.push({ check: 'sum-hierarchy', label: `${n.name} (pagu awal)`, total: awal, parts: n.children.map((c) => c.cells!.awal!) });
      }
    };
    for (const p of programs) printNode(p);
    const totalLabel = vocab(['JUMLAH', 'TOTAL', 'Jumlah Total', 'J U M L A H']);
    const total = {
      awal: rev ? moneyP(totalAwal, bw('JUMLAH', labels.awal), bMoneyF) : null,
      pagu: moneyP(totalPagu, bw('JUMLAH', colName.pagu), bMoneyF),
      realisasi: moneyP(totalReal, bw('JUMLAH', colName.real), bMoneyF),
      persen: P(num(totalPersen, 2, bStyle), totalPersen, 2, bw('JUMLAH', colName.pct), (val) => num(val, 2, bStyle)),
      sisa: moneyP(totalPagu - totalReal, bw('JUMLAH', colName.sisa), bMoneyF),
    };
    const tItems = [total.awal, total.pagu, total.realisasi, total.persen, total.sisa].filter((x): x is Printed => Boolean(x));
    setMates(tItems);
    const leadEmpty: CCell[] = numberingMode === 'none' ? [{ content: [totalLabel] }] : [{ content: [''] }, { content: [totalLabel] }];
    rows.push({ label: 'JUMLAH', bold: true, cells: [...leadEmpty, ...tItems.map(cellN)] });
    modelRows.push({ table: null as unknown as CTable, kind: 'budget', label: 'JUMLAH', level: 'total', fields: { kode: null, pagu: total.pagu, realisasi: total.realisasi, persen: total.persen, sisa: total.sisa }, items: tItems });
    facts.serapan.push({ label: 'JUMLAH', pagu: total.pagu, realisasi: total.realisasi, persen: total.persen });
    facts.sisa.push({ label: 'JUMLAH', pagu: total.pagu, realisasi: total.realisasi, sisa: total.sisa });
    for (const col of ['pagu', 'realisasi', 'sisa'] as const) facts.sums.push({ check: 'sum-rows', label: `JUMLAH (${col})`, total: total[col], parts: programs.map((p) => p.cells![col]) });
    if (total.awal) facts.sums.push({ check: 'sum-rows', label: 'JUMLAH (pagu awal)', total: total.awal, parts: programs.map((p) => p.cells!.awal!) });
    const landscape = spec.landscapeBudget;
    const leadW = numberingMode === 'codes' ? (landscape ? [140, 360] : [110, 170]) : numberingMode === 'none' ? [landscape ? 420 : 250] : landscape ? [40, 420] : [34, 240];
    const moneyW = landscape ? 120 : 95;
    const nMoney = rev ? 4 : 3;
    const splitMode = spec.budgetSplit;
    const splitAt = Math.max(3, Math.floor(rows.length * r.float(0.35, 0.6)));
    const t = register({
      id: 'budget',
      ...caption(3, `Realisasi Anggaran ${instansi} Tahun ${Y}`, spec.captionPos.budget),
      intro: `Rincian realisasi anggaran per program, kegiatan dan sub kegiatan Tahun ${Y} adalah sebagai berikut.`,
      style: styleOf('budget'),
      fontSize: landscape ? 9 : rev ? 7 : 8,
      widths: [...leadW, ...(rev ? [moneyW] : []), moneyW, moneyW, 46, moneyW],
      align: [...leadW.map((_, i) => (numberingMode !== 'codes' && numberingMode !== 'none' && i === 0 ? ('center' as const) : ('left' as const))), ...Array.from({ length: nMoney + 1 }, () => 'right' as const)],
      header,
      rows,
      repeatHeader: splitMode === 'repeat',
      ...(splitMode.startsWith('lanjutan') ? { split: { after: splitAt, label: vocab(['Lanjutan', 'lanjutan tabel', '(Lanjutan)']), header: splitMode === 'lanjutan-header' } } : {}),
      kind: 'budget',
      ...(spec.scan?.what === 'budget' ? { scan: true } : {}),
    });
    fixModelTable(modelRows, t);
    return { table: t, total };
  }

  let belanja: Built['belanja'] = null;
  if (spec.belanjaTable) {
    const rows: CRow[] = [];
    const mk = (label: string, pagu: number, real: number): Printed[] => {
      const w = (column: string): Where => ({ table: null, row: label, column });
      const a = moneyP(pagu, w('Anggaran (Rp)'), tMoneyF);
      const b = moneyP(real, w('Realisasi (Rp)'), tMoneyF);
      const pv = roundTo((real / pagu) * 100, 2);
      const c = P(pct(pv, 2), pv, 2, w('%'), (val) => pct(val, 2));
      setMates([a, b, c]);
      facts.serapan.push({ label, pagu: a, realisasi: b, persen: c });
      rows.push({ label, bold: label === 'JUMLAH', cells: [{ content: [label === 'JUMLAH' ? '' : `${rows.length + 1}`], align: 'center' }, { content: [label] }, cellN(a), cellN(b), cellN(c)] });
      return [a, b, c];
    };
    const op = mk('Belanja Operasi', totalPagu - modalPagu, totalReal - modalReal);
    const mo = mk('Belanja Modal', modalPagu, modalReal);
    const ju = mk('JUMLAH', totalPagu, totalReal);
    belanja = { operasi: op, modal: mo, jumlah: ju };
    facts.sums.push({ check: 'belanja-total', label: 'JUMLAH belanja (anggaran)', total: ju[0]!, parts: [op[0]!, mo[0]!] });
    facts.sums.push({ check: 'belanja-total', label: 'JUMLAH belanja (realisasi)', total: ju[1]!, parts: [op[1]!, mo[1]!] });
    cross('belanja-operasi', operasi, op[0]);
    cross('belanja-modal', modal, mo[0]);
    cross('total-realisasi', ju[1]);
    cross('total-pagu', ju[0]);
    const t = register({
      id: 'belanja',
      ...caption(3, `Realisasi Belanja Menurut Jenis Belanja Tahun ${Y}`, spec.captionPos.belanja),
      intro: 'Realisasi anggaran menurut jenis belanja disajikan pada tabel berikut.',
      style: styleOf('other'),
      fontSize: 9,
      widths: [32, 250, 140, 140, 60],
      align: ['center', 'left', 'right', 'right', 'right'],
      header: [[{ text: 'No' }, { text: 'Jenis Belanja' }, { text: 'Anggaran (Rp)' }, { text: 'Realisasi (Rp)' }, { text: '%' }]],
      rows,
      repeatHeader: false,
      kind: 'belanja',
    });
    intro(t.intro);
    blocks.push({ kind: 'table', table: t });
  }

  // ---- BAB IV and Lampiran -----------------------------------------------------------------------
  blocks.push({ kind: 'h', text: 'BAB IV PENUTUP', breakBefore: true, center: true });
  blocks.push({ kind: 'p', indent: true, parts: [`Laporan Kinerja ini menggambarkan capaian kinerja ${instansi} selama Tahun ${Y}. Capaian yang belum optimal akan ditindaklanjuti melalui perbaikan perencanaan dan penguatan pemantauan pelaksanaan kegiatan.`] });
  blocks.push({ kind: 'p', parts: [`${spec.place}, Februari ${Y + 1}`] });
  blocks.push({ kind: 'p', parts: [spec.head] });
  const wantLampiranCapaian = spec.scan?.what === 'lampiran' || r.next() < 0.5;
  if (wantLampiranCapaian) {
    lampiranNo++;
    const sheet = spec.sheetAttachment;
    if (sheet) blocks.push({ kind: 'part', orientation: 'landscape', sheet: true });
    const rows: CRow[] = ind.map((x, k) => {
      const s = x.spec;
      const w = (column: string): Where => ({ table: null, row: x.name, column });
      const target = P(targetText(s, true), targetValue(s), s.targetDec, w('Target'));
      const realisasi = P(num(s.realisasi, s.realDec), s.realisasi, s.realDec, w('Realisasi'), (val) => num(val, s.realDec));
      const capaian = P(pct(x.capaianValue, s.capDec), x.capaianValue, s.capDec, w('Capaian (%)'), (val) => pct(val, s.capDec));
      setMates([target, realisasi, capaian]);
      x.lamp = { target, realisasi, capaian };
      const cells: CCell[] = [{ content: [`${k + 1}`], align: 'center' }, sasaranCell(k, ind), { content: [x.name] }, cellN(target), cellN(realisasi), cellN(capaian)];
      modelRows.push({ table: null as unknown as CTable, kind: 'indicator', label: x.name, sasaran: spec.sasaran[s.sasaran]!, fields: { target, realisasi, capaian }, items: [target, realisasi, capaian] });
      return { label: x.name, cells };
    });
    const title = `Lampiran ${lampiranNo}. Pengukuran Kinerja ${instansi} Tahun ${Y}`;
    const t = register({
      id: 'lampiran-capaian',
      caption: title,
      captionPos: 'above',
      intro: `Pengukuran kinerja sasaran strategis dan indikator kinerja utama Tahun ${Y}:`,
      style: sheet ? 'sheet' : 'grid',
      fontSize: sheet ? 7 : 10,
      widths: [30, 170, 230, 80, 70, 70],
      align: ['center', 'left', 'left', 'right', 'right', 'right'],
      header: [[{ text: 'No' }, { text: 'Sasaran Strategis' }, { text: 'Indikator Kinerja' }, { text: 'Target' }, { text: 'Realisasi' }, { text: 'Capaian (%)' }]],
      rows,
      repeatHeader: true,
      kind: 'lampiran-capaian',
      ...(spec.scan?.what === 'lampiran' ? { scan: true } : {}),
    });
    fixModelTable(modelRows, t);
    blocks.push({ kind: 'h', text: 'LAMPIRAN', breakBefore: !sheet, center: true });
    intro(t.intro);
    blocks.push({ kind: 'table', table: t });
    blocks.push({ kind: 'p', parts: [`${spec.place}, Februari ${Y + 1}`] });
    blocks.push({ kind: 'p', parts: [spec.head] });
    if (sheet) blocks.push({ kind: 'part', orientation: 'portrait' });
  }
  if (spec.sheetAttachment) {
    // A spreadsheet printed as an attachment: the budget lines again, landscape, tiny font, gridlines.
    lampiranNo++;
    blocks.push({ kind: 'part', orientation: 'landscape', sheet: true });
    const rows: CRow[] = [];
    const walk = (n: BNode): void => {
      const w = (column: string): Where => ({ table: null, row: n.name, column });
      const pagu = moneyP(n.pagu, w('Pagu'), { ...bMoneyF, prefix: '', suffix: '' });
      const real = moneyP(n.realisasi, w('Realisasi'), { ...bMoneyF, prefix: '', suffix: '' });
      setMates([pagu, real]);
      n.lamp = { pagu, realisasi: real };
      rows.push({ label: n.name, bold: n.level === 'program', cells: [{ content: [n.code], nowrap: true }, { content: [n.name] }, cellN(pagu), cellN(real)] });
      modelRows.push({ table: null as unknown as CTable, kind: 'budget', label: n.name, level: n.level, fields: { kode: null, pagu, realisasi: real }, items: [pagu, real] });
      for (const c of n.children) walk(c);
    };
    for (const p of programs) walk(p);
    const t = register({
      id: 'lampiran-budget',
      caption: `Lampiran ${lampiranNo}. Realisasi Program, Kegiatan dan Sub Kegiatan Tahun ${Y}`,
      captionPos: 'above',
      intro: `Data realisasi program, kegiatan dan sub kegiatan per ${vocab(['31 Desember', 'akhir tahun anggaran'])} ${Y}:`,
      style: 'sheet',
      fontSize: 6.5,
      widths: [130, 520, 130, 130],
      align: ['left', 'left', 'right', 'right'],
      header: [[{ text: 'Kode Rekening' }, { text: 'Uraian' }, { text: 'Pagu' }, { text: 'Realisasi' }]],
      rows,
      repeatHeader: true,
      kind: 'lampiran-budget',
    });
    fixModelTable(modelRows, t);
    intro(t.intro);
    blocks.push({ kind: 'table', table: t });
    blocks.push({ kind: 'part', orientation: 'portrait' });
    for (const n of [...programs, ...programs.flatMap((p) => p.children), ...allSubs]) {
      cross(`lamp:${n.code}:pagu`, n.cells!.pagu, n.lamp!.pagu);
      cross(`lamp:${n.code}:realisasi`, n.cells!.realisasi, n.lamp!.realisasi);
    }
  }

  // ---- cross facts ------------------------------------------------------------------------------
  for (const x of ind) {
    const key = (f: string): string => `${x.name}:${f}`;
    cross(key('target'), x.pk?.target, x.cap.target, x.lamp?.target);
    cross(key('realisasi'), x.cap.realisasi, x.cmp?.cur, x.trend?.to, x.lamp?.realisasi, x.comparison?.ours);
    cross(key('capaian'), x.cap.capaian, x.eff?.capaian, x.lamp?.capaian, x.analysis?.capaian);
    cross(key('prev'), x.cmp?.prev, x.cap.prev, x.trend?.from);
    const range = Array.isArray(x.spec.target) ? { range: x.spec.target } : {};
    facts.capaian.push({ label: x.name, formula: x.formula, ...range, target: x.cap.target, realisasi: x.cap.realisasi, capaian: x.cap.capaian });
    if (x.lamp) facts.capaian.push({ label: `${x.name} (lampiran)`, formula: x.formula, ...range, target: x.lamp.target, realisasi: x.lamp.realisasi, capaian: x.lamp.capaian });
    if (x.cap.predikat) facts.predikat.push({ label: x.name, capaian: x.cap.capaian, predikat: x.cap.predikat });
    if (x.eff) cross(`program:${programs[x.spec.program]!.code}:persen`, programs[x.spec.program]!.cells!.persen, x.eff.serapan);
  }
  for (const p of programs) cross(`program:${p.code}:pagu`, p.cells!.pagu, p.pk);
  cross('total-pagu', anggaran, pkTotal, total.pagu);
  cross('total-realisasi', realTotalProse, total.realisasi);
  cross('total-persen', persenProse, effS, total.persen);
  // Cross facts with fewer than two copies say nothing.
  facts.cross = facts.cross.filter((c) => c.cells.length > 1);

  const layout = {
    producer: spec.producer,
    font: spec.font,
    tableStyles: spec.tableStyles,
    numberStyle: spec.tableNumbers === spec.proseNumbers && spec.tableNumbers === spec.budgetNumbers ? spec.tableNumbers : 'mixed',
    money: `${spec.tableMoney.prefix}…${spec.tableMoney.suffix}`,
    pctSign: spec.pctSign,
    negatives: spec.negatives,
    captions: spec.captionPos,
    captionNumbering: spec.captionNumbering,
    capaianHeaderRows: spec.capaianHeaderRows,
    capaianColumns: spec.capaianColumns,
    rataRata: spec.rataRata,
    budgetHeaderRows: spec.budgetHeaderRows,
    budgetRevised: spec.budgetRevised,
    budgetNumbering: spec.budgetNumbering,
    rowNumbering: spec.rowNumbering,
    budgetSplit: spec.budgetSplit,
    landscapeBudget: spec.landscapeBudget,
    sheetAttachment: spec.sheetAttachment,
    subtotalSasaran: spec.subtotalSasaran,
    lowerFormula: spec.lowerFormula,
    polarityDeclared: lowerInd.length ? declareIn : null,
    scale: spec.scale,
    pkRevised: spec.pkRevised,
    footnote: spec.footnote,
  };
  const firstRow = programs[0]!.cells!.pagu;
  return {
    spec,
    instansi,
    blocks,
    facts,
    scale,
    programs,
    total,
    pkTotal,
    pkSubtotals,
    ind,
    prose: { anggaran, anggaranWords, realisasiTotal: realTotalProse, realisasiWords: realWords, persen: persenProse, operasi, modal, counts: { program: cProg, kegiatan: cKeg, sub: cSub, indikator: indikatorCount }, revisions, periodYear, office: officeP, coordination, eff: { stated: effStated, capaian: effC, serapan: effS } },
    belanja,
    mean,
    tables,
    tableOf,
    modelRows,
    spansPages: [[firstRow, total.pagu]],
    layout,
    protectedItems,
  };
}

function g(groups: number[], i: number): number {
  return groups[i]!;
}

/** Model rows pushed before their table existed get it now. */
function fixModelTable(rows: ModelRow[], t: CTable): void {
  for (const m of rows) if (!m.table) m.table = t;
}

/** Capaian interval helper re-exported for plants. */
export { capaianInterval };

/** `PROGRAM PENUNJANG URUSAN …` → `Program Penunjang Urusan …`. */
export function titleCase(s: string): string {
  const small = new Set(['dan', 'di', 'untuk', 'serta', 'pada', 'dalam', 'yang', 'atau']);
  return s
    .toLowerCase()
    .split(' ')
    .map((w, i) => (i > 0 && small.has(w) ? w : w.replace(/^(\(?)(\p{L})/u, (_m, a: string, c: string) => a + c.toUpperCase())))
    .join(' ')
    .replace(/\b(Sda|Spam|Llaj|Ukm|Ukp|Asn|Skpd|Paud|Dprd|Rsud|Bpbd)\b/g, (m) => m.toUpperCase());
}
