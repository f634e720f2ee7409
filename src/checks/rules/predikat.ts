import type { Report, ScaleBand } from '../../model/index.js';
import type { Bilingual, Check, CheckContext, FindingDraft } from '../types.js';
import { DEFAULT_BANDS, DEFAULT_SCALE_NAME, fmt, fmtPlain, indicatorSubject, measure, normLabel } from '../util.js';

/**
 * The printed predikat vs the band of the printed capaian (band bounds inclusive unless the scale
 * marks them exclusive, `< 85`). The scale the report prints wins; without
 * one the Permendagri 86/2017 default is used, and a disagreement is only information then (as is a
 * label the scale does not have), since the office may follow a scale the extraction did not find:
 * such warnings matched no planted problem on any corpus. A prose label in the Permendagri words
 * beside a report scale of other words is judged on the Permendagri scale, a warning.
 */
const predikat: Check = {
  id: 'predikat',
  meta: {
    title: { id: 'Predikat capaian', en: 'Achievement predicate' },
    docs: "predikat label (in tables and stated in prose) vs the band of the printed capaian on the report's scale, error; against the Permendagri 86/2017 default (no scale found in the report) or for a label the scale does not have, info (the office may follow a scale the extraction did not find); between integer bands is info; a prose 'kategori N … label' vs the number the report's numbered scale gives the label (warning)",
    defaultSeverity: 'error',
    tags: ['indicator', 'scale'],
  },
  messages: {
    mismatch: {
      id: '{indikator}: predikat tercetak "{printed}" tetapi capaian {capaian} termasuk "{expected}" menurut {scale}',
      en: '{indikator}: printed predikat "{printed}" but capaian {capaian} falls in "{expected}" on {scale}',
    },
    betweenBands: {
      id: '{indikator}: capaian {capaian} berada di antara pita "{lower}" dan "{upper}" pada {scale}; predikat "{printed}" dapat diterima',
      en: '{indikator}: capaian {capaian} lies between the bands "{lower}" and "{upper}" on {scale}; predikat "{printed}" is acceptable',
    },
    categoryNumber: {
      id: '"{printed}": {scale} memberi "{label}" nomor {expected}, bukan {stated}',
      en: '"{printed}": {scale} numbers "{label}" {expected}, not {stated}',
    },
    unknownLabel: {
      id: '{indikator}: predikat "{printed}" tidak ada pada {scale} (pita: {labels}); capaian {capaian} termasuk "{expected}"',
      en: '{indikator}: predikat "{printed}" is not on {scale} (bands: {labels}); capaian {capaian} falls in "{expected}"',
    },
  },
  run(report, ctx) {
    const reportScale = report.scale.source === 'report' && report.scale.bands.length > 0;
    const reportBands: readonly ScaleBand[] = report.scale.bands.length > 0 ? report.scale.bands : DEFAULT_BANDS;
    const out: FindingDraft[] = [];

    // Predicates printed in tables, then those stated in prose ("tercapai 98,33% atau bernilai
    // kinerja tinggi"), each against the band of the capaian beside it.
    const items = [
      ...report.indicators.map((ind) => ({ subject: indicatorSubject(ind), name: ind.indikator, capaian: ind.capaian, labelText: ind.predikat?.text ?? null, labelCite: ind.predikat?.cite ?? null })),
      ...report.claims.flatMap((cl) => (cl.kind === 'predikat' ? [{ subject: `claim:${cl.text.slice(0, 120)}`, name: cl.text.length > 90 ? `${cl.text.slice(0, 90)}…` : cl.text, capaian: cl.capaian, labelText: cl.label, labelCite: cl.cite, prose: true }] : [])),
    ];
    for (const ind of items) {
      const c = measure(ind.capaian);
      const label = ind.labelText?.trim();
      if (!c || !ind.capaian || !ind.labelText || !ind.labelCite || !label) continue;
      const norm = normLabel(label);
      if (norm === '') continue;
      // Prose often words predicates in the Permendagri 86/2017 vocabulary beside a report scale of
      // its own ("sangat tinggi" beside Sangat Berhasil): such a label is read on that scale; a label
      // on neither is not judged in prose.
      const onReport = reportBands.some((b) => normLabel(b.label) === norm);
      const useDefault = 'prose' in ind && !onReport && DEFAULT_BANDS.some((b) => normLabel(b.label) === norm);
      if ('prose' in ind && !onReport && !useDefault) continue;
      const bands = useDefault ? DEFAULT_BANDS : reportBands;
      const fromReport = reportScale && !useDefault;
      const scaleName: Bilingual = fromReport
        ? { id: `skala laporan "${report.scale.name}"`, en: `the report's scale "${report.scale.name}"` }
        : { id: `skala bawaan ${DEFAULT_SCALE_NAME}`, en: `the default ${DEFAULT_SCALE_NAME} scale` };
      const ranges = bands.map(bandText).join('; ');
      const labels = bands.map((b) => b.label).join(', ');
      const containing = bands.filter((b) => inBand(b, c.value));
      if (containing.some((b) => normLabel(b.label) === norm)) continue;
      const known = bands.some((b) => normLabel(b.label) === norm);
      const base = {
        subject: ind.subject,
        printed: { text: ind.labelText, value: null },
        citations: [ctx.cite(ind.labelCite)],
      };
      const formula = `capaian ${fmt(c)} pada ${fromReport ? `skala laporan "${report.scale.name}"` : DEFAULT_SCALE_NAME}: ${ranges}`;
      const operands = [ctx.operand('capaian', ind.capaian)];
      const common = { indikator: ind.name, printed: label, capaian: ind.capaian.text, scale: scaleName };

      if (containing.length === 0) {
        const below = [...bands].filter((b) => b.max !== null && (b.max < c.value || (b.maxExclusive && b.max === c.value))).sort((a, b) => (b.max ?? 0) - (a.max ?? 0))[0];
        const above = [...bands].filter((b) => b.min !== null && (b.min > c.value || (b.minExclusive && b.min === c.value))).sort((a, b) => (a.min ?? 0) - (b.min ?? 0))[0];
        const neighbours = [below, above].filter((b): b is ScaleBand => b !== undefined);
        const expectedLabel = neighbours.map((b) => b.label).join(' / ');
        if (neighbours.some((b) => normLabel(b.label) === norm)) {
          out.push({
            ...base,
            messageId: 'betweenBands',
            severity: 'info',
            data: { ...common, lower: below?.label ?? '-', upper: above?.label ?? '-' },
            expected: { value: expectedLabel, interval: null, formula, operands },
          });
          continue;
        }
        out.push({
          ...base,
          messageId: known ? 'mismatch' : 'unknownLabel',
          severity: known && fromReport ? 'error' : known && useDefault ? 'warning' : 'info',
          data: { ...common, expected: expectedLabel || '-', labels },
          expected: { value: expectedLabel || null, interval: null, formula, operands },
        });
        continue;
      }
      const expectedLabel = containing.map((b) => b.label).join(' / ');
      out.push({
        ...base,
        messageId: known ? 'mismatch' : 'unknownLabel',
        severity: known && fromReport ? 'error' : known && useDefault ? 'warning' : 'info',
        data: { ...common, expected: expectedLabel, labels },
        expected: { value: expectedLabel, interval: null, formula, operands },
      });
    }
    out.push(...categoryClaims(report, ctx));
    return out;
  },
};

