import pc from 'picocolors';
import type { AuditResult, Citation, Finding, Severity } from '../../model/report.js';
import { findingsSheet } from '../../export/sheets.js';
import { sheetToCsv } from '../../pipeline/batch.js';

export type Lang = 'id' | 'en';

const SEVERITY_ORDER: Severity[] = ['error', 'warning', 'rounding', 'info'];
const LABEL: Record<Lang, Record<Severity, string>> = {
  id: { error: 'KESALAHAN', warning: 'PERINGATAN', rounding: 'PEMBULATAN', info: 'INFO' },
  en: { error: 'ERROR', warning: 'WARNING', rounding: 'ROUNDING', info: 'INFO' },
};

/** "p. 8, t7 (Tabel 4 …), row 3, Realisasi" */
export function citationText(c: Citation, lang: Lang = 'en'): string {
  const parts = [`${lang === 'id' ? 'hal.' : 'p.'} ${c.page}`];
  if (c.table) parts.push(`${c.table}${c.caption ? ` (${truncate(c.caption, 50)})` : ''}`);
  if (c.row != null) parts.push(`${lang === 'id' ? 'baris' : 'row'} ${c.row}`);
  if (c.columnLabel) parts.push(truncate(c.columnLabel, 30));
  return parts.join(', ');
}

function truncate(s: string, n: number): string {
  return s.length > n ? s.slice(0, n - 1) + '…' : s;
}

function groupByCheck(findings: Finding[]): Map<string, Finding[]> {
  const m = new Map<string, Finding[]>();
  for (const f of findings) m.set(f.check, [...(m.get(f.check) ?? []), f]);
  // Checks with errors first, then by count.
  return new Map(
    [...m].sort(([, a], [, b]) => {
      const ra = Math.min(...a.map((f) => SEVERITY_ORDER.indexOf(f.severity)));
      const rb = Math.min(...b.map((f) => SEVERITY_ORDER.indexOf(f.severity)));
      return ra - rb || b.length - a.length;
    }),
  );
}

/** Counts by severity, e.g. `3 error, 1 warning`. */
export function severitySummary(findings: Finding[]): string {
  return SEVERITY_ORDER.map((s) => [s, findings.filter((f) => f.severity === s).length] as const)
    .filter(([, n]) => n > 0)
    .map(([s, n]) => `${n} ${s}`)
    .join(', ') || 'no findings';
}

/** A readable terminal report grouped by check, most important first, with page references. */
export function auditToText(r: AuditResult, lang: Lang, color = false): string {
  const c = color ? pc : { red: (s: string) => s, yellow: (s: string) => s, cyan: (s: string) => s, dim: (s: string) => s, bold: (s: string) => s, gray: (s: string) => s };
  const paint = (s: Severity, t: string) => (s === 'error' ? c.red(t) : s === 'warning' ? c.yellow(t) : s === 'rounding' ? c.cyan(t) : c.gray(t));
  const rep = r.report.report;
  const out: string[] = [];
  out.push(c.bold(`${rep.instansi ?? '?'} — LKjIP ${rep.tahun ?? '?'}`) + c.dim(`  (${r.report.file})`));
  out.push(`${lang === 'id' ? 'Temuan' : 'Findings'}: ${severitySummary(r.findings)}`, '');
  for (const [check, fs] of groupByCheck(r.findings)) {
    out.push(c.bold(`■ ${check} (${fs.length})`));
    for (const f of fs) {
      out.push(`  ${paint(f.severity, `[${LABEL[lang][f.severity]}]`)} ${f.message[lang]}`);
      if (f.expected) out.push(c.dim(`      ${lang === 'id' ? 'rumus' : 'formula'}: ${f.expected.formula}`));
      for (const ci of f.citations) out.push(c.dim(`      → ${citationText(ci, lang)}`));
      if (f.causedBy?.length) out.push(c.dim(`      ${lang === 'id' ? 'disebabkan oleh' : 'caused by'}: ${f.causedBy.join(', ')}`));
      out.push(c.dim(`      id: ${f.id}`));
    }
    out.push('');
  }
  const failed = r.checks.filter((k) => k.error);
  if (failed.length) {
    out.push(c.bold(c.red(lang === 'id' ? 'Pemeriksaan yang gagal (pemeriksaan lain tetap dijalankan)' : 'Checks that failed (the other checks ran)')));
    for (const k of failed) out.push(c.red(`  - ${k.id}: ${k.error?.code}: ${k.error?.message}`));
    out.push('');
  }
  if (r.report.warnings.length) {
    out.push(c.bold(lang === 'id' ? 'Catatan ekstraksi' : 'Extraction notes'));
    for (const w of r.report.warnings) out.push(c.dim(`  - ${w.code}: ${w.message}`));
  }
  return out.join('\n') + '\n';
}

