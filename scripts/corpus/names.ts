/**
 * Invented names for the corpus: regencies and cities, provinces, officials and their NIP. Regions
 * are built from the word parts Indonesian toponyms are made of, and a name that happens to be a
 * real regency, city or province is drawn again, so that no corpus report can be mistaken for a
 * real one. Everything comes from the `Rng` passed in: the same seed gives the same names.
 */
import type { Rng } from '../synthetic/lib/rng.js';

// ---------------------------------------------------------------------------------------------
// Regions

/** First words of Malay/Sumatran/Kalimantan toponyms: `Sungai Lestari`. */
const PREFIXES = [
  'Sungai', 'Bukit', 'Tanjung', 'Batu', 'Lubuk', 'Teluk', 'Pulau', 'Muara', 'Air', 'Padang', 'Koto',
  'Rantau', 'Kuala', 'Gunung', 'Danau', 'Tanah', 'Parit', 'Talang', 'Ujung', 'Labuhan', 'Lembah', 'Pematang',
] as const;

/** Second words: adjectives of good fortune, plants, gems. */
const ROOTS = [
  'Lestari', 'Permai', 'Indah', 'Jaya', 'Makmur', 'Sejahtera', 'Harapan', 'Baru', 'Raya', 'Mulia', 'Sentosa',
  'Damai', 'Bening', 'Hijau', 'Kencana', 'Gading', 'Selasih', 'Kemuning', 'Cendana', 'Meranti', 'Pandan',
  'Tembesu', 'Jernih', 'Bestari', 'Gemilang', 'Serai', 'Nibung', 'Rumbia', 'Seruni', 'Cempaka', 'Melati',
  'Merbau', 'Kenanga', 'Medang', 'Rengas', 'Pelangi', 'Mutiara', 'Berlian', 'Intan', 'Delima', 'Nilam',
  'Kasturi', 'Lembayung', 'Bertuah', 'Sakti', 'Tunggal', 'Seberang', 'Mandiri', 'Sarimah', 'Embun',
] as const;

/** Javanese/Sundanese-style compounds, written as one word: `Sidomakmur`. */
const COMPOUND_HEADS = ['Sido', 'Karang', 'Wono', 'Tirto', 'Margo', 'Sumber', 'Suka', 'Rejo', 'Mekar', 'Giri', 'Banyu', 'Sari'] as const;
const COMPOUND_TAILS = [
  'rejo', 'jaya', 'makmur', 'mulyo', 'harjo', 'sari', 'agung', 'asri', 'indah', 'wangi', 'mukti', 'raharjo',
  'luhur', 'arum', 'mulya', 'tani', 'kencana',
] as const;

/**
 * Real regencies and cities (and a few regency capitals) that the parts above could spell, in any
 * spacing. A draw that matches one is drawn again.
 */
