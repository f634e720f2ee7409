import type { BudgetLevel } from '../../model/index.js';
import { compareSum, SUM_MESSAGES } from '../sums.js';
import type { Bilingual, Check, FindingDraft } from '../types.js';

const CHILD: Partial<Record<BudgetLevel, { level: BudgetLevel; label: Bilingual }>> = {
  program: { level: 'kegiatan', label: { id: 'kegiatan', en: 'kegiatan (activities)' } },
  kegiatan: { level: 'sub_kegiatan', label: { id: 'sub kegiatan', en: 'sub-kegiatan (sub-activities)' } },
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
    for (const row of report.budget) {
      const child = CHILD[row.level];
      if (!child) continue;
      // Sub-kegiatan listed right under a program (their kegiatan row not printed, or not read)
      // stand for that kegiatan in the program's sum.
      let children = report.budget.filter((r) => r.parentId === row.id && (r.level === child.level || (row.level === 'program' && r.level === 'sub_kegiatan')));
      if (children.length === 0 && row.kode) {
        const prefix = `${row.kode.replace(/\s+/g, '')}.`;
        children = report.budget.filter((r) => r.table === row.table && r.level === child.level && r.kode !== null && r.kode.replace(/\s+/g, '').startsWith(prefix));
      }
      out.push(...compareSum(row, children, ctx, child.label));
    }
    return out;
  },
};

export default sumHierarchy;
