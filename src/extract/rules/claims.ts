import type { Paragraph } from '../../model/table.js';
import type { BelanjaRow, Citation, Claim, Value } from '../../model/report.js';
import { findAmountsInWords, parseWords } from '../../numbers/index.js';
import { valueFrom } from './cells.js';
import { belanjaStatements } from './belanja-prose.js';
import { CONDITIONAL } from './comparisons.js';
import { countsIn } from './counts.js';
import { formulasIn } from './formula.js';

function cite(p: Paragraph): Citation {
  return { page: p.page, table: null, bbox: p.bbox };
}

function valueOf(text: string, p: Paragraph): Value | null {
  return valueFrom(text, p.ocr ?? false, cite(p));
}

function sentenceAround(text: string, start: number, end: number): string {
  const s = Math.max(text.lastIndexOf('. ', start) + 1, 0);
  const e = text.indexOf('. ', end);
  return text.slice(s, e < 0 ? undefined : e + 1).trim();
}

/**
 * Instructions of the report template left in the text: "(pilih salah satu)", "(coret yang tidak
 * perlu)", a cell or sentence starting "Isi dengan …", bracketed placeholders ("[nama OPD]",
 * "<diisi>"), lorem ipsum.
 */
const TEMPLATE = /\(\s*(?:pilih\s+salah\s+satu|coret\s+yang\s+tidak\s+perlu)\s*\)|(?:^|[.:;]\s+)(Isi\s+dengan\b[^.;\n]{0,80})|[[<]\s*(?:nama|isi|diisi|tahun|jumlah)\b[^\]>]{0,40}[\]>]|\blorem\s+ipsum\b/gi;

/**
 * Template instructions left in a text, each with where it sits.
 *
 * @example
 *   templatePhrases('Capaian masuk kategori 2 (dua) (pilih salah satu) yaitu …'); // [{ phrase: '(pilih salah satu)', … }]
 */
export function templatePhrases(text: string): Array<{ phrase: string; start: number; end: number }> {
  return [...text.matchAll(TEMPLATE)].map((m) => {
    const phrase = (m[1] ?? m[0]).replace(/\s+/g, ' ').trim();
    const start = m.index! + m[0].length - (m[1] ?? m[0]).length;
    return { phrase, start, end: m.index! + m[0].length };
  });
}

/** "pada tanggal 25 September 2023 disusun Perubahan Perjanjian Kinerja": one dated revision. */
const PK_REVISION_DATE = /\btanggal\s+(\d{1,2}\s+[A-Za-z]+\s+\d{4})\s*,?\s*(?:telah\s+)?(?:di)?(?:susun|tetapkan|tandatangani)\S*\s+(?:dokumen\s+)?Perubahan\s+Perjanjian\s+Kinerja/gi;
/** A date: "tanggal 13 Maret 2024", "tgl. 2 Juni 2023". */
const DATE = /\b(?:tanggal|tgl\.?)\s+(\d{1,2}\s+[A-Za-z]+\s+\d{4})\b/gi;
/**
 * A revision named before its date: "Perjanjian Kinerja Perubahan II", "Perubahan Perjanjian Kinerja",
 * "PK Perubahan", or, in a sentence about the PK, a numbered "Perubahan I" / "Perubahan ke-2".
 */
const REVISION_NAME = /\bperubahan\s+(?:atas\s+)?(?:perjanjian\s+kinerja|PK)\b|(?:\bperjanjian\s+kinerja|\bPK)\s+perubahan\b/i;
const NUMBERED_REVISION = /^\s*(?:dan\s+|serta\s+)?perubahan\s+(?:ke-?\s*\d+|[IVX]+\b|pertama|kedua|ketiga|keempat|kelima)/i;
/** What separates the clauses of a list of revisions. */
const CLAUSE_END = /[.;:,]\s|\s(?:dan|serta)\s/gi;

/**
 * Each dated revision of the Perjanjian Kinerja the text presents: a date whose own clause names a
 * revision before it ("Perjanjian Kinerja Perubahan I tanggal 13 Maret 2024, Perjanjian Kinerja
 * Perubahan II tanggal …") or after it ("pada tanggal 25 September 2023 disusun Perubahan Perjanjian
 * Kinerja"). A date whose clause names only the PK itself ("Perjanjian Kinerja ditandatangani tanggal
 * 2 Januari 2024") is the original, not a revision.
 *
 * @example
 *   pkRevisionDates('PK mengalami 2 kali perubahan: Perubahan I tanggal 6 Maret 2023 dan Perubahan II tanggal 2 Juni 2023.').map((d) => d.date); // ['6 Maret 2023', '2 Juni 2023']
 */
