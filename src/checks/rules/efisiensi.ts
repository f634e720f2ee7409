import type { Value } from '../../model/index.js';
import { div, overlaps, point, scale, sub, type Interval } from '../../numbers/index.js';
import type { Bilingual, Check, CheckContext, FindingDraft } from '../types.js';
import { asRounded, fmt, judge, measure, normLabel, shown, type Judgement, type Num, type Widen } from '../util.js';

type Variant = 'ratio' | 'quotient' | 'difference' | 'saved';

const VARIANT: Record<Variant, Bilingual> = {
  ratio: { id: 'capaian/serapan × 100', en: 'capaian/serapan × 100' },
  quotient: { id: 'capaian/serapan', en: 'capaian/serapan' },
  difference: { id: 'capaian − serapan', en: 'capaian − serapan' },
  saved: { id: '100 − serapan', en: '100 − serapan' },
};

/** "Tidak efisien", "kurang efisien", "inefisien" read as not efficient; any other label as efficient. */
const NOT_EFFICIENT = /tidak|kurang|belum|inefisien|in-efisien/;

/**
 * Efficiency as the report declares it (domain.md §4). Prose claims state their own operation
 * ("100% dibagi 97,23%"): the stated result must match it. Efficiency table rows: the label says
 * "Efisien" when % capaian ≥ % serapan (either label is accepted when the two are equal at printed
 * precision), and a printed efficiency figure must match one of the variants offices use:
 * capaian/serapan (× 100 or as a plain ratio such as 1,05), capaian − serapan, or the budget saved,
 * 100 − serapan.
 */
