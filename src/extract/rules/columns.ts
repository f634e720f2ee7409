import type { Table } from '../../model/table.js';
import type { TableKind } from '../../model/report.js';
import { AMOUNT, BUDGET_CODE } from './cells.js';

/** What a column holds. Performance ("kinerja") and money ("anggaran") sides are kept apart. */
export type Role =
  | 'no'
  | 'kode'
  | 'tujuan'
  | 'sasaran'
  | 'indikator'
  | 'uraian'
  | 'satuan'
  | 'target'
  | 'realisasi'
  | 'capaian'
  | 'predikat'
  | 'prevTarget'
  | 'prevRealisasi'
  | 'prevCapaian'
  | 'renstraTarget'
  | 'pagu'
  | 'realisasiAnggaran'
  | 'persen'
  | 'sisa'
  | 'serapan'
  | 'efisiensi'
  | 'interval'
  | 'label'
  | 'keterangan';

export interface ColumnMap {
  roles: Partial<Record<Role, number>>;
  /** Columns titled with predicate labels ("Sangat Berhasil", "Berhasil"…): the label is the column's title. */
  predikatCols: number[];
  /** Extra efisiensi columns (a merged "TINGKAT EFISIENSI" over a ratio and a label). */
  efisiensiCols: number[];
  /** Year printed in the performance columns' headers, when there is one. */
  year: number | null;
  /**
   * Further indicator columns with their own target (a tujuan indicator and a sasaran indicator
   * side by side): each pair is read like the main one.
   */
  morePairs: Array<{ indikator: number; target?: number; sasaran?: number; renstraTarget?: number }>;
  /**
   * A work plan printing next year's forecast beside the year's pagu: the header column naming
   * the forecast's money ("Prakiraan Maju Rencana Tahun 2024 / Pagu Indikatif (Rp.)").
   */
  forecast?: number;
}

const PREDICATE_LABELS = /^(sangat\s+berhasil|berhasil|cukup\s+berhasil|kurang\s+berhasil|tidak\s+berhasil|sangat\s+tinggi|tinggi|sedang|rendah|sangat\s+rendah)$/i;

function norm(s: string): string {
  return s.toLowerCase().replace(/\s+/g, ' ').trim();
}

/**
 * Maps a table's columns to roles from the header vocabulary (Indonesian synonyms included).
 *
 * @example
 *   mapColumns(table, 2023).roles; // { no: 0, sasaran: 1, indikator: 2, target: 3, realisasi: 4, capaian: 5 }
 */
