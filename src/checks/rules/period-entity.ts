import type { Citation, Operand, Report } from '../../model/index.js';
import type { Check, CheckContext, FindingDraft } from '../types.js';
import { normLabel } from '../util.js';

/** Words that name the kind of government, not which one, in office names. */
const GENERIC = new Set(['pemerintah', 'pemerintahan', 'kabupaten', 'kab', 'kota', 'provinsi', 'prov', 'pemkab', 'pemkot', 'pemprov', 'daerah', 'dan', 'di', 'the', 'of', 'republik', 'indonesia', 'tahun']);

const tokens = (s: string): string[] =>
  s
    .normalize('NFKC')
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter((t) => t !== '');

/**
 * The report's own year and office used throughout. Allowed years: the report year, the year before
 * (comparisons), the year after (publication date), and multi-year periods that contain the report
 * year (Renstra 2021-2026). Older single years are only noted (history is legitimate), later ones and
 * periods that do not contain the year are warnings. Office names are compared word by word with
 * the office and its pemda; a single word that is not the office's initials cannot be verified and
 * is noted.
 */
const periodEntity: Check = {
  id: 'period-entity',
  meta: {
    title: { id: 'Tahun dan instansi', en: 'Year and office' },
    docs: 'years other than tahun (tahun−1, tahun+1 and periods containing tahun allowed), office names other than the report\'s (the office said to carry out the duties: by its whole name), performance tables with only an earlier year\'s figures; warning or info',
    defaultSeverity: 'warning',
    tags: ['prose', 'consistency'],
  },
  messages: {
    futureYear: {
      id: 'Tahun {printed} disebut dalam laporan tahun {tahun}; periksa apakah ini sisa laporan lain',
      en: 'The year {printed} appears in the {tahun} report; check whether it was left over from another report',
    },
    oldYear: {
      id: 'Tahun {printed} disebut dalam laporan tahun {tahun} (lebih dari setahun sebelumnya)',
      en: 'The year {printed} appears in the {tahun} report (more than a year before it)',
    },
    ownYear: {
      id: 'Tahun {printed} dipakai untuk periode laporan ini, padahal laporan ini tahun {tahun}',
      en: 'The year {printed} is given as this report\'s own period, but the report is for {tahun}',
    },
    period: {
      id: 'Periode {printed} tidak memuat tahun laporan {tahun}',
      en: 'The period {printed} does not include the report year {tahun}',
    },
    otherOffice: {
      id: 'Nama instansi "{printed}" berbeda dari instansi laporan "{instansi}" (kata: {extra})',
      en: 'The office name "{printed}" differs from the report\'s office "{instansi}" (words: {extra})',
    },
    otherDutyOffice: {
      id: 'Teks menyebut "{printed}" sebagai instansi yang mempunyai tugas tersebut, padahal laporan ini milik "{instansi}" (kata: {extra})',
      en: 'The text names "{printed}" as the office carrying out the duties, but the report is by "{instansi}" (words: {extra})',
    },
    pastOnlyTable: {
      id: 'Tabel {table} hanya memuat angka tahun {year} ({column}), padahal laporan ini tahun {tahun}',
      en: 'Table {table} shows only {year} figures ({column}), but the report is for {tahun}',
    },
    unverifiedOffice: {
      id: 'Singkatan instansi "{printed}" tidak dapat dicocokkan dengan "{instansi}"',
      en: 'The office abbreviation "{printed}" cannot be matched to "{instansi}"',
    },
  },
  run(report, ctx) {
    const out: FindingDraft[] = [];
    const tahun = report.report.tahun;
    const instansi = report.report.instansi;
    const reportCite = report.report.cite ? ctx.cite(report.report.cite) : null;
    for (const claim of report.claims) {
      if (claim.kind !== 'mention' || claim.entity === 'perubahan_pk') continue;
      // The same stray year or office name copied onto several pages is one problem: subject by value.
      const base = { subject: `${claim.entity}:${normLabel(claim.value)}`, citations: [ctx.cite(claim.cite)] };
      if (claim.entity === 'year') {
        if (tahun === null) continue;
        const operands: Operand[] = [{ name: 'tahun laporan', text: String(tahun), value: tahun, cite: reportCite }];
        const range = /(\d{4})\s*(?:[-–—/]|s\.?\s*d\.?|sampai(?:\s+dengan)?)\s*(?:tahun\s+)?(\d{4})/i.exec(claim.value);
        const data = { printed: claim.value, tahun };
        if (range) {
          const a = Number(range[1]);
          const b = Number(range[2]);
          if (Math.min(a, b) <= tahun && tahun <= Math.max(a, b)) continue;
          out.push({
            ...base,
            messageId: 'period',
            data,
            printed: { text: claim.value, value: null },
            expected: { value: `… ${tahun} …`, interval: null, formula: `periode memuat tahun laporan ${tahun}`, operands },
          });
          continue;
        }
        const single = /\b(\d{4})\b/.exec(claim.value);
        if (!single) continue;
        const y = Number(single[1]);
        // A comparison may name last year; a phrase naming the report's own period may not.
        if (claim.own ? y === tahun : y >= tahun - 1 && y <= tahun + 1) continue;
        out.push({
          ...base,
          messageId: claim.own ? 'ownYear' : y > tahun ? 'futureYear' : 'oldYear',
          severity: y > tahun || claim.own ? 'warning' : 'info',
          data,
          printed: { text: claim.value, value: y },
          expected: { value: tahun, interval: [tahun - 1, tahun + 1], formula: `tahun laporan ${tahun} (± 1 untuk pembanding dan tanggal terbit)`, operands },
        });
        continue;
      }
      if (!instansi) continue;
      const allowed = new Set([...tokens(instansi), ...tokens(report.report.pemda ?? ''), ...GENERIC]);
      const words = tokens(claim.value);
      if (words.length === 0) continue;
      const operands: Operand[] = [{ name: 'instansi', text: instansi, value: null, cite: reportCite }];
      const common = { ...base, printed: { text: claim.value, value: null }, expected: { value: instansi, interval: null, formula: `instansi laporan "${instansi}"`, operands } };
      if (words.length === 1) {
        const word = words[0] ?? '';
        const initials = tokens(instansi)
          .map((t) => t[0])
          .join('');
        const initialsNoGeneric = tokens(instansi)
          .filter((t) => !GENERIC.has(t))
          .map((t) => t[0])
          .join('');
        if (allowed.has(word) || word === initials || word === initialsNoGeneric) continue;
        out.push({ ...common, messageId: 'unverifiedOffice', severity: 'info', data: { printed: claim.value, instansi } });
        continue;
      }
      const extra = words.filter((w) => !allowed.has(w));
      if (claim.own) {
        // The office the text says carries out the duties is the reporting office, by its whole
        // name: "Badan Kepegawaian Daerah" is not "Badan Kepegawaian dan Pengembangan SDM".
        const named = new Set(words.filter((w) => !GENERIC.has(w)));
        const pemda = new Set(tokens(report.report.pemda ?? ''));
        const missing = tokens(instansi).filter((w) => !GENERIC.has(w) && !pemda.has(w) && !named.has(w));
        if (extra.length === 0 && missing.length === 0) continue;
        out.push({ ...common, messageId: 'otherDutyOffice', data: { printed: claim.value, instansi, extra: [...extra, ...missing.map((w) => `−${w}`)].join(', ') } });
        continue;
      }
      if (extra.length === 0) continue;
      out.push({ ...common, messageId: 'otherOffice', data: { printed: claim.value, instansi, extra: extra.join(', ') } });
    }
    if (tahun !== null) out.push(...pastOnlyTables(report, ctx, tahun, reportCite));
    return out;
  },
};

