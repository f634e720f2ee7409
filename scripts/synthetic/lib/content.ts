/**
 * Names for the synthetic reports: offices, and their programs, kegiatan and sub-kegiatan after the
 * Kepmendagri 050-5889/2021 nomenclature (shortened where the real names run to several lines). The
 * regions are made up so that no synthetic report can be mistaken for a real one.
 */

export interface KegiatanDef {
  /** `2.01` (the `2` marks kabupaten/kota). */
  code: string;
  name: string;
  /** [code, name]: code `0001`. */
  subs: Array<[string, string]>;
}

export interface ProgramDef {
  /** `02`. */
  code: string;
  name: string;
  kegiatan: KegiatanDef[];
}

export interface Office {
  /** As printed in prose: `Dinas Kesehatan`. */
  name: string;
  /** Urusan and bidang code: `1.02`. */
  bidang: string;
  /** The affairs it runs, for the prose: `kesehatan`. */
  urusan: string;
  head: string;
  programs: ProgramDef[];
}

/** The support program every office runs (code `X.XX.01`). */
export const PENUNJANG: ProgramDef = {
  code: '01',
  name: 'PROGRAM PENUNJANG URUSAN PEMERINTAHAN DAERAH KABUPATEN/KOTA',
  kegiatan: [
    {
      code: '2.01',
      name: 'Perencanaan, Penganggaran, dan Evaluasi Kinerja Perangkat Daerah',
      subs: [
        ['0001', 'Penyusunan Dokumen Perencanaan Perangkat Daerah'],
        ['0006', 'Koordinasi dan Penyusunan Laporan Capaian Kinerja dan Ikhtisar Realisasi Kinerja SKPD'],
        ['0007', 'Evaluasi Kinerja Perangkat Daerah'],
      ],
    },
    {
      code: '2.02',
      name: 'Administrasi Keuangan Perangkat Daerah',
      subs: [
        ['0001', 'Penyediaan Gaji dan Tunjangan ASN'],
        ['0002', 'Penyediaan Administrasi Pelaksanaan Tugas ASN'],
      ],
    },
    {
      code: '2.06',
      name: 'Administrasi Umum Perangkat Daerah',
      subs: [
        ['0002', 'Penyediaan Peralatan dan Perlengkapan Kantor'],
        ['0004', 'Penyediaan Bahan Logistik Kantor'],
        ['0005', 'Penyediaan Barang Cetakan dan Penggandaan'],
        ['0009', 'Penyelenggaraan Rapat Koordinasi dan Konsultasi SKPD'],
      ],
    },
    {
      code: '2.08',
      name: 'Penyediaan Jasa Penunjang Urusan Pemerintahan Daerah',
      subs: [
        ['0002', 'Penyediaan Jasa Komunikasi, Sumber Daya Air dan Listrik'],
        ['0004', 'Penyediaan Jasa Pelayanan Umum Kantor'],
      ],
    },
    {
      code: '2.09',
      name: 'Pemeliharaan Barang Milik Daerah Penunjang Urusan Pemerintahan Daerah',
      subs: [
        ['0002', 'Penyediaan Jasa Pemeliharaan, Biaya Pemeliharaan, dan Pajak Kendaraan Dinas Operasional'],
        ['0009', 'Pemeliharaan/Rehabilitasi Gedung Kantor dan Bangunan Lainnya'],
      ],
    },
  ],
};

