import { distance } from 'fastest-levenshtein';
import type { EntityKind, FactEntity, FactIndex } from './facts.js';
import { loanForm } from './loan.js';
import { analyze, root, type Retriever } from './retrieval.js';

/**
 * Matches the words a question names an entity with against the fact index's entities: each word
 * weighs by how rare it is among the report's names (so "program" or "persentase" count little and
 * "pencatatan" much), words match when equal after normalisation, within a small edit distance, by
 * a shared prefix, or as an acronym of the name's words.
 */

export interface EntityMatch {
  entity: FactEntity;
  /** 0..1: the weighted share of the question's words the name covers, and of the name's words the question covers. */
  score: number;
  /** Weighted share of the question's words the name covers. */
  covered: number;
}

/**
 * Entities named by `terms`, best first.
 *
 * @example
 *   matchFacts(facts, retriever, ['ikm'])[0].entity.name; // 'Indeks Kepuasan Masyarakat …'
 */
export function matchFacts(fx: FactIndex, retriever: Retriever, terms: string[], kinds: EntityKind[] = [], optional: ReadonlySet<string> = new Set()): EntityMatch[] {
  const q = [...new Set(terms)];
  if (!q.length) return [];
  const entities = [...fx.entities.values()].filter((e) => !kinds.length || kinds.includes(e.kind));
  const df = new Map<string, number>();
  for (const e of fx.entities.values()) for (const t of e.terms) df.set(t, (df.get(t) ?? 0) + 1);
  const n = Math.max(fx.entities.size, 1);
  // A word no name has weighs like a fairly rare one: it may name something the report lacks, or just be a word of the question.
  const weight = (t: string) => Math.log(1 + n / (df.get(t) ?? 2));
  const out: EntityMatch[] = [];
  for (const e of entities) {
    if (!e.terms.size) continue;
    const names = [...e.terms];
    let coveredW = 0;
    let totalW = 0;
    const hitNames = new Set<string>();
    for (const t of q) {
      const expansion = retriever.expansionOf(t);
      const isCode = /^\d+(?:\.\d+)+$/.test(t);
      let w = isCode ? 3 : weight(t);
      let hit: string[] = [];
      if (isCode) {
        if (e.kode && e.kode.replace(/\s+/g, '') === t) hit = names;
      } else if (expansion && expansion.every((x) => names.some((nm) => like(x, nm)))) {
        hit = expansion.flatMap((x) => names.filter((nm) => like(x, nm)));
        w = Math.max(w, expansion.reduce((a, x) => a + weight(x), 0) / Math.max(expansion.length, 1) * 1.5);
      } else {
        hit = names.filter((nm) => like(t, nm));
        // An English word in its Indonesian loan spelling ("identification" → "identifikasi").
        if (!hit.length) {
          const loan = loanForm(t);
          if (loan !== t && loan.length >= 5) hit = names.filter((nm) => like(loan, nm));
        }
        if (!hit.length && acronymOf(e).includes(t)) hit = names;
        if (!hit.length && /^\p{L}{2,3}$/u.test(t)) hit = initialsBeside(t, e, q);
        if (!hit.length && t.length >= 5) hit = syllabicHits(t, e);
      }
      if (hit.length || !optional.has(t)) totalW += w;
      if (hit.length) {
        coveredW += w;
        for (const h of hit) hitNames.add(h);
      }
    }
    if (!coveredW) continue;
    const nameW = names.reduce((a, t) => a + weight(t), 0);
    const nameHitW = [...hitNames].reduce((a, t) => a + weight(t), 0);
    const covered = totalW ? coveredW / totalW : 0;
    const score = 0.65 * covered + 0.35 * (nameW ? nameHitW / nameW : 0);
    out.push({ entity: e, score, covered });
  }
  return out.sort((a, b) => b.score - a.score || b.covered - a.covered);
}

/** Two normalised words are the same word: equal, a typo apart, or one a long prefix of the other. */
export function like(a: string, b: string): boolean {
  if (a === b) return true;
  // Morphological variants of one root ("status" / "berstatus", "hambat" / "penghambat").
  const ra = root(a);
  if (ra.length >= 4 && ra === root(b)) return true;
  if (a.length >= 5 && b.length >= 5) {
    if (a.startsWith(b) || b.startsWith(a)) return Math.min(a.length, b.length) >= 5;
    const d = distance(a, b);
    return d <= (Math.min(a.length, b.length) >= 8 ? 2 : 1);
  }
  return false;
}

const ACRONYMS = new WeakMap<FactEntity, string[]>();

