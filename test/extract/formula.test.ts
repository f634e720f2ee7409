import { describe, expect, it } from 'vitest';
import { formulasIn } from '../../src/extract/rules/formula.js';

describe('formulasIn', () => {
  it.each([
    ['Capaian = Realisasi / Target × 100%', ['ratio']],
    ['Persentase capaian = Realisasi : Target x 100', ['ratio']],
    ['(Realisasi ÷ Rencana) × 100%', ['ratio']],
    ['capaian = (2 − (realisasi/target)) × 100%', ['two-minus']],
    ['Capaian = {2 − (Realisasi : Target)} * 100', ['two-minus']],
    ['Capaian = ((2 × Target) − Realisasi) / Target × 100%', ['two-minus']],
    ['capaian = 2 - realisasi/target', ['two-minus']],
    ['Capaian = Target : Realisasi * 100', ['inverse']],
    ['(Rencana ÷ Realisasi) × 100%', ['inverse']],
    ['higher: capaian = realisasi / target × 100%; lower: capaian = target / realisasi × 100%.', ['ratio', 'inverse']],
    ['realisasi tahun 2023 dibandingkan target: 5 : 3 kegiatan', []],
    ['Realisasi anggaran sebesar 96,51% dari target', []],
  ])('%s', (text, expected) => {
    expect(formulasIn(text).map((f) => f.formula)).toEqual(expected);
  });
});