export const OFFICES = {
  dinkes: {
    name: 'Dinas Kesehatan',
    bidang: '1.02',
    urusan: 'kesehatan',
    head: 'Kepala Dinas Kesehatan',
    programs: [
      PENUNJANG,
      {
        code: '02',
        name: 'PROGRAM PEMENUHAN UPAYA KESEHATAN PERORANGAN DAN UPAYA KESEHATAN MASYARAKAT',
        kegiatan: [
          {
            code: '2.01',
            name: 'Penyediaan Fasilitas Pelayanan Kesehatan untuk UKM dan UKP Kewenangan Daerah Kabupaten/Kota',
            subs: [
              ['0014', 'Pengadaan Alat Kesehatan/Alat Penunjang Medik Fasilitas Pelayanan Kesehatan'],
              ['0020', 'Pemeliharaan Rutin dan Berkala Alat Kesehatan Fasilitas Pelayanan Kesehatan'],
            ],
          },
          {
            code: '2.02',
            name: 'Penyediaan Layanan Kesehatan untuk UKM dan UKP Rujukan Tingkat Daerah Kabupaten/Kota',
            subs: [
              ['0001', 'Pengelolaan Pelayanan Kesehatan Ibu Hamil'],
              ['0004', 'Pengelolaan Pelayanan Kesehatan Balita'],
              ['0011', 'Pengelolaan Pelayanan Kesehatan Orang Terduga Tuberkulosis'],
              ['0020', 'Pengelolaan Pelayanan Kesehatan Gizi Masyarakat'],
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
            name: 'Perencanaan Kebutuhan dan Pendayagunaan Sumber Daya Manusia Kesehatan',
            subs: [
              ['0001', 'Perencanaan dan Distribusi serta Pemerataan Sumber Daya Manusia Kesehatan'],
              ['0002', 'Pengembangan Mutu dan Peningkatan Kompetensi Teknis Sumber Daya Manusia Kesehatan'],
            ],
          },
        ],
      },
      {
        code: '05',
        name: 'PROGRAM PEMBERDAYAAN MASYARAKAT BIDANG KESEHATAN',
        kegiatan: [
          {
            code: '2.01',
            name: 'Advokasi, Pemberdayaan, Kemitraan, Peningkatan Peran serta Masyarakat dan Lintas Sektor',
            subs: [
              ['0001', 'Peningkatan Upaya Advokasi Kesehatan, Pemberdayaan dan Penggalangan Kemitraan'],
              ['0002', 'Penyelenggaraan Promosi Kesehatan dan Gerakan Hidup Bersih dan Sehat'],
            ],
          },
        ],
      },
    ],
  },
  disdik: {
    name: 'Dinas Pendidikan',
    bidang: '1.01',
    urusan: 'pendidikan',
    head: 'Kepala Dinas Pendidikan',
    programs: [
      PENUNJANG,
      {
        code: '02',
        name: 'PROGRAM PENGELOLAAN PENDIDIKAN',
        kegiatan: [
          {
            code: '2.01',
            name: 'Pengelolaan Pendidikan Sekolah Dasar',
            subs: [
              ['0002', 'Pembangunan Ruang Kelas Baru'],
              ['0009', 'Rehabilitasi Sedang/Berat Ruang Kelas Sekolah'],
              ['0025', 'Pengadaan Perlengkapan Sekolah'],
              ['0030', 'Pengelolaan Dana BOS Sekolah Dasar'],
            ],
          },
          {
            code: '2.02',
            name: 'Pengelolaan Pendidikan Sekolah Menengah Pertama',
            subs: [
              ['0009', 'Rehabilitasi Sedang/Berat Ruang Guru Sekolah'],
              ['0026', 'Pengadaan Mebel Sekolah'],
              ['0030', 'Pengelolaan Dana BOS Sekolah Menengah Pertama'],
            ],
          },
          {
            code: '2.03',
            name: 'Pengelolaan Pendidikan Anak Usia Dini (PAUD)',
            subs: [['0021', 'Pembinaan Kelembagaan dan Manajemen PAUD']],
          },
        ],
      },
      {
        code: '03',
        name: 'PROGRAM PENGEMBANGAN KURIKULUM',
        kegiatan: [
          {
            code: '2.01',
            name: 'Penetapan Kurikulum Muatan Lokal Pendidikan Dasar',
            subs: [
              ['0001', 'Penyusunan Kurikulum Muatan Lokal Pendidikan Dasar'],
              ['0002', 'Pengembangan Kurikulum Muatan Lokal Pendidikan Dasar'],
            ],
          },
        ],
      },
      {
        code: '04',
        name: 'PROGRAM PENDIDIK DAN TENAGA KEPENDIDIKAN',
        kegiatan: [
          {
            code: '2.01',
            name: 'Pemerataan Kuantitas dan Kualitas Pendidik dan Tenaga Kependidikan',
            subs: [
              ['0001', 'Perhitungan dan Pemetaan Pendidik dan Tenaga Kependidikan'],
              ['0003', 'Pengembangan Karir Pendidik dan Tenaga Kependidikan'],
            ],
          },
        ],
      },
    ],
  },
  pupr: {
    name: 'Dinas Pekerjaan Umum dan Penataan Ruang',
    bidang: '1.03',
    urusan: 'pekerjaan umum dan penataan ruang',
    head: 'Kepala Dinas Pekerjaan Umum dan Penataan Ruang',
    programs: [
      PENUNJANG,
      {
        code: '02',
        name: 'PROGRAM PENGELOLAAN SUMBER DAYA AIR (SDA)',
        kegiatan: [
          {
            code: '2.01',
            name: 'Pengelolaan SDA dan Bangunan Pengaman Pantai pada Wilayah Sungai Kewenangan Kabupaten',
            subs: [
              ['0010', 'Rehabilitasi Jaringan Irigasi Permukaan'],
              ['0013', 'Operasi dan Pemeliharaan Jaringan Irigasi Permukaan'],
            ],
          },
        ],
      },
      {
        code: '03',
        name: 'PROGRAM PENGELOLAAN DAN PENGEMBANGAN SISTEM PENYEDIAAN AIR MINUM',
        kegiatan: [
          {
            code: '2.01',
            name: 'Pengelolaan dan Pengembangan Sistem Penyediaan Air Minum (SPAM) di Daerah Kabupaten',
            subs: [
              ['0004', 'Pembangunan SPAM Jaringan Perpipaan di Kawasan Perdesaan'],
              ['0011', 'Perluasan SPAM Jaringan Perpipaan'],
            ],
          },
        ],
      },
      {
        code: '10',
        name: 'PROGRAM PENYELENGGARAAN JALAN',
        kegiatan: [
          {
            code: '2.01',
            name: 'Penyelenggaraan Jalan Kabupaten/Kota',
            subs: [
              ['0015', 'Rekonstruksi Jalan'],
              ['0017', 'Rehabilitasi Jalan'],
              ['0018', 'Pemeliharaan Berkala Jalan'],
              ['0027', 'Pembangunan Jembatan'],
            ],
          },
        ],
      },
      {
        code: '11',
        name: 'PROGRAM PENGEMBANGAN JASA KONSTRUKSI',
        kegiatan: [
          {
            code: '2.03',
            name: 'Penyelenggaraan Pelatihan Tenaga Ahli Konstruksi',
            subs: [['0001', 'Pelatihan Tenaga Terampil Konstruksi']],
          },
        ],
      },
    ],
  },
  kecamatan: {
    name: 'Kecamatan Bukit Indah',
    bidang: '7.01',
    urusan: 'pemerintahan umum di tingkat kecamatan',
    head: 'Camat Bukit Indah',
    programs: [
      PENUNJANG,
      {
        code: '02',
        name: 'PROGRAM PENYELENGGARAAN PEMERINTAHAN DAN PELAYANAN PUBLIK',
        kegiatan: [
          {
            code: '2.01',
            name: 'Koordinasi Penyelenggaraan Kegiatan Pemerintahan di Tingkat Kecamatan',
            subs: [
              ['0001', 'Koordinasi/Sinergi Perencanaan dan Pelaksanaan Kegiatan Pemerintahan dengan Perangkat Daerah'],
              ['0002', 'Fasilitasi, Rekomendasi dan Koordinasi Pembinaan dan Pengawasan Pemerintahan Kelurahan'],
            ],
          },
          {
            code: '2.02',
            name: 'Penyelenggaraan Urusan Pemerintahan yang Tidak Dilaksanakan oleh Unit Kerja Perangkat Daerah',
            subs: [['0001', 'Pelayanan Administrasi Terpadu Kecamatan']],
          },
        ],
      },
      {
        code: '03',
        name: 'PROGRAM PEMBERDAYAAN MASYARAKAT DESA DAN KELURAHAN',
        kegiatan: [
          {
            code: '2.01',
            name: 'Pemberdayaan Kelurahan',
            subs: [
              ['0001', 'Pemberdayaan Masyarakat'],
              ['0004', 'Evaluasi Kelurahan'],
            ],
          },
          {
            code: '2.02',
            name: 'Kegiatan Pemberdayaan dan Kesejahteraan Keluarga',
            subs: [['0001', 'Penumbuhan Kesadaran Keluarga dalam Peningkatan Derajat Kesehatan Keluarga']],
          },
        ],
      },
      {
        code: '04',
        name: 'PROGRAM KOORDINASI KETENTRAMAN DAN KETERTIBAN UMUM',
        kegiatan: [
          {
            code: '2.01',
            name: 'Koordinasi Upaya Penyelenggaraan Ketenteraman dan Ketertiban Umum',
            subs: [['0001', 'Sinergi dengan Polri dan TNI Serta Instansi Vertikal Terkait Wilayah Kecamatan']],
          },
        ],
      },
    ],
  },
  dinsos: {
    name: 'Dinas Sosial',
    bidang: '1.06',
    urusan: 'sosial',
    head: 'Kepala Dinas Sosial',
    programs: [
      PENUNJANG,
      {
        code: '02',
        name: 'PROGRAM PEMBERDAYAAN SOSIAL',
        kegiatan: [
          {
            code: '2.04',
            name: 'Pengembangan Potensi Sumber Kesejahteraan Sosial Daerah Kabupaten/Kota',
            subs: [['0001', 'Peningkatan Kemampuan Potensi Pekerja Sosial Masyarakat']],
          },
        ],
      },
      {
        code: '04',
        name: 'PROGRAM REHABILITASI SOSIAL',
        kegiatan: [
          {
            code: '2.01',
            name: 'Rehabilitasi Sosial Dasar Penyandang Disabilitas, Anak dan Lanjut Usia Terlantar di Luar Panti',
            subs: [
              ['0001', 'Penyediaan Permakanan'],
              ['0007', 'Pemberian Pelayanan Reunifikasi Keluarga'],
            ],
          },
          {
            code: '2.02',
            name: 'Rehabilitasi Sosial Penyandang Masalah Kesejahteraan Sosial (PMKS) Lainnya',
            subs: [['0003', 'Pemberian Bimbingan Fisik, Mental, Spiritual, dan Sosial']],
          },
        ],
      },
      {
        code: '05',
        name: 'PROGRAM PERLINDUNGAN DAN JAMINAN SOSIAL',
        kegiatan: [
          {
            code: '2.02',
            name: 'Pengelolaan Data Fakir Miskin Cakupan Daerah Kabupaten/Kota',
            subs: [
              ['0001', 'Pendataan Fakir Miskin Cakupan Daerah Kabupaten/Kota'],
              ['0002', 'Pengelolaan Data Fakir Miskin'],
            ],
          },
        ],
      },
      {
        code: '06',
        name: 'PROGRAM PENANGANAN BENCANA',
        kegiatan: [
          {
            code: '2.01',
            name: 'Perlindungan Sosial Korban Bencana Alam dan Sosial Kabupaten/Kota',
            subs: [
              ['0001', 'Penyediaan Makanan'],
              ['0002', 'Penyediaan Sandang'],
            ],
          },
        ],
      },
    ],
  },
  inspektorat: {
    name: 'Inspektorat Daerah',
    bidang: '6.01',
    urusan: 'pengawasan penyelenggaraan pemerintahan daerah',
    head: 'Inspektur Daerah',
    programs: [
      PENUNJANG,
      {
        code: '02',
        name: 'PROGRAM PENYELENGGARAAN PENGAWASAN',
        kegiatan: [
          {
            code: '2.01',
            name: 'Penyelenggaraan Pengawasan Internal',
            subs: [
              ['0001', 'Pengawasan Kinerja Pemerintah Daerah'],
              ['0002', 'Pengawasan Keuangan Pemerintah Daerah'],
              ['0003', 'Reviu Laporan Kinerja'],
              ['0004', 'Reviu Laporan Keuangan'],
            ],
          },
          {
            code: '2.02',
            name: 'Penyelenggaraan Pengawasan dengan Tujuan Tertentu',
            subs: [
              ['0001', 'Pengawasan Desa'],
              ['0003', 'Pemeriksaan Khusus/Investigasi'],
            ],
          },
        ],
      },
      {
        code: '03',
        name: 'PROGRAM PERUMUSAN KEBIJAKAN, PENDAMPINGAN DAN ASISTENSI',
        kegiatan: [
          {
            code: '2.01',
            name: 'Perumusan Kebijakan Teknis di Bidang Pengawasan dan Fasilitasi Pengawasan',
            subs: [
              ['0001', 'Penyusunan Kebijakan Teknis Pengawasan'],
              ['0004', 'Koordinasi Pengawasan yang Lebih Efektif'],
            ],
          },
          {
            code: '2.02',
            name: 'Pendampingan dan Asistensi',
            subs: [
              ['0001', 'Pendampingan Tindak Lanjut Hasil Pemeriksaan'],
              ['0002', 'Pelaksanaan Asistensi Pengelolaan Keuangan Daerah'],
            ],
          },
        ],
      },
    ],
  },
  dishub: {
    name: 'Dinas Perhubungan',
    bidang: '2.15',
    urusan: 'perhubungan',
    head: 'Kepala Dinas Perhubungan',
    programs: [
      PENUNJANG,
      {
        code: '02',
        name: 'PROGRAM PENYELENGGARAAN LALU LINTAS DAN ANGKUTAN JALAN (LLAJ)',
        kegiatan: [
          {
            code: '2.01',
            name: 'Penetapan Rencana Induk Jaringan LLAJ Kabupaten/Kota',
            subs: [['0001', 'Penyusunan Rencana Induk Jaringan LLAJ']],
          },
          {
            code: '2.02',
            name: 'Penyediaan Perlengkapan Jalan di Jalan Kabupaten/Kota',
            subs: [
              ['0001', 'Pengadaan Rambu Lalu Lintas'],
              ['0002', 'Pengadaan Marka Jalan'],
              ['0003', 'Pengadaan Alat Penerangan Jalan'],
              ['0007', 'Pemeliharaan Perlengkapan Jalan'],
            ],
          },
          {
            code: '2.03',
            name: 'Pengelolaan Terminal Penumpang Tipe C',
            subs: [
              ['0001', 'Operasional Terminal Penumpang Tipe C'],
              ['0003', 'Rehabilitasi Terminal'],
            ],
          },
          {
            code: '2.06',
            name: 'Pengujian Berkala Kendaraan Bermotor',
            subs: [['0001', 'Pelaksanaan Pengujian Berkala Kendaraan Bermotor']],
          },
        ],
      },
      {
        code: '03',
        name: 'PROGRAM PENGELOLAAN PELAYARAN',
        kegiatan: [
          {
            code: '2.01',
            name: 'Penerbitan Izin Usaha Angkutan Laut',
            subs: [['0001', 'Fasilitasi Pemenuhan Persyaratan Izin Usaha Angkutan Laut']],
          },
        ],
      },
    ],
  },
} satisfies Record<string, Office>;

export type OfficeKey = keyof typeof OFFICES;
