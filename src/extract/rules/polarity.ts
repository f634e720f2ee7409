import type { Indicator } from '../../model/report.js';
import { normalizeName } from './cells.js';
import { formulasIn } from './formula.js';

/**
 * Words in an indicator's name that mean lower is better: deaths, stunting, poverty, unemployment,
 * audit findings not followed up, complaints, accidents…
 */
const LOWER_IS_BETTER = [
  /kematian/,
  /\bstunting\b/,
  /kemiskinan|penduduk miskin/,
  /pengangguran/,
  /\btemuan\b/,
  /belum ditindaklanjuti/,
  /pengaduan|keluhan/,
  /kecelakaan/,
  /gizi buruk|kurang gizi|wasting|underweight/,
  /prevalensi/,
  /angka kesakitan|morbiditas|insiden/,
  /kebakaran/,
  /pelanggaran/,
  /tunggakan|piutang macet/,
  /kerusakan|kerugian/,
  /banjir|genangan/,
  /inflasi/,
  /rasio gini|ketimpangan/,
  /kriminal|kejahatan/,
  /putus sekolah/,
  /waktu (tunggu|penyelesaian|pelayanan)|lama (waktu|pelayanan)/,
  /kawasan kumuh|rumah tidak layak/,
];

/**
 * Statements that declare the polarity of an indicator: "polaritas negatif", "semakin rendah
 * realisasinya … semakin baik", or the capaian formula it is computed with (target / realisasi).
 */
const DECLARED_LOWER = /polaritas\s+negatif|semakin\s+(kecil|rendah|sedikit)\b[^.;]{0,100}?semakin\s+baik|minimi[sz]e|\btarget\s*\/\s*realisasi\b/i;
const DECLARED_HIGHER = /polaritas\s+positif|semakin\s+(besar|tinggi|banyak)\b[^.;]{0,100}?semakin\s+baik|maximi[sz]e|\brealisasi\s*\/\s*target\b/i;

/**
 * Polarity the report's prose declares for named indicators: a sentence that declares one
 * polarity (and not the other) applies to the indicators it names, or — when it speaks of
 * "indikator ini/tersebut" — to the one indicator its paragraph names. An indicator given both
 * polarities keeps its inferred one.
 *
 * @example
 *   declaredPolarities(['Persentase jalan rusak berat'], ['Untuk indikator yang semakin rendah realisasinya semakin baik (Persentase jalan rusak berat), capaian = target / realisasi × 100%.']);
 *   // Map { 'Persentase jalan rusak berat' => 'lower' }
 */
export function declaredPolarities(names: string[], paragraphs: string[]): Map<string, 'higher' | 'lower'> {
  const normNames = [...new Set(names)].map((n) => ({ n, norm: normalizeName(n) })).filter((x) => x.norm.split(' ').length >= 2);
  const named = (text: string) => {
    // Names are often listed in parentheses, which normalizeName drops as abbreviations.
    const t = ` ${normalizeName(text.replace(/[()]/g, ' '))} `;
    return normNames.filter((x) => t.includes(` ${x.norm} `)).map((x) => x.n);
  };
  const found = new Map<string, 'higher' | 'lower' | 'both'>();
  for (const para of paragraphs) {
    if (!DECLARED_LOWER.test(para) && !DECLARED_HIGHER.test(para)) continue;
    for (const sentence of para.split(/(?<=[.!?])\s+(?=\p{Lu})/u)) {
      const stated = formulasIn(sentence).map((f) => f.formula);
      const lower = DECLARED_LOWER.test(sentence) || stated.some((f) => f !== 'ratio');
      const higher = DECLARED_HIGHER.test(sentence) || stated.includes('ratio');
      if (lower === higher) continue;
      let who = named(sentence);
      if (who.length === 0 && /\bindikator\s+(ini|tersebut)\b/i.test(sentence)) {
        const inPara = named(para);
        if (inPara.length === 1) who = inPara;
      }
      for (const n of who) {
        const pol = lower ? 'lower' : 'higher';
        const had = found.get(n);
        found.set(n, had && had !== pol ? 'both' : pol);
      }
    }
  }
  const out = new Map<string, 'higher' | 'lower'>();
  for (const [n, p] of found) if (p !== 'both') out.set(n, p);
  return out;
}

/**
 * Decides whether higher or lower is better for an indicator: declared in its own text first,
 * then inferred from its name, else higher-is-better by default.
 *
 * @example
 *   polarityOf('Prevalensi stunting pada balita'); // { polarity: 'lower', source: 'inferred' }
 */
