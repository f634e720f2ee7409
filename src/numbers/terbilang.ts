/**
 * Amounts in words (terbilang), domain.md §3: "Rp.8.955.501.115 (Delapan milyar sembilan ratus lima
 * puluh lima juta lima ratus satu ribu seratus lima belas rupiah)". Words and digits must denote the
 * same amount, so the parser is strict about structure: it returns null rather than a plausible
 * number when the words do not form one amount.
 */
import { AppError } from '../errors.js';
import { parseNumber } from './parse.js';

const DIGIT_WORDS = ['nol', 'satu', 'dua', 'tiga', 'empat', 'lima', 'enam', 'tujuh', 'delapan', 'sembilan'] as const;

const SCALE_WORDS: ReadonlyArray<readonly [bigint, string]> = [
  [1_000_000_000_000_000n, 'kuadriliun'],
  [1_000_000_000_000n, 'triliun'],
  [1_000_000_000n, 'miliar'],
  [1_000_000n, 'juta'],
  [1_000n, 'ribu'],
];

function digitWord(d: number): string {
  return DIGIT_WORDS[d] ?? '';
}

function below1000(n: number): string[] {
  const words: string[] = [];
  const hundreds = Math.floor(n / 100);
  const rest = n % 100;
  if (hundreds === 1) words.push('seratus');
  else if (hundreds > 1) words.push(digitWord(hundreds), 'ratus');
  if (rest === 10) words.push('sepuluh');
  else if (rest === 11) words.push('sebelas');
  else if (rest > 11 && rest < 20) words.push(digitWord(rest - 10), 'belas');
  else if (rest >= 20) {
    words.push(digitWord(Math.floor(rest / 10)), 'puluh');
    if (rest % 10 > 0) words.push(digitWord(rest % 10));
  } else if (rest > 0) words.push(digitWord(rest));
  return words;
}

/**
 * Writes a number in Indonesian words, lower case, the standard spelling (miliar, triliun; `se-`
 * only in sepuluh/sebelas/seratus/seribu). Decimals are read digit by digit after "koma".
 * Throws AppError E_BAD_ARGUMENT for non-finite numbers or integer parts beyond 2^53.
 *
 * @example
 *   toWords(8955501115) // 'delapan miliar sembilan ratus lima puluh lima juta lima ratus satu ribu seratus lima belas'
 *   toWords(96.51)      // 'sembilan puluh enam koma lima satu'
 */
export function toWords(n: number): string {
  if (!Number.isFinite(n)) {
    throw new AppError('E_BAD_ARGUMENT', `Cannot write a non-finite number in words: ${n}`, { stage: 'numbers' });
  }
  const abs = Math.abs(n);
  const repr = String(abs);
  if (!Number.isSafeInteger(Math.trunc(abs)) || repr.includes('e')) {
    throw new AppError('E_BAD_ARGUMENT', `Number out of range for words: ${n}`, { stage: 'numbers' });
  }
  const [intText = '0', fracText] = repr.split('.');
  let rest = BigInt(intText);
  const words: string[] = [];
  if (rest === 0n) words.push('nol');
  for (const [scale, name] of SCALE_WORDS) {
    const group = Number(rest / scale);
    rest %= scale;
    if (group === 0) continue;
    if (group === 1 && name === 'ribu') words.push('seribu');
    else words.push(...below1000(group), name);
  }
  words.push(...below1000(Number(rest)));
  if (fracText) words.push('koma', ...[...fracText].map((d) => digitWord(Number(d))));
  return (n < 0 ? ['minus', ...words] : words).join(' ');
}

// ---------------------------------------------------------------------------------------------
// Words → number

type Mult = 'puluh' | 'belas' | 'ratus';
type Atom =
  | { t: 'num'; v: number; se?: boolean }
  | { t: 'mult'; w: Mult }
  | { t: 'scale'; v: number; w: string }
  | { t: 'rupiah' }
  | { t: 'sen' }
  | { t: 'koma' }
  | { t: 'minus' }
  | { t: 'percent' }
  | { t: 'filler' };

