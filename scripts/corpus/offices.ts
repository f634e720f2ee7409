/**
 * The offices the randomised corpus writes reports for: the seven of the synthetic corpus
 * (scripts/synthetic/lib/content.ts, programs unchanged) plus nine more, so that every kind of
 * perangkat daerah appears. Each office states its usual sasaran and a pool of indicators with
 * their unit, how their values behave and their polarity.
 *
 * Programs, kegiatan and sub-kegiatan follow the Kepmendagri 050-5889/2021 nomenclature (with the
 * sub-kegiatan names of its later updates where those are better known), shortened where the real
 * names run to several lines. Where the nomenclature gives an office's bidang only one program
 * besides the support program (Sekretariat DPRD `4.02`, BKPSDM `5.03`), the office keeps that one
 * program rather than borrowing codes that do not exist.
 */
import { OFFICES, PENUNJANG, type Office } from '../synthetic/lib/content.js';

export type OfficeKind = 'dinas' | 'badan' | 'kecamatan' | 'inspektorat' | 'rsud' | 'satpolpp' | 'sekretariat';

export interface IndicatorTemplate {
  /** As printed in the PK: `Persentase balita gizi buruk yang mendapat perawatan`. */
  name: string;
  /** `%`, `indeks`, `nilai`, `orang`, `dokumen`, `kasus`, `level`, `per 1.000 KH`, `hari` … */
  satuan: string;
  /**
   * How values behave: `percent` 0–100 with decimals; `index` a score (0–100, or a 1–4/1–5 scale
   * when the range says so) with 2 decimals; `count` whole numbers of a counted unit; `level` 1–5,
   * whole or with 2 decimals; `rate` a ratio (per 1.000, per 100.000, days, tonnes…) with decimals.
   */
  kind: 'percent' | 'index' | 'count' | 'level' | 'rate';
  /** Lower is better (mortality, prevalence, open findings, waiting time…). */
  lower?: boolean;
  /** Plausible target range. */
  range: [number, number];
}

export interface OfficeDef extends Office {
  /** Unique: `dinkes`, `bappeda`. */
  key: string;
  kind: OfficeKind;
  /** Strategic goals (sasaran) this office typically states: 3–6 phrases. */
  sasaran: string[];
  /** 8–14 indicators; at least 2 lower-is-better. */
  indicators: IndicatorTemplate[];
}

// ---------------------------------------------------------------------------------------------
// Indicator helpers

type Kind = IndicatorTemplate['kind'];

function ind(name: string, satuan: string, kind: Kind, range: [number, number], lower = false): IndicatorTemplate {
  return lower ? { name, satuan, kind, lower: true, range } : { name, satuan, kind, range };
}

const pct = (name: string, range: [number, number], lower = false): IndicatorTemplate => ind(name, '%', 'percent', range, lower);
const count = (name: string, satuan: string, range: [number, number], lower = false): IndicatorTemplate => ind(name, satuan, 'count', range, lower);

/** The accountability score every office reports (SAKIP evaluation, 0–100). */
const sakip = (name = 'Nilai SAKIP Perangkat Daerah', range: [number, number] = [60, 85]): IndicatorTemplate => ind(name, 'nilai', 'index', range);
/** Public satisfaction (IKM), on the 0–100 conversion scale. */
const ikm = (name = 'Indeks Kepuasan Masyarakat (IKM)', range: [number, number] = [76, 90]): IndicatorTemplate => ind(name, 'nilai', 'index', range);
/** Public satisfaction printed on the 1–4 scale of the survey itself. */
const ikm4 = (name = 'Indeks Kepuasan Masyarakat', range: [number, number] = [3.0, 3.6]): IndicatorTemplate => ind(name, 'indeks', 'index', range);

// ---------------------------------------------------------------------------------------------
// The seven offices of the synthetic corpus

const dinkes: OfficeDef = {
  ...OFFICES.dinkes,
  key: 'dinkes',
  kind: 'dinas',
  sasaran: [
    'Meningkatnya derajat kesehatan masyarakat',
    'Meningkatnya akses dan mutu pelayanan kesehatan',
    'Meningkatnya status gizi masyarakat',
    'Menurunnya angka kesakitan penyakit menular dan tidak menular',
    'Meningkatnya akuntabilitas kinerja Dinas Kesehatan',
  ],
  indicators: [
    ind('Angka Kematian Ibu (AKI)', 'per 100.000 KH', 'rate', [70, 250], true),
    ind('Angka Kematian Bayi (AKB)', 'per 1.000 KH', 'rate', [5, 20], true),
    pct('Prevalensi stunting pada balita', [10, 25], true),
    pct('Persentase balita gizi buruk yang mendapat perawatan', [80, 100]),
    pct('Cakupan persalinan di fasilitas pelayanan kesehatan', [85, 100]),
    pct('Persentase desa/kelurahan Stop Buang Air Besar Sembarangan (SBS)', [40, 90]),
    pct('Angka keberhasilan pengobatan tuberkulosis (success rate)', [85, 95]),
    count('Jumlah kasus kematian ibu', 'kasus', [2, 15], true),
    count('Jumlah puskesmas terakreditasi paripurna', 'puskesmas', [2, 10]),
    pct('Persentase penduduk yang memiliki jaminan kesehatan', [85, 100]),
    ikm('Indeks Kepuasan Masyarakat terhadap pelayanan puskesmas'),
    sakip(),
  ],
};

const disdik: OfficeDef = {
  ...OFFICES.disdik,
  key: 'disdik',
  kind: 'dinas',
  sasaran: [
    'Meningkatnya akses pendidikan dasar yang merata',
    'Meningkatnya mutu pendidikan dasar dan anak usia dini',
    'Meningkatnya kualitas pendidik dan tenaga kependidikan',
    'Meningkatnya tata kelola penyelenggaraan pendidikan',
  ],
  indicators: [
    pct('Angka Partisipasi Murni (APM) SD/MI', [90, 99]),
    pct('Angka Partisipasi Murni (APM) SMP/MTs', [70, 90]),
    pct('Angka Partisipasi Kasar (APK) PAUD', [50, 85]),
    pct('Angka putus sekolah SD/MI', [0.05, 0.5], true),
    pct('Angka putus sekolah SMP/MTs', [0.1, 1.2], true),
    ind('Rata-rata lama sekolah', 'tahun', 'rate', [7, 10]),
    ind('Harapan lama sekolah', 'tahun', 'rate', [12, 14]),
    pct('Persentase guru yang memenuhi kualifikasi S1/D-IV', [85, 99]),
    count('Jumlah sekolah terakreditasi A', 'sekolah', [10, 80]),
    pct('Persentase satuan pendidikan dengan kemampuan literasi di atas kompetensi minimum', [40, 80]),
    count('Jumlah anak tidak sekolah (ATS)', 'orang', [100, 1500], true),
    ikm4(),
    sakip(),
  ],
};

const pupr: OfficeDef = {
  ...OFFICES.pupr,
  key: 'pupr',
  kind: 'dinas',
  sasaran: [
    'Meningkatnya kualitas infrastruktur jalan dan jembatan',
    'Meningkatnya layanan air minum dan sanitasi',
    'Meningkatnya kinerja pengelolaan sumber daya air',
    'Terwujudnya penataan ruang yang berkualitas',
  ],
  indicators: [
    pct('Persentase panjang jalan kabupaten dalam kondisi mantap', [60, 90]),
    pct('Persentase jembatan kabupaten dalam kondisi baik', [70, 95]),
    pct('Persentase panjang jalan kabupaten dalam kondisi rusak berat', [5, 25], true),
    count('Jumlah jembatan yang dibangun/direhabilitasi', 'unit', [2, 12]),
    pct('Persentase rumah tangga dengan akses air minum layak', [70, 95]),
    pct('Tingkat kehilangan air (non revenue water) SPAM kabupaten', [20, 40], true),
    pct('Persentase jaringan irigasi kewenangan kabupaten dalam kondisi baik', [55, 85]),
    count('Jumlah titik genangan di kawasan perkotaan', 'titik', [5, 40], true),
    pct('Persentase kesesuaian pemanfaatan ruang dengan RTRW', [70, 95]),
    count('Jumlah Rencana Detail Tata Ruang (RDTR) yang ditetapkan', 'dokumen', [1, 4]),
    pct('Persentase tenaga kerja konstruksi bersertifikat', [20, 60]),
    ikm('Indeks Kepuasan Masyarakat terhadap pelayanan PBG'),
    sakip(),
  ],
};

