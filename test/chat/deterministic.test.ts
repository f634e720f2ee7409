import { describe, expect, it } from 'vitest';
import { answerDeterministic, detectLanguage, parseQuestion, renderAnswer, renderSources } from '../../src/chat/index.js';
import { fixture } from './fixture.js';

describe('reading a question', () => {
  it.each([
    ['Angka capaian mana yang salah hitung?', 'wrong-capaian', 'id'],
    ['Which capaian figures are wrong?', 'wrong-capaian', 'en'],
    ['Do the program budgets add up?', 'budget-sums', 'en'],
    ['Apakah jumlah anggaran program sudah sesuai?', 'budget-sums', 'id'],
    ['Berapa realisasi IKM dan di halaman berapa?', 'value', 'id'],
    ['What is the budget of Program Pencatatan Sipil?', 'value', 'en'],
    ['Why is this capaian wrong?', 'why', 'en'],
    ['Mengapa angka ini salah?', 'why', 'id'],
    ['Ringkas temuan terpenting', 'summary', 'id'],
    ['How many findings are there?', 'count', 'en'],
    ['Berapa banyak temuan error?', 'count', 'id'],
    ['Tampilkan temuan terbilang', 'findings', 'id'],
    ['List the warnings', 'findings', 'en'],
  ])('%s → %s (%s)', (q, intent, lang) => {
    const p = parseQuestion(q);
    expect(p.intent).toBe(intent);
    expect(p.lang).toBe(lang);
  });

  it('reads the figure, checks and severity a question names', () => {
    expect(parseQuestion('Berapa sisa anggaran program X?').fields).toEqual(['sisa']);
    expect(parseQuestion('Berapa realisasi anggaran program X?').fields).toEqual(['realisasi']);
    expect(parseQuestion('Berapa realisasi anggaran program X?').money).toBe(true);
    expect(parseQuestion('List the terbilang warnings').checks).toEqual(['terbilang']);
    expect(parseQuestion('List the terbilang warnings').severities).toEqual(['warning']);
    expect(parseQuestion('What was the IKM last year?').previous).toBe(true);
    expect(parseQuestion('explain capaian-fda8684e80e1').findingIds).toEqual(['capaian-fda8684e80e1']);
  });

  it('detects the language, Indonesian when undecided', () => {
    expect(detectLanguage('Do the program budgets add up?')).toBe('en');
    expect(detectLanguage('Apakah anggaran sudah benar?')).toBe('id');
    expect(detectLanguage('IKM?')).toBe('id');
  });
});

