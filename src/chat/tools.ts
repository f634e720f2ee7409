import type { Citation, Finding, Severity, Value } from '../model/report.js';
import { clipText } from './citations.js';
import { matchEntities, type Prepared } from './deterministic.js';
import type { Attr } from './facts.js';
import { select } from './grounded.js';
import { matchFacts } from './resolve.js';
import type { Entity } from './retrieval.js';
import { understand } from './understand.js';
import type { Lang } from './types.js';

/**
 * Read-only queries over one report's model and findings, shared by the LLM's tools and tests.
 * Every value comes with the id to cite; nothing here computes a new figure.
 */

export interface Place {
  /** The id to cite: the cell (`t7.r3c4`), or the row when the value has no cell. */
  id: string;
  page: number;
  table: string | null;
  row: number | null;
}

export interface CitedValue extends Place {
  text: string;
}

/** Findings matching a query and filters, most important first, with counts over the whole report. */
export function searchFindings(p: Prepared, args: { query?: string | null; check?: string | null; severity?: Severity | null; limit?: number | null }, lang: Lang) {
  const all = p.ctx.result.findings;
  let fs = all;
  if (args.check) fs = fs.filter((f) => f.check === args.check);
  if (args.severity) fs = fs.filter((f) => f.severity === args.severity);
  if (args.query?.trim()) {
    const ranked = p.retriever.search(args.query, { kinds: ['finding'], limit: 200 }).map((h) => h.doc.ref);
    const allowed = new Set(fs.map((f) => f.id));
    fs = ranked.filter((id) => allowed.has(id)).map((id) => all.find((f) => f.id === id)!);
  }
  const limit = Math.min(Math.max(args.limit ?? 10, 1), 25);
  return {
    report: p.ctx.result.report.report.instansi,
    year: p.ctx.result.report.report.tahun,
    totalFindings: all.length,
    bySeverity: countBy(all, (f) => f.severity),
    byCheck: countBy(all, (f) => f.check),
    matching: fs.length,
    findings: fs.slice(0, limit).map((f) => ({
      id: f.id,
      check: f.check,
      severity: f.severity,
      message: clipText(f.message[lang], 400),
      printed: f.printed?.text ?? null,
      pages: [...new Set(f.citations.map((c) => c.page))],
      subject: f.subject ?? null,
    })),
  };
}

/** One finding in full: formula, operands and every place it is printed, each with its id. */
export function getFinding(p: Prepared, id: string, lang: Lang) {
  const f = p.ctx.result.findings.find((x) => x.id === id.trim());
  if (!f) return { error: `no finding with id "${id}"` };
  return {
    id: f.id,
    check: f.check,
    severity: f.severity,
    message: f.message[lang],
    printed: f.printed?.text ?? null,
    expected: f.expected
      ? {
          value: f.expected.value,
          formula: f.expected.formula,
          operands: f.expected.operands.map((o) => ({ name: o.name, text: o.text, ...(o.cite ? { cite: placeOf(p, o.cite, f) } : {}) })),
        }
      : null,
    printedAt: f.citations.map((c) => placeOf(p, c, f)),
    causedBy: f.causedBy ?? [],
    causes: p.ctx.result.findings.filter((x) => x.causedBy?.includes(f.id)).map((x) => x.id),
  };
}

/** The indicators a name matches, each with every place its figures are printed. */
export function getIndicator(p: Prepared, name: string, previousYear = false) {
  const found = matchEntities(p.retriever, name, 'indicator').filter((m) => m.entity.kind === 'indicator').slice(0, 3);
  if (!found.length) return { error: `no indicator matches "${name}"`, indicators: [] };
  return {
    indicators: found.map(({ entity }) => ({
      name: entity.name,
      key: entity.key,
      rows: entity.indicators
        .filter((i) => i.id.endsWith('.prev') === previousYear)
        .map((i) => ({
          row: i.id,
          table: i.table,
          tableKind: i.tableKind,
          page: i.cite.page,
          satuan: i.satuan,
          polarity: i.polarity,
          target: value(p, i.target),
          realisasi: value(p, i.realisasi),
          capaian: value(p, i.capaian),
          predikat: i.predikat ? { text: i.predikat.text, ...placeOf(p, i.predikat.cite) } : null,
        })),
      findings: related(p, entity),
    })),
  };
}