const kecamatan: OfficeDef = {
  ...OFFICES.kecamatan,
  key: 'kecamatan',
  kind: 'kecamatan',
  sasaran: [
    'Meningkatnya kualitas pelayanan administrasi terpadu kecamatan',
    'Meningkatnya kualitas penyelenggaraan pemerintahan di tingkat kecamatan',
    'Meningkatnya ketenteraman dan ketertiban umum di wilayah kecamatan',
    'Meningkatnya partisipasi masyarakat dalam pembangunan',
  ],
  indicators: [
    ikm('Indeks Kepuasan Masyarakat terhadap layanan PATEN'),
    pct('Persentase layanan administrasi yang diselesaikan tepat waktu', [85, 100]),
    count('Rata-rata waktu penyelesaian layanan PATEN', 'hari', [1, 5], true),
    count('Jumlah pengaduan masyarakat yang belum ditindaklanjuti', 'pengaduan', [1, 8], true),
    pct('Persentase desa/kelurahan yang menyampaikan laporan penyelenggaraan pemerintahan tepat waktu', [70, 100]),
    count('Jumlah kejadian gangguan ketenteraman dan ketertiban umum', 'kejadian', [3, 30], true),
    pct('Persentase usulan Musrenbang kecamatan yang diakomodasi dalam RKPD', [30, 70]),
    count('Jumlah lembaga kemasyarakatan kelurahan yang dibina', 'lembaga', [5, 30]),
    pct('Persentase desa berstatus maju dan mandiri', [20, 60]),
    sakip(),
  ],
};

const dinsos: OfficeDef = {
  ...OFFICES.dinsos,
  key: 'dinsos',
  kind: 'dinas',
  sasaran: [
    'Meningkatnya kesejahteraan sosial penyandang masalah kesejahteraan sosial (PMKS)',
    'Meningkatnya perlindungan dan jaminan sosial bagi masyarakat miskin',
    'Meningkatnya kualitas data terpadu kesejahteraan sosial',
    'Meningkatnya perlindungan sosial korban bencana',
  ],
  indicators: [
    pct('Persentase PMKS yang tertangani', [40, 85]),
    pct('Persentase penyandang disabilitas terlantar yang mendapat rehabilitasi sosial dasar di luar panti', [60, 100]),
    count('Jumlah gelandangan, pengemis dan anak jalanan', 'orang', [10, 120], true),
    pct('Persentase penduduk miskin', [6, 15], true),
    pct('Persentase keluarga penerima manfaat PKH yang graduasi mandiri', [2, 15]),
    count('Jumlah data DTKS yang diverifikasi dan divalidasi', 'KK', [5000, 40000]),
    pct('Persentase korban bencana yang menerima bantuan sosial pada masa tanggap darurat', [90, 100]),
    count('Jumlah Potensi dan Sumber Kesejahteraan Sosial (PSKS) yang aktif', 'lembaga', [20, 120]),
    pct('Persentase anak terlantar di luar panti yang terpenuhi kebutuhan dasarnya', [60, 100]),
    count('Rata-rata waktu penanganan pengaduan sosial', 'hari', [2, 7], true),
    ikm(),
    sakip(),
  ],
};

const inspektorat: OfficeDef = {
  ...OFFICES.inspektorat,
  key: 'inspektorat',
  kind: 'inspektorat',
  sasaran: [
    'Meningkatnya kualitas pengawasan internal',
    'Meningkatnya akuntabilitas pengelolaan keuangan daerah',
    'Meningkatnya kapabilitas Aparat Pengawas Intern Pemerintah (APIP)',
    'Menurunnya penyimpangan dalam penyelenggaraan pemerintahan daerah',
  ],
  indicators: [
    ind('Level kapabilitas APIP', 'level', 'level', [2, 4]),
    ind('Level maturitas Sistem Pengendalian Intern Pemerintah (SPIP)', 'level', 'level', [2, 4]),
    pct('Persentase tindak lanjut rekomendasi hasil pemeriksaan', [70, 100]),
    pct('Persentase temuan hasil pemeriksaan yang belum ditindaklanjuti', [5, 30], true),
    count('Jumlah temuan berulang', 'temuan', [2, 20], true),
    count('Jumlah pengaduan masyarakat yang ditangani', 'kasus', [5, 30]),
    ind('Nilai Monitoring Center for Prevention (MCP)', 'nilai', 'index', [60, 95]),
    count('Jumlah obyek pemeriksaan reguler', 'OPD', [20, 50]),
    pct('Persentase kerugian daerah yang telah dikembalikan', [40, 90]),
    sakip('Nilai SAKIP Pemerintah Daerah', [60, 80]),
    sakip('Nilai SAKIP Inspektorat Daerah'),
  ],
};

const dishub: OfficeDef = {
  ...OFFICES.dishub,
  key: 'dishub',
  kind: 'dinas',
  sasaran: [
    'Meningkatnya keselamatan lalu lintas dan angkutan jalan',
    'Meningkatnya kualitas pelayanan angkutan umum',
    'Meningkatnya ketersediaan perlengkapan jalan',
    'Meningkatnya pelayanan perhubungan laut',
  ],
  indicators: [
    count('Jumlah kecelakaan lalu lintas', 'kejadian', [50, 400], true),
    ind('Angka fatalitas kecelakaan lalu lintas', 'per 10.000 kendaraan', 'rate', [0.5, 3], true),
    pct('Persentase ketersediaan perlengkapan jalan (rambu, marka, APILL)', [40, 80]),
    pct('Persentase kendaraan wajib uji yang lulus uji berkala', [70, 95]),
    count('Jumlah titik rawan kecelakaan (black spot)', 'titik', [5, 30], true),
    pct('Load factor angkutan umum dalam trayek', [40, 75]),
    count('Jumlah Alat Pemberi Isyarat Lalu Lintas (APILL) terpasang', 'unit', [5, 40]),
    pct('Persentase terminal penumpang tipe C dalam kondisi baik', [50, 100]),
    ikm('Indeks Kepuasan Masyarakat terhadap pelayanan pengujian kendaraan bermotor'),
    sakip(),
  ],
};

// ---------------------------------------------------------------------------------------------
// New offices

