/**
 * Findings as a reviewer sends them on: one row per finding, in the reader's language, with the
 * review status and note, numbers written the way that language writes them, and places named by
 * page, caption and row rather than by internal table ids.
 */
import { CHECKS } from '../checks/index.js';
import type { Citation, Finding } from '../model/report.js';
import type { Sheet } from '../pipeline/batch.js';
import type { Review, ReviewStatus } from '../store/types.js';

export type Lang = 'id' | 'en';

/** `open`: not reviewed yet. */
export type ReviewFilter = ReviewStatus | 'open';

export interface FindingFilter {
  severity?: readonly string[] | null;
  check?: readonly string[] | null;
  status?: readonly ReviewFilter[] | null;
}

const WORDS = {
  id: {
    severity: { error: 'Kesalahan', warning: 'Peringatan', rounding: 'Pembulatan', info: 'Info' },
    status: { open: 'Belum ditinjau', confirmed: 'Dikonfirmasi', dismissed: 'Diabaikan', 'follow-up': 'Perlu tindak lanjut' },
    page: 'hal.',
    row: 'baris',
    columns: ['no', 'id', 'pemeriksaan', 'tingkat', 'pesan', 'tercetak', 'seharusnya', 'rumus', 'halaman', 'lokasi', 'disebabkan oleh', 'status tinjauan', 'catatan'],
  },
  en: {
    severity: { error: 'Error', warning: 'Warning', rounding: 'Rounding', info: 'Info' },
    status: { open: 'Not reviewed', confirmed: 'Confirmed', dismissed: 'Dismissed', 'follow-up': 'Needs follow-up' },
    page: 'p.',
    row: 'row',
    columns: ['no', 'id', 'check', 'severity', 'message', 'printed', 'expected', 'formula', 'pages', 'places', 'caused by', 'review status', 'note'],
  },
} as const;

const TITLES = new Map(CHECKS.map((c) => [c.id, c.meta.title]));

/** Labels in a language: severities, review statuses and check titles. */
export function labels(lang: Lang): { severity: Record<Finding['severity'], string>; status: Record<ReviewFilter, string>; check: (id: string) => string } {
  const w = WORDS[lang];
  return { severity: w.severity, status: w.status, check: (id) => TITLES.get(id)?.[lang] ?? id };
}

/** Every check's title in both languages, by id. */
export function checkTitles(): Record<string, { id: string; en: string }> {
  return Object.fromEntries(CHECKS.map((c) => [c.id, { id: c.meta.title.id, en: c.meta.title.en }]));
}

/**
 * A number as the language writes it: `166.653.200` and `75,14` in Indonesian, `166,653,200` and
 * `75.14` in English; at most `maxDecimals` decimals. Figures of four digits or fewer are not
 * grouped, so a year stays `2023`. Text is returned as it is.
 *
 * @example
 *   formatNumber(75.14492753623189, 'id'); // '75,14'
 */
export function formatNumber(v: number | string | null | undefined, lang: Lang, maxDecimals = 2): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'string') return v;
  return new Intl.NumberFormat(lang === 'id' ? 'id-ID' : 'en-US', { maximumFractionDigits: maxDecimals, useGrouping: Math.abs(v) >= 10_000 }).format(v);
}

/** `hal. 12 · Tabel 3.1 Capaian Kinerja · baris 4`: page, caption (or nothing) and row. */
export function placeLabel(c: Citation, lang: Lang): string {
  const w = WORDS[lang];
  const parts = [`${w.page} ${c.page}`];
  if (c.caption) parts.push(c.caption.length > 60 ? `${c.caption.slice(0, 57)}…` : c.caption);
  if (c.row !== null && c.row !== undefined) parts.push(`${w.row} ${c.row}`);
  return parts.join(' · ');
}

/** The findings that pass the filter (an empty or absent list lets every value through). */
export function filterFindings(findings: readonly Finding[], reviews: ReadonlyMap<string, Review>, f: FindingFilter): Finding[] {
  const any = (l: readonly string[] | null | undefined) => !l || l.length === 0;
  return findings.filter(
    (x) =>
      (any(f.severity) || f.severity!.includes(x.severity)) &&
      (any(f.check) || f.check!.includes(x.check)) &&
      (any(f.status) || f.status!.includes(reviews.get(x.id)?.status ?? 'open')),
  );
}

/** Reviews by finding id. */
export function reviewMap(reviews: readonly Review[]): Map<string, Review> {
  return new Map(reviews.map((r) => [r.findingId, r]));
}

/**
 * One row per finding: its check title and severity in the language, printed and expected figures
 * written in that language, its pages and places, the findings that cause it, and its review.
 *
 * @example
 *   findingRowsSheet(findings, reviewMap(reviews), 'id').columns[2]; // 'pemeriksaan'
 */
export function findingRowsSheet(findings: readonly Finding[], reviews: ReadonlyMap<string, Review>, lang: Lang): Sheet {
  const l = labels(lang);
  const number = new Map(findings.map((f, i) => [f.id, i + 1]));
  const rows: Sheet['rows'] = findings.map((f, i) => {
    const review = reviews.get(f.id);
    const causes = (f.causedBy ?? []).map((id) => (number.has(id) ? `#${number.get(id)}` : id));
    return [
      i + 1,
      f.id,
      l.check(f.check),
      l.severity[f.severity],
      f.message[lang],
      f.printed?.text ?? null,
      f.expected ? formatNumber(f.expected.value, lang) || null : null,
      f.expected?.formula ?? null,
      [...new Set(f.citations.map((c) => c.page))].join(', '),
      f.citations.map((c) => placeLabel(c, lang)).join('; '),
      causes.join(', ') || null,
      l.status[review?.status ?? 'open'],
      review?.note || null,
    ];
  });
  return { name: lang === 'id' ? 'temuan' : 'findings', columns: [...WORDS[lang].columns], rows };
}