describe('deterministic answers on a small report', () => {
  const p = fixture();
  const capaian = p.ctx.result.findings.find((f) => f.check === 'capaian')!;
  const sum = p.ctx.result.findings.find((f) => f.check === 'sum-rows')!;

  it('lists the wrong capaian with its finding, in the question language', () => {
    const a = answerDeterministic('Angka capaian mana yang salah hitung?', p);
    expect(a.language).toBe('id');
    expect(a.text).toMatch(/^1 angka capaian salah hitung:/);
    expect(a.text).toContain('80,00%');
    expect(a.text).toContain('51,85 / 69');
    expect(a.citations.map((c) => c.id)).toEqual([capaian.id]);
    expect(a.citations[0]).toMatchObject({ kind: 'finding', page: 8, table: 't2', row: 2 });
  });

  it('says which total does not add up, and what was checked', () => {
    const a = answerDeterministic('Do the program budgets add up?', p);
    expect(a.text).toMatch(/^No\. 1 budget total does not match/);
    expect(a.text).toContain('Rp. 336.997.200');
    expect(a.citations.map((c) => c.id)).toContain(sum.id);
  });

  it('counts a total off in two columns (two findings, one per figure) as one total with two figures', () => {
    const other = { ...sum, id: `${sum.id}-sisa`, citations: sum.citations.map((c) => ({ ...c, column: 3 })) };
    const two = { ...p, ctx: { ...p.ctx, result: { ...p.ctx.result, findings: [...p.ctx.result.findings, other] } } };
    expect(answerDeterministic('Do the program budgets add up?', two).text).toMatch(/^No\. 1 budget total \(2 figures\) does not match/);
    expect(answerDeterministic('Apakah anggaran program sudah cocok jumlahnya?', two).text).toMatch(/^Tidak\. 1 jumlah anggaran \(2 angka\) tidak cocok/);
  });

  it('says "yes" with what was checked when every total adds up', () => {
    const clean = { ...p, ctx: { ...p.ctx, result: { ...p.ctx.result, findings: p.ctx.result.findings.filter((f) => f.check !== 'sum-rows') } } };
    const a = answerDeterministic('Apakah anggaran program sudah cocok jumlahnya?', clean);
    expect(a.text).toMatch(/^Ya\. Semua 1 total/);
    expect(a.text).toContain('Rp. 336.997.200');
    expect(a.citations.map((c) => c.id)).toEqual(['t1.r3c2']);
  });

  it('gives a value and every place it is printed', () => {
    const a = answerDeterministic('What is the realisation of IKM and where is it printed?', p);
    expect(a.text).toContain('93,05 — printed on p. 8 (Table 4) [t2.r1c4], p. 10 (Table 5) [t3.r1c4]');
    expect(a.text).toContain('In the same row (Table 4, p. 8): target 88 [t2.r1c3]; achievement (capaian) 105,74% [t2.r1c5].');
    expect(a.citations.map((c) => [c.id, c.page])).toEqual([
      ['t2.r1c4', 8],
      ['t3.r1c4', 10],
      ['t2.r1c3', 8],
      ['t2.r1c5', 8],
    ]);
  });

  it('explains why with formula and operands, each cited', () => {
    const a = answerDeterministic('Why is the capaian of Persentase OPD wrong?', p);
    expect(a.intent).toBe('why');
    expect(a.text).toContain('Formula: 51,85 / 69 × 100');
    expect(a.text).toContain('target = 69% (p. 8, t2) [t2.r2c3]');
    expect(a.text).toContain('realisasi = 51,85% (p. 8, t2) [t2.r2c4]');
    expect(a.citations.map((c) => c.id)).toEqual([capaian.id, 't2.r2c5', 't2.r2c3', 't2.r2c4']);
  });

  it('answers "why?" about the previous answer', () => {
    const first = answerDeterministic('Angka capaian mana yang salah hitung?', p);
    const a = answerDeterministic('Mengapa?', p, { history: [{ question: 'Angka capaian mana yang salah hitung?', answer: first }] });
    expect(a.citations[0]?.id).toBe(capaian.id);
    expect(a.text).toContain('Rumus: 51,85 / 69 × 100');
  });

  it('summarises with counts by severity and check', () => {
    const a = answerDeterministic('Summarise the most important findings', p);
    expect(a.text).toContain(`The audit produced ${p.ctx.result.findings.length} findings`);
    expect(a.text).toContain('By check: capaian 1, sum-rows 1');
    expect(a.citations.map((c) => c.id).sort()).toEqual([capaian.id, sum.id].sort());
  });

  it('lists findings about a named program or indicator, and says when there are none', () => {
    const a = answerDeterministic('Temuan untuk indikator Persentase OPD yang melakukan pelayanan terintegrasi', p);
    expect(a.intent).toBe('findings');
    expect(a.citations.map((c) => c.id)).toEqual([capaian.id]);
    const none = answerDeterministic('Show the findings for Program Pendaftaran Penduduk', p);
    expect(none.text).toMatch(/^There are no findings about Program Pendaftaran Penduduk \(p\. 6\) \[t1\.r1\]\.$/);
  });

  it('says so when nothing matches, without inventing a citation', () => {
    const a = answerDeterministic('zzz qqq', p);
    expect(a.intent).toBe('search');
    expect(a.citations).toEqual([]);
    expect(a.text).toMatch(/tidak menemukan/);
  });

  it('renders ids as numbered references with page, table and row', () => {
    const a = answerDeterministic('Berapa realisasi IKM?', p);
    const out = renderAnswer(a);
    expect(out).toContain('93,05 [1] [2]');
    expect(out).toContain('Sumber:\n[1] hal. 8, tabel t2, baris 1 — t2.r1c4: 93,05');
    expect(renderSources(a, 'en')).toContain('[2] p. 10, table t3, row 1 — t3.r1c4: 93,05');
  });
});