const bappeda: OfficeDef = {
  key: 'bappeda',
  kind: 'badan',
  name: 'Badan Perencanaan Pembangunan Daerah',
  bidang: '5.01',
  urusan: 'perencanaan pembangunan daerah',
  head: 'Kepala Badan Perencanaan Pembangunan Daerah',
  programs: [
    PENUNJANG,
    {
      code: '02',
      name: 'PROGRAM PERENCANAAN, PENGENDALIAN DAN EVALUASI PEMBANGUNAN DAERAH',
      kegiatan: [
        {
          code: '2.01',
          name: 'Penyusunan Perencanaan dan Pendanaan',
          subs: [
            ['0001', 'Analisis Kondisi Daerah, Permasalahan, dan Isu Strategis Pembangunan Daerah'],
            ['0003', 'Pelaksanaan Konsultasi Publik'],
            ['0005', 'Pelaksanaan Musrenbang Kabupaten/Kota'],
            ['0007', 'Koordinasi Penyusunan dan Penetapan Dokumen Perencanaan Pembangunan Daerah Kabupaten/Kota'],
          ],
        },
        {
          code: '2.02',
          name: 'Analisis Data dan Informasi Pemerintahan Daerah Bidang Perencanaan Pembangunan Daerah',
          subs: [
            ['0001', 'Analisis Data dan Informasi Perencanaan Pembangunan Daerah'],
            ['0002', 'Penyusunan Profil dan Indikator Pembangunan Daerah'],
          ],
        },
        {
          code: '2.03',
          name: 'Pengendalian, Evaluasi dan Pelaporan Bidang Perencanaan Pembangunan Daerah',
          subs: [
            ['0001', 'Koordinasi Pengendalian Perencanaan dan Pelaksanaan Pembangunan Daerah di Kabupaten/Kota'],
            ['0003', 'Monitoring, Evaluasi dan Penyusunan Laporan Berkala Pelaksanaan Pembangunan Daerah'],
          ],
        },
      ],
    },
    {
      code: '03',
      name: 'PROGRAM KOORDINASI DAN SINKRONISASI PERENCANAAN PEMBANGUNAN DAERAH',
      kegiatan: [
        {
          code: '2.01',
          name: 'Koordinasi Perencanaan Bidang Pemerintahan dan Pembangunan Manusia',
          subs: [
            ['0001', 'Koordinasi Penyusunan Dokumen Perencanaan Pembangunan Daerah Bidang Pemerintahan (RPJPD, RPJMD dan RKPD)'],
            ['0005', 'Koordinasi Penyusunan Dokumen Perencanaan Pembangunan Daerah Bidang Pembangunan Manusia (RPJPD, RPJMD dan RKPD)'],
            ['0006', 'Asistensi Penyusunan Dokumen Perencanaan Pembangunan Perangkat Daerah Bidang Pembangunan Manusia'],
          ],
        },
        {
          code: '2.02',
          name: 'Koordinasi Perencanaan Bidang Perekonomian dan SDA (Sumber Daya Alam)',
          subs: [
            ['0001', 'Koordinasi Penyusunan Dokumen Perencanaan Pembangunan Daerah Bidang Perekonomian (RPJPD, RPJMD dan RKPD)'],
            ['0005', 'Koordinasi Penyusunan Dokumen Perencanaan Pembangunan Daerah Bidang SDA (RPJPD, RPJMD dan RKPD)'],
          ],
        },
        {
          code: '2.03',
          name: 'Koordinasi Perencanaan Bidang Infrastruktur dan Kewilayahan',
          subs: [
            ['0001', 'Koordinasi Penyusunan Dokumen Perencanaan Pembangunan Daerah Bidang Infrastruktur (RPJPD, RPJMD dan RKPD)'],
            ['0004', 'Koordinasi Pelaksanaan Sinergitas dan Harmonisasi Perencanaan Pembangunan Daerah Bidang Infrastruktur'],
            ['0005', 'Koordinasi Penyusunan Dokumen Perencanaan Pembangunan Daerah Bidang Kewilayahan (RPJPD, RPJMD dan RKPD)'],
          ],
        },
      ],
    },
  ],
  sasaran: [
    'Meningkatnya kualitas dokumen perencanaan pembangunan daerah',
    'Meningkatnya konsistensi antara perencanaan dan penganggaran pembangunan daerah',
    'Meningkatnya kualitas pengendalian dan evaluasi pembangunan daerah',
    'Meningkatnya pemanfaatan data dan informasi dalam perencanaan pembangunan',
  ],
  indicators: [
    pct('Persentase konsistensi program RPJMD dengan RKPD', [85, 100]),
    pct('Persentase konsistensi program RKPD dengan APBD', [85, 100]),
    pct('Persentase capaian Indikator Kinerja Utama (IKU) daerah', [70, 95]),
    ind('Nilai evaluasi rancangan RKPD oleh Pemerintah Provinsi', 'nilai', 'index', [70, 90]),
    count('Jumlah dokumen perencanaan pembangunan daerah yang ditetapkan tepat waktu', 'dokumen', [3, 8]),
    pct('Persentase usulan Musrenbang yang terakomodasi dalam RKPD', [30, 70]),
    count('Jumlah program perangkat daerah yang tidak selaras dengan RPJMD', 'program', [2, 15], true),
    pct('Deviasi realisasi fisik dan keuangan pembangunan daerah', [3, 15], true),
    pct('Persentase rekomendasi hasil evaluasi pembangunan yang ditindaklanjuti', [60, 95]),
    count('Jumlah kajian perencanaan yang dimanfaatkan dalam penyusunan kebijakan', 'kajian', [2, 8]),
    ind('Indeks kualitas dokumen perencanaan pembangunan daerah', 'nilai', 'index', [60, 90]),
    sakip(),
  ],
};

/** Penyelamatan non kebakaran sits with BPBD in many kabupaten (with Satpol PP in others). */
const bpbd: OfficeDef = {
  key: 'bpbd',
  kind: 'badan',
  name: 'Badan Penanggulangan Bencana Daerah',
  bidang: '1.05',
  urusan: 'ketenteraman dan ketertiban umum serta perlindungan masyarakat sub urusan bencana',
  head: 'Kepala Pelaksana Badan Penanggulangan Bencana Daerah',
  programs: [
    PENUNJANG,
    {
      code: '03',
      name: 'PROGRAM PENANGGULANGAN BENCANA',
      kegiatan: [
        {
          code: '2.01',
          name: 'Pelayanan Informasi Rawan Bencana Kabupaten/Kota',
          subs: [
            ['0001', 'Penyusunan Kajian Risiko Bencana Kabupaten/Kota'],
            ['0002', 'Sosialisasi, Komunikasi, Informasi dan Edukasi (KIE) Rawan Bencana Kabupaten/Kota (Per Jenis Ancaman Bencana)'],
          ],
        },
        {
          code: '2.02',
          name: 'Pelayanan Pencegahan dan Kesiapsiagaan Terhadap Bencana',
          subs: [
            ['0001', 'Penyusunan Rencana Penanggulangan Bencana'],
            ['0003', 'Penyusunan Rencana Kontinjensi'],
            ['0005', 'Pelatihan Pencegahan dan Mitigasi Bencana Kabupaten/Kota'],
            ['0006', 'Gladi Kesiapsiagaan Terhadap Bencana Kabupaten/Kota'],
          ],
        },
        {
          code: '2.03',
          name: 'Pelayanan Penyelamatan dan Evakuasi Korban Bencana',
          subs: [
            ['0001', 'Respon Cepat Darurat Bencana Kabupaten/Kota'],
            ['0002', 'Pencarian, Pertolongan dan Evakuasi Korban Bencana Kabupaten/Kota'],
            ['0003', 'Penyediaan Logistik Penyelamatan dan Evakuasi Korban Bencana Kabupaten/Kota'],
          ],
        },
        {
          code: '2.04',
          name: 'Penataan Sistem Dasar Penanggulangan Bencana',
          subs: [
            ['0001', 'Penguatan Kelembagaan Bencana Kabupaten/Kota'],
            ['0003', 'Penyusunan Kajian Kebutuhan Pascabencana (JITUPASNA) dan Rencana Rehabilitasi dan Rekonstruksi Pascabencana (R3P) Kabupaten/Kota'],
          ],
        },
      ],
    },
    {
      code: '04',
      name: 'PROGRAM PENCEGAHAN, PENANGGULANGAN, PENYELAMATAN KEBAKARAN DAN PENYELAMATAN NON KEBAKARAN',
      kegiatan: [
        {
          code: '2.01',
          name: 'Pencegahan, Pengendalian, Pemadaman, Penyelamatan, dan Penanganan Bahan Berbahaya dan Beracun Kebakaran dalam Daerah Kabupaten/Kota',
          subs: [
            ['0001', 'Pencegahan Kebakaran dalam Daerah Kabupaten/Kota'],
            ['0002', 'Pemadaman dan Pengendalian Kebakaran dalam Daerah Kabupaten/Kota'],
          ],
        },
        {
          code: '2.05',
          name: 'Penyelenggaraan Operasi Pencarian dan Pertolongan Terhadap Kondisi Membahayakan Manusia',
          subs: [
            ['0001', 'Penyelenggaraan Operasi Pencarian dan Pertolongan pada Peristiwa yang Membahayakan dan/atau Mengancam Keselamatan Manusia'],
            ['0005', 'Pengadaan Sarana dan Prasarana Pencarian dan Pertolongan Terhadap Kondisi Membahayakan Manusia'],
          ],
        },
      ],
    },
  ],
  sasaran: [
    'Menurunnya indeks risiko bencana daerah',
    'Meningkatnya kesiapsiagaan masyarakat dalam menghadapi bencana',
    'Meningkatnya kecepatan dan ketepatan penanganan darurat bencana',
    'Meningkatnya kualitas rehabilitasi dan rekonstruksi pascabencana',
  ],
  indicators: [
    ind('Indeks Risiko Bencana Indonesia (IRBI) kabupaten', 'indeks', 'rate', [100, 180], true),
    pct('Persentase desa/kelurahan tangguh bencana', [10, 40]),
    count('Waktu tanggap penanganan darurat bencana', 'jam', [1, 6], true),
    count('Jumlah korban jiwa akibat bencana', 'orang', [1, 15], true),
    pct('Persentase warga negara yang memperoleh layanan informasi rawan bencana', [60, 100]),
    pct('Persentase korban bencana yang dievakuasi kurang dari 24 jam', [90, 100]),
    count('Jumlah desa tangguh bencana yang dibentuk', 'desa', [2, 10]),
    count('Jumlah dokumen kajian risiko bencana dan rencana kontinjensi yang disusun', 'dokumen', [1, 4]),
    count('Waktu tanggap (response time) operasi pencarian dan pertolongan', 'menit', [15, 45], true),
    pct('Persentase rumah rusak akibat bencana yang direhabilitasi', [40, 90]),
    sakip(),
  ],
};

