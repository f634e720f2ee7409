import type { Finding, Severity, Value } from '../model/report.js';
import { CitationIndex, citedIds, clipText } from './citations.js';
import { FactIndex } from './facts.js';
import { answerGrounded } from './grounded.js';
import { parseQuestion, type Field, type ParsedQuestion } from './intent.js';
import { analyze, Retriever, type Entity, type Hit } from './retrieval.js';
import { Answer, type ChatContext, type Lang, type Turn } from './types.js';
import { understand } from './understand.js';

/**
 * The answerer that needs no model: keyword rules read the question, retrieval finds what it is
 * about, and the answer is assembled from the findings and the model. Every figure is copied from
 * a printed text or a finding and followed by the id it came from.
 */

export interface DeterministicOptions {
  lang?: Lang;
  /** Earlier turns: "why?" without a subject is about the last answer's findings. */
  history?: Turn[];
}

/** Everything the answerers need about one report, built once. */
export interface Prepared {
  ctx: ChatContext;
  index: CitationIndex;
  retriever: Retriever;
  /** Every printed figure with its entity, quantity, period, table and place. */
  facts: FactIndex;
}

/**
 * Builds the citation index and search index of a report.
 *
 * @example
 *   const prepared = prepare({ result, layout });
 *   answerDeterministic('Ringkas temuan terpenting', prepared);
 */
export function prepare(ctx: ChatContext): Prepared {
  const retriever = Retriever.from(ctx);
  return { ctx, index: CitationIndex.from(ctx), retriever, facts: FactIndex.from(ctx, retriever) };
}

const SEVERITY_RANK: Record<Severity, number> = { error: 0, warning: 1, rounding: 2, info: 3 };
/** Which checks matter most to an auditor, for ordering and summaries. */
const CHECK_RANK = [
  'capaian', 'capaian-zero-target', 'sum-rows', 'sum-hierarchy', 'belanja-total', 'predikat', 'serapan', 'sisa', 'efisiensi',
  'cross-table', 'terbilang', 'count-claim', 'trend-words', 'period-entity', 'code-format', 'number-format',
];
const SUM_CHECKS = ['sum-rows', 'sum-hierarchy', 'belanja-total'];
const MAX_LIST = 6;

const SEVERITY_NAME: Record<Severity, { id: string; en: string }> = {
  error: { id: 'error', en: 'error' },
  warning: { id: 'peringatan', en: 'warning' },
  rounding: { id: 'pembulatan', en: 'rounding' },
  info: { id: 'info', en: 'info' },
};

const FIELD_NAME: Record<Field, { id: string; en: string }> = {
  target: { id: 'Target', en: 'Target' },
  realisasi: { id: 'Realisasi', en: 'Realisation' },
  capaian: { id: 'Capaian', en: 'Capaian (achievement)' },
  predikat: { id: 'Predikat', en: 'Predikat (rating)' },
  pagu: { id: 'Pagu', en: 'Budget (pagu)' },
  persen: { id: 'Serapan (%)', en: 'Absorption (%)' },
  sisa: { id: 'Sisa anggaran', en: 'Remaining budget (sisa)' },
  belanja: { id: 'Belanja', en: 'Spending (belanja)' },
};

/**
 * Answers a question about one report without a model.
 *
 * @example
 *   const a = answerDeterministic('Berapa realisasi IKM dan di halaman berapa?', prepare({ result, layout }));
 *   a.text;      // 'Realisasi Indeks Kepuasan Masyarakat …: 93,05 — hal. 8 [t7.r3c4], hal. 10 [t8.r6c3] …'
 *   a.citations; // [{ id: 't7.r3c4', page: 8, table: 't7', row: 3, … }, …]
 */
export function answerDeterministic(question: string, prepared: Prepared, opts: DeterministicOptions = {}): Answer {
  const understood = understand(question, { ...(opts.lang ? { lang: opts.lang } : {}), year: prepared.ctx.result.report.report.tahun });
  const grounded = answerGrounded(understood, { fx: prepared.facts, report: prepared.ctx.result.report, retriever: prepared.retriever, findings: prepared.ctx.result.findings });
  if (grounded) {
    const text = grounded.text.trim();
    return Answer.parse({ text, citations: prepared.index.resolve(citedIds(text)), language: understood.lang, answerer: 'deterministic', intent: grounded.intent });
  }
  const parsed = parseQuestion(question, opts.lang);
  const a = new Answerer(prepared, parsed, opts.history ?? []);
  const text = a.run().trim();
  return Answer.parse({
    text,
    citations: prepared.index.resolve(citedIds(text)),
    language: parsed.lang,
    answerer: 'deterministic',
    intent: a.intent,
  });
}

