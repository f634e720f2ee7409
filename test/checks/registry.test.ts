import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { CHECKS } from '../../src/checks/index.js';
import type { Check } from '../../src/checks/types.js';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const rulesDir = join(root, 'src', 'checks', 'rules');
const ruleFiles = readdirSync(rulesDir)
  .filter((f) => f.endsWith('.ts'))
  .sort();
const docs = readFileSync(join(root, 'docs', 'checks.md'), 'utf8');
const placeholders = (s: string): string[] => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1] ?? '').sort();

describe('check registry', () => {
  it('is sorted by id, without duplicates', () => {
    const ids = CHECKS.map((c) => c.id);
    expect(ids).toEqual([...ids].sort());
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('has one entry per file in rules/ and nothing else', () => {
    expect(CHECKS.map((c) => `${c.id}.ts`).sort()).toEqual(ruleFiles);
  });

  it('lists every documented check and documents nothing that does not exist', () => {
    const documented = [...docs.matchAll(/^- `([a-z-]+)` — /gm)].map((m) => m[1]);
    expect(documented).toEqual(CHECKS.map((c) => c.id));
  });

  describe.each(ruleFiles)('%s', (file) => {
    const id = basename(file, '.ts');
    it('exports a check whose id is its file name, registered in the registry', async () => {
      const mod = (await import(join(rulesDir, file))) as { default?: Check };
      expect(mod.default?.id).toBe(id);
      expect(CHECKS).toContain(mod.default);
    });

    it('has a test file', () => {
      expect(existsSync(join(root, 'test', 'checks', `${id}.test.ts`))).toBe(true);
    });

    it('has a docs line in docs/checks.md', () => {
      expect(docs).toMatch(new RegExp(`^- \`${id}\` — .+`, 'm'));
    });

    it('has metadata and messages in both languages with the same placeholders', () => {
      const check = CHECKS.find((c) => c.id === id);
      expect(check).toBeDefined();
      if (!check) return;
      expect(check.meta.title.id.trim()).not.toBe('');
      expect(check.meta.title.en.trim()).not.toBe('');
      expect(check.meta.docs.trim()).not.toBe('');
      expect(check.meta.docs).not.toContain('\n');
      const messages = Object.entries(check.messages);
      expect(messages.length).toBeGreaterThan(0);
      for (const [messageId, m] of messages) {
        expect(m.id.trim(), messageId).not.toBe('');
        expect(m.en.trim(), messageId).not.toBe('');
        expect(m.id, `${messageId} is the same in both languages`).not.toBe(m.en);
        expect(placeholders(m.id), messageId).toEqual(placeholders(m.en));
      }
    });
  });
});
