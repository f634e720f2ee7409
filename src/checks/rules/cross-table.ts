import type { BudgetRow, Citation, Report, Value } from '../../model/index.js';
import { div, overlaps, scale } from '../../numbers/index.js';
import type { Bilingual, Check, CheckContext, FindingDraft, FindingLinks } from '../types.js';
import { childRows, totalRows } from '../sums.js';
import { LOW_OCR_CONFIDENCE, amount, asRounded, asTruncated, citeKey, cmp, measure, normLabel, place, type Num } from '../util.js';

interface Occurrence {
  /** Row id (indicator or budget row). */
  id: string;
  table: string;
  v: Value;
  n: Num;
  /** Counts towards the reference figure but is not reported here (another check covers it). */
  voteOnly?: boolean;
  /** The figure agrees with its own row's target and realisasi (either way round), or its own rows add up to it. */
  verified?: boolean;
  /** The figure's own rows add up to another figure. */
  contradicted?: boolean;
  /** The row's own name, where rows of one group are named differently (totals). */
  name?: string;
  /** Stated in a sentence: compared with the tables, never their reference on a tie. */
  prose?: boolean;
}

const FIELD: Record<string, Bilingual> = {
  target: { id: 'target', en: 'target' },
  realisasi: { id: 'realisasi', en: 'realisasi' },
  capaian: { id: 'capaian', en: 'capaian' },
  pagu: { id: 'pagu', en: 'pagu (budget)' },
  renstraTarget: { id: 'target akhir Renstra', en: 'Renstra end target' },
  serapan: { id: 'penyerapan anggaran', en: 'budget absorption' },
};

/**
 * The same indicator (same `key` and year) or budget line (same `key`) printed with different
 * figures in different tables. Figures that agree at their printed precision (75,1 and 75,14) agree.
 * The figure printed most often is taken as the reference and each other figure is reported where
 * it is printed. When the report has a revised PK, tables of the original agreement are only
 * compared with each other: the revised PK (perubahan) changes targets and pagu on purpose; work-plan ceilings (variant rencana) likewise. Renstra targets are end-of-period targets (and
 * a Renstra table's capaian is measured against them), so only their realisasi is compared; subtotal rows are not compared (their key names a position in
 * one table, not a budget line). Totals of different tables that state the same realisasi to the
 * rupiah are one budget, so their pagu are compared (a total its rows add up to is trusted).
 */