class Answerer {
  intent: string;
  private readonly lang: Lang;
  private readonly findings: Finding[];

  constructor(
    private readonly p: Prepared,
    private readonly q: ParsedQuestion,
    private readonly history: Turn[],
  ) {
    this.intent = q.intent;
    this.lang = q.lang;
    this.findings = [...p.ctx.result.findings].sort(byImportance);
  }

  run(): string {
    switch (this.q.intent) {
      case 'why':
        return this.why();
      case 'summary':
        return this.summary();
      case 'count':
        return this.count();
      case 'wrong-capaian':
        return this.wrongCapaian();
      case 'budget-sums':
        return this.budgetSums();
      case 'findings':
        return this.findingsList();
      case 'value':
        return this.value();
      default:
        return this.search();
    }
  }

  private t(id: string, en: string): string {
    return this.lang === 'id' ? id : en;
  }

  private msg(f: Finding, max = 260): string {
    return plain(clipText(f.message[this.lang], max));
  }

  private item(f: Finding, max = 260): string {
    const cause = f.causedBy?.length ? this.t(` — disebabkan oleh ${f.causedBy.map((c) => `[${c}]`).join(' ')}`, ` — caused by ${f.causedBy.map((c) => `[${c}]`).join(' ')}`) : '';
    return `- ${this.msg(f, max)} (${this.pagesOf(f)}) [${f.id}]${cause}`;
  }

  private pagesOf(f: Finding): string {
    const pages = [...new Set(f.citations.map((c) => c.page))];
    return `${this.t('hal.', pages.length > 1 ? 'pp.' : 'p.')} ${pages.join(', ')}`;
  }

  private page(n: number): string {
    return `${this.t('hal.', 'p.')} ${n}`;
  }

  private list(fs: Finding[], max = MAX_LIST): string[] {
    const lines = fs.slice(0, max).map((f) => this.item(f));
    if (fs.length > max) lines.push(this.t(`- … dan ${fs.length - max} temuan lain (${fs.slice(max).map((f) => `[${f.id}]`).slice(0, 8).join(' ')}${fs.length - max > 8 ? ' …' : ''})`, `- … and ${fs.length - max} more (${fs.slice(max).map((f) => `[${f.id}]`).slice(0, 8).join(' ')}${fs.length - max > 8 ? ' …' : ''})`));
    return lines;
  }

  // ── intents ────────────────────────────────────────────────────────────────────────────────

  private why(): string {
    const f = this.pickFinding();
    if (!f) {
      this.intent = 'why:none';
      return this.t(
        'Saya tidak menemukan temuan yang cocok dengan pertanyaan ini. Sebutkan nama indikator atau program, atau id temuan (mis. dari jawaban sebelumnya).',
        'I found no finding matching this question. Name the indicator or program, or give a finding id (e.g. from a previous answer).',
      );
    }
    const lines = [`${plain(f.message[this.lang])} [${f.id}]`];
    if (f.printed) lines.push(`${this.t('Tercetak', 'Printed')}: "${plain(f.printed.text)}" — ${this.printedAt(f)}`);
    if (f.expected) {
      lines.push(`${this.t('Rumus', 'Formula')}: ${plain(f.expected.formula)}`);
      const ops = f.expected.operands.slice(0, 12).map((o) => {
        const id = this.p.index.idOf(o.cite);
        const where = o.cite ? ` (${this.page(o.cite.page)}${o.cite.table ? `, ${o.cite.table}` : ''})` : '';
        return `  • ${plain(o.name)} = ${plain(o.text)}${where}${id ? ` [${id}]` : ''}`;
      });
      if (ops.length) lines.push(`${this.t('Operand', 'Operands')}:`, ...ops);
      if (f.expected.operands.length > 12) lines.push(this.t(`  • … dan ${f.expected.operands.length - 12} operand lain`, `  • … and ${f.expected.operands.length - 12} more operands`));
    }
    const causes = (f.causedBy ?? []).map((id) => this.findings.find((x) => x.id === id)).filter((x): x is Finding => !!x);
    if (causes.length) lines.push(this.t('Disebabkan oleh:', 'Caused by:'), ...causes.map((c) => this.item(c, 200)));
    const effects = this.findings.filter((x) => x.causedBy?.includes(f.id));
    if (effects.length) lines.push(this.t('Temuan ini menyebabkan:', 'This finding causes:'), ...this.list(effects, 3));
    lines.push(`${this.t('Jenis pemeriksaan', 'Check')}: ${f.check}, ${this.t('tingkat', 'severity')}: ${SEVERITY_NAME[f.severity][this.lang]}.`);
    return lines.join('\n');
  }

