import type { Paragraph } from '../../model/table.js';
import type { Citation } from '../../model/report.js';

const OFFICE = /\b((?:DINAS|BADAN|KECAMATAN|INSPEKTORAT|SEKRETARIAT|KELURAHAN|SATUAN|RUMAH SAKIT|RSUD|KANTOR|BAGIAN)(?:\s+(?!PEMERINTAH\b|KOTA\b|KABUPATEN\b|PROVINSI\b|TAHUN\b)[A-Z][A-Z.&,/-]*){1,8})/;
const PEMDA = /\b(?:PEMERINTAH\s+)?((?:KOTA|KABUPATEN|PROVINSI)\s+(?!TAHUN\b)[A-Z][A-Z]+(?:\s+(?!TAHUN\b|PEMERINTAH\b|KECAMATAN\b|DINAS\b)[A-Z][A-Z]+)?)/;
const YEAR = /\b(?:LKJ-?IP|LAPORAN KINERJA|LAKIP)[^]{0,80}?TAHUN\s+((?:19|20)\d\d)/i;

/**
 * The report's identity from its first pages: office, local government, and the year reported on
 * (the year next to "LKjIP"/"Laporan Kinerja", not the publication year).
 *
 * @example
 *   identify(paragraphs); // { instansi: 'Kecamatan Dumai Barat', pemda: 'Kota Dumai', tahun: 2023, … }
 */
export function identify(paragraphs: Paragraph[]): { instansi: string | null; pemda: string | null; tahun: number | null; cite: Citation | null } {
  const front = paragraphs.filter((p) => p.page <= 3);
  let instansi: string | null = null;
  let pemda: string | null = null;
  let tahun: number | null = null;
  let cite: Citation | null = null;
  for (const p of front) {
    const upper = p.text.replace(/\s+/g, ' ');
    if (!instansi) {
      const m = OFFICE.exec(upper);
      if (m && m[1]!.split(' ').length >= 2) {
        instansi = titleCase(m[1]!.trim().replace(/[,.]$/, ''));
        cite = { page: p.page, table: null, bbox: p.bbox };
      }
    }
    if (!pemda) {
      const m = PEMDA.exec(upper);
      if (m) pemda = titleCase(m[1]!);
    }
    if (!tahun) {
      const m = YEAR.exec(upper);
      if (m) tahun = Number(m[1]);
    }
  }
  if (!tahun) tahun = mostFrequentYear(paragraphs);
  return { instansi, pemda, tahun, cite };
}

function mostFrequentYear(paragraphs: Paragraph[]): number | null {
  const counts = new Map<number, number>();
  for (const p of paragraphs.slice(0, 200)) for (const m of p.text.matchAll(/\btahun\s+((?:19|20)\d\d)\b/gi)) counts.set(Number(m[1]), (counts.get(Number(m[1])) ?? 0) + 1);
  let best: number | null = null;
  for (const [y, n] of counts) if (best === null || n > (counts.get(best) ?? 0)) best = y;
  return best;
}

function titleCase(s: string): string {
  return s
    .toLowerCase()
    .split(' ')
    .map((w) => (w.length <= 3 && ['dan', 'di', 'ke'].includes(w) ? w : w.charAt(0).toUpperCase() + w.slice(1)))
    .join(' ');
}
