import type { Finding } from '../model/report.js';
import { formatId, formatUs } from '../numbers/index.js';
import { clipText } from './citations.js';
import type { Attr, EntityKind, Fact, FactEntity, FactIndex, Period, TablePlace } from './facts.js';
import { readings, sameFigure } from './figures.js';
import { checkPremise } from './premise.js';
import { matchFacts, type EntityMatch } from './resolve.js';
import type { Retriever } from './retrieval.js';
import type { Lang } from './types.js';
import { asksFindings, type Understood } from './understand.js';

/**
 * Answers from the fact index: a value with every place it is printed (one figure printed in
 * several formats is one figure with several citations), a check of a figure the question states
 * (and a correction when it is not what the report prints), where something is printed, a count the
 * report states, and — when the report does not print what is asked — a plain "the report does not
 * state …", with the nearest thing it does print labelled as such. Returns null when the question is
 * better served by the findings answerer (summaries, lists of findings, explanations).
 */

export interface GroundedAnswer {
  text: string;
  intent: string;
}

interface Ctx {
  fx: FactIndex;
  retriever: Retriever;
  findings: Finding[];
  lang: Lang;
}

const MAX_IDS = 10;
const MAX_GROUPS = 4;
/** An entity match this good names the entity; below it, the question names something the report may not have. */
const SURE = 0.55;
const WEAK = 0.35;

const ATTR_NAME: Record<Attr, { id: string; en: string }> = {
  target: { id: 'Target', en: 'Target' },
  realisasi: { id: 'Realisasi', en: 'Realisation' },
  capaian: { id: 'Capaian', en: 'Achievement (capaian)' },
  predikat: { id: 'Predikat', en: 'Rating (predikat)' },
  pagu: { id: 'Pagu anggaran', en: 'Budget (pagu)' },
  serapan: { id: 'Serapan anggaran', en: 'Budget absorption (serapan)' },
  sisa: { id: 'Sisa anggaran', en: 'Remaining budget (sisa)' },
  efisiensi: { id: 'Efisiensi', en: 'Efficiency' },
  count: { id: 'Jumlah', en: 'Number' },
  prakiraan: { id: 'Prakiraan maju', en: 'Forecast (prakiraan maju)' },
  name: { id: 'Nama instansi', en: 'Office' },
  year: { id: 'Tahun', en: 'Year' },
};

const PERIOD_NAME: Record<Period, { id: string; en: string }> = {
  current: { id: '', en: '' },
  previous: { id: 'tahun sebelumnya', en: 'previous year' },
  earlier: { id: 'tahun-tahun sebelumnya', en: 'earlier year' },
  renstra: { id: 'akhir Renstra', en: 'end of the Renstra' },
  next: { id: 'tahun berikutnya', en: 'next year' },
};

const BUDGET_KINDS: EntityKind[] = ['program', 'kegiatan', 'sub_kegiatan', 'total', 'belanja'];
const MONEY_ATTRS: Attr[] = ['pagu', 'serapan', 'sisa', 'prakiraan'];
const INDICATOR_ATTRS: Attr[] = ['target', 'capaian', 'predikat'];

/**
 * Answers a question from the fact index, or returns null for the findings answerer.
 *
 * @example
 *   answerGrounded(understand('Berapa capaian IKM?'), { fx, retriever, findings, lang: 'id' });
 *   // { text: 'Capaian Indeks Kepuasan Masyarakat …: 105,73% [t5.r3c5] [t6.r6c5]', intent: 'value' }
 */
export function answerGrounded(u: Understood, ctx: Omit<Ctx, 'lang'>): GroundedAnswer | null {
  const c: Ctx = { ...ctx, lang: u.lang };
  if (u.kind === 'summary') return null;
  const aboutFindings = asksFindings(u.question) || (u.kind === 'check' && /\b(dijumlah\w*|menjumlah\w*|add(s|ed)? up|sum(s|med)?)\b/i.test(u.question));
  if (aboutFindings && !u.asserted.length && !u.assertedLabel) return null;
  if (u.tableLabel && (u.kind === 'location' || !u.attrs.length)) return tableAnswer(u, c);
  if (u.kind === 'count') return /\b(benar|sesuai|cocok|correct|right|match(es)?|consistent)\b/i.test(u.question) ? null : countAnswer(u, c);
  return factAnswer(u, c);
}