  private printedAt(f: Finding): string {
    const places = f.citations.map((c) => {
      const id = this.p.index.idOf(c);
      return `${this.page(c.page)}${c.table ? `, ${c.table}` : ''}${id ? ` [${id}]` : ` [${f.id}]`}`;
    });
    return `${this.t('dicetak di', 'printed at')} ${places.slice(0, 8).join('; ')}${places.length > 8 ? ' …' : ''}`;
  }

  /** The finding a "why" question is about: an id in the question, a named entity, the last answer, or retrieval. */
  private pickFinding(): Finding | undefined {
    const byId = (id: string) => this.findings.find((f) => f.id === id);
    for (const id of this.q.findingIds) {
      const f = byId(id);
      if (f) return f;
    }
    const relevant = (fs: Finding[]) => {
      const checks = this.wantedChecks();
      const pool = checks.length ? fs.filter((f) => checks.includes(f.check)) : fs;
      return (pool.length ? pool : fs).sort(byImportance)[0];
    };
    const entity = this.entity();
    if (entity) {
      const fs = this.findings.filter((f) => f.subject === entity.subject);
      if (fs.length) return relevant(fs);
    }
    if (!this.q.content || analyze(this.q.content).length === 0) {
      const last = this.history[this.history.length - 1];
      const prev = last?.answer.citations.filter((c) => c.kind === 'finding').map((c) => byId(c.id)).filter((f): f is Finding => !!f) ?? [];
      if (prev.length) return relevant(prev);
    }
    const hits = this.p.retriever.search(this.q.content || '', { kinds: ['finding'], limit: 5 });
    const found = hits.map((h) => byId(h.doc.ref)).filter((f): f is Finding => !!f);
    if (found.length) return relevant(found);
    const checks = this.wantedChecks();
    if (checks.length) return this.findings.find((f) => checks.includes(f.check));
    return undefined;
  }

  private wantedChecks(): string[] {
    const checks = [...this.q.checks];
    if (this.q.fields.includes('capaian') && !checks.length) checks.push('capaian', 'capaian-zero-target', 'cross-table');
    if (this.q.fields.includes('persen') && !checks.length) checks.push('serapan');
    if (this.q.fields.includes('sisa') && !checks.includes('sisa')) checks.push('sisa');
    return checks;
  }

  private summary(): string {
    const r = this.p.ctx.result.report.report;
    const all = this.findings;
    const lines = [this.header(all)];
    const important = pickDiverse(all.filter((f) => f.severity === 'error' || f.severity === 'warning'), 5);
    if (important.length) {
      lines.push(this.t('Temuan terpenting:', 'Most important findings:'), ...important.map((f) => this.item(f, 220)));
    } else {
      lines.push(this.t('Tidak ada temuan error atau peringatan.', 'There are no error or warning findings.'));
    }
    lines.push(`${this.t('Per pemeriksaan', 'By check')}: ${this.byCheck(all)}.`);
    if (r.instansi) lines.unshift(`${plain(r.instansi)}${r.pemda ? `, ${plain(r.pemda)}` : ''}${r.tahun ? ` — ${r.tahun}` : ''}${r.cite ? ` (${this.page(r.cite.page)})` : ''}`);
    return lines.join('\n');
  }

  private header(fs: Finding[]): string {
    const counts = (['error', 'warning', 'rounding', 'info'] as Severity[]).map((s) => [s, fs.filter((f) => f.severity === s).length] as const).filter(([, n]) => n > 0);
    const parts = counts.map(([s, n]) => `${n} ${SEVERITY_NAME[s][this.lang]}`);
    return this.t(`Audit menghasilkan ${fs.length} temuan${parts.length ? ` (${parts.join(', ')})` : ''}.`, `The audit produced ${fs.length} findings${parts.length ? ` (${parts.join(', ')})` : ''}.`);
  }