const SCALES: Record<string, number> = {
  ribu: 1e3,
  juta: 1e6,
  miliar: 1e9,
  milyar: 1e9,
  milliar: 1e9,
  miliard: 1e9,
  milyard: 1e9,
  triliun: 1e12,
  trilyun: 1e12,
  trilliun: 1e12,
  kuadriliun: 1e15,
  kwadriliun: 1e15,
};

const WORDS: Record<string, Atom[]> = (() => {
  const w: Record<string, Atom[]> = {};
  DIGIT_WORDS.forEach((word, v) => (w[word] = [{ t: 'num', v }]));
  for (const m of ['puluh', 'belas', 'ratus'] as const) {
    w[m] = [{ t: 'mult', w: m }];
    w[`se${m}`] = [{ t: 'num', v: 1, se: true }, { t: 'mult', w: m }];
  }
  for (const [name, v] of Object.entries(SCALES)) {
    w[name] = [{ t: 'scale', v, w: name }];
    // Only seribu is standard; sejuta, semiliar… occur and mean the same, so accept them.
    w[`se${name}`] = [{ t: 'num', v: 1, se: true }, { t: 'scale', v, w: name }];
  }
  w.rupiah = [{ t: 'rupiah' }];
  w.sen = [{ t: 'sen' }];
  w.koma = [{ t: 'koma' }];
  w.minus = [{ t: 'minus' }];
  w.negatif = [{ t: 'minus' }];
  w.persen = [{ t: 'percent' }];
  w.terbilang = [{ t: 'filler' }];
  w.saja = [{ t: 'filler' }];
  return w;
})();

/** Splits glued words (`duapuluh`, `limaratus`) into known words; null when impossible. */
function segment(token: string): Atom[] | null {
  const best: Array<Atom[] | null> = new Array<Atom[] | null>(token.length + 1).fill(null);
  best[0] = [];
  for (let end = 1; end <= token.length; end++) {
    for (let start = 0; start < end; start++) {
      const prefix = best[start];
      const atoms = WORDS[token.slice(start, end)];
      if (!prefix || !atoms) continue;
      const candidate = [...prefix, ...atoms];
      const current = best[end];
      if (!current || candidate.length < current.length) best[end] = candidate;
    }
  }
  return best[token.length] ?? null;
}

interface SourcedAtom {
  atom: Atom;
  token: string;
  /** Index of the token the atom came from (a glued token yields several atoms). */
  index: number;
}

/** Letters-only tokens; hyphens split (`se-ratus`, `dua-puluh`), all other marks are dropped. */
function tokenize(text: string): string[] {
  return text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[^a-z\s-]+/g, ' ')
    .split(/[\s-]+/)
    .filter((t) => t !== '');
}

function lex(token: string): Atom[] | null {
  if (token === 'se') return [{ t: 'num', v: 1, se: true }];
  return WORDS[token] ?? segment(token);
}

export interface WordsAmount {
  /** The amount (rupiah plus sen/100, or the koma fraction); null when the words are malformed. */
  value: number | null;
  unit?: 'rupiah' | 'percent';
  sen?: number;
  /** Tokens that could not be read, or where the structure broke. */
  unparsed?: string[];
  /** Why value is null. */
  reason?: string;
}

class WordsError {
  constructor(
    readonly at: number,
    readonly reason: string,
  ) {}
}

interface Group {
  value: number;
  next: number;
}