function t(c: Ctx, id: string, en: string): string {
  return c.lang === 'id' ? id : en;
}

function plain(text: string): string {
  return text.replace(/\[/g, '(').replace(/\]/g, ')').replace(/\s+/g, ' ').trim();
}

function tableAnswer(u: Understood, c: Ctx): GroundedAnswer {
  const found = c.fx.table(u.tableLabel!);
  if (!found.length) {
    return { intent: 'absent', text: t(c, `Laporan tidak memuat Tabel ${u.tableLabel}.`, `The report does not contain a Table ${u.tableLabel}.`) };
  }
  const lines = found.map((tp) => `${tableName(tp)} — ${pagesText(c, tp.pages)} [${tp.cite}]`);
  if (u.attrs.length) return { intent: 'value', text: lines.join('\n') };
  return { intent: 'value', text: lines.join('\n') };
}

function tableName(tp: TablePlace): string {
  return tp.caption ? `"${plain(clipText(tp.caption, 120))}"` : tp.id;
}

function pagesText(c: Ctx, pages: number[]): string {
  if (!pages.length) return '';
  const first = pages[0]!;
  const last = pages[pages.length - 1]!;
  return pages.length > 1 ? t(c, `hal. ${first}–${last}`, `pp. ${first}–${last}`) : t(c, `hal. ${first}`, `p. ${first}`);
}

function countAnswer(u: Understood, c: Ctx): GroundedAnswer | null {
  const kinds = u.entityKinds.filter((k) => k === 'program' || k === 'kegiatan' || k === 'sub_kegiatan' || k === 'indicator');
  const counted = kinds.length ? kinds.map((k) => (k === 'indicator' ? 'indikator' : k)) : countedNamed(u, c);
  if (!counted.length) return null;
  const lines: string[] = [];
  for (const what of counted) {
    const claims = c.fx.facts.filter((f) => f.attr === 'count' && f.entity.key === `counted:${what}`);
    if (claims.length) {
      lines.push(groupLine(c, t(c, `Jumlah ${what.replace('_', ' ')}`, `Number of ${englishCounted(what)}`), claims, false));
      continue;
    }
    const entities = [...c.fx.entities.values()].filter((e) => e.kind === (what === 'indikator' ? 'indicator' : what));
    if (!entities.length) {
      lines.push(t(c, `Laporan tidak menyebut jumlah ${what.replace('_', ' ')}.`, `The report does not state the number of ${englishCounted(what)}.`));
      continue;
    }
    const shown = entities.slice(0, 6).map((e) => `${plain(clipText(e.name, 60))} [${firstFact(c, e)?.id ?? ''}]`.replace(' []', ''));
    lines.push(
      t(
        c,
        `Laporan tidak menyatakan jumlahnya dalam kalimat; tabelnya memuat ${entities.length} ${what.replace('_', ' ')}: ${shown.join('; ')}${entities.length > 6 ? `; dan ${entities.length - 6} lainnya` : ''}.`,
        `The report does not state the number in words; its tables list ${entities.length} ${englishCounted(what)}: ${shown.join('; ')}${entities.length > 6 ? `; and ${entities.length - 6} more` : ''}.`,
      ),
    );
  }
  return { intent: 'count-claims', text: lines.join('\n') };
}

function countedNamed(u: Understood, c: Ctx): string[] {
  const q = u.question.toLowerCase();
  const out: string[] = [];
  for (const e of c.fx.entities.values()) {
    if (e.kind !== 'counted') continue;
    if (e.names.some((n) => q.includes(n.toLowerCase()))) out.push(e.key.slice('counted:'.length));
  }
  return out;
}