/** The budget lines (program, kegiatan…) a name matches, with every printed pagu/realisasi/%/sisa. */
export function getBudgetRow(p: Prepared, name: string) {
  const found = matchEntities(p.retriever, name, 'budget').filter((m) => m.entity.kind === 'budget').slice(0, 3);
  if (!found.length) return { error: `no budget line matches "${name}"`, lines: [] };
  return {
    lines: found.map(({ entity }) => ({
      name: entity.name,
      key: entity.key,
      rows: entity.budget.map((b) => ({
        row: b.id,
        table: b.table,
        page: b.cite.page,
        level: b.level,
        kode: b.kode,
        pagu: value(p, b.pagu),
        realisasi: value(p, b.realisasi),
        persen: value(p, b.persen),
        sisa: value(p, b.sisa),
      })),
      findings: related(p, entity),
    })),
  };
}

/** Passages of the report's text (outside tables) and claims made in prose, with ids and pages. */
export function searchText(p: Prepared, query: string, limit = 5) {
  const hits = p.retriever.search(query, { kinds: ['paragraph', 'claim', 'belanja', 'efficiency'], limit: Math.min(Math.max(limit, 1), 10) });
  return {
    passages: hits.map((h) => ({ id: h.doc.ref, kind: h.doc.kind, page: h.doc.page, text: p.retriever.snippet(h.doc, h.terms, 500) })),
  };
}

/**
 * Printed figures from the fact index: the lines a name matches, each figure of the asked quantity
 * (or all) for the period, year and budget variant asked, with its id, page, table and raw text.
 *
 * @example
 *   findFacts(prepared, { name: 'IKM', attribute: 'capaian', period: 'previous' });
 */
export function findFacts(
  p: Prepared,
  args: { name: string; attribute?: Attr | null; period?: 'current' | 'previous' | 'renstra' | 'next' | null; year?: number | null; variant?: 'original' | 'perubahan' | null },
) {
  const u = understand(args.name, { year: p.facts.year });
  const matches = matchFacts(p.facts, p.retriever, u.terms).slice(0, 3);
  if (!matches.length) return { error: `nothing in the report matches "${args.name}"`, lines: [] };
  const asked = { ...u, period: args.period ?? null, year: args.year ?? null, years: [], variant: args.variant ?? null, tableLabel: null, page: null };
  return {
    lines: matches.map(({ entity, score }) => {
      const mine = p.facts.about(entity);
      const attrs = args.attribute ? [args.attribute] : [...new Set(mine.map((f) => f.attr))];
      return {
        name: entity.name,
        kind: entity.kind,
        match: Math.round(score * 100) / 100,
        facts: attrs.flatMap((a) => select(mine, a, asked)).slice(0, 40).map((f) => ({
          id: f.id,
          attribute: f.attr,
          period: f.period,
          year: f.year,
          variant: f.variant,
          table: f.table,
          tableLabel: f.tableLabel,
          caption: f.caption,
          page: f.page,
          text: f.text,
        })),
      };
    }),
  };
}

function value(p: Prepared, v: Value | null | undefined): CitedValue | null {
  return v ? { text: v.text, ...placeOf(p, v.cite) } : null;
}

function placeOf(p: Prepared, c: Citation, f?: Finding): Place {
  const id = p.index.idOf(c) ?? f?.id ?? `p${c.page}`;
  return { id, page: c.page, table: c.table ?? null, row: c.row ?? null };
}

function related(p: Prepared, e: Entity) {
  return p.ctx.result.findings.filter((f) => f.subject === e.subject).map((f) => ({ id: f.id, check: f.check, severity: f.severity }));
}

function countBy<T>(xs: T[], key: (x: T) => string): Record<string, number> {
  const out: Record<string, number> = {};
  for (const x of xs) out[key(x)] = (out[key(x)] ?? 0) + 1;
  return out;
}
