import type { Attr, EntityKind, Period } from './facts.js';
import { normaliseLabel } from './facts.js';
import { figuresIn, readings } from './figures.js';
import { attrsIn, ORIGINAL, REVISED } from './lexicon.js';
import { detectLanguage } from './intent.js';
import { DOWN, UP } from './premise.js';
import { analyze, tokenize } from './retrieval.js';
import type { Lang } from './types.js';

/**
 * Reads a question into what it asks (a value, a check, an explanation, a location, a summary, a
 * count), about what (words naming an entity, the kind of entity), which quantity, which period
 * and budget variant, which place (a table number, a page) and which figures it asserts. Built on
 * a bilingual lexicon of the domain's terms, not on question templates; the entity is matched
 * against the report's fact index afterwards (`resolve.ts`).
 */

export type AskKind = 'value' | 'check' | 'explanation' | 'location' | 'summary' | 'count';

export interface Understood {
  question: string;
  lang: Lang;
  kind: AskKind;
  /** Quantities asked for, in the order named. */
  attrs: Attr[];
  /** Kinds of entity the question names ("program", "kegiatan", "total"…), if any. */
  entityKinds: EntityKind[];
  period: Period | null;
  /** A year written in the question (other than in a table number). */
  year: number | null;
  /** Every year written, when several are asked for ("2017 dan 2018"). */
  years: number[];
  variant: 'original' | 'perubahan' | null;
  /** Both variants asked for ("pagu murni dan perubahan"). */
  variants: Array<'original' | 'perubahan'>;
  /** A period shorter than the year (triwulan, semester, month): the reports print yearly figures. */
  subPeriod: string | null;
  /** "Tabel 3.7" → "3.7". */
  tableLabel: string | null;
  /** Every table named, in order. */
  tableLabels: string[];
  page: number | null;
  /** Figures the question states ("since the capaian was 100%"): a premise to verify. */
  asserted: string[];
  /** Asserted figures that count things the report lists ("all 8 IKU", "4 programmes"), not values. */
  counts: string[];
  /** Asserted figures written rounded with a scale word ("Rp 1,9 miliar"): compared to their precision. */
  approx: Record<string, number>;
  /** A predicate label the question states ("Sangat Berhasil"). */
  assertedLabel: string | null;
  /** Normalised words left to name the entity. */
  terms: string[];
  /** Speaks of money: budget lines rather than indicators. */
  money: boolean;
}

/** Entity kinds and the words naming them. */
const KIND_PHRASES: Array<[EntityKind, RegExp]> = [
  ['sub_kegiatan', /\b(sub ?-?kegiatan|sub-?activit(y|ies)|sub ?programs?)\b/],
  ['kegiatan', /\b(kegiatan|activity|activities)\b/],
  ['program', /\b(program|programs|programme|programmes)\b/],
  ['indicator', /\b(indikator|indicator|indicators|iku|kpi)\b/],
  // The mean of the indicators' capaian, not an indicator named "Rata-rata …".
  ['average', /\b((rata-rata|rata2|rerata) (capaian|kinerja)|(average|mean) (capaian|achievement|performance))\b/],
  ['total', /\b(total|jumlah keseluruhan|keseluruhan|seluruh|secara keseluruhan|overall|whole|entire|all programs|semua program|grand total|in total|total anggaran)\b/],
  ['belanja', /\b(belanja (operasi|modal|tidak terduga|transfer|pegawai|barang)|(operating|operational|capital|unexpected|personnel) (expenditure|spending|expenses?))\b/],
];

const SUB_PERIOD = /\b(triwulan|tri wulan|quarter|quarterly|semester|semesteran|bulanan|per bulan|monthly|per month|mingguan|weekly|tw ?(i{1,3}|iv|[1-4]))\b/;

