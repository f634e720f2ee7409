/**
 * The small report of `fixture.ts` with two more tables: a comparison of two years and a budget
 * realisation table printing the pagu before and after the revision side by side.
 */
import { prepare, type Prepared } from '../../src/chat/index.js';
import { extractReport } from '../../src/extract/index.js';
import { auditReport } from '../../src/pipeline/audit.js';
import { fixtureLayout, grid } from './fixture.js';

export function groundedFixture(): Prepared {
  const layout = fixtureLayout();
  layout.tables.push(
    grid('t4', 11, 'Tabel 3.4 Perbandingan Realisasi Kinerja Tahun 2022 dan 2023', [
      ['No', 'Indikator Kinerja', 'Realisasi 2022', 'Capaian 2022', 'Realisasi 2023', 'Capaian 2023'],
      ['1', 'Indeks Kepuasan Masyarakat (IKM)', '95,10', '110,58%', '93,05', '105,74%'],
    ]),
    grid('t5', 12, 'Tabel 3.7 Realisasi Anggaran Tahun 2023', [
      ['No', 'Program', 'Pagu Murni (Rp)', 'Pagu Perubahan (Rp)', 'Realisasi (Rp)', '%', 'Sisa (Rp)'],
      ['1', 'Program Pendaftaran Penduduk', '200.000.000', '237.541.200', '235.657.400', '99,21', '1.883.800'],
      ['2', 'Program Pencatatan Sipil', '120.000.000', '99.356.000', '98.000.000', '98,64', '1.356.000'],
    ]),
  );
  return prepare({ result: auditReport(extractReport(layout)), layout });
}
