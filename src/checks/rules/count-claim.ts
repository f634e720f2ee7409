import type { BudgetRow, Citation, Report } from '../../model/index.js';
import { parseWords } from '../../numbers/index.js';
import { childRows, totalRows } from '../sums.js';
import type { Bilingual, Check, CheckContext, FindingDraft } from '../types.js';
import { normLabel } from '../util.js';

type Entity = 'program' | 'kegiatan' | 'sub_kegiatan' | 'indikator' | 'sasaran' | 'tujuan' | 'perubahan_pk';

const ENTITY: Record<Entity, Bilingual> = {
  program: { id: 'program', en: 'programs' },
  kegiatan: { id: 'kegiatan', en: 'kegiatan (activities)' },
  sub_kegiatan: { id: 'sub kegiatan', en: 'sub-kegiatan (sub-activities)' },
  indikator: { id: 'indikator', en: 'indicators' },
  sasaran: { id: 'sasaran', en: 'sasaran (objectives)' },
  tujuan: { id: 'tujuan', en: 'tujuan (goals)' },
  perubahan_pk: { id: 'kali perubahan Perjanjian Kinerja', en: 'revisions of the Perjanjian Kinerja' },
};

interface Item {
  key: string;
  table: string;
  name: string;
  text: string;
  cite: Citation;
}

/**
 * "N program / kegiatan / sub kegiatan" (and indikator, sasaran, tujuan) in prose vs the items the
 * report lists, counted by distinct key per table (a table continued over pages in parts is one
 * table). A claim that matches any single table's list, or the union over tables, is accepted;
 * otherwise the longest list is the expected count. A mismatch is a warning: the count depends on
 * extraction having found every list (attachments are often scanned). The number in words next to the digits ("5 (lima)")
 * must denote the same number. "Perjanjian Kinerja … mengalami N kali perubahan" is compared with the
 * distinct dated revisions the text presents ("pada tanggal … disusun Perubahan Perjanjian Kinerja"),
 * when it presents any.
 */
