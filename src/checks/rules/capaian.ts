import type { Indicator, Operand } from '../../model/index.js';
import { div, point, scale, sub, type Interval } from '../../numbers/index.js';
import type { Bilingual, Check, CheckContext, FindingDraft } from '../types.js';
import { decimalsOf, declaredFormula, firstMisread, fmt, fmtPlain, indicatorSubject, judge, measure, shown, type Judgement, type Num, type Widen } from '../util.js';

type Formula = 'ratio' | 'two-minus' | 'inverse';

const NAME: Record<Formula, Bilingual> = {
  ratio: { id: 'realisasi/target × 100', en: 'realisasi/target × 100' },
  'two-minus': { id: '(2 − realisasi/target) × 100', en: '(2 − realisasi/target) × 100' },
  inverse: { id: 'target/realisasi × 100', en: 'target/realisasi × 100' },
};

/**
 * Capaian vs realisasi/target (domain.md §4), polarity and range aware. For lower-is-better
 * indicators the formula the report declares is used; without one, PermenPANRB's two-minus and the
 * inverse are both accepted and the one that matches is recorded. A printed 100% where the ratio is
 * higher is read as a deliberate cap (some offices cap capaian at 100%) and reported as info.
 * Targets (and range bounds) are taken as exact: they are set in the PK, not rounded measurements,
 * so only realisasi and the printed capaian carry rounding intervals.
 */
const capaian: Check = {
  id: 'capaian',
  meta: {
    title: { id: 'Capaian kinerja', en: 'Performance achievement' },
    docs: 'capaian vs realisasi/target × 100 (lower-is-better: declared two-minus or inverse formula; range targets), at printed precision',
    defaultSeverity: 'error',
    tags: ['indicator', 'formula'],
  },
  messages: {
    mismatch: {
      id: '{indikator}: capaian tercetak {printed} tetapi {formulaName} = {expected}% ({formula})',
      en: '{indikator}: printed capaian {printed} but {formulaName} = {expected}% ({formula})',
    },
    scanMisread: {
      id: '{indikator}: capaian tercetak {printed} tetapi {formulaName} = {expected}% ({formula}){note}',
      en: '{indikator}: printed capaian {printed} but {formulaName} = {expected}% ({formula}){note}',
    },
    mismatchLower: {
      id: '{indikator} (semakin rendah semakin baik): capaian tercetak {printed} tetapi {formulaName} = {expected}% ({formula}); rumus lain memberi {alternatives}',
      en: '{indikator} (lower is better): printed capaian {printed} but {formulaName} = {expected}% ({formula}); the other formulas give {alternatives}',
    },
    rounding: {
      id: '{indikator}: capaian tercetak {printed} hanya cocok dengan {formulaName} = {expected}% bila angka dipotong, bukan dibulatkan ({formula})',
      en: '{indikator}: printed capaian {printed} matches {formulaName} = {expected}% only if figures were truncated rather than rounded ({formula})',
    },
    capped: {
      id: '{indikator}: capaian tercetak {printed} padahal {formulaName} = {expected}% ({formula}); tampaknya capaian dibatasi maksimal 100%',
      en: '{indikator}: printed capaian {printed} while {formulaName} = {expected}% ({formula}); the capaian appears capped at 100%',
    },
    higherFormulaOnLower: {
      id: '{indikator} semakin rendah semakin baik, tetapi capaian {printed} dihitung dengan rumus realisasi/target; {formulaName} = {expected}% ({formula})',
      en: '{indikator} is lower-is-better, but capaian {printed} was computed as realisasi/target; {formulaName} = {expected}% ({formula})',
    },
    otherLowerVariant: {
      id: '{indikator}: laporan menyatakan rumus {formulaName}, tetapi capaian {printed} dihitung dengan {usedName}; rumus yang dinyatakan memberi {expected}% ({formula})',
      en: '{indikator}: the report declares {formulaName}, but capaian {printed} was computed with {usedName}; the declared formula gives {expected}% ({formula})',
    },
    lowerFormulaOnHigher: {
      id: '{indikator} dianggap semakin tinggi semakin baik, tetapi capaian {printed} cocok dengan rumus {usedName}; {formulaName} = {expected}% ({formula}). Periksa polaritas indikator',
      en: '{indikator} is taken as higher-is-better, but capaian {printed} matches {usedName}; {formulaName} = {expected}% ({formula}). Check the indicator polarity',
    },
  },
  run(report, ctx) {
    const out: FindingDraft[] = [];
    const declaredLower = declaredFormula(report, 'lower');
    for (const ind of report.indicators) {
      const draft = checkIndicator(ind, ctx, declaredLower);
      if (draft) out.push(misread(ind, draft) ?? draft);
    }
    return out;
  },
};

