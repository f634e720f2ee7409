import type { Attr } from './facts.js';

/**
 * Indonesian words common in LKjIP names (indicators, programs, kegiatan) with their English
 * counterparts, one group a line; the first word is the canonical term. Used to fold an English
 * question's words onto the Indonesian names the report prints ("population administration
 * services" → "pelayanan administrasi kependudukan").
 */
export const DOMAIN_GROUPS: string[][] = [
  ['pelayanan', 'layanan', 'service', 'services', 'melayani'],
  ['kependudukan', 'penduduk', 'population', 'resident', 'residents', 'citizen', 'citizens', 'demographic'],
  ['pencatatan', 'catatan', 'registration', 'registry', 'recording', 'records'],
  ['sipil', 'civil'],
  ['administrasi', 'administration', 'administrative'],
  ['dokumen', 'document', 'documents'],
  ['persentase', 'percentage', 'proportion', 'share', 'prosentase'],
  ['kualitas', 'mutu', 'quality'],
  ['peningkatan', 'meningkatnya', 'meningkatkan', 'improvement', 'improving', 'increase', 'increasing', 'improved'],
  ['kinerja', 'performance'],
  ['laporan', 'report', 'reports', 'pelaporan', 'reporting'],
  ['keuangan', 'financial', 'finance', 'finances'],
  ['perencanaan', 'rencana', 'planning', 'plan', 'plans'],
  ['evaluasi', 'evaluation', 'assessment'],
  ['penunjang', 'pendukung', 'supporting', 'support'],
  ['urusan', 'affairs', 'affair'],
  ['pemerintahan', 'pemerintah', 'government', 'governmental', 'governance'],
  ['daerah', 'regional', 'region', 'local'],
  ['kabupaten', 'regency'],
  ['kota', 'city', 'municipal', 'municipality'],
  ['aparatur', 'pegawai', 'kepegawaian', 'employee', 'employees', 'staff', 'personnel', 'apparatus'],
  ['kecamatan', 'district', 'subdistrict'],
  ['kelurahan', 'desa', 'village', 'villages', 'ward'],
  ['pembangunan', 'development'],
  ['pemberdayaan', 'empowerment'],
  ['ketenteraman', 'ketentraman', 'peace', 'tranquility', 'tranquillity'],
  ['ketertiban', 'order'],
  ['informasi', 'information'],
  ['sistem', 'system', 'systems'],
  ['terintegrasi', 'integrasi', 'integrated', 'integration'],
  ['akses', 'diakses', 'accessed', 'access', 'accessible'],
  ['pengguna', 'user', 'users'],
  ['profil', 'profile'],
  ['penyusunan', 'preparation', 'compilation', 'drafting'],
  ['pengelolaan', 'management', 'managing', 'manajemen'],
  ['umum', 'general'],
  ['modal', 'capital'],
  ['operasi', 'operasional', 'operating', 'operational', 'operations'],
  ['sasaran', 'objective', 'objectives'],
  ['tujuan', 'goal', 'goals', 'aim'],
  ['strategis', 'strategic'],
  ['akuntabilitas', 'accountability'],
  ['kesehatan', 'health'],
  ['pendidikan', 'education'],
  ['lingkungan', 'environment', 'environmental'],
  ['sampah', 'waste', 'garbage', 'rubbish'],
  ['kemiskinan', 'poverty'],
  ['kematian', 'mortality', 'death', 'deaths'],
  ['ibu', 'maternal', 'mother', 'mothers'],
  ['bayi', 'infant', 'infants', 'baby', 'babies'],
  ['gizi', 'nutrition', 'nutritional'],
  ['pertanian', 'agriculture', 'agricultural', 'farming'],
  ['pangan', 'food'],
  ['perikanan', 'fisheries', 'fishery'],
  ['pariwisata', 'wisata', 'tourism', 'tourist'],
  ['investasi', 'investment'],
  ['usaha', 'business', 'enterprise'],
  ['koperasi', 'cooperative', 'cooperatives'],
  ['perdagangan', 'trade'],
  ['industri', 'industry', 'industrial'],
  ['pengangguran', 'unemployment'],
  ['sosial', 'social'],
  ['perlindungan', 'protection'],
  ['bencana', 'disaster', 'disasters'],
  ['kebakaran', 'fire', 'fires'],
  ['perizinan', 'izin', 'permit', 'permits', 'licensing', 'license', 'licence'],
  ['kearsipan', 'arsip', 'archive', 'archives', 'archival'],
  ['perpustakaan', 'library', 'libraries'],
  ['pajak', 'tax', 'taxes'],
  ['pendapatan', 'revenue', 'income'],
  ['aset', 'asset', 'assets'],
  ['opini', 'opinion'],
  ['inovasi', 'innovation', 'innovations'],
  ['cakupan', 'coverage'],
  ['ketersediaan', 'tersedianya', 'availability', 'available'],
  ['perumahan', 'rumah', 'housing', 'house', 'houses'],
  ['permukiman', 'settlement', 'settlements'],
  ['sekolah', 'school', 'schools'],
  ['jalan', 'road', 'roads'],
  ['air', 'water'],
  ['bersih', 'clean'],
  ['minum', 'drinking'],
  ['kondisi', 'condition'],
  ['baik', 'good'],
  ['hidup', 'living', 'life'],
  ['angka', 'rate'],
  ['partisipasi', 'participation'],
  ['kemasyarakatan', 'societal'],
  ['penanganan', 'handling', 'handled'],
  ['pengaduan', 'complaint', 'complaints'],
  ['rekomendasi', 'recommendation', 'recommendations'],
  ['hasil', 'result', 'results', 'outcome'],
  ['pengawasan', 'supervision', 'oversight', 'monitoring'],
  ['koordinasi', 'coordination'],
  ['fasilitasi', 'facilitation'],
  ['penyelenggaraan', 'implementation', 'organisation', 'organization', 'conduct'],
  ['pelaksanaan', 'execution', 'implementing'],
  ['survei', 'survey'],
  ['digital', 'digitalisasi', 'digitisation', 'digitization', 'online'],
  ['kartu', 'card', 'cards'],
  ['identitas', 'identity'],
  ['akta', 'certificate', 'certificates'],
  ['kelahiran', 'birth', 'births'],
  ['anak', 'child', 'children'],
  ['keluarga', 'family', 'families'],
  ['pindah', 'moving', 'relocation'],
  ['penerbitan', 'issuance', 'issuing', 'issued'],
  ['kepemilikan', 'ownership'],
  ['sarana', 'prasarana', 'facilities', 'infrastructure'],
  ['barang', 'goods'],
  ['jasa'],
  ['terduga', 'unexpected', 'unforeseen'],
  ['penyampaian', 'menyampaikan', 'disampaikan', 'submit', 'submitting', 'submitted', 'submission'],
  ['waktu', 'time', 'timely'],
  ['dasar', 'basic'],
  ['skala', 'scale'],
  ['usulan', 'proposal', 'proposals'],
  ['pangkat', 'rank', 'promotion', 'promotions'],
  ['penyelesaian', 'diselesaikan', 'completion', 'process', 'processing', 'processed'],
  ['lampiran', 'attachment', 'attachments', 'annex', 'appendix'],
  ['penghargaan', 'award', 'awards', 'prestasi'],
  ['perbandingan', 'comparison', 'compared', 'breakdown'],
  ['pencegahan', 'prevention', 'prevent', 'preventing'],
  ['tindaklanjut', 'ditindaklanjuti', 'followed'],
  ['pemeriksaan', 'audit', 'audits', 'inspection', 'inspections', 'examination'],
  ['pelatihan', 'terlatih', 'training', 'trained'],
  ['tanggap', 'response'],
];