const bkpsdm: OfficeDef = {
  key: 'bkpsdm',
  kind: 'badan',
  name: 'Badan Kepegawaian dan Pengembangan Sumber Daya Manusia',
  bidang: '5.03',
  urusan: 'kepegawaian dan pengembangan sumber daya manusia aparatur',
  head: 'Kepala Badan Kepegawaian dan Pengembangan Sumber Daya Manusia',
  programs: [
    PENUNJANG,
    {
      code: '02',
      name: 'PROGRAM KEPEGAWAIAN DAERAH',
      kegiatan: [
        {
          code: '2.01',
          name: 'Pengadaan, Pemberhentian dan Informasi Kepegawaian ASN',
          subs: [
            ['0002', 'Penyusunan Rencana Kebutuhan, Jenis dan Jumlah Jabatan untuk Pelaksanaan Pengadaan ASN'],
            ['0003', 'Koordinasi dan Fasilitasi Pengadaan PNS dan PPPK'],
            ['0006', 'Koordinasi Pelaksanaan Administrasi Pemberhentian'],
            ['0010', 'Pengelolaan Sistem Informasi Kepegawaian'],
          ],
        },
        {
          code: '2.02',
          name: 'Mutasi dan Promosi ASN',
          subs: [
            ['0001', 'Pengelolaan Mutasi ASN'],
            ['0002', 'Pengelolaan Kenaikan Pangkat ASN'],
            ['0003', 'Pengelolaan Promosi ASN'],
          ],
        },
        {
          code: '2.03',
          name: 'Pengembangan Kompetensi ASN',
          subs: [
            ['0002', 'Pengelolaan Assessment Center'],
            ['0004', 'Pengelolaan Pendidikan Lanjutan ASN'],
            ['0005', 'Koordinasi dan Kerja Sama Pelaksanaan Diklat'],
          ],
        },
        {
          code: '2.04',
          name: 'Penilaian dan Evaluasi Kinerja Aparatur',
          subs: [
            ['0002', 'Pelaksanaan Penilaian dan Evaluasi Kinerja Aparatur'],
            ['0004', 'Pengelolaan Pemberian Penghargaan bagi Pegawai'],
            ['0007', 'Pembinaan Disiplin ASN'],
          ],
        },
      ],
    },
  ],
  sasaran: [
    'Meningkatnya profesionalitas aparatur sipil negara',
    'Meningkatnya kualitas manajemen ASN berbasis sistem merit',
    'Meningkatnya kompetensi ASN',
    'Meningkatnya disiplin ASN',
  ],
  indicators: [
    ind('Indeks Profesionalitas ASN', 'nilai', 'index', [60, 80]),
    pct('Persentase jabatan pimpinan tinggi dan administrator yang diisi sesuai standar kompetensi', [80, 100]),
    pct('Persentase ASN yang memenuhi standar kompetensi jabatan', [50, 85]),
    pct('Persentase ASN yang mengikuti pengembangan kompetensi minimal 20 jam pelajaran', [60, 100]),
    count('Jumlah pelanggaran disiplin ASN', 'kasus', [5, 40], true),
    pct('Persentase layanan kepegawaian yang diselesaikan tepat waktu', [85, 100]),
    count('Rata-rata waktu penyelesaian usulan kenaikan pangkat', 'hari', [7, 30], true),
    count('Jumlah ASN yang mengikuti uji kompetensi (assessment)', 'orang', [50, 400]),
    pct('Persentase data kepegawaian yang mutakhir pada SIASN', [80, 100]),
    count('Jumlah ASN yang melanjutkan tugas belajar', 'orang', [5, 40]),
    ikm('Indeks Kepuasan Masyarakat terhadap layanan kepegawaian'),
    sakip(),
  ],
};

/** The nomenclature gives pendapatan one kegiatan (5.02.04.2.01) with many sub-kegiatan. */
const bapenda: OfficeDef = {
  key: 'bapenda',
  kind: 'badan',
  name: 'Badan Pendapatan Daerah',
  bidang: '5.02',
  urusan: 'keuangan sub urusan pendapatan daerah',
  head: 'Kepala Badan Pendapatan Daerah',
  programs: [
    PENUNJANG,
    {
      code: '02',
      name: 'PROGRAM PENGELOLAAN KEUANGAN DAERAH',
      kegiatan: [
        {
          code: '2.02',
          name: 'Koordinasi dan Pengelolaan Perbendaharaan Daerah',
          subs: [
            ['0005', 'Koordinasi, Fasilitasi, Asistensi, Sinkronisasi, Supervisi, Monitoring dan Evaluasi Pengelolaan Dana Perimbangan dan Dana Transfer Lainnya'],
            ['0009', 'Rekonsiliasi Data Penerimaan dan Pengeluaran Kas serta Pemungutan dan Pemotongan atas SP2D dengan Instansi Terkait'],
          ],
        },
        {
          code: '2.05',
          name: 'Pengelolaan Data dan Implementasi Sistem Informasi Pemerintah Daerah Lingkup Keuangan Daerah',
          subs: [
            ['0001', 'Inventarisasi dan Analisis Data Bidang Keuangan Daerah'],
            ['0002', 'Implementasi dan Pemeliharaan Sistem Informasi Pemerintah Daerah Bidang Keuangan Daerah'],
          ],
        },
      ],
    },
    {
      code: '04',
      name: 'PROGRAM PENGELOLAAN PENDAPATAN DAERAH',
      kegiatan: [
        {
          code: '2.01',
          name: 'Pengelolaan Pendapatan Daerah',
          subs: [
            ['0003', 'Penyuluhan dan Penyebarluasan Kebijakan Pajak Daerah'],
            ['0005', 'Pendataan dan Pendaftaran Objek Pajak Daerah'],
            ['0007', 'Penilaian Pajak Bumi dan Bangunan Perdesaan dan Perkotaan (PBB-P2) serta Bea Perolehan Hak atas Tanah dan Bangunan (BPHTB)'],
            ['0011', 'Penagihan Pajak Daerah'],
          ],
        },
      ],
    },
  ],
  sasaran: [
    'Meningkatnya pendapatan asli daerah',
    'Meningkatnya kepatuhan wajib pajak daerah',
    'Meningkatnya kualitas pelayanan pajak daerah',
    'Meningkatnya akurasi basis data pajak daerah',
  ],
  indicators: [
    pct('Persentase pertumbuhan penerimaan pajak daerah', [5, 15]),
    pct('Rasio Pendapatan Asli Daerah (PAD) terhadap total pendapatan daerah', [8, 25]),
    pct('Persentase realisasi penerimaan pajak daerah terhadap target', [90, 100]),
    pct('Persentase tunggakan pajak daerah terhadap total ketetapan', [10, 35], true),
    pct('Persentase piutang PBB-P2 yang tertagih', [10, 40]),
    count('Jumlah wajib pajak daerah baru yang terdaftar', 'wajib pajak', [100, 1500]),
    count('Jumlah objek pajak yang didata dan dimutakhirkan', 'objek pajak', [1000, 20000]),
    count('Jumlah permohonan keberatan pajak yang belum diselesaikan', 'kasus', [2, 25], true),
    count('Rata-rata waktu penyelesaian validasi BPHTB', 'hari', [1, 5], true),
    pct('Persentase transaksi pembayaran pajak daerah secara elektronik', [40, 90]),
    ikm4('Indeks Kepuasan Masyarakat terhadap pelayanan pajak daerah'),
    sakip(),
  ],
};