/** One group below 1000: `[d ratus | seratus] [d puluh [u] | sepuluh | sebelas | d belas | d]`. */
function parseGroup(atoms: readonly Atom[], i: number): Group | null {
  let value = 0;
  let pos = i;
  const num = (k: number): { v: number; se?: boolean } | null => {
    const a = atoms[k];
    return a && a.t === 'num' && a.v > 0 ? a : null;
  };
  const mult = (k: number): Mult | null => {
    const a = atoms[k];
    return a && a.t === 'mult' ? a.w : null;
  };
  const h = num(pos);
  if (h && mult(pos + 1) === 'ratus') {
    value += h.v * 100;
    pos += 2;
  }
  const d = num(pos);
  if (d) {
    const m = mult(pos + 1);
    if (m === 'puluh') {
      value += d.v * 10;
      pos += 2;
      const u = num(pos);
      if (u && !u.se && mult(pos + 1) === null) {
        value += u.v;
        pos += 1;
      }
    } else if (m === 'belas') {
      value += 10 + d.v;
      pos += 2;
    } else if (m === null && (!d.se || atoms[pos + 1]?.t === 'scale')) {
      // `se` alone only counts before a scale: seribu, sejuta.
      value += d.v;
      pos += 1;
    }
  }
  return pos === i ? null : { value, next: pos };
}

/** An integer from number atoms; scales must strictly decrease (`… ribu … ribu` is malformed). */
function parseInteger(atoms: readonly Atom[]): number {
  if (atoms.length === 1 && atoms[0]?.t === 'num' && atoms[0].v === 0) return 0;
  let total = 0;
  let lastScale = Infinity;
  let i = 0;
  while (i < atoms.length) {
    if (lastScale === 1) throw new WordsError(i, 'words continue after the units');
    const group = parseGroup(atoms, i);
    const next = group ? group.next : i;
    const a = atoms[next];
    if (a && a.t === 'scale') {
      if (!group) throw new WordsError(next, `'${a.w}' has no count before it`);
      if (a.v >= lastScale) {
        throw new WordsError(next, `'${a.w}' cannot follow a scale that is not larger (scales must decrease)`);
      }
      total += group.value * a.v;
      lastScale = a.v;
      i = next + 1;
    } else {
      if (!group) throw new WordsError(i, 'not a number here');
      total += group.value;
      lastScale = 1;
      i = next;
    }
  }
  return total;
}

/** Digits after "koma": read one by one (`lima satu` = 51) or as a number (`lima puluh satu`). */
function parseFraction(atoms: readonly Atom[]): string {
  if (atoms.length === 0) throw new WordsError(0, "nothing after 'koma'");
  if (atoms.every((a) => a.t === 'num' && !a.se)) return atoms.map((a) => (a.t === 'num' ? a.v : 0)).join('');
  return String(parseInteger(atoms));
}

function offsetError(e: unknown, offset: number): never {
  if (e instanceof WordsError) throw new WordsError(e.at + offset, e.reason);
  throw e;
}

/**
 * Reads an amount in Indonesian words. Case, punctuation, parentheses and asterisks are ignored;
 * milyar/miliar, trilyun/triliun, glued words (`duapuluh`) and `se-` forms (including the
 * non-standard sejuta) are accepted. Never throws: malformed words give value null with the
 * offending tokens in `unparsed`.
 *
 * @example
 *   parseWords('(Delapan milyar sembilan ratus lima puluh lima juta lima ratus satu ribu seratus lima belas rupiah)')
 *   // { value: 8955501115, unit: 'rupiah' }
 *   parseWords('sembilan ratus lima puluh ribu tujuh ratus empat puluh ribu rupiah')
 *   // { value: null, unit: 'rupiah', unparsed: ['ribu'], reason: … }
 */
