/**
 * The phrase bank of the randomised corpus: the prose a report prints around the figures a check must
 * verify, in the many shapes real LKjIPs use (word order, connectives, where the figure sits, with or
 * without the year, active or passive). A checker tuned to one wording meets the others here.
 *
 * Rules every sentence function keeps (the tests enforce them):
 * - each `Printed` slot it receives is placed, as the object itself, exactly once in the returned
 *   `Inline[]`, with plain strings around it;
 * - the plain strings carry no digit except the years passed in and the strings passed in (office,
 *   indicator names, dated revisions…), and no Indonesian number word, so nothing can be confused with
 *   a slot;
 * - the slots carry their own units: the strings never add `Rp`, `%` or `rupiah` around them.
 */
import type { Inline, Printed } from '../synthetic/lib/doc.js';
import { terbilang } from '../synthetic/lib/numbers.js';

// ---- helpers ---------------------------------------------------------------------------------------

/** First letter upper case (a sentence may start with a passed name or a reference). */
function cap(s: string): string {
  return s ? s.charAt(0).toUpperCase() + s.slice(1) : s;
}

/** Every word capitalised: `sub kegiatan` → `Sub Kegiatan`. */
function title(s: string): string {
  return s.replace(/(^|\s)(\p{Ll})/gu, (_m, sp: string, c: string) => sp + c.toUpperCase());
}

/** `a`, `a dan b`, `a, b dan c` (or with another last connective). */
function joinList(items: readonly string[], last = 'dan'): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} ${last} ${items[items.length - 1]}`;
}

/** `a; b; dan c`, as a list after a colon. */
function semicolonList(items: readonly string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join('; ')}; dan ${items[items.length - 1]}`;
}

/** Items lettered `a) …, b) … dan c) …` (letters, never digits). */
function letteredList(items: readonly string[]): string {
  return joinList(items.map((x, i) => `${String.fromCharCode(97 + (i % 26))}) ${x}`));
}

// ---- counts ----------------------------------------------------------------------------------------

/** How a count is printed: (n, entity) → text, e.g. '3 (tiga) program', 'tiga program', 'sebanyak 12 kegiatan', '5 (Lima) Program'. */
export const COUNT_FORMATS: Array<(n: number, entity: string) => string> = [
  (n, e) => `${n} (${terbilang(n)}) ${e}`,
  (n, e) => `${terbilang(n)} ${e}`,
  (n, e) => `sebanyak ${n} ${e}`,
  (n, e) => `${n} (${terbilang(n, { title: true })}) ${title(e)}`,
  (n, e) => `${n} ${e}`,
  (n, e) => `sebanyak ${n} (${terbilang(n)}) ${e}`,
  (n, e) => `${e} sebanyak ${n} (${terbilang(n)})`,
];

export interface CountSlots {
  instansi: string;
  year: number;
  program: Printed;
  kegiatan: Printed;
  sub: Printed;
}

/** "… melaksanakan 5 (lima) program, 12 kegiatan dan 30 sub kegiatan …" and other shapes. */
export const COUNT_SENTENCES: Array<(s: CountSlots) => Inline[]> = [
  (s) => [`Dalam rangka mencapai sasaran strategis, pada Tahun ${s.year} ${s.instansi} melaksanakan `, s.program, ', ', s.kegiatan, ' dan ', s.sub, ' sebagaimana tercantum dalam Dokumen Pelaksanaan Anggaran (DPA).'],
  (s) => [`Program dan kegiatan ${s.instansi} Tahun Anggaran ${s.year} terdiri dari `, s.program, ', ', s.kegiatan, ', serta ', s.sub, '.'],
  (s) => [`Untuk mewujudkan tujuan dan sasaran yang telah ditetapkan, ${s.instansi} menjalankan `, s.program, ' yang dijabarkan lebih lanjut ke dalam ', s.kegiatan, ' dan ', s.sub, '.'],
  (s) => [`Adapun program dan kegiatan yang dilaksanakan oleh ${s.instansi} pada tahun ${s.year} adalah sebagai berikut: `, s.program, '; ', s.kegiatan, '; dan ', s.sub, '.'],
  (s) => [`Pada tahun ${s.year} telah dilaksanakan `, s.sub, ' yang tergabung dalam ', s.kegiatan, ' dan ', s.program, ` oleh ${s.instansi}.`],
  (s) => [`Pelaksanaan tugas pokok dan fungsi ${s.instansi} didukung oleh `, s.program, ' dengan ', s.kegiatan, ' serta ', s.sub, ' yang dibiayai melalui APBD.'],
  (s) => [`${cap(s.instansi)} mengelola `, s.program, '. Program tersebut dilaksanakan melalui ', s.kegiatan, ', yang selanjutnya dirinci menjadi ', s.sub, ` pada Tahun Anggaran ${s.year}.`],
  (s) => [`Sesuai dengan DPA Perubahan Tahun ${s.year}, ${s.instansi} melaksanakan `, s.kegiatan, ' dan ', s.sub, ', yang seluruhnya dikelompokkan ke dalam ', s.program, '.'],
];

