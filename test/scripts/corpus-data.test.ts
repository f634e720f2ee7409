import { describe, expect, it } from 'vitest';
import { OFFICES, PENUNJANG } from '../../scripts/synthetic/lib/content.js';
import { rng } from '../../scripts/synthetic/lib/rng.js';
import { OFFICE_DEFS, officeDef, type OfficeKind } from '../../scripts/corpus/offices.js';
import { REAL_PROVINCE_NAMES, REAL_REGION_NAMES, isRealRegionName, nip, official, personName, provinceName, regionName } from '../../scripts/corpus/names.js';

const KINDS: OfficeKind[] = ['dinas', 'badan', 'kecamatan', 'inspektorat', 'rsud', 'satpolpp', 'sekretariat'];
const isSakipOrIkm = (name: string): boolean => /SAKIP|Kepuasan/i.test(name);

describe('corpus offices', () => {
  it('has unique keys, at least 14 offices and every kind', () => {
    const keys = OFFICE_DEFS.map((o) => o.key);
    expect(new Set(keys).size).toBe(keys.length);
    expect(OFFICE_DEFS.length).toBeGreaterThanOrEqual(14);
    expect(new Set(OFFICE_DEFS.map((o) => o.kind))).toEqual(new Set(KINDS));
    expect(new Set(OFFICE_DEFS.map((o) => o.name)).size).toBe(OFFICE_DEFS.length);
  });

  it('reuses the synthetic offices with their programs untouched', () => {
    for (const [key, office] of Object.entries(OFFICES)) {
      const def = officeDef(key);
      expect(def.name).toBe(office.name);
      expect(def.bidang).toBe(office.bidang);
      expect(def.programs).toBe(office.programs);
    }
    expect(() => officeDef('nope')).toThrow(/unknown office/);
  });

  it('puts each new office under its urusan/bidang', () => {
    const bidang: Record<string, string> = {
      bappeda: '5.01', bapenda: '5.02', bkpsdm: '5.03', bpbd: '1.05', satpolpp: '1.05', rsud: '1.02',
      dlh: '2.11', kominfo: '2.16', setwan: '4.02', setda: '4.01',
    };
    for (const [key, code] of Object.entries(bidang)) expect(officeDef(key).bidang, key).toBe(code);
    expect(officeDef('rsud').kind).toBe('rsud');
    expect(officeDef('satpolpp').kind).toBe('satpolpp');
    expect(officeDef('setwan').kind).toBe('sekretariat');
    expect(officeDef('setda').kind).toBe('sekretariat');
  });

  it('codes programs, kegiatan and sub-kegiatan after the nomenclature, each under its parent', () => {
    for (const o of OFFICE_DEFS) {
      expect(o.bidang, o.key).toMatch(/^\d\.\d{2}$/);
      const first = o.programs[0]!;
      expect(first.code, o.key).toBe('01');
      expect(first.name, o.key).toBe(PENUNJANG.name);
      const programCodes = o.programs.map((p) => p.code);
      expect(new Set(programCodes).size, o.key).toBe(programCodes.length);
      expect([...programCodes].sort(), o.key).toEqual(programCodes);
      for (const p of o.programs) {
        const pcode = `${o.bidang}.${p.code}`;
        expect(pcode, o.key).toMatch(/^\d\.\d{2}\.\d{2}$/);
        expect(pcode.startsWith(`${o.bidang}.`)).toBe(true);
        expect(p.name).toMatch(/^PROGRAM [A-Z]/);
        expect(p.kegiatan.length, `${o.key} ${pcode}`).toBeGreaterThanOrEqual(1);
        const kcodes = p.kegiatan.map((k) => k.code);
        expect(new Set(kcodes).size, `${o.key} ${pcode}`).toBe(kcodes.length);
        for (const k of p.kegiatan) {
          expect(k.code, `${o.key} ${pcode}`).toMatch(/^\d\.\d{2}$/);
          expect(k.code.startsWith('2.'), 'kab/kota kegiatan').toBe(true);
          expect(k.name.length).toBeGreaterThan(5);
          expect(k.subs.length, `${o.key} ${pcode}.${k.code}`).toBeGreaterThanOrEqual(1);
          const scodes = k.subs.map(([c]) => c);
          expect(new Set(scodes).size, `${o.key} ${pcode}.${k.code}`).toBe(scodes.length);
          for (const [sc, sn] of k.subs) {
            expect(sc).toMatch(/^\d{4}$/);
            expect(sc).not.toBe('0000');
            expect(`${pcode}.${k.code}.${sc}`).toMatch(/^\d\.\d{2}\.\d{2}\.2\.\d{2}\.\d{4}$/);
            expect(sn.length).toBeGreaterThan(5);
          }
        }
      }
    }
  });

  it('gives each new office 2–5 programs with 1–4 kegiatan of 2–4 sub-kegiatan', () => {
    const existing = new Set(Object.keys(OFFICES));
    const added = OFFICE_DEFS.filter((o) => !existing.has(o.key));
    expect(added.length).toBeGreaterThanOrEqual(10);
    for (const o of added) {
      expect(o.programs.length, o.key).toBeGreaterThanOrEqual(2);
      expect(o.programs.length, o.key).toBeLessThanOrEqual(5);
      for (const p of o.programs.slice(1)) {
        expect(p.kegiatan.length, `${o.key} ${p.code}`).toBeLessThanOrEqual(4);
        for (const k of p.kegiatan) {
          expect(k.subs.length, `${o.key} ${p.code}.${k.code}`).toBeGreaterThanOrEqual(2);
          expect(k.subs.length, `${o.key} ${p.code}.${k.code}`).toBeLessThanOrEqual(4);
        }
      }
    }
    // Most have the support program and at least two more; the exceptions are bidang with one program.
    expect(added.filter((o) => o.programs.length < 3).map((o) => o.key).sort()).toEqual(['bkpsdm', 'setwan']);
  });

  it('states 3–6 sasaran and 8–14 indicators, with lower-is-better and counted ones', () => {
    for (const o of OFFICE_DEFS) {
      expect(o.sasaran.length, o.key).toBeGreaterThanOrEqual(3);
      expect(o.sasaran.length, o.key).toBeLessThanOrEqual(6);
      expect(o.indicators.length, o.key).toBeGreaterThanOrEqual(8);
      expect(o.indicators.length, o.key).toBeLessThanOrEqual(14);
      expect(o.indicators.filter((i) => i.lower).length, o.key).toBeGreaterThanOrEqual(2);
      expect(o.indicators.filter((i) => i.kind === 'count').length, o.key).toBeGreaterThanOrEqual(2);
      const names = o.indicators.map((i) => i.name);
      expect(new Set(names).size, o.key).toBe(names.length);
    }
  });

  it('keeps indicator ranges consistent with how their values behave', () => {
    for (const o of OFFICE_DEFS) {
      for (const i of o.indicators) {
        const [lo, hi] = i.range;
        const at = `${o.key}: ${i.name}`;
        expect(lo, at).toBeLessThan(hi);
        expect(lo, at).toBeGreaterThanOrEqual(0);
        expect(i.satuan.length, at).toBeGreaterThan(0);
        if (i.kind === 'percent') {
          expect(i.satuan, at).toBe('%');
          expect(hi, at).toBeLessThanOrEqual(100);
        }
        if (i.kind === 'index') expect(hi, at).toBeLessThanOrEqual(100);
        if (i.kind === 'level') {
          expect(lo, at).toBeGreaterThanOrEqual(1);
          expect(hi, at).toBeLessThanOrEqual(5);
        }
        if (i.kind === 'count') {
          expect(Number.isInteger(lo) && Number.isInteger(hi), at).toBe(true);
          expect(lo, at).toBeGreaterThan(0); // a zero target cannot be scored
        }
      }
    }
  });

  it('varies indicators between offices beyond the SAKIP/IKM ones', () => {
    const own = OFFICE_DEFS.map((o) => ({ key: o.key, names: new Set(o.indicators.map((i) => i.name).filter((n) => !isSakipOrIkm(n))) }));
    for (const a of own) {
      for (const b of own) {
        if (a.key >= b.key) continue;
        const shared = [...a.names].filter((n) => b.names.has(n));
        expect(shared.length, `${a.key} / ${b.key}: ${shared.join('; ')}`).toBeLessThan(Math.min(a.names.size, b.names.size) / 2);
      }
    }
  });
});

