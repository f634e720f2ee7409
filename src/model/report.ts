import { z } from 'zod';
import { BBox } from './geometry.js';
import { Warning } from './document.js';

export const SCHEMA_VERSION = '1';

/** Where a value was printed: page, table, row, column, box and the table's caption. */
export const Citation = z.object({
  page: z.number().int().positive(),
  table: z.string().nullable().optional(),
  row: z.number().int().nonnegative().nullable().optional(),
  column: z.number().int().nonnegative().nullable().optional(),
  /** Cell id (`t3.r4c2`) when the value sits in a table cell. */
  cell: z.string().nullable().optional(),
  bbox: BBox.nullable().optional(),
  /** OCR: the box of the words printed in the cell on the page as printed (see Cell.textBox); lit up in place of `bbox`. */
  textBox: BBox.optional(),
  caption: z.string().nullable().optional(),
  /** Column label as printed in the header. */
  columnLabel: z.string().nullable().optional(),
  /** OCR: how sure the reading of the scan is (0..100, the lowest of the cell's words). */
  ocrConf: z.number().min(0).max(100).optional(),
  /** OCR: the figure was picked out of noise the scan left in the cell ("13 te"); its text holds both. */
  ocrNoise: z.boolean().optional(),
  /**
   * OCR: the cell could not be read, and the value is the one the row's other printed figures fix
   * twice over (e.g. "realisasi + sisa, as the printed % (79,93) gives"); the cell's text is what the scan read.
   */
  recovered: z.string().optional(),
});
export type Citation = z.infer<typeof Citation>;

/** A printed number: its raw text, the parsed value and printed decimals, and where it came from. */
export const Value = z.object({
  text: z.string(),
  value: z.number().nullable(),
  decimals: z.number().int().nonnegative(),
  unit: z.enum(['percent', 'rupiah', 'number']).optional(),
  ocr: z.boolean(),
  ambiguous: z.boolean().optional(),
  cite: Citation,
});
export type Value = z.infer<typeof Value>;

export const TextValue = z.object({ text: z.string(), cite: Citation });
export type TextValue = z.infer<typeof TextValue>;

export const TableKind = z.enum(['pk', 'capaian', 'comparison', 'renstra', 'budget-summary', 'budget-detail', 'belanja', 'efficiency', 'scale', 'other']);
export type TableKind = z.infer<typeof TableKind>;

export const TableInfo = z.object({
  id: z.string(),
  kind: TableKind,
  caption: z.string().nullable(),
  pages: z.array(z.number().int()),
  /** Which columns were mapped to which role (by column index). */
  columns: z.record(z.string(), z.number().int()),
  /**
   * Budget tables: `original` (PK before the budget change), `perubahan` (revised), or `rencana`
   * (a work plan's indicative ceilings, not comparable with realisation tables).
   */
  variant: z.enum(['original', 'perubahan', 'rencana']).nullable().optional(),
  confidence: z.number().min(0).max(1),
  /** How the kind was decided: rule name, or `llm`. */
  by: z.string(),
  /** What decided a column's role when more than its header did (the rows' arithmetic), by role. */
  evidence: z.record(z.string(), z.string()).optional(),
});
export type TableInfo = z.infer<typeof TableInfo>;

export const Polarity = z.enum(['higher', 'lower']);

