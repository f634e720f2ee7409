import type { Citation, Report } from '../../model/index.js';
import { parseWords } from '../../numbers/index.js';
import type { Bilingual, Check, CheckContext, FindingDraft } from '../types.js';
import { normLabel } from '../util.js';

type Entity = 'program' | 'kegiatan' | 'sub_kegiatan' | 'indikator' | 'sasaran' | 'tujuan';

const ENTITY: Record<Entity, Bilingual> = {
  program: { id: 'program', en: 'programs' },
  kegiatan: { id: 'kegiatan', en: 'kegiatan (activities)' },
  sub_kegiatan: { id: 'sub kegiatan', en: 'sub-kegiatan (sub-activities)' },
  indikator: { id: 'indikator', en: 'indicators' },
  sasaran: { id: 'sasaran', en: 'sasaran (objectives)' },
  tujuan: { id: 'tujuan', en: 'tujuan (goals)' },
};

interface Item {
  key: string;
  table: string;
  name: string;
  text: string;
  cite: Citation;
}

/**
 * "N program / kegiatan / sub kegiatan" (and indikator, sasaran, tujuan) in prose vs the items the report
 * lists, counted by distinct key per table. A claim that matches any single table's list, or the
 * union over tables, is accepted; otherwise the longest list is the expected count. A mismatch is a warning: the count depends on extraction having found
 * every list (attachments are often scanned). The number in words next to the digits ("5 (lima)")
 * must denote the same number.
 */
const countClaim: Check = {
  id: 'count-claim',
  meta: {
    title: { id: 'Jumlah yang disebut', en: 'Stated counts' },
    docs: '"N program/kegiatan/sub kegiatan/indikator/sasaran/tujuan" vs distinct listed items (any one table or the union; else the longest list) and vs its number in words',
    defaultSeverity: 'warning',
    tags: ['prose', 'count'],
  },
  messages: {
    mismatch: {
      id: 'Teks menyebut {count} {entity}, tetapi daftar terpanjang dalam laporan memuat {expected} {entity} (per tabel: {tables})',
      en: 'The text states {count} {entity}, but the longest list in the report has {expected} {entity} (per table: {tables})',
    },
    wordsMismatch: {
      id: 'Teks menyebut {count} ({words}) {entity}, tetapi "{words}" berarti {wordsValue}',
      en: 'The text states {count} ({words}) {entity}, but "{words}" means {wordsValue}',
    },
  },
  run(report, ctx) {
    const out: FindingDraft[] = [];
    for (const claim of report.claims) {
      if (claim.kind !== 'count') continue;
      const base = { subject: `claim:${claim.id}`, printed: { text: claim.text, value: claim.count }, citations: [ctx.cite(claim.cite)] };
      if (claim.words) {
        const w = parseWords(claim.words).value;
        if (w !== null && w !== claim.count) {
          out.push({
            ...base,
            messageId: 'wordsMismatch',
            severity: 'error',
            data: { count: claim.count, words: claim.words, entity: ENTITY[claim.entity], wordsValue: w },
            expected: { value: w, interval: [w, w], formula: `terbilang "${claim.words}"`, operands: [{ name: 'terbilang', text: claim.words, value: w, cite: ctx.cite(claim.cite) }] },
          });
        }
      }
      const items = itemsOf(claim.entity, report.budget, report.indicators, ctx);
      if (items.length === 0) continue;
      const union = new Map<string, Item>();
      const perTable = new Map<string, Set<string>>();
      for (const it of items) {
        if (!union.has(it.key)) union.set(it.key, it);
        const set = perTable.get(it.table) ?? new Set<string>();
        set.add(it.key);
        perTable.set(it.table, set);
      }
      if (union.size === claim.count || [...perTable.values()].some((s) => s.size === claim.count)) continue;
      const tables = [...perTable.entries()].map(([t, s]) => {
        const info = ctx.table(t);
        return `${info?.caption ?? t}: ${s.size}`;
      });
      // The longest single list is the expectation: keys of one item can differ between tables, which
      // inflates the union, while each table spells its own items consistently.
      const longest = [...perTable.entries()].reduce((a, b) => (b[1].size > a[1].size ? b : a));
      const expected = longest[1].size;
      const listed = items.filter((it) => it.table === longest[0]);
      out.push({
        ...base,
        messageId: 'mismatch',
        data: { count: claim.count, entity: ENTITY[claim.entity], expected, tables: tables.join('; ') },
        expected: {
          value: expected,
          interval: [expected, expected],
          formula: `jumlah ${ENTITY[claim.entity].id} berbeda (menurut key) di daftar terpanjang; per tabel: ${tables.join('; ')}; gabungan: ${union.size}`,
          operands: [...new Map(listed.map((it) => [it.key, it])).values()].map((it) => ({ name: it.name, text: it.text, value: null, cite: it.cite })),
        },
      });
    }
    return out;
  },
};

export default countClaim;

function itemsOf(entity: Entity, budget: Report['budget'], indicators: Report['indicators'], ctx: CheckContext): Item[] {
  if (entity === 'indikator') {
    return indicators.map((i) => ({ key: i.key, table: i.table, name: i.indikator, text: i.indikator, cite: ctx.cite(i.cite) }));
  }
  if (entity === 'tujuan') {
    return indicators
      .filter((i): i is typeof i & { tujuan: string } => i.tujuan !== null && normLabel(i.tujuan) !== '')
      .map((i) => ({ key: normLabel(i.tujuan), table: i.table, name: i.tujuan, text: i.tujuan, cite: ctx.cite(i.cite) }));
  }
  if (entity === 'sasaran') {
    return indicators
      .filter((i): i is typeof i & { sasaran: string } => i.sasaran !== null && normLabel(i.sasaran) !== '')
      .map((i) => ({ key: normLabel(i.sasaran), table: i.table, name: i.sasaran, text: i.sasaran, cite: ctx.cite(i.cite) }));
  }
  return budget
    .filter((r) => r.level === entity)
    .map((r) => ({ key: r.key, table: r.table, name: r.uraian, text: r.kode ?? r.uraian, cite: ctx.cite(r.cite) }));
}