export function parseWords(text: string): WordsAmount {
  const sourced: SourcedAtom[] = [];
  const unknown: string[] = [];
  tokenize(text).forEach((token, index) => {
    const atoms = lex(token);
    if (!atoms) unknown.push(token);
    else for (const atom of atoms) if (atom.t !== 'filler') sourced.push({ atom, token, index });
  });
  const atoms = sourced.map((s) => s.atom);
  const has = (t: Atom['t']): boolean => atoms.some((a) => a.t === t);
  const unit: WordsAmount['unit'] = has('rupiah') || has('sen') ? 'rupiah' : has('percent') ? 'percent' : undefined;
  const base: WordsAmount = unit ? { value: null, unit } : { value: null };
  if (unknown.length > 0) return { ...base, unparsed: unknown, reason: 'unknown words' };
  if (atoms.length === 0) return { ...base, unparsed: [], reason: 'no number words' };

  // Structure: [minus] integer [koma fraction] [rupiah [sen-integer sen] | persen] | [minus] sen-integer sen
  try {
    let start = 0;
    if (atoms[0]?.t === 'minus') start = 1;
    const find = (t: Atom['t']): number[] => atoms.flatMap((a, k) => (a.t === t ? [k] : []));
    for (const t of ['minus', 'rupiah', 'sen', 'koma', 'percent'] as const) {
      const at = find(t).filter((k) => !(t === 'minus' && k === 0));
      const limit = t === 'minus' ? 0 : 1;
      if (at.length > limit) throw new WordsError(at[limit] ?? 0, `'${sourced[at[limit] ?? 0]?.token}' is out of place`);
    }
    const [rupiahAt = -1] = find('rupiah');
    const [senAt = -1] = find('sen');
    const [komaAt = -1] = find('koma');
    const [percentAt = -1] = find('percent');
    if (rupiahAt >= 0 && percentAt >= 0) throw new WordsError(Math.max(rupiahAt, percentAt), 'both rupiah and persen');
    if (senAt >= 0 && senAt !== atoms.length - 1) throw new WordsError(senAt + 1, "words after 'sen'");
    if (senAt >= 0 && komaAt >= 0) throw new WordsError(komaAt, "'koma' together with 'sen'");
    const unitAt = rupiahAt >= 0 ? rupiahAt : percentAt;
    if (unitAt >= 0 && senAt < 0 && unitAt !== atoms.length - 1) throw new WordsError(unitAt + 1, 'words after the unit');

    const mainEnd = unitAt >= 0 ? unitAt : senAt >= 0 ? start : atoms.length;
    const intEnd = komaAt >= 0 ? komaAt : mainEnd;
    if (komaAt >= mainEnd) throw new WordsError(komaAt, "'koma' after the unit");

    let value = 0;
    let fraction = '';
    if (intEnd > start) {
      try {
        value = parseInteger(atoms.slice(start, intEnd));
      } catch (e) {
        offsetError(e, start);
      }
    } else if (senAt < 0 || unitAt >= 0) throw new WordsError(start, 'no amount before the unit');
    if (komaAt >= 0) {
      try {
        fraction = parseFraction(atoms.slice(komaAt + 1, mainEnd));
      } catch (e) {
        offsetError(e, komaAt + 1);
      }
    }
    let sen: number | undefined;
    if (senAt >= 0) {
      const senStart = unitAt >= 0 ? unitAt + 1 : start;
      if (senAt === senStart) throw new WordsError(senAt, "'sen' without a count");
      try {
        sen = parseInteger(atoms.slice(senStart, senAt));
      } catch (e) {
        offsetError(e, senStart);
      }
      if (sen >= 100) throw new WordsError(senStart, 'sen must be below 100');
    }
    let amount = fraction ? Number(`${value}.${fraction}`) : value;
    if (sen !== undefined) amount = (value * 100 + sen) / 100;
    if (start === 1 && amount !== 0) amount = -amount;
    const out: WordsAmount = { ...base, value: amount };
    if (sen !== undefined) out.sen = sen;
    return out;
  } catch (e) {
    if (!(e instanceof WordsError)) throw e;
    // Report the token where the structure broke and the rest of that run of number words.
    const tokens: string[] = [];
    let lastIndex = -1;
    for (let k = e.at; k < sourced.length; k++) {
      const s = sourced[k];
      if (!s || s.atom.t === 'rupiah' || s.atom.t === 'percent' || s.atom.t === 'sen') break;
      if (s.index !== lastIndex) tokens.push(s.token);
      lastIndex = s.index;
    }
    const at = sourced[e.at];
    if (tokens.length === 0 && at) tokens.push(at.token);
    return { ...base, unparsed: tokens, reason: e.reason };
  }
}

// ---------------------------------------------------------------------------------------------
// Amounts in prose

