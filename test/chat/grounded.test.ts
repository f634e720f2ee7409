import { describe, expect, it } from 'vitest';
import { answerDeterministic, readings, sameFigure } from '../../src/chat/index.js';
import { findFacts } from '../../src/chat/tools.js';
import { groundedFixture } from './grounded-fixture.js';

const p = groundedFixture();
const ask = (q: string) => answerDeterministic(q, p);

/** The small report with more tables (and paragraphs), through extraction and audit. */
async function fixtureWith(tables: Array<[string, number, string, string[][]]>, paragraphs: Array<[number, string]> = []) {
  const { fixtureLayout, grid, para } = await import('./fixture.js');
  const { prepare } = await import('../../src/chat/index.js');
  const { extractReport } = await import('../../src/extract/index.js');
  const { auditReport } = await import('../../src/pipeline/audit.js');
  const layout = fixtureLayout(paragraphs.map(([page, text]) => para(page, text)));
  layout.tables.push(...tables.map(([id, page, caption, rows]) => grid(id, page, caption, rows)));
  return prepare({ result: auditReport(extractReport(layout)), layout });
}

describe('the fact index', () => {
  const facts = p.facts.facts;
  const find = (id: string) => facts.find((f) => f.id === id);

  it('holds every printed figure with its line, quantity, period, variant, table and box', () => {
    expect(find('t2.r1c4')).toMatchObject({ attr: 'realisasi', period: 'current', year: 2023, page: 8, text: '93,05', entity: { kind: 'indicator' } });
    expect(find('t2.r1c4')?.bbox).toEqual([320, 120, 400, 140]);
    expect(find('t4.r1c2')).toMatchObject({ attr: 'realisasi', period: 'previous', year: 2022, tableLabel: '3.4' });
    expect(find('t5.r2c2')).toMatchObject({ attr: 'pagu', variant: 'original', entity: { kind: 'program', name: 'Program Pencatatan Sipil' } });
    expect(find('t5.r2c3')).toMatchObject({ attr: 'pagu', variant: 'perubahan' });
    expect(find('t5.r2c5')).toMatchObject({ attr: 'serapan', text: '98,64' });
  });

  it('puts one line printed in several tables under one entity', () => {
    const ikm = facts.filter((f) => f.attr === 'realisasi' && f.period === 'current' && /Kepuasan/.test(f.entity.name));
    expect(new Set(ikm.map((f) => f.entity)).size).toBe(1);
    expect(ikm.map((f) => f.id).sort()).toEqual(['t2.r1c4', 't3.r1c4', 't4.r1c4']);
  });

  it('keeps the count the text states', () => {
    expect(facts.find((f) => f.attr === 'count')).toMatchObject({ value: 2, entity: { key: 'counted:program' } });
  });
});

describe('answers from the fact index', () => {
  it.each([
    ['Berapa capaian IKM tahun 2022?', /^Capaian Indeks Kepuasan Masyarakat \(IKM\) \(tahun sebelumnya, 2022\): 110,58% \[t4\.r1c3\]/],
    ['What is the original budget (pagu murni) of Program Pencatatan Sipil?', /120\.000\.000 \[t5\.r2c2\]/],
    ['Berapa realisasi dan % Program Pendaftaran Penduduk?', /235\.657\.400 \[t5\.r1c4\][\s\S]*99,21 \[t5\.r1c5\]/],
    ['Where is Tabel 3.7?', /^"Tabel 3\.7 Realisasi Anggaran Tahun 2023" — p\. 12 \[t5\]$/],
    ['How many programs are there?', /stated in the text: 2 \(dua\) \[p5\.1\.count0\]\nTable 2 \(p\. 6\) lists 2 programs/],
  ])('%s', (q, re) => {
    const a = ask(q);
    expect(a.text).toMatch(re);
    for (const c of a.citations) expect(c.page).toBeGreaterThan(0);
  });

  it('one figure printed in several places is one figure with several citations', () => {
    const a = ask('Berapa realisasi IKM?');
    expect(a.text.split('\n')[0]).toBe('Realisasi Indeks Kepuasan Masyarakat (IKM): 93,05 [t2.r1c4] [t3.r1c4] [t4.r1c4]');
  });

  it('gives the printed figure, the recomputed one and the finding when the printed one is wrong', () => {
    const a = ask('Berapa capaian Persentase OPD yang melakukan pelayanan terintegrasi?');
    const finding = p.ctx.result.findings.find((f) => f.check === 'capaian')!;
    expect(a.text).toContain('80,00%');
    expect(a.text).toContain('dihitung ulang 75,14');
    expect(a.citations.map((c) => c.id)).toContain(finding.id);
  });
});