function englishCounted(what: string): string {
  return ({ program: 'programs', kegiatan: 'activities (kegiatan)', sub_kegiatan: 'sub-activities (sub kegiatan)', indikator: 'indicators', sasaran: 'objectives (sasaran)', tujuan: 'goals (tujuan)', perubahan_pk: 'revisions of the PK' } as Record<string, string>)[what] ?? what;
}

function firstFact(c: Ctx, e: FactEntity): Fact | undefined {
  return c.fx.facts.find((f) => f.entity === e);
}

/** The attributes an entity kind is asked about when the question names none. */
function defaultAttrs(kind: EntityKind): Attr[] {
  if (kind === 'indicator') return ['target', 'realisasi', 'capaian'];
  if (kind === 'report') return ['name', 'year'];
  if (kind === 'average') return ['capaian'];
  if (kind === 'counted') return ['count'];
  return ['pagu', 'realisasi'];
}

function preferredKinds(u: Understood): EntityKind[] {
  if (/\b(belanja|expenditure|spending)\b/i.test(u.question) && !u.entityKinds.some((k) => k === 'program' || k === 'kegiatan' || k === 'sub_kegiatan')) return ['belanja', 'total'];
  const kinds = u.entityKinds.filter((k) => k !== 'total' || !u.terms.length);
  if (kinds.length) return kinds.includes('indicator') ? kinds : [...kinds, ...(kinds.includes('total') ? ['belanja' as const] : [])];
  if (u.attrs.some((a) => MONEY_ATTRS.includes(a)) || (u.money && u.attrs.includes('realisasi'))) return BUDGET_KINDS;
  if (u.attrs.some((a) => INDICATOR_ATTRS.includes(a))) return ['indicator', 'average'];
  return [];
}

