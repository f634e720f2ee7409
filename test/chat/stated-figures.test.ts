import { describe, expect, it } from 'vitest';
import { answerDeterministic, prepare } from '../../src/chat/index.js';
import { extractReport } from '../../src/extract/index.js';
import { auditReport } from '../../src/pipeline/audit.js';
import { fixtureLayout, para } from './fixture.js';

/** The small report with sentences printing figures no table prints. */
function proseFixture() {
  const layout = fixtureLayout([
    para(3, 'Untuk mencapai sasaran tersebut, Dinas didukung anggaran sebesar Rp14.587.105.300,- (Empat Belas Milyar Seratus Lima Ribu Tiga Ratus Rupiah) yang terdiri dari Belanja Operasi dan Belanja Modal.'),
    para(9, 'Secara keseluruhan, tingkat efisiensi penggunaan sumber daya adalah 1,09 yang berasal dari persentase rata-rata capaian kinerja sasaran (98,38%) dibagi dengan persentase penyerapan anggaran (89,86%), sehingga penggunaan sumber daya dinilai efisien.'),
    para(10, 'Jika disandingkan dengan rata-rata Provinsi tahun 2023 sebesar 55,30, maka realisasi Indeks Pelayanan Publik sebesar 50,10 lebih tinggi dibandingkan rata-rata Provinsi tersebut.'),
  ]);
  return prepare({ result: auditReport(extractReport(layout)), layout });
}

const p = proseFixture();
const ask = (q: string) => answerDeterministic(q, p).text;

describe('a figure the question states, found where the report prints it', () => {
  it.each([
    // Printed only in a sentence: the sentence, quoted with its operands.
    ['tingkat efisiensi keseluruhan 1,09 itu dpt dr mana?', [/^Menurut laporan \(hal\. 9\): "Secara keseluruhan, tingkat efisiensi penggunaan sumber daya adalah 1,09 [^"]*\(98,38%\)[^"]*\(89,86%\)/]],
    // Two stated figures compared the wrong way round: corrected, with the sentence printing both.
    ['Narasi bilang realisasi 50,10 lebih tinggi dr rata2 provinsi (55,30). Bener gitu?', [/^Tidak: 50,10 lebih rendah dari 55,30, bukan sebaliknya\.\nMenurut laporan \(hal\. 10\): "Jika disandingkan/]],
    ['The text says 50,10 is lower than the provincial average of 55,30 - right?', [/^Yes: 50,10 is lower than 55,30\./]],
  ])('%s', (q, res) => {
    const a = ask(q);
    for (const re of res) expect(a).toMatch(re);
  });

  it('an amount whose words do not match it: the finding and the words the figure reads as', () => {
    const a = ask('The executive summary spells out the budget in words - does the terbilang match Rp14.587.105.300?');
    expect(a).toMatch(/^Not so: 14\.587\.105\.300 is printed, but the audit finds a problem with that figure\.\nFinding: [^\n]*\[terbilang-[0-9a-f]+\]/);
    expect(a).toMatch(/14\.587\.105\.300 in words: "empat belas miliar lima ratus delapan puluh tujuh juta seratus lima ribu tiga ratus"\./);
  });
});
