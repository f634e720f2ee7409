import type { Paragraph } from '../../model/table.js';
import type { BudgetRow, Claim, Indicator, Value } from '../../model/report.js';
import { normalizeName, valueFrom } from './cells.js';

/**
 * Sentences that compare an indicator's figure with another figure — last year's, this year's
 * target, a national or provincial figure — whatever their shape. A sentence qualifies when it names
 * an indicator, says a direction (a closed class of Indonesian words for more and less: naik, turun,
 * meningkat, peningkatan, kenaikan, bertambah, lebih tinggi / rendah / besar / kecil, di atas / di
 * bawah, melampaui, melebihi, belum mencapai …) and prints two figures, one of which is a figure the
 * tables print for that indicator this year. That figure is the subject ("to"); the other is what it
 * is compared with ("from"), so the word can be checked against the sign of to − from, in whatever
 * order the sentence puts them.
 */
const UP = String.raw`naik|meningkat|peningkatan|kenaikan|bertambah|pertambahan|lebih\s+(?:tinggi|besar|banyak)|di\s+atas|melampaui|melebihi|melewati`;
const DOWN = String.raw`turun|menurun|penurunan|berkurang|pengurangan|lebih\s+(?:rendah|kecil|sedikit)|di\s+bawah|belum\s+mencapai|tidak\s+mencapai|kurang\s+dari`;
/** A sentence opening on the figure the one before it stated: "Angka tersebut", "Nilai ini", "Capaian tersebut". */
const ANAPHOR = /^\s*(?:angka|nilai|realisasi|capaian|hasil|jumlah)\s+(?:tersebut|ini|itu)\b/i;
const DIRECTION = new RegExp(String.raw`\b(?:(${UP})|(${DOWN}))\b`, 'i');
/** Figures in a sentence: digits with separators, a percent sign optional; years are left out. */
const FIGURE = /(?<![\d.,])\d{1,3}(?:[.,]\d{3})*(?:[.,]\d+)?\s*%?(?![\d])/g;
const YEAR = /^(?:19|20)\d\d$/;
/** A condition or a definition ("apabila realisasi lebih rendah dari target …") states no fact about a figure. */
export const CONDITIONAL = /\b(?:(?:apabila|jika|bila|manakala)(?!\s+di(?:per)?(?:banding|sanding)kan)|berarti|artinya|semakin)\b/i;