function factAnswer(asked: Understood, c: Ctx): GroundedAnswer | null {
  // Words naming the office itself, or the report's own vocabulary that names no line, name nothing to look up.
  const self = c.fx.entities.get('report');
  const lines0 = [...c.fx.entities.values()].filter((e) => e.kind !== 'report');
  const officeWords = (self?.names[0] ?? '').toLowerCase().split(/[^\p{L}]+/u).filter((w) => w && !/^(dan|dari|di|ke|the|of|and)$/.test(w));
  const office = (x: string) => (!!self?.terms.has(x) || abbreviates(x, officeWords)) && !lines0.some((e) => e.terms.has(x));
  const optional = new Set(asked.terms.filter((x) => office(x) || ((c.fx.vocabulary.get(x) ?? 0) >= 3 && !lines0.some((e) => e.terms.has(x)))));
  const u: Understood = { ...asked, terms: asked.terms.filter((x) => !optional.has(x)) };
  const kinds = preferredKinds(u);
  let matches: EntityMatch[] = [];
  if (u.terms.length) {
    matches = matchFacts(c.fx, c.retriever, u.terms, kinds, optional);
    const any = matchFacts(c.fx, c.retriever, u.terms, [], optional);
    // A name matched much better outside the preferred kinds wins (a program asked for its "capaian").
    if (any[0] && (!matches[0] || any[0].score > matches[0].score + 0.25)) matches = any;
  } else if (kinds.includes('total') || (kinds === BUDGET_KINDS && u.attrs.length)) {
    const belanja = kinds.includes('belanja') && !kinds.includes('program');
    matches = [...c.fx.entities.values()].filter((e) => e.kind === 'total' && e.key.startsWith('belanja:') === belanja).map((entity) => ({ entity, score: 1, covered: 1 }));
  }
  const best = matches[0];
  if (!best || best.score < WEAK) {
    if (!u.attrs.length || !u.terms.length || (u.kind === 'check' && !u.asserted.length)) return null;
    return absent(u, c, null, matches[0] ?? null);
  }
  if (best.score < SURE && best.covered < 0.75) return absent(u, c, null, best);
  const attrs = u.attrs.filter((a) => a !== 'count');
  const wanted = attrs.length ? attrs : defaultAttrs(best.entity.kind);
  if (u.subPeriod) return absent(u, c, best.entity, null, c.fx.about(best.entity));
  const all = best.entity.kind === 'total' && !u.terms.length;
  // Lines of the preferred kinds first, then lines of other kinds named as well (a belanja printed as a budget row).
  const others = kinds.length && u.terms.length ? matchFacts(c.fx, c.retriever, u.terms).filter((m) => !kinds.includes(m.entity.kind)) : [];
  const close = all ? matches : [...matches, ...others].filter((m) => m.score >= best.score - 0.15 && m.score >= WEAK);
  const variants: Array<'original' | 'perubahan' | null> = u.variants.length > 1 ? u.variants : [u.variant];
  const years: Array<number | null> = u.years.length > 1 ? u.years : [u.year];
  const slices = variants.flatMap((variant) => years.map((year) => ({ variant, year })));

  const verdict = checkPremise({ u, fx: c.fx, lang: c.lang, entity: best.entity, facts: (attr, o) => pick(close, c, attr, { ...u, period: o.period ?? null, year: o.year ?? null, variant: o.variant ?? null, tableLabel: null, page: null }, all)?.facts ?? [] });
  if (verdict && !verdict.holds) {
    return { intent: 'correction', text: [t(c, `Tidak. ${verdict.text}`, `No. ${verdict.text}`), ...rowContext(c, verdict.facts, []), ...wrongNotes(c, verdict.facts)].join('\n') };
  }
  const lines: string[] = [];
  const used: Fact[] = [];
  const missing: Attr[] = [];
  let lead: FactEntity = best.entity;
  for (const attr of wanted) {
    for (const slice of slices) {
      const one = { ...u, ...slice, period: slices.length > 1 && slice.year !== null ? null : u.period };
      const found = pick(close, c, attr, one, all);
      if (!found) {
        missing.push(attr);
        continue;
      }
      if (!used.length) lead = found.entity;
      used.push(...found.facts);
      lines.push(groupLine(c, label(c, attr, found.entity, one, found.facts), found.facts, u.kind === 'location'));
    }
  }
  if (!used.length && u.kind !== 'explanation' && !verdict) return absent(u, c, best.entity, null, c.fx.about(best.entity));

  if ((u.kind === 'check' || u.kind === 'explanation') && (u.asserted.length || u.assertedLabel) && used.length) {
    const checked = premise(u, c, lead, used, [...lines, ...rowContext(c, used, wanted)]);
    if (checked.intent === 'correction' || u.kind === 'check') return checked;
  }
  const notes = wrongNotes(c, used);
  const context = rowContext(c, used, wanted);
  const gone = [...new Set(missing)];
  const gaps = gone.length && attrs.length && u.kind !== 'explanation' ? [t(c, `Laporan tidak memuat ${gone.map((a) => ATTR_NAME[a].id.toLowerCase()).join(', ')} untuk ini.`, `The report does not state the ${gone.map((a) => ATTR_NAME[a].en.toLowerCase()).join(', ')} for this.`)] : [];
  const confirmed = verdict ? [t(c, `Ya. ${verdict.text}`, `Yes. ${verdict.text}`)] : [];
  if (u.kind === 'explanation') {
    const why = reasons(c, u, lead);
    if (!used.length && !why.length && !verdict) return null;
    return { intent: 'explanation', text: [...confirmed, ...lines, ...context, ...notes, ...why].join('\n') };
  }
  return { intent: u.kind === 'check' ? 'check' : 'value', text: [...confirmed, ...lines, ...context, ...gaps, ...notes].join('\n') };
}

const REASON = /\b(penghambat|pendorong|pendukung|kendala|hambatan|disebabkan|dikarenakan|karena|penyebab|faktor|permasalahan|masalah|keberhasilan|kegagalan|tidak terserap|belum tercapai|tidak tercapai|upaya|alasan|akibat)\b/i;