export function pkRevisionDates(text: string): Array<{ date: string; start: number; end: number }> {
  const out = new Map<number, { date: string; start: number; end: number }>();
  for (const m of text.matchAll(PK_REVISION_DATE)) out.set(m.index!, { date: m[1]!.replace(/\s+/g, ' '), start: m.index!, end: m.index! + m[0].length });
  let prevEnd = 0;
  for (const m of text.matchAll(DATE)) {
    const start = m.index!;
    const before = text.slice(prevEnd, start);
    prevEnd = start + m[0].length;
    // The clause the date closes: from the last clause boundary (or the previous date) to the date.
    const cut = [...before.matchAll(CLAUSE_END)].at(-1);
    const clause = cut ? before.slice(cut.index! + cut[0].length) : before;
    const sentence = sentenceAround(text, start, prevEnd);
    const named = REVISION_NAME.test(clause) || (NUMBERED_REVISION.test(clause) && /perjanjian\s+kinerja|\bPK\b/i.test(sentence));
    if (named && !out.has(start)) out.set(start, { date: m[1]!.replace(/\s+/g, ' '), start, end: prevEnd });
  }
  return [...out.values()].sort((a, b) => a.start - b.start);
}
const TREND = /\b(meningkat|menurun|naik|turun|peningkatan|penurunan)\b[^.;]{0,160}?\bdari\s+(?:angka\s+|sebesar\s+)?(\d[\d.,]*\s*%?)[^.;]{0,100}?\bmenjadi\s+(?:sebesar\s+)?(\d[\d.,]*\s*%?)/gi;
const TREND_WORD = /\b(meningkat|menurun)\b/gi;
/** "capaian indikator X melebihi target", "… belum mencapai target": realisasi against this year's target. */
const TARGET_WORD = /\b(melebihi|melampaui|di\s+atas|belum\s+mencapai|tidak\s+mencapai|di\s+bawah)\s+target\b/gi;
const PREDIKAT_WORDS = String.raw`sangat\s+tinggi|tinggi|sedang|sangat\s+rendah|rendah|sangat\s+berhasil|cukup\s+berhasil|kurang\s+berhasil|tidak\s+berhasil|berhasil|sangat\s+baik|baik|cukup|kurang`;
/** "tercapai 98,33 % atau bernilai kinerja tinggi", "tercapai 75,07% dengan predikat Sedang". */
const PREDIKAT_PROSE = new RegExp(String.raw`\btercapai\s+(?:sebesar\s+)?(\d[\d.,]*\s*%?)\s*,?\s*(?:atau|dengan)\s+(?:bernilai\s+kinerja|predikat|kategori)\s+(${PREDIKAT_WORDS})\b`, 'gi');
/**
 * "termasuk kategori 2 (dua) yaitu Sangat Berhasil", "kategori satu (1): Sangat Tinggi": a predicate
 * named with its category number, in digits (words in brackets optional) or in words (digits optional).
 */
const KATEGORI = new RegExp(
  String.raw`\bkategori\s+(?:(\d{1,2})\s*(?:\(\s*([a-z]+(?:\s+[a-z]+)?)\s*\))?|([a-z]+(?:\s+(?!(?:yaitu|yakni|adalah|atau|dengan)\b)[a-z]+)?)\s*(?:\(\s*(\d{1,2})\s*\))?)\s*[,:=]?\s*(?:(?:yaitu|yakni|adalah|atau|dengan\s+predikat)\s+)?["“'*]*(${PREDIKAT_WORDS})\b`,
  'gi',
);
/**
 * "… tercapai 126% … Bila dibandingkan dengan realisasi tahun 2022 sebesar 86% atau tercapai sebesar
 * 191%, maka capaian tahun 2023 naik …": this year's and last year's capaian, then the word.
 */