export const REAL_REGION_NAMES: readonly string[] = [
  'Batu', 'Padang', 'Air', 'Tanjung', 'Sungai', 'Bukit', 'Pulau', 'Muara',
  'Tanjung Pinang', 'Tanjungpinang', 'Tanjung Balai', 'Tanjungbalai', 'Tanjung Jabung', 'Tanjung Jabung Barat', 'Tanjung Jabung Timur',
  'Tanjung Selor', 'Tanjung Redeb', 'Tanjung Enim',
  'Sungai Penuh', 'Sungai Liat', 'Sungai Raya', 'Bukittinggi', 'Bukit Tinggi', 'Pulau Morotai', 'Pulau Taliabu',
  'Muara Enim', 'Muaro Jambi', 'Muara Bungo', 'Muara Teweh', 'Muara Tebo', 'Muara Bulian', 'Muara Sabak',
  'Padang Pariaman', 'Padang Lawas', 'Padang Lawas Utara', 'Padang Panjang', 'Padangsidimpuan', 'Padang Sidempuan',
  'Batu Bara', 'Batubara', 'Lubuklinggau', 'Lubuk Linggau', 'Lubuk Basung', 'Lubuk Sikaping',
  'Teluk Bintuni', 'Teluk Wondama', 'Teluk Kuantan', 'Tanah Datar', 'Tanah Laut', 'Tanah Bumbu', 'Tanah Toraja', 'Tanah Grogot',
  'Kuala Kapuas', 'Kuala Tungkal', 'Kuala Kurun', 'Gunung Mas', 'Gunungkidul', 'Gunung Kidul', 'Gunungsitoli', 'Gunung Sitoli',
  'Labuhanbatu', 'Labuhan Batu', 'Labuhan Bajo', 'Pematangsiantar', 'Pematang Siantar', 'Tebing Tinggi', 'Rantau Prapat', 'Rantau',
  'Kotabaru', 'Kota Baru', 'Pagar Alam', 'Pagaralam', 'Air Molek', 'Air Tiris',
  'Purworejo', 'Sukoharjo', 'Sidoarjo', 'Karanganyar', 'Karangasem', 'Wonosobo', 'Wonogiri', 'Wonosari', 'Sukabumi',
  'Sukamara', 'Banyuwangi', 'Banyumas', 'Banyuasin', 'Sumbawa', 'Sumedang', 'Sumenep', 'Girimulyo',
];

const normal = (s: string): string => s.toLowerCase().replace(/[^a-z]/g, '');
const DENIED = new Set(REAL_REGION_NAMES.map(normal));

/** Whether `place` spells a real regency/city name of the deny-list (spacing and case ignored). */
export function isRealRegionName(place: string): boolean {
  return DENIED.has(normal(place));
}

function drawPlace(r: Rng): string {
  if (r.next() < 0.25) {
    const head = r.pick(COMPOUND_HEADS);
    const tail = r.pick(COMPOUND_TAILS.filter((t) => t !== head.toLowerCase()));
    return head + tail;
  }
  return `${r.pick(PREFIXES)} ${r.pick(ROOTS)}`;
}

/**
 * An invented regency or city: `{ pemda: 'Kabupaten Sungai Lestari', place: 'Sungai Lestari', kota: false }`.
 * About one in four is a city (`Kota Tanjung Permai`).
 */
export function regionName(r: Rng): { pemda: string; place: string; kota: boolean } {
  let place = drawPlace(r);
  for (let i = 0; i < 100 && isRealRegionName(place); i++) place = drawPlace(r);
  if (isRealRegionName(place)) throw new Error(`regionName: could not avoid real name ${place}`);
  const kota = r.next() < 0.25;
  return { pemda: `${kota ? 'Kota' : 'Kabupaten'} ${place}`, place, kota };
}

// ---------------------------------------------------------------------------------------------
// Provinces

// No Maluku or Papua: names such as `Maluku Selatan` carry political meaning.
const ISLANDS = ['Sumatera', 'Kalimantan', 'Sulawesi', 'Jawa', 'Nusa Tenggara'] as const;
const DIRECTIONS = ['Tengah', 'Timur', 'Barat', 'Utara', 'Selatan', 'Tenggara', 'Barat Daya', 'Timur Laut', 'Barat Laut', 'Raya'] as const;