describe('what the report does not state', () => {
  it.each([
    ['What was the IKM capaian in 2021?', /^The report does not state the achievement \(capaian\) 2021 for Indeks Kepuasan Masyarakat \(IKM\)\./],
    ['Berapa realisasi IKM per triwulan?', /^Laporan tidak memuat realisasi untuk Indeks Kepuasan Masyarakat \(IKM\)\./],
    ['Berapa jumlah pegawai di dinas ini?', /^Laporan tidak memuat jumlah pegawai\.$/],
    ['What is the budget of the Program Pemadam Kebakaran Hutan?', /^The report does not state this budget \(pagu\)/],
  ])('%s', (q, re) => {
    const a = ask(q);
    expect(a.intent).toBe('absent');
    expect(a.text).toMatch(re);
    // The first line states no figure as the answer.
    expect(a.text.split('\n')[0]).not.toMatch(/\d+[.,]\d+/);
  });

  it.each([
    ['Dinas ini membawahi berapa kelurahan sih?', /^Laporan tidak memuat jumlah kelurahan\.$/],
    ['How many villages are in the district?', /^The report does not state the number of villages\.$/],
  ])('a count the report never states: %s', (q, re) => {
    expect(ask(q).text).toMatch(re);
  });

  it('says first which of the quantities asked is not printed, then gives the others', () => {
    const a = ask('Berapa pagu dan efisiensi Program Pencatatan Sipil?');
    expect(a.text.split('\n')[0]).toBe('Laporan tidak memuat efisiensi untuk Program Pencatatan Sipil; yang dimuat:');
    expect(a.text).toMatch(/99\.356\.000 \[t1\.r2c2\] \[t5\.r2c3\]/);
  });

  it('an acronym the report prints nowhere names nothing it has; one it prints, or the initials of a name, does', () => {
    expect(ask('Berapa nilai Indeks Kualitas Lingkungan Hidup (IKLH) tahun 2023?').text).toBe('Laporan tidak menyebut IKLH: tidak ada indikator, program, kegiatan atau kalimat yang memuatnya.');
    expect(ask('Berapa realisasi IKM?').text).toMatch(/93,05/);
    expect(ask('Berapa pagu PPP?').text).not.toMatch(/tidak menyebut PPP/);
  });

  it('labels the nearest thing it prints as not what was asked', () => {
    expect(ask('What was the IKM capaian in 2021?').text).toMatch(/\nNearest the report prints \(not what was asked\): .*105,74% \[t2\.r1c5\]/);
  });
});