const crossTable: Check = {
  id: 'cross-table',
  meta: {
    title: { id: 'Konsistensi antartabel', en: 'Consistency across tables' },
    docs: 'the same indicator (target/realisasi/capaian, Renstra end target) or budget line (pagu/realisasi) printed differently in different tables, a realisasi stated in a sentence of the report year against the tables, and the pagu of totals stating the same realisasi; PK original (when a revised PK exists), perubahan and rencana not compared with each other',
    defaultSeverity: 'error',
    tags: ['indicator', 'budget', 'consistency'],
  },
  messages: {
    mismatch: {
      id: '{name}: {field} tercetak {printed} di {here}, tetapi {expected} di {where}',
      en: '{name}: {field} printed as {printed} in {here}, but as {expected} in {where}',
    },
    childrenAbsorption: {
      id: '{name}: % realisasi tercetak {printed} di {here}, tetapi penyerapan anggarannya {expected} di {where}, sama dengan yang diberikan jumlah realisasi {n} rinciannya',
      en: '{name}: % realisation printed as {printed} in {here}, but its budget absorption is {expected} in {where}, as the realisasi of its {n} children add up to',
    },
    scanSuffix: {
      id: '{name}: {field} terbaca {printed} dari hasil pindaian di {here}, sedangkan {expected} di {where}; angka pindaian itu adalah {expected} dengan tanda di belakangnya (mis. %) terbaca sebagai angka — periksa halaman pindaian',
      en: '{name}: {field} reads {printed} from the scan in {here}, but {expected} in {where}; the scanned figure is {expected} with a trailing mark (such as %) read as digits — check the scanned page',
    },
    scanLost: {
      id: '{name}: {field} terbaca {printed} dari hasil pindaian di {here}, sedangkan {expected} di {where}; angka pindaian itu adalah {expected} dengan satu atau dua angka di ujungnya tidak terbaca — periksa halaman pindaian',
      en: '{name}: {field} reads {printed} from the scan in {here}, but {expected} in {where}; the scanned figure is {expected} with a digit or two at one end not read — check the scanned page',
    },
    rounding: {
      id: '{name}: {field} tercetak {printed} di {here} dan {expected} di {where}; hanya sama bila salah satunya dipotong',
      en: '{name}: {field} printed as {printed} in {here} and as {expected} in {where}; they agree only if one was truncated',
    },
  },
  run(report, ctx) {
    const out: FindingDraft[] = [];
    // Original PK and work-plan ceilings (rencana) are only compared with their own kind. A report
    // without a revised PK has only the one agreement: it is the current one.
    const revised = report.tables.some((t) => t.variant === 'perubahan');
    const pool = (table: string): string => {
      const variant = ctx.table(table)?.variant;
      return (variant === 'original' && revised) || variant === 'rencana' ? (variant ?? 'current') : 'current';
    };

    const indicatorGroups = new Map<string, { name: string; field: string; occ: Occurrence[] }>();
    for (const ind of report.indicators) {
      const year = ind.tahun ?? report.report.tahun ?? 'current';
      for (const field of ['target', 'realisasi', 'capaian'] as const) {
        // A Renstra table's target is the end-of-period one, and its capaian is measured against it.
        if (field !== 'realisasi' && ind.tableKind === 'renstra') continue;
        // A capaian printed beside its own target and realisasi is checked by the capaian check;
        // reporting it here too would report the same miscalculation twice. It still tells which
        // figure a bare copy elsewhere (a summary table) should have been.
        const target = targetFor(ind);
        const voteOnly = field === 'capaian' && target !== null && ind.realisasi?.value != null;
        const v = ind[field];
        const n = measure(v);
        // A range target ("80 - 90") is no one figure to compare; its row's realisasi and capaian are.
        if (!v || !n || (ind.targetRange && field === 'target')) continue;
        const key = `${ind.key}|${year}|${pool(ind.table)}|${field}`;
        const g = indicatorGroups.get(key) ?? { name: ind.indikator, field, occ: [] };
        g.occ.push({ id: ind.id, table: ind.table, v, n, ...(voteOnly ? { voteOnly, verified: agreesWithOwnRow(n, target, measure(ind.realisasi)) } : {}) });
        indicatorGroups.set(key, g);
      }
    }
    // The Renstra end target is one figure for the whole plan, whichever year a table reports.
    for (const ind of report.indicators) {
      const v = ind.renstraTarget;
      const n = measure(v);
      if (!v || !n) continue;
      const key = `${ind.key}|renstra|${pool(ind.table)}|renstraTarget`;
      const g = indicatorGroups.get(key) ?? { name: ind.indikator, field: 'renstraTarget', occ: [] };
      // The plan's own matrix (targets year by year up to the end one) settles a tie.
      const matrix = 'target' in (ctx.table(ind.table)?.columns ?? {});
      if (!g.occ.some((o) => o.table === ind.table && o.v.text === v.text)) g.occ.push({ id: ind.id, table: ind.table, v, n, ...(matrix ? { verified: true } : {}) });
      indicatorGroups.set(key, g);
    }
    for (const { ind, v, n, claimId } of proseFigures(report)) {
      const g = indicatorGroups.get(`${ind.key}|${ind.tahun ?? report.report.tahun ?? 'current'}|current|realisasi`);
      if (g && !g.occ.some((o) => o.id === claimId)) g.occ.push({ id: claimId, table: 'prose', v, n, prose: true });
    }
    for (const [key, g] of indicatorGroups) {
      out.push(...compare(g.occ, ctx, { subject: `indicator:${key.split('|')[0] ?? ''}`, name: g.name, field: g.field, budget: false }));
    }

    const budgetGroups = new Map<string, { name: string; field: string; occ: Occurrence[] }>();
    const childrenOf = childRows(report.budget);
    // A kegiatan and its sub-kegiatan of the same name, printed as two lines of one table, are two
    // budget lines: such a name is compared level by level.
    const levelsOfKey = new Map<string, Set<string>>();
    for (const row of report.budget) {
      const k = `${row.table}|${row.key}`;
      levelsOfKey.set(k, (levelsOfKey.get(k) ?? new Set()).add(row.level));
    }
    const twoLines = new Set([...levelsOfKey].filter(([, lv]) => lv.size > 1).map(([k]) => k.slice(k.indexOf('|') + 1)));
    for (const row of report.budget) {
      if (row.level === 'subtotal') continue;
      for (const field of ['pagu', 'realisasi'] as const) {
        const v = row[field];
        const n = amount(v);
        if (!v || !n) continue;
        const key = `${row.key}${twoLines.has(row.key) ? `@${row.level}` : ''}|${pool(row.table)}|${field}`;
        const g = budgetGroups.get(key) ?? { name: row.uraian, field, occ: [] };
        // A program or kegiatan figure its own listed children add up to is trusted; one they add
        // up to a different figure is the one in doubt.
        const kids = childrenOf(row);
        const sum = kids.length > 0 && kids.every((k) => k[field]?.value != null) ? kids.reduce((s, k) => s + k[field]!.value!, 0) : null;
        const own = sum === null ? {} : Math.abs(sum - n.value) < 0.5 ? { verified: true } : { contradicted: true };
        g.occ.push({ id: row.id, table: row.table, v, n, ...own });
        budgetGroups.set(key, g);
      }
    }
    for (const [key, g] of budgetGroups) {
      out.push(...compare(g.occ, ctx, { subject: `budget:${key.split('|')[0] ?? ''}`, name: g.name, field: g.field, budget: true }));
    }

    // The absorption an efficiency table gives an indicator is one figure wherever it is printed; one
    // that a budget line's own pagu and realisasi confirm is trusted over one nothing confirms.
    const confirmed = report.budget.flatMap((b) => {
      const [p, r, pct] = [amount(b.pagu), amount(b.realisasi), measure(b.persen)];
      return p && r && pct && p.value > 0 && percentOf(pct, r, p) ? [pct] : [];
    });
    const serapanGroups = new Map<string, { name: string; occ: Occurrence[] }>();
    for (const e of report.efficiency) {
      const n = measure(e.serapan);
      if (!e.serapan || !n) continue;
      const key = normLabel(e.uraian);
      const g = serapanGroups.get(key) ?? { name: e.uraian, occ: [] };
      const verified = confirmed.some((c) => overlaps(asRounded(c), asRounded(n)));
      g.occ.push({ id: e.id, table: e.table, v: e.serapan, n, ...(verified ? { verified } : {}) });
      serapanGroups.set(key, g);
    }
    for (const [key, g] of serapanGroups) {
      out.push(...compare(g.occ, ctx, { subject: `efficiency:${key}`, name: g.name, field: 'serapan', budget: false }));
    }
    out.push(...absorptionOfChildren(report, ctx, childrenOf));

    // Totals of different tables stating the same realisasi to the rupiah speak of one budget, so
    // their pagu must agree as well; a total its own rows add up to is trusted over one without rows.
    const rowsOf = totalRows(report.budget);
    const totals = new Map<string, { name: string; occ: Occurrence[] }>();
    for (const row of report.budget) {
      const [p, r] = [amount(row.pagu), amount(row.realisasi)];
      if (row.level !== 'total' || row.scope || !row.pagu || !p || !r || r.value <= 0) continue;
      const rows = rowsOf(row);
      const verified = rows.length > 0 && rows.every((x) => x.pagu?.value != null) && rows.reduce((sum, x) => sum + (x.pagu?.value ?? 0), 0) === p.value;
      const key = `${r.value}|${pool(row.table)}`;
      const g = totals.get(key) ?? { name: row.uraian, occ: [] };
      g.occ.push({ id: row.id, table: row.table, v: row.pagu, n: p, name: row.uraian, ...(verified ? { verified } : {}) });
      totals.set(key, g);
    }
    for (const [key, g] of totals) {
      out.push(...compare(g.occ, ctx, { subject: `budget:total-realisasi-${key.split('|')[0] ?? ''}`, name: g.name, field: 'pagu', budget: true }));
    }
    return out;
  },
};

