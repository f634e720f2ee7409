import { describe, expect, it } from 'vitest';
import {
  COMPARISON_SENTENCES,
  COMPARISON_WORDS,
  COUNT_FORMATS,
  COUNT_SENTENCES,
  EFFICIENCY_SENTENCES,
  FORMULA_SENTENCES,
  FORMULA_TEXTS,
  INDICATOR_COUNT_SENTENCES,
  PAGU_SENTENCES,
  pickPhrase,
  POLARITY_SENTENCES,
  PREDIKAT_SENTENCES,
  REALISASI_SENTENCES,
  REVISION_COUNT_FORMATS,
  REVISION_SENTENCES,
  TREND_SENTENCES,
  TREND_WORDS,
} from '../../scripts/corpus/phrases.js';
import { inlineText, printed, type Inline, type Printed } from '../../scripts/synthetic/lib/doc.js';
import { terbilang } from '../../scripts/synthetic/lib/numbers.js';
import { rng } from '../../scripts/synthetic/lib/rng.js';

const YEAR = 2023;
const FROM_YEAR = 2022;
const INSTANSI = 'Dinas Kesehatan Kabupaten Sungai Harapan';
const SUBJECT = 'Persentase Balita Stunting';
const REFERENCE = 'rata-rata Provinsi Jawa Tengah';
const SASARAN = '3 (tiga) sasaran strategis';
const REVISIONS = ['Perjanjian Kinerja Perubahan I tanggal 12 Juli 2023', 'Perjanjian Kinerja Perubahan II tanggal 3 Oktober 2023'];
const NAMES = ['Angka Kematian Bayi', 'Prevalensi Stunting'];

/** Standalone Indonesian number words: a string part must not print a number a check could read as a slot. */
const NUMBER_WORD = /(^|[^\p{L}])(nol|satu|dua|tiga|empat|lima|enam|tujuh|delapan|sembilan|sepuluh|sebelas|belas|puluh|ratus|seratus|ribu|seribu|juta|miliar|milyar|triliun|trilyun|sekali)(?=$|[^\p{L}])/iu;

const slot = (name: string, text: string, value: number | null = 1): Printed => printed(text, value, 0, { table: null, row: name, column: null });

/** The plain strings of `parts` with every allowed passed-in string and year removed. */
function bareStrings(parts: readonly Inline[], allowed: readonly string[]): string[] {
  const sorted = [...allowed].sort((a, b) => b.length - a.length);
  return parts
    .filter((x): x is string => typeof x === 'string')
    .map((s) => sorted.reduce((acc, a) => acc.split(a).join(' '), s));
}

/** The shape of a sentence: its strings with every slot replaced by its name. */
function skeleton(parts: readonly Inline[]): string {
  return parts.map((x) => (typeof x === 'string' ? x : `{${x.where.row}}`)).join('');
}

interface Bank {
  name: string;
  size: number;
  /** Renders entry i with fresh slots; returns the parts, the slots and the plain strings it may print. */
  render(i: number): { parts: Inline[]; slots: Printed[]; allowed: string[] };
}

const years = [String(YEAR), String(FROM_YEAR)];