/** Chat shorthand written in questions. */
const SHORTHAND: Array<[RegExp, string]> = [
  [/\bbrp\b/g, 'berapa'],
  [/\bthn\b/g, 'tahun'],
  [/\btdk\b|\bgak\b|\bga\b|\bnggak\b|\bengga?k\b/g, 'tidak'],
  [/\byg\b/g, 'yang'],
  [/\bdgn\b/g, 'dengan'],
  [/\butk\b/g, 'untuk'],
  [/\bsdh\b|\budah\b/g, 'sudah'],
  [/\bblm\b/g, 'belum'],
  [/\bbener\b|\bbetul\b/g, 'benar'],
  [/\bgimana\b|\bgmn\b/g, 'bagaimana'],
  [/\bknp\b/g, 'kenapa'],
  [/\bgitu\b/g, 'begitu'],
  [/\baja\b/g, 'saja'],
  [/\bemang\b/g, 'memang'],
  [/\budh\b/g, 'sudah'],
  [/\bkpd\b/g, 'kepada'],
  [/\bdr\b/g, 'dari'],
  [/\bjml\b/g, 'jumlah'],
  // Abbreviated level names of the budget tables ("sub keg", "keg", "prog").
  [/\bsub[ -]?keg\b/g, 'sub kegiatan'],
  [/\bkeg\b/g, 'kegiatan'],
  [/\bprog\b/g, 'program'],
  // Colloquial forms: a clipped word ("dikit", "gede", "sampe") and the nasal prefix of a verb whose
  // root starts with s ("nyerap" is menyerap, root serap).
  [/\bdikit\b/g, 'sedikit'],
  [/\bgede\b/g, 'besar'],
  [/\bnyampe\b|\bsampe\b/g, 'sampai'],
  [/\bny([aeiou]\p{L}{2,})/gu, 's$1'],
  [/\badminduk\b/g, 'administrasi kependudukan'],
  [/\blbh\b/g, 'lebih'],
  [/\btrus\b|\btrs\b/g, 'terus'],
  [/\bpdhl\b/g, 'padahal'],
  // "TA 2023": the budget year.
  [/\bta(?=\.?\s*(?:19|20)\d\d\b)/g, 'tahun'],
  [/\bstlh\b/g, 'setelah'],
  [/\bsblm\b/g, 'sebelum'],
  // The colloquial passive "di…in" is "di…kan" ("dinaikin" is dinaikkan, "dicantumin" dicantumkan).
  [/\bdi(\p{L}{3,}?)in\b/gu, 'di$1kan'],
];

/** Expands chat shorthand ("brp capaian thn 2023") into the words it stands for. */
export function expandShorthand(q: string): string {
  return SHORTHAND.reduce((s, [re, to]) => s.replace(re, to), q);
}

/** "How many programs", "berapa jumlah sub kegiatan", "berapa kali": a count of things the report lists or states. */
const COUNT = /\b(how many|number of|berapa (?:banyak|jumlah|buah)|ada berapa|jumlah|berapa kali|berapa(?= (?:indikator|iku|program|kegiatan|sub ?kegiatan|sasaran|tujuan|kelurahan|desa)\b))\s*((?:[\p{L}-]+\s+){0,3}?)(program|programs|programme|programmes|kegiatan|sub[ -]?kegiatan|sub-activities|activities|indikator|indicators?|iku|sasaran|tujuan|objectives|goals|kelurahan|desa|villages|kali|times|rows|perjanjian)\b/u;

const COUNTED_WORDS = 'program|programs|programme|programmes|kegiatan|sub[ -]?kegiatan|sub-activities|activities|indikator|indicators?|iku|sasaran|tujuan|objectives|goals';
const COUNTED_NOUN = new RegExp(`\\b(${COUNTED_WORDS})\\b`);

/** "Lines where …", "indicators whose …": a relative clause, not a question of place. */
const RELATIVE = /\b(?:program\w*|kegiatan|indicators?|indikator|activit\w*|lines?|rows?|ones?|items?)\s+(?:where|in which|whose)\b/g;

/** Words after "berapa" / "how many" that ask a measure, not a count of things. */
const MEASURE = /^(persen|persentase|prosentase|rupiah|nilai\p{L}*|besar\p{L}*|lama\p{L}*|jam|hari|bulan|tahun|menit|orang|org|jiwa|pegawai|angka\p{L}*|kah|sih|yang|saja|banyak|jumlah|kali|buah|percent|much|long|hours|days|months|years|minutes|people|persons|times)$/u;

const PREVIOUS = /\b(tahun lalu|tahun sebelumnya|tahun sebelum(nya)?|last year|previous year|prior year|the year before|year earlier|sebelumnya)\b/;
const RENSTRA = /\b(akhir renstra|target renstra|renstra|akhir periode|end of the (strategic|renstra)|strategic plan|medium[- ]term (plan|target)|five[- ]year plan|end[- ]of[- ]plan)\b/;
const NEXT = /\b(tahun depan|tahun berikutnya|next year|following year|coming year)\b/;

