import { describe, expect, it } from 'vitest';
import { analyze, canonicalTerms, normalizeTerm, Retriever, stem, tokenize } from '../../src/chat/index.js';
import { fixture } from './fixture.js';

describe('normalisation', () => {
  it.each([
    ['anggarannya', 'anggar'],
    ['capaian', 'capai'],
    ['kegiatan', 'kegiat'],
    ['laksanakan', 'laksana'],
    ['realisasi', 'realisas'],
    ['budgets', 'budget'],
    ['businesses', 'business'],
    ['approaches', 'approach'],
    ['facilities', 'facility'],
    ['process', 'process'],
    ['pagu', 'pagu'],
    ['2023', '2023'],
  ])('stem(%s) = %s', (w, s) => expect(stem(w)).toBe(s));

  it('folds Indonesian and English synonyms onto one term', () => {
    const same = (words: string[]) => expect(new Set(words.map(normalizeTerm)).size, words.join(' ')).toBe(1);
    same(['anggaran', 'pagu', 'budget', 'alokasi', 'Anggarannya']);
    same(['capaian', 'achievement', 'pencapaian']);
    same(['realisasi', 'realization', 'actual']);
    same(['salah', 'wrong', 'error', 'keliru']);
    same(['kegiatan', 'activity', 'activities']);
    same(['temuan', 'findings', 'issue']);
  });

  it('keeps halaman ≈ page for intent rules but drops them from search', () => {
    expect(new Set(canonicalTerms('halaman page hal')).size).toBe(1);
    expect(analyze('di halaman berapa')).toEqual([]);
  });

  it('lower-cases, drops punctuation and joins numbers across separators', () => {
    expect(tokenize('Rp. 8.955.501.115,- (IKM)')).toEqual(['rp', '8955501115', 'ikm']);
    expect(tokenize('8,955,501,115')).toEqual(['8955501115']);
  });
});

describe('retrieval', () => {
  const p = fixture();
  const r = Retriever.from(p.ctx);

  it('finds an indicator by its acronym', () => {
    expect(r.search('realisasi IKM', { kinds: ['indicator'] })[0]?.doc.ref).toBe('indeks-kepuas-masyarakat');
    expect(r.expand('ikm')).toBe('ikm indeks kepuasan masyarakat');
  });

  it('finds a budget line through a synonym', () => {
    const hits = r.search('budget of the civil registration program Pencatatan Sipil', { kinds: ['budget'] });
    expect(hits[0]?.doc.title).toMatch(/Pencatatan Sipil/);
  });

  it('finds findings in either language', () => {
    const id = p.ctx.result.findings.find((f) => f.check === 'capaian')!.id;
    expect(r.search('capaian salah', { kinds: ['finding'] })[0]?.doc.ref).toBe(id);
    expect(r.search('wrong achievement', { kinds: ['finding'] })[0]?.doc.ref).toBe(id);
  });

  it('searches page text and returns its paragraph id', () => {
    const hit = r.search('dua program tahun 2023', { kinds: ['paragraph'] })[0];
    expect(hit?.doc.ref).toBe('p5.1');
    expect(p.index.get('p5.1')?.page).toBe(5);
  });

  it('groups an indicator printed in several tables into one entity', () => {
    const e = [...r.entities.values()].find((x) => x.kind === 'indicator' && /Kepuasan/.test(x.name))!;
    expect(e.indicators.map((i) => i.table)).toEqual(['t2', 't3']);
    expect(e.subject).toBe(`indicator:${e.indicators[0]!.key}`);
  });
});
