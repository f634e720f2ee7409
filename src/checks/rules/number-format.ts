import type { Report, Value } from '../../model/index.js';
import { MAGNITUDE_FACTOR, median, parseNumber } from '../../numbers/index.js';
import type { Bilingual, Check, FindingDraft } from '../types.js';
import { citeKey, cmp, num, place } from '../util.js';

interface Cell {
  /** Column identity: table and printed column (or the field when no column is known). */
  column: string;
  field: string;
  v: Value;
  percent: boolean;
  /** A rupiah amount (budget and belanja figures). */
  amount: boolean;
}

const PERCENT_FIELDS = new Set(['capaian', 'persen', 'serapan', 'efisiensi']);


/**
 * Parse problems, not findings about the report's arithmetic: values the extraction marked
 * ambiguous (`1.234`; not rupiah read as whole amounts, which cannot have three decimals), rupiah
 * printed with three decimals (`1.250.165,496`: a thousands separator typed as a decimal mark),
 * percentages ~100× the median of their column (a decimal mark read as a
 * thousands separator), and columns that mix Indonesian and US separators. Never an error: the
 * figure may be right and only its reading wrong, so arithmetic findings on it deserve a second
 * look. The magnitude test only runs on percentage columns; amounts of very different size share a
 * column legitimately.
 */
const numberFormat: Check = {
  id: 'number-format',
  meta: {
    title: { id: 'Format angka', en: 'Number format' },
    docs: 'ambiguous separators, rupiah with three decimals (one warning citing each), percentages ~100× their column median (threshold MAGNITUDE_FACTOR), columns mixing Indonesian and US separators; info, warning for three-decimal rupiah, never error',
    defaultSeverity: 'info',
    tags: ['format', 'parse'],
  },
  messages: {
    ambiguous: {
      id: 'Angka "{printed}" dapat dibaca {asId} (gaya Indonesia) atau {asUs} (gaya AS); dibaca sebagai {parsed}',
      en: 'The figure "{printed}" reads as {asId} (Indonesian style) or {asUs} (US style); read as {parsed}',
    },
    magnitude: {
      id: 'Angka "{printed}" dibaca {parsed}, sekitar {factor}× median kolomnya ({median}); kemungkinan salah baca pemisah desimal',
      en: 'The figure "{printed}" was read as {parsed}, about {factor}× its column median ({median}); probably a misread decimal mark',
    },
    amountDecimals: {
      id: '{count} angka rupiah ({pages}) dicetak dengan {decimals} angka di belakang tanda desimal, seperti "{printed}": dibaca gaya Indonesia nilainya seperseribu dari dibaca utuh; rupiah tidak memakai sen sebanyak itu — kemungkinan {grouped}',
      en: '{count} rupiah figures ({pages}) are printed with {decimals} digits after the decimal mark, like "{printed}": read Indonesian-style they are a thousandth of the whole amount; rupiah have no such cents — probably {grouped}',
    },
    mixedStyle: {
      id: 'Kolom {column} mencampur pemisah gaya Indonesia ({idCount}) dan gaya AS ({usCount}); periksa angka bergaya {minority}',
      en: 'Column {column} mixes Indonesian ({idCount}) and US separators ({usCount}); check the {minority}-style figures',
    },
  },
  run(report, ctx) {
    const out: FindingDraft[] = [];
    const cells = collect(report);
    for (const c of cells) {
      if (!c.v.ambiguous || c.v.value === null) continue;
      // Rupiah never have three decimals: an amount read with its groups intact was read right.
      if (c.amount && c.v.decimals === 0 && Number.isInteger(c.v.value)) continue;
      const asId = parseNumber(c.v.text, { style: 'id' }).value;
      const asUs = parseNumber(c.v.text, { style: 'us' }).value;
      const show = (x: number | null): Bilingual | string => (x === null ? '-' : num(x, decimals(x)));
      out.push({
        messageId: 'ambiguous',
        subject: `value:${citeKey(c.v.cite)}`,
        data: { printed: c.v.text, asId: show(asId), asUs: show(asUs), parsed: num(c.v.value, c.v.decimals) },
        printed: { text: c.v.text, value: c.v.value },
        expected: null,
        citations: [ctx.cite(c.v.cite)],
      });
    }

    // Rupiah amounts with three decimals ("1.250.165,496"): one separator typed as the other. Read in
    // Indonesian style they are a thousand times smaller than read whole, so a reader cannot tell
    // which is meant: a warning. It is a typing habit, one problem however many figures show it (an
    // attachment split over pages into several tables): one finding citing each such figure.
    const threeDecimals: Cell[] = [];
    for (const c of cells) {
      // Both separators, and three digits after the last one: "1.250.165,496" (read whole by the
      // extraction, or with three decimals where the column is not known to be rupiah).
      const text = c.v.text.replace(/,-$/, '');
      if (!c.amount || c.v.value === null || !/\d\.\d{3}.*,\d{3}$|\d,\d{3}.*\.\d{3}$/.test(text)) continue;
      threeDecimals.push(c);
    }
    if (threeDecimals.length > 0) {
      const sorted = [...threeDecimals].sort((a, b) => a.v.cite.page - b.v.cite.page || cmp(citeKey(a.v.cite), citeKey(b.v.cite)));
      const first = sorted[0]!;
      const grouped = first.v.text.replace(/,-$/, '').replace(/[.,](\d{3})(?!\d)/, '.$1').replace(/,/g, '.');
      const whole = parseNumber(grouped, { style: 'id' }).value;
      out.push({
        messageId: 'amountDecimals',
        // Separators read by OCR are the scan's reading, not the printer's habit.
        severity: sorted.every((c) => c.v.ocr) ? 'info' : 'warning',
        subject: 'amounts:three-decimals',
        data: { printed: first.v.text, decimals: 3, grouped, count: sorted.length, pages: pageRange(sorted.map((c) => c.v.cite.page)) },
        printed: { text: first.v.text, value: first.v.value },
        expected: whole === null ? null : { value: whole, interval: null, formula: `${grouped} (pemisah ribuan)`, operands: [] },
        citations: sorted.map((c) => ctx.cite(c.v.cite)),
      });
    }

    const columns = new Map<string, Cell[]>();
    for (const c of cells) {
      const list = columns.get(c.column) ?? [];
      list.push(c);
      columns.set(c.column, list);
    }
    for (const [column, list] of [...columns.entries()].sort((a, b) => cmp(a[0], b[0]))) {
      if (list.every((c) => c.percent)) {
        const magnitudes = list.map((c) => Math.abs(c.v.value ?? 0)).filter((x) => x > 0);
        const med = median(magnitudes);
        if (med !== null && med > 0) {
          for (const c of list) {
            if (c.v.value === null || c.v.value === 0) continue;
            const ratio = Math.abs(c.v.value) / med;
            if (ratio < MAGNITUDE_FACTOR && !(c.v.decimals > 0 && ratio <= 1 / MAGNITUDE_FACTOR)) continue;
            const factor = ratio >= 1 ? Math.round(ratio) : Number(ratio.toPrecision(2));
            out.push({
              messageId: 'magnitude',
              // A figure to look at, not one shown wrong: as a warning its precision on unseen
              // reports fell below what a warning must earn.
              severity: 'info',
              subject: `value:${citeKey(c.v.cite)}`,
              data: { printed: c.v.text, parsed: num(c.v.value, c.v.decimals), factor: num(factor, ratio >= 1 ? 0 : 2), median: num(med, 2) },
              printed: { text: c.v.text, value: c.v.value },
              expected: { value: med, interval: null, formula: `median kolom ${column} (${magnitudes.length} angka)`, operands: [] },
              citations: [ctx.cite(c.v.cite)],
            });
          }
        }
      }
      const styled = list.map((c) => ({ c, style: parseNumber(c.v.text).style }));
      const ids = styled.filter((s) => s.style === 'id');
      const uss = styled.filter((s) => s.style === 'us');
      if (ids.length === 0 || uss.length === 0) continue;
      const minority = uss.length <= ids.length ? uss : ids;
      const minorityName: Bilingual = minority === uss ? { id: 'AS', en: 'US' } : { id: 'Indonesia', en: 'Indonesian' };
      const first = list[0];
      out.push({
        messageId: 'mixedStyle',
        subject: `column:${column}`,
        data: { column: first ? columnLabel(first) : column, idCount: figures(ids.length), usCount: figures(uss.length), minority: minorityName },
        printed: null,
        expected: null,
        citations: minority.map((s) => ctx.cite(s.c.v.cite)),
      });
    }
    return out;
  },
};