const EXPLAIN = /\b(mengapa|kenapa|knp|why|\w*hambat\w*|held back|hold(?:s|ing)? back|hinder\w*|\w*kendala\w*|disebabkan|dikarenakan|jelaskan|explain|alasan|reason|reasons|penyebab|cause[sd]?|obstacles?|hambatan|kendala|penghambat|pendorong|(?:what|which|apa|key|main|the) factors?|factors? (?:behind|that|which|for|of)|faktor(?:-faktor)? (?:apa|penyebab|pendorong|penghambat|yang|keberhasilan|kegagalan)|drove|drivers?|what (caused|explains)|(?:come|comes|came|coming) from|berasal dari|dari mana|darimana|apa (alasan|penyebab)|bagaimana .*(dihitung|diperoleh|didapat|cara)|how (was|is|were|did) .*(comput|calculat|derived|obtain|arriv)|how .* (come|calculated))\b/;
const LOCATE = /\b(di ?mana|halaman berapa|pada halaman (berapa|apa|mana)|di halaman (berapa|apa|mana)|hal(aman)?\.? berapa|tabel (apa|berapa|mana)|where|which page|what page|on which|which table|what table|which attachment|what attachment|which section|lampiran (apa|berapa|mana)|located|printed (on|in) which|found (on|in) which|in which (table|page|section|chapter))\b/;
const SUMMARY = /\b(ringkas\w*|rangkum\w*|rundown|big picture|gambaran besar|recap\w*|run-?down|^overall\b|how did [^?]{0,60}\b(?:come|turn) out|ikhtisar|gambaran umum|gambarkan|secara umum|summar(y|ise|ize)|overview|in brief|secara singkat|highlights?|in general|bagaimana kinerja|how (did|does|has) [^?]{0,60}\b(do|did|perform|performed|fare|fared|change|changed)|how well)\b/;
const CHECK = /^(apakah|apa benar|benarkah|betulkan|is|are|was|were|does|do|did|has|have|can|could)\b|\b(sudah benar|benar|tepat|sesuai|cocok|konsisten|sama( dengan)?|tercapai|berhasil|melebihi|correct|right|accurate|consistent|match(es)?|add up|adds up|agree|achieved|met|exceed(ed)?|true|same as)\b/;
const FINDINGS = /\b(temuan|kesalahan|error|errors|findings?|issues?|masalah|problems?|discrepanc(y|ies)|salah|miscalculat\w*|keliru|wrong|peringatan|warnings?)\b/;
const ASSERTION = /\b(karena|sebab|mengingat|since|because|given that|as|seeing that|bahwa|that)\b/;

const LABELS = /\b(sangat efisien|kurang efisien|tidak efisien|cukup efisien|efisien|sangat berhasil|cukup berhasil|tidak berhasil|kurang berhasil|berhasil|sangat tinggi|tinggi|sedang|rendah|sangat rendah|sangat baik|baik|cukup|kurang)\b/;