export default predikat;

/**
 * "termasuk kategori 2 (dua) yaitu Sangat Berhasil" vs the number the report's scale table prints
 * for that label in its No column. Judged only when the report prints a numbered scale (distinct
 * numbers) with that label on it; either the digits or the words disagreeing is a finding.
 */
function categoryClaims(report: Report, ctx: CheckContext): FindingDraft[] {
  const bands = report.scale.source === 'report' ? report.scale.bands : [];
  const numbers = bands.map((b) => b.no);
  if (bands.length < 2 || numbers.some((n) => n === undefined) || new Set(numbers).size !== numbers.length) return [];
  const out: FindingDraft[] = [];
  for (const cl of report.claims) {
    if (cl.kind !== 'kategori') continue;
    const matching = bands.filter((b) => normLabel(b.label) === normLabel(cl.label));
    if (matching.length !== 1) continue;
    const band = matching[0]!;
    const stated = [cl.digits, cl.wordsValue].filter((n): n is number => n !== null);
    if (stated.length === 0 || stated.every((n) => n === band.no)) continue;
    const statedText = cl.words === null ? String(cl.digits) : cl.digits === null ? cl.words : `${cl.digits} (${cl.words})`;
    const scale: Bilingual = { id: `skala laporan "${report.scale.name}"`, en: `the report's scale "${report.scale.name}"` };
    const formula = `${report.scale.name}: ${bands.map((b) => `No ${b.no} = ${b.label}`).join(', ')}`;
    out.push({
      messageId: 'categoryNumber',
      severity: 'warning',
      subject: `claim:${cl.text.slice(0, 120)}`,
      data: { printed: cl.phrase, scale, label: band.label, expected: band.no!, stated: statedText },
      printed: { text: cl.phrase, value: stated.find((n) => n !== band.no) ?? null },
      expected: {
        value: `kategori ${band.no} ${band.label}`,
        interval: null,
        formula,
        operands: report.scale.cite ? [{ name: `No "${band.label}"`, text: String(band.no), value: band.no!, cite: ctx.cite(report.scale.cite) }] : [],
      },
      citations: [ctx.cite(cl.cite)],
    });
  }
  return out;
}

function inBand(b: ScaleBand, x: number): boolean {
  const aboveMin = b.min === null || (b.minExclusive ? x > b.min : x >= b.min);
  const belowMax = b.max === null || (b.maxExclusive ? x < b.max : x <= b.max);
  return aboveMin && belowMax;
}

function bandText(b: ScaleBand): string {
  const lo = b.min === null ? '' : `${fmtPlain(b.min)} ${b.minExclusive ? '<' : '≤'} `;
  const hi = b.max === null ? '' : ` ${b.maxExclusive ? '<' : '≤'} ${fmtPlain(b.max)}`;
  if (b.min === null && b.max === null) return b.label;
  return `${b.label}: ${lo}x${hi}`;
}