const rsud: OfficeDef = {
  key: 'rsud',
  kind: 'rsud',
  name: 'Rumah Sakit Umum Daerah',
  bidang: '1.02',
  urusan: 'kesehatan sub urusan pelayanan kesehatan rujukan',
  head: 'Direktur Rumah Sakit Umum Daerah',
  programs: [
    // A BLUD hospital runs its own revenue-funded services under the support program (1.02.01.2.10).
    {
      ...PENUNJANG,
      kegiatan: [
        ...PENUNJANG.kegiatan,
        { code: '2.10', name: 'Peningkatan Pelayanan BLUD', subs: [['0001', 'Pelayanan dan Penunjang Pelayanan BLUD']] },
      ],
    },
    {
      code: '02',
      name: 'PROGRAM PEMENUHAN UPAYA KESEHATAN PERORANGAN DAN UPAYA KESEHATAN MASYARAKAT',
      kegiatan: [
        {
          code: '2.01',
          name: 'Penyediaan Fasilitas Pelayanan Kesehatan untuk UKM dan UKP Kewenangan Daerah Kabupaten/Kota',
          subs: [
            ['0008', 'Rehabilitasi dan Pemeliharaan Rumah Sakit'],
            ['0014', 'Pengadaan Alat Kesehatan/Alat Penunjang Medik Fasilitas Pelayanan Kesehatan'],
            ['0020', 'Pemeliharaan Rutin dan Berkala Alat Kesehatan/Alat Penunjang Medik Fasilitas Pelayanan Kesehatan'],
            ['0023', 'Pengadaan Obat, Bahan Habis Pakai, Bahan Medis Habis Pakai, Vaksin, Makanan dan Minuman di Fasilitas Kesehatan'],
          ],
        },
        {
          code: '2.02',
          name: 'Penyediaan Layanan Kesehatan untuk UKM dan UKP Rujukan Tingkat Daerah Kabupaten/Kota',
          subs: [
            ['0033', 'Operasional Pelayanan Rumah Sakit'],
            ['0036', 'Pengelolaan Jaminan Kesehatan Masyarakat'],
            ['0038', 'Penyediaan dan Pengelolaan Data Kesehatan Rujukan'],
          ],
        },
        {
          code: '2.03',
          name: 'Penyelenggaraan Sistem Informasi Kesehatan secara Terintegrasi',
          subs: [
            ['0001', 'Pengelolaan Data dan Informasi Kesehatan'],
            ['0002', 'Pengelolaan Sistem Informasi Kesehatan'],
          ],
        },
      ],
    },
    {
      code: '03',
      name: 'PROGRAM PENINGKATAN KAPASITAS SUMBER DAYA MANUSIA KESEHATAN',
      kegiatan: [
        {
          code: '2.02',
          name: 'Perencanaan Kebutuhan dan Pendayagunaan Sumber Daya Manusia Kesehatan untuk UKP dan UKM di Wilayah Kabupaten/Kota',
          subs: [
            ['0001', 'Perencanaan dan Distribusi serta Pemerataan Sumber Daya Manusia Kesehatan'],
            ['0002', 'Pemenuhan Kebutuhan Sumber Daya Manusia Kesehatan sesuai Standar'],
          ],
        },
        {
          code: '2.03',
          name: 'Pengembangan Mutu dan Peningkatan Kompetensi Teknis Sumber Daya Manusia Kesehatan Tingkat Daerah Kabupaten/Kota',
          subs: [
            ['0001', 'Pengembangan Mutu dan Peningkatan Kompetensi Teknis Sumber Daya Manusia Kesehatan Tingkat Daerah Kabupaten/Kota'],
            ['0002', 'Pelatihan Teknis Tenaga Kesehatan Rumah Sakit'],
          ],
        },
      ],
    },
  ],
  sasaran: [
    'Meningkatnya mutu pelayanan kesehatan rujukan',
    'Meningkatnya keselamatan pasien',
    'Meningkatnya kemandirian keuangan rumah sakit',
    'Meningkatnya kepuasan pasien terhadap pelayanan rumah sakit',
  ],
  indicators: [
    pct('Bed Occupancy Rate (BOR)', [60, 80]),
    ind('Net Death Rate (NDR)', 'per 1.000 pasien keluar', 'rate', [15, 30], true),
    ind('Gross Death Rate (GDR)', 'per 1.000 pasien keluar', 'rate', [30, 50], true),
    ind('Average Length of Stay (AvLOS)', 'hari', 'rate', [3, 6], true),
    count('Waktu tunggu rawat jalan', 'menit', [30, 60], true),
    pct('Kepatuhan identifikasi pasien', [95, 100]),
    pct('Persentase pemenuhan Standar Pelayanan Minimal (SPM) rumah sakit', [80, 100]),
    pct('Cost Recovery Rate (CRR)', [70, 100]),
    count('Jumlah insiden pasien jatuh', 'kejadian', [1, 8], true),
    count('Jumlah kunjungan rawat jalan', 'kunjungan', [30000, 120000]),
    ikm('Indeks Kepuasan Masyarakat terhadap pelayanan rumah sakit'),
    sakip(),
  ],
};

