import { clipText } from './citations.js';
import { select, type Attr, type EntityKind, type Fact, type FactEntity, type FactIndex, type Period } from './facts.js';
import { readings } from './figures.js';
import { ORIGINAL, REVISED } from './lexicon.js';
import { DOWN, JUDGED, UP } from './premise.js';
import { matchFacts } from './resolve.js';
import { analyze, type Retriever } from './retrieval.js';
import type { Lang } from './types.js';
import { expandShorthand, understand, type Understood } from './understand.js';

/**
 * Figures of one line compared across two slices of the report — two years, the budget before and
 * after the revision, this year and the end of the Renstra: how many lines went up or down (or got
 * better or worse, by each indicator's polarity), and whether one line's figure in one slice is
 * higher than in another. Each answer gives both printed figures with their cells.
 */

export interface ChangeCtx {
  fx: FactIndex;
  retriever: Retriever;
  lang: Lang;
}

interface Slice {
  period: Period | null;
  year: number | null;
  variant: 'original' | 'perubahan' | null;
}

const ENTITY_WORDS: Record<string, { id: string; en: string }> = {
  indicator: { id: 'indikator', en: 'indicators' },
  program: { id: 'program', en: 'programmes' },
  kegiatan: { id: 'kegiatan', en: 'activities (kegiatan)' },
  sub_kegiatan: { id: 'sub kegiatan', en: 'sub-activities (sub kegiatan)' },
};

const ATTR_WORDS: Partial<Record<Attr, { id: string; en: string }>> = {
  target: { id: 'target', en: 'target' },
  realisasi: { id: 'realisasi', en: 'realisation' },
  capaian: { id: 'capaian', en: 'capaian' },
  pagu: { id: 'pagu', en: 'budget (pagu)' },
  serapan: { id: 'serapan', en: 'absorption (serapan)' },
  sisa: { id: 'sisa anggaran', en: 'remaining budget' },
};

function t(lang: Lang, id: string, en: string): string {
  return lang === 'id' ? id : en;
}

function num(f: Fact): number | null {
  return f.value ?? readings(f.text)[0] ?? null;
}

function plain(text: string): string {
  return text.replace(/\[/g, '(').replace(/\]/g, ')').replace(/\s+/g, ' ').trim();
}

/** The words that say which way a figure moved, and whether they judge it (better / worse) rather than measure it (up / down). */
export function direction(question: string, names: ReadonlySet<string> = new Set()): { up: boolean; judged: boolean } | null {
  // A comparison with a target, a budget or a figure ("higher than the target") is no movement;
  // words of the lines' own names ("kenaikan pangkat") say nothing moved.
  const q = expandShorthand(question.toLowerCase())
    .split(/\s+/)
    .filter((w) => !names.has(w.replace(/[^\p{L}]/gu, '')))
    .join(' ').replace(/\b(?:lebih\s+\p{L}+|higher|lower|greater|smaller|more|less|above|below|over|under|di atas|di bawah)\s+(?:dari|daripada|than)?\s*(?:(?:the|its|their)\s+)?(?:target\w*|pagu\w*|anggaran\w*|budget\w*|\d)/gu, ' ');
  const up = UP.test(q);
  const down = DOWN.test(q);
  if (up === down) return null;
  return { up, judged: JUDGED.test(q) };
}

/** One figure from each slice, from one table when one table prints both. */
export function pairOf(older: Fact[], newer: Fact[]): [Fact, Fact] | null {
  const xs = older.filter((f) => num(f) !== null);
  const ys = newer.filter((f) => num(f) !== null);
  for (const x of xs) {
    const y = ys.find((f) => f.table && f.table === x.table && f.id !== x.id);
    if (y) return [x, y];
  }
  const often = (fs: Fact[]) => [...fs].sort((a, b) => fs.filter((f) => num(f) === num(b)).length - fs.filter((f) => num(f) === num(a)).length)[0];
  const x = often(xs);
  const y = often(ys.filter((f) => f.id !== x?.id));
  return x && y ? [x, y] : null;
}

function sliceOf(u: Understood, s: Slice): Understood {
  return { ...u, period: s.period, year: s.year, variant: s.variant, tableLabel: null, page: null };
}