export default numberFormat;

/** "p. 44" or "p. 44–47". */
function pageRange(pages: readonly number[]): string {
  const lo = Math.min(...pages);
  const hi = Math.max(...pages);
  return lo === hi ? `p. ${lo}` : `p. ${lo}–${hi}`;
}

/** A column by its printed label and where its table is (`"Capaian" (Tabel 3.1 … (hal. 12))`), never by table id. */
function columnLabel(c: Cell): Bilingual {
  const label = c.v.cite.columnLabel ?? c.field;
  const where = place(c.v.cite);
  return { id: `"${label}" (${where.id})`, en: `"${label}" (${where.en})` };
}

/** `3 angka` / `3 figures`, `1 figure`. */
function figures(n: number): Bilingual {
  return { id: `${n} angka`, en: `${n} ${n === 1 ? 'figure' : 'figures'}` };
}

function decimals(x: number): number {
  const s = String(x);
  const dot = s.indexOf('.');
  return dot < 0 ? 0 : Math.min(6, s.length - dot - 1);
}

function collect(report: Report): Cell[] {
  const cells: Cell[] = [];
  const push = (table: string, field: string, v: Value | null | undefined, amount = false): void => {
    if (!v) return;
    const col = v.cite.column ?? field;
    cells.push({ column: `${table}|${col}`, field, v, percent: PERCENT_FIELDS.has(field) || v.unit === 'percent', amount: amount || v.unit === 'rupiah' });
  };
  for (const i of report.indicators) {
    for (const f of ['target', 'realisasi', 'capaian', 'prevRealisasi', 'renstraTarget'] as const) push(i.table, f, i[f]);
  }
  for (const r of report.budget) for (const f of ['pagu', 'realisasi', 'persen', 'sisa', 'prakiraan'] as const) push(r.table, f, r[f], f !== 'persen');
  for (const b of report.belanja) {
    push(b.cite.table ?? `belanja:${b.group}`, 'amount', b.amount, true);
    push(b.cite.table ?? `belanja:${b.group}`, 'realisasi', b.realisasi, true);
  }
  for (const e of report.efficiency) for (const f of ['capaian', 'serapan', 'efisiensi'] as const) push(e.table, f, e[f]);
  for (const c of report.claims) {
    const loose: Array<Value | null> =
      c.kind === 'terbilang' ? [c.digits] : c.kind === 'trend' ? [c.from, c.to] : c.kind === 'efisiensi' ? [c.stated, c.numerator, c.denominator] : [];
    // Prose figures share no column: each claim is its own column, so only the ambiguity test applies.
    loose.forEach((v, k) => push(`claim:${c.id}`, `v${k}`, v));
  }
  return cells;
}