const satpolpp: OfficeDef = {
  key: 'satpolpp',
  kind: 'satpolpp',
  name: 'Satuan Polisi Pamong Praja',
  bidang: '1.05',
  urusan: 'ketenteraman dan ketertiban umum serta perlindungan masyarakat',
  head: 'Kepala Satuan Polisi Pamong Praja',
  programs: [
    PENUNJANG,
    {
      code: '02',
      name: 'PROGRAM PENINGKATAN KETENTERAMAN DAN KETERTIBAN UMUM',
      kegiatan: [
        {
          code: '2.01',
          name: 'Penanganan Gangguan Ketenteraman dan Ketertiban Umum dalam 1 (Satu) Daerah Kabupaten/Kota',
          subs: [
            ['0003', 'Koordinasi Penyelenggaraan Ketenteraman dan Ketertiban Umum serta Perlindungan Masyarakat Tingkat Kabupaten/Kota'],
            ['0004', 'Pemberdayaan Perlindungan Masyarakat dalam rangka Ketenteraman dan Ketertiban Umum'],
            ['0005', 'Peningkatan Kapasitas SDM Satuan Polisi Pamong Praja dan Satuan Perlindungan Masyarakat'],
            ['0015', 'Pencegahan Gangguan Ketenteraman dan Ketertiban Umum melalui Deteksi Dini dan Cegah Dini, Pembinaan dan Penyuluhan, Pelaksanaan Patroli, Pengamanan, dan Pengawalan'],
          ],
        },
        {
          code: '2.02',
          name: 'Penegakan Peraturan Daerah Kabupaten/Kota dan Peraturan Bupati/Wali Kota',
          subs: [
            ['0004', 'Pembinaan dan Penyuluhan terhadap Pelanggar Peraturan Daerah dan Peraturan Kepala Daerah'],
            ['0011', 'Penanganan atas Pelanggaran Peraturan Daerah dan Peraturan Kepala Daerah'],
            ['0012', 'Pengawasan atas Kepatuhan terhadap Pelaksanaan Peraturan Daerah dan Peraturan Kepala Daerah'],
          ],
        },
        {
          code: '2.03',
          name: 'Pembinaan Penyidik Pegawai Negeri Sipil (PPNS) Kabupaten/Kota',
          subs: [
            ['0005', 'Dukungan Operasional Sekretariat PPNS'],
            ['0006', 'Pengembangan Kapasitas dan Karier PPNS'],
          ],
        },
      ],
    },
    {
      code: '04',
      name: 'PROGRAM PENCEGAHAN, PENANGGULANGAN, PENYELAMATAN KEBAKARAN DAN PENYELAMATAN NON KEBAKARAN',
      kegiatan: [
        {
          code: '2.01',
          name: 'Pencegahan, Pengendalian, Pemadaman, Penyelamatan, dan Penanganan Bahan Berbahaya dan Beracun Kebakaran dalam Daerah Kabupaten/Kota',
          subs: [
            ['0001', 'Pencegahan Kebakaran dalam Daerah Kabupaten/Kota'],
            ['0002', 'Pemadaman dan Pengendalian Kebakaran dalam Daerah Kabupaten/Kota'],
            ['0017', 'Pengadaan Sarana dan Prasarana Pencegahan, Penanggulangan Kebakaran dan Alat Pelindung Diri'],
          ],
        },
        {
          code: '2.02',
          name: 'Inspeksi Peralatan Proteksi Kebakaran',
          subs: [
            ['0001', 'Pendataan Sarana Prasarana Proteksi Kebakaran'],
            ['0002', 'Pemeriksaan Sarana Proteksi Kebakaran pada Bangunan Gedung'],
          ],
        },
        {
          code: '2.04',
          name: 'Pemberdayaan Masyarakat dalam Pencegahan Kebakaran',
          subs: [
            ['0001', 'Pemberdayaan Masyarakat dalam Pencegahan dan Penanggulangan Kebakaran melalui Sosialisasi dan Edukasi Masyarakat'],
            ['0003', 'Dukungan Pemberdayaan Masyarakat/Relawan Pemadam Kebakaran melalui Penyediaan Sarana dan Prasarana'],
          ],
        },
      ],
    },
  ],
  sasaran: [
    'Meningkatnya ketenteraman dan ketertiban umum',
    'Meningkatnya kepatuhan masyarakat terhadap peraturan daerah dan peraturan kepala daerah',
    'Meningkatnya perlindungan masyarakat',
    'Meningkatnya kecepatan penanganan kebakaran',
  ],
  indicators: [
    pct('Persentase gangguan ketenteraman dan ketertiban umum yang dapat diselesaikan', [80, 100]),
    count('Jumlah gangguan ketenteraman dan ketertiban umum', 'kejadian', [20, 150], true),
    pct('Persentase penegakan peraturan daerah dan peraturan kepala daerah', [70, 100]),
    count('Jumlah pelanggaran peraturan daerah dan peraturan kepala daerah', 'kasus', [30, 200], true),
    pct('Persentase anggota Satlinmas yang telah mendapat pelatihan dasar', [20, 60]),
    count('Waktu tanggap (response time) penanganan kebakaran', 'menit', [10, 20], true),
    pct('Persentase tingkat waktu tanggap pada Wilayah Manajemen Kebakaran (WMK)', [60, 95]),
    count('Jumlah PPNS penegak peraturan daerah', 'orang', [3, 15]),
    pct('Persentase cakupan patroli di wilayah rawan gangguan ketertiban', [60, 100]),
    ikm(),
    sakip(),
  ],
};

/** The nomenclature gives the DPRD secretariat a single program besides the support program. */
const setwan: OfficeDef = {
  key: 'setwan',
  kind: 'sekretariat',
  name: 'Sekretariat DPRD',
  bidang: '4.02',
  urusan: 'kesekretariatan dan dukungan pelaksanaan tugas dan fungsi DPRD',
  head: 'Sekretaris DPRD',
  programs: [
    PENUNJANG,
    {
      code: '02',
      name: 'PROGRAM DUKUNGAN PELAKSANAAN TUGAS DAN FUNGSI DPRD',
      kegiatan: [
        {
          code: '2.01',
          name: 'Pembentukan Peraturan Daerah dan Peraturan DPRD',
          subs: [
            ['0001', 'Penyusunan dan Pembahasan Program Pembentukan Peraturan Daerah'],
            ['0002', 'Pembahasan Rancangan Peraturan Daerah'],
            ['0003', 'Penyelenggaraan Kajian Perundang-Undangan'],
          ],
        },
        {
          code: '2.02',
          name: 'Pembahasan Kebijakan Anggaran',
          subs: [
            ['0001', 'Pembahasan KUA dan PPAS'],
            ['0003', 'Pembahasan APBD'],
            ['0004', 'Pembahasan APBD Perubahan'],
            ['0006', 'Pembahasan Pertanggungjawaban APBD'],
          ],
        },
        {
          code: '2.03',
          name: 'Pengawasan Penyelenggaraan Pemerintahan',
          subs: [
            ['0001', 'Pengawasan Urusan Pemerintahan Bidang Pemerintahan dan Hukum'],
            ['0004', 'Pengawasan Urusan Pemerintahan Bidang Perekonomian'],
            ['0008', 'Pembahasan Laporan Keterangan Pertanggungjawaban Kepala Daerah'],
          ],
        },
        {
          code: '2.05',
          name: 'Penyerapan dan Penghimpunan Aspirasi Masyarakat',
          subs: [
            ['0001', 'Kunjungan Kerja dalam Daerah'],
            ['0002', 'Penyusunan Pokok-Pokok Pikiran DPRD'],
            ['0003', 'Pelaksanaan Reses'],
          ],
        },
      ],
    },
  ],
  sasaran: [
    'Meningkatnya kualitas dukungan pelaksanaan fungsi legislasi, anggaran dan pengawasan DPRD',
    'Meningkatnya kualitas pelayanan administrasi kesekretariatan DPRD',
    'Meningkatnya penyerapan dan tindak lanjut aspirasi masyarakat',
  ],
  indicators: [
    pct('Persentase rancangan peraturan daerah yang dibahas sesuai Propemperda', [60, 100]),
    count('Jumlah peraturan daerah yang ditetapkan', 'perda', [4, 15]),
    pct('Persentase dokumen anggaran yang ditetapkan tepat waktu', [90, 100]),
    pct('Persentase rapat DPRD yang terfasilitasi sesuai jadwal', [90, 100]),
    count('Jumlah pokok-pokok pikiran DPRD yang terakomodasi dalam RKPD', 'usulan', [100, 600]),
    pct('Persentase aspirasi masyarakat hasil reses yang ditindaklanjuti', [30, 70]),
    count('Jumlah keterlambatan penyampaian bahan sidang kepada anggota DPRD', 'kali', [1, 8], true),
    count('Jumlah pengaduan pelanggaran kode etik anggota DPRD', 'kasus', [1, 6], true),
    pct('Persentase temuan pemeriksaan pada Sekretariat DPRD yang belum ditindaklanjuti', [5, 30], true),
    ind('Tingkat kepuasan anggota DPRD terhadap pelayanan Sekretariat DPRD', 'nilai', 'index', [75, 90]),
    sakip(),
  ],
};