  private byCheck(fs: Finding[]): string {
    const m = new Map<string, number>();
    for (const f of fs) m.set(f.check, (m.get(f.check) ?? 0) + 1);
    return [...m.entries()].sort((a, b) => rankOf(a[0]) - rankOf(b[0])).map(([c, n]) => `${c} ${n}`).join(', ') || '—';
  }

  private count(): string {
    const fs = this.filtered();
    const what = this.describeFilter();
    if (!fs.length) return this.t(`Tidak ada temuan${what}.`, `There are no findings${what}.`);
    const lines = [this.t(`Ada ${fs.length} temuan${what}.`, `There are ${fs.length} findings${what}.`)];
    if (!this.q.severities.length) lines.push(this.header(fs));
    lines.push(`${this.t('Per pemeriksaan', 'By check')}: ${this.byCheck(fs)}.`);
    lines.push(`${this.t('Contoh', 'For example')}:`, ...fs.slice(0, 3).map((f) => this.item(f, 200)));
    return lines.join('\n');
  }

  private describeFilter(): string {
    const parts: string[] = [];
    if (this.q.severities.length && !this.severityRelaxed) parts.push(this.q.severities.map((s) => SEVERITY_NAME[s][this.lang]).join('/'));
    if (this.q.checks.length) parts.push(`${this.t('pemeriksaan', 'check')} ${this.q.checks.join(', ')}`);
    return parts.length ? ` (${parts.join('; ')})` : '';
  }

  /** "errors" in a listing question often means "problems": the severity filter is dropped when it leaves nothing. */
  private severityRelaxed = false;

  private filtered(): Finding[] {
    let fs = this.findings;
    if (this.q.checks.length) fs = fs.filter((f) => this.q.checks.includes(f.check));
    if (this.q.severities.length) {
      const strict = fs.filter((f) => this.q.severities.includes(f.severity));
      if (strict.length || this.q.intent === 'count' || !fs.length) fs = strict;
      else this.severityRelaxed = true;
    }
    return fs;
  }

  private wrongCapaian(): string {
    const wrong = this.findings.filter((f) => (f.check === 'capaian' || f.check === 'capaian-zero-target') && f.severity !== 'info');
    const errors = wrong.filter((f) => f.severity !== 'rounding');
    const rounding = wrong.filter((f) => f.severity === 'rounding');
    const copies = this.findings.filter((f) => f.check === 'cross-table' && /: capaian /i.test(f.message.en));
    const labels = this.findings.filter((f) => f.check === 'predikat' && f.severity === 'error');
    const lines: string[] = [];
    if (errors.length) {
      lines.push(this.t(`${errors.length} angka capaian salah hitung:`, `${errors.length} capaian figure${errors.length > 1 ? 's are' : ' is'} miscalculated:`), ...this.list(errors));
    } else {
      const checked = this.p.ctx.result.report.indicators.filter((i) => i.capaian?.value != null && i.target?.value != null && i.realisasi?.value != null);
      const ex = checked.slice(0, 3).map((i) => `${plain(i.capaian!.text)} (${this.page(i.capaian!.cite.page)}) [${this.cellOr(i.capaian!, i.id)}]`);
      lines.push(
        this.t(
          `Tidak ada angka capaian yang salah hitung: ${checked.length} capaian dihitung ulang dari realisasi dan target${ex.length ? `, mis. ${ex.join(', ')}` : ''}.`,
          `No capaian figure is miscalculated: ${checked.length} capaian were recomputed from realisasi and target${ex.length ? `, e.g. ${ex.join(', ')}` : ''}.`,
        ),
      );
    }
    if (rounding.length) lines.push(this.t(`${rounding.length} lainnya hanya selisih pembulatan:`, `${rounding.length} more differ only by rounding:`), ...this.list(rounding, 3));
    if (copies.length) lines.push(this.t(`Capaian yang dicetak berbeda antar tabel (${copies.length}):`, `Capaian printed differently across tables (${copies.length}):`), ...this.list(copies, 4));
    if (labels.length) lines.push(this.t(`Predikat yang tidak sesuai capaian (${labels.length}):`, `Predikat labels that do not match the capaian (${labels.length}):`), ...this.list(labels, 3));
    return lines.join('\n');
  }