const banks: Bank[] = [
  {
    name: 'COUNT_SENTENCES',
    size: COUNT_SENTENCES.length,
    render(i) {
      const s = { instansi: INSTANSI, year: YEAR, program: slot('program', '5 (lima) program'), kegiatan: slot('kegiatan', '12 kegiatan'), sub: slot('sub', 'tiga puluh sub kegiatan') };
      return { parts: COUNT_SENTENCES[i]!(s), slots: [s.program, s.kegiatan, s.sub], allowed: [INSTANSI, ...years] };
    },
  },
  {
    name: 'INDICATOR_COUNT_SENTENCES',
    size: INDICATOR_COUNT_SENTENCES.length,
    render(i) {
      const s = { instansi: INSTANSI, year: YEAR, sasaran: SASARAN, indikator: slot('indikator', '7 (tujuh) indikator kinerja') };
      return { parts: INDICATOR_COUNT_SENTENCES[i]!(s), slots: [s.indikator], allowed: [INSTANSI, SASARAN, ...years] };
    },
  },
  {
    name: 'PAGU_SENTENCES',
    size: PAGU_SENTENCES.length,
    render(i) {
      const s = { instansi: INSTANSI, year: YEAR, digits: slot('digits', 'Rp. 7.908.091.365,-'), words: slot('words', 'tujuh miliar … rupiah'), operasi: slot('operasi', 'Rp. 6.000.000.000,-'), modal: slot('modal', 'Rp. 1.908.091.365,-') };
      return { parts: PAGU_SENTENCES[i]!(s), slots: [s.digits, s.words, s.operasi, s.modal], allowed: [INSTANSI, ...years] };
    },
  },
  {
    name: 'REALISASI_SENTENCES',
    size: REALISASI_SENTENCES.length,
    render(i) {
      const s = { instansi: INSTANSI, year: YEAR, digits: slot('digits', 'Rp 7.632.000.000'), words: slot('words', 'tujuh miliar … rupiah'), persen: slot('persen', '96,51%') };
      return { parts: REALISASI_SENTENCES[i]!(s), slots: [s.digits, s.words, s.persen], allowed: [INSTANSI, ...years] };
    },
  },
  {
    name: 'TREND_SENTENCES',
    size: TREND_SENTENCES.length,
    render(i) {
      const s = { subject: SUBJECT, word: slot('word', 'meningkat'), from: slot('from', '12,40%'), to: slot('to', '14,10%'), fromYear: FROM_YEAR, year: YEAR };
      return { parts: TREND_SENTENCES[i]!(s), slots: [s.word, s.from, s.to], allowed: [SUBJECT, ...years] };
    },
  },
  {
    name: 'COMPARISON_SENTENCES',
    size: COMPARISON_SENTENCES.length,
    render(i) {
      const s = { subject: SUBJECT, ours: slot('ours', '14,10%'), word: slot('word', 'di bawah'), other: slot('other', '21,60%'), reference: REFERENCE, year: YEAR };
      return { parts: COMPARISON_SENTENCES[i]!(s), slots: [s.ours, s.word, s.other], allowed: [SUBJECT, REFERENCE, ...years] };
    },
  },
  {
    name: 'PREDIKAT_SENTENCES',
    size: PREDIKAT_SENTENCES.length,
    render(i) {
      const s = { subject: SUBJECT, capaian: slot('capaian', '98,33%'), predikat: slot('predikat', 'Sangat Tinggi', null), year: YEAR };
      return { parts: PREDIKAT_SENTENCES[i]!(s), slots: [s.capaian, s.predikat], allowed: [SUBJECT, ...years] };
    },
  },
  {
    name: 'REVISION_SENTENCES',
    size: REVISION_SENTENCES.length,
    render(i) {
      const s = { instansi: INSTANSI, year: YEAR, count: slot('count', '2 (dua) kali'), revisions: REVISIONS };
      return { parts: REVISION_SENTENCES[i]!(s), slots: [s.count], allowed: [INSTANSI, ...REVISIONS, ...years] };
    },
  },
  {
    name: 'EFFICIENCY_SENTENCES',
    size: EFFICIENCY_SENTENCES.length,
    render(i) {
      const label = i % 2 ? 'kurang efisien' : 'efisien';
      const s = { stated: slot('stated', '1,02'), capaian: slot('capaian', '98,50%'), serapan: slot('serapan', '96,51%'), label, year: YEAR };
      return { parts: EFFICIENCY_SENTENCES[i]!(s), slots: [s.stated, s.capaian, s.serapan], allowed: [label, ...years] };
    },
  },
];

describe('phrase banks of Printed slots', () => {
  for (const bank of banks) {
    describe(bank.name, () => {
      const all = Array.from({ length: bank.size }, (_, i) => bank.render(i));

      it('has at least 6 entries with pairwise different shapes', () => {
        expect(bank.size).toBeGreaterThanOrEqual(6);
        const shapes = all.map((x) => skeleton(x.parts));
        expect(new Set(shapes).size).toBe(shapes.length);
        const texts = all.map((x) => inlineText(x.parts));
        expect(new Set(texts).size).toBe(texts.length);
      });

      it('places each slot object exactly once and no other object', () => {
        all.forEach(({ parts, slots }, i) => {
          for (const p of slots) expect(parts.filter((x) => x === p).length, `${bank.name}[${i}] ${p.where.row}`).toBe(1);
          expect(parts.filter((x) => typeof x !== 'string').length, `${bank.name}[${i}]`).toBe(slots.length);
        });
      });

      it('prints no digit and no number word in its strings except the years and passed strings', () => {
        all.forEach(({ parts, allowed }, i) => {
          for (const s of bareStrings(parts, allowed)) {
            expect(s, `${bank.name}[${i}]`).not.toMatch(/\d/);
            expect(s, `${bank.name}[${i}]`).not.toMatch(NUMBER_WORD);
          }
        });
      });

      it('reads as a sentence: capital start, full stop, no doubled spaces or stray punctuation', () => {
        all.forEach(({ parts }, i) => {
          const text = inlineText(parts);
          expect(typeof parts[0], `${bank.name}[${i}] starts with a string`).toBe('string');
          expect(text, `${bank.name}[${i}]`).toMatch(/^[\p{Lu}]/u);
          expect(text, `${bank.name}[${i}]`).toMatch(/[.)]$/);
          // "(Terbilang : …)" keeps its space before the colon, as reports print it.
          expect(text, `${bank.name}[${i}]`).not.toMatch(/ {2}| [,.;)]|\( /);
        });
      });
    });
  }
});

