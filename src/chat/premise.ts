import type { Attr, Fact, FactEntity, FactIndex } from './facts.js';
import { readings } from './figures.js';
import type { Lang } from './types.js';
import type { Understood } from './understand.js';

/**
 * Premises a question takes for granted, checked against the printed figures: a change between
 * two years or across the budget revision ("why did the capaian go up…"), a figure against its
 * target ("since the IKM beat its target…"), spending against the budget ("spent more than its
 * budget…"), and a figure with a bound ("absorption below 80%"). Each premise the figures
 * contradict gives a correction with both figures cited; a premise they bear out, or one that
 * cannot be checked, gives null.
 */

export interface Verdict {
  holds: boolean;
  /** The figures that decide it, one sentence, in the question's language. */
  text: string;
  facts: Fact[];
}

export const UP = /\b(naik|menaik|meningkat|peningkatan|kenaikan|membaik|bertambah|dinaikkan|lebih tinggi|lebih baik|go(es)? up|gone up|went up|rose|rise|risen|rising|increas\w*|improv\w*|higher|grew|grow\w*|raised|better|soar\w*|jump\w*|surg\w*|melonjak|meroket)\b/;
export const DOWN = /\b(turun|menurun|penurunan|memburuk|berkurang|diturunkan|dikurangi|lebih rendah|lebih buruk|dropped|drop|drops|fell|fall(s|en)?|declin\w*|decreas\w*|wors\w*|deteriorat\w*|lower(ed)?|go(?:es)? down|went down|gone down|cut|reduced|dipotong|dipangkas|collaps\w*|plung\w*|plummet\w*|slump\w*|anjlok|merosot)\b/;
/** Judgement words: "better" / "worse" depend on the indicator's polarity, "up" / "down" do not. */
export const JUDGED = /\b(membaik|memburuk|lebih baik|lebih buruk|improv\w*|wors\w*|deteriorat\w*|better)\b/;
const BEAT_TARGET = /\b(beat|beats|exceed\w*|surpass\w*|melampaui|melebihi|achieved|met|reached|mencapai|capai|tercapai)\b[^.?!]{0,25}\btarget\w*|\btarget\w*[^.?!]{0,20}\b(tercapai|terlampaui|dilampaui|was met|were met|achieved|exceeded)\b/;
const MISS_TARGET = /\b(short of|fell short|tidak mencapai|belum mencapai|missed|miss)\b[^.?!]{0,25}\btarget\w*/;
/** "Above / below the target" compare the figures themselves, whatever the indicator's polarity. */
const MORE = String.raw`lebih (?:tinggi|besar|banyak) (?:dari|daripada)|(?:higher|greater|larger|bigger) than`;
const LESS = String.raw`lebih (?:rendah|kecil|sedikit) (?:dari|daripada)|(?:lower|smaller) than`;
const ABOVE_TARGET = new RegExp(String.raw`\b(di atas|above|over|${MORE})\b[^.?!]{0,25}\btarget\w*`);
const BELOW_TARGET = new RegExp(String.raw`\b(di bawah|below|under|${LESS})\b[^.?!]{0,25}\btarget\w*`);
const OVER_BUDGET = new RegExp(String.raw`\b(more than|melebihi|lebih dari|${MORE}|di atas|above|exceed\w*|over)\b[^.?!]{0,25}\b(budget|pagu\w*|anggaran\w*|allocation)\b|\boverspen\w*`);
const UNDER_BUDGET = new RegExp(String.raw`\b(less than|kurang dari|${LESS}|di bawah|below|under|within)\b[^.?!]{0,25}\b(budget|pagu\w*|anggaran\w*|allocation)\b|\bunderspen\w*|\bterserap di bawah\b`);

/** "Fully spent", "terserap seluruhnya", "habis": spending equal to the budget. */
const FULLY_SPENT = /\b(fully (spent|used|absorbed|realised|realized)|spent (in full|entirely|completely|all)|used up|terserap (seluruhnya|semua|penuh|habis|100)|habis terpakai|terpakai (semua|habis|seluruhnya)|seluruhnya terserap)\b/;
/** Speed words about a time: faster is a lower figure, slower a higher one. */
const FASTER = /\b(lebih cepat|makin cepat|semakin cepat|faster|quicker|sped up|speedier)\b/;
const SLOWER = /\b(lebih lambat|makin lambat|semakin lambat|slower|slowed|lebih lama|longer)\b/;