/** Real provinces, and real regencies an `island + direction` draw could spell. */
export const REAL_PROVINCE_NAMES: readonly string[] = [
  'Aceh', 'Sumatera Utara', 'Sumatera Barat', 'Riau', 'Jambi', 'Sumatera Selatan', 'Bengkulu', 'Lampung',
  'Kepulauan Bangka Belitung', 'Kepulauan Riau', 'DKI Jakarta', 'Jawa Barat', 'Jawa Tengah', 'DI Yogyakarta',
  'Jawa Timur', 'Banten', 'Bali', 'Nusa Tenggara Barat', 'Nusa Tenggara Timur', 'Kalimantan Barat',
  'Kalimantan Tengah', 'Kalimantan Selatan', 'Kalimantan Timur', 'Kalimantan Utara', 'Sulawesi Utara',
  'Sulawesi Tengah', 'Sulawesi Selatan', 'Sulawesi Tenggara', 'Gorontalo', 'Sulawesi Barat', 'Maluku',
  'Maluku Utara', 'Papua', 'Papua Barat', 'Papua Selatan', 'Papua Tengah', 'Papua Pegunungan', 'Papua Barat Daya',
  'Maluku Tengah', 'Maluku Tenggara', 'Maluku Barat Daya', 'Maluku Selatan', 'Kepulauan Seribu',
];
const DENIED_PROVINCES = new Set(REAL_PROVINCE_NAMES.map(normal));

function drawProvince(r: Rng): string {
  const u = r.next();
  if (u < 0.7) return `${r.pick(ISLANDS)} ${r.pick(DIRECTIONS)}`;
  if (u < 0.85) return `Kepulauan ${r.pick(ROOTS)}`;
  return `${r.pick(['Tanah', 'Bumi', 'Ranah'] as const)} ${r.pick(ROOTS)}`;
}

/** An invented province for comparisons: `Provinsi Sumatera Tengah`, `Provinsi Kepulauan Selasih`. */
export function provinceName(r: Rng): string {
  let name = drawProvince(r);
  for (let i = 0; i < 100 && DENIED_PROVINCES.has(normal(name)); i++) name = drawProvince(r);
  return `Provinsi ${name}`;
}

// ---------------------------------------------------------------------------------------------
// People

const MALE_FIRST: readonly string[] = [
  'ABDUL', 'AHMAD', 'MUHAMMAD', 'BUDI', 'HENDRA', 'RUDI', 'AGUS', 'SYAHRIAL', 'ZULKIFLI', 'IRWAN', 'DEDI',
  'YUSRIZAL', 'ARMAN', 'FAISAL', 'HERMAN', 'SUPRIADI', 'EKO', 'DWI', 'TEGUH', 'ANDI', 'FIRMAN', 'RAHMAT',
  'SAIFUL', 'HASAN', 'ISMAIL', 'JUNAIDI', 'KHAIRUL', 'MUKHLIS', 'NASRUL', 'RIDHO', 'SYAFRIL', 'TAUFIK', 'WAHYU',
  'ZAINAL', 'ARIF', 'FADLI', 'HAMDAN', 'INDRA', 'JOHAN', 'MARZUKI', 'NOVRIZAL', 'ROMI', 'SUDIRMAN', 'YANTO',
];
const MALE_LAST: readonly string[] = [
  'RAHMAN', 'HAKIM', 'SANTOSO', 'SETIAWAN', 'PRATAMA', 'SAPUTRA', 'HIDAYAT', 'NASUTION', 'SIREGAR', 'HARAHAP',
  'LUBIS', 'SUSANTO', 'WIBOWO', 'KURNIAWAN', 'FAHMI', 'ARIFIN', 'SYAHPUTRA', 'EFENDI', 'HASIBUAN', 'RAMADHAN',
  'GUNAWAN', 'HALIM', 'MANSUR', 'ROSYID', 'SUBAGIO', 'SUHERMAN', 'SYAMSUDDIN', 'TAMBUNAN', 'YUSUF', 'ZULFIKAR',
  'PRASETYO', 'HARIYANTO', 'NUGROHO', 'PURNOMO', 'SUHENDRA', 'JAMALUDDIN', 'BACHTIAR', 'FAUZI', 'MAULANA',
];
const FEMALE_FIRST: readonly string[] = [
  'SITI', 'NUR', 'DEWI', 'SRI', 'RATNA', 'YULI', 'LINDA', 'ERNA', 'FITRI', 'HERLINA', 'INDAH', 'MARLINA',
  'NOVITA', 'RINA', 'SUSI', 'YENNI', 'ANNISA', 'DIAN', 'EVI', 'HAFSAH', 'IRMA', 'NURHAYATI', 'RAHMI', 'TRI',
  'WULAN', 'YUNITA', 'ELVI', 'DESI', 'ROSMAWATI', 'ZUBAIDAH',
];
const FEMALE_LAST: readonly string[] = [
  'AMINAH', 'RAHMAWATI', 'HANDAYANI', 'LESTARI', 'PUSPITASARI', 'SARI', 'KURNIASIH', 'WULANDARI', 'SUSANTI',
  'NOVIANTI', 'MARYAM', 'ZAHARA', 'FATIMAH', 'YULIANTI', 'RAHAYU', 'KARTIKA', 'PERMATASARI', 'HASANAH',
  'MAISARAH', 'NURJANAH', 'SAFITRI', 'SULISTYOWATI', 'ANGGRAINI', 'DAMAYANTI', 'OKTAVIANI', 'HAYATI',
];