  private cellOr(v: Value, fallback: string): string {
    return this.p.index.idOf(v.cite) ?? fallback;
  }

  private budgetSums(): string {
    const sums = this.findings.filter((f) => SUM_CHECKS.includes(f.check) && f.severity !== 'info');
    const report = this.p.ctx.result.report;
    const totals = report.budget.filter((b) => (b.level === 'total' || b.level === 'subtotal') && (b.sumOf?.length ?? 0) > 0);
    const parents = report.budget.filter((b) => report.budget.some((c) => c.parentId === b.id));
    const flaggedRows = new Set(sums.flatMap((f) => f.citations.map((c) => rowOf(c.cell))).filter(Boolean));
    const ok = [...totals, ...parents].filter((b) => !flaggedRows.has(b.id));
    const lines: string[] = [];
    const checked = totals.length + parents.length;
    if (sums.length) {
      const errors = sums.filter((f) => f.severity !== 'rounding');
      // One finding per wrong printed figure: a total off in pagu and sisa is one total, two figures.
      const rows = new Set(errors.map((f) => f.subject ?? f.id)).size;
      const figures = errors.length > rows ? this.t(` (${errors.length} angka)`, ` (${errors.length} figures)`) : '';
      lines.push(
        errors.length
          ? this.t(`Tidak. ${rows} jumlah anggaran${figures} tidak cocok dengan rincian barisnya (dari ${checked} total/subtotal dan induk yang diperiksa):`, `No. ${rows} budget total${rows > 1 ? 's' : ''}${figures} ${rows > 1 ? 'do' : 'does'} not match the rows below ${rows > 1 ? 'them' : 'it'} (of ${checked} totals, subtotals and parent lines checked):`)
          : this.t(`Hampir: semua jumlah cocok kecuali selisih pembulatan:`, `Almost: all totals add up except for rounding differences:`),
        ...this.list(errors.length ? errors : sums, 8),
      );
    } else {
      lines.push(this.t(`Ya. Semua ${checked} total/subtotal dan baris induk yang diperiksa sama dengan jumlah rinciannya.`, `Yes. All ${checked} totals, subtotals and parent lines checked equal the sum of their rows.`));
    }
    if (ok.length) {
      const ex = ok.slice(0, 5).map((b) => `${plain(clipText(b.uraian, 50))} ${plain(b.pagu?.text ?? '')} (${this.page(b.cite.page)}) [${b.pagu ? this.cellOr(b.pagu, b.id) : b.id}]`);
      lines.push(this.t(`Yang cocok (${ok.length}): ${ex.join('; ')}${ok.length > 5 ? ' …' : ''}`, `Adding up correctly (${ok.length}): ${ex.join('; ')}${ok.length > 5 ? ' …' : ''}`));
    }
    return lines.join('\n');
  }

