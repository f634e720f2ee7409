import type { Table } from '../../model/table.js';
import { parseColumn } from '../../numbers/index.js';
import type { ColumnMap, Role } from './columns.js';

/**
 * Column roles proved by the rows' own arithmetic. The header vocabulary proposes roles; a budget
 * table's rows then say which columns really are the pagu, the realisasi, the % and the sisa: the
 * assignment under which `% = realisasi / pagu × 100` and `sisa = pagu − realisasi` hold for most
 * rows wins, whatever the headers say. This tells the revised budget (the one the % is computed
 * on) from the original printed beside it, names columns whose header is missing or unreadable, and
 * leaves the rows that break the majority's arithmetic to the checks.
 */
export interface BudgetProof {
  roles: { pagu: number; realisasiAnggaran: number; persen?: number; sisa?: number };
  /** Rows whose figures could be tested, and how many of them hold. */
  tested: number;
  held: number;
  /** What decided, in words, for the model's table info. */
  evidence: string;
}

/** Share of tested rows that must hold for a proof (a majority: the rest are findings). */
const MAJORITY = 0.6;

interface Col {
  values: Array<number | null>;
  decimals: number[];
}

function columnsOf(table: Table): Col[] {
  return Array.from({ length: table.nCols }, (_, c) => {
    const texts = table.rows.map((r) => {
      const cell = r.cells[c];
      return cell && !cell.spannedBy ? cell.text : '';
    });
    const parsed = parseColumn(texts).cells;
    return { values: parsed.map((p) => (p.value === null || p.note === 'malformed' ? null : p.negative && p.value > 0 ? -p.value : p.value)), decimals: parsed.map((p) => p.decimals) };
  });
}

const present = (c: Col): number => c.values.filter((v) => v !== null).length;

/** A column of rupiah amounts: most of its figures are whole amounts of at least a thousand. */
function isMoney(c: Col): boolean {
  const n = present(c);
  const big = c.values.filter((v) => v !== null && Math.abs(v) >= 1000).length;
  return n >= 2 && big * 2 >= n && big >= 2;
}

/** A column of percentages: figures between 0 and 1000. */
function isPercent(c: Col): boolean {
  const n = present(c);
  const pct = c.values.filter((v) => v !== null && v >= 0 && v <= 1000).length;
  return n >= 2 && pct >= 0.8 * n;
}

/** `q` printed with `d` decimals agrees with `x` (rounded half-up, or truncated). */
function agrees(q: number, d: number, x: number): boolean {
  const unit = 10 ** -d;
  return Math.abs(x - q) <= unit / 2 + 1e-9 || (x >= q - 1e-9 && x < q + unit);
}

/**
 * The budget roles the rows prove, or null when no assignment holds for a majority of at least two
 * testable rows.
 *
 * @example
 *   // Pagu Awal | Pagu Perubahan | Realisasi | % | Sisa: the % is computed on the revised budget.
 *   proveBudgetRoles(table)?.roles; // { pagu: 3, realisasiAnggaran: 4, persen: 5, sisa: 6 }
 */
export function proveBudgetRoles(table: Table): BudgetProof | null {
  const cols = columnsOf(table);
  const money = cols.map((c, i) => (isMoney(c) ? i : -1)).filter((i) => i >= 0);
  const pct = cols.map((c, i) => (!isMoney(c) && isPercent(c) ? i : -1)).filter((i) => i >= 0);
  if (money.length < 2) return null;
  let best: (BudgetProof & { both: boolean }) | null = null;
  for (const p of money) {
    for (const r of money) {
      if (r === p) continue;
      for (const q of [...pct, -1]) {
        for (const s of [...money.filter((m) => m !== p && m !== r), -1]) {
          if (q < 0 && s < 0) continue;
          let tested = 0;
          let held = 0;
          table.rows.forEach((_, i) => {
            const pv = cols[p]!.values[i];
            const rv = cols[r]!.values[i];
            if (pv === null || pv === undefined || rv === null || rv === undefined || pv <= 0) return;
            const qv = q >= 0 ? cols[q]!.values[i] : null;
            const sv = s >= 0 ? cols[s]!.values[i] : null;
            if ((qv === null || qv === undefined) && (sv === null || sv === undefined)) return;
            tested++;
            const qOk = qv === null || qv === undefined || agrees(qv, cols[q]!.decimals[i] ?? 2, (rv / pv) * 100);
            const sOk = sv === null || sv === undefined || Math.abs(pv - rv - sv) <= 1;
            if (qOk && sOk) held++;
          });
          if (tested < 2 || held < MAJORITY * tested) continue;
          const both = q >= 0 && s >= 0;
          const better =
            !best ||
            held > best.held ||
            (held === best.held && both && !best.both) ||
            (held === best.held && both === best.both && p < r && best.roles.pagu > best.roles.realisasiAnggaran);
          if (!better) continue;
          const roles = { pagu: p, realisasiAnggaran: r, ...(q >= 0 ? { persen: q } : {}), ...(s >= 0 ? { sisa: s } : {}) };
          const what = [q >= 0 ? '% = realisasi / pagu × 100' : null, s >= 0 ? 'sisa = pagu − realisasi' : null].filter(Boolean).join(' and ');
          best = { roles, tested, held, both, evidence: `${what} hold in ${held} of ${tested} rows` };
        }
      }
    }
  }
  if (!best) return null;
  const { both: _both, ...proof } = best;
  return proof;
}

const PROVEN: ReadonlyArray<keyof BudgetProof['roles']> = ['pagu', 'realisasiAnggaran', 'persen', 'sisa'];

/**
 * Applies a proof to a header-proposed map: proven columns take their roles, a role the header gave
 * to a proven column is dropped, and the evidence is returned per role.
 *
 * @example
 *   applyBudgetProof(map, proof); // { pagu: 'header "Pagu Awal" proposed column 2; % = … hold in 9 of 9 rows' }
 */
export function applyBudgetProof(table: Table, map: ColumnMap, proof: BudgetProof): Record<string, string> {
  const evidence: Record<string, string> = {};
  const taken = new Set(PROVEN.map((k) => proof.roles[k]).filter((c): c is number => c !== undefined));
  for (const [role, col] of Object.entries(map.roles) as Array<[Role, number]>) {
    if (taken.has(col) && !(PROVEN as readonly string[]).includes(role)) delete map.roles[role];
  }
  for (const role of PROVEN) {
    const col = proof.roles[role];
    if (col === undefined) continue;
    const before = map.roles[role];
    map.roles[role] = col;
    const label = table.columns[col]?.trim();
    evidence[role] = before === col ? `header "${label}" and arithmetic: ${proof.evidence}` : `arithmetic (${before === undefined ? 'no header role' : `header proposed column ${before}`}): column ${col}${label ? ` "${label}"` : ''}; ${proof.evidence}`;
  }
  return evidence;
}