export default crossTable;

function compare(occ: readonly Occurrence[], ctx: CheckContext, what: { subject: string; name: string; field: string; budget: boolean }): FindingDraft[] {
  if (new Set(occ.map((o) => o.table)).size < 2 || occ.every((o) => o.voteOnly)) return [];
  // Two printed figures agree when some value rounds to both: their intervals overlap by more than
  // a point (87 and 88 only touch at 87.5, which rounds to 88).
  const agree = (a: Occurrence, b: Occurrence): boolean => {
    const [x, y] = [asRounded(a.n), asRounded(b.n)];
    if (a.n.value === b.n.value) return true;
    return overlaps(x, y) && Math.min(x.hi, y.hi) - Math.max(x.lo, y.lo) > 1e-9 * Math.max(1, Math.abs(x.hi), Math.abs(y.hi));
  };
  // The reference: the figure most other occurrences agree with; ties go to the one printed first.
  // A capaian its own target and realisasi disprove casts no vote: copies of a miscalculated capaian
  // (the capaian table and its lampiran) do not outvote the one figure the arithmetic gives.
  const voters = occ.filter((o) => !(o.voteOnly && o.verified === false));
  const ranked = [...occ].sort((a, b) => {
    const support = voters.filter((o) => agree(o, b)).length - voters.filter((o) => agree(o, a)).length;
    // Ties go to a capaian its own target and realisasi confirm, never to one they do not (that row
    // may be the miscalculated one), then to a printed figure over a scan's reading of one, then to
    // the figure printed first.
    return support || trust(b) - trust(a) || cmp(citeKey(a.v.cite), citeKey(b.v.cite));
  });
  const ref = ranked[0];
  if (!ref) return [];
  const supporters = occ.filter((o) => agree(o, ref));
  // Copies of the reference read surely (printed text, or a scan read with confidence and without
  // noise). When they alone outnumber a differing figure's copies, the finding rests on them: an
  // uncertain scan reading that agrees with them only corroborates.
  const sure = (o: Occurrence): boolean => !o.v.ocr || ((o.v.cite.ocrConf ?? 100) >= LOW_OCR_CONFIDENCE && !o.v.cite.ocrNoise);
  const surely = supporters.filter(sure);
  const out: FindingDraft[] = [];
  for (const o of occ) {
    if (o.voteOnly || agree(o, ref) || o.table === ref.table) continue;
    const truncated = overlaps(asTruncated(o.n), asRounded(ref.n)) || overlaps(asRounded(o.n), asTruncated(ref.n)) || overlaps(asTruncated(o.n), asTruncated(ref.n));
    // A figure read by OCR that is the reference's digits and one or two more: a trailing '%' or
    // footnote mark read as digits ('93.196' for '93.1%'), the scan's reading, not the printer's.
    const digits = (t: string): string => t.replace(/\D/g, '');
    const extra = digits(o.v.text).length - digits(ref.v.text).length;
    const scanSuffix = o.v.ocr && !ref.v.ocr && extra >= 1 && extra <= 2 && digits(o.v.text).startsWith(digits(ref.v.text)) && !/%/.test(o.v.text);
    // Or the reference's digits with one or two lost at either end ('8' for '38'): a digit under a
    // stamp or a rule the scan's reading dropped.
    const [od, rd] = [digits(o.v.text), digits(ref.v.text)];
    const scanLost = o.v.ocr && !ref.v.ocr && od.length >= 1 && rd.length - od.length >= 1 && rd.length - od.length <= 2 && (rd.startsWith(od) || rd.endsWith(od));
    const where = places(supporters.map((s) => tablePlace(s.v.cite, ctx)));
    const links: FindingLinks | undefined =
      what.budget
        ? {
            explains: [
              { row: o.id, quantity: what.field, delta: o.n.value - ref.n.value, tolerance: 0 },
              ...supporters.map((s) => ({ row: s.id, quantity: what.field, delta: s.n.value - o.n.value, tolerance: 0 })),
            ],
          }
        : undefined;
    out.push({
      messageId: scanSuffix ? 'scanSuffix' : scanLost ? 'scanLost' : truncated ? 'rounding' : 'mismatch',
      severity: scanSuffix || scanLost ? 'info' : truncated ? 'rounding' : undefined,
      subject: what.subject,
      data: {
        name: o.name ?? what.name,
        field: FIELD[what.field] ?? what.field,
        printed: o.v.text,
        here: tablePlace(o.v.cite, ctx),
        expected: ref.v.text,
        where,
      },
      printed: { text: o.v.text, value: o.n.value },
      expected: {
        value: ref.n.value,
        interval: [asRounded(ref.n).lo, asRounded(ref.n).hi],
        formula: `${what.field} ${ref.v.text} (${where.id})`,
        operands: (surely.length > occ.filter((x) => agree(x, o)).length ? surely : supporters).map((s) => ctx.operand(`${what.field} (${s.table})`, s.v)),
      },
      citations: [ctx.cite(o.v.cite)],
      links,
    });
  }
  return out;
}