describe('false premises', () => {
  it.each([
    ['Why did the IKM capaian go up from 2022 to 2023?', /^No\. The capaian went down from 110,58% \[t4\.r1c3\] \(2022\) to 105,74% \[t4\.r1c5\] \(2023\)\./],
    ['Mengapa pagu Program Pencatatan Sipil dinaikkan setelah perubahan?', /^Tidak\. Pagu turun dari 120\.000\.000 \[t5\.r2c2\] \(murni\) menjadi 99\.356\.000 \[t5\.r2c3\] \(perubahan\)\./],
    ['Since the OPD integrated services indicator beat its 69% target, what drove it?', /^No\. The realisation 51,85% \[t2\.r2c4\] is below the target 69% \[t2\.r2c3\]/],
    ['Why was the absorption of Program Pencatatan Sipil only around 80%?', /^No\. The report does not print 80% for Program Pencatatan Sipil; it prints:\nBudget absorption \(serapan\) Program Pencatatan Sipil: 98,64 \[t5\.r2c5\]/],
    ['Capaian IKM 2023 adalah 100%, benar?', /^Tidak\. Laporan tidak mencetak 100% untuk Indeks Kepuasan Masyarakat/],
    // "Above / below the target" compares the figures; "beat / miss" judges them.
    ['Since the IKM came in below its target of 88, what went wrong?', /^No\. The realisation 93,05 \[t2\.r1c4\] exceeds the target 88 \[t2\.r1c3\]/],
    // Comparatives and verb roots as people type them.
    ['Kenapa realisasi Program Pencatatan Sipil lebih besar dari pagunya?', /^Tidak\. Realisasi 98\.000\.000 \[t5\.r2c4\] di bawah pagu 99\.356\.000 \[t5\.r2c3\]/],
    ['Why was the spending of Program Pencatatan Sipil greater than the budget?', /^No\. The amount spent 98\.000\.000 \[t5\.r2c4\] is below the budget 99\.356\.000 \[t5\.r2c3\]/],
    ['Karena Persentase OPD yg melakukan pelayanan terintegrasi udah capai target 69%, apa rencana selanjutnya?', /^Tidak\. Realisasi 51,85% \[t2\.r2c4\] di bawah target 69% \[t2\.r2c3\]/],
  ])('%s', (q, re) => {
    const a = ask(q);
    expect(a.intent).toBe('correction');
    expect(a.text).toMatch(re);
  });

  it('a budget line\'s "capaian" is its % of the budget spent', () => {
    expect(ask('Apakah capaian Program Pendaftaran Penduduk 99,21% sudah benar?').text).toMatch(/^Ya, sesuai dengan yang dicetak laporan\.\nSerapan anggaran Program Pendaftaran Penduduk: 99,21 \[t5\.r1c5\]/);
  });

  it('a figure printed as asserted, in a row the audit finds wrong, is confirmed as printed with the finding', () => {
    const a = ask('Apakah realisasi Persentase OPD yang melakukan pelayanan terintegrasi 51,85%?');
    expect(a.text).toMatch(/^Itu yang dicetak laporan, tetapi audit menemukan masalah pada baris ini:\n/);
    expect(a.citations.map((c) => c.id)).toContain(p.ctx.result.findings.find((f) => f.check === 'capaian')!.id);
  });

  it('a stated figure the report prints in a cell the audit finds wrong: not so, with where it is printed and the finding', () => {
    const a = ask('Mengapa capaian Persentase OPD yang melakukan pelayanan terintegrasi bisa 80,00%?');
    expect(a.intent).toBe('correction');
    expect(a.text).toMatch(/^Tidak tepat: 80,00% memang tercetak \(hal\. \d+ \[t\d+\.r\d+c\d+\]\), tetapi audit menemukan angka itu keliru\.\n/);
    expect(a.text).toContain('dihitung ulang 75,14');
    expect(a.citations.map((c) => c.id)).toContain(p.ctx.result.findings.find((f) => f.check === 'capaian')!.id);
  });

  it.each([
    ['Apakah capaian IKM 105,74% sudah benar?', /^Ya, sesuai dengan yang dicetak laporan\.\n[\s\S]*\nDihitung ulang: 93,05 \[t2\.r1c4\] \/ 88 \[t2\.r1c3\] × 100 = 105,74, sesuai dengan 105,74% yang tercetak\.$/],
    // The revised pagu, not the original one beside it, is what the printed % follows.
    ['Is the absorption of Program Pencatatan Sipil 98,64% computed right?', /\nRecomputed: 98\.000\.000 \[t5\.r2c4\] \/ 99\.356\.000 \(revised budget\) \[t5\.r2c3\] × 100 = 98\.64, matching the printed 98,64\.$/],
  ])('a printed percentage asked about, which the audit finds right, is shown recomputed from its operands, each cited: %s', (q, re) => {
    expect(ask(q).text).toMatch(re);
  });

  it('a line said to rank first that does not is corrected with its own figure and place, then the first', () => {
    const a = ask('Kenapa serapan Program Pendaftaran Penduduk paling rendah?');
    expect(a.intent).toBe('correction');
    expect(a.text).toMatch(/^Tidak\. Program Pendaftaran Penduduk bukan yang terendah: serapan anggaran 99,21 \[t5\.r1c5\], urutan 2 dari 2\.\nProgram Pencatatan Sipil: serapan anggaran 98,64 \[t5\.r2c5\] — terendah dari 2/);
    expect(ask('Kenapa serapan Program Pencatatan Sipil paling rendah?').text).toMatch(/^Program Pencatatan Sipil: serapan anggaran 98,64/);
    // With a bound that does not hold either: the figure corrected, then the ranking.
    const b = ask('Kenapa serapan Program Pendaftaran Penduduk paling rendah, di bawah 80%?');
    expect(b.text).toMatch(/^Tidak\. Laporan tidak mencetak 80% untuk Program Pendaftaran Penduduk; yang dicetak:\n[\s\S]*\nProgram Pencatatan Sipil: serapan anggaran 98,64 \[t5\.r2c5\] — terendah dari 2/);
  });

  it.each([
    // "Of the two programmes": a count of the lines ranked names none of them and states no figure.
    ['Program Pendaftaran Penduduk has the lowest absorption of the two programmes, right?', /^No\. Program Pendaftaran Penduduk is not the lowest: budget absorption \(serapan\) 99,21 \[t5\.r1c5\], 2 of 2\.\nProgram Pencatatan Sipil/],
    ['Program Pendaftaran Penduduk has the lowest absorption of all 2 programs, right?', /^No\. Program Pendaftaran Penduduk is not the lowest/],
    // The figure stated is right; the ranking is not.
    ['Program Pendaftaran Penduduk has the lowest absorption, at 99,21%, right?', /^No\. Program Pendaftaran Penduduk is not the lowest[\s\S]*\nBudget absorption \(serapan\) Program Pendaftaran Penduduk: 99,21 \[t5\.r1c5\]/],
  ])('a ranking premise: %s', (q, re) => {
    const a = ask(q);
    expect(a.intent).toBe('correction');
    expect(a.text).toMatch(re);
    expect(a.text).not.toMatch(/^Yes\b/m);
  });

  it.each([
    ['What is the budget of Dinas Kependudukan dan Pencatatan Sipil?', /^Budget \(pagu\) JUMLAH: Rp\. 336\.997\.200 \[t1\.r3c2\]/],
    ['Berapa anggaran Disdukcapil Kota Dumai?', /^Pagu anggaran JUMLAH: Rp\. 336\.997\.200 \[t1\.r3c2\]/],
    // A line whose whole name is asked is that line, though its words are the office's too.
    ['Berapa pagu Pencatatan Sipil?', /^Pagu anggaran Program Pencatatan Sipil: /],
  ])('a question naming only the office asks about its whole budget, though a line repeats words of its name: %s', (q, re) => {
    expect(ask(q).text).toMatch(re);
  });

  it('confirms a premise the figures bear out', () => {
    const a = ask('Since the IKM beat its target of 88, what drove it?');
    expect(a.text).toMatch(/^Yes\. The realisation 93,05 \[t2\.r1c4\] exceeds the target 88 \[t2\.r1c3\]/);
  });
});