export interface PremiseInput {
  u: Understood;
  fx: FactIndex;
  lang: Lang;
  /** The entity the question names, and the facts to check it with (picked by the caller's matcher). */
  entity: FactEntity;
  facts: (attr: Attr, opts: { period?: 'current' | 'previous'; year?: number | null; variant?: 'original' | 'perubahan' | null }) => Fact[];
}

// Keep `first` for callers that need one figure.
void first;

/**
 * The first premise of a question the figures can decide, or null.
 *
 * @example
 *   checkPremise({ u: understand('Why did the IKM capaian go up from 2022 to 2023?'), … });
 *   // { holds: false, text: 'The capaian went down: 107% (2022) [t19.r4c7] → 105,73% (2023) [t19.r4c8].', … }
 */
export function checkPremise(p: PremiseInput): Verdict | null {
  // Words of the entity's own name ("Persentase peningkatan kualitas…") claim nothing.
  const own = new Set(p.entity.names.flatMap((n) => n.toLowerCase().match(/\p{L}+/gu) ?? []));
  const q = (p.u.question.toLowerCase().match(/[\p{L}\p{N}.,%-]+/gu) ?? []).filter((w) => !own.has(w)).join(' ');
  // Each premise the question states, checked on its own ("dropped in 2024 and is below the national
  // average" is two); the words of one are not read again as another's.
  const verdicts: Array<Verdict | null> = [];
  let rest = q;
  const take = (re: RegExp) => {
    rest = rest.replace(new RegExp(re.source, 'g'), ' ');
  };
  if (OVER_BUDGET.test(q) || UNDER_BUDGET.test(q)) {
    verdicts.push(budget(p, OVER_BUDGET.test(q)));
    take(OVER_BUDGET);
    take(UNDER_BUDGET);
  } else if (FULLY_SPENT.test(q)) {
    verdicts.push(budget(p, true, true));
    take(FULLY_SPENT);
  }
  if (ABOVE_TARGET.test(q) !== BELOW_TARGET.test(q)) {
    verdicts.push(target(p, ABOVE_TARGET.test(q), true));
    take(ABOVE_TARGET);
    take(BELOW_TARGET);
  } else if (BEAT_TARGET.test(q) || MISS_TARGET.test(q)) {
    verdicts.push(target(p, !MISS_TARGET.test(q)));
    take(BEAT_TARGET);
    take(MISS_TARGET);
  }
  if (BENCHMARK.test(rest)) {
    const higher = BENCH_HIGHER.test(rest);
    const lower = BENCH_LOWER.test(rest);
    if (higher !== lower) verdicts.push(benchmark(p, higher));
    // The comparison with the benchmark is no movement over time.
    rest = rest.replace(new RegExp(String.raw`\b(?:${HIGHER_WORDS}|${LOWER_WORDS})\b[^.?!]{0,40}?\b(?:${BENCHMARK_WORDS})\b`, 'g'), ' ');
  }
  // "Membaik / lebih cepat": a speed word says which way the figure moved; the judgement beside it agrees.
  const qd = FASTER.test(rest) || SLOWER.test(rest) ? rest.replace(new RegExp(JUDGED.source, 'g'), ' ') : rest;
  const up = UP.test(qd) || SLOWER.test(qd);
  const down = DOWN.test(qd) || FASTER.test(qd);
  if (up !== down) verdicts.push(trend(p, up, JUDGED.test(qd)));
  const found = verdicts.filter((v): v is Verdict => v !== null);
  if (!found.length) return null;
  const wrong = found.filter((v) => !v.holds);
  const shown = wrong.length ? wrong : found;
  return { holds: !wrong.length, text: shown.map((v) => v.text).join(' '), facts: shown.flatMap((v) => v.facts) };
}

const BENCHMARK_WORDS = 'rata-rata|average|nasional|national|provinsi|province|provincial';
const HIGHER_WORDS = String.raw`lebih tinggi|di atas|above|higher|exceed\w*|melampaui|melebihi|better|lebih baik`;
const LOWER_WORDS = 'lebih rendah|di bawah|below|lower|under|worse|lebih buruk';
const BENCHMARK = new RegExp(`\\b(${BENCHMARK_WORDS})\\b`);
const BENCH_HIGHER = new RegExp(`\\b(${HIGHER_WORDS})\\b`);
const BENCH_LOWER = new RegExp(`\\b(${LOWER_WORDS})\\b`);

