import { sub } from '../../numbers/index.js';
import type { Bilingual, Check, FindingDraft } from '../types.js';
import { asRounded, fmt, measure, normLabel } from '../util.js';

type Direction = 'up' | 'down' | 'same';

const SAID: Record<Direction, Bilingual> = {
  up: { id: 'meningkat', en: 'increased' },
  down: { id: 'menurun', en: 'decreased' },
  same: { id: 'tetap', en: 'unchanged' },
};

const SAID_TARGET: Record<Direction, Bilingual> = {
  up: { id: 'melebihi target', en: 'above target' },
  down: { id: 'di bawah target', en: 'below target' },
  same: { id: 'tepat sama dengan target', en: 'exactly on target' },
};

/** Words that make "meningkat/menurun" speak of performance rather than of the figure itself. */
const PERFORMANCE_SENSE = /kinerja|membaik|memburuk|perbaikan|lebihbaik|lebihburuk/;

/**
 * "meningkat / menurun / tetap" vs the sign of to − from; "melebihi / di bawah target" vs the sign of
 * realisasi − target (reversed for a lower-is-better indicator). A change hidden inside the printed
 * precision accepts any word. For a lower-is-better indicator, a sentence about performance
 * ("kinerja … meningkat") means the figure went down; otherwise the words describe the figure. A
 * mismatch on a lower-is-better subject is a warning, since sloppy prose often mixes both senses.
 */
const trendWords: Check = {
  id: 'trend-words',
  meta: {
    title: { id: 'Kata tren', en: 'Trend words' },
    docs: 'meningkat/menurun/tetap vs the sign of to − from at printed precision; melebihi/di bawah target vs realisasi − target; polarity-aware for lower-is-better indicators (then warning, except against the target)',
    defaultSeverity: 'error',
    tags: ['prose', 'trend'],
  },
  messages: {
    mismatch: {
      id: 'Teks menyebut {subject} {said}, padahal dari {from} menjadi {to} berarti {actual}',
      en: 'The text says {subject} {said}, but going from {from} to {to} means {actual}',
    },
    targetMismatch: {
      id: 'Teks menyebut {subject} {said}, padahal realisasi {to} terhadap target {from} berarti {actual}',
      en: 'The text says {subject} is {said}, but a realisasi of {to} against a target of {from} is {actual}',
    },
    targetMismatchLower: {
      id: 'Teks menyebut {subject} {said}, padahal realisasi {to} terhadap target {from} berarti {actual} (indikator semakin rendah semakin baik)',
      en: 'The text says {subject} is {said}, but a realisasi of {to} against a target of {from} is {actual} (a lower-is-better indicator)',
    },
    mismatchLower: {
      id: 'Teks menyebut {subject} {said}, padahal dari {from} menjadi {to} berarti {actual} ({sense}; indikator semakin rendah semakin baik)',
      en: 'The text says {subject} {said}, but going from {from} to {to} means {actual} ({sense}; a lower-is-better indicator)',
    },
  },
  run(report, ctx) {
    const out: FindingDraft[] = [];
    for (const claim of report.claims) {
      if (claim.kind !== 'trend' || !claim.from || !claim.to) continue;
      const from = measure(claim.from);
      const to = measure(claim.to);
      if (!from || !to) continue;
      const change = sub(asRounded(to), asRounded(from));
      const subjectKey = normLabel(claim.subject);
      const ind = report.indicators.find((i) => i.key === claim.subject || normLabel(i.key) === subjectKey || normLabel(i.indikator) === subjectKey);
      const lower = ind?.polarity === 'lower';
      const versusTarget = claim.versus === 'target';
      // "Melebihi target" always speaks of performance: for a lower-is-better indicator, a realisasi under its target.
      const performance = lower && (versusTarget || PERFORMANCE_SENSE.test(normLabel(claim.text)));
      const valueDir: Direction = to.value > from.value ? 'up' : to.value < from.value ? 'down' : 'same';
      // Inside the printed precision nothing can be said about the direction.
      // A printed figure stands for a half-open interval (7 is [6,5; 7,5)): a change whose interval only
      // reaches 0 at its end cannot be 0.
      if (valueDir !== 'same' && change.lo < 0 && change.hi > 0) continue;
      const flip = (d: Direction): Direction => (d === 'up' ? 'down' : d === 'down' ? 'up' : 'same');
      const actual = performance ? flip(valueDir) : valueDir;
      if (claim.direction === actual) continue;
      const sense: Bilingual = performance ? { id: 'arti kinerja', en: 'performance sense' } : { id: 'arti nilai', en: 'value sense' };
      const formula = `${fmt(to)} − ${fmt(from)}${performance ? ' (dibalik: semakin rendah semakin baik)' : ''}`;
      const said = versusTarget ? SAID_TARGET : SAID;
      out.push({
        messageId: versusTarget ? (lower ? 'targetMismatchLower' : 'targetMismatch') : lower ? 'mismatchLower' : 'mismatch',
        // Against the target the polarity is the indicator's own, not a reading of the prose.
        severity: lower && !versusTarget ? 'warning' : undefined,
        subject: ind ? `indicator:${ind.key}` : `claim:${claim.id}`,
        data: { subject: claim.subject, said: said[claim.direction], from: claim.from.text, to: claim.to.text, actual: said[actual], sense },
        printed: { text: claim.text, value: null },
        expected: {
          value: said[actual].id,
          interval: [change.lo, change.hi],
          formula,
          operands: [ctx.operand('dari', claim.from), ctx.operand('menjadi', claim.to)],
        },
        citations: [ctx.cite(claim.cite)],
      });
    }
    return out;
  },
};

export default trendWords;
