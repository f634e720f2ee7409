import type { BudgetLevel } from '../../model/index.js';
import { childRows, compareSum, SUM_MESSAGES } from '../sums.js';
import type { Bilingual, Check, FindingDraft } from '../types.js';

const CHILDREN: Partial<Record<BudgetLevel, Bilingual>> = {
  program: { id: 'kegiatan', en: 'kegiatan (activities)' },
  kegiatan: { id: 'sub kegiatan', en: 'sub-kegiatan (sub-activities)' },
};

/**
 * A program equals the sum of its kegiatan, a kegiatan the sum of its sub-kegiatan (pagu,
 * realisasi, sisa, and a work plan's next-year forecast). Children are found by `parentId` (sub-kegiatan
 * linked straight to a program, with no kegiatan row above them, count in the program's sum); when the extraction linked none, by code
 * prefix within the same table (`2.12.01` → `2.12.01.2.08`).
 */
const sumHierarchy: Check = {
  id: 'sum-hierarchy',
  meta: {
    title: { id: 'Jumlah hierarki anggaran', en: 'Budget hierarchy sums' },
    docs: 'program = Σ kegiatan, kegiatan = Σ sub-kegiatan (by parentId, else code prefix in the same table) for pagu, realisasi, sisa and the next-year forecast (prakiraan maju); rupiah exact',
    defaultSeverity: 'error',
    tags: ['budget', 'sum'],
  },
  messages: { ...SUM_MESSAGES },
  run(report, ctx) {
    const out: FindingDraft[] = [];
    const childrenOf = childRows(report.budget);
    for (const row of report.budget) {
      const label = CHILDREN[row.level];
      if (label) out.push(...compareSum(row, childrenOf(row), ctx, label, report.budget));
    }
    return out;
  },
};

export default sumHierarchy;