/**
 * A program or kegiatan whose listed children add up to another realisasi than its own, and whose
 * printed % follows its own figure, while an efficiency table prints the absorption its children
 * give (Σ realisasi of the children / its pagu): the % in the budget table is the one the efficiency
 * table contradicts. Two sources outside the row agree on the figure; the row's own realisasi is the
 * sum checks' to report.
 */
function absorptionOfChildren(report: Report, ctx: CheckContext, childrenOf: (row: BudgetRow) => BudgetRow[]): FindingDraft[] {
  const absorptions = report.efficiency.flatMap((e) => {
    const n = measure(e.serapan);
    return e.serapan && n ? [{ v: e.serapan, n }] : [];
  });
  if (absorptions.length === 0) return [];
  const out: FindingDraft[] = [];
  for (const row of report.budget) {
    const [p, r, pct] = [amount(row.pagu), amount(row.realisasi), measure(row.persen)];
    const kids = childrenOf(row);
    if (!row.persen || !p || !r || !pct || p.value <= 0 || kids.length === 0 || !kids.every((k) => k.realisasi?.value != null)) continue;
    const sum = kids.reduce((x, k) => x + k.realisasi!.value!, 0);
    if (Math.abs(sum - r.value) < 0.5) continue;
    const spent: Num = { value: sum, decimals: 0, exact: true };
    // The % follows the row's own realisasi, not its children's.
    if (!percentOf(pct, r, p) || percentOf(pct, spent, p)) continue;
    const same = absorptions.filter((a) => percentOf(a.n, spent, p));
    const ref = same[0];
    if (!ref) continue;
    const where = places(same.map((a) => tablePlace(a.v.cite, ctx)));
    out.push({
      messageId: 'childrenAbsorption',
      subject: `budget:${row.key}|persen`,
      data: { name: row.uraian, printed: row.persen.text, here: tablePlace(row.persen.cite, ctx), expected: ref.v.text, where, n: kids.length },
      printed: { text: row.persen.text, value: pct.value },
      expected: {
        value: ref.n.value,
        interval: [asRounded(ref.n).lo, asRounded(ref.n).hi],
        formula: `Σ realisasi ${kids.length} rincian / pagu × 100 = ${((sum / p.value) * 100).toFixed(2)} (${where.id})`,
        operands: [...same.map((a) => ctx.operand(`penyerapan anggaran (${a.v.cite.table ?? ''})`, a.v)), ctx.operand('pagu', row.pagu!), ...kids.map((k) => ctx.operand(`realisasi ${k.uraian}`, k.realisasi!))],
      },
      citations: [ctx.cite(row.persen.cite)],
    });
  }
  return out;
}

