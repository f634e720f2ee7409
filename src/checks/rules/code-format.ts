import type { BudgetLevel } from '../../model/index.js';
import type { Bilingual, Check, FindingDraft } from '../types.js';

type Shape = 'urusan' | 'bidang' | 'program' | 'kegiatan' | 'sub_kegiatan';

const HEAD = String.raw`(?:\d|X)\.(?:\d{2}|XX)`;
const SHAPES: Array<{ shape: Shape; re: RegExp; example: string }> = [
  { shape: 'urusan', re: /^(?:\d|X)$/i, example: '2' },
  { shape: 'bidang', re: new RegExp(`^${HEAD}$`, 'i'), example: '2.12' },
  { shape: 'program', re: new RegExp(String.raw`^${HEAD}\.\d{2}$`, 'i'), example: '2.12.01' },
  { shape: 'kegiatan', re: new RegExp(String.raw`^${HEAD}\.\d{2}\.[12]\.\d{2}$`, 'i'), example: '2.12.01.2.08' },
  { shape: 'sub_kegiatan', re: new RegExp(String.raw`^${HEAD}\.\d{2}\.[12]\.\d{2}\.(?:\d{4}|\d{2})$`, 'i'), example: '2.12.01.2.08.0002' },
];

const NAME: Record<Shape, Bilingual> = {
  urusan: { id: 'urusan', en: 'urusan (affair)' },
  bidang: { id: 'bidang', en: 'bidang (field)' },
  program: { id: 'program', en: 'program' },
  kegiatan: { id: 'kegiatan', en: 'kegiatan (activity)' },
  sub_kegiatan: { id: 'sub kegiatan', en: 'sub-kegiatan (sub-activity)' },
};

const LEVEL_SHAPE: Partial<Record<BudgetLevel, Shape>> = { program: 'program', kegiatan: 'kegiatan', sub_kegiatan: 'sub_kegiatan' };

/** Spaces from OCR and one trailing full stop are layout, not part of the code. */
const clean = (kode: string): string => kode.replace(/\s+/g, '').replace(/\.$/, '');

/** Segment-wise prefix test where `X`/`XX` (any bidang) matches any digits. */
function startsWithCode(child: string, parent: string): boolean {
  const c = child.split('.');
  const p = parent.split('.');
  if (p.length >= c.length) return false;
  return p.every((seg, i) => {
    const other = c[i] ?? '';
    return /^x+$/i.test(seg) || /^x+$/i.test(other) || seg === other;
  });
}

/**
 * Program / kegiatan / sub-kegiatan codes (Kepmendagri 050-5889/2021, domain.md §3): well formed
 * (`2`, `2.12`, `2.12.01`, `2.12.01.2.08`, `2.12.01.2.08.0002` or the short `…08.02`; `X.XX` for any
 * bidang), of the shape of the row's level, and starting with the parent row's code.
 */
const codeFormat: Check = {
  id: 'code-format',
  meta: {
    title: { id: 'Format kode', en: 'Code format' },
    docs: 'program/kegiatan/sub-kegiatan codes well formed (Kepmendagri 050-5889/2021, X.XX allowed), matching the row level and nested under the parent code; info for codes read from a scan',
    defaultSeverity: 'warning',
    tags: ['budget', 'format'],
  },
  messages: {
    malformed: {
      id: '{uraian}: kode "{printed}" tidak sesuai format kode {level} (contoh {example}){scan}',
      en: '{uraian}: code "{printed}" is not a well-formed {level} code (e.g. {example}){scan}',
    },
    wrongLevel: {
      id: '{uraian}: kode "{printed}" berbentuk kode {shape}, tetapi baris ini adalah {level} (contoh {example}){scan}',
      en: '{uraian}: code "{printed}" has the shape of a {shape} code, but the row is a {level} (e.g. {example}){scan}',
    },
    notNested: {
      id: '{uraian}: kode "{printed}" tidak diawali kode induknya "{parent}" ({parentUraian}){scan}',
      en: '{uraian}: code "{printed}" does not start with its parent\'s code "{parent}" ({parentUraian}){scan}',
    },
  },
  run(report, ctx) {
    const out: FindingDraft[] = [];
    const byId = new Map(report.budget.map((r) => [r.id, r]));
    for (const row of report.budget) {
      if (!row.kode || row.kode.trim() === '') continue;
      const kode = clean(row.kode);
      const shape = SHAPES.find((s) => s.re.test(kode));
      const want = LEVEL_SHAPE[row.level];
      const wantShape = SHAPES.find((s) => s.shape === want);
      // A code read from a scan that breaks the pattern is as likely the reading's slip as the
      // report's: said, as information.
      const scanned = [row.pagu, row.realisasi, row.sisa].some((v) => v?.ocr) || row.cite.ocrConf !== undefined;
      const scan = scanned ? { id: ' (dibaca dari pindaian: bisa salah baca, periksa pindaian)', en: ' (read from a scan: possibly misread, check the scan)' } : { id: '', en: '' };
      const base = { subject: `budget:${row.key}`, printed: { text: row.kode, value: null }, citations: [ctx.cite(row.cite)], ...(scanned ? { severity: 'info' as const } : {}) };
      const operand = { name: 'kode', text: row.kode, value: null, cite: ctx.cite(row.cite) };
      if (!shape) {
        const example = wantShape?.example ?? '2.12.01';
        out.push({
          ...base,
          messageId: 'malformed',
          data: { scan, uraian: row.uraian, printed: row.kode, level: want ? NAME[want] : { id: 'program/kegiatan', en: 'program/activity' }, example },
          expected: { value: example, interval: null, formula: 'urusan.bidang.program[.1|2.kegiatan[.sub kegiatan]]', operands: [operand] },
        });
        continue;
      }
      if (want && wantShape && shape.shape !== want) {
        out.push({
          ...base,
          messageId: 'wrongLevel',
          data: { scan, uraian: row.uraian, printed: row.kode, shape: NAME[shape.shape], level: NAME[want], example: wantShape.example },
          expected: { value: wantShape.example, interval: null, formula: `bentuk kode ${NAME[want].id}`, operands: [operand] },
        });
        continue;
      }
      const parent = row.parentId ? byId.get(row.parentId) : undefined;
      if (!parent?.kode || parent.kode.trim() === '') continue;
      const parentKode = clean(parent.kode);
      if (startsWithCode(kode, parentKode)) continue;
      out.push({
        ...base,
        messageId: 'notNested',
        data: { scan, uraian: row.uraian, printed: row.kode, parent: parent.kode, parentUraian: parent.uraian },
        expected: {
          value: `${parentKode}.…`,
          interval: null,
          formula: `kode anak diawali kode induk ${parentKode}`,
          operands: [operand, { name: `kode induk (${parent.uraian})`, text: parent.kode, value: null, cite: ctx.cite(parent.cite) }],
        },
      });
    }
    return out;
  },
};

export default codeFormat;
