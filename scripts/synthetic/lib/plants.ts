/**
 * Discrepancies to plant and traps to set in a built report. A plant changes what one `Printed`
 * shows and returns a description (the verifier then finds every fact it breaks); a trap names an
 * item that looks suspicious but is right, with the reason a checker must not flag it.
 */
import type { BNode, Built, TrapItem } from './build.js';
import { TAHUN } from './build.js';
import type { Printed } from './doc.js';
import { reprint } from './doc.js';
import { fmtNum, roundTo, terbilang } from './numbers.js';
import { bandOf, capaianInterval, rangeTarget } from './verify.js';

export type Plant = (b: Built) => string;
export type Trap = (b: Built) => TrapItem[];

function node(b: Built, path: readonly number[]): BNode {
  let n: BNode | undefined = b.programs[path[0]!];
  for (const i of path.slice(1)) n = n?.children[i];
  if (!n?.cells) throw new Error(`${b.spec.id}: no budget row at ${path.join('.')}`);
  return n;
}

function ind(b: Built, i: number): Built['ind'][number] {
  const x = b.ind[i];
  if (!x) throw new Error(`${b.spec.id}: no indicator ${i}`);
  return x;
}

const val = (p: Printed): number => {
  if (p.value === null) throw new Error(`${p.id} has no value`);
  return p.value;
};

/** Capaian printed in Tabel 3.1 (or the Lampiran) as `value` instead of the computed one. */
export const wrongCapaian =
  (i: number, value: number, where: 'cap' | 'lamp' = 'cap'): Plant =>
  (b) => {
    const x = ind(b, i);
    const p = where === 'cap' ? x.cap.capaian : x.lamp?.capaian;
    if (!p) throw new Error(`${b.spec.id}: indicator ${i} has no ${where} table`);
    const was = p.text;
    reprint(p, value);
    return `capaian of "${x.spec.name}" in ${p.where.table} printed ${p.text} instead of ${was}`;
  };

/** A lower-is-better indicator's capaian computed with the higher-is-better formula. */
export const capaianWrongPolarity =
  (i: number): Plant =>
  (b) => {
    const x = ind(b, i);
    const s = x.spec;
    const t = Array.isArray(s.target) ? rangeTarget(s.target, s.realisasi) : s.target;
    const wrong = roundTo((s.realisasi / t) * 100, s.capDec ?? 2);
    const was = x.cap.capaian.text;
    if (x.eff) throw new Error(`${b.spec.id}: capaianWrongPolarity on an indicator of the efficiency table`);
    reprint(x.cap.capaian, wrong);
    for (const c of [x.lamp?.capaian, x.analysis?.capaian]) if (c) reprint(c, wrong);
    // Whoever used the wrong formula read the predikat off the wrong capaian too.
    const band = bandOf(b.scale, wrong);
    if (!band) throw new Error(`${b.spec.id}: ${wrong} between bands`);
    for (const p of [x.cap.predikat, x.analysis?.predikat]) if (p) reprint(p, null, band);
    return `lower-is-better "${s.name}" computed as realisasi / target (${x.cap.capaian.text}, predikat ${band}) instead of the declared formula (${was}), everywhere it is printed`;
  };

export const wrongPredikat =
  (i: number, label: string): Plant =>
  (b) => {
    const x = ind(b, i);
    const was = x.cap.predikat.text;
    reprint(x.cap.predikat, null, label);
    return `predikat of "${x.spec.name}" printed "${label}" instead of "${was}"`;
  };

export const wrongSerapan =
  (path: readonly number[], delta: number): Plant =>
  (b) => {
    const n = node(b, path);
    const was = n.cells!.persen.text;
    reprint(n.cells!.persen, roundTo(val(n.cells!.persen) + delta, 2));
    return `% serapan of "${n.name}" printed ${n.cells!.persen.text} instead of ${was}`;
  };

export const wrongSisa =
  (path: readonly number[], delta: number): Plant =>
  (b) => {
    const n = node(b, path);
    const was = n.cells!.sisa.text;
    reprint(n.cells!.sisa, val(n.cells!.sisa) + delta);
    return `sisa of "${n.name}" printed ${n.cells!.sisa.text} instead of ${was}`;
  };

