/**
 * The mistakes people make (../shared/docs/domain.md §8) as plants, and the correct figures a
 * careless checker would flag as traps. A plant changes one printed item (sometimes the copies a
 * person would have changed with it) and says what it did; the verifier then finds every fact it
 * breaks, knock-on effects included. Targets are drawn at random among the items the report prints.
 */
import type { Printed } from '../synthetic/lib/doc.js';
import { reprint } from '../synthetic/lib/doc.js';
import { fmtNum, roundTo, terbilang } from '../synthetic/lib/numbers.js';
import type { Rng } from '../synthetic/lib/rng.js';
import { bandOf, capaianInterval, rangeTarget } from '../synthetic/lib/verify.js';
import type { BNode, Built, IndicatorCells, TrapItem } from './build.js';

export interface Plant {
  name: string;
  /** Applies the plant; returns its description, or null when the report offers no target for it. */
  apply(b: Built, r: Rng, avoid: Set<Printed>): string | null;
}

export interface Trap {
  name: string;
  items(b: Built, r: Rng): TrapItem[];
}

const val = (p: Printed): number => {
  if (p.value === null) throw new Error(`${p.id} has no value`);
  return p.value;
};

function nodes(b: Built): BNode[] {
  return b.programs.flatMap((p) => [p, ...p.children.flatMap((k) => [k, ...k.children])]);
}

/** Whether any item of the row holding `p` is a trap (a plant must not change a trap's operands). */
function touches(p: Printed, avoid: Set<Printed>): boolean {
  return avoid.has(p) || (p.rowmates ?? []).some((m) => avoid.has(m));
}

function free<T>(r: Rng, items: T[], at: (x: T) => Printed | null | undefined, avoid: Set<Printed>): T | null {
  const ok = items.filter((x) => {
    const p = at(x);
    return p && !touches(p, avoid);
  });
  return ok.length ? r.pick(ok) : null;
}

/** Two adjacent, different digits of a number's text swapped (a typo), or null. */
export function transpose(text: string, r: Rng): string | null {
  const pos: number[] = [];
  for (let i = 0; i < text.length - 1; i++) if (/\d/.test(text[i]!) && /\d/.test(text[i + 1]!) && text[i] !== text[i + 1]) pos.push(i);
  if (!pos.length) return null;
  const i = r.pick(pos);
  return text.slice(0, i) + text[i + 1] + text[i] + text.slice(i + 2);
}

/** The value a text written in the report's own style denotes. */
function parse(text: string, style: 'id' | 'us'): number {
  const t = text.replace(/[^\d.,-]/g, '');
  const [g, d] = style === 'id' ? ['.', ','] : [',', '.'];
  return Number(t.split(g).join('').replace(d, '.'));
}

const ind = (b: Built): IndicatorCells[] => b.ind;