export function polarityOf(name: string, declaredText = ''): { polarity: 'higher' | 'lower'; source: 'declared' | 'inferred' | 'default' } {
  if (DECLARED_LOWER.test(declaredText)) return { polarity: 'lower', source: 'declared' };
  if (DECLARED_HIGHER.test(declaredText)) return { polarity: 'higher', source: 'declared' };
  const n = name.toLowerCase();
  // "Penurunan angka kematian" is a rate of decrease: higher is better.
  if (/^(persentase\s+)?(penurunan|berkurangnya|menurunnya)\b/.test(n)) return { polarity: 'higher', source: 'inferred' };
  if (LOWER_IS_BETTER.some((re) => re.test(n))) return { polarity: 'lower', source: 'inferred' };
  return { polarity: 'higher', source: 'default' };
}

type LowerFormula = 'two-minus' | 'inverse';

/** Capaian of a formula over the interval a printed realisasi stands for (a whole number is exact). */
function capaianRange(f: 'ratio' | LowerFormula, r: number, rDec: number, t: number): [number, number] {
  const h = rDec > 0 ? 0.5 * 10 ** -rDec : 0;
  const at = (x: number): number => (f === 'ratio' ? (x / t) * 100 : f === 'two-minus' ? (2 - x / t) * 100 : (t / x) * 100);
  const a = at(r - h);
  const b = at(r + h);
  return [Math.min(a, b), Math.max(a, b)];
}

function matches(f: 'ratio' | LowerFormula, ind: Indicator): boolean {
  const c = ind.capaian!;
  const half = 0.5 * 10 ** -c.decimals + 1e-9;
  const [lo, hi] = capaianRange(f, ind.realisasi!.value!, ind.realisasi!.decimals, ind.target!.value!);
  return c.value! >= lo - half && c.value! <= hi + half;
}

/**
 * Polarity evidenced by the capaian column: an indicator whose polarity the report does not
 * declare in words is lower-is-better when its printed capaian match the report's own stated
 * lower-is-better formula and none matches realisasi / target; and an indicator taken as
 * lower-is-better only from its name is higher-is-better when its printed capaian match
 * realisasi / target and none a lower-is-better formula (the stated one, or either in use when
 * none is stated). A capaian matching no formula (miscomputed) is no evidence either way. The
 * evidence is returned in words.
 *
 * @example
 *   polarityFromCapaian(indicators, 'two-minus').get('angka kematian ibu'); // { polarity: 'lower', evidence: 'capaian … in 2 of 2 tables' }
 */
export function polarityFromCapaian(indicators: readonly Indicator[], lower: LowerFormula | null): Map<string, { polarity: 'higher' | 'lower'; evidence: string }> {
  const out = new Map<string, { polarity: 'higher' | 'lower'; evidence: string }>();
  const groups = new Map<string, Indicator[]>();
  for (const ind of indicators) {
    if (ind.polaritySource === 'declared' || ind.targetRange) continue;
    if (!ind.capaian || ind.capaian.value === null || !ind.realisasi || ind.realisasi.value === null || !ind.target || !ind.target.value) continue;
    if (ind.tahun !== null && ind.id.endsWith('.prev')) continue;
    groups.set(ind.key, [...(groups.get(ind.key) ?? []), ind]);
  }
  // Without a stated lower-is-better formula, either of the two in use speaks for lower.
  const lowerForms: LowerFormula[] = lower ? [lower] : ['inverse', 'two-minus'];
  for (const [key, rows] of groups) {
    // A row matching neither formula is a miscomputed capaian: it speaks for no polarity.
    const ratio = rows.filter((r) => matches('ratio', r)).length;
    const lowered = rows.filter((r) => lowerForms.some((f) => matches(f, r))).length;
    const stated = lower !== null ? lowered : 0;
    const of = (n: number): string => (n === rows.length ? `every printed capaian (${n})` : `${n} of ${rows.length} printed capaian (the others match no formula)`);
    if (stated > 0 && ratio === 0 && rows.some((r) => r.polarity !== 'lower')) {
      out.set(key, { polarity: 'lower', evidence: `${of(stated)} match the stated ${lower === 'two-minus' ? '(2 − realisasi/target) × 100' : 'target / realisasi × 100'}, none realisasi / target × 100` });
    } else if (ratio > 0 && lowered === 0 && rows.some((r) => r.polarity === 'lower' && r.polaritySource === 'inferred')) {
      // Rows of one indicator read under different names (a scan joining the sasaran to it) may
      // infer different polarities from them; the capaian they print decides for all.
      out.set(key, { polarity: 'higher', evidence: `${of(ratio)} match realisasi / target × 100, none ${lower ? 'the stated lower-is-better formula' : 'a lower-is-better formula'}; the name alone suggested lower-is-better` });
    }
  }
  return out;
}