/** What the report says about why: the passages near the entity's name that give reasons, quoted with their ids. */
function reasons(c: Ctx, u: Understood, e: FactEntity): string[] {
  const query = `${e.kind === 'report' || e.kind === 'total' ? '' : e.name} ${u.terms.join(' ')} faktor penghambat pendorong kendala disebabkan karena`;
  const hits = c.retriever.search(query, { kinds: ['paragraph'], limit: 12 });
  const nameTerms = [...e.terms];
  const scored = hits
    .map((h, rank) => {
      const text = h.doc.text;
      const terms = new Set(h.terms);
      const about = nameTerms.filter((x) => terms.has(x)).length / Math.max(nameTerms.length, 1);
      return { h, score: (REASON.test(text) ? 1 : 0) + about + u.terms.filter((x) => terms.has(x)).length * 0.3 - rank * 0.05 };
    })
    .filter((x) => REASON.test(x.h.doc.text))
    .sort((a, b) => b.score - a.score)
    .slice(0, 2);
  return scored.map(({ h }) => {
    const sentences = h.doc.text.replace(/\s+/g, ' ').split(/(?<=[.;:])\s+(?=[A-Z0-9(])/);
    const at = sentences.findIndex((x) => REASON.test(x));
    const quote = clipText(sentences.slice(Math.max(0, at), at + 3).join(' '), 420);
    return t(c, `Menurut laporan (hal. ${h.doc.page}): "${plain(quote)}" [${h.doc.ref}]`, `The report says (p. ${h.doc.page}): "${plain(quote)}" [${h.doc.ref}]`);
  });
}

/**
 * True when a word is built from the starts of consecutive words of a name: "satpol" and "pp" for
 * "Satuan Polisi Pamong Praja", "bkpsdm" for "Badan Kepegawaian dan Pengembangan Sumber Daya Manusia".
 */
export function abbreviates(word: string, words: string[]): boolean {
  if (word.length < 2 || words.length < 2) return false;
  const from = (i: number, j: number, used: number): boolean => {
    if (i === word.length) return used >= 2;
    if (j >= words.length) return false;
    const w = words[j]!;
    for (let k = Math.min(4, w.length, word.length - i); k >= 1; k--) if (word.slice(i, i + k) === w.slice(0, k) && from(i + k, j + 1, used + 1)) return true;
    return false;
  };
  for (let j = 0; j < words.length - 1; j++) if (from(0, j, 0)) return true;
  return false;
}

/** The facts of one attribute from the best-named entity that prints it (and its twins: the same name in other tables). */
function pick(close: EntityMatch[], c: Ctx, attr: Attr, u: Understood, all: boolean): { entity: FactEntity; facts: Fact[] } | null {
  for (const m of close) {
    const facts = select(c.fx.about(m.entity), attr, u);
    if (!facts.length) continue;
    if (all) return { entity: m.entity, facts: close.flatMap((x) => select(c.fx.about(x.entity), attr, u)) };
    const twins = close.filter((x) => x !== m && x.entity.kind === m.entity.kind && x.score >= m.score - 0.02).flatMap((x) => select(c.fx.about(x.entity), attr, u));
    return { entity: m.entity, facts: [...facts, ...twins] };
  }
  return null;
}

/** The other figures printed in the row of the first answer (target and capaian beside a realisasi; pagu and % beside a realisasi anggaran). */
function rowContext(c: Ctx, used: Fact[], wanted: Attr[]): string[] {
  const first = used.find((f) => /^t\d+\.r\d+c\d+$/.test(f.id));
  if (!first) return [];
  const row = first.id.replace(/\d+$/, '');
  const shown = new Set(used.map((f) => f.id));
  const siblings = c.fx.facts.filter((f) => f.id.startsWith(row) && !shown.has(f.id) && !(wanted.includes(f.attr) && f.period === first.period) && f.attr !== 'name' && f.attr !== 'year');
  const seen = new Set<string>();
  const items: string[] = [];
  for (const f of siblings.sort((a, b) => a.id.localeCompare(b.id, 'en', { numeric: true }))) {
    const key = `${f.attr}:${f.period}:${f.variant ?? ''}`;
    if (seen.has(key)) continue;
    seen.add(key);
    const variant = f.variant && f.variant !== 'rencana' && f.attr === 'pagu' ? ` (${f.variant === 'original' ? t(c, 'murni', 'original') : t(c, 'perubahan', 'revised')})` : '';
    const when = f.period !== 'current' ? ` (${PERIOD_NAME[f.period][c.lang]}${f.period === 'previous' && f.year ? ` ${f.year}` : ''})` : '';
    items.push(`${ATTR_NAME[f.attr][c.lang].toLowerCase()}${variant}${when} ${plain(f.text)} [${f.id}]`);
    if (items.length >= 5) break;
  }
  if (!items.length) return [];
  const where = `${first.tableLabel ? `${t(c, 'Tabel', 'Table')} ${first.tableLabel}, ` : ''}${t(c, 'hal.', 'p.')} ${first.page}`;
  return [t(c, `Pada baris yang sama (${where}): ${items.join('; ')}.`, `In the same row (${where}): ${items.join('; ')}.`)];
}

/** Facts of one attribute that fit the question's period, year, variant, table and page. */
function select(pool: Fact[], attr: Attr, u: Understood): Fact[] {
  let fs = pool.filter((f) => f.attr === attr);
  const period = u.period ?? 'current';
  if (u.year !== null && period !== 'renstra' && period !== 'next') fs = fs.filter((f) => f.year === u.year && f.period !== 'renstra');
  else fs = fs.filter((f) => f.period === period);
  if (u.variant) {
    const v = fs.filter((f) => f.variant === u.variant);
    // Budget lines printed only once (no revision) answer either way; tables of both kinds decide.
    fs = v.length || fs.some((f) => f.variant && f.variant !== 'rencana') ? v : fs;
  } else if (fs.some((f) => f.variant === 'rencana') && fs.some((f) => f.variant !== 'rencana')) {
    fs = fs.filter((f) => f.variant !== 'rencana');
  }
  if (u.tableLabel) {
    const inTable = fs.filter((f) => f.tableLabel === u.tableLabel);
    if (inTable.length) fs = inTable;
  }
  if (u.page !== null) {
    const onPage = fs.filter((f) => f.page === u.page);
    if (onPage.length) fs = onPage;
  }
  return fs;
}

function label(c: Ctx, attr: Attr, e: FactEntity, u: Understood, facts: Fact[]): string {
  const period = u.period && u.period !== 'current' ? PERIOD_NAME[u.period][c.lang] : '';
  const year = facts[0]?.year;
  const when = period ? ` (${period}${year && u.period === 'previous' ? `, ${year}` : ''})` : u.year !== null ? ` (${u.year})` : '';
  const variant = u.variant ? t(c, u.variant === 'original' ? ' (sebelum perubahan)' : ' (setelah perubahan)', u.variant === 'original' ? ' (before the revision)' : ' (after the revision)') : '';
  const attrName = attr === 'realisasi' && e.kind !== 'indicator' ? t(c, 'Realisasi anggaran', 'Budget spent (realisasi)') : ATTR_NAME[attr][c.lang];
  if (e.kind === 'report') return attrName;
  return `${attrName} ${plain(clipText(e.name, 110))}${when}${variant}`;
}

/** One figure and its places; figures printed differently are listed as such. */
function groupLine(c: Ctx, head: string, facts: Fact[], where: boolean): string {
  const groups = new Map<string, Fact[]>();
  for (const f of facts) {
    const key = f.value !== null ? String(Math.round(f.value * 1e6) / 1e6) : f.text.toLowerCase().replace(/\s+/g, ' ');
    groups.set(key, [...(groups.get(key) ?? []), f]);
  }
  const sorted = [...groups.values()].sort((a, b) => b.length - a.length);
  const cites = (fs: Fact[]) => {
    const ordered = [...fs].sort((a, b) => a.page - b.page);
    const unique = ordered.filter((f, i) => ordered.findIndex((x) => x.id === f.id) === i);
    const shown = unique.slice(0, MAX_IDS).map((f) => (where ? `${t(c, 'hal.', 'p.')} ${f.page}${f.tableLabel ? ` (${t(c, 'Tabel', 'Table')} ${f.tableLabel})` : ''} [${f.id}]` : `[${f.id}]`));
    const more = unique.length > MAX_IDS ? t(c, ` (+${unique.length - MAX_IDS} tempat lain)`, ` (+${unique.length - MAX_IDS} more places)`) : '';
    return `${shown.join(where ? ', ' : ' ')}${more}`;
  };
  const show = (fs: Fact[]) => [...new Set(fs.map((f) => plain(f.text)))].slice(0, 1).join(' / ');
  if (sorted.length === 1) {
    const fs = sorted[0]!;
    return where ? `${head}: ${show(fs)} — ${t(c, 'dicetak di', 'printed on')} ${cites(fs)}` : `${head}: ${show(fs)} ${cites(fs)}`;
  }
  const lines = sorted.slice(0, MAX_GROUPS).map((fs) => `  • ${show(fs)} ${cites(fs)}${fs[0]!.caption ? ` — ${plain(clipText(fs[0]!.caption, 60))}` : ''}`);
  if (sorted.length > MAX_GROUPS) lines.push(t(c, `  • … dan ${sorted.length - MAX_GROUPS} nilai lain`, `  • … and ${sorted.length - MAX_GROUPS} more values`));
  return [t(c, `${head}: dicetak dengan ${sorted.length} nilai berbeda:`, `${head}: printed with ${sorted.length} different values:`), ...lines].join('\n');
}

/** A premise the question states, checked against the printed figures. */
function premise(u: Understood, c: Ctx, e: FactEntity, used: Fact[], lines: string[]): GroundedAnswer {
  const numeric = used.filter((f) => f.value !== null);
  const labels = used.filter((f) => f.unit === 'text');
  let holds = true;
  const q = u.question.toLowerCase();
  for (const a of u.asserted) {
    const x = readings(a)[0];
    if (x === undefined) continue;
    const before = q.slice(0, Math.max(0, q.indexOf(a.toLowerCase()))).split(/\s+/).slice(-4).join(' ');
    const value = (f: Fact) => f.value ?? readings(f.text)[0] ?? null;
    const test = /\b(di bawah|below|under|less than|kurang dari|lower than|lebih rendah dari)\s*$/.test(before)
      ? (v: number) => v < x
      : /\b(di atas|above|over|more than|lebih dari|melebihi|higher than|lebih tinggi dari|exceed\w*)\s*$/.test(before)
        ? (v: number) => v > x
        : /\b(sekitar|around|about|kira-kira|approximately|roughly|nearly|hampir)\s*$/.test(before)
          ? (v: number) => Math.abs(v - x) <= Math.max(1, Math.abs(x) * 0.025)
          : (v: number) => Math.abs(v - x) < 1e-9 * Math.max(1, Math.abs(x));
    if (!numeric.some((f) => sameFigure(a, f.text, true) || (value(f) !== null && test(value(f)!)))) holds = false;
  }
  if (u.assertedLabel && labels.length && !labels.some((f) => f.text.toLowerCase().replace(/\s+/g, ' ').trim() === u.assertedLabel)) holds = false;
  const notes = wrongNotes(c, used);
  if (holds) return { intent: 'check', text: [t(c, 'Ya, sesuai dengan yang dicetak laporan.', 'Yes, that is what the report prints.'), ...lines, ...notes].join('\n') };
  const claimed = [...u.asserted, ...(u.assertedLabel ? [`"${u.assertedLabel}"`] : [])].join(', ');
  return {
    intent: 'correction',
    text: [t(c, `Tidak. Laporan tidak mencetak ${claimed} untuk ${plain(clipText(e.name, 100))}; yang dicetak:`, `No. The report does not print ${claimed} for ${plain(clipText(e.name, 100))}; it prints:`), ...lines, ...notes].join('\n'),
  };
}

/** Findings about the printed figures an answer gives: the printed figure, the recomputed one and the finding. */
function wrongNotes(c: Ctx, used: Fact[]): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const f of used) {
    for (const finding of c.fx.findingsByCell.get(f.id) ?? []) {
      if (seen.has(finding.id) || finding.severity === 'info') continue;
      if (finding.printed && !sameFigure(finding.printed.text, f.text) && finding.printed.text.trim() !== f.text.trim()) continue;
      seen.add(finding.id);
      const expected = finding.expected?.value;
      // A cross-table finding's "expected" is another printed copy, not a recomputation.
      const decimals = Math.min(Math.max(/[.,](\d{1,2})\s*%?$/.exec(finding.printed?.text ?? '')?.[1]?.length ?? 2, 0), 2);
      const recomputed = typeof expected === 'number' && finding.check !== 'cross-table' ? (c.lang === 'id' ? formatId(expected, decimals) : formatUs(expected, decimals)) : null;
      out.push(
        t(
          c,
          `Catatan: angka tercetak ${plain(finding.printed?.text ?? f.text)}${recomputed ? `, dihitung ulang ${recomputed}` : ''} — ${plain(clipText(finding.message.id, 200))} [${finding.id}]`,
          `Note: printed ${plain(finding.printed?.text ?? f.text)}${recomputed ? `, recomputed ${recomputed}` : ''} — ${plain(clipText(finding.message.en, 200))} [${finding.id}]`,
        ),
      );
      if (out.length >= 3) return out;
    }
  }
  return out;
}