describe('a breakdown by budget level', () => {
  it.each([
    ['rangkum dong realisasi anggaran per program', /^Per program \(2\):\n- Program Pendaftaran Penduduk: pagu anggaran 237\.541\.200 \[t5\.r1c3\]; realisasi 235\.657\.400 \[t5\.r1c4\]; serapan anggaran 99,21 \[t5\.r1c5\]\n- Program Pencatatan Sipil: pagu anggaran 99\.356\.000 \[t5\.r2c3\]/],
    ['What is the budget and the amount spent by programme?', /^By programme \(2\):\n- Program Pendaftaran Penduduk: budget \(pagu\) 237\.541\.200 \[t5\.r1c3\]; realisation 235\.657\.400 \[t5\.r1c4\]/],
  ])('%s', (q, re) => {
    const a = ask(q);
    expect(a.intent).toBe('summary');
    expect(a.text).toMatch(re);
  });
});

describe('words of the question that name nothing', () => {
  it('an English word in its Indonesian loan spelling names the line ("population registration" → "Pendaftaran Penduduk" is not one; "registration" → "registrasi" is no word of it either)', async () => {
    const { loanForm } = await import('../../src/chat/loan.js');
    expect(['identification', 'capacity', 'patient', 'quality', 'facilities', 'infrastructure', 'effective', 'efficiency', 'technology'].map(loanForm)).toEqual([
      'identifikasi', 'kapasitas', 'pasien', 'kualitas', 'fasilitas', 'infrastruktur', 'efektif', 'efisiensi', 'teknologi',
    ]);
  });

  it('function words and chat shorthand ("secara", "knp", "cuma") are no name: the question is about the whole budget', () => {
    expect(ask('Secara keseluruhan, berapa pagu anggaran?').text).toMatch(/^Pagu anggaran JUMLAH[^\n]*: Rp\. 336\.997\.200 \[t1\.r3c2\]/);
    expect(ask('knp pagu turun jadi cuma Rp 100 juta?').text).toMatch(/^Tidak\. Laporan tidak mencetak 100\.000\.000/);
  });
});