export interface AmountInWords {
  /** The digits as printed, with any `Rp` prefix: `Rp.8.955.501.115`. */
  digitsText: string;
  digitsValue: number | null;
  /** The words as printed, without the parentheses. */
  wordsText: string;
  wordsValue: number | null;
  /** Tokens the words parser could not read (only when wordsValue is null). */
  wordsUnparsed?: string[];
  /** Span in the input covering digits through the words (end exclusive). */
  start: number;
  end: number;
}

const DIGITS = String.raw`((?:(?:Rp|IDR)\.?\s*)?\d(?:[\d.,]*\d)?(?:\s*%|,-{1,2}|\.-)?)`;
// `Rp 5.000.000 (lima juta rupiah)`, `Rp 5.000.000,- terbilang: (lima juta rupiah)`, `5 (lima) program`
const PAREN_FORM = new RegExp(String.raw`(?<![\p{L}\p{N}])${DIGITS}\s*,?\s*(?:terbilang\s*:?\s*)?\(([^()]{1,400})\)`, 'giu');
// `Rp 5.000.000 terbilang lima juta rupiah.`
const TERBILANG_FORM = new RegExp(String.raw`(?<![\p{L}\p{N}])${DIGITS}\s*,?\s*terbilang\s*:?\s*([\p{L}\s-]{1,400})`, 'giu');

function amountTokenShare(text: string): { amountWords: number; words: number } {
  let amountWords = 0;
  let words = 0;
  for (const token of tokenize(text)) {
    const atoms = lex(token);
    if (atoms && atoms.every((a) => a.t === 'filler')) continue;
    words++;
    if (atoms) amountWords++;
  }
  return { amountWords, words };
}

/** The leading run of amount words of `s` (for words not closed by parentheses). */
function leadingAmountWords(s: string): string {
  let end = 0;
  const re = /[\p{L}]+/gu;
  for (let m = re.exec(s); m; m = re.exec(s)) {
    const between = s.slice(end, m.index);
    if (end > 0 && /[^\s-]/u.test(between)) break;
    const atoms = lex(m[0].toLowerCase());
    if (!atoms) break;
    end = m.index + m[0].length;
  }
  return s.slice(0, end);
}

/**
 * Finds amounts printed both in digits and in words in prose, so a check can compare them.
 * Parenthesised words are kept only when most of their words are number words (so `2.12.01
 * (Program …)` is not an amount); malformed words are returned with wordsValue null.
 *
 * @example
 *   findAmountsInWords('sebesar Rp.8.955.501.115 (Delapan milyar … seratus lima belas rupiah)')
 *   // [{ digitsText: 'Rp.8.955.501.115', digitsValue: 8955501115, wordsValue: 8955501115, start: 8, end: … }]
 */
export function findAmountsInWords(text: string): AmountInWords[] {
  const found: AmountInWords[] = [];
  const push = (m: RegExpExecArray, words: string, end: number): void => {
    const digitsText = m[1] ?? '';
    const parsedWords = parseWords(words);
    const item: AmountInWords = {
      digitsText,
      digitsValue: parseNumber(digitsText).value,
      wordsText: words.trim(),
      wordsValue: parsedWords.value,
      start: m.index,
      end,
    };
    if (parsedWords.value === null && parsedWords.unparsed) item.wordsUnparsed = parsedWords.unparsed;
    found.push(item);
  };

  for (const m of text.matchAll(PAREN_FORM)) {
    const words = m[2] ?? '';
    const { amountWords, words: total } = amountTokenShare(words);
    if (amountWords === 0 || amountWords * 2 <= total) continue;
    push(m, words, m.index + m[0].length);
  }
  for (const m of text.matchAll(TERBILANG_FORM)) {
    if (found.some((f) => f.start === m.index)) continue;
    const captured = m[2] ?? '';
    const words = leadingAmountWords(captured);
    if (amountTokenShare(words).amountWords === 0) continue;
    const wordsStart = m.index + m[0].length - captured.length;
    push(m, words, wordsStart + words.length);
  }
  return found.sort((a, b) => a.start - b.start);
}