  private findingsList(): string {
    let fs = this.filtered();
    const relaxed = this.severityRelaxed;
    let about = '';
    // Only a name the question clearly gives narrows the list ("nama kantor" is not an entity).
    const entity = this.q.content && analyze(this.q.content).length ? this.entity(0.5) : undefined;
    if (entity) {
      about = ` — ${plain(clipText(entity.name, 80))}`;
      const mine = fs.filter((f) => f.subject === entity.subject);
      if (!mine.length) {
        const row = entity.kind === 'indicator' ? entity.indicators[0]! : entity.budget[0]!;
        const any = this.findings.filter((f) => f.subject === entity.subject);
        return this.t(
          `Tidak ada temuan${this.describeFilter()} tentang ${plain(clipText(entity.name, 100))} (${this.page(row.cite.page)}) [${row.id}]${any.length ? `; ada ${any.length} temuan lain tentangnya: ${any.slice(0, 5).map((f) => `[${f.id}]`).join(' ')}` : ''}.`,
          `There are no findings${this.describeFilter()} about ${plain(clipText(entity.name, 100))} (${this.page(row.cite.page)}) [${row.id}]${any.length ? `; it has ${any.length} other finding${any.length > 1 ? 's' : ''}: ${any.slice(0, 5).map((f) => `[${f.id}]`).join(' ')}` : ''}.`,
        );
      }
      fs = mine;
    }
    if (!this.q.checks.length && !this.q.severities.length && !about) {
      // "Apakah ada masalah dengan …" without a check or entity: use retrieval over findings.
      const hits = this.p.retriever.search(this.q.content, { kinds: ['finding'], limit: 8 });
      const found = hits.map((h) => this.findings.find((f) => f.id === h.doc.ref)).filter((f): f is Finding => !!f);
      if (found.length && this.q.content) fs = found.sort(byImportance);
    }
    const what = this.describeFilter() + about;
    if (!fs.length) {
      const checks = this.q.checks.length ? this.q.checks : [];
      const ran = this.p.ctx.result.checks.filter((c) => checks.includes(c.id)).map((c) => c.id);
      return this.t(
        `Tidak ada temuan${what}.${ran.length ? ` Pemeriksaan ${ran.join(', ')} dijalankan dan tidak menemukan masalah.` : ''}`,
        `There are no findings${what}.${ran.length ? ` The check${ran.length > 1 ? 's' : ''} ${ran.join(', ')} ran and found nothing.` : ''}`,
      );
    }
    const head = this.t(`${fs.length} temuan${what}:`, `${fs.length} finding${fs.length > 1 ? 's' : ''}${what}:`);
    const note = relaxed ? [this.t(`(Tidak ada yang berderajat ${this.q.severities.map((s) => SEVERITY_NAME[s].id).join('/')}; semua tingkat ditampilkan.)`, `(None has severity ${this.q.severities.join('/')}; all severities shown.)`)] : [];
    return [head, ...note, ...this.list(fs, 8)].join('\n');
  }

  private value(): string {
    if (this.q.fields.includes('belanja') && !this.q.fields.some((f) => f !== 'belanja' && f !== 'pagu' && f !== 'realisasi')) {
      const b = this.belanja();
      if (b) return b;
    }
    const entity = this.entity();
    if (!entity) return this.search();
    return entity.kind === 'indicator' ? this.indicatorValue(entity) : this.budgetValue(entity);
  }

  private indicatorValue(e: Entity): string {
    const rows = e.indicators.filter((i) => i.id.endsWith('.prev') === this.q.previous);
    const use = rows.length ? rows : e.indicators;
    const asked = this.q.fields.filter((f): f is 'target' | 'realisasi' | 'capaian' | 'predikat' => ['target', 'realisasi', 'capaian', 'predikat'].includes(f));
    const fields = asked.length ? asked : (['target', 'realisasi', 'capaian'] as const);
    const lines = [`${plain(clipText(e.name, 120))}${this.q.previous ? this.t(' (tahun sebelumnya)', ' (previous year)') : ''}:`];
    for (const field of fields) {
      const places = use
        .map((i) => {
          const v = i[field];
          return v ? { text: v.text, value: 'value' in v ? v.value : null, cite: v.cite, row: i.id } : null;
        })
        .filter((x): x is NonNullable<typeof x> => !!x);
      lines.push(this.places(FIELD_NAME[field][this.lang], places));
    }
    lines.push(...this.related(e));
    return lines.join('\n');
  }

  private budgetValue(e: Entity): string {
    const asked = this.q.fields.filter((f): f is 'pagu' | 'realisasi' | 'persen' | 'sisa' => ['pagu', 'realisasi', 'persen', 'sisa'].includes(f));
    const fields = asked.length ? asked : (['pagu', 'realisasi', 'persen', 'sisa'] as const);
    const lines = [`${plain(clipText(e.name, 120))}${e.budget[0]?.kode ? ` (${plain(e.budget[0].kode)})` : ''}:`];
    for (const field of fields) {
      const places = e.budget
        .map((b) => {
          const v = b[field];
          return v ? { text: v.text, value: v.value, cite: v.cite, row: b.id } : null;
        })
        .filter((x): x is NonNullable<typeof x> => !!x);
      if (places.length || asked.includes(field)) lines.push(this.places(FIELD_NAME[field][this.lang], places));
    }
    lines.push(...this.related(e));
    return lines.join('\n');
  }