const CAPAIAN_COMPARED = /\btercapai\s+(?:sebesar\s+)?(\d[\d.,]*\s*%?)[\s\S]{0,200}?\bdibandingkan\b[\s\S]{0,150}?\btercapai\s+(?:sebesar\s+)?(\d[\d.,]*\s*%?)[^.;]{0,30}?\bmaka\s+capaian\b[^.;]{0,30}?\b(naik|meningkat|turun|menurun)\b/gi;
const EFISIENSI = /efisiensi\w*\s+(?:\w+\s+){0,3}?(?:adalah|sebesar|yaitu)\s+(\d[\d.,]*\s*%?)[^()]{0,160}?\((\d[\d.,]*\s*%?)\)[^()]{0,40}?dibagi[^()]{0,120}?\((\d[\d.,]*\s*%?)\)/gi;
/** The inverse formula said in words ("target dibagi dengan realisasi"); symbolic formulas are evaluated (formula.ts). */
const FORMULA_INVERSE_WORDS = /\btarget\s+dibagi\s+(dengan\s+)?realisasi\b/i;
const BELANJA_PROSE = /belanja\s+(operasi|modal|tidak\s+terduga|transfer|pegawai|barang\s+(?:dan|&)\s+jasa)\s*(?:(?:yang\s+)?(?:terealisasi|direalisasikan|realisasi(?:nya)?)\s*)?(?:sebesar|:)?\s*(rp\.?\s*\d(?:[\d.,]*\d)?(?:,-)?)/gi;
/**
 * What opens a list of belanja lines: the budget ("anggaran … sebesar Rp X") or its realisation
 * ("Realisasi sampai dengan 31 Desember 2023 sebesar Rp Y").
 */
const BELANJA_OPENER = /\b(realisasi(?:nya)?(?:\s+[^\s.,;]+){0,8}?|(?:anggaran|pagu|dana)\s+(?:\w+\s+){0,3}?)\s*sebesar\s+(rp\.?\s*\d(?:[\d.,]*\d)?(?:,-)?)/gi;
/** Words saying a line was meant to go over its pagu: a budget shift, or the overrun stated as such. */
const OVERRUN = /(?<!\b(?:tidak|tanpa)\s+(?:ada\s+|terdapat\s+)?)\b(pergeseran\s+anggaran|melebihi\s+(?:pagu|anggaran)|lebih\s+(?:besar\s+)?dari\s+(?:pagu|anggaran)|di\s+atas\s+(?:pagu|anggaran))/i;
const YEAR_CONTEXT = /(laporan\s+kinerja|lkj-?ip|lakip|capaian\s+kinerja|realisasi|target|anggaran)\s+(?:\S+\s+){0,6}?tahun\s+((?:19|20)\d\d)\b/gi;
/** Phrases that name the report's own period, where only the report year belongs. */
const OWN_YEAR = /\b(laporan\s+kinerja|lkj-?ip|lakip|perjanjian\s+kinerja|penetapan\s+kinerja|komitmen\s+kinerja|indikator\s+kinerja\s+utama|kinerja\s+utama)\b\)?(?:\s+\S*[^\s.,;:]){0,9}?\s+tahun\s+((?:19|20)\d\d)\b(?!\s*[-–]|\s*s\.?\s*d)|\btahun\s+anggaran\s*:\s*((?:19|20)\d\d)\b/gi;
const COMPARISON = /dibanding|perbandingan|sebelumnya|sampai\s+dengan|s\.\s*d\.?|dari\s+tahun|kondisi\s+awal/i;
const YEAR_RANGE = /\btahun\s+((?:19|20)\d\d)\s*(?:sampai\s+dengan|s\.\s*d\.?|s\/d|[-–])\s*(?:tahun\s+)?((?:19|20)\d\d)\b/gi;
const PLAN_PERIOD = /\b(renstra|rencana\s+strategis|rpjmd|rpjmn)\b(?:\s+\S+){0,6}?\s+((?:19|20)\d\d)\s*[-–]\s*((?:19|20)\d\d)\b/gi;

/**
 * `text` with each occurrence of `name` (any case, any spacing) replaced by one word of the same
 * length, so positions in it are positions in `text`.
 *
 * @example
 *   asOneWord('LKjIP Dinas Pekerjaan Umum Tahun 2023', 'Dinas Pekerjaan Umum'); // 'LKjIP xxxxxxxxxxxxxxxxxxxx Tahun 2023'
 */