describe('the mean capaian an efficiency statement divides', () => {
  it('answers "rata-rata capaian kinerja" from the report\'s own sentence, not an indicator named "Rata-rata …"', async () => {
    const q = await fixtureWith(
      [
        ['t5', 12, 'Tabel 3.7 Realisasi Anggaran Tahun 2023', [
          ['No', 'Program', 'Pagu (Rp)', 'Realisasi (Rp)', '%', 'Sisa (Rp)'],
          ['1', 'Program Pendaftaran Penduduk', '200.000.000', '197.000.000', '98,50', '3.000.000'],
          ['', 'JUMLAH', '200.000.000', '197.000.000', '98,50', '3.000.000'],
        ]],
        ['t6', 10, 'Tabel 3.1 Capaian Kinerja', [
          ['No', 'Indikator Kinerja', 'Target', 'Realisasi', 'Capaian'],
          ['1', 'Rata-rata waktu pelayanan KTP', '5', '3', '140,00%'],
        ]],
      ],
      [[13, 'Dengan penyerapan anggaran 98,50% dan capaian kinerja rata-rata 119,50%, diperoleh rasio efisiensi sebesar 1,21 yang menunjukkan bahwa penggunaan anggaran tergolong efisien.']],
    );
    expect(answerDeterministic('Berapa rata-rata capaian kinerja?', q).text).toMatch(/^Capaian Rata-rata capaian kinerja: 119,50% \[claim\.efficiency\.13\.\d+\]$/);
    expect(answerDeterministic('What was the average achievement?', q).text).toMatch(/119,50% \[claim\.efficiency\.13\.\d+\]/);
  });
});

