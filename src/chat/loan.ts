/**
 * English words in their Indonesian loan spelling. Indonesian took much of its administrative
 * vocabulary from Dutch and English and respells it by regular rules (-tion → -si, -ity → -itas,
 * -ic → -ik, -ive → -if, c → k or s, ph → f, x → ks, y → i, no double consonants), so a question
 * in English names "identification", "capacity" or "facilities" where the report prints
 * "identifikasi", "kapasitas" and "fasilitas". Applied to a question's words that match no name as
 * written.
 *
 * @example
 *   loanForm('identification'); // 'identifikasi'
 *   loanForm('capacity');       // 'kapasitas'
 *   loanForm('patient');        // 'pasien'
 *   loanForm('quality');        // 'kualitas'
 */
export function loanForm(word: string): string {
  let s = word.toLowerCase();
  const endings: Array<[RegExp, string]> = [
    [/[ts]ions?$/, 'si'],
    [/it(?:y|ies)$/, 'itas'],
    [/ical(?:ly)?$/, 'is'],
    [/ics?$/, 'ik'],
    [/ives?$/, 'if'],
    [/ency$/, 'ensi'],
    [/ancy$/, 'ansi'],
    [/ents?$/, 'en'],
    [/logy$/, 'logi'],
    [/graphy$/, 'grafi'],
    [/ures?$/, 'ur'],
    [/isms?$/, 'isme'],
  ];
  for (const [re, to] of endings) {
    if (re.test(s)) {
      s = s.replace(re, to);
      break;
    }
  }
  s = s
    .replace(/ph/g, 'f')
    .replace(/th/g, 't')
    .replace(/ch/g, 'k')
    .replace(/qu/g, 'ku')
    .replace(/c(?=[eiy])/g, 's')
    .replace(/c/g, 'k')
    .replace(/x/g, 'ks')
    .replace(/q/g, 'k')
    .replace(/ti(?=[aeou])/g, 'si')
    .replace(/y/g, 'i')
    .replace(/([bdfgklmnprst])\1/g, '$1');
  return s;
}
