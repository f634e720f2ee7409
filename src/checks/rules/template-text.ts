import type { Check, FindingDraft } from '../types.js';
import { normLabel } from '../util.js';

/**
 * Instructions of the report template left in the text or in a table ("(pilih salah satu)", "Isi
 * dengan …", "[nama OPD]"): the report was not finished there, and the sentence or cell around it
 * may not say what the office meant. Info: no figure is wrong because of it. The same phrase left in
 * several places is one finding.
 */
const templateText: Check = {
  id: 'template-text',
  meta: {
    title: { id: 'Teks templat', en: 'Template text' },
    docs: 'template instructions left in the report ("(pilih salah satu)", "Isi dengan …", bracketed placeholders); info',
    defaultSeverity: 'info',
    tags: ['prose', 'format'],
  },
  messages: {
    left: {
      id: 'Petunjuk templat tertinggal dalam laporan: "{phrase}"',
      en: 'Template instruction left in the report: "{phrase}"',
    },
  },
  run(report, ctx) {
    const out: FindingDraft[] = [];
    for (const claim of report.claims) {
      if (claim.kind !== 'template') continue;
      out.push({
        messageId: 'left',
        subject: `template:${normLabel(claim.phrase)}`,
        data: { phrase: claim.phrase },
        printed: { text: claim.phrase, value: null },
        expected: null,
        citations: [ctx.cite(claim.cite)],
      });
    }
    return out;
  },
};

export default templateText;