describe('a row read under another name than it prints', () => {
  it('a letter-spaced total keeps its original pagu with its revised one (one line), and a breakdown takes a row\'s figures from one table', async () => {
    const q = await fixtureWith([
      ['t5', 12, 'Tabel 3.7 Realisasi Anggaran Tahun 2023', [
        ['No', 'Program', 'Pagu Murni (Rp)', 'Pagu Perubahan (Rp)', 'Realisasi (Rp)', '%', 'Sisa (Rp)'],
        ['1', 'Program Pendaftaran Penduduk', '200.000.000', '237.541.200', '235.657.400', '99,21', '1.883.800'],
        ['2', 'Program Pencatatan Sipil', '120.000.000', '99.356.000', '98.000.000', '98,64', '1.356.000'],
        ['', 'J U M L A H', '320.000.000', '336.897.200', '333.657.400', '99,04', '3.239.800'],
      ]],
    ]);
    expect(answerDeterministic('Pagu perubahan turun dibanding pagu murni ya?', q).text).toMatch(/^Tidak\. Pagu naik dari 320\.000\.000 \[t5\.r3c2\] \(murni\) menjadi 336\.897\.200 \[t5\.r3c3\] \(perubahan\)\./);
    expect(answerDeterministic('ringkas realisasi anggaran per program', q).text).toMatch(/- Program Pendaftaran Penduduk: pagu anggaran 237\.541\.200 \[t5\.r1c3\]; realisasi 235\.657\.400 \[t5\.r1c4\]/);
  });
});

describe('a trend premise about an indicator', () => {
  it('is corrected with the figures of both years and this year\'s capaian', async () => {
    const q = await fixtureWith([
      ['t9', 11, 'Tabel 3.4 Perbandingan Realisasi Kinerja', [
        ['No', 'Indikator Kinerja', 'Realisasi 2022', 'Realisasi 2023'],
        ['1', 'Indeks Kepuasan Masyarakat (IKM)', '95,10', '93,05'],
      ]],
    ]);
    const a = answerDeterministic('Since the IKM went up from 2022 to 2023, what drove it?', q);
    expect(a.text).toMatch(/^No\. The realisation went down from 95,10 \[t9\.r1c2\] \(2022\) to 93,05 \[t9\.r1c3\] \(2023\)\./);
    expect(a.text).toMatch(/\nAchievement \(capaian\) Indeks Kepuasan Masyarakat \(IKM\): 105,74%/);
  });
});

describe('lines under a program', () => {
  it.each([
    ['ada brp sub kegiatan di bawah program pelayanan kependudukan?', /memuat 3 sub kegiatan: /],
    ['How many activities are under the programme pelayanan kependudukan?', /has 2 activities: /],
  ])('%s', async (q, re) => {
    const prepared = await fixtureWith([
      ['t9', 12, 'Tabel 3.8 Realisasi Anggaran per Sub Kegiatan', [
        ['Kode', 'Program/Kegiatan/Sub Kegiatan', 'Pagu (Rp)', 'Realisasi (Rp)'],
        ['2.12.01', 'Program Pelayanan Kependudukan', '600.000.000', '570.000.000'],
        ['2.12.01.2.01', 'Pendaftaran Penduduk', '400.000.000', '380.000.000'],
        ['2.12.01.2.01.01', 'Pelayanan KTP', '250.000.000', '240.000.000'],
        ['2.12.01.2.01.02', 'Pelayanan KK', '150.000.000', '140.000.000'],
        ['2.12.01.2.02', 'Pencatatan Sipil', '200.000.000', '190.000.000'],
        ['2.12.01.2.02.01', 'Pelayanan Akta Kelahiran', '200.000.000', '190.000.000'],
      ]],
    ]);
    expect(answerDeterministic(q, prepared).text).toMatch(re);
  });
});

describe('figures in any print format', () => {
  it.each([
    ['1.234.567,5', [1234567.5]],
    ['1,234.5', [1234.5]],
    ['1.234', [1234, 1.234]],
    ['98,5%', [98.5]],
    ['Rp', []],
  ])('readings(%s)', (s, want) => expect(readings(s)).toEqual(want));

  it('compares by value', () => {
    expect(sameFigure('1.234.567', '1,234,567')).toBe(true);
    expect(sameFigure('98,5', '98.50 %')).toBe(true);
    expect(sameFigure('105,7', '105,73')).toBe(false);
    expect(sameFigure('105,7', '105,73', true)).toBe(true);
  });
});