/** The JUMLAH row of the budget table off by `delta` in one column. */
export const wrongTotal =
  (column: 'pagu' | 'realisasi', delta: number): Plant =>
  (b) => {
    const p = b.total[column];
    const was = p.text;
    reprint(p, val(p) + delta);
    return `JUMLAH ${column} of ${b.captions.budget} printed ${p.text} instead of ${was}`;
  };

/**
 * A program row's figure mistyped by `delta`; with `derived` its % and sisa were computed from the
 * mistyped figure (as a spreadsheet would), so the row itself stays consistent.
 */
export const programMistyped =
  (pi: number, column: 'pagu' | 'realisasi', delta: number, derived = true): Plant =>
  (b) => {
    const n = node(b, [pi]);
    const c = n.cells!;
    const was = c[column].text;
    reprint(c[column], val(c[column]) + delta);
    if (derived) {
      reprint(c.persen, roundTo((val(c.realisasi) / val(c.pagu)) * 100, 2));
      reprint(c.sisa, val(c.pagu) - val(c.realisasi));
    }
    return `${column} of program "${n.name}" printed ${c[column].text} instead of ${was}${derived ? ' (its % and sisa computed from the typo)' : ''}`;
  };

/** A sub-kegiatan's pagu mistyped (its parent kegiatan keeps the right total). */
export const subPaguMistyped =
  (path: readonly number[], delta: number): Plant =>
  (b) => {
    const n = node(b, path);
    const c = n.cells!;
    const was = c.pagu.text;
    reprint(c.pagu, val(c.pagu) + delta);
    return `pagu of sub kegiatan "${n.name}" printed ${c.pagu.text} instead of ${was}`;
  };

/** The JUMLAH of the PK program table off by `delta`. */
export const wrongPkTotal =
  (delta: number): Plant =>
  (b) => {
    const was = b.pkTotal.text;
    reprint(b.pkTotal, val(b.pkTotal) + delta);
    return `JUMLAH of ${b.captions.pkProgram} printed ${b.pkTotal.text} instead of ${was}`;
  };

export const belanjaModalProse =
  (delta: number): Plant =>
  (b) => {
    const p = b.prose.modal;
    const was = p.text;
    reprint(p, val(p) + delta);
    return `Belanja Modal in the Ringkasan Eksekutif printed ${p.text} instead of ${was}, so operasi + modal no longer make the total`;
  };

export const belanjaTableTotal =
  (delta: number): Plant =>
  (b) => {
    const p = b.belanja?.jumlah[0];
    if (!p) throw new Error(`${b.spec.id}: no belanja table`);
    const was = p.text;
    reprint(p, val(p) + delta);
    return `JUMLAH anggaran of ${b.captions.belanja} printed ${p.text} instead of ${was}`;
  };

/** The amount in words disagrees with the digits: two 3-digit groups swapped, or one changed. */
export const wrongTerbilang =
  (which: 'anggaran' | 'realisasi', how: 'swap' | 'million'): Plant =>
  (b) => {
    const words = which === 'anggaran' ? b.prose.anggaranWords : b.prose.realisasiWords;
    const v = val(words);
    let wrong: number;
    if (how === 'swap') {
      const ribu = Math.floor(v / 1000) % 1000;
      const satuan = v % 1000;
      if (ribu === satuan) throw new Error('swap of equal groups');
      wrong = v - ribu * 1000 - satuan + satuan * 1000 + ribu;
    } else {
      const juta = Math.floor(v / 1e6) % 1000;
      wrong = v + (juta >= 900 ? -100 : 100) * 1e6;
    }
    const title = /^[A-Z]/.test(words.text);
    const miliar = /milyar/i.test(words.text) ? 'milyar' : 'miliar';
    reprint(words, wrong, terbilang(wrong, { title, miliar, rupiah: true }));
    return `the ${which} amount in words reads ${fmtNum(wrong, 0, b.spec.style)} while the digits say ${which === 'anggaran' ? b.prose.anggaran.text : b.prose.realisasiTotal.text}`;
  };

