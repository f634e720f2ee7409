/**
 * The capaian formulas a report states, read by evaluating them rather than by matching spellings:
 * a run of text made of realisasi, target (or rencana), numbers, operators (× x * ÷ : / − – - +) and
 * brackets is parsed as an arithmetic expression and evaluated at two points; the values tell
 * realisasi / target, (2 − realisasi / target) and target / realisasi apart, whatever the notation
 * ("{2 − (Realisasi : Target)} * 100", "((2 × Target) − Realisasi) / Target × 100%", "(Rencana ÷
 * Realisasi) × 100%").
 */
export type CapaianFormula = 'ratio' | 'two-minus' | 'inverse';

type Tok = { k: 'num'; v: number } | { k: 'var'; v: 'r' | 't' } | { k: 'op'; v: '+' | '-' | '*' | '/' } | { k: 'open' } | { k: 'close' };

const TOKEN = /\s*(?:(realisasi|target|rencana)\b|(\d+(?:[.,]\d+)?)\s*%?|([([{])|([)\]}])|([×*]|x(?=\s*[\d(]))|([÷:/])|([−–+-]))/iy;

/** Tokens of the formula-like runs in a text, each run as [start, end, tokens]. */
function runs(text: string): Array<{ start: number; end: number; toks: Tok[] }> {
  const out: Array<{ start: number; end: number; toks: Tok[] }> = [];
  let i = 0;
  while (i < text.length) {
    TOKEN.lastIndex = i;
    let m = TOKEN.exec(text);
    if (!m) {
      i++;
      continue;
    }
    const start = m.index + (m[0].length - m[0].trimStart().length);
    const toks: Tok[] = [];
    let end = start;
    while (m) {
      if (m[1]) toks.push({ k: 'var', v: /realisasi/i.test(m[1]) ? 'r' : 't' });
      else if (m[2]) toks.push({ k: 'num', v: Number(m[2].replace(',', '.')) });
      else if (m[3]) toks.push({ k: 'open' });
      else if (m[4]) toks.push({ k: 'close' });
      else if (m[5]) toks.push({ k: 'op', v: '*' });
      else if (m[6]) toks.push({ k: 'op', v: '/' });
      else if (m[7]) toks.push({ k: 'op', v: m[7] === '+' ? '+' : '-' });
      end = TOKEN.lastIndex;
      m = TOKEN.exec(text);
    }
    if (toks.length >= 3) out.push({ start, end, toks });
    i = Math.max(end, i + 1);
  }
  return out;
}

/** Evaluates tokens as an expression at (r, t); null when they do not parse whole. */
function evaluate(toks: readonly Tok[], r: number, t: number): number | null {
  let p = 0;
  const peek = (): Tok | undefined => toks[p];
  const factor = (): number | null => {
    const x = peek();
    if (!x) return null;
    p++;
    if (x.k === 'num') return x.v;
    if (x.k === 'var') return x.v === 'r' ? r : t;
    if (x.k === 'op' && x.v === '-') {
      const f = factor();
      return f === null ? null : -f;
    }
    if (x.k === 'open') {
      const v = expr();
      if (v === null || peek()?.k !== 'close') return null;
      p++;
      return v;
    }
    return null;
  };
  const term = (): number | null => {
    let v = factor();
    while (v !== null) {
      const x = peek();
      if (x?.k === 'op' && (x.v === '*' || x.v === '/')) {
        p++;
        const f = factor();
        if (f === null) return null;
        v = x.v === '*' ? v * f : v / f;
      } else if (x && (x.k === 'num' || x.k === 'var' || x.k === 'open')) {
        // Juxtaposition ("2 (…)") multiplies.
        const f = factor();
        if (f === null) return null;
        v *= f;
      } else break;
    }
    return v;
  };
  const expr = (): number | null => {
    let v = term();
    while (v !== null) {
      const x = peek();
      if (x?.k === 'op' && (x.v === '+' || x.v === '-')) {
        p++;
        const f = term();
        if (f === null) return null;
        v = x.v === '+' ? v + f : v - f;
      } else break;
    }
    return v;
  };
  const v = expr();
  return v !== null && p === toks.length && Number.isFinite(v) ? v : null;
}

const KNOWN: Array<[CapaianFormula, (r: number, t: number) => number]> = [
  ['ratio', (r, t) => r / t],
  ['two-minus', (r, t) => 2 - r / t],
  ['inverse', (r, t) => t / r],
];

/** Which known formula an expression computes (as a fraction or a percentage), if any. */
function classify(toks: readonly Tok[]): CapaianFormula | null {
  if (!toks.some((x) => x.k === 'var' && x.v === 'r') || !toks.some((x) => x.k === 'var' && x.v === 't')) return null;
  const points: Array<[number, number]> = [
    [0.8, 1],
    [0.5, 2],
    [3, 1.7],
  ];
  for (const [name, f] of KNOWN) {
    for (const scale of [1, 100]) {
      if (points.every(([r, t]) => {
        const v = evaluate(toks, r, t);
        return v !== null && Math.abs(v - f(r, t) * scale) < 1e-6 * scale;
      })) return name;
    }
  }
  return null;
}

/**
 * The capaian formulas stated in a text, in order, with where each is printed.
 *
 * @example
 *   formulasIn('Capaian = {2 − (Realisasi : Target)} * 100'); // [{ formula: 'two-minus', … }]
 *   formulasIn('Capaian = Realisasi / Target x 100%');        // [{ formula: 'ratio', … }]
 */
export function formulasIn(text: string): Array<{ formula: CapaianFormula; start: number; end: number }> {
  const out: Array<{ formula: CapaianFormula; start: number; end: number }> = [];
  for (const run of runs(text)) {
    // The longest stretch of the run that parses whole and computes a known formula.
    let found: CapaianFormula | null = null;
    for (let a = 0; a < run.toks.length && !found; a++) {
      for (let b = run.toks.length; b - a >= 3 && !found; b--) found = classify(run.toks.slice(a, b));
    }
    if (found) out.push({ formula: found, start: run.start, end: run.end });
  }
  return out;
}