const countClaim: Check = {
  id: 'count-claim',
  meta: {
    title: { id: 'Jumlah yang disebut', en: 'Stated counts' },
    docs: '"N program/kegiatan/sub kegiatan/indikator/sasaran/tujuan" vs distinct listed items (any one table or the union; else the longest list) and vs its number in words; "PK mengalami N kali perubahan" vs the dated revisions presented',
    defaultSeverity: 'warning',
    tags: ['prose', 'count'],
  },
  messages: {
    mismatch: {
      id: 'Teks menyebut {count} {entity}, tetapi daftar terpanjang dalam laporan memuat {expected} {entity} (per tabel: {tables})',
      en: 'The text states {count} {entity}, but the longest list in the report has {expected} {entity} (per table: {tables})',
    },
    unproven: {
      id: 'Teks menyebut {count} {entity}, tetapi daftar terpanjang yang terbaca memuat {expected} {entity} (per tabel: {tables}); jumlah anggaran daftar itu menunjukkan ada baris yang hilang atau terbaca berlebih, jadi periksa daftarnya',
      en: 'The text states {count} {entity}, but the longest list read has {expected} {entity} (per table: {tables}); the list\'s budget sums show rows missing from it or read into it, so check the list',
    },
    revisions: {
      id: 'Teks menyebut Perjanjian Kinerja mengalami {count} kali perubahan, tetapi laporan menyajikan {expected} perubahan bertanggal ({dates})',
      en: 'The text says the Perjanjian Kinerja was revised {count} times, but the report presents {expected} dated revision(s) ({dates})',
    },
    wordsMismatch: {
      id: 'Teks menyebut {count} ({words}) {entity}, tetapi "{words}" berarti {wordsValue}',
      en: 'The text states {count} ({words}) {entity}, but "{words}" means {wordsValue}',
    },
  },
  run(report, ctx) {
    const out: FindingDraft[] = [];
    const listOf = partsOfOneList(report);
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
      const items = itemsOf(claim.entity, report, ctx);
      if (items.length === 0) continue;
      if (claim.entity === 'perubahan_pk') {
        const dates = [...new Map(items.map((it) => [it.key, it])).values()];
        if (dates.length === claim.count) continue;
        out.push({
          ...base,
          messageId: 'revisions',
          data: { count: claim.count, expected: dates.length, dates: dates.map((d) => d.name).join('; ') },
          expected: {
            value: dates.length,
            interval: [dates.length, dates.length],
            formula: `perubahan Perjanjian Kinerja bertanggal yang disajikan: ${dates.map((d) => d.name).join('; ')}`,
            operands: dates.map((d) => ({ name: 'perubahan', text: d.text, value: null, cite: d.cite })),
          },
        });
        continue;
      }
      const union = new Map<string, Item>();
      const perTable = new Map<string, Set<string>>();
      for (const it of items) {
        if (!union.has(it.key)) union.set(it.key, it);
        const list = listOf(it.table);
        const set = perTable.get(list) ?? new Set<string>();
        set.add(it.key);
        perTable.set(list, set);
      }
      if (union.size === claim.count || [...perTable.values()].some((s) => s.size === claim.count)) continue;
      // Each list by its caption, or as the table on its page: never by the extraction's table id.
      const named = [...perTable.entries()].map(([t, s]) => {
        const info = ctx.table(t);
        const page = info?.pages[0];
        return { id: `${info?.caption ?? (page ? `tabel hal. ${page}` : 'tabel')}: ${s.size}`, en: `${info?.caption ?? (page ? `the table on p. ${page}` : 'a table')}: ${s.size}` };
      });
      const tables = named.map((n) => n.id);
      // The longest single list is the expectation: keys of one item can differ between tables, which
      // inflates the union, while each table spells its own items consistently.
      const expected = Math.max(...[...perTable.values()].map((set) => set.size));
      // Of the lists that long, the one whose items were read most surely cites them: printed text
      // before a scan, a scan read with confidence before one read without.
      const surest = (list: string): number => Math.min(...items.filter((it) => listOf(it.table) === list).map((it) => it.cite.ocrConf ?? 101));
      const longest = [...perTable.entries()].filter(([, set]) => set.size === expected).reduce((a, b) => (surest(b[0]) > surest(a[0]) ? b : a));
      const listed = items.filter((it) => listOf(it.table) === longest[0]);
      // A list of that length whose sums do not show rows missing or read into it makes the count a
      // fact of the report; otherwise the difference may be the reading's.
      const proven = [...perTable.entries()].some(([list, set]) => set.size === expected && !doubtedList(report, claim.entity, list, listOf));
      out.push({
        ...base,
        messageId: proven ? 'mismatch' : 'unproven',
        ...(proven ? {} : { severity: 'info' as const }),
        data: { count: claim.count, entity: ENTITY[claim.entity], expected, tables: { id: tables.join('; '), en: named.map((n) => n.en).join('; ') } },
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

const PARENT: Partial<Record<Entity, ReadonlyArray<BudgetRow['level']>>> = { program: ['total', 'subtotal'], kegiatan: ['program'], sub_kegiatan: ['kegiatan'] };

/**
 * Whether the budget list of `entity` named `list` (its parts over pages included) shows, by its own
 * arithmetic, that its rows are not the report's list: a row one level up in it (a program for
 * kegiatan, a kegiatan for sub-kegiatan, a total or subtotal for programs) with nothing listed under
 * it (its rows lost), or whose listed rows add up to more than it in pagu and in realisasi at once
 * (rows read into it that it does not include: a mistyped figure puts one off, not both), or a row
 * whose figures a scan lost (`unread`). Rows adding up to less in both are the report's own gap as
 * often as the reading's, and leave the count to be judged. Lists of indicators, sasaran and tujuan
 * have no such sums and are read from the performance tables, whose rows stand alone: never doubted.
 */
function doubtedList(report: Report, entity: Entity, list: string, listOf: (table: string) => string): boolean {
  const levels = PARENT[entity];
  if (!levels) return false;
  const inList = report.budget.filter((r) => listOf(r.table) === list);
  if (inList.some((r) => r.unread?.length)) return true;
  const kids = entity === 'program' ? totalRows(report.budget) : childRows(report.budget);
  return inList
    .filter((r) => levels.includes(r.level) && !r.scope)
    .some((p) => {
      const children = kids(p);
      if (children.length === 0) return true;
      // Rows listed under it that its own figures do not include: more in pagu and in realisasi.
      return (['pagu', 'realisasi'] as const).every((q) => {
        const printed = p[q]?.value;
        if (printed == null || children.some((c) => c[q]?.value == null)) return false;
        return children.reduce((s, c) => s + c[q]!.value!, 0) - printed >= 1;
      });
    });
}

/**
 * The list a table belongs to: a table continued over pages in parts (rows whose parent sits in an
 * earlier part, or a total adding up rows of earlier parts) is one list, named by its first part.
 */
function partsOfOneList(report: Report): (table: string) => string {
  const root = new Map<string, string>();
  const find = (t: string): string => {
    let r = t;
    while (root.has(r) && root.get(r) !== r) r = root.get(r)!;
    return r;
  };
  const byId = new Map(report.budget.map((r) => [r.id, r]));
  const order = new Map(report.tables.map((t, i) => [t.id, i]));
  const join = (x: string, y: string): void => {
    const [a, b] = [find(x), find(y)];
    if (a === b) return;
    // The earlier part names the list.
    if ((order.get(a) ?? 0) < (order.get(b) ?? 0)) root.set(b, a);
    else root.set(a, b);
  };
  for (const row of report.budget) {
    const parent = row.parentId ? byId.get(row.parentId) : undefined;
    if (parent && parent.table !== row.table) join(row.table, parent.table);
    // A total that adds up rows printed in earlier parts joins those parts to its own.
    for (const id of row.sumOf ?? []) {
      const summed = byId.get(id);
      if (summed && summed.table !== row.table) join(row.table, summed.table);
    }
  }
  return find;
}

function itemsOf(entity: Entity, report: Report, ctx: CheckContext): Item[] {
  const { budget, indicators } = report;
  if (entity === 'perubahan_pk') {
    // Each dated revision the text presents, the same date once however often it is repeated.
    return report.claims.flatMap((c) =>
      c.kind === 'mention' && c.entity === 'perubahan_pk' ? [{ key: normLabel(c.value), table: 'teks', name: c.value, text: c.text, cite: ctx.cite(c.cite) }] : [],
    );
  }
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