/** A word repeated back to back ("sebanyak sebanyak"), from a format or word that does not fit its sentence. */
const DOUBLED = /(^|\s)(\p{L}+)\s+\2(?=\s|[,.;:]|$)/iu;

describe('formats and words fit every sentence', () => {
  it('COUNT_FORMATS in COUNT_SENTENCES and INDICATOR_COUNT_SENTENCES', () => {
    for (const f of COUNT_FORMATS) {
      const program = slot('program', f(5, 'program'));
      const kegiatan = slot('kegiatan', f(12, 'kegiatan'));
      const sub = slot('sub', f(30, 'sub kegiatan'));
      const indikator = slot('indikator', f(7, 'indikator kinerja'));
      for (const s of COUNT_SENTENCES) expect(inlineText(s({ instansi: INSTANSI, year: YEAR, program, kegiatan, sub }))).not.toMatch(DOUBLED);
      for (const s of INDICATOR_COUNT_SENTENCES) expect(inlineText(s({ instansi: INSTANSI, year: YEAR, sasaran: SASARAN, indikator }))).not.toMatch(DOUBLED);
    }
  });

  it('REVISION_COUNT_FORMATS in REVISION_SENTENCES, with zero, one and two revisions', () => {
    for (const f of REVISION_COUNT_FORMATS) {
      for (const revisions of [[], REVISIONS.slice(0, 1), REVISIONS]) {
        for (const s of REVISION_SENTENCES) {
          const count = slot('count', f(2));
          const parts = s({ instansi: INSTANSI, year: YEAR, count, revisions });
          const text = inlineText(parts);
          expect(text).not.toMatch(DOUBLED);
          expect(text).not.toMatch(/ {2}| [,.;:]|[,:;]\.|\.\./);
          expect(parts.filter((x) => x === count).length).toBe(1);
          for (const r of revisions) expect(text).toContain(r);
        }
      }
    }
  });

  it('TREND_WORDS in TREND_SENTENCES and COMPARISON_WORDS in COMPARISON_SENTENCES', () => {
    for (const w of TREND_WORDS) {
      for (const word of [w.up, w.down]) {
        for (const s of TREND_SENTENCES) expect(inlineText(s({ subject: SUBJECT, word: slot('word', word), from: slot('from', '12,40'), to: slot('to', '14,10'), fromYear: FROM_YEAR, year: YEAR }))).not.toMatch(DOUBLED);
      }
    }
    for (const w of COMPARISON_WORDS) {
      for (const word of [w.above, w.below]) {
        for (const s of COMPARISON_SENTENCES) expect(inlineText(s({ subject: SUBJECT, ours: slot('ours', '14,10'), word: slot('word', word), other: slot('other', '21,60'), reference: REFERENCE, year: YEAR }))).not.toMatch(DOUBLED);
      }
    }
  });
});

describe('count formats', () => {
  const counts = [1, 2, 5, 12, 30, 111];
  for (const [name, bank, render] of [
    ['COUNT_FORMATS', COUNT_FORMATS, (f: (typeof COUNT_FORMATS)[number], n: number) => f(n, 'sub kegiatan')],
    ['REVISION_COUNT_FORMATS', REVISION_COUNT_FORMATS, (f: (typeof REVISION_COUNT_FORMATS)[number], n: number) => f(n)],
  ] as const) {
    it(`${name}: at least 6 distinct formats, each printing n as digits or words`, () => {
      expect(bank.length).toBeGreaterThanOrEqual(6);
      for (const n of counts) {
        const texts = bank.map((f) => (render as (f: unknown, n: number) => string)(f, n));
        expect(new Set(texts).size).toBe(texts.length);
        for (const t of texts) {
          const digits = new RegExp(`(^|\\D)${n}(\\D|$)`).test(t);
          const words = t.toLowerCase().includes(terbilang(n));
          expect(digits || words, t).toBe(true);
          // No other number in it: the digits, if any, are n's.
          expect(t.match(/\d+/g)?.every((d) => d === String(n)) ?? true, t).toBe(true);
        }
      }
    });
  }

  it('COUNT_FORMATS print the entity word', () => {
    for (const f of COUNT_FORMATS) expect(f(12, 'sub kegiatan').toLowerCase()).toContain('sub kegiatan');
  });

  it('REVISION_COUNT_FORMATS print "kali"', () => {
    for (const f of REVISION_COUNT_FORMATS) expect(f(2)).toMatch(/\bkali\b/);
  });
});