/** The field the official studied, which decides the usual titles. */
export type TitleField = 'umum' | 'kesehatan' | 'teknik' | 'pendidikan';

export interface PersonOptions {
  /** 1 = male, 2 = female (as in the NIP); drawn when absent. */
  sex?: 1 | 2;
  field?: TitleField;
}

const BACHELOR: Record<TitleField, readonly string[]> = {
  umum: ['S.Sos', 'S.H', 'S.E', 'S.STP', 'S.IP', 'S.AP', 'S.Kom', 'S.Ag', 'S.T', 'S.Pd', 'S.Hut', 'S.P'],
  kesehatan: ['S.KM', 'SKM', 'S.Kep', 'S.Farm', 'S.Gz', 'S.ST'],
  teknik: ['S.T', 'S.T', 'S.Kom', 'S.Si', 'S.P'],
  pendidikan: ['S.Pd', 'S.Pd', 'S.Pd.I', 'S.Ag', 'S.Sos'],
};
const MASTER: Record<TitleField, readonly string[]> = {
  umum: ['M.Si', 'M.M', 'M.AP', 'M.H', 'M.E', 'M.Ak', 'M.Si', 'M.Pd', 'M.T', 'M.IP'],
  kesehatan: ['M.Kes', 'M.Kes', 'M.KM', 'MPH', 'M.Kep', 'M.Si'],
  teknik: ['M.T', 'M.T', 'M.Eng', 'M.Sc', 'M.Si', 'M.M'],
  pendidikan: ['M.Pd', 'M.Pd', 'M.Si', 'M.M'],
};

/** Front title and the back titles that go with it. */
function titles(r: Rng, sex: 1 | 2, field: TitleField): { front: string; back: string } {
  const hajj = r.next() < 0.25 ? (sex === 1 ? 'H.' : 'Hj.') : '';
  const join = (...parts: string[]): string => parts.filter(Boolean).join(' ');
  const sep = r.next() < 0.5 ? '., ' : ', ';
  const degrees = (bachelor: readonly string[], master: readonly string[], pMaster: number): string =>
    r.next() < pMaster ? `${r.pick(bachelor)}${sep}${r.pick(master)}` : r.pick(bachelor);
  const u = r.next();
  if (field === 'kesehatan' && u < 0.55) {
    const front = r.next() < 0.85 ? 'dr.' : 'drg.';
    const back = r.pick(front === 'dr.' ? ['M.Kes', 'M.Kes', 'MARS', 'M.K.M', 'MPH', 'Sp.PD', 'Sp.A', 'Sp.OG', ''] : ['M.Kes', 'MPH', '']);
    return { front: join(front, hajj), back };
  }
  if (field === 'teknik' && u < 0.4) return { front: join('Ir.', hajj), back: r.pick(['M.T', 'M.Si', 'M.Eng', 'M.Sc', '']) };
  if (u < 0.2) {
    // The older Drs./Dra. (doctorandus) degree: no bachelor behind the name.
    return { front: join(sex === 1 ? 'Drs.' : 'Dra.', hajj), back: r.pick(field === 'pendidikan' ? ['M.Pd', 'M.Pd', 'M.Si', ''] : ['M.Si', 'M.M', 'M.AP', '']) };
  }
  if (u < 0.3) {
    // A doctorate: `Dr. H. ..., S.Sos., M.Si`.
    return { front: join('Dr.', hajj), back: degrees(BACHELOR[field], MASTER[field], 1) };
  }
  if (field === 'kesehatan' && sex === 2 && u < 0.35) return { front: join('Ns.', hajj), back: r.next() < 0.5 ? 'S.Kep' : `S.Kep${sep}M.Kep` };
  return { front: hajj, back: degrees(BACHELOR[field], MASTER[field], 0.7) };
}