const setda: OfficeDef = {
  key: 'setda',
  kind: 'sekretariat',
  name: 'Sekretariat Daerah',
  bidang: '4.01',
  urusan: 'pengoordinasian penyusunan kebijakan dan pelayanan administratif perangkat daerah',
  head: 'Sekretaris Daerah',
  programs: [
    PENUNJANG,
    {
      code: '02',
      name: 'PROGRAM PEMERINTAHAN DAN KESEJAHTERAAN RAKYAT',
      kegiatan: [
        {
          code: '2.01',
          name: 'Administrasi Tata Pemerintahan',
          subs: [
            ['0001', 'Penataan Administrasi Pemerintahan'],
            ['0002', 'Pengelolaan Administrasi Kewilayahan'],
            ['0003', 'Fasilitasi Pelaksanaan Otonomi Daerah'],
          ],
        },
        {
          code: '2.02',
          name: 'Pelaksanaan Kebijakan Kesejahteraan Rakyat',
          subs: [
            ['0001', 'Fasilitasi Pengelolaan Bina Mental Spiritual'],
            ['0003', 'Pelaksanaan Kebijakan, Evaluasi, dan Capaian Kinerja Terkait Kesejahteraan Masyarakat'],
          ],
        },
        {
          code: '2.03',
          name: 'Fasilitasi dan Koordinasi Hukum',
          subs: [
            ['0001', 'Fasilitasi Penyusunan Produk Hukum Daerah'],
            ['0002', 'Fasilitasi Bantuan Hukum'],
            ['0003', 'Pendokumentasian Produk Hukum dan Pengelolaan Informasi Hukum'],
          ],
        },
        {
          code: '2.04',
          name: 'Fasilitasi Kerja Sama Daerah',
          subs: [
            ['0001', 'Fasilitasi Kerja Sama Dalam Negeri'],
            ['0002', 'Fasilitasi Kerja Sama Daerah dengan Pihak Ketiga'],
          ],
        },
      ],
    },
    {
      code: '03',
      name: 'PROGRAM PEREKONOMIAN DAN PEMBANGUNAN',
      kegiatan: [
        {
          code: '2.01',
          name: 'Pelaksanaan Kebijakan Perekonomian',
          subs: [
            ['0001', 'Koordinasi, Sinkronisasi, Monitoring dan Evaluasi Kebijakan Pengelolaan BUMD dan BLUD'],
            ['0002', 'Pengendalian dan Distribusi Perekonomian'],
          ],
        },
        {
          code: '2.02',
          name: 'Pelaksanaan Administrasi Pembangunan',
          subs: [
            ['0001', 'Fasilitasi Penyusunan Program Pembangunan'],
            ['0002', 'Pengendalian dan Evaluasi Program Pembangunan'],
            ['0003', 'Pengelolaan Evaluasi dan Pelaporan Pelaksanaan Pembangunan'],
          ],
        },
        {
          code: '2.03',
          name: 'Pengelolaan Pengadaan Barang dan Jasa',
          subs: [
            ['0001', 'Pengelolaan Pengadaan Barang dan Jasa'],
            ['0002', 'Pengelolaan Layanan Pengadaan Secara Elektronik'],
            ['0003', 'Pembinaan dan Advokasi Pengadaan Barang dan Jasa'],
          ],
        },
      ],
    },
  ],
  sasaran: [
    'Meningkatnya kualitas koordinasi penyelenggaraan pemerintahan daerah',
    'Meningkatnya akuntabilitas kinerja pemerintah daerah',
    'Meningkatnya kualitas kebijakan dan produk hukum daerah',
    'Meningkatnya efektivitas pengadaan barang/jasa pemerintah',
    'Meningkatnya kualitas pelayanan publik',
  ],
  indicators: [
    sakip('Nilai SAKIP Pemerintah Daerah', [60, 80]),
    ind('Indeks Reformasi Birokrasi', 'nilai', 'index', [55, 75]),
    ind('Skor Evaluasi Kinerja Penyelenggaraan Pemerintahan Daerah (EKPPD)', 'indeks', 'index', [2.6, 3.4]),
    pct('Persentase produk hukum daerah yang ditetapkan tepat waktu', [70, 100]),
    count('Jumlah produk hukum daerah yang dibatalkan atau harus diperbaiki hasil klarifikasi', 'produk hukum', [1, 5], true),
    pct('Persentase paket pengadaan yang diselesaikan tepat waktu melalui layanan pengadaan secara elektronik', [80, 100]),
    count('Jumlah paket tender yang gagal', 'paket', [2, 20], true),
    count('Jumlah perjanjian kerja sama daerah yang ditandatangani', 'dokumen', [3, 15]),
    pct('Persentase capaian Indikator Kinerja Utama (IKU) pemerintah daerah', [70, 95]),
    ikm('Indeks Kepuasan Masyarakat Pemerintah Daerah'),
    sakip('Nilai SAKIP Sekretariat Daerah'),
  ],
};

