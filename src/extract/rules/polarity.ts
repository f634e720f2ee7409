import { normalizeName } from './cells.js';

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
      const lower = DECLARED_LOWER.test(sentence);
      const higher = DECLARED_HIGHER.test(sentence);
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