export interface IndicatorCountSlots {
  instansi: string;
  year: number;
  /** Already formatted, e.g. '3 (tiga) sasaran strategis'. */
  sasaran: string;
  indikator: Printed;
}

/** The number of performance indicators against the sasaran they measure. */
export const INDICATOR_COUNT_SENTENCES: Array<(s: IndicatorCountSlots) => Inline[]> = [
  (s) => [`Pada Tahun ${s.year}, ${s.instansi} menetapkan ${s.sasaran} yang diukur dengan `, s.indikator, '.'],
  (s) => [`Keberhasilan pencapaian ${s.sasaran} ${s.instansi} diukur melalui `, s.indikator, ` sebagaimana tertuang dalam Perjanjian Kinerja Tahun ${s.year}.`],
  (s) => [`Perjanjian Kinerja ${s.instansi} Tahun ${s.year} memuat ${s.sasaran} dengan `, s.indikator, '.'],
  (s) => ['Terdapat ', s.indikator, ` yang digunakan untuk mengukur ketercapaian ${s.sasaran} ${s.instansi}.`],
  (s) => [`Untuk mengukur ${s.sasaran} yang telah ditetapkan, ${s.instansi} menggunakan `, s.indikator, ` pada tahun ${s.year}.`],
  (s) => [`Dalam Rencana Strategis ${s.instansi}, ${s.sasaran} dijabarkan ke dalam `, s.indikator, `, yang seluruhnya diukur capaiannya pada tahun ${s.year}.`],
  (s) => [`Pengukuran kinerja Tahun ${s.year} dilakukan terhadap `, s.indikator, ` yang mendukung ${s.sasaran} ${s.instansi}.`],
];

// ---- amounts ---------------------------------------------------------------------------------------

export interface AmountSlots {
  instansi: string;
  year: number;
  /** The amount in digits, with its own `Rp`/`,-`. */
  digits: Printed;
  /** The same amount in words (terbilang), with its own `rupiah` if printed. */
  words: Printed;
}

/** The budget (pagu) with its amount in words in brackets after the digits, and its Belanja Operasi and Belanja Modal. */
export const PAGU_SENTENCES: Array<(s: AmountSlots & { operasi: Printed; modal: Printed }) => Inline[]> = [
  (s) => [`Untuk mencapai sasaran tersebut, ${s.instansi} didukung anggaran sebesar `, s.digits, ' (', s.words, ') yang terdiri dari Belanja Operasi sebesar ', s.operasi, ' dan Belanja Modal sebesar ', s.modal, '.'],
  (s) => [`Pagu anggaran ${s.instansi} Tahun Anggaran ${s.year} adalah `, s.digits, ' (terbilang: ', s.words, '), terdiri atas Belanja Operasi ', s.operasi, ' dan Belanja Modal ', s.modal, '.'],
  (s) => ['Dengan total pagu ', s.digits, ' (', s.words, `), anggaran ${s.instansi} Tahun ${s.year} dialokasikan untuk Belanja Operasi senilai `, s.operasi, ' serta Belanja Modal senilai ', s.modal, '.'],
  (s) => ['Belanja Operasi sebesar ', s.operasi, ' dan Belanja Modal sebesar ', s.modal, ` membentuk keseluruhan anggaran ${s.instansi} Tahun ${s.year}, yaitu `, s.digits, ' (', s.words, ').'],
  (s) => [`Anggaran yang dialokasikan untuk ${s.instansi} pada Tahun ${s.year} tercatat sebesar `, s.digits, ' (', s.words, '). Dari jumlah tersebut, ', s.operasi, ' merupakan Belanja Operasi dan ', s.modal, ' merupakan Belanja Modal.'],
  (s) => [`Total pagu belanja ${s.instansi} senilai `, s.digits, ' (Terbilang : ', s.words, ') dengan rincian: Belanja Operasi ', s.operasi, '; Belanja Modal ', s.modal, '.'],
  (s) => [`Alokasi anggaran ${s.instansi} sesuai DPA Perubahan adalah `, s.digits, ' (', s.words, '), meliputi Belanja Modal sebesar ', s.modal, ' dan Belanja Operasi sebesar ', s.operasi, '.'],
];