/** The two slices a question about change compares: the revision, two named years, or last year and this one. */
function slicesOf(u: Understood): [Slice, Slice] | null {
  const q = u.question.toLowerCase();
  if (ORIGINAL.test(q) || REVISED.test(q)) return [{ period: 'current', year: null, variant: 'original' }, { period: 'current', year: null, variant: 'perubahan' }];
  const years = [...new Set(u.years)].sort((a, b) => a - b);
  if (years.length >= 2) return [{ period: null, year: years[0]!, variant: null }, { period: null, year: years[years.length - 1]!, variant: null }];
  if (years.length === 1) return [{ period: null, year: years[0]!, variant: null }, { period: 'current', year: null, variant: null }];
  return [{ period: 'previous', year: null, variant: null }, { period: 'current', year: null, variant: null }];
}

/**
 * "How many indicators got worse than in 2024?", "berapa sub kegiatan yang anggarannya dinaikkan
 * waktu perubahan?": the lines of a kind whose figure moved the way the question says between two
 * slices, each with both figures; null when the question names no direction or the report prints
 * no line in both slices.
 */
export function countChanged(u: Understood, c: ChangeCtx): { intent: string; text: string } | null {
  const names = new Set([...c.fx.entities.values()].flatMap((e) => e.names.flatMap((n) => n.toLowerCase().match(/\p{L}+/gu) ?? [])));
  const dir = u.asserted.some((a) => !u.counts.includes(a)) || u.assertedLabel ? null : direction(u.question, names);
  const slices = slicesOf(u);
  if (!dir || !slices) return null;
  const kinds = u.entityKinds.filter((k): k is EntityKind => k in ENTITY_WORDS);
  const revision = slices[0].variant !== null;
  const kind: EntityKind = kinds[0] ?? (revision || u.money ? 'sub_kegiatan' : 'indicator');
  const asked = u.attrs.find((a) => a in ATTR_WORDS);
  const attr: Attr = revision ? (asked && asked !== 'target' && asked !== 'capaian' ? asked : 'pagu') : (asked ?? (kind === 'indicator' ? 'realisasi' : 'pagu'));
  const seen = new Set<string>();
  const rows: Array<{ e: FactEntity; older: Fact; newer: Fact; moved: number }> = [];
  for (const e of c.fx.entities.values()) {
    if (e.kind !== kind) continue;
    const key = e.name.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, ' ').trim();
    if (seen.has(key)) continue;
    const about = c.fx.about(e);
    const both = pairOf(select(about, attr, sliceOf(u, slices[0])), select(about, attr, sliceOf(u, slices[1])));
    if (!both) continue;
    seen.add(key);
    const diff = num(both[1])! - num(both[0])!;
    // "Worse" of a lower-is-better count is a rise; a capaian is already turned by polarity.
    const flip = dir.judged && (attr === 'realisasi' || attr === 'target') && !!e.lowerIsBetter;
    rows.push({ e, older: both[0], newer: both[1], moved: flip ? -diff : diff });
  }
  if (rows.length < 2) return null;
  const hits = rows.filter((r) => (dir.up ? r.moved > 0 : r.moved < 0));
  const lang = c.lang;
  const what = ENTITY_WORDS[kind]![lang];
  const how = dir.judged ? (dir.up ? t(lang, 'membaik', 'got better') : t(lang, 'memburuk', 'got worse')) : dir.up ? t(lang, 'naik', 'went up') : t(lang, 'turun', 'went down');
  const from = (r: (typeof rows)[number]) => (revision ? t(lang, 'murni', 'original') : String(r.older.year ?? ''));
  const to = (r: (typeof rows)[number]) => (revision ? t(lang, 'perubahan', 'revised') : String(r.newer.year ?? ''));
  const list = hits.slice(0, 8).map((r) => `${plain(clipText(r.e.name, 70))}: ${plain(r.older.text)} (${from(r)}) [${r.older.id}] → ${plain(r.newer.text)} (${to(r)}) [${r.newer.id}]${dir.judged && r.e.lowerIsBetter ? t(lang, ' (lebih rendah lebih baik)', ' (lower is better)') : ''}`);
  const more = hits.length > 8 ? t(lang, `; dan ${hits.length - 8} lainnya`, `; and ${hits.length - 8} more`) : '';
  const attrName = ATTR_WORDS[attr]![lang];
  return {
    intent: 'count-claims',
    text: t(lang, `${hits.length} dari ${rows.length} ${what} ${attrName}nya ${how}: ${list.join('; ') || '—'}${more}.`, `${hits.length} of ${rows.length} ${what}: the ${attrName} ${how}: ${list.join('; ') || '—'}${more}.`),
  };
}