/** Sentences: a stop followed by a capital, a bracket or quote, or a list number ("7. "); "Rp. 7.908" stays whole. */
function sentences(text: string): string[] {
  return text.split(/(?<=[.!?])\s+(?=[\p{Lu}(“"']|\d{1,2}[.)]\s)/u).map((s) => s.trim()).filter(Boolean);
}

function same(a: number, aDec: number, b: number, bDec: number): boolean {
  const tol = 0.5 * 10 ** -Math.min(aDec, bDec) + 1e-9;
  return Math.abs(a - b) <= tol;
}

/** The year before the report year, in words. */
const PREVIOUS_YEAR = /\btahun\s+(?:sebelumnya|lalu|yang\s+lalu)\b|\b(?:the\s+)?(?:previous|last|prior)\s+year\b/giu;

/**
 * The figure a sentence ties to the report year, when it names that year and the one before (in
 * digits, or in words: "tahun sebelumnya"), each once, and each of its two figures sits nearer one of
 * them than the other year: `[]` otherwise.
 *
 * @example
 *   figureOfYear('tercatat sebesar 75,69 pada akhir tahun 2021 atau menurun dari posisi tahun 2020 yang sebesar 72,82', [v7569, v7282], 2021); // [v7569]
 *   figureOfYear('Pada tahun 2024, … terealisasi sebesar 65.05%. Angka tersebut menurun dibandingkan realisasi tahun sebelumnya yang sebesar 58.41%.', [v6505, v5841], 2024); // [v6505]
 */

export function figureOfYear(sentence: string, figures: readonly Value[], tahun: number): Value[] {
  const at = (y: number): number[] => [...sentence.matchAll(new RegExp(String.raw`\b${y}\b`, 'g'))].map((m) => m.index!);
  const now = at(tahun);
  // The year before named in words ("realisasi tahun sebelumnya yang sebesar B") when not in digits.
  const before = at(tahun - 1).length ? at(tahun - 1) : [...sentence.matchAll(PREVIOUS_YEAR)].map((m) => m.index!);
  if (now.length !== 1 || before.length !== 1 || figures.length !== 2) return [];
  const pos = figures.map((f) => sentence.indexOf(f.text));
  if (pos.some((x) => x < 0)) return [];
  const nearer = pos.map((x) => (Math.abs(x - now[0]!) < Math.abs(x - before[0]!) ? 'now' : 'before'));
  if (nearer[0] === nearer[1]) return [];
  return figures.filter((_, i) => nearer[i] === 'now');
}

/** The indicators the tables print this year, each with the words of its name (two at least). */
function currentNames(indicators: readonly Indicator[], tahun: number): { current: Indicator[]; names: Array<{ i: Indicator; words: string[] }> } {
  const current = indicators.filter((i) => i.tahun === tahun);
  const names = [...new Map(current.map((i) => [i.key, i])).values()].map((i) => ({ i, words: normalizeName(i.indikator).split(' ').filter(Boolean) })).filter((x) => x.words.length >= 2);
  return { current, names };
}

/** The indicator a sentence names whole (the longest name when several fit). */
function namedIn(sentence: string, names: ReadonlyArray<{ i: Indicator; words: string[] }>): { i: Indicator; words: string[] } | undefined {
  const norm = normalizeName(sentence);
  return names.filter((x) => x.words.every((w) => ` ${norm} `.includes(` ${w} `))).sort((a, b) => b.words.length - a.words.length)[0];
}

/**
 * The sentence outside the indicator's own name ("Angka Kematian Ibu per 100.000"), however often
 * it is named (a heading run into its first sentence names it twice), and the figures it prints
 * there, years aside.
 */
function outsideName(sentence: string, name: string, p: Paragraph): { nameless: string; figures: Value[] } {
  const nameless = sentence.replace(new RegExp(name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'), 'gi'), ' ');
  return { nameless, figures: figuresIn(nameless, p) };
}

/** The figures a text of paragraph `p` prints, years aside, each cited to the paragraph. */
function figuresIn(text: string, p: Paragraph): Value[] {
  const cite = { page: p.page, table: null, bbox: p.bbox };
  return [...text.matchAll(FIGURE)]
    .map((m) => m[0].trim())
    .filter((t) => !YEAR.test(t.replace(/\s*%$/, '')))
    .map((t) => valueFrom(t, p.ocr ?? false, cite))
    .filter((v): v is Value => v !== null && v.value !== null);
}

/**
 * Trend claims for the comparison sentences that the shape-specific readers left without figures.
 *
 * @example
 *   readComparisons(paragraphs, indicators, 2023, claims); // [{ kind: 'trend', direction: 'down', from: 65,3, to: 76,2, … }]
 */
export function readComparisons(paragraphs: readonly Paragraph[], indicators: readonly Indicator[], tahun: number | null, existing: readonly Claim[]): Claim[] {
  if (tahun === null) return [];
  const covered = new Set(existing.filter((c) => c.kind === 'trend' && c.from && c.to).map((c) => normalizeName(c.text)));
  const { current, names } = currentNames(indicators, tahun);
  const out: Claim[] = [];
  let k = 0;
  for (const p of paragraphs) {
    const all = sentences(p.text);
    for (const [j, own] of all.entries()) {
      // "Angka tersebut menurun …" speaks of the figure the sentence before it stated ("X
      // terealisasi sebesar 48,92%."): the two are read as one.
      const before = all[j - 1];
      const s = ANAPHOR.test(own) && before && !namedIn(own, names) && !DIRECTION.test(before) ? `${before} ${own}` : own;
      if (!DIRECTION.test(s) || CONDITIONAL.test(s)) continue;
      const norm = normalizeName(s);
      if ([...covered].some((c) => c.includes(norm) || norm.includes(c))) continue;
      const named = namedIn(s, names);
      if (!named) continue;
      const cite = { page: p.page, table: null, bbox: p.bbox };
      const { nameless, figures } = outsideName(s, named.i.indikator, p);
      // The direction is read outside the name too ("Persentase pengurangan sampah … meningkat").
      const dir = DIRECTION.exec(nameless);
      if (!dir || figures.length !== 2) continue;
      // The subject: the figure the tables print for this indicator this year (realisasi, else capaian).
      const rows = current.filter((i) => i.key === named.i.key);
      const matches = (field: 'realisasi' | 'capaian') => figures.filter((f) => rows.some((i) => i[field]?.value != null && same(i[field]!.value!, i[field]!.decimals, f.value!, f.decimals)));
      const byRealisasi = matches('realisasi');
      const byTables = byRealisasi.length ? byRealisasi : matches('capaian');
      // Else the sentence may tie each figure to its year ("tercatat sebesar A pada akhir tahun 2021
      // atau menurun dari posisi tahun 2020 yang sebesar B"): the report year's figure is the subject.
      const subjects = byTables.length ? byTables : figureOfYear(nameless, figures, tahun);
      if (subjects.length !== 1) continue;
      const to = subjects[0]!;
      const from = figures.find((f) => f !== to)!;
      out.push({ id: `claim.comparison.${p.page}.${k++}`, kind: 'trend', direction: dir[1] ? 'up' : 'down', subject: named.i.indikator, from, to, text: s.slice(0, 400), cite } as Claim);
    }
  }
  return out;
}

const REALISASI_WORD = /\b(?:te|ter)?realisasi(?:nya)?\b|\btercatat\b/i;
const OTHER_QUANTITY = /\b(?:capaian|target|rencana|rata-rata|nasional|provinsi|dibandingkan|dari\s+tahun)\b/i;

/**
 * Sentences stating an indicator's realisasi as their one figure, with no direction word: "Pada
 * tahun 2019, Angka Kematian Bayi (AKB) terealisasi sebesar 41." A sentence qualifies when it names
 * an indicator the tables print this year (its whole name), says realisasi (terealisasi, realisasi,
 * tercatat) and no other quantity or comparison (capaian, target, rata-rata, nasional …), names the
 * report year or none, and prints exactly one figure outside the name. The tables check it.
 */
export function readStatements(paragraphs: readonly Paragraph[], indicators: readonly Indicator[], tahun: number | null, existing: readonly Claim[]): Claim[] {
  if (tahun === null) return [];
  // A trend sentence's own figures are read with it; a statement sentence before it is its own.
  const trends = new Set(existing.filter((c) => c.kind === 'trend' && c.to && !c.to.cite.table).map((c) => c.text));
  const { names } = currentNames(indicators, tahun);
  const out: Claim[] = [];
  let k = 0;
  for (const p of paragraphs) {
    for (const s of sentences(p.text)) {
      if (!REALISASI_WORD.test(s) || DIRECTION.test(s) || CONDITIONAL.test(s) || trends.has(s.slice(0, 400))) continue;
      const named = namedIn(s, names);
      if (!named) continue;
      const { nameless, figures } = outsideName(s, named.i.indikator, p);
      if (OTHER_QUANTITY.test(nameless) || !REALISASI_WORD.test(nameless) || figures.length !== 1) continue;
      const years = [...nameless.matchAll(/\b(?:19|20)\d\d\b/g)].map((m) => Number(m[0]));
      if (years.some((y) => y !== tahun)) continue;
      const cite = { page: p.page, table: null, bbox: p.bbox };
      out.push({ id: `claim.stated.${p.page}.${k++}`, kind: 'stated', subject: named.i.indikator, quantity: 'realisasi', value: figures[0]!, text: s.slice(0, 400), cite } as Claim);
    }
  }
  return out;
}

/** Words that state a ratio of two figures. */
const RATIO_WORDS = /\b(?:perbandingan|rasio|dibagi|dibandingkan|ratio)\b/i;

/**
 * Efficiency statements of any shape: a sentence about efficiency (efisien, efisiensi) printing a
 * ratio and two percentages, one of which is the budget's own absorption (the % the budget tables
 * print on their total). That one is the denominator, the other the numerator (the capaian), and the
 * ratio the stated result — whatever the order and wording of the sentence.
 *
 * @example
 *   readEfficiency(paragraphs, budget, claims); // [{ kind: 'efisiensi', stated: 1,02, numerator: 94,47%, denominator: 92,42%, … }]
 */
export function readEfficiency(paragraphs: readonly Paragraph[], budget: readonly BudgetRow[], existing: readonly Claim[]): Claim[] {
  const absorption = budget.filter((b) => b.level === 'total' && b.persen?.value != null).map((b) => b.persen!);
  if (!absorption.length) return [];
  const covered = existing.filter((c) => c.kind === 'efisiensi').map((c) => normalizeName(c.text));
  const out: Claim[] = [];
  let k = 0;
  for (const p of paragraphs) {
    const all = sentences(p.text);
    for (const [i, s] of all.entries()) {
      // About efficiency, or a ratio of two figures that the next sentence calls efficient ("…
      // adalah 0,92. Angka ini menunjukkan penggunaan anggaran yang efisien.").
      const about = /\befisien/i.test(s) || (RATIO_WORDS.test(s) && /\befisien/i.test(all[i + 1] ?? ''));
      if (!about || CONDITIONAL.test(s)) continue;
      const norm = normalizeName(s);
      if (covered.some((c) => c.includes(norm) || norm.includes(c))) continue;
      const cite = { page: p.page, table: null, bbox: p.bbox };
      const figures = figuresIn(s, p);
      if (figures.length !== 3) continue;
      const ratios = figures.filter((f) => !/%/.test(f.text) && f.value! > 0 && f.value! < 10);
      if (ratios.length !== 1) continue;
      const stated = ratios[0]!;
      const rest = figures.filter((f) => f !== stated);
      const denominators = rest.filter((f) => absorption.some((a) => same(a.value!, a.decimals, f.value!, f.decimals)));
      if (denominators.length !== 1) continue;
      const denominator = denominators[0]!;
      const numerator = rest.find((f) => f !== denominator)!;
      out.push({ id: `claim.efficiency.${p.page}.${k++}`, kind: 'efisiensi', stated, numerator, denominator, operation: 'divide', label: null, text: s.slice(0, 400), cite } as Claim);
    }
  }
  return out;
}