/** Quantities and the words (stemmed by `analyze`, or phrases matched on the raw text) naming them. */
export const ATTR_PHRASES: Array<[Attr, RegExp]> = [
  ['serapan', /\b(serapan|penyerapan|terserap|diserap|absorption|absorbed|absorb|absorption rate|persentase realisasi( anggaran)?|persen(tase)? (serapan|realisasi)|realisasi \(%\)|budget realisation rate|budget realization rate|share (of|that)|what (percentage|percent|share)|berapa persen|percentage spent|% spent)\b|(\b(dan|and|,)\s*%(?!\w))|(^|\s)%\s*(realisasi|serapan)/],
  ['sisa', /\b(sisa( anggaran| dana| pagu)?|silpa|remaining|remainder|unspent|left over|leftover|not spent|unused)\b/],
  ['efisiensi', /\b(efisiensi|efisien|efficiency|efficient)\b/],
  ['prakiraan', /\b(prakiraan maju|prakiraan|forecast|pagu indikatif tahun (depan|berikut))\b/],
  ['predikat', /\b(predikat|kategori|predicate|rating|rated|category|kriteria|criteria|peringkat|grade|interpretasi|dinilai|berpredikat)\b/],
  ['capaian', /\b(capaian|pencapaian|achievement|achievements|attainment|achievement rate|performance rate|tingkat capaian)\b/],
  ['target', /\b(target|targets|targeted|ditargetkan|sasaran target|goal value)\b/],
  ['realisasi', /\b(realisasi|terealisasi|realization|realisation|realized|realised|actual|actually|spent|spend|spending|expended|disbursed|achieved value)\b/],
  ['pagu', /\b(pagu|anggaran|alokasi|dialokasikan|plafon|budget|budgets|budgeted|allocation|allocated|ceiling|funding|dana)\b/],
  ['name', /\b(names? of|nama-nama|siapa|who|which (kelurahan|desa|villages))\b/],
  ['benchmark', /\b(rata-rata (nasional|provinsi|regional|kabupaten|kota)|(nasional|provinsi|national|provincial|province|regional) (average|rata-rata|figure|angka|realisasi)|national|nasional|provinsi|provincial|province)\b/],
  ['count', /\b(berapa (banyak|jumlah|buah)|jumlah (program|kegiatan|sub ?kegiatan|indikator|sasaran|tujuan)|banyaknya|how many|number of|count of)\b/],
];

/** Words that mark the budget before the revision (APBD murni, the first PK). */
export const ORIGINAL = /\b(sebelum (perubahan|revisi|pergeseran)|murni|semula|original|originally|initial|initially|before (the )?(revision|change|amendment|budget revision|revised)|pk awal|apbd awal|unrevised)\b/;
/** Words that mark the budget after the revision (APBD perubahan, a revised PK). */
export const REVISED = /\b(setelah (perubahan|revisi)|sesudah (perubahan|revisi)|perubahan|revisi|direvisi|revised|revision|after (the )?(revision|change|amendment|budget revision)|amended|apbd-?p)\b/;

/**
 * The quantities a text names (a question, or a table's column header), in the order named.
 *
 * @example
 *   attrsIn('Realisasi Anggaran (Rp)'); // ['realisasi', 'pagu']
 */
export function attrsIn(text: string): Attr[] {
  const found: Array<[number, Attr]> = [];
  for (const [attr, re] of ATTR_PHRASES) {
    const m = re.exec(text);
    if (m) found.push([m.index, attr]);
  }
  const out: Attr[] = [];
  for (const [, a] of found.sort((x, y) => x[0] - y[0])) if (!out.includes(a)) out.push(a);
  return out;
}