export function asOneWord(text: string, name: string | null): string {
  const words = name?.trim().split(/\s+/).filter((w) => w !== '') ?? [];
  if (words.length < 2) return text;
  const re = new RegExp(words.map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('\\s+'), 'gi');
  return text.replace(re, (m) => 'x'.repeat(m.length));
}

/** An office's name found in a text, with where it sits. */
export interface OfficeName {
  name: string;
  start: number;
  end: number;
}

/**
 * The regulation setting out an office's organisation ("… Susunan Organisasi, Tugas dan Fungsi serta
 * Tata Kerja Dinas Sosial …") names that office; a report citing another type of office's own
 * regulation as its legal basis carried it over from that office's report.
 */
const OWN_REGULATION = /\bTata\s+Kerja\s+((?:Dinas|Badan|Inspektorat|Sekretariat|Satuan|Kantor|Rumah\s+Sakit|Kecamatan|Kelurahan)\b[^;.:\n]{2,120})/gi;

function regulationOffices(text: string, instansi: string): OfficeName[] {
  const head = instansi.split(/\s+/)[0]!.toLowerCase();
  const own = instansi.toLowerCase();
  const out: OfficeName[] = [];
  for (const m of text.matchAll(OWN_REGULATION)) {
    const name = m[1]!.replace(/\s+/g, ' ').trim();
    // The report's own type of office ("Tata Kerja Kecamatan dan Kelurahan") is its own regulation.
    if (name.split(' ')[0]!.toLowerCase() === head || name.toLowerCase().startsWith(own)) continue;
    const start = m.index! + m[0].length - m[1]!.length;
    out.push({ name, start, end: start + m[1]!.length });
  }
  return out;
}

/** Right before an office's name: it is named as a counterpart ("berkoordinasi dengan …", "bersama …"). */
const COUNTERPART = /\b(?:dengan|bersama)\s+(?:pihak\s+)?$/i;

/**
 * The kinds of perangkat daerah (PP 18/2016): a name opening with one of them is an office. "Kantor
 * Camat …" is the building or the office holder's office of a kecamatan, not another kind of office.
 */
const OFFICE_HEADS = ['Dinas', 'Badan', 'Inspektorat', 'Sekretariat', 'Satuan', 'Rumah Sakit', 'Kecamatan', 'Kelurahan'];
/**
 * An office named as the one whose duties the text states, the way the organisation regulation words
 * them: "Dinas Pekerjaan Umum dan Penataan Ruang Kabupaten X mempunyai tugas membantu Bupati …",
 * "… menyelenggarakan fungsi …". Title case or capitals; the name runs up to the verb.
 */
const DUTY_SUBJECT = new RegExp(
  String.raw`\b((?:${OFFICE_HEADS.flatMap((h) => [h, h.toUpperCase()]).join('|')})(?:\s+(?:[A-Z][\w/-]*|dan|&)){0,14}?)\s+(?:mempunyai\s+tugas|bertugas|mempunyai\s+fungsi|menyelenggarakan\s+fungsi)\b`,
  'g',
);

/**
 * The office a text names as the one carrying out the duties (the subject of "mempunyai tugas",
 * "menyelenggarakan fungsi"), of any kind: in a report, the reporting office. Returned whatever it
 * is; the period-entity check compares it with the report's office.
 *
 * @example
 *   dutyOffices('…, Dinas Pekerjaan Umum dan Penataan Ruang Kabupaten X mempunyai tugas membantu Bupati').map((o) => o.name); // ['Dinas Pekerjaan Umum dan Penataan Ruang Kabupaten X']
 */
export function dutyOffices(text: string): OfficeName[] {
  return [...text.matchAll(DUTY_SUBJECT)].map((m) => ({ name: m[1]!.replace(/\s+/g, ' ').trim(), start: m.index!, end: m.index! + m[1]!.length }));
}

/**
 * Names of offices of the report's own kind other than the report's ("Kecamatan Sungai Sembilan" in
 * a report of Kecamatan Dumai Barat), in title case or capitals, with where they sit in `text`.
 *
 * @example
 *   otherOffices('Struktur organisasi Kecamatan Sungai Sembilan', 'Kecamatan Dumai Barat'); // [{ name: 'Kecamatan Sungai Sembilan', … }]
 */