export const Indicator = z.object({
  id: z.string(),
  /** Normalised name, the same for one indicator printed in several tables. */
  key: z.string(),
  table: z.string(),
  tableKind: TableKind,
  tujuan: z.string().nullable(),
  sasaran: z.string().nullable(),
  indikator: z.string(),
  /**
   * A scanned row's name as the OCR read it, when `indikator` is the name a text page prints for the
   * same indicator (matched by the names' likeness and the figures they share).
   */
  indikatorRead: z.string().optional(),
  satuan: z.string().nullable(),
  polarity: Polarity,
  /** `evidenced`: every capaian the report prints for it matches one formula (the report's stated lower-is-better one, or the plain ratio) and not the other. */
  polaritySource: z.enum(['declared', 'evidenced', 'inferred', 'default']),
  /** What decided the polarity when it was not declared in words. */
  polarityEvidence: z.string().optional(),
  tahun: z.number().int().nullable(),
  target: Value.nullable(),
  /** A range target [a, b] ("80-90"). */
  targetRange: z.tuple([z.number(), z.number()]).nullable().optional(),
  realisasi: Value.nullable(),
  capaian: Value.nullable(),
  predikat: TextValue.nullable(),
  prevRealisasi: Value.nullable().optional(),
  renstraTarget: Value.nullable().optional(),
  cite: Citation,
});
export type Indicator = z.infer<typeof Indicator>;

export const BudgetLevel = z.enum(['program', 'kegiatan', 'sub_kegiatan', 'total', 'subtotal', 'other']);
export type BudgetLevel = z.infer<typeof BudgetLevel>;

export const BudgetRow = z.object({
  id: z.string(),
  key: z.string(),
  table: z.string(),
  tableKind: TableKind,
  kode: z.string().nullable(),
  uraian: z.string(),
  level: BudgetLevel,
  parentId: z.string().nullable(),
  pagu: Value.nullable(),
  realisasi: Value.nullable(),
  persen: Value.nullable(),
  sisa: Value.nullable(),
  /**
   * Next year's forecast pagu, "Prakiraan Maju" (a work plan's "Rencana Tahun n+1 / Pagu
   * Indikatif" column), when the table prints one.
   */
  prakiraan: Value.nullable().optional(),
  /** Rows the total/subtotal is meant to add up (ids), when known. */
  sumOf: z.array(z.string()).optional(),
  /**
   * A total printed above the rows it groups, named by what it groups (an urusan or bidang code
   * row, a "Tujuan : …" or "Sasaran : …" row): not summed against the rows around it.
   */
  scope: z.enum(['urusan', 'tujuan', 'sasaran']).optional(),
  /**
   * Figures the row prints on a scan that could not be read (text the OCR made of a figure, a
   * figure no column style spells, an empty cell beside the row's other figures): unknown, not 0.
   */
  unread: z.array(z.enum(['pagu', 'realisasi', 'persen', 'sisa'])).optional(),
  cite: Citation,
});
export type BudgetRow = z.infer<typeof BudgetRow>;

export const BelanjaKind = z.enum(['operasi', 'modal', 'tidak_terduga', 'transfer', 'pegawai', 'barang_jasa', 'total', 'other']);
export const BelanjaRow = z.object({
  id: z.string(),
  uraian: z.string(),
  kind: BelanjaKind,
  amount: Value,
  /**
   * The realisation stated for the same line in the sentence after the budget statement ("Realisasi
   * … sebesar Rp X, terdiri dari Belanja Operasi Rp Y dan Belanja Modal terealisasi Rp Z").
   */
  realisasi: Value.nullable().optional(),
  /** Words near that realisation saying the line was meant to go over its pagu (pergeseran, melebihi pagu), quoted. */
  overrun: TextValue.nullable().optional(),
  source: z.enum(['table', 'text']),
  /** Rows printed together (one list or table) share a group. */
  group: z.string(),
  cite: Citation,
});
export type BelanjaRow = z.infer<typeof BelanjaRow>;

export const EfficiencyRow = z.object({
  id: z.string(),
  table: z.string(),
  uraian: z.string(),
  capaian: Value.nullable(),
  serapan: Value.nullable(),
  efisiensi: Value.nullable(),
  label: TextValue.nullable(),
  cite: Citation,
});
export type EfficiencyRow = z.infer<typeof EfficiencyRow>;

/**
 * A "Rata-rata" / "Rata-rata Capaian Kinerja" row of a performance table: the mean the report prints
 * of one column over the indicator rows it stands for. It prints no target or realisasi of its own.
 */
