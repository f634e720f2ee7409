import { describe, expect, it } from 'vitest';
import { syllabicPieces } from '../../src/chat/resolve.js';

describe('syllabicPieces: a word read as a syllabic acronym of a name', () => {
  const cases: Array<{ token: string; words: string[]; want: string[] }> = [
    { token: 'trantibum', words: ['program', 'peningkatan', 'ketenteraman', 'ketertiban', 'umum'], want: ['ketenteraman', 'ketertiban', 'umum'] },
    { token: 'disdukcapil', words: ['dinas', 'kependudukan', 'pencatatan', 'sipil'], want: ['dinas', 'kependudukan', 'pencatatan', 'sipil'] },
    { token: 'perda', words: ['persentase', 'penegakan', 'peraturan', 'daerah'], want: ['peraturan', 'daerah'] },
    { token: 'renstra', words: ['rencana', 'strategis'], want: ['rencana', 'strategis'] },
    // Not made of the name's pieces: a plain word, pieces out of order, a single word.
    { token: 'share', words: ['persentase', 'penegakan', 'peraturan', 'daerah'], want: [] },
    { token: 'umtib', words: ['ketertiban', 'umum'], want: [] },
    { token: 'dinas', words: ['dinas', 'sosial'], want: [] },
    { token: 'kesehatan', words: ['dinas', 'kesehatan'], want: [] },
  ];
  it.each(cases)('$token over $words', ({ token, words, want }) => {
    expect(syllabicPieces(token, words)).toEqual(want);
  });
});