export function otherOffices(text: string, instansi: string | null): OfficeName[] {
  if (!instansi) return [];
  const head = instansi.split(/\s+/)[0]!;
  const re = new RegExp(String.raw`\b(?:${head}|${head.toUpperCase()})\s+((?:[A-Z][A-Za-z]+\s*){1,3})`, 'g');
  const own = instansi.toLowerCase();
  const out: OfficeName[] = [];
  for (const m of text.matchAll(re)) {
    // "berkoordinasi dengan Dinas Perhubungan", "bersama Kecamatan …": a counterpart the office works
    // with is named as itself, not in place of the reporting office.
    if (COUNTERPART.test(text.slice(Math.max(0, m.index! - 40), m.index!))) continue;
    const first = m[1]!.trim().split(/\s+/)[0]!.toLowerCase();
    // Same office (any abbreviation of it), or a generic phrase ("Kecamatan Kota Dumai").
    if (own.includes(first) || ['kota', 'kabupaten', 'provinsi', 'tahun', head.toLowerCase()].includes(first)) continue;
    const words = m[1]!.trim().split(/\s+/);
    while (words.length > 1 && /^(kota|kabupaten|provinsi|tahun|dan|yang|pemerintah)$/i.test(words[words.length - 1]!)) words.pop();
    out.push({ name: `${head} ${words.map((w) => w.charAt(0).toUpperCase() + w.slice(1).toLowerCase()).join(' ')}`, start: m.index!, end: m.index! + m[0].length });
  }
  return out;
}

/**
 * Claims made in prose: counts of programs/kegiatan, amounts in words, year-on-year trend words,
 * efficiency computations stated in words, the capaian formula for lower-is-better indicators,
 * and mentions of years and offices (for copy-paste drift).
 *
 * @example
 *   extractClaims(paragraphs, 'Kecamatan Dumai Barat').filter((c) => c.kind === 'terbilang');
 */
