import type { BudgetRow, Value } from '../../model/report.js';
import type { Cell, Table } from '../../model/table.js';
import { citeCell, normalizeName, similarity, valueFrom, type KeyRegistry } from './cells.js';

const AMOUNT = /rp\.?\s*(\d{1,3}(?:[.,]\d{3})+(?:,\d{1,2})?)(?:,-)?/gi;
const TOTAL_BEFORE = /\b(jumlah|total)\s*:?\s*$/i;
/** "1. Program …", "1.1 Koordinasi …": an outline number opening an item. */
const OUTLINE = /(?:^|\s)(\d{1,2}(?:\.\d{1,2})?)\.?\s+(?=\p{Lu})/gu;

interface Item {
  number: string;
  name: string;
}

/**
 * A list typed into one table row: one cell holds the programs and kegiatan, numbered "1.", "1.1"…
 * one after another, the next cell their amounts ("Rp. 217,902,500 Rp. 32,902,500 … Jumlah Rp. …"),
 * neither on lines of its own. Items and amounts pair in order; a "1." is a program, a "1.1" a
 * kegiatan under it, and the amount after "Jumlah" a total over the programs. When there is one
 * amount more than numbered items, an item typed without its number runs into the one before it:
 * it is split where both halves are names the report prints elsewhere (`known`).
 *
 * @example
 *   stackedLists(table, keys, names)[0].uraian; // 'Program Penyelenggaraan Pemerintahan Dan Pelayanan Publik'
 */
export function stackedLists(table: Table, keys: KeyRegistry, known: readonly string[], tableKind: BudgetRow['tableKind']): BudgetRow[] {
  const out: BudgetRow[] = [];
  for (const row of table.rows) {
    const cells = row.cells.filter((c) => !c.spannedBy && c.text.trim());
    const amountCell = cells.find((c) => [...c.text.matchAll(AMOUNT)].length >= 2 && c.text.replace(AMOUNT, '').replace(/jumlah|total|[:\s]/gi, '') === '');
    if (!amountCell) continue;
    const itemCell = cells.find((c) => c !== amountCell && c.col < amountCell.col && [...c.text.matchAll(OUTLINE)].length >= 2);
    if (!itemCell) continue;
    const amounts: Array<{ text: string; total: boolean }> = [];
    for (const m of amountCell.text.matchAll(AMOUNT)) amounts.push({ text: m[0], total: TOTAL_BEFORE.test(amountCell.text.slice(0, m.index)) });
    const parts = amounts.filter((a) => !a.total);
    let items = itemsOf(itemCell.text);
    if (items.length === parts.length - 1) items = splitUnnumbered(items, known) ?? items;
    if (items.length !== parts.length) continue;
    const value = (text: string): Value | null => valueFrom(text, amountCell.ocr ?? false, citeCell(table, amountCell));
    let program: BudgetRow | null = null;
    const programs: string[] = [];
    items.forEach((it, k) => {
      const pagu = value(parts[k]!.text);
      if (!pagu) return;
      const level = it.number.includes('.') || it.number === '' ? 'kegiatan' : 'program';
      const r = budgetRow(table, itemCell, `${row.index}.${k}`, it.name, keys.keyFor(it.name, 0.85, true, table.id), level, pagu, tableKind);
      if (level === 'program') {
        program = r;
        programs.push(r.id);
      } else if (program) r.parentId = (program as BudgetRow).id;
      out.push(r);
    });
    const total = amounts.find((a) => a.total);
    const pagu = total ? value(total.text) : null;
    if (pagu) out.push({ ...budgetRow(table, amountCell, `${row.index}.total`, 'Jumlah', `${table.id}:total`, 'total', pagu, tableKind), sumOf: programs });
  }
  return out;
}

function itemsOf(text: string): Item[] {
  const marks = [...text.matchAll(OUTLINE)];
  return marks.map((m, k) => {
    const start = m.index! + m[0].length;
    const end = marks[k + 1]?.index ?? text.length;
    return { number: m[1]!, name: text.slice(start, end).replace(/\s+/g, ' ').trim() };
  });
}

/** Splits the one item whose text is two names the report prints elsewhere. */
function splitUnnumbered(items: Item[], known: readonly string[]): Item[] | null {
  const norms = known.map(normalizeName);
  const isKnown = (name: string) => {
    const n = normalizeName(name);
    return n.split(' ').length >= 2 && norms.some((k) => similarity(k, n, false) >= 0.85);
  };
  for (let i = 0; i < items.length; i++) {
    const words = items[i]!.name.split(' ');
    for (let w = 2; w < words.length - 1; w++) {
      if (!/^\p{Lu}/u.test(words[w]!)) continue;
      const left = words.slice(0, w).join(' ');
      const right = words.slice(w).join(' ');
      if (isKnown(left) && isKnown(right)) {
        return [...items.slice(0, i), { ...items[i]!, name: left }, { number: '', name: right }, ...items.slice(i + 1)];
      }
    }
  }
  return null;
}

function budgetRow(table: Table, cell: Cell, suffix: string, uraian: string, key: string, level: BudgetRow['level'], pagu: Value, tableKind: BudgetRow['tableKind']): BudgetRow {
  return { id: `${table.id}.r${suffix}`, key, table: table.id, tableKind, kode: null, uraian, level, parentId: null, pagu, realisasi: null, persen: null, sisa: null, cite: citeCell(table, cell) };
}