const CURRENT_ROLES = ['target', 'realisasi', 'capaian', 'renstraTarget'];
const PAST_ROLES = ['prevRealisasi', 'prevTarget', 'prevCapaian'];

/**
 * A performance table whose figures are all of an earlier year, under a column naming that year
 * ("REALISASI 2022" in a 2023 report's comparison with national figures), while neither its caption
 * nor any column speaks of the report year: last year's table carried over. A table whose caption
 * names that earlier year is history on purpose and is left alone.
 */
function pastOnlyTables(report: Report, ctx: CheckContext, tahun: number, reportCite: Citation | null): FindingDraft[] {
  const out: FindingDraft[] = [];
  for (const t of report.tables) {
    const roles = Object.keys(t.columns);
    if (roles.some((r) => CURRENT_ROLES.includes(r)) || !roles.some((r) => PAST_ROLES.includes(r))) continue;
    const values = report.indicators.filter((i) => i.table === t.id).flatMap((i) => (i.prevRealisasi ? [i.prevRealisasi] : []));
    const labels = [...new Set(values.map((v) => v.cite.columnLabel).filter((l): l is string => Boolean(l)))];
    const years = [...new Set(labels.flatMap((l) => [...l.matchAll(/\b(20\d{2})\b/g)].map((m) => Number(m[1]))))];
    const year = years.length === 1 ? years[0]! : null;
    if (year === null || year >= tahun || new RegExp(`\\b${year}\\b`).test(t.caption ?? '') || new RegExp(`\\b${tahun}\\b`).test(t.caption ?? '')) continue;
    const name = t.caption ?? t.id;
    out.push({
      messageId: 'pastOnlyTable',
      subject: `table:${t.id}`,
      data: { table: name, year, column: labels.join(', '), tahun },
      printed: { text: labels.join(', '), value: year },
      expected: { value: tahun, interval: null, formula: `angka tahun laporan ${tahun}`, operands: [{ name: 'tahun laporan', text: String(tahun), value: tahun, cite: reportCite }] },
      citations: values.map((v) => ctx.cite(v.cite)),
    });
  }
  return out;
}

export default periodEntity;
