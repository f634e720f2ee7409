/**
 * Text anchors: how the generator pins a printed item to a page, and how gold.ts finds that page in
 * a rendered PDF's text layer. Matching ignores whitespace (the renderers wrap lines and pdftotext
 * inserts or drops spaces) and compatibility characters (ligatures), but respects number boundaries
 * in the spaced text, so `1.250` is found neither inside `11.250` or `1.250.000` nor in `1.2501.000`
 * (two cells, `1.250` and `1.000`, would be read apart by their space).
 */

/**
 * Text without whitespace, NFKC-normalised.
 *
 * @example
 *   squash('Rp. 1.234\n500'); // 'Rp.1.234500'
 */
export function squash(s: string): string {
  return s.normalize('NFKC').replace(/\s+/gu, '');
}

const DIGIT = /[0-9]/;

function pattern(needle: string): RegExp | null {
  const chars = [...squash(needle)];
  if (!chars.length) return null;
  const body = chars.map((c) => c.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('\\s*');
  const start = DIGIT.test(chars[0]!) ? '(?<![0-9])(?<![0-9][.,])' : '';
  const end = DIGIT.test(chars[chars.length - 1]!) ? '(?![0-9])(?![.,][0-9])' : '';
  return new RegExp(`${start}${body}${end}`, 'gu');
}

/**
 * Occurrences of `needle` in `haystack`, whitespace-insensitive, not continuing a number.
 *
 * @example
 *   anchorCount('1.250 dan 11.250 dan 1.250.000', '1.250'); // 1
 *   anchorCount('4.614.906.600 4.263.165.449', '4.614.906.600'); // 1
 */
export function anchorCount(haystack: string, needle: string): number {
  const re = pattern(needle);
  if (!re) return 0;
  return [...haystack.normalize('NFKC').matchAll(re)].length;
}

/**
 * Start offsets of the occurrences of `needle` in `haystack` (same matching as `anchorCount`).
 *
 * @example
 *   anchorPositions('a 1,5 b 1,5', '1,5'); // [2, 8]
 */
export function anchorPositions(haystack: string, needle: string): number[] {
  const re = pattern(needle);
  if (!re) return [];
  return [...haystack.normalize('NFKC').matchAll(re)].map((m) => m.index);
}