describe('the fact index as a tool for the model', () => {
  it('finds the printed figures of a line by name, quantity and period, with ids', () => {
    const r = findFacts(p, { name: 'IKM', attribute: 'capaian', period: 'previous' });
    expect(r.lines[0]).toMatchObject({ kind: 'indicator', facts: [{ id: 't4.r1c3', text: '110,58%', year: 2022, page: 11, tableLabel: '3.4' }] });
    expect(findFacts(p, { name: 'Program Pencatatan Sipil', attribute: 'pagu', variant: 'original' }).lines[0]!.facts.map((f) => f.text)).toEqual(['Rp. 99.356.000', '120.000.000']);
  });

  it('cites the cell with its box', () => {
    const a = answerDeterministic('Berapa realisasi IKM?', p);
    expect(a.citations[0]).toMatchObject({ id: 't2.r1c4', page: 8, bbox: [320, 120, 400, 140] });
  });
});

describe('ranking and nearest figures', () => {
  it('ranks the lines of a kind by one figure', () => {
    expect(ask('Which program has the largest budget?').text).toMatch(/^Program Pendaftaran Penduduk: budget \(pagu\) Rp\. 237\.541\.200 \[t1\.r1c2\] — the highest of 2 \(Table 2\)\./);
    expect(ask('Indikator mana yang capaiannya paling rendah?').text).toMatch(/^Persentase OPD yang melakukan pelayanan terintegrasi: capaian 80,00% \[t2\.r2c5\] — terendah dari 2/);
  });

  it('reads a superlative typed the colloquial way ("paling dikit", "nyerap")', () => {
    expect(ask('program mana yg nyerap anggaran paling dikit?').text).toMatch(/^Program Pencatatan Sipil: serapan anggaran 98,64 \[t5\.r\d+c5\] — terendah dari 2/);
  });

  it('names what the report prints for a line when it lacks the figure asked', () => {
    const a = ask('What is the remaining budget of the JUMLAH?');
    expect(a.text).toBe('The report does not state the remaining budget (sisa) for JUMLAH.\nNearest the report prints (not what was asked): Budget (pagu) JUMLAH (original): Rp. 336.997.200 [t1.r3c2]');
  });
});

describe('counting lines by a label', () => {
  it('lists each indicator of the predikat asked with the capaian its row prints', async () => {
    const q = await fixtureWith([
      ['t9', 13, 'Tabel 3.1 Capaian Kinerja Tahun 2023', [
        ['No', 'Indikator Kinerja', 'Target', 'Realisasi', 'Capaian (%)', 'Predikat'],
        ['1', 'Indikator Alpha Pelayanan', '100', '90', '90,00', 'Tinggi'],
        ['2', 'Indikator Beta Pelayanan', '100', '120', '120,00', 'Sangat Tinggi'],
        ['3', 'Indikator Gamma Pelayanan', '100', '80', '80,00', 'Tinggi'],
      ]],
    ]);
    const a = answerDeterministic('Berapa indikator yang predikatnya Tinggi?', q);
    expect(a.text).toMatch(/^2 dari 3 indikator di Tabel 3\.1: Indikator Alpha Pelayanan capaian 90,00 \[t9\.r\d+c4\], Tinggi \[t9\.r\d+c5\]; Indikator Gamma Pelayanan capaian 80,00 \[t9\.r\d+c4\], Tinggi/);
    // Not reaching a bound is being below it, however it is typed.
    for (const question of ['ada brp indikator yg capaiannya blm nyampe 100%?', "how many indicators didn't reach 100%?", 'Berapa indikator yang capaiannya tidak mencapai 100%?']) {
      expect(answerDeterministic(question, q).text).toMatch(/^2 (dari|of) 3 (indikator|indicators) (di Tabel|in Table) 3\.1: Indikator Alpha Pelayanan 90,00 \[t9\.r\d+c4\]; Indikator Gamma Pelayanan 80,00/);
    }
  });
});