const dlh: OfficeDef = {
  key: 'dlh',
  kind: 'dinas',
  name: 'Dinas Lingkungan Hidup',
  bidang: '2.11',
  urusan: 'lingkungan hidup',
  head: 'Kepala Dinas Lingkungan Hidup',
  programs: [
    PENUNJANG,
    {
      code: '02',
      name: 'PROGRAM PERENCANAAN LINGKUNGAN HIDUP',
      kegiatan: [
        {
          code: '2.01',
          name: 'Rencana Perlindungan dan Pengelolaan Lingkungan Hidup (RPPLH) Kabupaten/Kota',
          subs: [
            ['0001', 'Penyusunan RPPLH Kabupaten/Kota'],
            ['0002', 'Koordinasi, Sinkronisasi dan Pemantauan Pelaksanaan RPPLH Kabupaten/Kota'],
          ],
        },
        {
          code: '2.02',
          name: 'Penyelenggaraan Kajian Lingkungan Hidup Strategis (KLHS) Kabupaten/Kota',
          subs: [
            ['0001', 'Pembuatan dan Pelaksanaan KLHS untuk Kebijakan, Rencana dan Program (KRP) Kabupaten/Kota'],
            ['0002', 'Pembuatan dan Pelaksanaan KLHS RPJPD/RPJMD'],
          ],
        },
      ],
    },
    {
      code: '03',
      name: 'PROGRAM PENGENDALIAN PENCEMARAN DAN/ATAU KERUSAKAN LINGKUNGAN HIDUP',
      kegiatan: [
        {
          code: '2.01',
          name: 'Pencegahan Pencemaran dan/atau Kerusakan Lingkungan Hidup Kabupaten/Kota',
          subs: [
            ['0002', 'Koordinasi, Sinkronisasi dan Pelaksanaan Pengendalian Emisi Gas Rumah Kaca, Mitigasi dan Adaptasi Perubahan Iklim'],
            ['0004', 'Koordinasi dan Sinkronisasi Pencegahan Pencemaran Lingkungan Hidup terhadap Media Tanah, Air, Udara, dan Laut'],
            ['0007', 'Pelaksanaan Pemantauan Kualitas Lingkungan Hidup terhadap Media Tanah, Air, Udara, dan Laut'],
          ],
        },
        {
          code: '2.02',
          name: 'Penanggulangan Pencemaran dan/atau Kerusakan Lingkungan Hidup Kabupaten/Kota',
          subs: [
            ['0001', 'Pemberian Informasi Peringatan Pencemaran dan/atau Kerusakan Lingkungan Hidup pada Masyarakat'],
            ['0002', 'Pengisolasian Pencemaran dan/atau Kerusakan Lingkungan Hidup'],
          ],
        },
        {
          code: '2.03',
          name: 'Pemulihan Pencemaran dan/atau Kerusakan Lingkungan Hidup Kabupaten/Kota',
          subs: [
            ['0001', 'Penghentian Sumber Pencemaran dan Pembersihan Unsur Pencemar'],
            ['0002', 'Remediasi dan Rehabilitasi Lingkungan Hidup'],
          ],
        },
      ],
    },
    {
      code: '11',
      name: 'PROGRAM PENGELOLAAN PERSAMPAHAN',
      kegiatan: [
        {
          code: '2.01',
          name: 'Pengelolaan Sampah',
          subs: [
            ['0001', 'Penyusunan Kebijakan dan Strategi Kabupaten/Kota dalam Pengelolaan Sampah Rumah Tangga dan Sampah Sejenis Sampah Rumah Tangga'],
            ['0004', 'Penanganan Sampah dengan Melakukan Pemilahan, Pengumpulan, Pengangkutan, Pengolahan, dan Pemrosesan Akhir'],
            ['0006', 'Peningkatan Peran Serta Masyarakat dalam Pengelolaan Persampahan'],
          ],
        },
        {
          code: '2.02',
          name: 'Penerbitan Izin Pendaurulangan Sampah/Pengolahan Sampah, Pengangkutan Sampah dan Pemrosesan Akhir Sampah yang Diselenggarakan oleh Swasta',
          subs: [
            ['0001', 'Penerbitan Izin Pengolahan, Pengangkutan dan Pemrosesan Akhir Sampah oleh Swasta'],
            ['0002', 'Pengawasan Pelaksanaan Izin Pengelolaan Sampah oleh Swasta'],
          ],
        },
      ],
    },
  ],
  sasaran: [
    'Meningkatnya kualitas lingkungan hidup',
    'Meningkatnya kinerja pengelolaan sampah',
    'Meningkatnya ketaatan pelaku usaha terhadap persetujuan lingkungan',
    'Meningkatnya ketersediaan ruang terbuka hijau',
  ],
  indicators: [
    ind('Indeks Kualitas Lingkungan Hidup (IKLH)', 'nilai', 'index', [55, 75]),
    ind('Indeks Kualitas Air (IKA)', 'nilai', 'index', [45, 65]),
    ind('Indeks Kualitas Udara (IKU)', 'nilai', 'index', [80, 92]),
    pct('Persentase sampah yang tertangani', [50, 80]),
    pct('Persentase pengurangan sampah', [15, 30]),
    ind('Timbulan sampah yang tidak terkelola', 'ton/hari', 'rate', [20, 120], true),
    count('Jumlah pengaduan kasus pencemaran dan/atau perusakan lingkungan', 'kasus', [5, 30], true),
    pct('Persentase usaha dan/atau kegiatan yang taat terhadap persetujuan lingkungan', [50, 90]),
    count('Jumlah bank sampah aktif', 'unit', [10, 80]),
    pct('Persentase luas ruang terbuka hijau publik terhadap luas wilayah perkotaan', [10, 20]),
    count('Jumlah sekolah Adiwiyata', 'sekolah', [3, 20]),
    sakip(),
  ],
};

/** Statistik (2.20) and persandian (2.21) often sit with this office too, under their own bidang. */
const kominfo: OfficeDef = {
  key: 'kominfo',
  kind: 'dinas',
  name: 'Dinas Komunikasi dan Informatika',
  bidang: '2.16',
  urusan: 'komunikasi dan informatika',
  head: 'Kepala Dinas Komunikasi dan Informatika',
  programs: [
    PENUNJANG,
    {
      code: '02',
      name: 'PROGRAM PENGELOLAAN INFORMASI DAN KOMUNIKASI PUBLIK',
      kegiatan: [
        {
          code: '2.01',
          name: 'Pengelolaan Informasi dan Komunikasi Publik Pemerintah Daerah Kabupaten/Kota',
          subs: [
            ['0002', 'Monitoring Opini dan Aspirasi Publik'],
            ['0004', 'Pengelolaan Konten dan Perencanaan Media Komunikasi Publik'],
            ['0005', 'Pengelolaan Media Komunikasi Publik'],
            ['0006', 'Pelayanan Informasi Publik'],
          ],
        },
      ],
    },
    {
      code: '03',
      name: 'PROGRAM PENGELOLAAN APLIKASI INFORMATIKA',
      kegiatan: [
        {
          code: '2.01',
          name: 'Pengelolaan Nama Domain yang Telah Ditetapkan oleh Pemerintah Pusat dan Sub Domain di Lingkup Pemerintah Daerah Kabupaten/Kota',
          subs: [
            ['0001', 'Pengelolaan Nama Domain dan Sub Domain Penyelenggaraan Pemerintah Daerah'],
            ['0002', 'Pengelolaan Nama Domain Pemerintah Desa'],
          ],
        },
        {
          code: '2.02',
          name: 'Pengelolaan E-government di Lingkup Pemerintah Daerah Kabupaten/Kota',
          subs: [
            ['0001', 'Penatalaksanaan dan Pengawasan E-government dalam Pelaksanaan Urusan Pemerintahan Daerah'],
            ['0005', 'Pengembangan Aplikasi dan Proses Bisnis Pemerintahan Berbasis Elektronik'],
            ['0016', 'Penyelenggaraan Pusat Kendali Pemerintah Daerah'],
            ['0024', 'Penyelenggaraan Jaringan Intra Pemerintah Daerah Kabupaten/Kota'],
          ],
        },
      ],
    },
  ],
  sasaran: [
    'Meningkatnya kualitas penyelenggaraan Sistem Pemerintahan Berbasis Elektronik (SPBE)',
    'Meningkatnya keterbukaan informasi publik',
    'Meningkatnya pemanfaatan teknologi informasi dan komunikasi dalam pelayanan publik',
    'Meningkatnya keamanan informasi pemerintah daerah',
  ],
  indicators: [
    ind('Indeks Sistem Pemerintahan Berbasis Elektronik (SPBE)', 'indeks', 'level', [2.0, 3.5]),
    ind('Nilai monitoring dan evaluasi keterbukaan informasi publik', 'nilai', 'index', [60, 90]),
    pct('Persentase perangkat daerah yang terhubung jaringan intra pemerintah', [60, 100]),
    count('Jumlah aplikasi layanan publik yang terintegrasi', 'aplikasi', [3, 20]),
    pct('Persentase permohonan informasi publik yang diselesaikan tepat waktu', [80, 100]),
    count('Jumlah insiden keamanan informasi pada sistem elektronik pemerintah daerah', 'insiden', [2, 25], true),
    pct('Persentase waktu henti (downtime) layanan pusat data', [0.5, 5], true),
    count('Jumlah sengketa informasi publik', 'kasus', [1, 5], true),
    count('Jumlah konten diseminasi informasi yang dipublikasikan', 'konten', [200, 1500]),
    pct('Persentase desa/kelurahan yang terjangkau sinyal internet', [70, 98]),
    sakip(),
  ],
};

export const OFFICE_DEFS: OfficeDef[] = [
  dinkes,
  disdik,
  pupr,
  kecamatan,
  dinsos,
  inspektorat,
  dishub,
  bappeda,
  bpbd,
  bkpsdm,
  bapenda,
  rsud,
  satpolpp,
  setwan,
  setda,
  dlh,
  kominfo,
];

/** The office with this key; throws for an unknown key. */
export function officeDef(key: string): OfficeDef {
  const def = OFFICE_DEFS.find((o) => o.key === key);
  if (!def) throw new Error(`unknown office '${key}'`);
  return def;
}
