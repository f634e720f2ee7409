/**
 * Number printing for the synthetic reports, written independently of src/numbers so that the gold
 * does not inherit the behaviour of the code it is used to evaluate.
 */
export type Style = 'id' | 'us';

/**
 * Rounds half away from zero at `decimals`, with a nudge against binary artefacts (1.005 → 1.01).
 *
 * @example
 *   roundTo(126.1369, 0); // 126
 */
export function roundTo(value: number, decimals: number): number {
  const f = 10 ** decimals;
  const sign = value < 0 ? -1 : 1;
  return (sign * Math.round(Math.abs(value) * f * (1 + 1e-12))) / f;
}

/**
 * A number as printed in the given style: `.` groups and `,` decimals in Indonesian style, the
 * other way round in US style.
 *
 * @example
 *   fmtNum(1234567.5, 2, 'id'); // '1.234.567,50'
 *   fmtNum(98.4, 2, 'us');      // '98.40'
 */
export function fmtNum(value: number, decimals: number, style: Style): string {
  const neg = value < 0;
  const fixed = roundTo(Math.abs(value), decimals).toFixed(decimals);
  const [int = '0', frac] = fixed.split('.');
  const grouped = int.replace(/\B(?=(\d{3})+(?!\d))/g, style === 'id' ? '.' : ',');
  const s = frac ? `${grouped}${style === 'id' ? ',' : '.'}${frac}` : grouped;
  return neg ? `-${s}` : s;
}

export interface MoneyFormat {
  style: Style;
  /** `Rp. `, `Rp `, `Rp.` or nothing. */
  prefix: string;
  /** `,-`, `,00` or nothing (`,00` becomes `.00` in US style). */
  suffix: string;
}

/**
 * Rupiah as printed; negative amounts in parentheses, as budget tables print a deficit.
 *
 * @example
 *   fmtMoney(7908091365, { style: 'id', prefix: 'Rp. ', suffix: ',-' }); // 'Rp. 7.908.091.365,-'
 *   fmtMoney(-2025000, { style: 'id', prefix: '', suffix: '' });          // '(2.025.000)'
 */
export function fmtMoney(value: number, f: MoneyFormat): string {
  const suffix = f.style === 'us' && f.suffix === ',00' ? '.00' : f.suffix;
  const body = `${f.prefix}${fmtNum(Math.abs(value), 0, f.style)}${suffix}`;
  return value < 0 ? `(${body})` : body;
}

const ONES = ['', 'satu', 'dua', 'tiga', 'empat', 'lima', 'enam', 'tujuh', 'delapan', 'sembilan', 'sepuluh', 'sebelas'];

function below1000(n: number): string[] {
  const out: string[] = [];
  const h = Math.floor(n / 100);
  const rest = n % 100;
  if (h === 1) out.push('seratus');
  else if (h > 1) out.push(ONES[h]!, 'ratus');
  if (rest > 0 && rest < 12) out.push(ONES[rest]!);
  else if (rest >= 12 && rest < 20) out.push(ONES[rest - 10]!, 'belas');
  else if (rest >= 20) {
    out.push(ONES[Math.floor(rest / 10)]!, 'puluh');
    if (rest % 10) out.push(ONES[rest % 10]!);
  }
  return out;
}

export interface WordsOptions {
  /** `miliar` (standard) or `milyar` (common in reports). */
  miliar?: 'miliar' | 'milyar';
  /** Capitalise every word, as many reports do. */
  title?: boolean;
  /** Append `rupiah`. */
  rupiah?: boolean;
}

/**
 * An integer in Indonesian words (terbilang).
 *
 * @example
 *   terbilang(1357900300, { rupiah: true }); // 'satu miliar tiga ratus lima puluh tujuh juta sembilan ratus ribu tiga ratus rupiah'
 *   terbilang(1000);                          // 'seribu'
 */
export function terbilang(n: number, opts: WordsOptions = {}): string {
  if (!Number.isInteger(n) || n < 0) throw new Error(`terbilang: ${n}`);
  const scales: Array<[number, string]> = [
    [1e12, 'triliun'],
    [1e9, opts.miliar ?? 'miliar'],
    [1e6, 'juta'],
    [1e3, 'ribu'],
  ];
  const words: string[] = [];
  let rest = n;
  for (const [size, name] of scales) {
    const k = Math.floor(rest / size);
    rest %= size;
    if (!k) continue;
    if (size === 1e3 && k === 1) words.push('seribu');
    else words.push(...below1000(k), name);
  }
  words.push(...below1000(rest));
  if (!words.length) words.push('nol');
  if (opts.rupiah) words.push('rupiah');
  const text = words.join(' ');
  return opts.title ? text.replace(/(^|\s)([a-z])/g, (_m, s: string, c: string) => s + c.toUpperCase()) : text;
}
