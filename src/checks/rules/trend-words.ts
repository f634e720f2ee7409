import { sub } from '../../numbers/index.js';
import type { Bilingual, Check, FindingDraft } from '../types.js';
import { asRounded, fmt, measure, normLabel } from '../util.js';

type Direction = 'up' | 'down' | 'same';

const SAID: Record<Direction, Bilingual> = {
  up: { id: 'meningkat', en: 'increased' },
  down: { id: 'menurun', en: 'decreased' },
  same: { id: 'tetap', en: 'unchanged' },
};

/** Words that make "meningkat/menurun" speak of performance rather than of the figure itself. */
const PERFORMANCE_SENSE = /kinerja|membaik|memburuk|perbaikan|lebihbaik|lebihburuk/;

/**
 * "meningkat / menurun / tetap" vs the sign of to − from. A change hidden inside the printed
 * precision accepts any word. For a lower-is-better indicator, a sentence about performance
 * ("kinerja … meningkat") means the figure went down; otherwise the words describe the figure. A
 * mismatch on a lower-is-better subject is a warning, since sloppy prose often mixes both senses.
 */
const trendWords: Check = {
  id: 'trend-words',
  meta: {
    title: { id: 'Kata tren', en: 'Trend words' },
    docs: 'meningkat/menurun/tetap vs the sign of to − from at printed precision; polarity-aware for lower-is-better indicators (then warning)',
    defaultSeverity: 'error',
    tags: ['prose', 'trend'],
  },
  messages: {
    mismatch: {
      id: 'Teks menyebut {subject} {said}, padahal dari {from} menjadi {to} berarti {actual}',
      en: 'The text says {subject} {said}, but going from {from} to {to} means {actual}',
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
      const performance = lower && PERFORMANCE_SENSE.test(normLabel(claim.text));
      const valueDir: Direction = to.value > from.value ? 'up' : to.value < from.value ? 'down' : 'same';
      // Inside the printed precision nothing can be said about the direction.
      if (valueDir !== 'same' && change.lo <= 0 && change.hi >= 0) continue;
      const flip = (d: Direction): Direction => (d === 'up' ? 'down' : d === 'down' ? 'up' : 'same');
      const actual = performance ? flip(valueDir) : valueDir;
      if (claim.direction === actual) continue;
      const sense: Bilingual = performance ? { id: 'arti kinerja', en: 'performance sense' } : { id: 'arti nilai', en: 'value sense' };
      const formula = `${fmt(to)} − ${fmt(from)}${performance ? ' (dibalik: semakin rendah semakin baik)' : ''}`;
      out.push({
        messageId: lower ? 'mismatchLower' : 'mismatch',
        severity: lower ? 'warning' : undefined,
        subject: ind ? `indicator:${ind.key}` : `claim:${claim.id}`,
        data: { subject: claim.subject, said: SAID[claim.direction], from: claim.from.text, to: claim.to.text, actual: SAID[actual], sense },
        printed: { text: claim.text, value: null },
        expected: {
          value: SAID[actual].id,
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