describe('corpus names', () => {
  const DENY = ['Batu', 'Padang', 'Tanjung Pinang', 'Sungai Penuh', 'Bukittinggi', 'Pulau Morotai', 'Muara Enim', 'Tanjung Jabung', 'Gunung Mas', 'Banyuwangi', 'Purworejo'];
  const squash = (s: string): string => s.toLowerCase().replace(/[^a-z]/g, '');

  it('draws at least 200 distinct invented regions over 500 seeds, none of them real', () => {
    const seen = new Set<string>();
    let kota = 0;
    for (let seed = 0; seed < 500; seed++) {
      const region = regionName(rng(seed));
      seen.add(region.pemda);
      if (region.kota) kota++;
      expect(region.pemda).toBe(`${region.kota ? 'Kota' : 'Kabupaten'} ${region.place}`);
      expect(region.place).toMatch(/^[A-Z][a-z]+( [A-Z][a-z]+)*$/);
      expect(isRealRegionName(region.place), region.place).toBe(false);
      expect(REAL_REGION_NAMES.map(squash)).not.toContain(squash(region.place));
      expect(DENY.map(squash)).not.toContain(squash(region.place));
    }
    expect(seen.size).toBeGreaterThanOrEqual(200);
    expect(kota).toBeGreaterThan(50);
    expect(kota).toBeLessThan(250);
  });

  it('recognises real names whatever the spacing', () => {
    for (const name of ['Bukit Tinggi', 'Bukittinggi', 'tanjungpinang', 'SIDOARJO', 'Gunung Mas']) expect(isRealRegionName(name), name).toBe(true);
    expect(isRealRegionName('Sungai Lestari')).toBe(false);
  });

  it('invents provinces', () => {
    const real = new Set(REAL_PROVINCE_NAMES.map((n) => `Provinsi ${n}`));
    const seen = new Set<string>();
    for (let seed = 0; seed < 300; seed++) {
      const p = provinceName(rng(seed));
      expect(p).toMatch(/^Provinsi [A-Z]/);
      expect(real.has(p), p).toBe(false);
      seen.add(p);
    }
    expect(seen.size).toBeGreaterThan(30);
  });

  it('writes names in capitals with their titles in the usual case', () => {
    const r = rng(3);
    const titled = /^((Drs\.|Dra\.|Ir\.|Dr\.|dr\.|drg\.|Ns\.|H\.|Hj\.) )*[A-Z]+( [A-Z]+)*(, [A-Za-z.]+(\.?, [A-Za-z.]+)?)?$/;
    let front = 0;
    let back = 0;
    for (let i = 0; i < 400; i++) {
      const name = personName(r, { field: (['umum', 'kesehatan', 'teknik', 'pendidikan'] as const)[i % 4] });
      expect(name, name).toMatch(titled);
      if (/^[A-Za-z]+\. /.test(name)) front++;
      if (name.includes(', ')) back++;
    }
    expect(front).toBeGreaterThan(40);
    expect(back).toBeGreaterThan(200);
    expect(personName(rng(1), { sex: 2 })).not.toMatch(/\bDrs\.|\bH\. /);
  });

  it('makes NIPs with a real birth date, a later appointment and the sex digit', () => {
    const r = rng(11);
    for (let i = 0; i < 500; i++) {
      const n = nip(r, 2023);
      expect(n).toMatch(/^\d{8} \d{6} [12] \d{3}$/);
      const y = Number(n.slice(0, 4));
      const m = Number(n.slice(4, 6));
      const d = Number(n.slice(6, 8));
      const date = new Date(Date.UTC(y, m - 1, d));
      expect(date.getUTCMonth() + 1, n).toBe(m);
      expect(date.getUTCDate(), n).toBe(d);
      expect(2023 - y, n).toBeGreaterThanOrEqual(40);
      expect(2023 - y, n).toBeLessThanOrEqual(57);
      const ay = Number(n.slice(9, 13));
      const am = Number(n.slice(13, 15));
      expect(ay - y, n).toBeGreaterThanOrEqual(18);
      expect(ay, n).toBeLessThanOrEqual(2021);
      expect(am).toBeGreaterThanOrEqual(1);
      expect(am).toBeLessThanOrEqual(12);
      expect(n.slice(-3)).not.toBe('000');
    }
    expect(nip(rng(5), 2020, { sex: 2 }).charAt(16)).toBe('2');
    const o = official(rng(9), 2023, { sex: 2 });
    expect(o.nip.charAt(16)).toBe('2');
  });

  it('gives the same names for the same seed', () => {
    const draw = (seed: number): string[] => {
      const r = rng(seed);
      return [regionName(r).pemda, provinceName(r), personName(r), nip(r), personName(r, { field: 'kesehatan' }), nip(r, 2019), JSON.stringify(official(r))];
    };
    expect(draw(77)).toEqual(draw(77));
    expect(draw(77)).not.toEqual(draw(78));
  });
});