export const PLANTS: Plant[] = [
  {
    name: 'capaian-wrong',
    apply(b, r, avoid) {
      const x = free(r, ind(b), (i) => i.cap.capaian, avoid);
      if (!x) return null;
      const p = r.next() < 0.3 && x.lamp && !touches(x.lamp.capaian, avoid) ? x.lamp.capaian : x.cap.capaian;
      const was = p.text;
      const delta = (r.next() < 0.5 ? -1 : 1) * roundTo(r.float(1.5, 12), p.decimals);
      reprint(p, roundTo(val(p) + delta, p.decimals));
      return `capaian of "${x.name}" printed ${p.text} instead of ${was} (${p.where.table ?? 'text'})`;
    },
  },
  {
    name: 'capaian-transposed',
    apply(b, r, avoid) {
      const x = free(r, ind(b), (i) => i.cap.capaian, avoid);
      if (!x) return null;
      const was = x.cap.capaian.text;
      const t = transpose(was, r);
      if (!t) return null;
      const v = parse(t, b.spec.tableNumbers);
      if (Math.abs(v - val(x.cap.capaian)) < 1) return null;
      reprint(x.cap.capaian, v, t);
      return `capaian of "${x.name}" typed ${t} instead of ${was} (two digits swapped)`;
    },
  },
  {
    name: 'capaian-polarity',
    apply(b, r, avoid) {
      const x = free(r, ind(b).filter((i) => i.spec.t.lower && !i.eff), (i) => i.cap.capaian, avoid);
      if (!x) return null;
      const s = x.spec;
      const t = Array.isArray(s.target) ? rangeTarget(s.target, s.realisasi) : s.target;
      const wrong = roundTo((s.realisasi / t) * 100, s.capDec);
      const band = bandOf(b.scale, wrong);
      if (!band || Math.abs(wrong - x.capaianValue) < 1) return null;
      const was = x.cap.capaian.text;
      for (const c of [x.cap.capaian, x.lamp?.capaian, x.analysis?.capaian]) if (c) reprint(c, wrong);
      for (const p of [x.cap.predikat, x.analysis?.predikat]) if (p) reprint(p, null, band);
      return `lower-is-better "${x.name}" computed as realisasi / target (${x.cap.capaian.text}, predikat ${band}) instead of the declared formula (${was}), everywhere it is printed`;
    },
  },
  {
    name: 'predikat-wrong',
    apply(b, r, avoid) {
      const x = free(r, ind(b).filter((i) => i.cap.predikat), (i) => i.cap.predikat, avoid);
      if (!x || !x.cap.predikat) return null;
      const others = b.scale.map((s) => s.label).filter((l) => l !== x.predikatText);
      const label = r.pick(others);
      reprint(x.cap.predikat, null, label);
      return `predikat of "${x.name}" printed "${label}" instead of "${x.predikatText}"`;
    },
  },
  {
    name: 'serapan-wrong',
    apply(b, r, avoid) {
      const n = free(r, nodes(b), (x) => x.cells!.persen, avoid);
      if (!n) return null;
      const p = n.cells!.persen;
      const was = p.text;
      reprint(p, roundTo(val(p) + (r.next() < 0.5 ? -1 : 1) * r.float(0.8, 9), 2));
      return `% serapan of "${n.name}" printed ${p.text} instead of ${was}`;
    },
  },
  {
    name: 'serapan-wrong-base',
    apply(b, r, avoid) {
      const n = free(r, nodes(b).filter((x) => x.cells!.awal && Math.abs(x.paguAwal - x.pagu) / x.pagu > 0.02), (x) => x.cells!.persen, avoid);
      if (!n) return null;
      const p = n.cells!.persen;
      const was = p.text;
      reprint(p, roundTo((n.realisasi / n.paguAwal) * 100, 2));
      return `% serapan of "${n.name}" computed on the original budget (${p.text}) instead of the revised one (${was})`;
    },
  },
  {
    name: 'sisa-wrong',
    apply(b, r, avoid) {
      const n = free(r, nodes(b).filter((x) => x.level !== 'program'), (x) => x.cells!.sisa, avoid);
      if (!n) return null;
      const p = n.cells!.sisa;
      const was = p.text;
      reprint(p, val(p) + (r.next() < 0.5 ? -1 : 1) * r.int(1, 90) * 100_000);
      return `sisa of "${n.name}" printed ${p.text} instead of ${was}`;
    },
  },
  {
    name: 'sub-pagu-transposed',
    apply(b, r, avoid) {
      const n = free(r, nodes(b).filter((x) => x.level === 'sub_kegiatan' && x.parent!.children.length > 1), (x) => x.cells!.pagu, avoid);
      if (!n) return null;
      const p = n.cells!.pagu;
      const was = p.text;
      const t = transpose(was.replace(/,00$|\.00$|,-$/, ''), r);
      if (!t) return null;
      const suffix = was.slice(was.replace(/,00$|\.00$|,-$/, '').length);
      const v = parse(t, b.spec.budgetNumbers);
      if (!Number.isInteger(v) || v === val(p)) return null;
      reprint(p, v, t + suffix);
      return `pagu of sub kegiatan "${n.name}" typed ${p.text} instead of ${was} (two digits swapped)`;
    },
  },
  {
    name: 'program-realisasi-mistyped',
    apply(b, r, avoid) {
      const n = free(r, b.programs, (x) => x.cells!.realisasi, avoid);
      if (!n) return null;
      const c = n.cells!;
      const was = c.realisasi.text;
      reprint(c.realisasi, val(c.realisasi) + (r.next() < 0.5 ? -1 : 1) * r.int(1, 40) * 1_000_000);
      reprint(c.persen, roundTo((val(c.realisasi) / val(c.pagu)) * 100, 2));
      reprint(c.sisa, val(c.pagu) - val(c.realisasi));
      return `realisasi of program "${n.name}" printed ${c.realisasi.text} instead of ${was} (its % and sisa computed from the typo)`;
    },
  },
  {
    name: 'total-wrong-rows',
    apply(b, r, avoid) {
      if (touches(b.total.pagu, avoid) || b.programs.length < 2) return null;
      const was = b.total.pagu.text;
      const last = b.programs[b.programs.length - 1]!;
      reprint(b.total.pagu, val(b.total.pagu) - last.pagu);
      void r;
      return `JUMLAH pagu of the budget table summed without its last program (${b.total.pagu.text} instead of ${was})`;
    },
  },
  {
    name: 'pk-program-differs',
    apply(b, r, avoid) {
      const n = free(r, b.programs, (x) => x.pk, avoid);
      if (!n?.pk) return null;
      const was = n.pk.text;
      reprint(n.pk, val(n.pk) + (r.next() < 0.5 ? -1 : 1) * r.int(1, 50) * 1_000_000);
      return `budget of "${n.name}" printed ${n.pk.text} in the PK program table but ${was} in the budget table`;
    },
  },
  {
    name: 'terbilang-drop',
    apply(b, r, avoid) {
      const which = r.pick(['anggaran', 'realisasi'] as const);
      const words = which === 'anggaran' ? b.prose.anggaranWords : b.prose.realisasiWords;
      if (avoid.has(words)) return null;
      const v = val(words);
      const juta = Math.floor(v / 1e6) % 1000;
      const ribu = Math.floor(v / 1e3) % 1000;
      const unit = juta && r.next() < 0.6 ? 1e6 : ribu ? 1e3 : juta ? 1e6 : 0;
      if (!unit) return null;
      const group = Math.floor(v / unit) % 1000;
      const wrong = v - group * unit;
      const title = /^[A-Z]/.test(words.text);
      reprint(words, wrong, terbilang(wrong, { title, miliar: /milyar/i.test(words.text) ? 'milyar' : 'miliar', rupiah: true }));
      return `the ${which} amount in words drops its "${unit === 1e6 ? 'juta' : 'ribu'}" group (${fmtNum(wrong, 0, 'id')})`;
    },
  },
  {
    name: 'count-wrong',
    apply(b, r, avoid) {
      const what = r.pick(['program', 'kegiatan', 'sub', 'indikator'] as const);
      const p = b.prose.counts[what];
      if (avoid.has(p)) return null;
      const was = p.text;
      const v = Math.max(1, val(p) + (r.next() < 0.5 ? -1 : 1) * r.int(1, 3));
      if (v === val(p)) return null;
      reprint(p, v);
      return `the text claims "${p.text}" where the report lists "${was}"`;
    },
  },
  {
    name: 'revision-count-wrong',
    apply(b, r, avoid) {
      const p = b.prose.revisions;
      if (!p || avoid.has(p)) return null;
      const was = p.text;
      reprint(p, val(p) + (val(p) > 1 && r.next() < 0.5 ? -1 : 1));
      return `the text says the PK was revised "${p.text}" but lists ${was.replace(/\s+/g, ' ')}`;
    },
  },
  {
    name: 'trend-word-wrong',
    apply(b, r, avoid) {
      const x = free(r, ind(b).filter((i) => i.trend), (i) => i.trend!.word, avoid);
      if (!x?.trend) return null;
      const was = x.trend.word.text;
      reprint(x.trend.word, -val(x.trend.word));
      return `trend word for "${x.name}" printed "${x.trend.word.text}" instead of "${was}"`;
    },
  },
  {
    name: 'comparison-word-wrong',
    apply(b, r, avoid) {
      const x = free(r, ind(b).filter((i) => i.comparison), (i) => i.comparison!.word, avoid);
      if (!x?.comparison) return null;
      const was = x.comparison.word.text;
      reprint(x.comparison.word, -val(x.comparison.word));
      return `comparison of "${x.name}" with its reference says "${x.comparison.word.text}" instead of "${was}"`;
    },
  },
  {
    name: 'wrong-year',
    apply(b, _r, avoid) {
      const p = b.prose.periodYear;
      if (avoid.has(p)) return null;
      reprint(p, b.spec.tahun - 1);
      return `the Kata Pengantar speaks of the report's own period as ${p.text} (left from last year's report)`;
    },
  },
  {
    name: 'wrong-office',
    apply(b, r, avoid) {
      const p = b.prose.office;
      if (avoid.has(p)) return null;
      const other = b.spec.office.kind === 'kecamatan' ? `Kecamatan ${r.pick(['Sungai Lestari', 'Bukit Jaya', 'Teluk Indah', 'Muara Sejahtera'])}` : r.pick(['Dinas Pekerjaan Umum dan Penataan Ruang', 'Dinas Sosial', 'Badan Kepegawaian Daerah', 'Dinas Perhubungan'].filter((n) => n !== b.instansi));
      reprint(p, null, `${other} ${b.spec.pemda}`);
      return `the tugas pokok paragraph names ${other} as the reporting office (template from another office)`;
    },
  },
  {
    name: 'cross-realisasi-transposed',
    apply(b, r, avoid) {
      const x = free(r, ind(b).filter((i) => i.cmp && i.cmp.cur.text.replace(/\D/g, '').length >= 2), (i) => i.cmp!.cur, avoid);
      if (!x?.cmp) return null;
      const p = r.next() < 0.5 && x.trend && !avoid.has(x.trend.to) ? x.trend.to : x.cmp.cur;
      const was = p.text;
      const t = transpose(was, r);
      if (!t) return null;
      const v = parse(t, p === x.cmp.cur ? b.spec.tableNumbers : b.spec.proseNumbers);
      if (v === val(p)) return null;
      reprint(p, v, t);
      return `realisasi of "${x.name}" printed ${t} in ${p.where.table ?? 'the text'} but ${x.cap.realisasi.text} in the capaian table (two digits swapped)`;
    },
  },
  {
    name: 'efisiensi-wrong',
    apply(b, r, avoid) {
      const rows = ind(b).filter((i) => i.eff);
      const p = rows.length && r.next() < 0.5 ? free(r, rows, (i) => i.eff!.efisiensi, avoid)?.eff?.efisiensi : b.prose.eff.stated;
      if (!p || avoid.has(p)) return null;
      const was = p.text;
      reprint(p, roundTo(val(p) + (r.next() < 0.5 ? -1 : 1) * r.float(0.05, 0.2), 2));
      return `efisiensi printed ${p.text} instead of ${was}`;
    },
  },
  {
    name: 'belanja-total-wrong',
    apply(b, r, avoid) {
      if (!b.belanja) return null;
      const p = b.belanja.jumlah[1]!;
      if (touches(p, avoid)) return null;
      const was = p.text;
      reprint(p, val(p) + (r.next() < 0.5 ? -1 : 1) * r.int(1, 30) * 1_000_000);
      return `JUMLAH realisasi of the belanja table printed ${p.text} instead of ${was}`;
    },
  },
  {
    name: 'code-not-nested',
    apply(b, r, avoid) {
      const n = free(r, nodes(b).filter((x) => x.level === 'sub_kegiatan' && x.cells!.code), (x) => x.cells!.code, avoid);
      if (!n?.cells?.code) return null;
      const parts = n.code.split('.');
      parts[4] = String((Number(parts[4]) % 9) + 1).padStart(2, '0');
      const wrong = parts.join('.');
      if (wrong === n.code) return null;
      reprint(n.cells.code, null, wrong);
      return `sub kegiatan "${n.name}" printed with code ${wrong}, not under its kegiatan ${n.parent!.code}`;
    },
  },
  {
    name: 'summary-not-updated',
    apply(b, _r, avoid) {
      const awal = b.total.awal;
      if (!awal || val(awal) === val(b.total.pagu) || avoid.has(b.prose.anggaran)) return null;
      const v = val(awal);
      reprint(b.prose.anggaran, v);
      const title = /^[A-Z]/.test(b.prose.anggaranWords.text);
      reprint(b.prose.anggaranWords, v, terbilang(v, { title, miliar: /milyar/i.test(b.prose.anggaranWords.text) ? 'milyar' : 'miliar', rupiah: true }));
      return `the executive summary still states the budget before the revision (${b.prose.anggaran.text})`;
    },
  },
];