/** Words that carry no name: question words, verbs of asking, attribute, period and kind words. */
const NOISE = new Set(
  analyze(
    [
      'berapa berapakah apa apakah bagaimana mana dimana siapa kapan benarkah betulkah apa benar sebutkan tunjukkan jelaskan tuliskan cari carikan',
      'nilai angka besar besarnya sebesar tercatat tercetak dicetak disajikan dilaporkan dimuat disebutkan tertulis tercantum menurut laporan dalam kinerja',
      'tahun lalu sebelumnya depan berikutnya renstra akhir periode murni awal semula perubahan revisi direvisi setelah sesudah sebelum',
      'target ditargetkan realisasi terealisasi capaian pencapaian predikat kategori pagu anggaran alokasi dana serapan penyerapan sisa efisiensi prakiraan',
      'program kegiatan sub indikator total keseluruhan seluruh jumlah banyak banyaknya buah semua',
      'halaman tabel bab hal persen persentase rupiah rp',
      'what which how why where when who is are was were does did do the of for in on at to a an this that these those its their there',
      'value figure amount number count many much printed reported stated shown listed given according report reported recorded',
      'last previous prior next following year years strategic plan end original initial revised revision amendment before after',
      'target targets achievement realisation realization actual spent spending budget budgeted allocation remaining absorption efficiency rating predicate category forecast',
      'program programs activity activities indicator indicators total overall whole entire page table chapter percent percentage',
      'correct right accurate consistent match add up true benar tepat sesuai cocok konsisten sama tercapai berhasil met achieved exceed',
      'since because given karena sebab mengingat bahwa so therefore maka sehingga jadi',
      'explain why reason cause mengapa kenapa alasan penyebab computed calculated dihitung diperoleh',
      'summarise summarize summary overview ringkas ringkasan rangkum',
      'please tolong could can you me tell show give find list saya kami salah wrong keliru error vs versus dibanding compared kan ya dong',
      'drove drive driven drivers explains explain explanation success successful keberhasilan decline caused behind led faktor pendorong penghambat penyebab factor factors',
      'naik meningkat turun menurun memburuk membaik improve improved dropped drop fell rose go went up down raised lowered beat exceeded melampaui melebihi only around sekitar fully stayed landed inside within',
      'lebih tinggi rendah higher lower above below under paling most lowest highest terendah tertinggi bawah atas spend absorb absorbed terserap wasn isn didn range rentang rated given kecamatan fall falls appear appears correctly properly accurately really actually still masih sudah already yet belum',
      'have has had can could would should will shall may might must be been being am doing get got make made gave take took while whose whom here then also very just even such both each every either neither nor too',
      'bisa dapat akan sedang pernah harus boleh mau ingin ialah merupakan yaitu yakni sangat hanya pun lah begitu demikian agar supaya jika kalau bila ketika saat',
      'rata nasional provinsi national provincial province average obstacle obstacles hambatan kendala constraint constraints barrier falling short fell',
      'more less least than into onto upon about against between through during what whats dari daripada lebih kurang',
      'rated dinilai berpredikat landed skala scale atribut attribute execsum lampiran attachment section bagian',
      'say says said saying use used uses using get gets got show shows showed shown held hold holds keep kept come came go goes went gone make makes let know think look see seen want need tell told dianggarkan anggarkan menganggarkan liat lihat dong sih deh nih',
      'januari februari maret april mei juni juli agustus september oktober november desember january february march june july august october december sampai hingga until tanggal etc dst',
      // Numbers in words count the lines a question speaks of ("the four programmes"); they name none.
      // The arithmetic asked of two figures names no line.
      'selisih selisihnya difference differences gap far off apa atau',
      // Words that join a follow-up ("terus 2024?", "padahal …") name no line.
      'terus lalu kemudian padahal then also trus bukan bukannya',
      'one two three four five six seven eight nine ten eleven twelve satu dua tiga empat lima enam tujuh delapan sembilan sepuluh sebelas belas',
    ].join(' '),
  ),
);

/**
 * Reads a question.
 *
 * @example
 *   understand('Berapa capaian IKM tahun lalu?');
 *   // { kind: 'value', attrs: ['capaian'], period: 'previous', terms: ['ikm'], … }
 */