/** The realisation with its amount in words in brackets and its percentage of the pagu. */
export const REALISASI_SENTENCES: Array<(s: AmountSlots & { persen: Printed }) => Inline[]> = [
  (s) => [`Realisasi anggaran ${s.instansi} Tahun ${s.year} mencapai `, s.digits, ' (', s.words, ') atau ', s.persen, ' dari pagu anggaran.'],
  (s) => [`Sampai dengan akhir Tahun Anggaran ${s.year}, anggaran yang terealisasi sebesar `, s.digits, ' (terbilang: ', s.words, ') dengan tingkat penyerapan ', s.persen, '.'],
  (s) => [`Tingkat penyerapan anggaran ${s.instansi} pada tahun ${s.year} adalah `, s.persen, ', yaitu terealisasi senilai ', s.digits, ' (', s.words, ').'],
  (s) => [`Dari keseluruhan pagu, ${s.instansi} merealisasikan `, s.digits, ' (', s.words, ') atau setara dengan ', s.persen, '.'],
  (s) => [`Serapan anggaran Tahun ${s.year} tercatat `, s.persen, ' dari pagu, dengan nilai realisasi ', s.digits, ' (', s.words, ').'],
  (s) => [`Adapun realisasi belanja ${s.instansi} Tahun ${s.year} sebesar `, s.digits, ' (Terbilang : ', s.words, '), yang berarti anggaran terserap ', s.persen, '.'],
  (s) => [`Anggaran yang dibelanjakan oleh ${s.instansi} selama tahun ${s.year} berjumlah `, s.digits, ' (', s.words, '), atau ', s.persen, ' dari total pagu yang tersedia.'],
];

// ---- year on year ----------------------------------------------------------------------------------

/**
 * Up/down words about a value compared with last year. Every word reads as the predicate of "realisasi
 * … [word] dibandingkan …", so any pair fits any trend sentence. Value words only, never judgements.
 */
export const TREND_WORDS: Array<{ up: string; down: string }> = [
  { up: 'meningkat', down: 'menurun' },
  { up: 'naik', down: 'turun' },
  { up: 'mengalami peningkatan', down: 'mengalami penurunan' },
  { up: 'lebih tinggi', down: 'lebih rendah' },
  { up: 'bertambah', down: 'berkurang' },
  { up: 'ada kenaikan', down: 'ada penurunan' },
  { up: 'menunjukkan peningkatan', down: 'menunjukkan penurunan' },
];

export interface TrendSlots {
  /** Indicator name. */
  subject: string;
  word: Printed;
  from: Printed;
  to: Printed;
  fromYear: number;
  year: number;
}

/** The realisasi of an indicator compared with last year's; the word describes the realisasi itself. */
export const TREND_SENTENCES: Array<(s: TrendSlots) => Inline[]> = [
  (s) => [`Realisasi indikator ${s.subject} pada tahun ${s.year} sebesar `, s.to, ', ', s.word, ` dibandingkan dengan realisasi tahun ${s.fromYear} sebesar `, s.from, '.'],
  (s) => [`Dibandingkan tahun ${s.fromYear} (`, s.from, `), realisasi ${s.subject} tahun ${s.year} (`, s.to, ') ', s.word, '.'],
  (s) => [`Realisasi ${s.subject} `, s.word, ', yakni dari ', s.from, ` pada tahun ${s.fromYear} menjadi `, s.to, ` pada tahun ${s.year}.`],
  (s) => [`Pada tahun ${s.year}, ${s.subject} terealisasi sebesar `, s.to, '. Angka tersebut ', s.word, ' jika dibandingkan dengan realisasi tahun sebelumnya yang sebesar ', s.from, '.'],
  (s) => ['Dengan realisasi ', s.from, ` pada Tahun ${s.fromYear} dan `, s.to, ` pada Tahun ${s.year}, nilai indikator ${s.subject} `, s.word, ' dari tahun sebelumnya.'],
  (s) => [`Realisasi ${s.subject} Tahun ${s.fromYear} dan Tahun ${s.year} masing-masing sebesar `, s.from, ' dan ', s.to, ', sehingga realisasi tahun ini ', s.word, ' dibandingkan tahun lalu.'],
  (s) => ['Nilai ', s.to, ` yang dicapai pada tahun ${s.year} untuk indikator ${s.subject} `, s.word, ` bila dibandingkan dengan nilai tahun ${s.fromYear}, yaitu `, s.from, '.'],
  (s) => [`${cap(s.subject)} tercatat sebesar `, s.to, ` pada akhir tahun ${s.year} atau `, s.word, ` dari posisi tahun ${s.fromYear} yang sebesar `, s.from, '.'],
];

