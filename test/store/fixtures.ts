// Small typed values for store tests: valid against the model schemas, cheap to build.
import { createHash } from 'node:crypto';
import { AuditResult, Report, SCHEMA_VERSION, type Finding } from '../../src/model/report.js';
import { LayoutDocument } from '../../src/model/table.js';

export const sha = (s: string): string => createHash('sha256').update(s).digest('hex');

export function layout(id: string): LayoutDocument {
  return LayoutDocument.parse({
    file: `${id}.pdf`,
    sha256: sha(id),
    pageCount: 1,
    pages: [{ page: 1, width: 595, height: 842, source: 'text' }],
    tables: [
      {
        id: 't1',
        pages: [1],
        caption: 'Tabel 1 <b>Anggaran</b>',
        method: 'lattice',
        nCols: 2,
        columns: ['Uraian', 'Pagu'],
        headerRows: [],
        rows: [{ index: 0, page: 1, cells: [
          { id: 't1.r0c0', row: 0, col: 0, rowSpan: 1, colSpan: 1, text: 'Program A', page: 1, bbox: [50, 100, 200, 115] },
          { id: 't1.r0c1', row: 0, col: 1, rowSpan: 1, colSpan: 1, text: '1.000.000', page: 1, bbox: [200, 100, 300, 115] },
        ] }],
        bbox: [50, 100, 300, 115],
      },
    ],
    paragraphs: [{ page: 1, text: 'Kecamatan Contoh', bbox: [50, 50, 300, 60] }],
    warnings: [],
  });
}

export function report(id: string, instansi = 'Kecamatan Contoh'): Report {
  return Report.parse({
    schemaVersion: SCHEMA_VERSION,
    file: `${id}.pdf`,
    sha256: sha(id),
    report: { instansi, pemda: 'Kota Contoh', tahun: 2023, cite: { page: 1 } },
    tables: [],
    indicators: [],
    budget: [],
    belanja: [],
    efficiency: [],
    scale: { source: 'default', name: 'default', bands: [], cite: null },
    claims: [],
    warnings: [],
  });
}

export function finding(n: number, severity: Finding['severity'] = 'error'): Finding {
  return {
    id: `sum-rows-${n}`,
    check: 'sum-rows',
    severity,
    message: { id: `Jumlah salah ${n}`, en: `Total is off ${n}` },
    printed: { text: '1.000', value: 1000 },
    expected: { value: 1001, formula: '500 + 501', operands: [{ name: 'a', text: '500', value: 500, cite: { page: 1 } }] },
    citations: [{ page: 1, table: 't1', row: 0, column: 1, bbox: [200, 100, 300, 115] }],
  };
}

export function audit(id: string, findings: Finding[] = [finding(1)]): AuditResult {
  return AuditResult.parse({ schemaVersion: SCHEMA_VERSION, report: report(id), findings, checks: [{ id: 'sum-rows', findings: findings.length, ms: 1 }] });
}