describe('where a table is, asked by what it holds', () => {
  it('finds a table by its header when its caption does not name the column asked about, and reads a benchmark with its decimals', async () => {
    const q = await fixtureWith(
      [
        ['t7', 9, 'Tabel 3.2 Capaian Kinerja Tahun 2023', [
          ['No', 'Indikator Kinerja', 'Target', 'Realisasi', 'Target Akhir Renstra', 'Capaian'],
          ['1', 'Indeks Kepuasan Masyarakat Kecamatan', '80', '82', '85', '102,50%'],
        ]],
      ],
      [[11, 'Dengan realisasi sebesar 82, Indeks Kepuasan Masyarakat Kecamatan di atas rata-rata nasional (62.20).']],
    );
    expect(answerDeterministic('where can I see the Renstra end targets?', q).text).toMatch(/^"Tabel 3\.2 Capaian Kinerja Tahun 2023" — p\. 9 \[t7\]/);
    expect(answerDeterministic('What national average is the Indeks Kepuasan Masyarakat Kecamatan compared with?', q).text).toMatch(/62\.20 \[p11\.\d+\]/);
  });
});

describe('a quantity asked in a unit the report does not measure it in', () => {
  it.each([
    ['Berapa nilai dalam rupiah Persentase OPD yang melakukan pelayanan terintegrasi?', /^Laporan tidak memuat nilai dalam rupiah untuk Persentase OPD yang melakukan pelayanan terintegrasi: indikator itu diukur sebagai persentase\.\nYang dimuat laporan \(bukan yang ditanyakan\): Realisasi: /],
    ['brp org OPD yg melakukan pelayanan terintegrasi?', /^Laporan tidak memuat jumlah orangnya untuk Persentase OPD/],
    ['How many people does the Persentase OPD yang melakukan pelayanan terintegrasi cover?', /^The report does not state the number of people/],
  ])('%s', (q, re) => {
    expect(ask(q).text).toMatch(re);
  });
  it('does not call a rate a percentage: its name does not say so and its figures carry no %', async () => {
    const q = await fixtureWith([
      ['t8', 9, 'Tabel 3.2 Capaian Kinerja Tahun 2023', [
        ['No', 'Indikator Kinerja', 'Target', 'Realisasi', 'Capaian'],
        ['1', 'Angka fatalitas kecelakaan lalu lintas', '1,05', '1,01', '103,96%'],
      ]],
    ]);
    expect(answerDeterministic('Berapa orang Angka fatalitas kecelakaan lalu lintas?', q).text).not.toMatch(/persentase/);
  });
  it('answers the percentage asked as a percentage', () => {
    expect(ask('Berapa realisasi Persentase OPD yang melakukan pelayanan terintegrasi?').text).not.toMatch(/tidak memuat/);
  });
});

describe('two lines compared by one figure', () => {
  it.each([
    ['Kenapa serapan Program Pendaftaran Penduduk lebih tinggi dari Program Pencatatan Sipil?', /^Ya: Serapan anggaran Program Pendaftaran Penduduk 99,21 \[t5\.r1c5\] lebih tinggi dari Program Pencatatan Sipil 98,64 \[t5\.r2c5\]\.$/],
    ['Why is the absorption of Program Pencatatan Sipil higher than Program Pendaftaran Penduduk?', /^No: Budget absorption \(serapan\) Program Pencatatan Sipil 98,64 \[t5\.r2c5\] is lower than Program Pendaftaran Penduduk 99,21 \[t5\.r1c5\]\.$/],
  ])('%s', (q, re) => {
    expect(ask(q).text).toMatch(re);
  });
});