const COMPARATIVE = /^(.*?)\b(?:lebih\s+(tinggi|besar|banyak|rendah|kecil|sedikit)|(higher|greater|larger|bigger|more|lower|smaller|less))\b((?:\s+[\p{L}]+){0,2}?)\s+(?:dari|daripada|dibanding(?:kan)?|than|compared\s+(?:to|with)|vs\.?)\b(.*)$/u;

/**
 * "Is the 2023 target higher than the end-of-Renstra target?": one line's figure in two slices
 * compared, each side of the comparative naming its own slice (a year, the Renstra end, the
 * revision). Null when both sides name the same slice or another line.
 */
export function comparePeriods(u: Understood, c: ChangeCtx): { intent: string; text: string } | null {
  const q = expandShorthand(u.question.toLowerCase());
  const m = COMPARATIVE.exec(q);
  if (!m) return null;
  const higher = /^(tinggi|besar|banyak|higher|greater|larger|bigger|more)$/.test(m[2] ?? m[3] ?? '');
  const [left, right] = [understand(m[1]!, { lang: u.lang, year: c.fx.year }), understand(m[5]!, { lang: u.lang, year: c.fx.year })];
  const sliceFrom = (s: Understood): Slice => ({ period: s.period ?? (s.year !== null ? null : 'current'), year: s.period === 'renstra' || s.period === 'next' ? null : s.year, variant: s.variant });
  const [a, b] = [sliceFrom(left), sliceFrom(right)];
  if (a.period === b.period && a.year === b.year && a.variant === b.variant) return null;
  // The right side names no other line: its words are all the left side's or none.
  const rightOwn = right.terms.filter((x) => !left.terms.includes(x));
  if (rightOwn.length && matchFacts(c.fx, c.retriever, rightOwn).some((x) => x.score >= 0.55)) return null;
  const attr: Attr | undefined = left.attrs.find((x) => x in ATTR_WORDS) ?? right.attrs.find((x) => x in ATTR_WORDS) ?? u.attrs.find((x) => x in ATTR_WORDS);
  if (!attr || !u.terms.length) return null;
  const best = matchFacts(c.fx, c.retriever, u.terms.filter((x) => analyze(m[1]!).includes(x) || analyze(m[5]!).includes(x)))[0];
  if (!best || best.score < 0.55) return null;
  const about = c.fx.about(best.entity);
  const both = pairOf(select(about, attr, sliceOf(u, a)), select(about, attr, sliceOf(u, b)));
  if (!both) return null;
  const [x, y] = both;
  const [vx, vy] = [num(x)!, num(y)!];
  const holds = higher ? vx > vy : vx < vy;
  const lang = c.lang;
  const name = (s: Slice, f: Fact) => (s.period === 'renstra' ? t(lang, 'akhir Renstra', 'end of the Renstra') : s.variant ? (s.variant === 'original' ? t(lang, 'murni', 'original') : t(lang, 'perubahan', 'revised')) : String(f.year ?? ''));
  const rel = vx > vy ? t(lang, 'lebih tinggi dari', 'is higher than') : vx < vy ? t(lang, 'lebih rendah dari', 'is lower than') : t(lang, 'sama dengan', 'equals');
  const attrName = ATTR_WORDS[attr]![lang];
  const line = `${attrName.charAt(0).toUpperCase()}${attrName.slice(1)} ${plain(clipText(best.entity.name, 100))} (${name(a, x)}) ${plain(x.text)} [${x.id}] ${rel} ${attrName} (${name(b, y)}) ${plain(y.text)} [${y.id}].`;
  return holds ? { intent: 'value', text: `${t(lang, 'Ya', 'Yes')}. ${line}` } : { intent: 'correction', text: `${t(lang, 'Tidak', 'No')}. ${line}` };
}