  /** One figure and every place it is printed, grouped by value so disagreements stand out. */
  private places(label: string, places: Array<{ text: string; value: number | null; cite: Value['cite']; row: string }>): string {
    if (!places.length) return this.t(`${label}: tidak dicetak di tabel yang terbaca.`, `${label}: not printed in any table that was read.`);
    const groups = new Map<string, typeof places>();
    for (const p of places) {
      const k = p.value !== null ? String(Math.round(p.value * 1e6) / 1e6) : p.text.toLowerCase().replace(/\s+/g, ' ').trim();
      groups.set(k, [...(groups.get(k) ?? []), p]);
    }
    const where = (ps: typeof places) =>
      ps
        .sort((a, b) => a.cite.page - b.cite.page)
        // A row of prose (a spending type stated in a sentence) the index does not know is cited by its page.
        .map((p) => `${this.page(p.cite.page)}${p.cite.table ? ` ${p.cite.table}` : ''} [${this.p.index.idOf(p.cite) ?? (this.p.index.has(p.row) ? p.row : `p${p.cite.page}`)}]`)
        .join(', ');
    if (groups.size === 1) {
      const ps = [...groups.values()][0]!;
      const texts = [...new Set(ps.map((p) => plain(p.text)))];
      return this.t(`${label}: ${texts.join(' / ')} — dicetak di ${ps.length} tempat: ${where(ps)}`, `${label}: ${texts.join(' / ')} — printed in ${ps.length} place${ps.length > 1 ? 's' : ''}: ${where(ps)}`);
    }
    const sorted = [...groups.values()].sort((a, b) => b.length - a.length);
    const lines = sorted.map((ps) => `  • ${[...new Set(ps.map((p) => plain(p.text)))].join(' / ')}: ${where(ps)}`);
    return [this.t(`${label}: dicetak dengan ${groups.size} nilai berbeda:`, `${label}: printed with ${groups.size} different values:`), ...lines].join('\n');
  }

  private related(e: Entity): string[] {
    const fs = this.findings.filter((f) => f.subject === e.subject && f.severity !== 'info');
    if (!fs.length) return [];
    return [this.t(`Temuan terkait (${fs.length}):`, `Related findings (${fs.length}):`), ...this.list(fs, 4)];
  }

  private belanja(): string | null {
    const rows = this.p.ctx.result.report.belanja;
    if (!rows.length) return null;
    const wantTotal = /total|jumlah/i.test(this.q.content) || !/operasi|modal|transfer|terduga|pegawai|barang/i.test(this.q.content);
    const pick = rows.filter((b) => (wantTotal ? b.kind === 'total' : new RegExp(b.kind.replace('_', ' '), 'i').test(this.q.content)));
    const use = pick.length ? pick : rows;
    const byKind = new Map<string, typeof rows>();
    for (const b of use) byKind.set(b.kind, [...(byKind.get(b.kind) ?? []), b]);
    const lines: string[] = [];
    for (const [, bs] of byKind) {
      lines.push(this.places(`${this.t('Belanja', 'Spending')} — ${plain(bs[0]!.uraian)}`, bs.map((b) => ({ text: b.amount.text, value: b.amount.value, cite: b.amount.cite, row: b.id }))));
    }
    const fs = this.findings.filter((f) => f.check === 'belanja-total' && f.severity !== 'info');
    if (fs.length) lines.push(this.t('Temuan terkait:', 'Related findings:'), ...this.list(fs, 3));
    return lines.join('\n');
  }

  /** The indicator or budget line the question names, preferring the kind its figure belongs to. */
  private entity(minScore = 0): Entity | undefined {
    const prefer = this.q.money || this.q.fields.some((f) => f === 'pagu' || f === 'sisa' || f === 'persen') ? 'budget' : this.q.fields.some((f) => f === 'target' || f === 'capaian' || f === 'predikat') ? 'indicator' : null;
    const found = matchEntities(this.p.retriever, this.q.content, prefer);
    return found[0] && found[0].score >= minScore ? found[0].entity : undefined;
  }

  private search(): string {
    this.intent = 'search';
    const hits = this.p.retriever.search(this.q.content || '', { limit: 5, minScore: 1 });
    if (!hits.length) {
      return this.t(
        'Saya tidak menemukan bagian laporan yang menjawab pertanyaan ini. Coba tanyakan: "Angka capaian mana yang salah hitung?", "Apakah anggaran program sudah cocok jumlahnya?", "Berapa realisasi <indikator> dan di halaman berapa?", "Ringkas temuan terpenting".',
        'I found nothing in the report that answers this. Try: "Which capaian figures are wrong?", "Do the program budgets add up?", "What is the realisation of <indicator> and on which pages?", "Summarise the most important findings".',
      );
    }
    const lines = [this.t('Bagian laporan yang paling relevan:', 'The most relevant parts of the report:')];
    for (const h of hits) lines.push(this.hitLine(h));
    return lines.join('\n');
  }

