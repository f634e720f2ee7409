/**
 * Names of indicators read from a scan. A stamp, a signature or a low-resolution scan turns an
 * indicator's name into fragments ("Junita ed, pfu lintas"), which then link to nothing: its table's
 * figures are checked against no other table and the row is lost to anyone looking for the indicator.
 * But a report prints each indicator several times, and usually some of those copies are on text
 * pages. A scanned row is that indicator when its name is still like the printed one and its figures
 * agree with that indicator's figures (a target, a realisasi or a capaian no other indicator of the
 * report has in that column). The row then takes the printed name and key; the scan's reading is
 * kept beside it (`indikatorRead`). Rows whose evidence is weak keep what the scan read.
 */
import type { Indicator } from '../../model/report.js';
import { dice, nameSimilarity, normalizeName } from './cells.js';

const FIELDS = ['target', 'realisasi', 'capaian'] as const;
type Field = (typeof FIELDS)[number];

/** Weight of one figure the scanned row shares with an indicator (and with no other) against the names' likeness (0..1). */
const AGREEING_FIGURE = 0.5;
/** Least evidence for a match: a figure and a half-alike name, two figures, or a name alike enough on its own. */
const ENOUGH = 1;

interface Reference {
  key: string;
  name: string;
  norm: string;
  values: Record<Field, number[]>;
  polarity: Indicator['polarity'];
  polaritySource: Indicator['polaritySource'];
}

/** The indicators of text pages, one per key, with every figure printed for each in each column. */
function references(indicators: readonly Indicator[], scanned: ReadonlySet<string>): Reference[] {
  const byKey = new Map<string, Reference>();
  for (const ind of indicators) {
    if (scanned.has(ind.table) || ind.id.endsWith('.prev')) continue;
    let ref = byKey.get(ind.key);
    if (!ref) {
      ref = { key: ind.key, name: ind.indikator, norm: normalizeName(ind.indikator), values: { target: [], realisasi: [], capaian: [] }, polarity: ind.polarity, polaritySource: ind.polaritySource };
      byKey.set(ind.key, ref);
    }
    for (const f of FIELDS) {
      const v = ind[f]?.value;
      if (v !== null && v !== undefined && !ref.values[f].some((x) => same(x, v))) ref.values[f].push(v);
    }
  }
  return [...byKey.values()];
}

function same(a: number, b: number): boolean {
  return Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(b));
}

/** How alike a scanned name is to a printed one: word by word, or letter pairs where the words broke. */
export function scannedNameLikeness(read: string, printed: string): number {
  return Math.max(nameSimilarity(read, printed), dice(normalizeName(read).replace(/ /g, ''), normalizeName(printed).replace(/ /g, '')));
}

/**
 * Gives scanned indicator rows the name and key of the text-page indicator they are, where the
 * names' likeness and the figures they share prove it; one indicator per scanned row and one row
 * per indicator in each scanned table. Returns new objects for the rows it renames.
 *
 * @example
 *   // a scanned "Junita ed, pfu lintas" with target 232 and realisasi 184, and a text-page
 *   // "Jumlah kecelakaan lalu lintas" printed with 232 and 184:
 *   nameScannedRows(indicators, new Set(['t9']))[k].indikator; // 'Jumlah kecelakaan lalu lintas'
 */
export function nameScannedRows(indicators: readonly Indicator[], scanned: ReadonlySet<string>): Indicator[] {
  if (!scanned.size) return [...indicators];
  const refs = references(indicators, scanned);
  if (!refs.length) return [...indicators];
  const refKeys = new Set(refs.map((r) => r.key));
  // A figure says which indicator a row is only when no other indicator prints it in that column.
  const owners = (f: Field, v: number): number => refs.filter((r) => r.values[f].some((x) => same(x, v))).length;
  const out = [...indicators];
  const byTable = new Map<string, number[]>();
  indicators.forEach((ind, i) => {
    if (scanned.has(ind.table) && !ind.id.endsWith('.prev')) (byTable.get(ind.table) ?? byTable.set(ind.table, []).get(ind.table)!).push(i);
  });
  for (const rows of byTable.values()) {
    // Rows already linked to a printed indicator keep it, and it is not offered to another row.
    const taken = new Set(rows.map((i) => indicators[i]!.key).filter((k) => refKeys.has(k)));
    const open = rows.filter((i) => !refKeys.has(indicators[i]!.key));
    const pairs: Array<{ i: number; ref: Reference; score: number; agree: number }> = [];
    for (const i of open) {
      const ind = indicators[i]!;
      for (const ref of refs) {
        if (taken.has(ref.key)) continue;
        const agree = FIELDS.filter((f) => {
          const v = ind[f]?.value;
          return v !== null && v !== undefined && ref.values[f].some((x) => same(x, v)) && owners(f, v) === 1;
        }).length;
        const score = scannedNameLikeness(ind.indikator, ref.name) + AGREEING_FIGURE * agree;
        if (score >= ENOUGH || agree > 0) pairs.push({ i, ref, score, agree });
      }
    }
    pairs.sort((a, b) => b.score - a.score);
    const done = new Set<number>();
    const rename = (i: number, ref: Reference): void => {
      done.add(i);
      taken.add(ref.key);
      const ind = indicators[i]!;
      const renamed: Indicator = { ...ind, key: ref.key, indikator: ref.name, indikatorRead: ind.indikator };
      if (ind.polaritySource === 'inferred' || ind.polaritySource === 'default') Object.assign(renamed, { polarity: ref.polarity, polaritySource: ref.polaritySource });
      out[i] = renamed;
    };
    for (const p of pairs) {
      if (p.score < ENOUGH || done.has(p.i) || taken.has(p.ref.key)) continue;
      // Two printed indicators equally like the row: the evidence does not say which.
      const rival = pairs.find((q) => q !== p && q.i === p.i && !taken.has(q.ref.key) && q.score >= p.score - 1e-9);
      if (!rival) rename(p.i, p.ref);
    }
    // The last row of the table and the last indicator of the report left unnamed, sharing a figure,
    // are each other.
    const leftRows = open.filter((i) => !done.has(i));
    const leftRefs = refs.filter((r) => !taken.has(r.key));
    if (leftRows.length === 1 && leftRefs.length === 1) {
      const p = pairs.find((q) => q.i === leftRows[0] && q.ref === leftRefs[0] && q.agree > 0);
      if (p) rename(p.i, p.ref);
    }
  }
  return out;
}