/** The report does not print what is asked; the nearest thing it prints, labelled as such. */
function absent(u: Understood, c: Ctx, entity: FactEntity | null, near: EntityMatch | null, pool: Fact[] = []): GroundedAnswer {
  const attrs: Attr[] = u.attrs.filter((a) => a !== 'count');
  const what = attrs.map((a) => ATTR_NAME[a][c.lang].toLowerCase()).join(', ') || t(c, 'angka', 'figure');
  const period = u.period && u.period !== 'current' ? ` ${PERIOD_NAME[u.period][c.lang]}` : u.year ? ` ${u.year}` : '';
  const variant = u.variant ? t(c, u.variant === 'original' ? ' sebelum perubahan' : ' setelah perubahan', u.variant === 'original' ? ' before the revision' : ' after the revision') : '';
  const about = entity ? plain(clipText(entity.name, 100)) : u.terms.length ? t(c, `"${u.question.replace(/\?+$/, '').trim()}"`, `"${u.question.replace(/\?+$/, '').trim()}"`) : '';
  const lines = [
    entity
      ? t(c, `Laporan tidak memuat ${what}${period}${variant} untuk ${about}.`, `The report does not state the ${what}${period}${variant} for ${about}.`)
      : t(c, `Laporan tidak memuat ${what}${period}${variant} yang ditanyakan; tidak ada indikator, program atau kegiatan dengan nama itu.`, `The report does not state this ${what}${period}${variant}: it names no indicator, program or activity like that.`),
  ];
  const nearest = entity ? pool.filter((f) => attrs.includes(f.attr)).slice(0, 3) : near ? c.fx.facts.filter((f) => f.entity === near.entity && (attrs.includes(f.attr) || !attrs.length)).slice(0, 2) : [];
  if (nearest.length) {
    const head = t(c, `Yang terdekat yang dimuat laporan (bukan yang ditanyakan)`, `Nearest the report prints (not what was asked)`);
    const items = nearest.map((f) => `${ATTR_NAME[f.attr][c.lang]} ${plain(clipText(f.entity.name, 70))}${f.period !== 'current' ? ` (${PERIOD_NAME[f.period][c.lang]})` : ''}${f.variant && f.variant !== 'rencana' ? ` (${f.variant})` : ''}: ${plain(f.text)} [${f.id}]`);
    lines.push(`${head}: ${items.join('; ')}`);
  }
  return { intent: 'absent', text: lines.join('\n') };
}