  private hitLine(h: Hit): string {
    const d = h.doc;
    if (d.kind === 'finding') {
      const f = this.findings.find((x) => x.id === d.ref)!;
      return this.item(f, 200);
    }
    if (d.kind === 'indicator' || d.kind === 'budget') {
      const e = this.p.retriever.entities.get(`${d.kind}:${d.ref}`)!;
      const row = e.kind === 'indicator' ? e.indicators[0]! : e.budget[0]!;
      return `- ${plain(clipText(e.name, 120))} (${this.page(row.cite.page)}) [${row.id}]`;
    }
    const id = this.p.index.has(d.ref) ? d.ref : null;
    return `- "${plain(this.p.retriever.snippet(d, h.terms, 220))}" (${this.page(d.page)})${id ? ` [${id}]` : ''}`;
  }
}

/**
 * Indicators and budget lines named by a question's words, best first. A name scores by how many
 * of the question's words it covers and how much of the name the question covers.
 *
 * @example
 *   matchEntities(retriever, 'ikm', null)[0].entity.name; // 'Indeks Kepuasan Masyarakat'
 */
export function matchEntities(retriever: Retriever, content: string, prefer: 'indicator' | 'budget' | null): Array<{ entity: Entity; score: number }> {
  const raw = analyze(content);
  if (!raw.length) return [];
  const expanded = new Set(analyze(retriever.expand(content)));
  const out: Array<{ entity: Entity; score: number }> = [];
  for (const entity of retriever.entities.values()) {
    let best = 0;
    for (const name of entity.names) {
      const terms = new Set(analyze(name));
      if (!terms.size) continue;
      const covered = raw.filter((t) => terms.has(t) || (retriever.expansionOf(t)?.every((x) => terms.has(x)) ?? false)).length;
      if (!covered) continue;
      const nameCovered = [...terms].filter((t) => expanded.has(t)).length;
      const score = 0.6 * (covered / raw.length) + 0.4 * (nameCovered / terms.size);
      best = Math.max(best, score);
    }
    if (best >= 0.3) out.push({ entity, score: best + (prefer && entity.kind === prefer ? 0.05 : 0) + (entity.kind === 'budget' && entity.budget.some((b) => b.level === 'program') ? 0.01 : 0) });
  }
  return out.sort((a, b) => b.score - a.score || rowCount(b.entity) - rowCount(a.entity));
}

function rowCount(e: Entity): number {
  return e.indicators.length + e.budget.length;
}

function byImportance(a: Finding, b: Finding): number {
  return SEVERITY_RANK[a.severity] - SEVERITY_RANK[b.severity] || rankOf(a.check) - rankOf(b.check) || (a.causedBy?.length ? 1 : 0) - (b.causedBy?.length ? 1 : 0) || a.citations[0]!.page - b.citations[0]!.page;
}

function rankOf(check: string): number {
  const i = CHECK_RANK.indexOf(check);
  return i < 0 ? CHECK_RANK.length : i;
}

/** The most important findings, one per check first so a summary is not five of the same kind. */
function pickDiverse(fs: Finding[], n: number): Finding[] {
  const out: Finding[] = [];
  const seen = new Set<string>();
  for (const f of fs) {
    if (out.length >= n) break;
    if (!seen.has(f.check)) {
      out.push(f);
      seen.add(f.check);
    }
  }
  for (const f of fs) {
    if (out.length >= n) break;
    if (!out.includes(f)) out.push(f);
  }
  return out.sort(byImportance);
}

/**
 * Text from the PDF or a finding, made unable to pass for a citation: square brackets become
 * parentheses, so "… 999 [t99.r1c1]" printed in a report is quoted, never cited.
 */
function plain(text: string): string {
  return text.replace(/\[/g, '(').replace(/\]/g, ')');
}

/** `t6.r6c2` → `t6.r6` (the row id entities use). */
function rowOf(cell: string | null | undefined): string | null {
  const m = cell ? /^(t\d+\.r\d+)c\d+$/.exec(cell) : null;
  return m ? m[1]! : null;
}