/** Initials of an entity's names ("Indeks Kepuasan Masyarakat" → "ikm"), and acronyms printed in brackets. */
function acronymOf(e: FactEntity): string[] {
  let a = ACRONYMS.get(e);
  if (a) return a;
  const out = new Set<string>();
  for (const n of e.names) {
    const words = n.split(/[^\p{L}]+/u).filter((w) => w && !/^(dan|yang|di|ke|dari|untuk|pada|terkait|dalam|of|the|and)$/i.test(w));
    const initials = words.map((w) => w[0]!.toLowerCase()).join('');
    for (let len = 2; len <= Math.min(initials.length, 6); len++) out.add(initials.slice(0, len));
    for (const m of n.matchAll(/\(([A-Za-z]{2,8})\)/g)) out.add(m[1]!.toLowerCase());
  }
  a = [...out].filter((x) => x.length >= 3 || e.names.some((n) => new RegExp(`\\b${x}\\b`, 'i').test(n)));
  ACRONYMS.set(e, a);
  return a;
}

const STOP_IN_NAMES = /^(dan|yang|di|ke|dari|untuk|pada|terkait|dalam|of|the|and)$/i;

/**
 * A short acronym written beside another word of the name ("IP ASN" for "Indeks Profesionalitas
 * ASN"): the initials of consecutive name words right before or after a word the question also has.
 * Returns the name's terms those words are, or none.
 */
function initialsBeside(token: string, e: FactEntity, q: readonly string[]): string[] {
  for (const n of e.names) {
    const words = n.toLowerCase().split(/[^\p{L}]+/u).filter((w) => w && !STOP_IN_NAMES.test(w));
    for (let i = 0; i + token.length <= words.length; i++) {
      const run = words.slice(i, i + token.length);
      if (run.map((w) => w[0]).join('') !== token) continue;
      const beside = [words[i - 1], words[i + token.length]].filter((w): w is string => !!w);
      if (!beside.some((w) => q.some((x) => x !== token && like(x, analyze(w)[0] ?? w)))) continue;
      return [...e.terms].filter((x) => run.some((w) => like(x, analyze(w)[0] ?? w)));
    }
  }
  return [];
}

/**
 * The name words a syllabic acronym is made of: Indonesian shortens a name by taking a piece of
 * each of its consecutive words ("trantibum": ketenteraman, ketertiban, umum; "disdukcapil": dinas,
 * kependudukan, pencatatan, sipil). Each piece starts at a syllable of its word and takes letters of
 * the word in order (a spelling may drop a vowel: "tran" of "ketenteraman"); two pieces at least,
 * of two letters at least each, covering the whole word asked. Empty when no name is so made.
 * Stricter than `contracts` in grounded.ts, which only tells whether a word could shorten the
 * office's own name (any letters in order over three words).
 *
 * @example
 *   syllabicPieces('trantibum', ['ketenteraman', 'ketertiban', 'umum']); // ['ketenteraman', 'ketertiban', 'umum']
 */
export function syllabicPieces(token: string, words: readonly string[]): string[] {
  const fits = (from: number, k: number): number[] | null => {
    if (from === token.length) return [];
    const w = words[k];
    if (w === undefined) return null;
    for (const o of onsets(w)) {
      if (w[o] !== token[from]) continue;
      // Longest piece first: the letters of the token found in order in the word from this syllable.
      let at = o + 1;
      let len = 1;
      const ends: number[] = [];
      while (from + len < token.length) {
        const i = w.indexOf(token[from + len]!, at);
        if (i < 0) break;
        at = i + 1;
        len++;
        ends.push(len);
      }
      for (const l of ends.reverse()) {
        const rest = fits(from + l, k + 1);
        if (rest) return [k, ...rest];
      }
    }
    return null;
  };
  for (let start = 0; start + 1 < words.length; start++) {
    const used = fits(0, start);
    if (used && used.length >= 2) return used.map((k) => words[k]!);
  }
  return [];
}

/** Where a word's syllables start: its first letter, and each consonant (or ng, ny, kh, sy) before a vowel. */
function onsets(w: string): number[] {
  const vowel = (ch: string | undefined) => ch !== undefined && 'aeiou'.includes(ch);
  const out = [0];
  for (let i = 1; i + 1 < w.length; i++) {
    if (vowel(w[i]) || !vowel(w[i + 1])) continue;
    const pair = w.slice(i - 1, i + 1);
    out.push(/^(ng|ny|kh|sy)$/.test(pair) && i - 1 > 0 ? i - 1 : i);
  }
  return [...new Set(out)];
}

/** The normalised name words of `e` that `token`, read as a syllabic acronym, is made of. */
function syllabicHits(token: string, e: FactEntity): string[] {
  if (!/^\p{L}+$/u.test(token)) return [];
  for (const n of e.names) {
    const words = n.toLowerCase().split(/[^\p{L}]+/u).filter((w) => w && !STOP_IN_NAMES.test(w));
    const used = syllabicPieces(token, words);
    if (used.length) return [...e.terms].filter((t) => used.some((u) => like(t, u)));
  }
  return [];
}