/**
 * An invented official's name with the usual titles, the name in capitals:
 * `Drs. H. ABDUL RAHMAN, M.Si`, `dr. SITI AMINAH, M.Kes`, `RATNA SARI, S.E., M.M`.
 */
export function personName(r: Rng, opts: PersonOptions = {}): string {
  const sex = opts.sex ?? (r.next() < 0.7 ? 1 : 2);
  const field = opts.field ?? 'umum';
  const [firsts, lasts] = sex === 1 ? [MALE_FIRST, MALE_LAST] : [FEMALE_FIRST, FEMALE_LAST];
  const first = r.pick(firsts);
  let last = r.pick(lasts);
  if (last === first) last = r.pick(lasts.filter((l) => l !== first));
  const middle = r.next() < 0.2 ? r.pick(firsts.filter((f) => f !== first && f !== last)) : '';
  const name = [first, middle, last].filter(Boolean).join(' ');
  const { front, back } = titles(r, sex, field);
  return `${front ? `${front} ` : ''}${name}${back ? `, ${back}` : ''}`;
}

const pad = (n: number, width: number): string => String(n).padStart(width, '0');
const daysIn = (y: number, m: number): number => [31, y % 4 === 0 && (y % 100 !== 0 || y % 400 === 0) ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][m - 1] ?? 30;
/** Months civil servants are usually appointed (TMT CPNS) in. */
const APPOINT_MONTHS = [1, 1, 1, 2, 3, 3, 3, 4, 6, 7, 10, 11, 12, 12] as const;

export interface NipOptions {
  sex?: 1 | 2;
  /** Age range in `year` (default 40–57: an office head or head of division). */
  age?: [number, number];
}

/**
 * A plausible NIP for an official serving in `year` (default 2024): `19700312 199503 1 004` —
 * birth date, appointment year and month (at 22–32 and at least two years before `year`), sex
 * (1 male, 2 female) and a serial number.
 */
export function nip(r: Rng, year = 2024, opts: NipOptions = {}): string {
  const [minAge, maxAge] = opts.age ?? [40, 57];
  const by = year - r.int(minAge, maxAge);
  const bm = r.int(1, 12);
  const bd = r.int(1, daysIn(by, bm));
  const ay = Math.min(by + r.int(22, 32), year - 2);
  const am = r.pick(APPOINT_MONTHS);
  const sex = opts.sex ?? (r.next() < 0.7 ? 1 : 2);
  const serial = r.int(1, r.next() < 0.8 ? 9 : 30);
  return `${by}${pad(bm, 2)}${pad(bd, 2)} ${ay}${pad(am, 2)} ${sex} ${pad(serial, 3)}`;
}

/** A signatory: name and NIP of the same sex. */
export function official(r: Rng, year = 2024, opts: PersonOptions & { age?: [number, number] } = {}): { name: string; nip: string; sex: 1 | 2 } {
  const sex = opts.sex ?? (r.next() < 0.7 ? 1 : 2);
  return { name: personName(r, { ...opts, sex }), nip: nip(r, year, { sex, age: opts.age }), sex };
}
