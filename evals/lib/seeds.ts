/**
 * The seed documents every scorer runs on: the sample PDFs and their text conversions, copied into
 * `evals/seeds/` so the evals do not depend on anything outside the repository.
 */
import { fileURLToPath } from 'node:url';

/** Repository root, whatever the working directory. */
export const ROOT = fileURLToPath(new URL('../../', import.meta.url));

export interface Seed {
  doc: string;
  title: string;
  pdf: string;
  txt: string;
  /** PDF pages the hand audit did not cover (evals/gold/README.md, "What was skipped"). */
  unaudited: readonly number[];
}

const seed = (doc: string, title: string, unaudited: readonly number[] = []): Seed => ({
  doc,
  title,
  pdf: `${ROOT}samples/${doc}.pdf`,
  txt: `${ROOT}evals/seeds/${doc}.txt`,
  unaudited,
});

export const SEEDS: readonly Seed[] = [
  // Page 55 is an image-only scan; the hand audit left it out.
  seed('000_7d82b3f27f46e2ac', 'Dinas Kependudukan dan Pencatatan Sipil Kota Dumai, 2023 (tail of scanned pages)', [55]),
  seed('003_eded5028092eddcb', 'Kecamatan Dumai Barat, Kota Dumai, 2023'),
];