export function understand(question: string, opts: { lang?: Lang; year?: number | null } = {}): Understood {
  const lang = opts.lang ?? detectLanguage(question);
  const q = expandShorthand(question.toLowerCase().replace(/\s+/g, ' ').trim());
  const reportYear = opts.year ?? null;

  // Places first: their numbers are not figures.
  let rest = q;
  const tableLabels: string[] = [];
  // A label is a number or a roman numeral standing alone ("tabel isu strategis" names none).
  for (const tm of q.matchAll(/\btabel\s*\.?\s*([0-9ivx]+(?:\s*[.\-–]\s*[0-9]+)*)(?![\p{L}\d])|\btable\s*\.?\s*([0-9ivx]+(?:\s*[.\-–]\s*[0-9]+)+|[0-9]+)(?![\p{L}\d])/giu)) {
    tableLabels.push(normaliseLabel((tm[1] ?? tm[2])!));
    rest = rest.replace(tm[0], ' ');
  }
  const tableLabel = tableLabels[0] ?? null;
  let page: number | null = null;
  const pm = /\b(?:halaman|hal\.?|page|p\.)\s*(\d{1,3})\b/.exec(rest);
  if (pm) {
    page = Number(pm[1]);
    rest = rest.replace(pm[0], ' ');
  }
  // Sections named as places ("the executive summary", "Bab II") are not what is asked.
  rest = rest.replace(/\b(executive[- ]summary|ringkasan eksekutif)\b/g, ' execsum ').replace(/\b(bab|chapter)\s+([ivx]+|\d+)\b/g, ' ').replace(/\b(\p{L}{4,})nya\b/gu, '$1');
  // A regulation cited ("Permendagri 86/2017", "PP Nomor 12 Tahun 2019") names a rule: its number and year are no figure or period.
  rest = rest.replace(/\b(?:permendagri|permenpan(?:-?rb)?|permen\w*|perpres|perbup|perwali|perda|pergub|peraturan(?: \p{L}+){0,3}|undang-undang|uu|pp|inpres|kepmen\w*|sk)\s+(?:no\.?\s*|nomor\s+)?\d+(?:\s*\/\s*|\s+tahun\s+)(?:19|20)\d\d\b/gu, ' ');
  // A plan's span ("Renstra 2021-2026", "periode 2016 s.d. 2021") names the plan, not years asked.
  rest = rest.replace(/\b(renstra|rpjmd|rpjmn|periode|period|plan)\s+(?:tahun\s+)?(?:19|20)\d\d\s*(?:[-–/]|s\.?\s?d\.?|sampai|hingga|to|until)\s*(?:19|20)\d\d\b/g, '$1 ');
  // Codes (2.12.01.2.08) name budget lines; keep them out of the figures.
  const codes = rest.match(/\b\d+(?:\.\d{1,2}){2,}\b/g) ?? [];
  for (const c of codes) rest = rest.replace(c, ' ');

  const years = [...rest.matchAll(/\b(19[5-9]\d|20[0-9]\d)\b/g)].map((m) => Number(m[1]));
  let year = years.find((y) => y !== reportYear) ?? years[0] ?? null;
  const asked = [...new Set(years)];

  // Quoted names ("Pencapaian Kinerja dan Anggaran") name a table or a line, not the quantity asked.
  const unquoted = rest.replace(/["“”'‘’][^"“”'‘’]{3,}["“”'‘’]/g, ' ');
  const attrs: Attr[] = attrsIn(unquoted);
  const money = /\b(anggaran|pagu|dana|rupiah|rp\.?|budget|spent|spending|belanja|expenditure|biaya|cost|funds?)\b/.test(rest);
  // "realisasi anggaran", "sisa anggaran", "budget absorption": the money word qualifies the figure, it is not the pagu.
  if (attrs.includes('pagu') && attrs.some((a) => a === 'realisasi' || a === 'sisa' || a === 'serapan')) {
    const money = /\b(pagu|anggaran|dianggarkan|menganggarkan|alokasi|dialokasikan|plafon|budget|budgets|budgeted|allocation|allocated|ceiling|funding|dana)\b/g;
    const qualifier = /^(realisasi|serapan|penyerapan|sisa|persentase realisasi|remaining|unspent|spent)\s*$|^\s*(realisation|realization|absorption|spent|remaining|yang terserap|terserap|terealisasi)\b/;
    const alone = [...unquoted.matchAll(money)].some((m) => !qualifier.test(unquoted.slice(Math.max(0, m.index - 22), m.index).split(/\s+/).slice(-2).join(' ')) && !qualifier.test(unquoted.slice(m.index + m[0].length, m.index + m[0].length + 16)));
    if (!alone) attrs.splice(attrs.indexOf('pagu'), 1);
  }
  if (attrs.includes('count') && attrs.length > 1 && !/\b(how many|berapa banyak|berapa buah|number of)\b/.test(rest)) attrs.splice(attrs.indexOf('count'), 1);

  // A kind named after a negation ("level kegiatan, bukan sub kegiatan") is the one not asked.
  const positive = rest.replace(/\b(?:bukan|not|kecuali|selain|excluding|except)\s+(?:the\s+|a\s+)?(?:level\s+)?(sub[ -]?kegiatan|sub-?activit(?:y|ies)|kegiatan|activit(?:y|ies)|program(?:me)?s?|indikator|indicators?)\b/g, ' ');
  const entityKinds: EntityKind[] = [];
  for (const [k, re] of KIND_PHRASES) if (re.test(positive) && !entityKinds.includes(k)) entityKinds.push(k);
  if (entityKinds.includes('sub_kegiatan')) entityKinds.splice(entityKinds.indexOf('kegiatan'), entityKinds.includes('kegiatan') ? 1 : 0);

  let period: Period | null = null;
  if (NEXT.test(rest) || attrs.includes('prakiraan')) period = 'next';
  else if (RENSTRA.test(rest)) period = 'renstra';
  else if (PREVIOUS.test(rest)) period = 'previous';
  // "The Renstra end target (2026)": the plan's last year names the Renstra end, not a year's figure.
  if (period === 'renstra' && reportYear !== null && asked.some((x) => x > reportYear)) {
    for (const y of asked.filter((x) => x > reportYear)) asked.splice(asked.indexOf(y), 1);
    year = asked.find((y) => y !== reportYear) ?? asked[0] ?? null;
  }
  // "2024 berapa, terus tahun lalu?": the year named and the one before, both asked.
  if (period === 'previous' && reportYear !== null && asked.length === 1 && asked[0] === reportYear) {
    asked.push(reportYear - 1);
    period = null;
  }
  if (!period && year !== null && reportYear !== null) {
    if (year === reportYear - 1) period = 'previous';
    else if (year === reportYear) period = 'current';
  }
  const variants: Array<'original' | 'perubahan'> = [];
  // "Before and after the revision": both, the first word's phrase cut short by the second's.
  if (ORIGINAL.test(rest) || /\b(before and after|sebelum dan (?:sesudah|setelah))\b/.test(rest)) variants.push('original');
  if (REVISED.test(rest.replace(new RegExp(ORIGINAL.source, 'g'), ' '))) variants.push('perubahan');
  // "The original budget, and what did it become?": the revised one asked too.
  else if (variants.length && /\b(become|became|changed to|revised to|turned into|menjadi|jadi berapa|berubah jadi)\b/.test(rest)) variants.push('perubahan');
  const variant = variants.length === 1 ? variants[0]! : null;
  const subPeriod = SUB_PERIOD.exec(rest)?.[0] ?? null;

  // "Rp 1,9 miliar", "2.1 billion", "950 jt": a rounded amount, written out and compared to its precision.
  const approx: Record<string, number> = {};
  rest = rest.replace(/\b(\d+(?:[.,]\d+)?)\s*(miliar|milyar|billion|bn|juta|jt|million|mio|ribu|rb|thousand)\b/g, (_m, n: string, scale: string) => {
    const mult = /^(miliar|milyar|billion|bn)$/.test(scale) ? 1e9 : /^(juta|jt|million|mio)$/.test(scale) ? 1e6 : 1e3;
    const decimals = /[.,](\d+)$/.exec(n)?.[1]?.length ?? 0;
    const value = Number(n.replace(',', '.')) * mult;
    const text = String(Math.round(value)).replace(/\B(?=(\d{3})+(?!\d))/g, '.');
    approx[text] = (mult / 10 ** decimals) / 2;
    return ` ${text} `;
  });
  const figures = figuresIn(rest).filter((f) => !years.includes(Number(f)));
  // A small whole number stated as a value ("was 87, right?", "17 minutes"): a premise too; a number
  // that is part of a line's name ("minimal 20 jam") is dropped when the line is matched.
  for (const m of rest.matchAll(/(?<![\d.,])\b(\d{1,3})\b(?![.,]?\d)(?!\s*(?:%|\(|[a-z]+\)))/g)) {
    const n = m[1]!;
    if (!figures.some((f) => readings(f).includes(Number(n))) && !years.includes(Number(n)) && !/\b(tw|triwulan|semester|quarter|iku|no|nomor|number|ke|bab|chapter|lampiran|attachment|top|first|pertama)\s*$/.test(rest.slice(Math.max(0, m.index - 12), m.index))) figures.push(n);
  }
  // "stayed at 3", "tetap di angka 3": a small figure stated as the value.
  for (const m of rest.matchAll(/\b(?:stayed at|remained at|was only|tetap di(?: angka| level)?|hanya|level)\s+(\d{1,2}(?:[.,]\d+)?)\b/g)) if (!figures.includes(m[1]!)) figures.push(m[1]!);
  // "of all 8 IKU", "the 4 programmes": a number of lines, stated beside the noun it counts.
  const counts = figures.filter((f) => new RegExp(`(?<![\\d.,])${f.replace(/[.]/g, '\\.')}\\s+(?:${COUNTED_WORDS})\\b`).test(rest));
  // "Paling rendah" ranks; it names no predikat.
  const assertedLabel = LABELS.exec(rest.replace(/\bpaling\s+\p{L}+/gu, ' '))?.[1] ?? null;

  let kind: AskKind;
  const cm = COUNT.exec(rest);
  // "jumlah anggaran program": the amount of a budget, not a count.
  const counting = (!!cm && !/\b(anggaran|pagu|dana|realisasi|belanja|sisa|capaian|target|rp)\b/.test(cm[2] ?? '')) || (/\b(how many|berapa banyak|ada berapa|berapa yang)\b/.test(rest) && COUNTED_NOUN.test(rest));
  const generic = /^(berapa (banyak|jumlah)|ada berapa|how many|what is the number of|jumlah)\b/.test(rest.trim()) && !attrs.some((a) => a !== 'count') && !money;
  // "The number of complaints went down, right?": a premise about a figure, not a count to give.
  const tagged = /(\bright\??$|\bkan\??$|\bya\??$|\bbukan\??$|\bis it true\b|\bbenarkah\b|\bapa benar\b|\bisn'?t it\b|\bcorrect\?$)/.test(rest.replace(/[?!.\s]+$/, '')) || /\b(went|go(?:es)?|gone) (up|down)\b|\b(naik|turun|meningkat|menurun)\b/.test(rest) || (figures.length > 0 && (UP.test(rest) || DOWN.test(rest)));
  if ((counting || generic) && !(tagged && !/^(berapa|ada berapa|how many)\b/.test(rest.trim())) && !/\b(temuan|findings?|errors?|kesalahan|peringatan|warnings?)\b/.test(rest)) kind = 'count';
  else if (SUMMARY.test(rest)) kind = 'summary';
  else if (EXPLAIN.test(rest)) kind = 'explanation';
  else if (LOCATE.test(rest.replace(RELATIVE, ' '))) kind = 'location';
  else if ((attrs[0] === 'count' && !tagged) || (/\b(how many|berapa banyak|berapa jumlah|jumlah)\b/.test(rest) && /\b(program|kegiatan|sub ?kegiatan|indikator|sasaran|tujuan|programs|activities|indicators|objectives|goals|temuan|findings|errors|kesalahan)\b/.test(rest) && !money && !attrs.some((a) => a !== 'count' && a !== 'pagu'))) kind = 'count';
  else if (figures.some((f) => !counts.includes(f)) || CHECK.test(rest) || (ASSERTION.test(rest) && assertedLabel)) kind = 'check';
  else kind = 'value';
  // "Did it go up or down?": a choice between two, asked; no claim to check.
  if (kind === 'check' && !figures.some((f) => !counts.includes(f)) && /\b(up or down|down or up|naik (?:atau|apa) turun|turun (?:atau|apa) naik|higher or lower|increase or decrease|better or worse|membaik atau memburuk)\b/.test(rest)) kind = 'value';
  // "Any sub kegiatan where …", "adakah program yang …": the lines that fit, listed and counted.
  if ((kind === 'value' || kind === 'check') && /^(?:are there |is there |were there )?any\b|^(?:adakah|apakah ada|ada(?:kah)?)\b/.test(rest.trim()) && COUNTED_NOUN.test(rest) && /\b(where|which|that|whose|yang|dengan)\b/.test(rest)) kind = 'count';
  // "Berapa rekomendasi …", "how many issues …": a count of whatever noun follows, when it is no measure.
  const countedNoun = /\b(?:berapa|how many)\s+(\p{L}{3,})/u.exec(rest)?.[1];
  if (kind === 'value' && countedNoun && !attrs.length && !money && !MEASURE.test(countedNoun)) kind = 'count';
  if (kind === 'count' && !attrs.includes('count')) attrs.unshift('count');

  // "Prakiraan maju" is a quantity; "maju" alone names ("desa maju").
  const named = (assertedLabel ? rest.replace(assertedLabel, ' ') : rest).replace(/\bprakiraan maju\b/g, ' ');
  const terms = analyze(named.replace(/\d+(?:[.,]\d+)*\s?%?/g, ' ')).filter((t) => !NOISE.has(t));
  for (const c of codes) terms.push(c);
  return {
    question,
    lang,
    kind,
    attrs,
    entityKinds,
    period,
    year,
    years: asked,
    variant,
    variants,
    subPeriod,
    tableLabel,
    tableLabels,
    page,
    asserted: figures,
    counts,
    approx,
    assertedLabel,
    terms,
    money,
  };
}

/** Whether the question is about findings (errors, problems) rather than a printed figure. */
export function asksFindings(question: string): boolean {
  return FINDINGS.test(question.toLowerCase().replace(/["“”][^"“”]{3,}["“”]/g, ' '));
}

/** The raw words of a question, lower case (for phrase tests elsewhere). */
export function words(question: string): string[] {
  return tokenize(question);
}