function t(lang: Lang, id: string, en: string): string {
  return lang === 'id' ? id : en;
}

function num(f: Fact): number | null {
  return f.value ?? readings(f.text)[0] ?? null;
}

function cite(f: Fact): string {
  return `${f.text.replace(/\[/g, '(').replace(/\]/g, ')')} [${f.id}]`;
}

function first(fs: Fact[]): Fact | undefined {
  return fs.find((f) => num(f) !== null);
}

/** Two figures to compare, from one table when one table prints both (a comparison table prints both years). */
function pair(a: Fact[], b: Fact[]): [Fact, Fact] | null {
  // The figure printed most often first: a copy that disagrees with the others is the odd one.
  const often = (f: Fact) => a.filter((x) => num(x) === num(f)).length;
  const xs = a.filter((f) => num(f) !== null).sort((x, y) => often(y) - often(x));
  const ys = b.filter((f) => num(f) !== null);
  for (const x of xs) {
    const y = ys.find((f) => f.table && f.table === x.table && f.id !== x.id);
    if (y) return [x, y];
  }
  const x = xs[0];
  const y = ys.find((f) => f.id !== x?.id);
  return x && y ? [x, y] : null;
}

function trend(p: PremiseInput, up: boolean, judged: boolean): Verdict | null {
  const { u, lang } = p;
  const revision = u.variants.length > 0 || /\b(perubahan|revisi|revision|revised)\b/.test(u.question.toLowerCase());
  if (revision) {
    const both = pair(p.facts('pagu', { variant: 'original' }), p.facts('pagu', { variant: 'perubahan' }));
    if (!both) return null;
    const [before, after] = both;
    const diff = num(after)! - num(before)!;
    const holds = diff === 0 ? false : (diff > 0) === up;
    const how = diff > 0 ? t(lang, 'naik', 'went up') : diff < 0 ? t(lang, 'turun', 'went down') : t(lang, 'tetap', 'stayed the same');
    return { holds, facts: [before, after], text: t(lang, `Pagu ${how} dari ${cite(before)} (murni) menjadi ${cite(after)} (perubahan).`, `The budget ${how} from ${cite(before)} (original) to ${cite(after)} (revised).`) };
  }
  const attr: Attr = u.attrs.includes('capaian') ? 'capaian' : u.attrs.includes('serapan') ? 'serapan' : p.entity.kind === 'indicator' || p.entity.kind === 'average' ? 'realisasi' : 'pagu';
  const [y0, y1] = u.years.length >= 2 ? [Math.min(...u.years), Math.max(...u.years)] : [null, null];
  const both = pair(y0 !== null ? p.facts(attr, { year: y0 }) : p.facts(attr, { period: 'previous' }), y1 !== null ? p.facts(attr, { year: y1 }) : p.facts(attr, { period: 'current' }));
  if (!both) return null;
  const [older, newer] = both;
  const diff = num(newer)! - num(older)!;
  // "Better" about a lower-is-better realisasi means it went down; a capaian is already adjusted.
  const flip = judged && attr === 'realisasi' && !!p.entity.lowerIsBetter;
  const actualUp = diff > 0;
  const holds = diff !== 0 && (flip ? !actualUp : actualUp) === up;
  const how = diff > 0 ? t(lang, 'naik', 'went up') : diff < 0 ? t(lang, 'turun', 'went down') : t(lang, 'tidak berubah', 'did not change');
  const better = flip ? t(lang, ' (lebih rendah lebih baik, jadi ini membaik)', ' (lower is better, so this is an improvement)') : '';
  const name = ATTR_LABEL[attr][lang];
  const yo = older.year ?? '';
  const yn = newer.year ?? '';
  return { holds, facts: [older, newer], text: t(lang, `${name} ${how} dari ${cite(older)} (${yo}) menjadi ${cite(newer)} (${yn})${diff < 0 && flip ? better : ''}.`, `The ${name.toLowerCase()} ${how} from ${cite(older)} (${yo}) to ${cite(newer)} (${yn})${diff < 0 && flip ? better : ''}.`) };
}