// ---- comparison with an external figure ------------------------------------------------------------

/**
 * Above/below words for a comparison with a national or provincial figure, each with the preposition
 * it needs, so the reference follows directly. Value words only, never judgements.
 */
export const COMPARISON_WORDS: Array<{ above: string; below: string }> = [
  { above: 'lebih tinggi dari', below: 'lebih rendah dari' },
  { above: 'di atas', below: 'di bawah' },
  { above: 'melampaui', below: 'belum mencapai' },
  { above: 'melebihi', below: 'kurang dari' },
  { above: 'lebih besar daripada', below: 'lebih kecil daripada' },
  { above: 'berada di atas', below: 'berada di bawah' },
  { above: 'lebih tinggi dibandingkan', below: 'lebih rendah dibandingkan' },
];

export interface ComparisonSlots {
  subject: string;
  ours: Printed;
  word: Printed;
  other: Printed;
  /** 'rata-rata nasional', 'rata-rata Provinsi X'. */
  reference: string;
  year: number;
}

/** This office's realisasi against a reference figure; the word is followed by what it compares with. */
export const COMPARISON_SENTENCES: Array<(s: ComparisonSlots) => Inline[]> = [
  (s) => [`Realisasi ${s.subject} Tahun ${s.year} sebesar `, s.ours, ' ', s.word, ` ${s.reference} yang sebesar `, s.other, '.'],
  (s) => [`Pada tahun ${s.year}, realisasi ${s.subject} tercatat `, s.ours, ', ', s.word, ` ${s.reference} sebesar `, s.other, '.'],
  (s) => [`Apabila dibandingkan dengan ${s.reference} yang mencapai `, s.other, `, realisasi ${s.subject} (`, s.ours, ') ', s.word, ' angka tersebut.'],
  (s) => [`${cap(s.reference)} untuk indikator ${s.subject} pada tahun ${s.year} adalah `, s.other, ', sedangkan realisasi yang dicapai sebesar ', s.ours, ' atau ', s.word, ` ${s.reference}.`],
  (s) => ['Dengan realisasi sebesar ', s.ours, `, indikator ${s.subject} `, s.word, ` ${s.reference} (`, s.other, ').'],
  (s) => [`Realisasi ${s.subject} yang mencapai `, s.ours, ` pada tahun ${s.year} tercatat `, s.word, ` ${s.reference}, yaitu `, s.other, '.'],
  (s) => [`Jika disandingkan dengan ${s.reference} Tahun ${s.year} sebesar `, s.other, `, maka realisasi ${s.subject} sebesar `, s.ours, ' ', s.word, ` ${s.reference} tersebut.`],
];

// ---- predikat ----------------------------------------------------------------------------------------

export interface PredikatSlots {
  subject: string;
  capaian: Printed;
  predikat: Printed;
  year: number;
}