export const AverageRow = z.object({
  id: z.string(),
  table: z.string(),
  tableKind: TableKind,
  /** The row's printed label (`Rata-rata Capaian Kinerja`). */
  uraian: z.string(),
  /** The column the mean is of: this year's capaian, or the previous year's (`prevCapaian`). */
  quantity: z.enum(['capaian', 'prevCapaian']),
  value: Value,
  /** The column's figures in the rows the mean stands for (the rows above it back to the previous average row or the table's start), each cited. */
  values: z.array(Value),
  /**
   * Ids of the indicator records (of this table, in print order; the previous year's records for
   * `prevCapaian`) read from those rows; a row that could not be read as an indicator still has its
   * figure in `values`.
   */
  of: z.array(z.string()),
  cite: Citation,
});
export type AverageRow = z.infer<typeof AverageRow>;

export const ScaleBand = z.object({
  label: z.string(),
  min: z.number().nullable(),
  max: z.number().nullable(),
  /** `< 85` rather than `≤ 85`. */
  maxExclusive: z.boolean().optional(),
  minExclusive: z.boolean().optional(),
  /** The band's number in the scale table's No column: the category prose refers to ("kategori 1"). */
  no: z.number().int().optional(),
});
export type ScaleBand = z.infer<typeof ScaleBand>;

export const PredicateScale = z.object({
  source: z.enum(['report', 'default']),
  name: z.string(),
  bands: z.array(ScaleBand),
  cite: Citation.nullable(),
});
export type PredicateScale = z.infer<typeof PredicateScale>;

const ClaimBase = { id: z.string(), text: z.string(), cite: Citation };
export const Claim = z.discriminatedUnion('kind', [
  z.object({
    ...ClaimBase,
    kind: z.literal('count'),
    /** What is counted; `perubahan_pk`: how many times the Perjanjian Kinerja was revised ("mengalami 2 kali perubahan"). */
    entity: z.enum(['program', 'kegiatan', 'sub_kegiatan', 'indikator', 'sasaran', 'tujuan', 'perubahan_pk']),
    count: z.number().int(),
    words: z.string().nullable(),
  }),
  z.object({ ...ClaimBase, kind: z.literal('terbilang'), digits: Value, words: z.string(), wordsValue: z.number().nullable() }),
  z.object({
    ...ClaimBase,
    kind: z.literal('trend'),
    direction: z.enum(['up', 'down', 'same']),
    subject: z.string(),
    from: Value.nullable(),
    to: Value.nullable(),
    /** What the figure is compared with: last year's (default), or this year's target ("melebihi target": from = target, to = realisasi). */
    versus: z.enum(['previous', 'target']).optional(),
  }),
  /**
   * "Pada tahun 2019, Angka Kematian Bayi terealisasi sebesar 41.": a sentence naming an indicator
   * and stating its realisasi as its one figure (`subject` the indicator as the tables name it).
   */
  z.object({ ...ClaimBase, kind: z.literal('stated'), subject: z.string(), quantity: z.literal('realisasi'), value: Value }),
  z.object({ ...ClaimBase, kind: z.literal('efisiensi'), stated: Value, numerator: Value.nullable(), denominator: Value.nullable(), operation: z.enum(['divide', 'subtract', 'label']), label: z.string().nullable() }),
  z.object({ ...ClaimBase, kind: z.literal('formula'), polarity: Polarity, formula: z.enum(['ratio', 'inverse', 'two-minus']) }),
  /** Template text left in the report ("(pilih salah satu)", "Isi dengan …"): `phrase` as printed. */
  z.object({ ...ClaimBase, kind: z.literal('template'), phrase: z.string() }),
  /** "tercapai 98,33% atau bernilai kinerja tinggi": a capaian and the predicate the text gives it. */
  z.object({ ...ClaimBase, kind: z.literal('predikat'), capaian: Value, label: z.string() }),
  /**
   * "termasuk kategori 2 (dua) yaitu Sangat Berhasil": a predicate named with its category number
   * (digits, words, or both as printed) and the phrase as printed.
   */
  z.object({ ...ClaimBase, kind: z.literal('kategori'), digits: z.number().int().nullable(), words: z.string().nullable(), wordsValue: z.number().nullable(), label: z.string(), phrase: z.string() }),
  z.object({
    ...ClaimBase,
    kind: z.literal('mention'),
    /** `perubahan_pk`: a dated revision of the Perjanjian Kinerja ("pada tanggal 25 September 2023 disusun Perubahan Perjanjian Kinerja"), value the date. */
    entity: z.enum(['year', 'office', 'perubahan_pk']),
    value: z.string(),
    /** The phrase names the report's own period ("Laporan Kinerja Tahun …", "Tahun Anggaran : …"), not a comparison. */
    own: z.boolean().optional(),
  }),
]);
export type Claim = z.infer<typeof Claim>;

