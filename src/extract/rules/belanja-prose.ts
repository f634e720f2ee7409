/**
 * A budget statement in prose and its split into belanja lines, whatever the order of its parts:
 *
 * - "Alokasi anggaran … adalah Rp T (…), meliputi Belanja Modal sebesar Rp A dan Belanja Operasi sebesar Rp B."
 * - "Belanja Operasi sebesar Rp A dan Belanja Modal sebesar Rp B membentuk keseluruhan anggaran …, yaitu Rp T."
 * - "Anggaran … tercatat sebesar Rp T (…). Dari jumlah tersebut, Rp A merupakan Belanja Operasi dan Rp B merupakan Belanja Modal."
 *
 * A line is a belanja kind with its amount in the same clause, the amount after the label ("Belanja
 * Operasi sebesar Rp A", "Belanja Modal: Rp B") or before it ("Rp A merupakan Belanja Operasi"). The
 * total is the one other amount of a sentence about the budget (anggaran, pagu, alokasi, dana; not
 * its realisation), in the lines' own sentence or in the sentence right before them.
 */

const AMOUNT = String.raw`rp\.?\s*\d(?:[\d.,]*\d)?(?:,-)?`;
const KIND = String.raw`belanja\s+(operasi|modal|tidak\s+terduga|transfer|pegawai|barang\s+(?:dan|&)\s+jasa)`;
/** The label, then its amount within a few linking words. */
const LABEL_FIRST = new RegExp(String.raw`\b${KIND}\s*(?:(?:adalah|yaitu|sebesar|senilai|:)\s*){0,2}(${AMOUNT})`, 'gi');
/** The amount, then the label it is ("Rp A merupakan Belanja Operasi", "Rp B untuk Belanja Modal"). */
const AMOUNT_FIRST = new RegExp(String.raw`(${AMOUNT})\s*,?\s*(?:merupakan|adalah|untuk|bagi|sebagai)\s+${KIND}`, 'gi');
const ANY_AMOUNT = new RegExp(AMOUNT, 'gi');
const ABOUT_BUDGET = /\b(anggaran|pagu|alokasi|dana|dialokasikan)\b/i;
const ABOUT_SPENDING = /\b(realisasi|terealisasi|direalisasikan|penyerapan|diserap)\b/i;

export interface StatedBelanja {
  total: { text: string; start: number };
  lines: Array<{ name: string; text: string; start: number }>;
}

interface Sentence {
  start: number;
  text: string;
}

function sentences(text: string): Sentence[] {
  const out: Sentence[] = [];
  // A sentence ends at a full stop followed by a capital; "Rp. 1.234" and "1.234.567" do not end one.
  const re = /[.!?](?=\s+[A-Z(])/g;
  let from = 0;
  for (const m of text.matchAll(re)) {
    const end = m.index! + 1;
    out.push({ start: from, text: text.slice(from, end) });
    from = end;
  }
  if (from < text.length) out.push({ start: from, text: text.slice(from) });
  return out;
}

function linesOf(s: Sentence): StatedBelanja['lines'] {
  const found = [
    ...[...s.text.matchAll(LABEL_FIRST)].map((m) => ({ name: m[1]!, text: m[2]!, start: s.start + m.index! + m[0].length - m[2]!.length })),
    ...[...s.text.matchAll(AMOUNT_FIRST)].map((m) => ({ name: m[2]!, text: m[1]!, start: s.start + m.index! })),
  ].sort((a, b) => a.start - b.start);
  // One amount is one line; one kind is counted once (a restated list after the prose).
  const seen = new Set<string>();
  return found.filter((l) => {
    const kind = l.name.toLowerCase().replace(/\s+/g, ' ');
    if (seen.has(kind) || seen.has(`@${l.start}`)) return false;
    seen.add(kind);
    seen.add(`@${l.start}`);
    return true;
  });
}

/** The amounts of a budget sentence that are not one of the lines. */
function totalsOf(s: Sentence, lines: StatedBelanja['lines']): StatedBelanja['total'][] {
  if (!ABOUT_BUDGET.test(s.text) || ABOUT_SPENDING.test(s.text)) return [];
  return [...s.text.matchAll(ANY_AMOUNT)].map((m) => ({ text: m[0], start: s.start + m.index! })).filter((a) => !lines.some((l) => l.start === a.start));
}

/**
 * Each budget total stated in `text` with the belanja lines it is split into (at least two).
 *
 * @example
 *   belanjaStatements('Anggaran tercatat sebesar Rp 10.000. Dari jumlah tersebut, Rp 7.000 merupakan Belanja Operasi dan Rp 3.000 merupakan Belanja Modal.');
 *   // [{ total: { text: 'Rp 10.000', … }, lines: [{ name: 'Operasi', text: 'Rp 7.000', … }, { name: 'Modal', … }] }]
 */
export function belanjaStatements(text: string): StatedBelanja[] {
  const out: StatedBelanja[] = [];
  const list = sentences(text);
  list.forEach((s, i) => {
    const lines = linesOf(s);
    if (lines.length < 2) return;
    const own = totalsOf(s, lines);
    const before = i > 0 ? totalsOf(list[i - 1]!, linesOf(list[i - 1]!)) : [];
    // The lines' own sentence states the total, or the sentence right before them does (and states
    // no lines of its own).
    const total = own.length === 1 ? own[0] : own.length === 0 && before.length === 1 && linesOf(list[i - 1]!).length === 0 ? before[0] : undefined;
    if (total) out.push({ total, lines });
  });
  return out;
}
