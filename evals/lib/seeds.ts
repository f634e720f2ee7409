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
}

const seed = (doc: string, title: string): Seed => ({
  doc,
  title,
  pdf: `${ROOT}samples/${doc}.pdf`,
  txt: `${ROOT}evals/seeds/${doc}.txt`,
});

export const SEEDS: readonly Seed[] = [
  seed('000_7d82b3f27f46e2ac', 'Dinas Kependudukan dan Pencatatan Sipil Kota Dumai, 2023 (tail of scanned pages)'),
  seed('003_eded5028092eddcb', 'Kecamatan Dumai Barat, Kota Dumai, 2023'),
];