/** A capaian and its predicate stated in prose. */
export const PREDIKAT_SENTENCES: Array<(s: PredikatSlots) => Inline[]> = [
  (s) => [`Capaian indikator ${s.subject} Tahun ${s.year} sebesar `, s.capaian, ' dengan kategori ', s.predikat, '.'],
  (s) => [`Indikator ${s.subject} tercapai `, s.capaian, ' atau bernilai kinerja ', s.predikat, '.'],
  (s) => ['Dengan capaian sebesar ', s.capaian, `, indikator ${s.subject} masuk dalam predikat `, s.predikat, ` pada tahun ${s.year}.`],
  (s) => [`Pada tahun ${s.year}, capaian kinerja ${s.subject} mencapai `, s.capaian, ' sehingga dikategorikan ', s.predikat, '.'],
  (s) => ['Predikat ', s.predikat, ` diperoleh indikator ${s.subject} dengan tingkat capaian `, s.capaian, '.'],
  (s) => [`Indikator ${s.subject} memperoleh kriteria `, s.predikat, ' dengan capaian ', s.capaian, ` pada Tahun ${s.year}.`],
  (s) => [`Realisasi kinerja ${s.subject} menghasilkan capaian `, s.capaian, ', yang berada pada rentang predikat ', s.predikat, '.'],
  (s) => [`Capaian ${s.subject} senilai `, s.capaian, ' termasuk dalam kategori “', s.predikat, `” untuk Tahun ${s.year}.`],
];

// ---- revisions of the Perjanjian Kinerja -------------------------------------------------------------

/** How a number of revisions is printed: n → '2 (dua) kali', 'dua kali', 'sebanyak 2 kali', … */
export const REVISION_COUNT_FORMATS: Array<(n: number) => string> = [
  (n) => `${n} (${terbilang(n)}) kali`,
  (n) => `${terbilang(n)} kali`,
  (n) => `sebanyak ${n} kali`,
  (n) => `sebanyak ${n} (${terbilang(n)}) kali`,
  (n) => `${n} kali`,
  (n) => `${n} (${terbilang(n, { title: true })}) kali`,
  (n) => `sebanyak ${terbilang(n)} kali`,
];

export interface RevisionSlots {
  instansi: string;
  year: number;
  count: Printed;
  /** Dated items, already formatted, e.g. 'Perjanjian Kinerja Perubahan I tanggal 12 Juli 2021'. */
  revisions: string[];
}

/** A revision count against the list of dated revisions (a sentence with an empty list drops the list). */
export const REVISION_SENTENCES: Array<(s: RevisionSlots) => Inline[]> = [
  (s) => [`Perjanjian Kinerja Tahun ${s.year} ${s.instansi} mengalami perubahan `, s.count, s.revisions.length ? `, yaitu ${joinList(s.revisions)}.` : '.'],
  (s) => [`Selama Tahun ${s.year} telah dilakukan perubahan Perjanjian Kinerja `, s.count, s.revisions.length ? `, masing-masing ${joinList(s.revisions, 'serta')}.` : '.'],
  (s) => [`Seiring dengan perubahan anggaran, Perjanjian Kinerja ${s.instansi} direviu dan diubah `, s.count, ` dalam Tahun ${s.year}`, s.revisions.length ? `, yakni melalui ${letteredList(s.revisions)}.` : '.'],
  (s) => ['Penyesuaian target kinerja dilakukan ', s.count, ` sepanjang tahun ${s.year}`, s.revisions.length ? `: ${semicolonList(s.revisions)}.` : '.'],
  (s) => ['Perjanjian Kinerja yang telah ditandatangani pada awal tahun mengalami revisi ', s.count, s.revisions.length ? `. Perubahan tersebut dituangkan dalam ${joinList(s.revisions)}.` : '.'],
  (s) =>
    s.revisions.length
      ? [`${cap(joinList(s.revisions))} merupakan hasil perubahan Perjanjian Kinerja ${s.instansi} Tahun ${s.year} yang dilakukan `, s.count, '.']
      : [`Perubahan Perjanjian Kinerja ${s.instansi} Tahun ${s.year} dilakukan `, s.count, '.'],
  (s) => [`Dokumen Perjanjian Kinerja ${s.instansi} Tahun ${s.year} telah `, s.count, ' mengalami perubahan', s.revisions.length ? `, sebagaimana ditetapkan dalam ${joinList(s.revisions)}.` : '.'],
];

// ---- conventions declared in the text ----------------------------------------------------------------

export interface PolaritySlots {
  /** Lower-is-better indicator names. */
  names: string[];
}

