/**
 * Builds one synthetic LKjIP from its spec: a budget tree with consistent amounts, indicators with
 * capaian and predikat computed from the printed operands, and the tables and prose a real report
 * prints them in (cover, Kata Pengantar, Ringkasan Eksekutif, BAB I–IV, optional Lampiran). Every
 * figure that appears twice is registered as a cross-table fact, every derived figure as a formula
 * fact, so the verifier knows what must agree.
 */
import type { Block, Cell, Column, Facts, Formula, Inline, Printed, Row, TableBlock, TableStyle, Where } from './doc.js';
import { emptyFacts, printed } from './doc.js';
import { OFFICES, type OfficeKey } from './content.js';
import { fmtMoney, fmtNum, roundTo, terbilang, type MoneyFormat, type Style, type WordsOptions } from './numbers.js';
import type { Rng } from './rng.js';
import { bandOf, rangeTarget, type ScaleBand } from './verify.js';

export const TAHUN = 2023;

export interface IndicatorSpec {
  /** Index into `DocSpec.sasaran`; indicators of one sasaran must be consecutive. */
  sasaran: number;
  name: string;
  /** `%`, `nilai`, `per 100.000 KH`, `level`… */
  satuan: string;
  /** Lower is better (the report's declared formula applies). */
  lower?: boolean;
  /** A number, or a range [a, b] printed `a s.d. b`. */
  target: number | [number, number];
  targetDec?: number;
  realisasi: number;
  realDec: number;
  /** Decimals of the printed capaian (default 2). */
  capDec?: number;
  /** Realisasi 2022 and 2021. */
  prev: number;
  prev2: number;
  /** Index of the program that funds it (for the efficiency table). */
  program: number;
  efisiensi?: boolean;
  /** Print an analysis paragraph with a trend sentence. */
  analysis?: boolean;
}

export interface DocSpec {
  id: string;
  seed: number;
  office: OfficeKey;
  /** Overrides the office name (kecamatan names vary). */
  instansi?: string;
  /** `Kabupaten Sungai Harapan`, `Kota Batu Permai`. */
  pemda: string;
  /** Place and date line of the signature. */
  place: string;
  head: string;
  nip: string;
  style: Style;
  tableStyle: TableStyle;
  budgetStyle?: TableStyle;
  proseMoney: MoneyFormat;
  tableMoney: MoneyFormat;
  /** Print `%` after percentages in table cells. */
  pctSign: boolean;
  landscapeBudget: boolean;
  /** The formula the report declares for lower-is-better indicators. */
  formula: Exclude<Formula, 'ratio'>;
  formulaText: string;
  scale: 'permendagri' | 'berhasil';
  /** Sub-kegiatan codes printed with 4 digits (`0001`) or 2 (`01`). */
  subDigits: 2 | 4;
  words: WordsOptions;
  sasaran: string[];
  indicators: IndicatorSpec[];
  /** Share of sub-kegiatan left out of the office's full list (at least one kept per kegiatan). */
  dropSubs: number;
  /** Another office the text mentions legitimately (coordination). */
  coordination?: string;
  belanjaTable: boolean;
  lampiran: boolean;
  /** Sub-kegiatan (program, kegiatan, sub indices) whose realisasi is 104,50% of its pagu. */
  overPagu?: [number, number, number];
  budgetFont?: number;
}

export interface BNode {
  level: 'program' | 'kegiatan' | 'sub';
  code: string;
  name: string;
  pagu: number;
  realisasi: number;
  children: BNode[];
  cells?: { code: Printed; pagu: Printed; realisasi: Printed; persen: Printed; sisa: Printed };
  /** The program's budget in the PK program table. */
  pk?: Printed;
}

export interface IndicatorCells {
  spec: IndicatorSpec;
  formula: Formula;
  capaianValue: number;
  predikatText: string;
  pk: { target: Printed };
  cap: { target: Printed; realisasi: Printed; capaian: Printed; predikat: Printed };
  cmp: { prev2: Printed; prev: Printed; cur: Printed };
  eff?: { capaian: Printed; serapan: Printed; efisiensi: Printed };
  lamp?: { target: Printed; realisasi: Printed; capaian: Printed };
  trend?: { word: Printed; from: Printed; to: Printed; year: Printed };
  analysis?: { target: Printed; realisasi: Printed; capaian: Printed; predikat: Printed };
}

export interface TrapItem {
  check: string;
  at: Printed;
  expected: string;
  formula: string;
  why_not: string;
}

export interface Built {
  spec: DocSpec;
  instansi: string;
  blocks: Block[];
  facts: Facts;
  scale: ScaleBand[];
  programs: BNode[];
  total: { pagu: Printed; realisasi: Printed; persen: Printed; sisa: Printed; label: string };
  pkTotal: Printed;
  ind: IndicatorCells[];
  prose: {
    anggaran: Printed;
    anggaranWords: Printed;
    realisasiTotal: Printed;
    realisasiWords: Printed;
    operasi: Printed;
    modal: Printed;
    counts: { program: Printed; kegiatan: Printed; sub: Printed; indikator: Printed };
    periodYear: Printed;
    office: Printed;
    coordination?: Printed;
    eff: { stated: Printed; capaian: Printed; serapan: Printed };
  };
  belanja?: { operasi: Printed[]; modal: Printed[]; jumlah: Printed[] };
  /** Captions of the tables, for plants and traps. */
  captions: Record<'pk' | 'pkProgram' | 'capaian' | 'scale' | 'compare' | 'efisiensi' | 'budget' | 'belanja' | 'lampiran', string>;
  /** Page-break checks the renderer output must satisfy: [first row's anchor item, total row item]. */
  spansPages: Array<[Printed, Printed]>;
  /** Text of the caption of the table to scan for the image-only variant. */
  scanCaption?: string;
}

const PERMENDAGRI: ScaleBand[] = [
  { label: 'Sangat Tinggi', min: 91, max: null },
  { label: 'Tinggi', min: 76, max: 90 },
  { label: 'Sedang', min: 66, max: 75 },
  { label: 'Rendah', min: 51, max: 65 },
  { label: 'Sangat Rendah', min: null, max: 50 },
];
const PERMENDAGRI_ROWS = ['≥ 91', '76 ≤ 90', '66 ≤ 75', '51 ≤ 65', '≤ 50'];

const BERHASIL: ScaleBand[] = [
  { label: 'Sangat Berhasil', min: 100, max: null },
  { label: 'Berhasil', min: 85, max: 100, maxExclusive: true },
  { label: 'Cukup Berhasil', min: 70, max: 85, maxExclusive: true },
  { label: 'Tidak Berhasil', min: null, max: 70, maxExclusive: true },
];
const BERHASIL_ROWS = ['≥ 100', '85 ≤ x < 100', '70 ≤ x < 85', '< 70'];

