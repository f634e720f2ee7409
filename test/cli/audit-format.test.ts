import { describe, expect, it } from 'vitest';
import { auditToText } from '../../src/cli/format/audit.js';
import { AuditResult, SCHEMA_VERSION, type CheckStat } from '../../src/model/index.js';
import { indicator, makeReport } from '../checks/builders.js';

describe('auditToText', () => {
  const report = makeReport({ report: { instansi: 'Dinas Contoh', tahun: 2023 }, indicators: [indicator({ target: '69', realisasi: '51,85', capaian: '75,07%' })] });
  const result = (checks: CheckStat[]): AuditResult => AuditResult.parse({ schemaVersion: SCHEMA_VERSION, report, findings: [], checks });

  it('lists the checks that failed on the report, in the language asked for', () => {
    const text = auditToText(result([{ id: 'capaian', findings: 0, ms: 1 }, { id: 'sisa', findings: 0, ms: 1, error: { code: 'E_INTERNAL', message: 'boom' } }]), 'en');
    expect(text).toContain('Checks that failed (the other checks ran)');
    expect(text).toContain('  - sisa: E_INTERNAL: boom');
    expect(text).not.toContain('- capaian:');
    expect(auditToText(result([{ id: 'sisa', findings: 0, ms: 1, error: { code: 'E_INTERNAL', message: 'boom' } }]), 'id')).toContain('Pemeriksaan yang gagal');
  });
  it('says nothing of failures when every check ran', () => {
    expect(auditToText(result([{ id: 'capaian', findings: 0, ms: 1 }]), 'en')).not.toMatch(/failed/);
  });
});