/** Declares the given indicators lower-is-better. */
export const POLARITY_SENTENCES: Array<(s: PolaritySlots) => string> = [
  (s) => `Indikator ${joinList(s.names)} merupakan indikator dengan polaritas negatif (minimize), sehingga semakin rendah realisasinya semakin baik kinerja yang dicapai.`,
  (s) => `Perlu diperhatikan bahwa indikator ${joinList(s.names)} bersifat negatif, artinya penurunan nilai menunjukkan kinerja yang membaik.`,
  (s) => `Untuk indikator ${joinList(s.names)}, semakin rendah nilai realisasi maka semakin baik capaian kinerjanya.`,
  (s) => `${cap(joinList(s.names.map((n) => `“${n}”`)))} termasuk indikator yang bersifat minimize: target dianggap tercapai apabila realisasi lebih rendah atau sama dengan target.`,
  (s) => `Pada indikator ${joinList(s.names)}, nilai realisasi yang lebih kecil dari target justru menunjukkan keberhasilan kinerja.`,
  (s) => `Indikator ${joinList(s.names)} memiliki arah kinerja menurun, sehingga keberhasilannya diukur dari berkurangnya angka realisasi.`,
  (s) => `Catatan: ${joinList(s.names)} adalah indikator negatif; realisasi di bawah target berarti kinerja melampaui target.`,
];

/**
 * The capaian formula as the report prints it: 'ratio' = realisasi/target × 100%; 'two-minus' =
 * (2 − realisasi/target) × 100% (PermenPANRB); 'inverse' = target/realisasi × 100%.
 */
export const FORMULA_TEXTS: Record<'ratio' | 'two-minus' | 'inverse', string[]> = {
  ratio: [
    'Capaian Indikator = (Realisasi / Target) × 100%',
    'Persentase capaian = Realisasi / Target x 100%',
    'Capaian = Realisasi : Target * 100',
    '(Realisasi ÷ Rencana) × 100%',
  ],
  'two-minus': [
    'Capaian Indikator = (2 − (Realisasi / Target)) × 100%',
    'Persentase capaian = (2 - Realisasi/Target) x 100%',
    'Capaian = {2 − (Realisasi : Target)} * 100',
    'Capaian = ((2 × Target) − Realisasi) / Target × 100%',
  ],
  inverse: [
    'Capaian Indikator = (Target / Realisasi) × 100%',
    'Persentase capaian = Target / Realisasi x 100%',
    'Capaian = Target : Realisasi * 100',
    '(Rencana ÷ Realisasi) × 100%',
  ],
};

/** Introduces the higher-is-better formula and, when given, the declared lower-is-better one. */
export const FORMULA_SENTENCES: Array<(s: { higher: string; lower: string | null; lowerNames: string[] }) => string> = [
  (s) => {
    const low = s.lower === null ? '' : ` Untuk indikator yang semakin rendah realisasinya semakin baik${s.lowerNames.length ? ` (${joinList(s.lowerNames)})` : ''}, digunakan rumus: ${s.lower}.`;
    return `Pengukuran capaian kinerja dilakukan dengan membandingkan realisasi dengan target menggunakan rumus: ${s.higher}.${low}`;
  },
  (s) => {
    const low = s.lower === null ? '' : `, sedangkan untuk indikator dengan polaritas negatif${s.lowerNames.length ? `, yaitu ${joinList(s.lowerNames)},` : ''} digunakan rumus ${s.lower}`;
    return `Capaian kinerja dihitung dengan rumus ${s.higher} untuk indikator dengan polaritas positif${low}.`;
  },
  (s) => {
    const low = s.lower === null ? '' : ` Adapun bagi indikator yang bersifat menurun${s.lowerNames.length ? ` seperti ${joinList(s.lowerNames)}` : ''}, perhitungannya menjadi ${s.lower}.`;
    return `Metode perhitungan capaian mengacu pada Peraturan Menteri PANRB tentang Petunjuk Teknis Perjanjian Kinerja, Pelaporan Kinerja dan Tata Cara Reviu atas Laporan Kinerja Instansi Pemerintah, yaitu ${s.higher}.${low}`;
  },
  (s) =>
    s.lower === null
      ? `Rumus yang digunakan untuk menghitung capaian setiap indikator adalah sebagai berikut: ${s.higher}.`
      : `Rumus yang digunakan adalah sebagai berikut: a. indikator positif (semakin tinggi semakin baik): ${s.higher}; b. indikator negatif (semakin rendah semakin baik)${s.lowerNames.length ? `, yaitu ${joinList(s.lowerNames)}` : ''}: ${s.lower}.`,
  (s) => {
    const low = s.lower === null ? '' : ` Apabila realisasi yang semakin rendah menunjukkan kinerja yang semakin baik${s.lowerNames.length ? `, seperti pada ${joinList(s.lowerNames)}` : ''}, maka capaian dihitung dengan ${s.lower}.`;
    return `Apabila realisasi yang semakin tinggi menunjukkan kinerja yang semakin baik, maka capaian dihitung dengan ${s.higher}.${low}`;
  },
  (s) => {
    const low = s.lower === null ? '' : `; khusus ${s.lowerNames.length ? `indikator ${joinList(s.lowerNames)}` : 'indikator yang bersifat minimize'}, formula yang digunakan adalah ${s.lower}`;
    return `Persentase capaian setiap indikator diperoleh dengan formula ${s.higher}${low}.`;
  },
  (s) => {
    const low = s.lower === null ? '' : ` Indikator dengan arah kinerja negatif${s.lowerNames.length ? ` (${joinList(s.lowerNames)})` : ''} dihitung secara terbalik dengan ${s.lower}.`;
    return `Dalam laporan ini, capaian kinerja tiap indikator dinyatakan dalam persen dengan perhitungan ${s.higher}.${low}`;
  },
];