describe('word banks', () => {
  for (const [name, bank] of [
    ['TREND_WORDS', TREND_WORDS.map((w) => [w.up, w.down] as const)],
    ['COMPARISON_WORDS', COMPARISON_WORDS.map((w) => [w.above, w.below] as const)],
  ] as const) {
    it(`${name}: at least 6 pairs, distinct words, no digits, no judgement words`, () => {
      expect(bank.length).toBeGreaterThanOrEqual(6);
      const words = bank.flat();
      expect(new Set(words).size).toBe(words.length);
      for (const w of words) {
        expect(w).not.toMatch(/\d/);
        expect(w).not.toMatch(/baik|buruk|berhasil|gagal/i);
      }
      for (const [a, b] of bank) expect(a).not.toBe(b);
    });
  }
});

describe('conventions', () => {
  it('POLARITY_SENTENCES: at least 6 distinct sentences naming every indicator, with no digits', () => {
    expect(POLARITY_SENTENCES.length).toBeGreaterThanOrEqual(6);
    for (const names of [NAMES.slice(0, 1), NAMES, [...NAMES, 'Persentase Temuan Belum Ditindaklanjuti']]) {
      const texts = POLARITY_SENTENCES.map((f) => f({ names }));
      expect(new Set(texts).size).toBe(texts.length);
      for (const t of texts) {
        for (const n of names) expect(t).toContain(n);
        const bare = names.reduce((acc, n) => acc.split(n).join(' '), t);
        expect(bare).not.toMatch(/\d/);
        expect(bare).not.toMatch(NUMBER_WORD);
        expect(t).toMatch(/^“?\p{Lu}.*\.$/u);
      }
    }
  });

  it('FORMULA_TEXTS: at least 3 distinct spellings per formula', () => {
    for (const key of ['ratio', 'two-minus', 'inverse'] as const) {
      const texts = FORMULA_TEXTS[key];
      expect(texts.length).toBeGreaterThanOrEqual(3);
      expect(new Set(texts).size).toBe(texts.length);
      for (const t of texts) {
        expect(t).toMatch(/realisasi/i);
        expect(t).toMatch(/target|rencana/i);
        expect(t).toMatch(/100/);
        if (key === 'two-minus') expect(t).toMatch(/2/);
        else expect(t).not.toMatch(/(^|\D)2(\D|$)/);
      }
    }
    // The operand order tells ratio and inverse apart.
    for (const t of FORMULA_TEXTS.ratio) expect(t.search(/realisasi/i)).toBeLessThan(t.search(/target|rencana/i));
    for (const t of FORMULA_TEXTS.inverse) expect(t.search(/target|rencana/i)).toBeLessThan(t.search(/realisasi/i));
  });

  it('FORMULA_SENTENCES: at least 6 distinct shapes, each printing the formulas and names given', () => {
    expect(FORMULA_SENTENCES.length).toBeGreaterThanOrEqual(6);
    const higher = FORMULA_TEXTS.ratio[0]!;
    const lower = FORMULA_TEXTS['two-minus'][1]!;
    for (const args of [
      { higher, lower: null, lowerNames: [] },
      { higher, lower, lowerNames: [] },
      { higher, lower, lowerNames: NAMES },
    ]) {
      const texts = FORMULA_SENTENCES.map((f) => f(args));
      expect(new Set(texts).size).toBe(texts.length);
      for (const t of texts) {
        expect(t.split(higher).length - 1).toBe(1);
        if (args.lower) expect(t.split(args.lower).length - 1).toBe(1);
        for (const n of args.lowerNames) expect(t).toContain(n);
        const bare = [higher, lower, ...NAMES].reduce((acc, n) => acc.split(n).join(' '), t);
        expect(bare).not.toMatch(/\d/);
        expect(bare).not.toMatch(NUMBER_WORD);
        expect(t).not.toMatch(/ {2}| [,.;:]/);
        expect(t).toMatch(/^\p{Lu}.*\.$/u);
      }
    }
  });
});

describe('pickPhrase', () => {
  it('is deterministic for a seed and reaches every entry', () => {
    const a = rng(42);
    const b = rng(42);
    const seqA = Array.from({ length: 50 }, () => pickPhrase(TREND_WORDS, a));
    const seqB = Array.from({ length: 50 }, () => pickPhrase(TREND_WORDS, b));
    expect(seqA).toEqual(seqB);
    expect(new Set(seqA).size).toBe(TREND_WORDS.length);
  });

  it('uses the random source to index the bank and refuses an empty bank', () => {
    expect(pickPhrase(['a', 'b', 'c'], { int: (lo) => lo })).toBe('a');
    expect(pickPhrase(['a', 'b', 'c'], { int: (_lo, hi) => hi })).toBe('c');
    expect(() => pickPhrase([], rng(1))).toThrow();
  });
});