export default capaian;

/**
 * A mismatch resting on a target or realisasi read from a scan that the printed capaian and the
 * other operand put elsewhere, by the formula judged (`misreadInScan`): information, check the scan.
 */
function misread(ind: Indicator, draft: FindingDraft): FindingDraft | null {
  if (draft.messageId !== 'mismatch' && draft.messageId !== 'mismatchLower') return null;
  const c = measure(ind.capaian)?.value;
  const r = measure(ind.realisasi)?.value;
  const t = measure(ind.target)?.value;
  const f = /\[(ratio|inverse|two-minus):/.exec(draft.expected?.formula ?? '')?.[1] as Formula | undefined;
  if (!c || !r || !t || !f) return null;
  const implied: Record<Formula, [number, number]> = {
    ratio: [(r * 100) / c, (c * t) / 100],
    inverse: [(c * r) / 100, (t * 100) / c],
    'two-minus': [r / (2 - c / 100), t * (2 - c / 100)],
  };
  const [target, realisasi] = implied[f];
  const note = firstMisread([
    [ind.target, target, { id: 'target', en: 'target' }],
    [ind.realisasi, realisasi, { id: 'realisasi', en: 'realisasi' }],
  ]);
  return note ? { ...draft, messageId: 'scanMisread', severity: 'info', data: { ...draft.data, note } } : null;
}

interface Setup {
  printed: Num;
  realisasi: Num;
  /** The target used: the printed one, or the range bound the realisasi lies beyond. */
  target: Num | null;
  /** Realisasi inside a range target: capaian is 100 by definition. */
  insideRange: [number, number] | null;
  operands: Operand[];
}

function setup(ind: Indicator, ctx: CheckContext): Setup | null {
  const printed = measure(ind.capaian);
  const realisasi = measure(ind.realisasi);
  if (!printed || !realisasi || !ind.realisasi) return null;
  const operands: Operand[] = [];
  const range = ind.targetRange ?? null;
  if (range) {
    const [a, b] = range[0] <= range[1] ? range : [range[1], range[0]];
    const cite = ctx.cite(ind.target?.cite ?? ind.cite);
    const text = ind.target?.text ?? `${fmtPlain(a)}–${fmtPlain(b)}`;
    const d = (x: number): number => (ind.target && ind.target.value !== null ? ind.target.decimals : decimalsOf(x));
    operands.push({ name: 'target (rentang)', text, value: null, cite }, ctx.operand('realisasi', ind.realisasi));
    if (realisasi.value > b) return { printed, realisasi, target: { value: b, decimals: d(b), exact: true }, insideRange: null, operands };
    if (realisasi.value < a) return { printed, realisasi, target: { value: a, decimals: d(a), exact: true }, insideRange: null, operands };
    return { printed, realisasi, target: null, insideRange: [a, b], operands };
  }
  const measured = measure(ind.target);
  // A target is set, not measured: "69" in a PK means 69, not anything in [68,5; 69,5].
  const target = measured && { ...measured, exact: true };
  // Target 0 cannot give a capaian; capaian-zero-target reports a number printed for it.
  if (!target || !ind.target || target.value === 0) return null;
  operands.push(ctx.operand('target', ind.target), ctx.operand('realisasi', ind.realisasi));
  return { printed, realisasi, target, insideRange: null, operands };
}

function compute(f: Formula, r: Num, t: Num): (w: Widen) => Interval | null {
  return (w) => {
    if (f === 'inverse') {
      const q = div(w(t), w(r));
      return q && scale(q, 100);
    }
    const q = div(w(r), w(t));
    if (!q) return null;
    return f === 'ratio' ? scale(q, 100) : scale(sub(point(2), q), 100);
  };
}

function formulaText(f: Formula, r: Num, t: Num): string {
  if (f === 'inverse') return `${fmt(t)} / ${fmt(r)} × 100`;
  if (f === 'ratio') return `${fmt(r)} / ${fmt(t)} × 100`;
  return `(2 − ${fmt(r)} / ${fmt(t)}) × 100`;
}

function checkIndicator(ind: Indicator, ctx: CheckContext, declaredLower: Formula | null): FindingDraft | null {
  const s = setup(ind, ctx);
  if (!s) return null;
  const base = {
    subject: indicatorSubject(ind),
    printed: { text: ind.capaian?.text ?? '', value: s.printed.value },
    citations: [ctx.cite(ind.capaian?.cite ?? ind.cite)],
  };

  if (s.insideRange) {
    const j = judge(s.printed, () => point(100));
    if (!j || j.verdict === 'ok') return null;
    const [a, b] = s.insideRange;
    const formula = `realisasi ${fmt(s.realisasi)} dalam rentang target ${fmtPlain(a)}–${fmtPlain(b)} → 100 [range]`;
    return {
      ...base,
      messageId: j.verdict === 'rounding' ? 'rounding' : 'mismatch',
      severity: j.verdict === 'rounding' ? 'rounding' : undefined,
      data: { indikator: ind.indikator, printed: base.printed.text, formulaName: { id: 'rentang target', en: 'range target' }, expected: shown(100, s.printed), formula },
      expected: { value: 100, interval: [100, 100], formula, operands: s.operands },
    };
  }
  const t = s.target;
  if (!t) return null;
  const r = s.realisasi;
  const tryFormula = (f: Formula): Judgement | null => judge(s.printed, compute(f, r, t));
  const draft = (messageId: string, f: Formula, j: Judgement, tag: string, extra: Record<string, string | Bilingual> = {}): FindingDraft => {
    const formula = formulaText(f, r, t);
    return {
      ...base,
      messageId,
      data: { indikator: ind.indikator, printed: base.printed.text, formulaName: NAME[f], expected: shown(j.value, s.printed), formula, ...extra },
      expected: { value: j.value, interval: j.interval, formula: `${formula} [${f}: ${tag}]`, operands: s.operands },
    };
  };
  const isCapped = (j: Judgement): boolean => s.printed.value === 100 && j.interval[0] > 100;

  if (ind.polarity === 'higher') {
    const j = tryFormula('ratio');
    if (!j || j.verdict === 'ok') return null;
    if (isCapped(j)) return { ...draft('capped', 'ratio', j, 'higher-is-better'), severity: 'info' };
    if (j.verdict === 'rounding') return { ...draft('rounding', 'ratio', j, 'higher-is-better'), severity: 'rounding' };
    for (const alt of ['two-minus', 'inverse'] as const) {
      if (tryFormula(alt)?.verdict === 'ok') {
        return { ...draft('lowerFormulaOnHigher', 'ratio', j, 'higher-is-better', { usedName: NAME[alt] }), severity: 'warning' };
      }
    }
    return draft('mismatch', 'ratio', j, 'higher-is-better');
  }

  const accepted: Formula[] = declaredLower ? [declaredLower] : ['two-minus', 'inverse'];
  const tag = (f: Formula): string => (declaredLower ? 'declared' : f === 'two-minus' ? 'PermenPANRB default' : 'matched');
  const results = accepted.map((f) => ({ f, j: tryFormula(f) }));
  if (results.some((x) => x.j?.verdict === 'ok')) return null;
  const computable = results.filter((x): x is { f: Formula; j: Judgement } => x.j !== null);
  const first = computable[0];
  if (!first) return null;
  if (computable.every((x) => isCapped(x.j))) return { ...draft('capped', first.f, first.j, tag(first.f)), severity: 'info' };
  const rounding = computable.find((x) => x.j.verdict === 'rounding');
  if (rounding) return { ...draft('rounding', rounding.f, rounding.j, tag(rounding.f)), severity: 'rounding' };

  if (declaredLower) {
    for (const alt of (['two-minus', 'inverse'] as const).filter((f) => f !== declaredLower)) {
      if (tryFormula(alt)?.verdict === 'ok') {
        return { ...draft('otherLowerVariant', first.f, first.j, 'declared', { usedName: NAME[alt] }), severity: 'warning' };
      }
    }
  }
  if (!accepted.includes('ratio')) {
    const viaRatio = tryFormula('ratio');
    if (viaRatio && viaRatio.verdict !== 'mismatch') return { ...draft('higherFormulaOnLower', first.f, first.j, tag(first.f)), severity: 'warning' };
  }
  if (declaredLower) return draft('mismatch', first.f, first.j, 'declared');
  const others = (['inverse', 'ratio'] as const)
    .map((f) => ({ f, j: tryFormula(f) }))
    .filter((x): x is { f: 'inverse' | 'ratio'; j: Judgement } => x.j !== null)
    .map((x) => ({ id: `${NAME[x.f].id} = ${shown(x.j.value, s.printed).id}%`, en: `${NAME[x.f].en} = ${shown(x.j.value, s.printed).en}%` }));
  const alternatives = {
    id: others.map((o) => o.id).join('; ') || '-',
    en: others.map((o) => o.en).join('; ') || '-',
  };
  return draft('mismatchLower', first.f, first.j, tag(first.f), { alternatives });
}
