import type { Check, FindingDraft } from '../types.js';
import { indicatorSubject, measure } from '../util.js';

/**
 * Target 0 makes realisasi/target undefined (domain.md §4): a number printed as capaian is the
 * office's own convention, not a computation. 0 realised against 0 printed as 100% is the common
 * convention ("nothing was to be reached and nothing was reached") and only noted.
 */
const capaianZeroTarget: Check = {
  id: 'capaian-zero-target',
  meta: {
    title: { id: 'Capaian untuk target 0', en: 'Capaian for a zero target' },
    docs: 'a numeric capaian printed for target 0 (cannot be computed); 0 of 0 printed as 100% is info',
    defaultSeverity: 'warning',
    tags: ['indicator', 'formula'],
  },
  messages: {
    numericForZeroTarget: {
      id: '{indikator}: target 0 sehingga capaian tidak dapat dihitung (realisasi {realisasi} / 0), tetapi tercetak {printed}',
      en: '{indikator}: the target is 0 so capaian cannot be computed (realisasi {realisasi} / 0), yet {printed} is printed',
    },
    zeroOverZero: {
      id: '{indikator}: target dan realisasi 0; capaian {printed} adalah konvensi, bukan hasil realisasi/target',
      en: '{indikator}: target and realisasi are 0; capaian {printed} is a convention, not realisasi/target',
    },
  },
  run(report, ctx) {
    const out: FindingDraft[] = [];
    for (const ind of report.indicators) {
      const target = measure(ind.target);
      const printed = measure(ind.capaian);
      if (!target || target.value !== 0 || !printed || !ind.capaian || !ind.target || ind.targetRange) continue;
      const realisasi = measure(ind.realisasi);
      const operands = [ctx.operand('target', ind.target), ...(ind.realisasi ? [ctx.operand('realisasi', ind.realisasi)] : [])];
      const conventional = realisasi?.value === 0 && printed.value === 100;
      out.push({
        messageId: conventional ? 'zeroOverZero' : 'numericForZeroTarget',
        severity: conventional ? 'info' : undefined,
        subject: indicatorSubject(ind),
        data: { indikator: ind.indikator, printed: ind.capaian.text, realisasi: ind.realisasi?.text ?? '-' },
        printed: { text: ind.capaian.text, value: printed.value },
        expected: { value: null, interval: null, formula: `${ind.realisasi?.text ?? '?'} / 0 × 100 (tidak terdefinisi / undefined)`, operands },
        citations: [ctx.cite(ind.capaian.cite)],
      });
    }
    return out;
  },
};

export default capaianZeroTarget;