/** `beat`: the target met (or, `numeric`, the figure above it); false: missed (or below it). */
function target(p: PremiseInput, beat: boolean, numeric = false): Verdict | null {
  const both = pair(p.facts('realisasi', { period: 'current' }), p.facts('target', { period: 'current' }));
  if (!both) return null;
  const [re, tg] = both;
  const lower = !!p.entity.lowerIsBetter;
  const a = num(re)!;
  const b = num(tg)!;
  const met = lower ? a <= b : a >= b;
  const exceeded = lower ? a < b : a > b;
  const holds = numeric ? (beat ? a > b : a < b) : beat ? met : !met;
  const cap = p.facts('capaian', { period: 'current' }).find((f) => f.table === re.table && num(f) !== null) ?? first(p.facts('capaian', { period: 'current' }));
  const capText = cap ? t(p.lang, `, capaian ${cite(cap)}`, `, capaian ${cite(cap)}`) : '';
  const rel = exceeded ? t(p.lang, 'melampaui', 'exceeds') : met ? t(p.lang, 'sama dengan', 'equals') : lower ? t(p.lang, 'di atas (lebih buruk dari)', 'is above (worse than)') : t(p.lang, 'di bawah', 'is below');
  return { holds, facts: [re, tg, ...(cap ? [cap] : [])], text: t(p.lang, `Realisasi ${cite(re)} ${rel} target ${cite(tg)}${capText}.`, `The realisation ${cite(re)} ${rel} the target ${cite(tg)}${capText}.`) };
}

function benchmark(p: PremiseInput, higher: boolean): Verdict | null {
  const both = pair(p.facts('realisasi', { period: 'current' }), p.facts('benchmark', { period: 'current' }));
  if (!both) return null;
  const [own, other] = both;
  const a = num(own)!;
  const b = num(other)!;
  const holds = higher ? a > b : a < b;
  const rel = a > b ? t(p.lang, 'di atas', 'is above') : a < b ? t(p.lang, 'di bawah', 'is below') : t(p.lang, 'sama dengan', 'equals');
  return { holds, facts: [own, other], text: t(p.lang, `Realisasi ${cite(own)} ${rel} angka pembanding ${cite(other)}.`, `The realisation ${cite(own)} ${rel} the comparison figure ${cite(other)}.`) };
}

function budget(p: PremiseInput, over: boolean, full = false): Verdict | null {
  const both = pair(p.facts('realisasi', { period: 'current' }), p.facts('pagu', { period: 'current' }));
  if (!both) return null;
  const [real, pagu] = both;
  const a = num(real)!;
  const b = num(pagu)!;
  const holds = full ? a >= b : over ? a > b : a < b;
  const rel = a > b ? t(p.lang, 'melebihi', 'is more than') : a < b ? t(p.lang, 'di bawah', 'is below') : t(p.lang, 'sama dengan', 'equals');
  const share = b > 0 ? ` (${(Math.round((a / b) * 10000) / 100).toFixed(2).replace('.', p.lang === 'id' ? ',' : '.')}%)` : '';
  return { holds, facts: [real, pagu], text: t(p.lang, `Realisasi ${cite(real)} ${rel} pagu ${cite(pagu)}${share}.`, `The amount spent ${cite(real)} ${rel} the budget ${cite(pagu)}${share}.`) };
}

const ATTR_LABEL: Record<Attr, { id: string; en: string }> = {
  target: { id: 'Target', en: 'Target' },
  realisasi: { id: 'Realisasi', en: 'Realisation' },
  capaian: { id: 'Capaian', en: 'Capaian' },
  predikat: { id: 'Predikat', en: 'Predikat' },
  pagu: { id: 'Pagu', en: 'Budget' },
  serapan: { id: 'Serapan', en: 'Absorption' },
  sisa: { id: 'Sisa', en: 'Remaining budget' },
  efisiensi: { id: 'Efisiensi', en: 'Efficiency' },
  count: { id: 'Jumlah', en: 'Number' },
  prakiraan: { id: 'Prakiraan', en: 'Forecast' },
  name: { id: 'Nama', en: 'Name' },
  year: { id: 'Tahun', en: 'Year' },
  benchmark: { id: 'Angka pembanding (nasional/provinsi)', en: 'Comparison figure (national/provincial)' },
};