export function auditToMarkdown(r: AuditResult, lang: Lang): string {
  const rep = r.report.report;
  const out = [`# ${rep.instansi ?? '?'} — LKjIP ${rep.tahun ?? '?'}`, '', `${lang === 'id' ? 'Temuan' : 'Findings'}: ${severitySummary(r.findings)}`, ''];
  for (const [check, fs] of groupByCheck(r.findings)) {
    out.push(`## ${check} (${fs.length})`, '');
    for (const f of fs) {
      out.push(`- **${LABEL[lang][f.severity]}** ${f.message[lang]}`);
      if (f.expected) out.push(`  - ${lang === 'id' ? 'rumus' : 'formula'}: \`${f.expected.formula}\``);
      for (const ci of f.citations) out.push(`  - ${citationText(ci, lang)}`);
    }
    out.push('');
  }
  return out.join('\n');
}

/** One line per finding and citation, for spreadsheets (the same columns as the web app's download). */
export function auditToCsv(r: AuditResult, lang: Lang): string {
  return sheetToCsv(findingsSheet(r, lang));
}

export function escapeHtml(s: unknown): string {
  return String(s ?? '').replace(/[&<>"']/g, (ch) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[ch]!);
}

/** A self-contained HTML report an auditor can send on: no scripts from elsewhere, all text escaped. */
export function auditToHtml(r: AuditResult, lang: Lang): string {
  const rep = r.report.report;
  const title = `${rep.instansi ?? '?'} — LKjIP ${rep.tahun ?? '?'}`;
  const rows: string[] = [];
  for (const [check, fs] of groupByCheck(r.findings)) {
    rows.push(`<h2>${escapeHtml(check)} <small>(${fs.length})</small></h2>`);
    for (const f of fs) {
      rows.push(`<div class="f ${f.severity}"><span class="sev">${LABEL[lang][f.severity]}</span> ${escapeHtml(f.message[lang])}`);
      if (f.expected) {
        rows.push(`<div class="formula">${escapeHtml(f.expected.formula)}</div><table class="ops"><tr><th>${lang === 'id' ? 'Operand' : 'Operand'}</th><th>${lang === 'id' ? 'Tercetak' : 'Printed'}</th><th>${lang === 'id' ? 'Lokasi' : 'Where'}</th></tr>`);
        for (const o of f.expected.operands) rows.push(`<tr><td>${escapeHtml(o.name)}</td><td>${escapeHtml(o.text)}</td><td>${o.cite ? escapeHtml(citationText(o.cite, lang)) : ''}</td></tr>`);
        rows.push('</table>');
      }
      rows.push(`<ul class="cites">${f.citations.map((c) => `<li>${escapeHtml(citationText(c, lang))}</li>`).join('')}</ul><div class="id">${escapeHtml(f.id)}${f.causedBy?.length ? ` · ${lang === 'id' ? 'disebabkan oleh' : 'caused by'} ${escapeHtml(f.causedBy.join(', '))}` : ''}</div></div>`);
    }
  }
  return `<!doctype html><html lang="${lang}"><head><meta charset="utf-8"><title>${escapeHtml(title)}</title><style>
body{font:14px/1.45 system-ui,sans-serif;max-width:960px;margin:2rem auto;padding:0 1rem;color:#222}
h1{font-size:1.4rem}h2{font-size:1.1rem;margin-top:1.6rem;border-bottom:1px solid #ddd}
.f{border-left:4px solid #999;padding:.4rem .7rem;margin:.6rem 0;background:#fafafa}
.f.error{border-color:#c62828}.f.warning{border-color:#ef6c00}.f.rounding{border-color:#0277bd}.f.info{border-color:#9e9e9e}
.sev{font-weight:600;font-size:.8rem;margin-right:.4rem}.formula{font-family:monospace;margin:.3rem 0}
.ops{border-collapse:collapse;font-size:.85rem}.ops td,.ops th{border:1px solid #ddd;padding:2px 6px;text-align:left}
.cites{margin:.3rem 0;padding-left:1.2rem;font-size:.85rem;color:#555}.id{font-size:.75rem;color:#999}
</style></head><body><h1>${escapeHtml(title)}</h1><p>${escapeHtml(r.report.file)} · ${escapeHtml(severitySummary(r.findings))}</p>${rows.join('\n')}</body></html>
`;
}