export function mapColumns(table: Table, tahun: number | null, context = ''): ColumnMap {
  const roles: Partial<Record<Role, number>> = {};
  const predikatCols: number[] = [];
  const efisiensiCols: number[] = [];
  const years = table.columns.map((l) => [...l.matchAll(/\b(19|20)\d\d\b/g)].map((m) => Number(m[0])));
  const perfYears = years.flat();
  const maxYear = perfYears.length ? Math.max(...perfYears) : null;
  const thisYear = tahun ?? maxYear;
  const set = (role: Role, c: number) => {
    if (roles[role] === undefined) roles[role] = c;
  };
  table.columns.forEach((label, c) => {
    const l = norm(label);
    const parts = l.split(' / ');
    const last = parts[parts.length - 1] ?? l;
    const money = /anggaran|keuangan|\(rp|rp\)|alokasi|pagu|dana\b|belanja/.test(l);
    const colYears = years[c] ?? [];
    const prev = colYears.length > 0 && thisYear !== null && colYears.every((y) => y < thisYear);
    if (PREDICATE_LABELS.test(last.trim())) {
      predikatCols.push(c);
      return;
    }
    if (!l) return;
    if (/^(no\.?|nomor|no urut)$/.test(last) || /^no\.?$/.test(parts[0] ?? '')) return set('no', c);
    if (/^kode/.test(l)) return set('kode', c);
    if (/interval|rentang|nilai capaian/.test(l) && !/realisasi kinerja \//.test(l)) return set('interval', c);
    if (/kriteria|atribut/.test(l)) return set('label', c);
    if (/predikat|kategori/.test(l)) return set('predikat', c);
    if (/efisiensi/.test(l)) {
      if (roles.efisiensi === undefined) set('efisiensi', c);
      else efisiensiCols.push(c);
      return;
    }
    if (/penyerapan|serapan/.test(l)) return set('serapan', c);
    if (/sisa/.test(l)) return set('sisa', c);
    if (/satuan/.test(l)) return set('satuan', c);
    if (/keterangan|catatan/.test(l)) return set('keterangan', c);
    if (/nasional/.test(l)) return;
    if (/uraian program|program\s*\/\s*kegiatan|program \(indikator\)/.test(l)) return set('uraian', c);
    if (/akhir (periode )?renstra|target akhir|target renstra/.test(l)) return set('renstraTarget', c);
    if (/indikator/.test(last) || (/indikator/.test(l) && !/target|realisasi|capaian/.test(last))) return set('indikator', c);
    // Under a "Tujuan" or "Sasaran" group only the name column is the group's; its target, formula
    // and baseline columns are read by their own titles.
    const named = parts.length === 1 || /^(uraian|nama|tujuan|sasaran)/.test(last);
    if (named && /^sasaran|sasaran strategis|\/ uraian$|^uraian$/.test(l) && !/program/.test(l)) {
      if (/tujuan\/|tujuan \//.test(l)) return set('uraian', c);
      return set('sasaran', c);
    }
    if (named && /^tujuan$|^tujuan /.test(l) && !/sasaran/.test(l)) return set('tujuan', c);
    if (!named && /^(tujuan|sasaran)\b/.test(parts[0] ?? '') && /formula|rumus|kondisi awal|baseline|strategi|kebijakan/.test(l)) return;
    // "KEGIATAN / SUB KEGIATAN / ANGGARAN (Rp.)": the group names the rows, the last line the figure.
    const moneyLast = /anggaran|alokasi|pagu|\(rp|rp\)/.test(last) && parts.length > 1;
    if (!moneyLast && /program|kegiatan|uraian|jenis belanja|rincian/.test(l) && !/target|realisasi|capaian|%/.test(last)) return set('uraian', c);
    if (money || /alokasi|pagu|anggaran/.test(last)) {
      if (/realisasi/.test(last)) return set('realisasiAnggaran', c);
      if (/capaian|%|persen/.test(last)) return set('persen', c);
      if (/sumber/.test(l)) return;
      return set('pagu', c);
    }
    if (/^%$|persentase realisasi|% realisasi/.test(last)) return set('persen', c);
    if (/target/.test(l)) return set(prev ? 'prevTarget' : 'target', c);
    if (/realisasi/.test(l)) return set(prev ? 'prevRealisasi' : 'realisasi', c);
    if (/capaian|tingkat kemajuan/.test(l)) return set(prev ? 'prevCapaian' : 'capaian', c);
    if (/rata/.test(l)) return;
  });
  // Columns headed by a year alone ("2023 | 2024 | 2025") under a caption, or after a sentence, that
  // says what they are ("Perbandingan realisasi kinerja … disajikan pada tabel berikut"): each year's
  // realisasi, this year's the realisasi.
  const yearOnly = table.columns.map((l, c) => (/^(19|20)\d\d$/.test(norm(l).trim()) ? c : -1)).filter((c) => c >= 0);
  if (roles.realisasi === undefined && roles.prevRealisasi === undefined && yearOnly.length >= 2 && /realisasi/.test(norm(`${table.caption ?? ''} ${context}`))) {
    for (const c of yearOnly) {
      const y = Number(norm(table.columns[c]!).trim());
      set(thisYear !== null && y < thisYear ? 'prevRealisasi' : 'realisasi', c);
    }
  }
  // Several groups with their own Uraian ("KINERJA UTAMA / URAIAN", "PROGRAM / URAIAN", "KEGIATAN /
  // URAIAN"): the budget's rows are named in the group of the pagu column.
  if (roles.pagu !== undefined) {
    const group = (c: number) => norm(table.columns[c] ?? '').split(' / ').slice(0, -1).join(' / ');
    const g = group(roles.pagu);
    const named = g ? table.columns.findIndex((label, c) => c !== roles.pagu && group(c) === g && /uraian|nama/.test(norm(label).split(' / ').pop() ?? '')) : -1;
    if (named >= 0) roles.uraian = named;
  }
  // A table without a usable header (a list continued from a titled one): a column of rupiah
  // amounts is the budget, the text column beside it names the rows.
  if (roles.pagu === undefined && roles.realisasiAnggaran === undefined && roles.indikator === undefined) {
    const body = table.rows.filter((r) => r.cells.some((c) => c.text.trim()));
    const share = (col: number, re: RegExp) => body.filter((r) => re.test(r.cells[col]?.text.trim() ?? '')).length / (body.length || 1);
    // Only columns without a printed label: labels the rules do not know are left to the LLM hints.
    const money = [...Array(table.nCols).keys()].find((c) => !table.columns[c]?.trim() && share(c, /^(rp\.?\s*)?\d{1,3}([.,]\d{3}){2,}([.,]\d{1,2})?(,-)?$/i) >= 0.6);
    if (money !== undefined) {
      roles.pagu = money;
      const names = [...Array(table.nCols).keys()].filter((c) => c !== money && share(c, /\p{L}{4}/u) >= 0.6);
      const nearest = names.sort((a, b) => Math.abs(a - money) - Math.abs(b - money))[0];
      if (nearest !== undefined && roles.uraian === undefined) roles.uraian = nearest;
    }
  }
  // A column without a printed label whose cells are budget codes (a part continued without its
  // header) is the code column: the codes give the rows' levels.
  if (roles.kode === undefined && (roles.pagu !== undefined || roles.realisasiAnggaran !== undefined)) {
    const taken = new Set(Object.values(roles));
    const kode = [...Array(table.nCols).keys()].find((c) => {
      if (taken.has(c) || table.columns[c]?.trim()) return false;
      const texts = table.rows.map((r) => r.cells[c]).filter((x) => x && !x.spannedBy && x.text.trim()).map((x) => x!.text.replace(/\s+/g, ''));
      const codes = texts.filter((t) => BUDGET_CODE.test(t) && t.split('.').length >= 3).length;
      return codes >= 2 && codes >= 0.8 * texts.length;
    });
    if (kode !== undefined) roles.kode = kode;
  }
  // Without performance columns, "realisasi" and "%" next to a budget are the money side.
  if (roles.pagu !== undefined && roles.target === undefined && roles.indikator === undefined) {
    if (roles.realisasi !== undefined && roles.realisasiAnggaran === undefined) roles.realisasiAnggaran = roles.realisasi;
    if (roles.capaian !== undefined && roles.persen === undefined) roles.persen = roles.capaian;
    delete roles.realisasi;
    delete roles.capaian;
  }
  // A money column whose body holds no amounts while the column next to it does: the document's
  // header is offset from its body (common in exported RKA sheets); follow the amounts.
  for (const role of ['pagu', 'realisasiAnggaran', 'sisa'] as const) {
    const c = roles[role];
    if (c === undefined) continue;
    const share = (col: number) => {
      const texts = table.rows.map((r) => r.cells[col]).filter((x) => x && !x.spannedBy && x.text.trim()).map((x) => x!.text.trim());
      const amounts = texts.filter((t) => AMOUNT.test(t)).length;
      return table.rows.length ? amounts / table.rows.length : 0;
    };
    if (share(c) > 0.1) continue;
    const taken = new Set(Object.entries(roles).filter(([k]) => k !== 'keterangan').map(([, v]) => v));
    const next = [c - 1, c + 1].find((n) => n >= 0 && n < table.nCols && !taken.has(n) && share(n) > 0.3);
    if (next !== undefined) {
      roles[role] = next;
      if (roles.keterangan === next) delete roles.keterangan;
    }
  }
  // A name column whose cells are only numbers is the numbering; the name is in the next column.
  for (const role of ['uraian', 'sasaran', 'indikator'] as const) {
    const c = roles[role];
    if (c === undefined) continue;
    const texts = table.rows.map((r) => r.cells[c]).filter((x) => x && !x.spannedBy && x.text.trim()).map((x) => x!.text.trim());
    const numbering = texts.filter((t) => /^([0-9]{1,2}|[IVXivx]{1,4})\.?$/.test(t)).length;
    if (texts.length && numbering / texts.length > 0.6 && c + 1 < table.nCols) {
      if (roles.no === undefined) roles.no = c;
      roles[role] = c + 1;
    }
  }
  // Targets by year up to the end of the plan (a Renstra matrix): the last year's is the end target.
  if (roles.renstraTarget === undefined && roles.indikator !== undefined) {
    const nextInd = table.columns.findIndex((l, c) => c > roles.indikator! && /indikator/.test(norm(l).split(' / ').pop() ?? ''));
    const targets = [...table.columns.keys()].filter((c) => c > roles.indikator! && (nextInd < 0 || c < nextInd) && /\btarget\b/.test(norm(table.columns[c] ?? '')));
    const last = lastYearTarget(targets, years, thisYear);
    if (last !== undefined) roles.renstraTarget = last;
  }
  const morePairs: ColumnMap['morePairs'] = [];
  if (roles.indikator !== undefined) {
    const labels = table.columns.map((l) => norm(l).split(' / ').pop() ?? '');
    const indCols = labels.map((l, c) => (/^indikator/.test(l) ? c : -1)).filter((c) => c > roles.indikator!);
    for (const ic of indCols) {
      const nextInd = indCols.find((c) => c > ic) ?? table.nCols;
      // Its target: the column titled target up to the next indicator, this year's when targets are by year.
      const targets = [...labels.keys()].filter((c) => c > ic && c < nextInd && /\btarget\b/.test(norm(table.columns[c] ?? '')));
      const target = targets.find((c) => thisYear !== null && (years[c] ?? []).includes(thisYear)) ?? targets.find((c) => (years[c] ?? []).length === 0) ?? -1;
      const last = lastYearTarget(targets, years, thisYear);
      const sasaran = [...labels.keys()].filter((c) => c < ic && /^(sasaran|tujuan|uraian)/.test(labels[c]!)).pop();
      morePairs.push({ indikator: ic, ...(target >= 0 ? { target } : {}), ...(sasaran !== undefined ? { sasaran } : {}), ...(last !== undefined ? { renstraTarget: last } : {}) });
    }
  }
  const forecast = roles.pagu === undefined ? undefined : forecastColumn(table.columns.map(norm), years, thisYear, roles.pagu);
  return { roles, predikatCols, efisiensiCols, year: thisYear, morePairs, ...(forecast !== undefined ? { forecast } : {}) };
}

/**
 * The header column of a forecast group: money under "Prakiraan Maju", or under the plan of a
 * year after the report's ("Rencana Tahun 2024 / Kebutuhan Dana / Pagu Indikatif" in a 2023
 * report). It stands right of the year's pagu; a pagu read from the forecast's own column leaves none.
 */
function forecastColumn(labels: string[], years: number[][], thisYear: number | null, pagu: number): number | undefined {
  const c = labels.findIndex((l, i) => i > pagu && /pagu|dana\b|anggaran|\(rp|rp\)/.test(l) && !/sumber dana/.test(l) && (/prakiraan maju/.test(l) || (/rencana|prakiraan/.test(l) && thisYear !== null && (years[i] ?? []).some((y) => y > thisYear))));
  return c >= 0 ? c : undefined;
}

/** The target column of the latest year, when targets run by year past the report year. */
function lastYearTarget(targets: number[], years: number[][], thisYear: number | null): number | undefined {
  const dated = targets.filter((c) => (years[c] ?? []).length === 1);
  if (dated.length < 3 || thisYear === null) return undefined;
  const last = dated.reduce((a, b) => ((years[b]![0] ?? 0) > (years[a]![0] ?? 0) ? b : a));
  return (years[last]![0] ?? 0) > thisYear ? last : undefined;
}

/**
 * Decides what a table is from its caption, header vocabulary and mapped columns.
 *
 * @example
 *   classifyTable(table, map, 'Tabel 3.1 Skala Nilai'); // { kind: 'scale', confidence: 0.9 }
 */
export function classifyTable(table: Table, map: ColumnMap, context: string): { kind: TableKind; confidence: number; variant: 'original' | 'perubahan' | 'rencana' | null } {
  const cap = norm(`${table.caption ?? ''}`);
  const header = norm(table.columns.join(' | '));
  const r = map.roles;
  // A caption that names neither version ("Tabel 2.6 Program kerja …") leaves it to the sentence
  // introducing the table ("Seiring dengan Perubahan Anggaran … disusun Perubahan Perjanjian Kinerja").
  const perubahan = /perubahan/.test(cap) || (!/murni|awal|induk|sebelum/.test(cap) && /perubahan/.test(norm(context)));
  // Work plans (Renja/RKA): indicative ceilings and next-year forecasts, not realisation.
  const plan = /pagu indikatif|prakiraan maju|rencana tahun|rencana kerja|rencana kinerja/.test(cap + ' ' + header);
  const variant = plan ? 'rencana' : perubahan ? 'perubahan' : 'original';
  if (r.interval !== undefined && (r.label !== undefined || r.predikat !== undefined)) return { kind: 'scale', confidence: 0.9, variant: null };
  if (/efisiensi/.test(cap) || r.efisiensi !== undefined) return { kind: 'efficiency', confidence: 0.9, variant: null };
  const hasPerf = r.indikator !== undefined && (r.target !== undefined || r.realisasi !== undefined || r.capaian !== undefined);
  const hasMoney = r.pagu !== undefined || r.realisasiAnggaran !== undefined;
  if (r.renstraTarget !== undefined && r.indikator !== undefined) return { kind: 'renstra', confidence: 0.85, variant: null };
  if (r.indikator !== undefined && r.prevRealisasi !== undefined && !hasPerf) return { kind: 'comparison', confidence: 0.7, variant: null };
  if (hasPerf && (r.prevRealisasi !== undefined || r.prevCapaian !== undefined || r.prevTarget !== undefined)) return { kind: 'comparison', confidence: 0.85, variant: null };
  if (hasPerf && (r.realisasi !== undefined || r.capaian !== undefined)) return { kind: 'capaian', confidence: 0.9, variant: plan ? variant : null };
  if (hasPerf && r.target !== undefined) return { kind: 'pk', confidence: 0.85, variant };
  if (hasMoney && plan) return { kind: 'budget-summary', confidence: 0.7, variant };
  if (hasMoney) {
    if (r.realisasiAnggaran !== undefined || r.sisa !== undefined || r.persen !== undefined) return { kind: 'budget-detail', confidence: 0.85, variant: null };
    if (/perjanjian|program kerja|program/.test(cap + ' ' + header)) return { kind: 'budget-summary', confidence: 0.8, variant };
    return { kind: 'budget-summary', confidence: 0.6, variant };
  }
  return { kind: 'other', confidence: 0.5, variant: null };
}