/** How far a copy is trusted on a tie: confirmed by its own row first, a scan's reading or a sentence last. */
function trust(o: Occurrence): number {
  return o.verified ? 1 : o.prose ? -2 : o.voteOnly || o.contradicted ? -1 : o.v.ocr ? -0.5 : 0;
}

/**
 * Figures a sentence states for a named indicator in the report year: the later figure of a trend or
 * comparison sentence that names the report year and no later one ("Indeks Reformasi Birokrasi
 * tercatat sebesar 75,69 pada akhir tahun 2021 …"), printed in the sentence itself (not filled in
 * from a table). One that is the capaian the tables print for it is that capaian, not a realisasi.
 */
function proseFigures(report: Report): Array<{ ind: Report['indicators'][number]; v: Value; n: Num; claimId: string }> {
  const tahun = report.report.tahun;
  if (tahun === null) return [];
  const out: Array<{ ind: Report['indicators'][number]; v: Value; n: Num; claimId: string }> = [];
  for (const claim of report.claims) {
    const stated = claim.kind === 'stated' ? claim.value : claim.kind === 'trend' ? claim.to : null;
    if ((claim.kind !== 'trend' && claim.kind !== 'stated') || !stated || stated.cite.table) continue;
    const years = [...claim.text.matchAll(/\b(?:19|20)\d\d\b/g)].map((m) => Number(m[0]));
    // A trend sentence names the report year; a statement of the realisasi alone names it or no year.
    if ((claim.kind === 'trend' && !years.includes(tahun)) || years.some((y) => y > tahun)) continue;
    const key = normLabel(claim.subject);
    const rows = report.indicators.filter((i) => (i.tahun ?? tahun) === tahun && (i.key === claim.subject || normLabel(i.key) === key || normLabel(i.indikator) === key));
    const ind = rows[0];
    const n = measure(stated);
    if (!ind || !n) continue;
    const same = (v: Value | null): boolean => {
      const m = measure(v);
      return !!m && overlaps(asRounded(m), asRounded(n));
    };
    if (rows.some((i) => same(i.capaian) && !same(i.realisasi))) continue;
    out.push({ ind, v: stated, n, claimId: claim.id });
  }
  return out;
}

