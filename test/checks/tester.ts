/**
 * Table-driven tests for one check, after ESLint's RuleTester: `valid` reports must produce no
 * finding, `invalid` ones exactly the listed messageIds with their severities, in order. Every
 * invalid case also goes through the engine, so findings are schema-valid and messages complete.
 */
import { describe, expect, it } from 'vitest';
import { createContext, executeChecks } from '../../src/checks/engine.js';
import type { Check } from '../../src/checks/types.js';
import type { Finding, Report, Severity } from '../../src/model/index.js';

export interface ValidCase {
  name: string;
  report: Report;
}

export interface InvalidCase {
  name: string;
  report: Report;
  errors: Array<{ messageId: string; severity: Severity }>;
  /** Extra assertions on the engine's findings (merged, with messages). */
  check?: (findings: Finding[]) => void;
}

export function testCheck(check: Check, cases: { valid: ValidCase[]; invalid: InvalidCase[] }): void {
  describe(check.id, () => {
    if (cases.valid.length > 0) {
      it.each(cases.valid)('valid: $name', ({ report }) => {
        const drafts = check.run(report, createContext(report));
        expect(drafts.map((d) => ({ messageId: d.messageId, message: d.data }))).toEqual([]);
      });
    }
    if (cases.invalid.length > 0) {
      it.each(cases.invalid)('invalid: $name', ({ report, errors, check: extra }) => {
        const drafts = check.run(report, createContext(report));
        expect(drafts.map((d) => ({ messageId: d.messageId, severity: d.severity ?? check.meta.defaultSeverity }))).toEqual(errors);
        const { findings } = executeChecks([check], report);
        for (const f of findings) {
          expect(f.message.id).not.toMatch(/\{\w+\}/);
          expect(f.message.en).not.toMatch(/\{\w+\}/);
          expect(f.citations.length).toBeGreaterThan(0);
        }
        extra?.(findings);
      });
    }
  });
}