const efisiensi: Check = {
  id: 'efisiensi',
  meta: {
    title: { id: 'Efisiensi', en: 'Efficiency' },
    docs: 'stated efficiency vs its declared operation (divide/subtract/label); table rows: label "Efisien" iff capaian ≥ serapan, figure vs capaian/serapan (× 100 or plain), capaian − serapan or 100 − serapan',
    defaultSeverity: 'error',
    tags: ['efficiency', 'formula'],
  },
  messages: {
    claimMismatch: {
      id: 'Efisiensi tercetak {printed} tetapi {formula} = {expected}',
      en: 'Stated efficiency {printed} but {formula} = {expected}',
    },
    claimOtherOperation: {
      id: 'Efisiensi tercetak {printed} disebut hasil {formula}, yang sama dengan {expected}; {printed} adalah hasil {otherFormula}',
      en: 'Stated efficiency {printed} is said to be {formula}, which is {expected}; {printed} is {otherFormula}',
    },
    claimRounding: {
      id: 'Efisiensi tercetak {printed} hanya cocok dengan {formula} = {expected} bila dipotong',
      en: 'Stated efficiency {printed} matches {formula} = {expected} only if truncated',
    },
    labelMismatch: {
      id: '{uraian}: label "{printed}" tetapi capaian {capaian} {relation} serapan {serapan}, jadi seharusnya "{expected}"',
      en: '{uraian}: label "{printed}" but capaian {capaian} {relation} serapan {serapan}, so it should be "{expected}"',
    },
    rowMismatch: {
      id: '{uraian}: efisiensi tercetak {printed} tidak cocok dengan {alternatives}',
      en: '{uraian}: printed efficiency {printed} matches none of {alternatives}',
    },
    rowRounding: {
      id: '{uraian}: efisiensi tercetak {printed} hanya cocok dengan {formulaName} = {expected} bila dipotong',
      en: '{uraian}: printed efficiency {printed} matches {formulaName} = {expected} only if truncated',
    },
  },
  run(report, ctx) {
    const out: FindingDraft[] = [];
    for (const claim of report.claims) {
      if (claim.kind !== 'efisiensi') continue;
      const numr = measure(claim.numerator);
      const den = measure(claim.denominator);
      if (!numr || !den || !claim.numerator || !claim.denominator) continue;
      // The same statement repeated (summary and body) is one finding citing both.
      const base = { subject: `efisiensi:${claim.stated.text}|${claim.numerator.text}|${claim.denominator.text}`, citations: [ctx.cite(claim.stated.cite)] };
      const operands = [ctx.operand('pembilang', claim.numerator), ctx.operand('penyebut', claim.denominator)];
      if (claim.operation === 'label') {
        const printedLabel = claim.label ?? claim.stated.text;
        const d = labelDraft(printedLabel, numr, den, claim.numerator, claim.denominator, ctx, claim.text);
        if (d) out.push({ ...d, ...base });
        continue;
      }
      const stated = measure(claim.stated);
      if (!stated) continue;
      const divide = claim.operation === 'divide';
      // A quotient is printed as a percentage (102,85%) or as a plain ratio (1,03): accept both.
      const percentForm = judge(stated, (w) => {
        if (!divide) return sub(w(numr), w(den));
        const q = div(w(numr), w(den));
        return q && scale(q, 100);
      });
      const plainForm = divide && claim.stated.unit !== 'percent' ? judge(stated, (w) => div(w(numr), w(den))) : null;
      if (percentForm?.verdict === 'ok' || plainForm?.verdict === 'ok') continue;
      const asPlain = plainForm !== null && (plainForm.verdict === 'rounding' ? percentForm?.verdict !== 'rounding' : percentForm?.verdict !== 'rounding' && Math.abs(stated.value) < 10);
      const j = asPlain ? plainForm : percentForm;
      if (!j) continue;
      const formula = divide ? `${fmt(numr)} / ${fmt(den)}${asPlain ? '' : ' × 100'}` : `${fmt(numr)} − ${fmt(den)}`;
      // "100% dibagi 97,23%" printed with 2,77% = 100 − 97,23: the text names the wrong operation.
      const otherFormula = divide ? `${fmt(numr)} − ${fmt(den)}` : `${fmt(numr)} / ${fmt(den)} × 100`;
      const other =
        j.verdict === 'mismatch' &&
        judge(stated, (w) => {
          if (divide) return sub(w(numr), w(den));
          const q = div(w(numr), w(den));
          return q && scale(q, 100);
        })?.verdict === 'ok';
      out.push({
        ...base,
        messageId: j.verdict === 'rounding' ? 'claimRounding' : other ? 'claimOtherOperation' : 'claimMismatch',
        severity: j.verdict === 'rounding' ? 'rounding' : undefined,
        data: { printed: claim.stated.text, formula, expected: shown(j.value, stated), otherFormula },
        printed: { text: claim.stated.text, value: stated.value },
        expected: { value: j.value, interval: j.interval, formula, operands },
      });
    }

    for (const row of report.efficiency) {
      const c = measure(row.capaian);
      const s = measure(row.serapan);
      if (!c || !s || !row.capaian || !row.serapan) continue;
      const operands = [ctx.operand('capaian', row.capaian), ctx.operand('serapan', row.serapan)];
      const base = { subject: `efficiency:${row.id}` };
      if (row.label && row.label.text.trim() !== '') {
        const d = labelDraft(row.label.text, c, s, row.capaian, row.serapan, ctx, row.uraian);
        if (d) out.push({ ...d, ...base, citations: [ctx.cite(row.label.cite)] });
      }
      const e = measure(row.efisiensi);
      if (!e || !row.efisiensi) continue;
      const variants: Array<{ v: Variant; compute: (w: Widen) => Interval | null; formula: string }> = [
        {
          v: 'ratio',
          compute: (w) => {
            const q = div(w(c), w(s));
            return q && scale(q, 100);
          },
          formula: `${fmt(c)} / ${fmt(s)} × 100`,
        },
        { v: 'quotient', compute: (w) => div(w(c), w(s)), formula: `${fmt(c)} / ${fmt(s)}` },
        { v: 'difference', compute: (w) => sub(w(c), w(s)), formula: `${fmt(c)} − ${fmt(s)}` },
        { v: 'saved', compute: (w) => sub(point(100), w(s)), formula: `100 − ${fmt(s)}` },
      ];
      const results = variants.map((x) => ({ ...x, j: judge(e, x.compute) })).filter((x): x is typeof x & { j: Judgement } => x.j !== null);
      if (results.length === 0 || results.some((x) => x.j.verdict === 'ok')) continue;
      const rounding = results.find((x) => x.j.verdict === 'rounding');
      const first = rounding ?? results[0];
      if (!first) continue;
      const alternatives = {
        id: results.map((x) => `${VARIANT[x.v].id} = ${shown(x.j.value, e).id} (${x.formula})`).join('; '),
        en: results.map((x) => `${VARIANT[x.v].en} = ${shown(x.j.value, e).en} (${x.formula})`).join('; '),
      };
      out.push({
        ...base,
        messageId: rounding ? 'rowRounding' : 'rowMismatch',
        severity: rounding ? 'rounding' : undefined,
        data: { uraian: row.uraian, printed: row.efisiensi.text, alternatives, formulaName: VARIANT[first.v], expected: shown(first.j.value, e) },
        printed: { text: row.efisiensi.text, value: e.value },
        expected: { value: first.j.value, interval: first.j.interval, formula: `${first.formula} [${first.v}]`, operands },
        citations: [ctx.cite(row.efisiensi.cite)],
      });
    }
    return out;
  },
};

export default efisiensi;

/** The label vs capaian ≥ serapan; null when it agrees (either label when they are equal as printed). */
function labelDraft(label: string, c: Num, s: Num, cv: Value, sv: Value, ctx: CheckContext, uraian: string): Pick<FindingDraft, 'messageId' | 'data' | 'printed' | 'expected'> | null {
  const saysEfficient = !NOT_EFFICIENT.test(normLabel(label));
  if (overlaps(asRounded(c), asRounded(s))) return null;
  const efficient = c.value >= s.value;
  if (saysEfficient === efficient) return null;
  const expected = efficient ? 'Efisien' : 'Tidak Efisien';
  const relation: Bilingual = efficient ? { id: '≥', en: '≥' } : { id: '<', en: '<' };
  return {
    messageId: 'labelMismatch',
    data: { uraian, printed: label, capaian: cv.text, serapan: sv.text, relation, expected },
    printed: { text: label, value: null },
    expected: { value: expected, interval: null, formula: `capaian ${fmt(c)} ${relation.id} serapan ${fmt(s)}`, operands: [ctx.operand('capaian', cv), ctx.operand('serapan', sv)] },
  };
}