function amountFor(name: string, r: Rng): number {
  const k = (lo: number, hi: number, unit: number): number => Math.round(r.float(lo, hi) / unit) * unit;
  if (/Gaji/.test(name)) return k(2.4e9, 7.6e9, 1000);
  if (/Dana BOS/.test(name)) return k(1.1e9, 3.9e9, 1000);
  if (/Pembangunan|Rekonstruksi|Rehabilitasi (Jalan|Jaringan|Sedang)|Jembatan|SPAM|Irigasi/.test(name)) return k(4.1e8, 3.4e9, 1000);
  if (/Pengadaan/.test(name)) return k(1.4e8, 1.15e9, 1000);
  return k(1.6e7, 4.6e8, 100);
}

function words(n: number): string {
  return terbilang(n);
}

/** `4 (empat)`. */
function countText(n: number): string {
  return `${n} (${words(n)})`;
}

export function build(spec: DocSpec, r: Rng): Built {
  const office = OFFICES[spec.office];
  const instansi = spec.instansi ?? office.name;
  const style = spec.style;
  const facts: Facts = emptyFacts();
  const blocks: Block[] = [];
  const scale = spec.scale === 'permendagri' ? PERMENDAGRI : BERHASIL;
  const scaleRows = spec.scale === 'permendagri' ? PERMENDAGRI_ROWS : BERHASIL_ROWS;
  const kepala = spec.pemda.startsWith('Kota') ? 'Wali Kota' : 'Bupati';
  const pemdaUpper = `PEMERINTAH ${spec.pemda.toUpperCase()}`;

  const num = (v: number, d: number): string => fmtNum(v, d, style);
  const pct = (v: number, d: number): string => `${num(v, d)}${spec.pctSign ? '%' : ''}`;
  const tmoney = (v: number): string => fmtMoney(v, spec.tableMoney);
  const pmoney = (v: number): string => fmtMoney(v, spec.proseMoney);
  const P = (text: string, value: number | null, d: number, where: Where, format?: (v: number) => string): Printed => printed(text, value, d, where, format);
  const moneyP = (v: number, where: Where, prose = false): Printed => {
    const f = prose ? pmoney : tmoney;
    const d = !prose && spec.tableMoney.suffix === ',00' ? 2 : 0;
    return P(f(v), v, d, where, f);
  };
  const cross = (key: string, ...cells: Printed[]): void => {
    const existing = facts.cross.find((c) => c.key === key);
    if (existing) existing.cells.push(...cells);
    else facts.cross.push({ key, cells });
  };

  const cap = {
    pk: `Tabel 2.1 Perjanjian Kinerja ${instansi} Tahun ${TAHUN}`,
    pkProgram: `Tabel 2.2 Program dan Anggaran Perjanjian Kinerja Tahun ${TAHUN}`,
    capaian: `Tabel 3.1 Capaian Kinerja Tahun ${TAHUN}`,
    scale: 'Tabel 3.2 Skala Nilai Peringkat Kinerja',
    compare: 'Tabel 3.3 Perbandingan Realisasi Kinerja Tahun 2021 s.d. 2023',
    efisiensi: 'Tabel 3.4 Efisiensi Penggunaan Sumber Daya',
    budget: `Tabel 3.5 Realisasi Anggaran ${instansi} Tahun ${TAHUN}`,
    belanja: `Tabel 3.6 Realisasi Belanja Menurut Jenis Belanja Tahun ${TAHUN}`,
    lampiran: `Lampiran 1. Pengukuran Kinerja ${instansi} Tahun ${TAHUN}`,
  };

  // ---- budget tree -------------------------------------------------------------------------
  const programs: BNode[] = office.programs.map((p) => {
    const pcode = `${office.bidang}.${p.code}`;
    const kegiatan = p.kegiatan.map((k) => {
      const kcode = `${pcode}.${k.code}`;
      let subs = k.subs.filter(() => r.next() >= spec.dropSubs);
      if (!subs.length) subs = [k.subs[0]!];
      const children = subs.map(([sc, name]): BNode => {
        const pagu = amountFor(name, r);
        const ratio = /Gaji/.test(name) ? r.float(0.93, 0.99) : r.float(0.8, 0.995);
        return { level: 'sub', code: `${kcode}.${spec.subDigits === 4 ? sc : sc.slice(2)}`, name, pagu, realisasi: Math.round(pagu * ratio), children: [] };
      });
      return { level: 'kegiatan', code: kcode, name: k.name, pagu: 0, realisasi: 0, children } as BNode;
    });
    return { level: 'program', code: pcode, name: p.name, pagu: 0, realisasi: 0, children: kegiatan } as BNode;
  });
  if (spec.overPagu) {
    const [pi, ki, si] = spec.overPagu;
    const sub = programs[pi]?.children[ki]?.children[si];
    if (!sub) throw new Error(`${spec.id}: overPagu ${spec.overPagu.join('.')} does not exist`);
    sub.pagu = Math.round(sub.pagu / 200_000) * 200_000;
    sub.realisasi = Math.round(sub.pagu * 1.045);
  }
  for (const p of programs) {
    for (const k of p.children) {
      k.pagu = k.children.reduce((a, s) => a + s.pagu, 0);
      k.realisasi = k.children.reduce((a, s) => a + s.realisasi, 0);
    }
    p.pagu = p.children.reduce((a, k) => a + k.pagu, 0);
    p.realisasi = p.children.reduce((a, k) => a + k.realisasi, 0);
  }
  const totalPagu = programs.reduce((a, p) => a + p.pagu, 0);
  const totalReal = programs.reduce((a, p) => a + p.realisasi, 0);
  const totalPersen = roundTo((totalReal / totalPagu) * 100, 2);
  const nKegiatan = programs.reduce((a, p) => a + p.children.length, 0);
  const nSub = programs.reduce((a, p) => a + p.children.reduce((b, k) => b + k.children.length, 0), 0);
  const modalPagu = Math.round((totalPagu * r.float(0.08, 0.22)) / 1000) * 1000;
  const modalReal = Math.round(modalPagu * r.float(0.86, 0.99));

  // ---- indicators ----------------------------------------------------------------------------
  const indCells: IndicatorCells[] = spec.indicators.map((s) => {
    const formula: Formula = s.lower ? spec.formula : 'ratio';
    const t = Array.isArray(s.target) ? rangeTarget(s.target, s.realisasi) : s.target;
    const raw = formula === 'ratio' ? (s.realisasi / t) * 100 : formula === 'two-minus' ? (2 - s.realisasi / t) * 100 : (t / s.realisasi) * 100;
    const capDec = s.capDec ?? 2;
    const capaianValue = roundTo(raw, capDec);
    const predikat = bandOf(scale, capaianValue);
    if (!predikat) throw new Error(`${spec.id}: capaian ${capaianValue} of ${s.name} falls between scale bands`);
    return { spec: s, formula, capaianValue, predikatText: predikat } as IndicatorCells;
  });
  const targetText = (s: IndicatorSpec, withUnit: boolean): string => {
    const unit = withUnit && s.satuan === '%' ? '%' : '';
    return Array.isArray(s.target) ? `${num(s.target[0], s.targetDec ?? 0)} s.d. ${num(s.target[1], s.targetDec ?? 0)}${unit}` : `${num(s.target, s.targetDec ?? 0)}${unit}`;
  };
  const targetValue = (s: IndicatorSpec): number => (Array.isArray(s.target) ? s.target[1] : s.target);

  // ---- blocks: cover, kata pengantar, ringkasan ---------------------------------------------------
  blocks.push({
    kind: 'cover',
    lines: [
      { text: `LAPORAN KINERJA INSTANSI PEMERINTAH (LKjIP) TAHUN ${TAHUN}`, size: 18, bold: true, space: 150 },
      { text: instansi.toUpperCase(), size: 16, bold: true, space: 160 },
      { text: pemdaUpper, size: 16, bold: true, space: 6 },
    ],
  });

  const periodYear = P(`Tahun ${TAHUN}`, TAHUN, 0, { table: null, row: 'Kata Pengantar', column: null }, (v) => `Tahun ${v}`);
  facts.mentions.push({ p: periodYear, kind: 'year', own: true });
  const kpParts: Inline[] = [
    'Puji syukur kami panjatkan ke hadirat Tuhan Yang Maha Esa, karena atas rahmat dan karunia-Nya Laporan Kinerja Instansi Pemerintah (LKjIP) ',
    `${instansi} ${spec.pemda} `,
    periodYear,
    ' dapat diselesaikan. Laporan ini merupakan wujud pertanggungjawaban atas pelaksanaan tugas pokok dan fungsi serta pencapaian sasaran strategis yang telah ditetapkan dalam Perjanjian Kinerja, sebagaimana diamanatkan Peraturan Presiden Nomor 29 Tahun 2014 tentang Sistem Akuntabilitas Kinerja Instansi Pemerintah.',
  ];
  periodYear.paragraph = kpParts;
  blocks.push({ kind: 'h', text: 'KATA PENGANTAR', breakBefore: true, center: true });
  blocks.push({ kind: 'p', parts: kpParts, indent: true });
  blocks.push({ kind: 'p', parts: ['Kami menyadari bahwa laporan ini masih memiliki kekurangan. Oleh karena itu, saran dan masukan yang membangun sangat kami harapkan untuk perbaikan pada masa yang akan datang.'], indent: true });
  blocks.push({ kind: 'p', parts: [`${spec.place}, Januari 2024`] });
  blocks.push({ kind: 'p', parts: [spec.head] });
  blocks.push({ kind: 'p', parts: [`NIP. ${spec.nip}`] });

  const where = (row: string): Where => ({ table: null, row, column: null });
  const anggaran = moneyP(totalPagu, where('anggaran'), true);
  const anggaranWords = P(terbilang(totalPagu, { ...spec.words, rupiah: true }), totalPagu, 0, where('anggaran (terbilang)'));
  const operasi = moneyP(totalPagu - modalPagu, where('Belanja Operasi'), true);
  const modal = moneyP(modalPagu, where('Belanja Modal'), true);
  const nIndP = P(`${countText(spec.indicators.length)} indikator kinerja`, spec.indicators.length, 0, where('indikator kinerja'), (v) => `${countText(v)} indikator kinerja`);
  facts.counts.push({ entity: 'indikator', claim: nIndP, actual: spec.indicators.length });
  facts.terbilang.push({ digits: anggaran, words: anggaranWords });
  facts.sums.push({ check: 'belanja-total', label: 'Belanja Operasi + Belanja Modal (text)', total: anggaran, parts: [operasi, modal] });
  const ringParts: Inline[] = [
    `Pada Tahun ${TAHUN}, ${instansi} ${spec.pemda} menetapkan ${countText(spec.sasaran.length)} sasaran strategis yang diukur dengan `,
    nIndP,
    `. Untuk mencapai sasaran tersebut, ${instansi} didukung anggaran sebesar `,
    anggaran,
    ' (',
    anggaranWords,
    ') yang terdiri dari Belanja Operasi sebesar ',
    operasi,
    ' dan Belanja Modal sebesar ',
    modal,
    '.',
  ];
  for (const x of [nIndP, anggaran, anggaranWords, operasi, modal]) x.paragraph = ringParts;
  blocks.push({ kind: 'h', text: 'RINGKASAN EKSEKUTIF', breakBefore: true, center: true });
  blocks.push({ kind: 'p', parts: ringParts, indent: true });
  blocks.push({
    kind: 'p',
    indent: true,
    parts: [
      'Secara umum capaian kinerja sasaran strategis menunjukkan hasil yang baik. Sebagian besar indikator kinerja telah mencapai target yang ditetapkan, sedangkan indikator yang belum mencapai target akan menjadi perhatian dalam perencanaan tahun berikutnya melalui perbaikan strategi dan penguatan koordinasi lintas sektor.',
    ],
  });

  // ---- BAB I ---------------------------------------------------------------------------------
  const officeP = P(`${instansi} ${spec.pemda}`, null, 0, where('Tugas Pokok dan Fungsi'));
  facts.mentions.push({ p: officeP, kind: 'office', own: true });
  const tupoksi: Inline[] = [
    `Berdasarkan Peraturan ${kepala} tentang Kedudukan, Susunan Organisasi, Tugas dan Fungsi serta Tata Kerja `,
    officeP,
    `, ${instansi} mempunyai tugas membantu ${kepala} melaksanakan urusan pemerintahan di bidang ${office.urusan} yang menjadi kewenangan daerah dan tugas pembantuan yang ditugaskan kepada daerah.`,
  ];
  officeP.paragraph = tupoksi;
  blocks.push({ kind: 'h', text: 'BAB I PENDAHULUAN', breakBefore: true, center: true });
  blocks.push({ kind: 'h', text: 'A. Latar Belakang' });
  blocks.push({
    kind: 'p',
    indent: true,
    parts: [
      'Sistem Akuntabilitas Kinerja Instansi Pemerintah (SAKIP) merupakan instrumen pertanggungjawaban yang terdiri dari perencanaan strategis, perjanjian kinerja, pengukuran kinerja, pengelolaan data kinerja, pelaporan kinerja, serta reviu dan evaluasi kinerja. Laporan Kinerja Instansi Pemerintah disusun untuk memberikan informasi kinerja yang terukur kepada pemberi mandat atas kinerja yang telah dan seharusnya dicapai.',
    ],
  });
  blocks.push({ kind: 'h', text: 'B. Tugas Pokok dan Fungsi' });
  blocks.push({ kind: 'p', parts: tupoksi, indent: true });
  let coordination: Printed | undefined;
  if (spec.coordination) {
    coordination = P(spec.coordination, null, 0, where('koordinasi'));
    facts.mentions.push({ p: coordination, kind: 'office', own: false });
    const parts: Inline[] = [`Dalam melaksanakan tugasnya, ${instansi} berkoordinasi dengan `, coordination, ` serta perangkat daerah lain di lingkungan Pemerintah ${spec.pemda}, terutama dalam pengumpulan dan validasi data kinerja.`];
    coordination.paragraph = parts;
    blocks.push({ kind: 'p', parts, indent: true });
  }
  const cProg = P(`${countText(programs.length)} program`, programs.length, 0, where('program'), (v) => `${countText(v)} program`);
  const cKeg = P(`${countText(nKegiatan)} kegiatan`, nKegiatan, 0, where('kegiatan'), (v) => `${countText(v)} kegiatan`);
  const cSub = P(`${countText(nSub)} sub kegiatan`, nSub, 0, where('sub kegiatan'), (v) => `${countText(v)} sub kegiatan`);
  facts.counts.push({ entity: 'program', claim: cProg, actual: programs.length }, { entity: 'kegiatan', claim: cKeg, actual: nKegiatan }, { entity: 'sub kegiatan', claim: cSub, actual: nSub });
  const progParts: Inline[] = [`Dalam rangka mencapai sasaran strategis, pada Tahun ${TAHUN} ${instansi} melaksanakan `, cProg, ', ', cKeg, ' dan ', cSub, ' sebagaimana tercantum dalam Dokumen Pelaksanaan Anggaran (DPA).'];
  for (const x of [cProg, cKeg, cSub]) x.paragraph = progParts;
  blocks.push({ kind: 'h', text: 'C. Program dan Kegiatan' });
  blocks.push({ kind: 'p', parts: progParts, indent: true });

  // ---- BAB II --------------------------------------------------------------------------------
  blocks.push({ kind: 'h', text: 'BAB II PERENCANAAN KINERJA', breakBefore: true, center: true });
  blocks.push({ kind: 'h', text: 'A. Rencana Strategis' });
  blocks.push({
    kind: 'p',
    indent: true,
    parts: [`Rencana Strategis ${instansi} Tahun 2021–2026 memuat tujuan, sasaran, strategi, arah kebijakan, program dan kegiatan yang selaras dengan RPJMD ${spec.pemda}. Sasaran strategis yang ingin dicapai adalah: ${spec.sasaran.map((s, i) => `(${i + 1}) ${s}`).join('; ')}.`],
  });
  blocks.push({ kind: 'h', text: 'B. Perjanjian Kinerja' });
  blocks.push({ kind: 'p', indent: true, parts: [`Perjanjian Kinerja Tahun ${TAHUN} memuat sasaran strategis, indikator kinerja dan target yang akan dicapai, sebagaimana disajikan pada tabel berikut.`] });
  const sasaranCell = (i: number, first: boolean, span: number): Cell => (first ? { content: [spec.sasaran[i]!], rowspan: span } : { content: [], covered: true });
  const spanOf = (i: number): number => spec.indicators.filter((s) => s.sasaran === i).length;
  const firstOf = (k: number): boolean => k === 0 || spec.indicators[k - 1]!.sasaran !== spec.indicators[k]!.sasaran;
  {
    const rows: Row[] = indCells.map((ic, k) => {
      const s = ic.spec;
      const target = P(targetText(s, true), targetValue(s), s.targetDec ?? 0, { table: cap.pk, row: s.name, column: 'Target' });
      ic.pk = { target };
      return { label: s.name, cells: [{ content: [`${k + 1}`], align: 'center' }, sasaranCell(s.sasaran, firstOf(k), spanOf(s.sasaran)), { content: [s.name] }, { content: [target], align: 'right', nowrap: true }] };
    });
    blocks.push({ kind: 'table', table: { caption: cap.pk, style: spec.tableStyle, fontSize: 9, columns: cols([['No', 32, 'center'], ['Sasaran Strategis', 200, 'left'], ['Indikator Kinerja', 300, 'left'], ['Target', 110, 'right']]), rows } });
  }
  blocks.push({ kind: 'p', indent: true, parts: [`Untuk mencapai sasaran tersebut, ${instansi} melaksanakan program dengan anggaran sebagaimana tabel berikut.`] });
  let pkTotal: Printed;
  {
    const rows: Row[] = programs.map((p, i) => {
      const name = titleCase(p.name);
      const pk = moneyP(p.pagu, { table: cap.pkProgram, row: name, column: 'Anggaran (Rp)' });
      p.pk = pk;
      pk.rowmates = [pk];
      return { label: name, cells: [{ content: [`${i + 1}`], align: 'center' }, { content: [name] }, { content: [pk], align: 'right', nowrap: true }] };
    });
    pkTotal = moneyP(totalPagu, { table: cap.pkProgram, row: 'JUMLAH', column: 'Anggaran (Rp)' });
    rows.push({ label: 'JUMLAH', bold: true, cells: [{ content: [''] }, { content: ['JUMLAH'] }, { content: [pkTotal], align: 'right', nowrap: true }] });
    facts.sums.push({ check: 'sum-rows', label: `JUMLAH of ${cap.pkProgram}`, total: pkTotal, parts: programs.map((p) => p.pk!) });
    blocks.push({ kind: 'table', table: { caption: cap.pkProgram, style: spec.tableStyle, fontSize: 9, columns: cols([['No', 32, 'center'], ['Program', 450, 'left'], ['Anggaran (Rp)', 160, 'right']]), rows } });
  }

  // ---- BAB III: capaian ------------------------------------------------------------------------
  const lowerNames = spec.indicators.filter((s) => s.lower).map((s) => s.name);
  const ranged = spec.indicators.filter((s) => Array.isArray(s.target));
  blocks.push({ kind: 'h', text: 'BAB III AKUNTABILITAS KINERJA', breakBefore: true, center: true });
  blocks.push({ kind: 'h', text: 'A. Capaian Kinerja Organisasi' });
  blocks.push({
    kind: 'p',
    indent: true,
    parts: [
      `Pengukuran capaian kinerja dilakukan dengan membandingkan target dan realisasi setiap indikator kinerja. Untuk indikator yang semakin tinggi realisasinya menunjukkan kinerja yang semakin baik, capaian dihitung dengan rumus capaian = realisasi / target × 100%.${
        lowerNames.length ? ` Untuk indikator yang semakin rendah realisasinya menunjukkan kinerja yang semakin baik (${lowerNames.join(' dan ')}), capaian dihitung dengan rumus ${spec.formulaText}.` : ''
      }${ranged.length ? ` Untuk indikator dengan target berupa rentang (${ranged.map((s) => s.name).join(', ')}), realisasi di atas rentang dibandingkan dengan batas atas dan realisasi di bawah rentang dengan batas bawah.` : ''}`,
    ],
  });
  {
    const rows: Row[] = indCells.map((ic, k) => {
      const s = ic.spec;
      const w = (column: string): Where => ({ table: cap.capaian, row: s.name, column });
      const target = P(targetText(s, false), targetValue(s), s.targetDec ?? 0, w('Target'));
      const realisasi = P(num(s.realisasi, s.realDec), s.realisasi, s.realDec, w('Realisasi'), (v) => num(v, s.realDec));
      const capDec = s.capDec ?? 2;
      const capaian = P(pct(ic.capaianValue, capDec), ic.capaianValue, capDec, w('Capaian (%)'), (v) => pct(v, capDec));
      const predikat = P(ic.predikatText, null, 0, w('Predikat'));
      ic.cap = { target, realisasi, capaian, predikat };
      for (const x of [target, realisasi, capaian, predikat]) x.rowmates = [target, realisasi, capaian, predikat];
      return {
        label: s.name,
        cells: [
          { content: [`${k + 1}`], align: 'center' },
          sasaranCell(s.sasaran, firstOf(k), spanOf(s.sasaran)),
          { content: [s.name] },
          { content: [s.satuan], align: 'center' },
          { content: [target], align: 'right', nowrap: true },
          { content: [realisasi], align: 'right', nowrap: true },
          { content: [capaian], align: 'right', nowrap: true },
          { content: [predikat], align: 'center' },
        ],
      };
    });
    blocks.push({
      kind: 'table',
      table: {
        caption: cap.capaian,
        style: spec.tableStyle,
        fontSize: 9,
        columns: cols([['No', 26, 'center'], ['Sasaran', 104, 'left'], ['Indikator', 150, 'left'], ['Satuan', 62, 'center'], ['Target', 70, 'right'], ['Realisasi', 62, 'right'], ['Capaian (%)', 62, 'right'], ['Predikat', 84, 'center']]),
        rows,
      },
    });
  }
  blocks.push({ kind: 'p', indent: true, parts: [`Predikat capaian ditetapkan berdasarkan skala nilai peringkat kinerja${spec.scale === 'permendagri' ? ' sesuai Permendagri Nomor 86 Tahun 2017' : ' yang ditetapkan dalam Renstra'} sebagaimana tabel berikut.`] });
  blocks.push({
    kind: 'table',
    table: {
      caption: cap.scale,
      style: spec.tableStyle,
      fontSize: 9,
      columns: cols([['No', 40, 'center'], ['Interval Nilai Capaian (%)', 220, 'center'], ['Kriteria Penilaian', 220, 'center']]),
      rows: scale.map((b, i) => ({ label: b.label, cells: [{ content: [`${i + 1}`] }, { content: [scaleRows[i]!] }, { content: [b.label] }] })),
    },
  });
  {
    const rows: Row[] = indCells.map((ic, k) => {
      const s = ic.spec;
      const w = (column: string): Where => ({ table: cap.compare, row: s.name, column });
      const f = (v: number): string => num(v, s.realDec);
      const prev2 = P(f(s.prev2), s.prev2, s.realDec, w('Realisasi 2021'), f);
      const prev = P(f(s.prev), s.prev, s.realDec, w('Realisasi 2022'), f);
      const cur = P(f(s.realisasi), s.realisasi, s.realDec, w('Realisasi 2023'), f);
      for (const x of [prev2, prev, cur]) x.rowmates = [prev2, prev, cur];
      ic.cmp = { prev2, prev, cur };
      return { label: s.name, cells: [{ content: [`${k + 1}`], align: 'center' }, { content: [s.name] }, { content: [s.satuan], align: 'center' }, { content: [prev2], align: 'right', nowrap: true }, { content: [prev], align: 'right', nowrap: true }, { content: [cur], align: 'right', nowrap: true }] };
    });
    blocks.push({ kind: 'p', indent: true, parts: ['Perbandingan realisasi kinerja tahun ini dengan tahun-tahun sebelumnya disajikan pada tabel berikut.'] });
    blocks.push({ kind: 'table', table: { caption: cap.compare, style: spec.tableStyle, fontSize: 9, columns: cols([['No', 30, 'center'], ['Indikator Kinerja', 260, 'left'], ['Satuan', 80, 'center'], ['Realisasi 2021', 90, 'right'], ['Realisasi 2022', 90, 'right'], ['Realisasi 2023', 90, 'right']]), rows } });
  }

  // Analysis paragraphs with trend sentences.
  blocks.push({ kind: 'h', text: 'B. Analisis Capaian Kinerja' });
  indCells.forEach((ic, k) => {
    const s = ic.spec;
    if (!s.analysis) return;
    const unit = s.satuan === '%' ? '%' : '';
    const f = (v: number): string => `${num(v, s.realDec)}${unit}`;
    const up = s.realisasi > s.prev ? 1 : -1;
    const w0 = { table: null, row: s.name, column: null };
    const word = P(up > 0 ? 'meningkat' : 'menurun', up, 0, w0, (v) => (v > 0 ? 'meningkat' : 'menurun'));
    const from = P(f(s.prev), s.prev, s.realDec, w0, f);
    const to = P(f(s.realisasi), s.realisasi, s.realDec, w0, f);
    const year = P('tahun 2022', 2022, 0, w0);
    const aTarget = P(targetText(s, true), targetValue(s), s.targetDec ?? 0, w0);
    const aReal = P(f(s.realisasi), s.realisasi, s.realDec, w0, f);
    const capDec = s.capDec ?? 2;
    const aCap = P(`${num(ic.capaianValue, capDec)}%`, ic.capaianValue, capDec, w0, (v) => `${num(v, capDec)}%`);
    const aPred = P(ic.predikatText, null, 0, w0);
    facts.mentions.push({ p: year, kind: 'year', own: false });
    const parts: Inline[] = [
      `${k + 1}. ${s.name}. Target indikator ini pada Tahun ${TAHUN} adalah `,
      aTarget,
      ' dengan realisasi ',
      aReal,
      ', sehingga capaian kinerja sebesar ',
      aCap,
      ' dengan predikat ',
      aPred,
      '. Realisasi indikator ini ',
      word,
      ' dari ',
      from,
      ' pada ',
      year,
      ' menjadi ',
      to,
      ` pada tahun ${TAHUN}. ${s.lower ? 'Semakin rendah nilai indikator ini, semakin baik kinerja yang dicapai.' : 'Faktor pendukung capaian ini antara lain komitmen pimpinan, koordinasi lintas bidang dan dukungan anggaran yang memadai.'}`,
    ];
    for (const x of [word, from, to, year, aTarget, aReal, aCap, aPred]) x.paragraph = parts;
    ic.analysis = { target: aTarget, realisasi: aReal, capaian: aCap, predikat: aPred };
    ic.trend = { word, from, to, year };
    facts.trend.push({ word, from, to });
    blocks.push({ kind: 'p', indent: true, parts });
  });

  // ---- efficiency -------------------------------------------------------------------------------
  const progPersen = (p: BNode): number => roundTo((p.realisasi / p.pagu) * 100, 2);
  blocks.push({ kind: 'h', text: 'C. Efisiensi Penggunaan Sumber Daya' });
  blocks.push({ kind: 'p', indent: true, parts: ['Efisiensi penggunaan sumber daya diukur dengan membandingkan persentase capaian kinerja dengan persentase penyerapan anggaran program yang mendukungnya. Nilai efisiensi lebih dari atau sama dengan 1 menunjukkan penggunaan sumber daya yang efisien.'] });
  {
    const effRows: Row[] = [];
    indCells.forEach((ic) => {
      const s = ic.spec;
      if (!s.efisiensi) return;
      const prog = programs[s.program];
      if (!prog) throw new Error(`${spec.id}: program ${s.program} of ${s.name}`);
      const w = (column: string): Where => ({ table: cap.efisiensi, row: s.name, column });
      const capDec = s.capDec ?? 2;
      const c = P(pct(ic.capaianValue, capDec), ic.capaianValue, capDec, w('Capaian Kinerja (%)'), (v) => pct(v, capDec));
      const sp = P(pct(progPersen(prog), 2), progPersen(prog), 2, w('Penyerapan Anggaran (%)'), (v) => pct(v, 2));
      const e = roundTo(ic.capaianValue / progPersen(prog), 2);
      // The label follows capaian ≥ serapan; a ratio that rounds to 1,00 the other way would make the
      // printed label and ratio disagree, which is a discrepancy nobody planted.
      if (ic.capaianValue >= progPersen(prog) !== e >= 1) throw new Error(`${spec.id}: efisiensi of ${s.name} rounds across 1 (${ic.capaianValue} / ${progPersen(prog)})`);
      const ep = P(num(e, 2), e, 2, w('Tingkat Efisiensi'), (v) => num(v, 2));
      for (const x of [c, sp, ep]) x.rowmates = [c, sp, ep];
      ic.eff = { capaian: c, serapan: sp, efisiensi: ep };
      facts.efisiensi.push({ stated: ep, capaian: c, serapan: sp });
      effRows.push({
        label: s.name,
        cells: [{ content: [`${effRows.length + 1}`], align: 'center' }, { content: [s.name] }, { content: [c], align: 'right', nowrap: true }, { content: [sp], align: 'right', nowrap: true }, { content: [ep], align: 'right', nowrap: true }, { content: [ic.capaianValue >= progPersen(prog) ? 'Efisien' : 'Kurang Efisien'], align: 'center' }],
      });
    });
    blocks.push({ kind: 'table', table: { caption: cap.efisiensi, style: spec.tableStyle, fontSize: 9, columns: cols([['No', 30, 'center'], ['Indikator Kinerja', 230, 'left'], ['Capaian Kinerja (%)', 90, 'right'], ['Penyerapan Anggaran (%)', 100, 'right'], ['Tingkat Efisiensi', 80, 'right'], ['Keterangan', 90, 'center']]), rows: effRows } });
  }
  const meanCap = roundTo(indCells.reduce((a, ic) => a + ic.capaianValue, 0) / indCells.length, 2);
  const effValue = roundTo(meanCap / totalPersen, 2);
  if (meanCap >= totalPersen !== effValue >= 1) throw new Error(`${spec.id}: overall efisiensi rounds across 1 (${meanCap} / ${totalPersen})`);
  const effStated = P(num(effValue, 2), effValue, 2, where('efisiensi'), (v) => num(v, 2));
  const effC = P(`${num(meanCap, 2)}%`, meanCap, 2, where('efisiensi'));
  const effS = P(`${num(totalPersen, 2)}%`, totalPersen, 2, where('efisiensi'), (v) => `${num(v, 2)}%`);
  facts.efisiensi.push({ stated: effStated, capaian: effC, serapan: effS });
  const effParts: Inline[] = [
    'Secara keseluruhan, tingkat efisiensi penggunaan sumber daya adalah ',
    effStated,
    ' yang berasal dari persentase rata-rata capaian kinerja sasaran (',
    effC,
    ') dibagi dengan persentase penyerapan anggaran (',
    effS,
    `), sehingga penggunaan sumber daya pada Tahun ${TAHUN} dinilai ${effValue >= 1 ? 'efisien' : 'kurang efisien'}.`,
  ];
  for (const x of [effStated, effC, effS]) x.paragraph = effParts;
  blocks.push({ kind: 'p', indent: true, parts: effParts });

  // ---- budget ---------------------------------------------------------------------------------
  blocks.push({ kind: 'h', text: 'D. Realisasi Anggaran' });
  const realTotalProse = moneyP(totalReal, where('realisasi anggaran'), true);
  const realWords = P(terbilang(totalReal, { ...spec.words, rupiah: true }), totalReal, 0, where('realisasi anggaran (terbilang)'));
  const persenProse = P(`${num(totalPersen, 2)}%`, totalPersen, 2, where('realisasi anggaran'), (v) => `${num(v, 2)}%`);
  facts.terbilang.push({ digits: realTotalProse, words: realWords });
  const budgetIntro: Inline[] = [
    `Realisasi anggaran ${instansi} Tahun ${TAHUN} mencapai `,
    realTotalProse,
    ' (',
    realWords,
    ') atau ',
    persenProse,
    ` dari pagu anggaran. Rincian realisasi per program, kegiatan dan sub kegiatan disajikan pada Tabel 3.5.`,
  ];
  for (const x of [realTotalProse, realWords, persenProse]) x.paragraph = budgetIntro;
  blocks.push({ kind: 'p', indent: true, parts: budgetIntro });
  if (spec.landscapeBudget) blocks.push({ kind: 'part', orientation: 'landscape' });

  const budgetRows: Row[] = [];
  const bw = (row: string, column: string): Where => ({ table: cap.budget, row, column });
  const printNode = (n: BNode, parent: BNode | null): void => {
    const label = n.name;
    const code = P(n.code, null, 0, bw(label, 'Kode'));
    const pagu = moneyP(n.pagu, bw(label, 'Pagu (Rp)'));
    const real = moneyP(n.realisasi, bw(label, 'Realisasi (Rp)'));
    const pv = roundTo((n.realisasi / n.pagu) * 100, 2);
    const persen = P(num(pv, 2), pv, 2, bw(label, '%'), (v) => num(v, 2));
    const sisa = moneyP(n.pagu - n.realisasi, bw(label, 'Sisa (Rp)'));
    n.cells = { code, pagu, realisasi: real, persen, sisa };
    for (const x of [code, pagu, real, persen, sisa]) x.rowmates = [code, pagu, real, persen, sisa];
    facts.serapan.push({ label, pagu, realisasi: real, persen });
    facts.sisa.push({ label, pagu, realisasi: real, sisa });
    facts.codes.push({ code, parent: parent?.cells?.code ?? null, level: n.level });
    budgetRows.push({
      label,
      bold: n.level === 'program',
      cells: [{ content: [code], nowrap: true }, { content: [label] }, { content: [pagu], align: 'right', nowrap: true }, { content: [real], align: 'right', nowrap: true }, { content: [persen], align: 'right', nowrap: true }, { content: [sisa], align: 'right', nowrap: true }],
    });
    for (const c of n.children) printNode(c, n);
    if (n.children.length) {
      for (const col of ['pagu', 'realisasi', 'sisa'] as const) {
        facts.sums.push({ check: 'sum-hierarchy', label: `${n.name} (${col})`, total: n.cells[col], parts: n.children.map((c) => c.cells![col]) });
      }
    }
  };
  for (const p of programs) printNode(p, null);
  const tLabel = 'JUMLAH';
  const total = {
    label: tLabel,
    pagu: moneyP(totalPagu, bw(tLabel, 'Pagu (Rp)')),
    realisasi: moneyP(totalReal, bw(tLabel, 'Realisasi (Rp)')),
    persen: P(num(totalPersen, 2), totalPersen, 2, bw(tLabel, '%'), (v) => num(v, 2)),
    sisa: moneyP(totalPagu - totalReal, bw(tLabel, 'Sisa (Rp)')),
  };
  for (const x of [total.pagu, total.realisasi, total.persen, total.sisa]) x.rowmates = [total.pagu, total.realisasi, total.persen, total.sisa];
  budgetRows.push({ label: tLabel, bold: true, cells: [{ content: [''] }, { content: [tLabel] }, { content: [total.pagu], align: 'right', nowrap: true }, { content: [total.realisasi], align: 'right', nowrap: true }, { content: [total.persen], align: 'right', nowrap: true }, { content: [total.sisa], align: 'right', nowrap: true }] });
  facts.serapan.push({ label: tLabel, pagu: total.pagu, realisasi: total.realisasi, persen: total.persen });
  facts.sisa.push({ label: tLabel, pagu: total.pagu, realisasi: total.realisasi, sisa: total.sisa });
  for (const col of ['pagu', 'realisasi', 'sisa'] as const) {
    facts.sums.push({ check: 'sum-rows', label: `JUMLAH of ${cap.budget} (${col})`, total: total[col], parts: programs.map((p) => p.cells![col]) });
  }
  const landscape = spec.landscapeBudget;
  const budgetTable: TableBlock = {
    caption: cap.budget,
    style: spec.budgetStyle ?? spec.tableStyle,
    fontSize: spec.budgetFont ?? (landscape ? 9 : 8),
    repeatHeader: true,
    columns: landscape
      ? cols([['Kode', 140, 'left'], ['Program/Kegiatan/Sub Kegiatan', 390, 'left'], ['Pagu (Rp)', 135, 'right'], ['Realisasi (Rp)', 135, 'right'], ['%', 55, 'right'], ['Sisa (Rp)', 120, 'right']])
      : cols([['Kode', 112, 'left'], ['Program/Kegiatan/Sub Kegiatan', 178, 'left'], ['Pagu (Rp)', 112, 'right'], ['Realisasi (Rp)', 112, 'right'], ['%', 42, 'right'], ['Sisa (Rp)', 100, 'right']]),
    rows: budgetRows,
  };
  blocks.push({ kind: 'table', table: budgetTable, breakBefore: landscape });
  if (landscape) blocks.push({ kind: 'part', orientation: 'portrait' });

  let belanja: Built['belanja'];
  if (spec.belanjaTable) {
    const rows: Row[] = [];
    const mk = (label: string, pagu: number, real: number): Printed[] => {
      const w = (column: string): Where => ({ table: cap.belanja, row: label, column });
      const a = moneyP(pagu, w('Anggaran (Rp)'));
      const b = moneyP(real, w('Realisasi (Rp)'));
      const pv = roundTo((real / pagu) * 100, 2);
      const c = P(num(pv, 2), pv, 2, w('%'), (v) => num(v, 2));
      for (const x of [a, b, c]) x.rowmates = [a, b, c];
      facts.serapan.push({ label, pagu: a, realisasi: b, persen: c });
      rows.push({ label, bold: label === 'JUMLAH', cells: [{ content: [label === 'JUMLAH' ? '' : `${rows.length + 1}`], align: 'center' }, { content: [label] }, { content: [a], align: 'right', nowrap: true }, { content: [b], align: 'right', nowrap: true }, { content: [c], align: 'right', nowrap: true }] });
      return [a, b, c];
    };
    const op = mk('Belanja Operasi', totalPagu - modalPagu, totalReal - modalReal);
    const mo = mk('Belanja Modal', modalPagu, modalReal);
    const ju = mk('JUMLAH', totalPagu, totalReal);
    belanja = { operasi: op, modal: mo, jumlah: ju };
    facts.sums.push({ check: 'belanja-total', label: `JUMLAH of ${cap.belanja} (anggaran)`, total: ju[0]!, parts: [op[0]!, mo[0]!] });
    facts.sums.push({ check: 'belanja-total', label: `JUMLAH of ${cap.belanja} (realisasi)`, total: ju[1]!, parts: [op[1]!, mo[1]!] });
    cross('belanja-operasi', operasi, op[0]!);
    cross('belanja-modal', modal, mo[0]!);
    cross('total-realisasi', ju[1]!);
    cross('total-pagu', ju[0]!);
    blocks.push({ kind: 'p', indent: true, parts: ['Realisasi anggaran menurut jenis belanja disajikan pada tabel berikut.'] });
    blocks.push({ kind: 'table', table: { caption: cap.belanja, style: spec.tableStyle, fontSize: 9, columns: cols([['No', 32, 'center'], ['Jenis Belanja', 250, 'left'], ['Anggaran (Rp)', 140, 'right'], ['Realisasi (Rp)', 140, 'right'], ['%', 60, 'right']]), rows } });
  }

  // ---- BAB IV and Lampiran --------------------------------------------------------------------
  blocks.push({ kind: 'h', text: 'BAB IV PENUTUP', breakBefore: true, center: true });
  blocks.push({
    kind: 'p',
    indent: true,
    parts: [
      `Laporan Kinerja ini menggambarkan capaian kinerja ${instansi} dalam melaksanakan program dan kegiatan selama satu tahun anggaran. Capaian yang belum optimal akan ditindaklanjuti melalui perbaikan perencanaan, peningkatan kualitas data kinerja dan penguatan pemantauan pelaksanaan kegiatan, sehingga kinerja pada tahun berikutnya dapat lebih baik.`,
    ],
  });
  let scanCaption: string | undefined;
  if (spec.lampiran) {
    const rows: Row[] = indCells.map((ic, k) => {
      const s = ic.spec;
      const w = (column: string): Where => ({ table: cap.lampiran, row: s.name, column });
      const target = P(targetText(s, true), targetValue(s), s.targetDec ?? 0, w('Target'));
      const realisasi = P(num(s.realisasi, s.realDec), s.realisasi, s.realDec, w('Realisasi'), (v) => num(v, s.realDec));
      const capDec = s.capDec ?? 2;
      const capaian = P(pct(ic.capaianValue, capDec), ic.capaianValue, capDec, w('Capaian (%)'), (v) => pct(v, capDec));
      for (const x of [target, realisasi, capaian]) x.rowmates = [target, realisasi, capaian];
      ic.lamp = { target, realisasi, capaian };
      return { label: s.name, cells: [{ content: [`${k + 1}`], align: 'center' }, sasaranCell(s.sasaran, firstOf(k), spanOf(s.sasaran)), { content: [s.name] }, { content: [target], align: 'right', nowrap: true }, { content: [realisasi], align: 'right', nowrap: true }, { content: [capaian], align: 'right', nowrap: true }] };
    });
    blocks.push({ kind: 'h', text: 'LAMPIRAN', breakBefore: true, center: true });
    blocks.push({ kind: 'table', table: { caption: cap.lampiran, style: 'bordered', fontSize: 10, columns: cols([['No', 30, 'center'], ['Sasaran Strategis', 170, 'left'], ['Indikator Kinerja', 230, 'left'], ['Target', 80, 'right'], ['Realisasi', 70, 'right'], ['Capaian (%)', 70, 'right']]), rows } });
    blocks.push({ kind: 'p', parts: [`${spec.place}, Januari 2024`] });
    blocks.push({ kind: 'p', parts: [spec.head] });
    scanCaption = cap.lampiran;
  }

  // ---- facts linking copies ---------------------------------------------------------------------
  for (const ic of indCells) {
    const s = ic.spec;
    const key = (f: string): string => `${s.name}:${f}`;
    const a = ic.analysis;
    cross(key('target'), ic.pk.target, ic.cap.target, ...(ic.lamp ? [ic.lamp.target] : []), ...(a ? [a.target] : []));
    cross(key('realisasi'), ic.cap.realisasi, ic.cmp.cur, ...(ic.trend ? [ic.trend.to] : []), ...(ic.lamp ? [ic.lamp.realisasi] : []), ...(a ? [a.realisasi] : []));
    cross(key('capaian'), ic.cap.capaian, ...(ic.eff ? [ic.eff.capaian] : []), ...(ic.lamp ? [ic.lamp.capaian] : []), ...(a ? [a.capaian] : []));
    if (a) facts.predikat.push({ label: s.name, capaian: a.capaian, predikat: a.predikat });
    if (ic.trend) cross(key('realisasi-2022'), ic.cmp.prev, ic.trend.from);
    const range = Array.isArray(s.target) ? { range: s.target } : {};
    facts.capaian.push({ label: s.name, formula: ic.formula, ...range, target: ic.cap.target, realisasi: ic.cap.realisasi, capaian: ic.cap.capaian });
    if (ic.lamp) facts.capaian.push({ label: s.name, formula: ic.formula, ...range, target: ic.lamp.target, realisasi: ic.lamp.realisasi, capaian: ic.lamp.capaian });
    facts.predikat.push({ label: s.name, capaian: ic.cap.capaian, predikat: ic.cap.predikat });
    if (ic.eff) cross(`program:${programs[s.program]!.code}:persen`, programs[s.program]!.cells!.persen, ic.eff.serapan);
  }
  for (const p of programs) cross(`program:${p.code}:pagu`, p.cells!.pagu, p.pk!);
  cross('total-pagu', anggaran, pkTotal, total.pagu);
  cross('total-realisasi', realTotalProse, total.realisasi);
  cross('total-persen', persenProse, effS, total.persen);

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
    ind: indCells,
    prose: { anggaran, anggaranWords, realisasiTotal: realTotalProse, realisasiWords: realWords, operasi, modal, counts: { program: cProg, kegiatan: cKeg, sub: cSub, indikator: nIndP }, periodYear, office: officeP, ...(coordination ? { coordination } : {}), eff: { stated: effStated, capaian: effC, serapan: effS } },
    ...(belanja ? { belanja } : {}),
    captions: cap,
    spansPages: [[firstRow, total.pagu]],
    ...(scanCaption ? { scanCaption } : {}),
  };
}

function cols(defs: Array<[string, number, Column['align']]>): Column[] {
  return defs.map(([label, width, align]) => ({ label, width, align }));
}

/** `PROGRAM PENUNJANG URUSAN …` → `Program Penunjang Urusan …` (the PK table prints names in title case). */
export function titleCase(s: string): string {
  const small = new Set(['dan', 'di', 'untuk', 'serta', 'pada', 'dalam', 'yang', 'atau']);
  return s
    .toLowerCase()
    .split(' ')
    .map((w, i) => (i > 0 && small.has(w) ? w : w.replace(/^(\(?)(\p{L})/u, (_m, a: string, c: string) => a + c.toUpperCase())))
    .join(' ')
    .replace(/\b(Sda|Spam|Llaj|Ukm|Ukp|Asn|Skpd|Paud)\b/g, (m) => m.toUpperCase());
}