/** The LKjIP domain model of one report: every value with its citation. */
export const Report = z.object({
  schemaVersion: z.literal(SCHEMA_VERSION),
  file: z.string(),
  sha256: z.string(),
  report: z.object({
    instansi: z.string().nullable(),
    pemda: z.string().nullable(),
    tahun: z.number().int().nullable(),
    cite: Citation.nullable(),
  }),
  tables: z.array(TableInfo),
  indicators: z.array(Indicator),
  budget: z.array(BudgetRow),
  belanja: z.array(BelanjaRow),
  efficiency: z.array(EfficiencyRow),
  /** Means printed under performance tables ("Rata-rata" rows); absent in models made before they were read. */
  averages: z.array(AverageRow).optional(),
  scale: PredicateScale,
  claims: z.array(Claim),
  warnings: z.array(Warning),
});
export type Report = z.infer<typeof Report>;

export const Severity = z.enum(['error', 'warning', 'rounding', 'info']);
export type Severity = z.infer<typeof Severity>;

export const Operand = z.object({
  name: z.string(),
  text: z.string(),
  value: z.number().nullable(),
  cite: Citation.nullable(),
});
export type Operand = z.infer<typeof Operand>;

/** One discrepancy: what was printed, what the figures imply, and every place it is printed. */
export const Finding = z.object({
  /** Stable hash of check + what + where. */
  id: z.string(),
  check: z.string(),
  severity: Severity,
  message: z.object({ id: z.string(), en: z.string() }),
  printed: z.object({ text: z.string(), value: z.number().nullable() }).nullable(),
  expected: z
    .object({
      value: z.union([z.number(), z.string()]).nullable(),
      /** Interval of the recomputed value at the operands' printed precision. */
      interval: z.tuple([z.number(), z.number()]).nullable().optional(),
      formula: z.string(),
      operands: z.array(Operand),
    })
    .nullable(),
  citations: z.array(Citation).min(1),
  /** Ids of findings that explain this one (a total off because of one row's typo). */
  causedBy: z.array(z.string()).optional(),
  /** Entity the finding is about (indicator key, budget row id…), for grouping and chat. */
  subject: z.string().optional(),
});
export type Finding = z.infer<typeof Finding>;

/** How one check ran: its findings in the result, its time, and the error that stopped it, if any. */
export const CheckStat = z.object({
  id: z.string(),
  findings: z.number().int(),
  ms: z.number(),
  /** The check failed on this report; the other checks still ran. */
  error: z.object({ code: z.string(), message: z.string() }).optional(),
});
export type CheckStat = z.infer<typeof CheckStat>;

export const AuditResult = z.object({
  schemaVersion: z.literal(SCHEMA_VERSION),
  report: Report,
  findings: z.array(Finding),
  checks: z.array(CheckStat),
});
export type AuditResult = z.infer<typeof AuditResult>;