export function extractClaims(paragraphs: Paragraph[], instansi: string | null, tahun: number | null): { claims: Claim[]; belanja: BelanjaRow[] } {
  const claims: Claim[] = [];
  const belanja: BelanjaRow[] = [];
  /** The belanja lines of the last budget statement, for the realisation stated after it. */
  let lastBudget: { pi: number; page: number; rows: BelanjaRow[] } | null = null;
  paragraphs.forEach((p, pi) => {
    const text = p.text;
    const id = (kind: string, k: number) => `p${p.page}.${pi}.${kind}${k}`;
    let k = 0;
    for (const t of templatePhrases(text)) {
      claims.push({ id: id('template', k++), kind: 'template', phrase: t.phrase, text: sentenceAround(text, t.start, t.end).slice(0, 300), cite: cite(p) });
    }
    for (const r of pkRevisionDates(text)) {
      claims.push({ id: id('revision', k++), kind: 'mention', entity: 'perubahan_pk', value: r.date, text: sentenceAround(text, r.start, r.end).slice(0, 300), cite: cite(p) });
    }
    // Counts in any of the shapes reports print them; the words, when printed, must be a number.
    for (const c of countsIn(text)) {
      claims.push({ id: id('count', k++), kind: 'count', entity: c.entity, count: c.count, words: c.words, text: sentenceAround(text, c.start, c.end), cite: cite(p) });
    }
    for (const a of findAmountsInWords(text)) {
      const digits = valueOf(a.digitsText, p);
      if (!digits || digits.value === null) continue;
      // Small counts "4 (empat) program" are count claims, not amounts.
      if (digits.value < 1000 && !/rp/i.test(a.digitsText)) continue;
      claims.push({ id: id('terbilang', k++), kind: 'terbilang', digits, words: a.wordsText, wordsValue: a.wordsValue, text: text.slice(a.start, a.end), cite: cite(p) });
    }
    // "Capaian indikator X menunjukkan capaian yang meningkat" with no figures: kept without values;
    // the extractor fills them from the indicator's own rows for this year and the year before.
    for (const m of text.matchAll(TREND_WORD)) {
      const sentence = sentenceAround(text, m.index!, m.index! + m[0].length);
      if (!/capaian|realisasi/i.test(sentence) || /\bdari\s+\d/.test(sentence)) continue;
      const direction = /meningkat|naik/i.test(m[1]!) ? 'up' : 'down';
      claims.push({ id: id('trend', k++), kind: 'trend', direction, subject: sentence.slice(0, 200), from: null, to: null, text: sentence, cite: cite(p) });
    }
    // Figures come from the indicator the sentence names (resolveTrends). The Renstra's end target
    // ("belum mencapai target … sampai dengan akhir renstra") is another target: left alone.
    for (const m of text.matchAll(TARGET_WORD)) {
      const sentence = sentenceAround(text, m.index!, m.index! + m[0].length);
      // A condition or a definition ("realisasi di bawah target berarti …") states no fact about this year.
      if (!/capaian|realisasi|indikator/i.test(sentence) || /renstra|akhir\s+periode|\bRPJMD?\b/i.test(sentence) || CONDITIONAL.test(sentence)) continue;
      const direction = /melebihi|melampaui|atas/i.test(m[1]!) ? 'up' : 'down';
      claims.push({ id: id('trend', k++), kind: 'trend', direction, subject: sentence.slice(0, 200), from: null, to: null, versus: 'target', text: sentence, cite: cite(p) });
    }
    for (const m of text.matchAll(TREND)) {
      const from = valueOf(m[2]!, p);
      const to = valueOf(m[3]!, p);
      const word = m[1]!.toLowerCase();
      const direction = /meningkat|naik|peningkatan/.test(word) ? 'up' : 'down';
      const sentence = sentenceAround(text, m.index!, m.index! + m[0].length);
      claims.push({ id: id('trend', k++), kind: 'trend', direction, subject: sentence.slice(0, 200), from, to, text: sentence, cite: cite(p) });
    }
    for (const m of text.matchAll(CAPAIAN_COMPARED)) {
      const to = valueOf(m[1]!, p);
      const from = valueOf(m[2]!, p);
      if (!from || !to) continue;
      const direction = /meningkat|naik/i.test(m[3]!) ? 'up' : 'down';
      const sentence = sentenceAround(text, m.index! + m[0].length - m[3]!.length, m.index! + m[0].length);
      // From this year's capaian to the end of the sentence that says which way it went.
      const stop = text.indexOf('. ', m.index! + m[0].length);
      const quoted = text.slice(m.index!, stop < 0 ? undefined : stop + 1).replace(/\s+/g, ' ').trim();
      claims.push({ id: id('trend', k++), kind: 'trend', direction, subject: sentence.slice(0, 200), from, to, text: quoted.slice(0, 400), cite: cite(p) });
    }
    for (const m of text.matchAll(PREDIKAT_PROSE)) {
      const capaian = valueOf(m[1]!, p);
      if (!capaian) continue;
      claims.push({ id: id('predikat', k++), kind: 'predikat', capaian, label: m[2]!.replace(/\s+/g, ' '), text: sentenceAround(text, m.index!, m.index! + m[0].length).slice(0, 300), cite: cite(p) });
    }
    for (const m of text.matchAll(KATEGORI)) {
      const digitsText = m[1] ?? m[4];
      const words = (m[2] ?? m[3])?.trim() ?? null;
      const wordsValue = words === null ? null : parseWords(words).value;
      // "kategori Sangat Berhasil" read as words "Sangat": no number, not a category claim.
      if (words !== null && wordsValue === null) continue;
      if (digitsText === undefined && wordsValue === null) continue;
      claims.push({
        id: id('kategori', k++),
        kind: 'kategori',
        digits: digitsText === undefined ? null : Number(digitsText),
        words,
        wordsValue,
        label: m[5]!.replace(/\s+/g, ' '),
        phrase: m[0].replace(/\s+/g, ' ').trim(),
        text: sentenceAround(text, m.index!, m.index! + m[0].length).slice(0, 300),
        cite: cite(p),
      });
    }
    for (const m of text.matchAll(EFISIENSI)) {
      const stated = valueOf(m[1]!, p);
      if (!stated) continue;
      claims.push({ id: id('efisiensi', k++), kind: 'efisiensi', stated, numerator: valueOf(m[2]!, p), denominator: valueOf(m[3]!, p), operation: 'divide', label: /\bEFISIEN\b/i.test(text.slice(m.index! + m[0].length, m.index! + m[0].length + 200)) ? 'Efisien' : null, text: m[0], cite: cite(p) });
    }
    // The lower-is-better formula the text states, whatever its notation.
    const lowerFormula = formulasIn(text).find((f) => f.formula !== 'ratio')?.formula ?? (FORMULA_INVERSE_WORDS.test(text) ? 'inverse' : null);
    if (lowerFormula) claims.push({ id: id('formula', k++), kind: 'formula', polarity: 'lower', formula: lowerFormula, text: text.slice(0, 300), cite: cite(p) });
    const ownAt = new Set<number>();
    // The office's own name, however long, is one word of the phrase naming the report's period.
    for (const m of asOneWord(text, instansi).matchAll(OWN_YEAR)) {
      const year = m[2] ?? m[3]!;
      const sentence = sentenceAround(text, m.index!, m.index! + m[0].length);
      if (COMPARISON.test(sentence)) continue;
      ownAt.add(m.index! + m[0].length);
      if (tahun !== null && Number(year) === tahun) continue;
      claims.push({ id: id('year', k++), kind: 'mention', entity: 'year', value: year, own: true, text: sentence.slice(0, 300), cite: cite(p) });
    }
    const spans: Array<[number, number]> = [];
    for (const m of text.matchAll(PLAN_PERIOD)) {
      spans.push([m.index!, m.index! + m[0].length]);
      claims.push({ id: id('period', k++), kind: 'mention', entity: 'year', value: `${m[2]}-${m[3]}`, text: sentenceAround(text, m.index!, m.index! + m[0].length).slice(0, 300), cite: cite(p) });
    }
    // "realisasi kinerja tahun 2021 sampai dengan tahun 2022": a compared period (a plan's is above).
    for (const m of text.matchAll(YEAR_RANGE)) {
      const [a, b] = [m.index!, m.index! + m[0].length];
      if (spans.some(([x, y]) => a < y && b > x)) continue;
      spans.push([a, b]);
      claims.push({ id: id('period', k++), kind: 'mention', entity: 'year', value: m[0].replace(/\s+/g, ' ').trim(), text: sentenceAround(text, a, b).slice(0, 300), cite: cite(p) });
    }
    for (const m of text.matchAll(YEAR_CONTEXT)) {
      if (ownAt.has(m.index! + m[0].length)) continue;
      const end = m.index! + m[0].length;
      if (spans.some(([x, y]) => end > x && end <= y)) continue;
      // "sampai dengan akhir periode RENSTRA Tahun 2026": a plan's horizon, not a reporting year.
      if (/\b(periode|renstra|rpjmd|rpjmn|rencana\s+strategis|jangka\s+menengah)\b/i.test(m[0])) continue;
      if (tahun !== null && Number(m[2]) === tahun) continue;
      claims.push({ id: id('year', k++), kind: 'mention', entity: 'year', value: m[2]!, text: sentenceAround(text, m.index!, m.index! + m[0].length).slice(0, 300), cite: cite(p) });
    }
    // The office carrying out the duties is named in the report's own place (`own`): only the report's
    // office belongs there. Another name the same span holds is that one mention.
    const duty = dutyOffices(text);
    for (const o of duty) {
      claims.push({ id: id('office', k++), kind: 'mention', entity: 'office', value: o.name, own: true, text: sentenceAround(text, o.start, o.end).slice(0, 300), cite: cite(p) });
    }
    for (const o of [...otherOffices(text, instansi), ...(instansi ? regulationOffices(text, instansi) : [])]) {
      if (duty.some((d) => o.start < d.end && d.start < o.end)) continue;
      claims.push({ id: id('office', k++), kind: 'mention', entity: 'office', value: o.name, text: sentenceAround(text, o.start, o.end).slice(0, 300), cite: cite(p) });
    }
    // "anggaran sebesar Rp X … terdiri dari Belanja Operasi sebesar Rp Y dan Belanja Modal sebesar Rp Z",
    // then perhaps "Realisasi … sebesar Rp X', terdiri dari Belanja Operasi Rp Y' dan Belanja Modal
    // terealisasi Rp Z'": the realisation of the lines just stated.
    const parts = [...text.matchAll(BELANJA_PROSE)];
    const openers = [...text.matchAll(BELANJA_OPENER)].filter((o) => {
      const end = o.index! + o[0].length;
      // An opener is followed by "terdiri" before its first line, and is not itself a line ("anggaran Belanja Modal sebesar").
      const first = parts.find((m) => m.index! >= end);
      return first && /terdiri/i.test(text.slice(end, first.index!)) && !parts.some((m) => m.index! >= o.index! && m.index! < end);
    });
    if (parts.length < 2 || openers.length === 0) {
      // A budget statement of another shape (the total after its lines, or a sentence before them).
      belanjaStatements(text).forEach((st, n) => {
        const total = valueOf(st.total.text, p);
        if (!total) return;
        const group = `p${p.page}.${pi}${n > 0 ? `.${n}` : ''}`;
        const rows: BelanjaRow[] = [{ id: `${group}.total`, uraian: 'Jumlah anggaran', kind: 'total', amount: total, source: 'text', group, cite: cite(p) }];
        st.lines.forEach((l, j) => {
          const v = valueOf(l.text, p);
          if (v) rows.push({ id: `${group}.s${j}`, uraian: `Belanja ${l.name}`, kind: belanjaKind(l.name), amount: v, source: 'text', group, cite: cite(p) });
        });
        if (rows.length < 3) return;
        belanja.push(...rows);
        lastBudget = { pi, page: p.page, rows };
      });
      return;
    }
    openers.forEach((o, n) => {
      const from = o.index! + o[0].length;
      const to = openers[n + 1]?.index ?? text.length;
      const lines = parts.filter((m) => m.index! >= from && m.index! < to);
      const spent = /^realisasi/i.test(o[1]!);
      if (spent) {
        attachRealisasi(o, lines, text.slice(o.index!), p, pi);
        return;
      }
      const total = valueOf(o[2]!, p);
      if (!total || lines.length < 2) return;
      const group = lastBudget?.pi === pi ? `p${p.page}.${pi}.${n}` : `p${p.page}.${pi}`;
      const rows: BelanjaRow[] = [{ id: `${group}.total`, uraian: 'Jumlah anggaran', kind: 'total', amount: total, source: 'text', group, cite: cite(p) }];
      const seen = new Set<string>();
      for (const m of lines) {
        const v = valueOf(m[2]!, p);
        // A paragraph may restate its parts as a list after the prose: count each part once.
        if (!v || seen.has(m[1]!.toLowerCase())) continue;
        seen.add(m[1]!.toLowerCase());
        rows.push({ id: `${group}.${parts.indexOf(m)}`, uraian: `Belanja ${m[1]}`, kind: belanjaKind(m[1]!), amount: v, source: 'text', group, cite: cite(p) });
      }
      belanja.push(...rows);
      lastBudget = { pi, page: p.page, rows };
    });
  });
  return { claims, belanja };

  /**
   * The realisation of the belanja lines stated just before (same paragraph, or one of the two
   * before it on the same or the previous page), line by line and for the total; lines the budget
   * statement did not list are left out.
   */
  function attachRealisasi(opener: RegExpMatchArray, lines: RegExpMatchArray[], rest: string, p: Paragraph, pi: number): void {
    const budget = lastBudget;
    if (!budget || pi - budget.pi > 2 || p.page - budget.page > 1) return;
    const near = [rest, ...paragraphs.slice(pi + 1, pi + 3).filter((q) => q.page - p.page <= 1).map((q) => q.text)];
    const said = near.map((t) => OVERRUN.exec(t)).find((m) => m !== null);
    const overrun = said ? { text: sentenceAround(said.input!, said.index!, said.index! + said[0].length).slice(0, 300), cite: cite(p) } : null;
    const attach = (row: BelanjaRow | undefined, text: string) => {
      const v = valueOf(text, p);
      if (!row || !v || row.realisasi) return;
      row.realisasi = v;
      if (overrun) row.overrun = overrun;
    };
    attach(budget.rows.find((r) => r.kind === 'total'), opener[2]!);
    for (const m of lines) attach(budget.rows.find((r) => r.kind === belanjaKind(m[1]!)), m[2]!);
  }
}

function belanjaKind(name: string): BelanjaRow['kind'] {
  return /operasi/i.test(name) ? 'operasi' : /modal/i.test(name) ? 'modal' : /terduga/i.test(name) ? 'tidak_terduga' : /transfer/i.test(name) ? 'transfer' : /pegawai/i.test(name) ? 'pegawai' : 'barang_jasa';
}
