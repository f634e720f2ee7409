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

/** Statements that declare the polarity of an indicator. */
const DECLARED_LOWER = /(polaritas\s+negatif|semakin\s+(kecil|rendah)\s+semakin\s+baik|minimi[sz]e)/i;
const DECLARED_HIGHER = /(polaritas\s+positif|semakin\s+(besar|tinggi)\s+semakin\s+baik|maximi[sz]e)/i;

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