/** The same indicator's realisasi printed differently in Tabel 3.3 (or the Lampiran). */
export const crossRealisasi =
  (i: number, value: number, where: 'cmp' | 'lamp' = 'cmp'): Plant =>
  (b) => {
    const x = ind(b, i);
    const p = where === 'cmp' ? x.cmp.cur : x.lamp?.realisasi;
    if (!p) throw new Error(`${b.spec.id}: indicator ${i} has no ${where} table`);
    const was = p.text;
    reprint(p, value);
    return `realisasi of "${x.spec.name}" printed ${p.text} in ${p.where.table} but ${was} in ${x.cap.realisasi.where.table}`;
  };

/** A program's budget in the PK program table differs from the budget table. */
export const crossProgramPagu =
  (pi: number, delta: number): Plant =>
  (b) => {
    const n = node(b, [pi]);
    const was = n.pk!.text;
    reprint(n.pk!, val(n.pk!) + delta);
    return `budget of "${n.name}" printed ${n.pk!.text} in ${b.captions.pkProgram} but ${was} in ${b.captions.budget}`;
  };

export const wrongCount =
  (what: 'program' | 'kegiatan' | 'sub', delta: number): Plant =>
  (b) => {
    const p = b.prose.counts[what];
    const was = p.text;
    reprint(p, val(p) + delta);
    return `the text claims "${p.text}" where the budget table lists "${was}"`;
  };

/** The overall efficiency stated in prose (or one row of the efficiency table) is wrong. */
export const wrongEfisiensi =
  (delta: number, row?: number): Plant =>
  (b) => {
    const p = row === undefined ? b.prose.eff.stated : ind(b, row).eff?.efisiensi;
    if (!p) throw new Error(`${b.spec.id}: indicator ${row} has no efficiency row`);
    const was = p.text;
    reprint(p, roundTo(val(p) + delta, 2));
    return `efisiensi ${row === undefined ? 'stated in the text' : `of "${ind(b, row).spec.name}" in ${b.captions.efisiensi}`} printed ${p.text} instead of ${was}`;
  };

export const wrongTrend =
  (i: number): Plant =>
  (b) => {
    const t = ind(b, i).trend;
    if (!t) throw new Error(`${b.spec.id}: indicator ${i} has no trend sentence`);
    const was = t.word.text;
    reprint(t.word, -val(t.word));
    return `trend word "${t.word.text}" where the values (${t.from.text} → ${t.to.text}) call for "${was}"`;
  };

export const wrongYear =
  (year: number): Plant =>
  (b) => {
    reprint(b.prose.periodYear, year);
    return `the Kata Pengantar calls the report's period "${b.prose.periodYear.text}" (copied from an older report)`;
  };

export const wrongOffice =
  (name: string): Plant =>
  (b) => {
    const was = b.prose.office.text;
    reprint(b.prose.office, null, name);
    return `the Tugas Pokok dan Fungsi paragraph names "${name}" where it means "${was}" (copied from another office's report)`;
  };

export const wrongCode =
  (path: readonly number[], code: string): Plant =>
  (b) => {
    const n = node(b, path);
    const was = n.cells!.code.text;
    reprint(n.cells!.code, null, code);
    return `code of "${n.name}" printed ${code} instead of ${was}`;
  };

// ---- traps ----------------------------------------------------------------------------------------

const n2 = (b: Built, v: number, d = 2): string => fmtNum(v, d, b.spec.style);

/** A capaian that matches its formula only once rounding (or the declared variant) is taken into account. */
export const trapCapaian =
  (i: number, why: string): Trap =>
  (b) => {
    const x = ind(b, i);
    const s = x.spec;
    const t = Array.isArray(s.target) ? rangeTarget(s.target, s.realisasi) : s.target;
    const exact = capaianInterval(x.formula, [s.realisasi, s.realisasi], [t, t])[0];
    const f = x.formula === 'ratio' ? `${x.cap.realisasi.text} / ${n2(b, t, 0)} × 100` : x.formula === 'two-minus' ? `(2 − ${x.cap.realisasi.text} / ${n2(b, t, 0)}) × 100` : `${n2(b, t, 0)} / ${x.cap.realisasi.text} × 100`;
    return [{ check: 'capaian', at: x.cap.capaian, expected: n2(b, exact, 4), formula: `${f} = ${n2(b, exact, 4)}`, why_not: why }];
  };