/**
 * The target a row's capaian is measured against: its printed target, or for a range target the
 * bound the realisasi lies beyond (inside the range, the realisasi itself: capaian 100).
 */
function targetFor(ind: Report['indicators'][number]): Num | null {
  const r = ind.realisasi?.value;
  if (!ind.targetRange) return measure(ind.target);
  if (r == null) return null;
  const [lo, hi] = ind.targetRange;
  return { value: r < lo ? lo : r > hi ? hi : r, decimals: 0 };
}

/** realisasi/target × 100 or target/realisasi × 100 falls in the printed capaian's interval. */
function agreesWithOwnRow(capaian: Num, target: Num | null, realisasi: Num | null): boolean {
  // A target is exact as printed (domain.md §5): 13 is 13, not anything from 12,5 to 13,5.
  const exactTarget = target ? { ...target, exact: true } : null;
  return !!exactTarget && !!realisasi && (percentOf(capaian, realisasi, exactTarget) || percentOf(capaian, exactTarget, realisasi));
}

/** numerator / denominator × 100 falls in the printed percentage's interval. */
function percentOf(percent: Num, numerator: Num, denominator: Num): boolean {
  const q = div(asRounded(numerator), asRounded(denominator));
  return q !== null && overlaps(scale(q, 100), asRounded(percent));
}

function tablePlace(c: Citation, ctx: CheckContext): Bilingual {
  const t = ctx.table(c.table);
  return place(c, t?.caption ?? null);
}

/** Distinct places, at most three named: `Tabel 3.3 (hal. 33), t6 (hal. 10) dan 4 tempat lain`. */
function places(all: readonly Bilingual[]): Bilingual {
  const unique = [...new Map(all.map((p) => [p.id, p])).values()];
  const named = unique.slice(0, 3);
  const rest = unique.length - named.length;
  return {
    id: named.map((p) => p.id).join(', ') + (rest > 0 ? ` dan ${rest} tempat lain` : ''),
    en: named.map((p) => p.en).join(', ') + (rest > 0 ? ` and ${rest} more` : ''),
  };
}
