import { citedIds, renderLocation } from './citations.js';
import type { Answer, Lang } from './types.js';

/**
 * An answer for a terminal: `[id]` markers become numbered references `[1]`, listed below with
 * page, table and row.
 *
 * @example
 *   renderAnswer(answer);
 *   // 'Realisasi … 93,05 — hal. 8 [1], hal. 10 [2] …\n\nSumber:\n[1] hal. 8, tabel t7, baris 3 — t7.r3c4 …'
 */
export function renderAnswer(answer: Answer, lang: Lang = answer.language): string {
  const numbers = new Map<string, number>();
  for (const id of citedIds(answer.text)) if (answer.citations.some((c) => c.id === id)) numbers.set(id, numbers.size + 1);
  const body = answer.text.replace(/\[([A-Za-z0-9][A-Za-z0-9._:-]*)\]/g, (whole, id: string) => (numbers.has(id) ? `[${numbers.get(id)}]` : whole));
  const out: string[] = [];
  if (answer.notice) out.push(`(${answer.notice})`, '');
  out.push(body);
  const sources = renderSources(answer, lang, numbers);
  if (sources) out.push('', sources);
  return out.join('\n') + '\n';
}

/**
 * The citations of an answer, one a line (what `/sources` prints in `lkjip chat`).
 *
 * @example
 *   renderSources(answer, 'en'); // 'Sources:\n[1] p. 8, table t7, row 3 — t7.r3c4: 93,05'
 */
export function renderSources(answer: Answer, lang: Lang = answer.language, numbers?: Map<string, number>): string {
  if (!answer.citations.length) return '';
  const lines = answer.citations.map((c, i) => {
    const n = numbers?.get(c.id) ?? i + 1;
    const what = c.kind === 'finding' ? '' : c.text ? `: ${oneLine(c.text, 90)}` : '';
    const caption = c.caption ? ` (${oneLine(c.caption, 60)})` : '';
    return `[${n}] ${renderLocation(c, lang)} — ${c.id}${what}${caption}`;
  });
  return [`${lang === 'id' ? 'Sumber' : 'Sources'}:`, ...lines].join('\n');
}

function oneLine(s: string, max: number): string {
  const t = s.replace(/\s+/g, ' ').trim();
  return t.length <= max ? t : `${t.slice(0, max - 1)}…`;
}