// ---- efficiency --------------------------------------------------------------------------------------

export interface EfficiencySlots {
  /** capaian / serapan as a ratio. */
  stated: Printed;
  capaian: Printed;
  serapan: Printed;
  /** 'efisien' | 'kurang efisien'. */
  label: string;
  year: number;
}

/** The efficiency ratio with the figures it is computed from. */
export const EFFICIENCY_SENTENCES: Array<(s: EfficiencySlots) => Inline[]> = [
  (s) => ['Secara keseluruhan, tingkat efisiensi penggunaan sumber daya adalah ', s.stated, ' yang berasal dari persentase rata-rata capaian kinerja sasaran (', s.capaian, ') dibagi dengan persentase penyerapan anggaran (', s.serapan, `), sehingga penggunaan sumber daya pada Tahun ${s.year} dinilai ${s.label}.`],
  (s) => ['Rata-rata capaian kinerja sebesar ', s.capaian, ' dibandingkan dengan realisasi penyerapan anggaran sebesar ', s.serapan, ' menghasilkan nilai efisiensi ', s.stated, `, sehingga penggunaan anggaran Tahun ${s.year} dikategorikan ${s.label}.`],
  (s) => [`Nilai efisiensi Tahun ${s.year} diperoleh dari `, s.capaian, ' dibagi ', s.serapan, ', yaitu ', s.stated, `; dengan demikian penggunaan anggaran dinyatakan ${s.label}.`],
  (s) => ['Tingkat Efisiensi = Capaian Kinerja / Penyerapan Anggaran = ', s.capaian, ' / ', s.serapan, ' = ', s.stated, ` (${s.label}).`],
  (s) => ['Dengan penyerapan anggaran ', s.serapan, ' dan capaian kinerja rata-rata ', s.capaian, ', diperoleh rasio efisiensi sebesar ', s.stated, ` yang menunjukkan bahwa penggunaan anggaran Tahun ${s.year} tergolong ${s.label}.`],
  (s) => [`Penggunaan sumber daya pada tahun ${s.year} dinilai ${s.label}, dengan indeks efisiensi `, s.stated, ' (capaian kinerja ', s.capaian, ' berbanding serapan anggaran ', s.serapan, ').'],
  (s) => ['Perbandingan antara rata-rata capaian kinerja (', s.capaian, ') dan persentase realisasi anggaran (', s.serapan, ') adalah ', s.stated, `. Angka ini menunjukkan tingkat penggunaan anggaran yang ${s.label}.`],
];

// ---- picking ----------------------------------------------------------------------------------------

/**
 * Picks one entry of a bank with the given random source.
 *
 * @example
 *   pickPhrase(TREND_WORDS, rng(7)); // the same pair on every run
 */
export function pickPhrase<T>(bank: readonly T[], r: { int(lo: number, hi: number): number }): T {
  if (!bank.length) throw new Error('pickPhrase from an empty bank');
  return bank[r.int(0, bank.length - 1)] as T;
}