function n2(b: Built, v: number, d: number): string {
  return fmtNum(v, d, b.spec.tableNumbers);
}

function capaianTrap(b: Built, x: IndicatorCells, why: string): TrapItem {
  const s = x.spec;
  const t = Array.isArray(s.target) ? rangeTarget(s.target, s.realisasi) : s.target;
  const exact = capaianInterval(x.formula, [s.realisasi, s.realisasi], [t, t])[0];
  const rt = x.cap.realisasi.text;
  const tt = n2(b, t, s.targetDec);
  const f = x.formula === 'ratio' ? `${rt} / ${tt} × 100` : x.formula === 'two-minus' ? `(2 − ${rt} / ${tt}) × 100` : `${tt} / ${rt} × 100`;
  return { check: 'capaian', at: x.cap.capaian, expected: n2(b, exact, 4), formula: `${f} = ${n2(b, exact, 4)}`, why_not: why };
}

export const TRAPS: Trap[] = [
  {
    name: 'lower-is-better',
    items: (b) => b.ind.filter((x) => x.spec.t.lower).map((x) => capaianTrap(b, x, `Lower is better; the report declares ${x.formula === 'two-minus' ? '(2 − realisasi/target) × 100' : 'target / realisasi × 100'} for it, which gives the printed capaian.`)),
  },
  {
    name: 'rounded-capaian',
    items: (b) => b.ind.filter((x) => x.spec.capDec < 2 && !x.spec.t.lower).map((x) => capaianTrap(b, x, `Printed with ${x.spec.capDec} decimal(s): the recomputed capaian rounds to the printed one.`)),
  },
  {
    name: 'range-target',
    items: (b) => b.ind.filter((x) => Array.isArray(x.spec.target)).map((x) => capaianTrap(b, x, 'Range target and realisasi outside it: the report compares with the nearer bound.')),
  },
  {
    name: 'count-operands',
    items: (b) => b.ind.filter((x) => x.spec.t.kind === 'count' && !x.spec.t.lower).slice(0, 1).map((x) => capaianTrap(b, x, 'Whole-number target and realisasi of a counted unit are exact; the capaian is computed from them.')),
  },
  {
    name: 'over-pagu',
    items: (b) =>
      b.programs
        .flatMap((p) => p.children.flatMap((k) => k.children))
        .filter((n) => n.realisasi > n.pagu)
        .flatMap((n) => [
          { check: 'serapan', at: n.cells!.persen, expected: n.cells!.persen.text, formula: `${n.cells!.realisasi.text} / ${n.cells!.pagu.text} × 100`, why_not: 'Realisasi above pagu; the % above 100 is computed correctly.' },
          { check: 'sisa', at: n.cells!.sisa, expected: n.cells!.sisa.text, formula: `${n.cells!.pagu.text} − ${n.cells!.realisasi.text}`, why_not: `The negative sisa, printed ${b.spec.negatives === 'parens' ? 'in parentheses' : 'with a minus'}, equals pagu − realisasi.` },
        ]),
  },
  {
    name: 'revised-base',
    items: (b) =>
      nodes(b)
        .filter((n) => n.cells!.awal && Math.abs(n.paguAwal - n.pagu) / n.pagu > 0.02 && n.level === 'sub_kegiatan' && n.realisasi <= n.pagu)
        .slice(0, 2)
        .map((n) => ({ check: 'serapan', at: n.cells!.persen, expected: n.cells!.persen.text, formula: `${n.cells!.realisasi.text} / ${n.cells!.pagu.text} × 100`, why_not: 'The % is computed on the revised budget (pagu perubahan), as it must be; against the original budget it would differ.' })),
  },
  {
    name: 'us-numbers',
    items: (b) => {
      if (b.spec.budgetNumbers !== 'us') return [];
      const n = b.programs[0]!;
      return [{ check: 'number-format', at: n.cells!.pagu, expected: n.cells!.pagu.text, formula: 'US style: `,` groups thousands', why_not: 'The budget table prints every number in US style consistently.' }];
    },
  },
  {
    name: 'total-after-page-break',
    items: (b) => [{ check: 'sum-rows', at: b.total.pagu, expected: b.total.pagu.text, formula: 'Σ program rows', why_not: 'The total equals the sum of its program rows, some printed on earlier pages.' }],
  },
  {
    name: 'trend-lower',
    items: (b) =>
      b.ind
        .filter((x) => x.spec.t.lower && x.trend && val(x.trend.word) < 0)
        .map((x) => ({ check: 'trend-words', at: x.trend!.word, expected: x.trend!.word.text, formula: `${x.trend!.to.text} − ${x.trend!.from.text}`, why_not: 'The word describes the value, which did go down; for a lower-is-better indicator that is an improvement, but the word is right.' })),
  },
  {
    name: 'previous-year',
    items: (b) =>
      b.ind
        .filter((x) => x.trend)
        .slice(0, 1)
        .map((x) => ({ check: 'period-entity', at: x.trend!.from, expected: x.trend!.from.text, formula: 'comparison with the previous year', why_not: `The sentence compares ${b.spec.tahun} with ${b.spec.tahun - 1}; the earlier year is not the report's own period.` })),
  },
  {
    name: 'coordination',
    items: (b) => (b.prose.coordination ? [{ check: 'period-entity', at: b.prose.coordination, expected: b.prose.coordination.text, formula: 'another office named as a partner', why_not: 'Named as an office the reporting office coordinates with.' }] : []),
  },
  {
    name: 'rata-rata',
    items: (b) => (b.mean ? [{ check: 'sum-rows', at: b.mean, expected: b.mean.text, formula: 'mean of the capaian column', why_not: 'A rata-rata row is the mean of its rows, not their sum.' }] : []),
  },
  {
    name: 'no-value',
    items: (b) =>
      b.ind
        .filter((x) => x.cmp && x.cmp.prev2.value === null && x.cmp.prev2.text)
        .slice(0, 1)
        .map((x) => ({ check: 'number-format', at: x.cmp!.prev2, expected: x.cmp!.prev2.text, formula: 'no value', why_not: `"${x.cmp!.prev2.text}" marks a year with no data for a new indicator.` })),
  },
  {
    name: 'footnote-mark',
    items: (b) => b.ind.filter((x) => x.footnote).map((x) => ({ check: 'number-format', at: x.cap.realisasi, expected: x.cap.realisasi.text, formula: 'figure with a footnote mark', why_not: 'The asterisk refers to the note under the table; the figure itself is well formed.' })),
  },
  {
    name: 'short-code',
    items: (b) => {
      if (b.spec.subDigits !== 2) return [];
      const n = nodes(b).find((x) => x.level === 'sub_kegiatan' && x.cells!.code);
      return n ? [{ check: 'code-format', at: n.cells!.code!, expected: n.cells!.code!.text, formula: 'sub kegiatan code with a 2-digit last segment', why_not: 'The 2-digit short form of a sub kegiatan code is common and valid.' }] : [];
    },
  },
];
