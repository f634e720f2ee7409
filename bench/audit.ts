/**
 * Whole `audit` time per page (ingest, layout, extraction, every check) beside the `tables` time on
 * the same text pages and `pdftotext -layout` as the floor, measured in the same run.
 */
import { audit } from '../src/pipeline/audit.js';
import { readTables } from '../src/pipeline/tables.js';
import { available, fmtRatio, fmtSeconds, measure, pageRangeArgs, tool } from './lib/measure.js';
import type { BenchContext, BenchSection, Cell, SectionResult } from './lib/types.js';

export const auditBench: BenchSection = {
  name: 'audit',
  async run(ctx: BenchContext): Promise<SectionResult> {
    const rows: Record<string, Cell>[] = [];
    const notes: string[] = [];
    const poppler = await available('pdftotext', ['-v']);
    for (const s of ctx.samples) {
      ctx.log(`audit: ${s.name}, ${s.textPages.length} text pages`);
      const pages = s.textPages;
      const tables = await measure(() => readTables(s.file, { pages, ocr: 'off' }), ctx.runs);
      let findings = 0;
      const full = await measure(async () => {
        findings = (await audit(s.file, { pages, ocr: 'off' })).findings.length;
      }, ctx.runs);
      const range = pageRangeArgs(pages);
      const floor = poppler ? await measure(() => tool('pdftotext', ['-layout', ...(range ?? []), s.file, '-']), ctx.runs) : undefined;
      rows.push({
        sample: s.name.slice(0, 3),
        pages: pages.length,
        'tables ms/page': ((tables.median / pages.length) * 1000).toFixed(1),
        'audit ms/page': ((full.median / pages.length) * 1000).toFixed(1),
        'audit/tables': fmtRatio(full.median / tables.median),
        'audit/pdftotext': floor ? fmtRatio(full.median / floor.median) : '—',
        findings,
      });
      notes.push(`${s.name}: audit ${fmtSeconds(full.median)} s for ${pages.length} pages (median of ${ctx.runs})`);
    }
    return { columns: ['sample', 'pages', 'tables ms/page', 'audit ms/page', 'audit/tables', 'audit/pdftotext', 'findings'], rows, notes };
  },
};
