/**
 * Warnings earn their place: on the corpus's dev reports (text pages; the scanned ones need OCR),
 * every warning each check issues points at a planted problem: it matches a gold finding, never a
 * trap or a correct figure. The gold comes from the generator's data, not from lkjip.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { readGold, scoreDocument, toPredicted, type DocumentScore } from '../../evals/findings.js';
import { ROOT } from '../../evals/lib/seeds.js';
import { CHECK_IDS } from '../../src/checks/index.js';
import { auditReport } from '../../src/pipeline/audit.js';
import { reportFromLayout } from '../../src/pipeline/extract.js';
import { readTables } from '../../src/pipeline/tables.js';

interface Entry {
  id: string;
  split: 'dev' | 'heldout';
  pdf: string;
  scannedPages: number[];
}

const dir = join(ROOT, 'evals/corpus');
const manifest = JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8')) as Entry[];
// Held-out reports are never opened here: the rules are tuned on dev only.
const docs = manifest.filter((e) => e.split === 'dev' && e.scannedPages.length === 0);

const scores = new Map<string, DocumentScore>();

beforeAll(async () => {
  for (const e of docs) {
    const pdf = existsSync(join(ROOT, e.pdf)) ? join(ROOT, e.pdf) : join(dir, e.pdf);
    const layout = await readTables(pdf, { ocr: 'off' });
    const result = auditReport(await reportFromLayout(layout));
    const predicted = result.findings.map((f) => toPredicted(f, result.report));
    const gold = await readGold(join(dir, 'gold', `${e.id}.findings.json`));
    const traps = await readGold(join(dir, 'gold', `${e.id}.traps.json`));
    scores.set(e.id, scoreDocument(gold, traps, predicted));
  }
}, 300_000);

describe('warnings on the corpus dev reports', () => {
  it('reads the dev reports with text pages', () => {
    expect(docs.length).toBeGreaterThanOrEqual(20);
    expect(scores.size).toBe(docs.length);
  });

  it('issues warnings at all (the checks below are not idle)', () => {
    const matched = [...scores.values()].flatMap((s) => s.matches.filter((m) => m.predicted.severity === 'warning'));
    expect(matched.length).toBeGreaterThanOrEqual(20);
  });

  it.each(CHECK_IDS.map((check) => ({ check })))('$check warns only on planted problems', ({ check }) => {
    const wrong = [...scores.entries()].flatMap(([id, s]) =>
      s.falsePositives.filter((f) => f.predicted.check === check && f.predicted.severity === 'warning').map((f) => `${id} p.${f.predicted.pages.join(',')} [${f.kind}] ${f.predicted.message}`),
    );
    expect(wrong).toEqual([]);
  });
});