export const trapPageBreak =
  (): Trap =>
  (b) => [
    {
      check: 'sum-rows',
      at: b.total.pagu,
      expected: b.total.pagu.text,
      formula: `Σ program rows of ${b.captions.budget}`,
      why_not: 'The JUMLAH row equals the sum of its program rows, which are printed on an earlier page than the total: a reader that stops at the page break sees a partial sum.',
    },
  ];

export const trapOverPagu =
  (path: readonly number[]): Trap =>
  (b) => {
    const n = node(b, path);
    const c = n.cells!;
    return [
      {
        check: 'serapan',
        at: c.persen,
        expected: c.persen.text,
        formula: `${c.realisasi.text} / ${c.pagu.text} × 100`,
        why_not: 'Realisasi is above pagu and the % serapan above 100 is computed correctly; spending over the budget is not an arithmetic discrepancy.',
      },
      {
        check: 'sisa',
        at: c.sisa,
        expected: c.sisa.text,
        formula: `${c.pagu.text} − ${c.realisasi.text}`,
        why_not: 'The negative sisa, printed in parentheses, equals pagu − realisasi.',
      },
    ];
  };

/** US-style separators: correct values that a reader assuming Indonesian style would misparse. */
export const trapUsNumbers =
  (path: readonly number[]): Trap =>
  (b) => {
    const c = node(b, path).cells!;
    return [
      {
        check: 'number-format',
        at: c.pagu,
        expected: c.pagu.text,
        formula: 'US style: `,` groups thousands',
        why_not: 'The whole report prints numbers in US style (1,234,500 and 98.40) consistently; this is not ambiguous within the report.',
      },
      {
        check: 'serapan',
        at: c.persen,
        expected: c.persen.text,
        formula: `${c.realisasi.text} / ${c.pagu.text} × 100`,
        why_not: 'Read in US style the % serapan is correct; read in Indonesian style it would be 100× too large (a parse error, not a finding).',
      },
    ];
  };

export const trapTrendLower =
  (i: number): Trap =>
  (b) => {
    const t = ind(b, i).trend;
    if (!t) throw new Error(`${b.spec.id}: indicator ${i} has no trend sentence`);
    return [
      {
        check: 'trend-words',
        at: t.word,
        expected: t.word.text,
        formula: `${t.to.text} − ${t.from.text}`,
        why_not: `"${t.word.text}" describes the value, which did go down; for this lower-is-better indicator that is an improvement, but the word is right.`,
      },
    ];
  };

export const trapPreviousYear =
  (i: number): Trap =>
  (b) => {
    const t = ind(b, i).trend;
    if (!t) throw new Error(`${b.spec.id}: indicator ${i} has no trend sentence`);
    return [{ check: 'period-entity', at: t.year, expected: t.year.text, formula: 'comparison with the previous year', why_not: `The sentence compares ${TAHUN} with the previous year; "tahun 2022" is not the report's own period.` }];
  };

export const trapCoordination =
  (): Trap =>
  (b) => {
    const p = b.prose.coordination;
    if (!p) throw new Error(`${b.spec.id}: no coordination sentence`);
    return [{ check: 'period-entity', at: p, expected: p.text, formula: 'another office named as a partner', why_not: `${p.text} is named as an office ${b.instansi} coordinates with, not as the reporting office.` }];
  };

export const trapShortCode =
  (path: readonly number[]): Trap =>
  (b) => {
    const c = node(b, path).cells!;
    return [{ check: 'code-format', at: c.code, expected: c.code.text, formula: 'sub kegiatan code with a 2-digit last segment', why_not: 'Sub kegiatan codes printed with 2 digits (…2.01.02 for …2.01.0002) are a common, valid short form.' }];
  };
