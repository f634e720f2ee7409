import { execFileSync, spawn } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, describe, expect, it } from 'vitest';
import { AuditResult } from '../../src/model/report.js';
import { expandInputs, resultNames, runBatch, sheetToCsv, type BatchEvent, type BatchOptions } from '../../src/pipeline/batch.js';
import { measured, MEMORY_BOUND_MB, TIME_BOUND_MS } from '../badinput/helpers.js';

const root = mkdtempSync(path.join(os.tmpdir(), 'lkjip-batch-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

const GOOD = ['bordered.lo.pdf', 'hrules.chrome.pdf', 'merged-header.lo.pdf', 'borderless.chrome.pdf', 'multipage-repeat.lo.pdf'];
const SEED = 'samples/003_eded5028092eddcb.pdf';

/** A folder of reports: small fixtures first, a bad file, and a long seed report last (so a kill lands before it ends). */
function makeFolder(name: string): string {
  const dir = path.join(root, name);
  mkdirSync(path.join(dir, 'sub'), { recursive: true });
  GOOD.forEach((f, i) => copyFileSync(`test/fixtures/pdf/${f}`, path.join(dir, `${String.fromCharCode(97 + i)}-${f}`)));
  copyFileSync('test/fixtures/pdf/bordered.chrome.pdf', path.join(dir, 'sub', 'b-copy.pdf'));
  copyFileSync('test/fixtures/bad/not-a-pdf.pdf', path.join(dir, 'f-bad.pdf'));
  copyFileSync(SEED, path.join(dir, 'z-seed.pdf'));
  return dir;
}

function cli(args: string[]): { child: ReturnType<typeof spawn>; done: Promise<{ code: number | null; signal: NodeJS.Signals | null; out: string; err: string }> } {
  const child = spawn(process.execPath, ['bin/lkjip.js', 'batch', ...args], { stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, CI: 'true' } });
  let out = '';
  let err = '';
  child.stdout!.on('data', (d: Buffer) => (out += d.toString()));
  child.stderr!.on('data', (d: Buffer) => (err += d.toString()));
  const done = new Promise<{ code: number | null; signal: NodeJS.Signals | null; out: string; err: string }>((resolve) => child.on('exit', (code, signal) => resolve({ code, signal, out, err })));
  return { child, done };
}

function childPids(pid: number): number[] {
  try {
    return execFileSync('ps', ['-o', 'pid=', '--ppid', String(pid)], { encoding: 'utf8' }).split('\n').map(Number).filter(Boolean);
  } catch {
    return [];
  }
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

const results = (dir: string) => readdirSync(dir).filter((f) => f.endsWith('.json')).sort();

/** runBatch within the bad-input tests' time bound, its workers and this process within their memory bound. */
async function boundedBatch(opts: BatchOptions): Promise<Awaited<ReturnType<typeof runBatch>>> {
  const { value, ms, peakMB } = await measured(() => runBatch(opts));
  expect(ms).toBeLessThan(TIME_BOUND_MS);
  expect(peakMB).toBeLessThan(MEMORY_BOUND_MB);
  return value;
}

/** A result without its timings, which differ from run to run. */
function comparable(file: string): unknown {
  const r = JSON.parse(readFileSync(file, 'utf8')) as { checks?: { ms: number }[] };
  return { ...r, ...(r.checks ? { checks: r.checks.map((c) => ({ ...c, ms: 0 })) } : {}) };
}

describe('lkjip batch, killed and resumed', () => {
  it('resumes after a kill to the same results as an uninterrupted run, without redoing finished files', async () => {
    const input = makeFolder('in');
    const full = path.join(root, 'full');
    const resumed = path.join(root, 'resumed');

    const whole = await cli([input, '--out', full, '--concurrency', '2', '--no-ocr']).done;
    expect(whole.code, whole.err).toBe(0);
    expect(whole.out).toMatch(/8 files: 7 audited, 1 failed, 0 skipped/);
    expect(results(full)).toHaveLength(8);
    // cli-progress prints without a terminal too (noTTYOutput).
    expect(whole.err).toMatch(/\d+\/8 files \| \d+ pages/);

    // Kill the batch as soon as its first result is written.
    const run = cli([input, '--out', resumed, '--concurrency', '2', '--no-ocr']);
    while (!existsSync(resumed) || results(resumed).length === 0) {
      if (run.child.exitCode !== null) break;
      await new Promise((r) => setTimeout(r, 10));
    }
    const workers = childPids(run.child.pid!);
    expect(workers.length).toBeGreaterThan(0);
    run.child.kill('SIGKILL');
    const killed = await run.done;
    expect(killed.signal).toBe('SIGKILL');
    // Workers end themselves when their parent is gone; wait for that before looking at what is left.
    for (let i = 0; i < 500 && workers.some(alive); i++) await new Promise((r) => setTimeout(r, 20));
    expect(workers.filter(alive)).toEqual([]);
    const before = results(resumed);
    expect(before.length).toBeGreaterThan(0);
    expect(before.length).toBeLessThan(8);
    expect(before).not.toContain('z-seed.json');
    expect(existsSync(path.join(resumed, 'summary.csv'))).toBe(false);
    const mtimes = new Map(before.map((f) => [f, statSync(path.join(resumed, f)).mtimeMs]));

    const again = await cli([input, '--out', resumed, '--concurrency', '2', '--no-ocr', '--resume']).done;
    expect(again.code, again.err).toBe(0);
    expect(again.out).toContain(`${before.length} skipped`);
    for (const [f, t] of mtimes) expect(statSync(path.join(resumed, f)).mtimeMs, `${f} was redone`).toBe(t);

    expect(results(resumed)).toEqual(results(full));
    for (const f of results(full)) expect(comparable(path.join(resumed, f)), f).toEqual(comparable(path.join(full, f)));
    expect(readFileSync(path.join(resumed, 'summary.csv'), 'utf8')).toBe(readFileSync(path.join(full, 'summary.csv'), 'utf8'));
    expect(readdirSync(resumed).filter((f) => f.includes('.tmp-'))).toEqual([]);
  }, 300_000);
});

describe('runBatch', () => {
  it('records a bad file as an error result and still audits the rest; summary CSV and XLSX agree', async () => {
    const dir = path.join(root, 'mixed');
    mkdirSync(dir);
    copyFileSync('test/fixtures/pdf/bordered.lo.pdf', path.join(dir, 'good.pdf'));
    copyFileSync('test/fixtures/bad/encrypted.pdf', path.join(dir, 'locked.pdf'));
    copyFileSync('test/fixtures/bad/truncated.pdf', path.join(dir, 'cut.pdf'));
    const out = path.join(root, 'mixed-out');
    const events: BatchEvent[] = [];
    const s = await runBatch({ inputs: [dir], out, concurrency: 2, ocr: 'off', onEvent: (e) => events.push(e) });
    expect(s).toMatchObject({ total: 3, ok: 1, failed: 2, skipped: 0 });
    expect(events[0]).toEqual({ type: 'start', total: 3, skipped: 0 });
    expect(events.filter((e) => e.type === 'file').map((e) => (e as { file: string }).file).sort()).toEqual(['cut.pdf', 'good.pdf', 'locked.pdf']);

    const good = AuditResult.parse(JSON.parse(readFileSync(path.join(out, 'good.json'), 'utf8')));
    expect(good.report.sha256).toMatch(/^[0-9a-f]{64}$/);
    const locked = JSON.parse(readFileSync(path.join(out, 'locked.json'), 'utf8'));
    expect(locked.error.code).toBe('E_PDF_ENCRYPTED');
    expect(locked.source).toMatchObject({ file: 'locked.pdf', pages: 0 });

    const csv = readFileSync(s.csv, 'utf8').trim().split('\n');
    const head = csv[0]!.split(',');
    expect(head.slice(0, 10)).toEqual(['file', 'sha256', 'instansi', 'tahun', 'pages', 'findings', 'error', 'warning', 'rounding', 'info']);
    expect(head).toContain('check:sum-rows');
    expect(head.at(-1)).toBe('failure');
    expect(csv).toHaveLength(4);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(s.xlsx);
    const ws = wb.getWorksheet('summary')!;
    expect(ws.rowCount).toBe(4);
    const rows = ws.getRows(2, 3)!.map((r) => [r.getCell(1).value, r.getCell(5).value, r.getCell(head.length).value]);
    expect(rows).toEqual([
      ['cut.pdf', 0, expect.stringMatching(/^E_PDF_CORRUPT/)],
      ['good.pdf', 1, null],
      ['locked.pdf', 0, expect.stringMatching(/^E_PDF_ENCRYPTED/)],
    ]);
  });

  it('redoes a file on --resume when its bytes or the pipeline changed', async () => {
    const dir = path.join(root, 'changing');
    mkdirSync(dir);
    const file = path.join(dir, 'r.pdf');
    copyFileSync('test/fixtures/pdf/bordered.lo.pdf', file);
    const out = path.join(root, 'changing-out');
    await runBatch({ inputs: [dir], out, ocr: 'off' });
    expect((await runBatch({ inputs: [dir], out, ocr: 'off', resume: true })).skipped).toBe(1);
    // A result made by another version of the pipeline is made again.
    const resultFile = path.join(out, 'r.json');
    const old = JSON.parse(readFileSync(resultFile, 'utf8'));
    expect(old.source.pipeline).toMatch(/\+no-ocr$/);
    writeFileSync(resultFile, JSON.stringify({ ...old, source: { ...old.source, pipeline: 'an older one' } }));
    expect((await runBatch({ inputs: [dir], out, ocr: 'off', resume: true })).skipped).toBe(0);
    copyFileSync('test/fixtures/pdf/hrules.lo.pdf', file);
    const s = await runBatch({ inputs: [dir], out, ocr: 'off', resume: true });
    expect(s.skipped).toBe(0);
    expect(JSON.parse(readFileSync(path.join(out, 'r.json'), 'utf8')).source.sha256).toBe(s.rows[0]!.sha256);
  });

  it('gives up on a file that takes too long and goes on with a new worker', async () => {
    const dir = path.join(root, 'slow');
    mkdirSync(dir);
    copyFileSync('test/fixtures/pdf/bordered.lo.pdf', path.join(dir, 'a.pdf'));
    copyFileSync('test/fixtures/pdf/hrules.lo.pdf', path.join(dir, 'b.pdf'));
    const s = await runBatch({ inputs: [dir], out: path.join(root, 'slow-out'), ocr: 'off', concurrency: 1, timeoutMs: 1 });
    expect(s.failed).toBe(2);
    expect(s.rows.map((r) => r.error)).toEqual([expect.stringMatching(/^E_TIMEOUT: Timed out/), expect.stringMatching(/^E_TIMEOUT: Timed out/)]);
  });

  it('expands folders, files and globs into sorted PDF paths', async () => {
    const dir = path.join(root, 'glob');
    mkdirSync(path.join(dir, 'x', 'y'), { recursive: true });
    for (const f of ['a.pdf', 'b.PDF', 'note.txt', 'x/c.pdf', 'x/y/d.pdf']) writeFileSync(path.join(dir, f), '%PDF-1.4');
    const abs = (...f: string[]) => f.map((x) => path.join(dir, x));
    expect(await expandInputs([dir])).toEqual(abs('a.pdf', 'b.PDF', 'x/c.pdf', 'x/y/d.pdf'));
    expect(await expandInputs([`${dir}/*.pdf`])).toEqual(abs('a.pdf', 'b.PDF'));
    expect(await expandInputs([`${dir}/**/*.pdf`])).toEqual(abs('a.pdf', 'b.PDF', 'x/c.pdf', 'x/y/d.pdf'));
    expect(await expandInputs([`${dir}/x/**/{c,d}.pdf`, path.join(dir, 'a.pdf')])).toEqual(abs('a.pdf', 'x/c.pdf', 'x/y/d.pdf'));
    await expect(expandInputs([path.join(dir, 'missing.pdf')])).rejects.toMatchObject({ code: 'E_FILE_NOT_FOUND' });
    await expect(runBatch({ inputs: [`${dir}/*.nothing`], out: path.join(root, 'none') })).rejects.toMatchObject({ code: 'E_BAD_ARGUMENT' });
  });

  it('writes CSV that a spreadsheet cannot run as a formula', () => {
    const csv = sheetToCsv({ name: 's', columns: ['a', 'b'], rows: [['=1+1', -300], ['x,"y"', null], ['-total', '@cmd']] });
    expect(csv).toBe(`a,b\n'=1+1,-300\n"x,""y""",\n'-total,'@cmd\n`);
  });
});

describe('lkjip batch: names, links and interruptions', () => {
  it('gives every input its own result, even when names meet', async () => {
    const dir = path.join(root, 'names');
    mkdirSync(path.join(dir, 'sub'), { recursive: true });
    const files = { 'x.pdf': 'bordered.lo.pdf', 'x.PDF': 'hrules.lo.pdf', 'sub/y.pdf': 'bordered.chrome.pdf', 'sub__y.pdf': 'hrules.chrome.pdf' };
    for (const [name, fixture] of Object.entries(files)) copyFileSync(`test/fixtures/pdf/${fixture}`, path.join(dir, name));
    const out = path.join(root, 'names-out');
    const s = await boundedBatch({ inputs: [dir], out, ocr: 'off', concurrency: 2 });
    expect(s.ok).toBe(4);
    expect(results(out)).toHaveLength(4);
    for (const row of s.rows) {
      const bytes = readFileSync(path.join(dir, row.file));
      const result = s.rows.indexOf(row);
      const name = resultNames(s.rows.map((r) => r.file))[result]!;
      const json = JSON.parse(readFileSync(path.join(out, name), 'utf8')) as { source: { file: string; bytes: number } };
      expect(json.source).toMatchObject({ file: row.file, bytes: bytes.byteLength });
    }
    expect(resultNames(['sub/y.pdf', 'sub__y.pdf', 'x.PDF', 'x.pdf', 'x~2.pdf'])).toEqual(['sub__y.json', 'sub__y~2.json', 'x.json', 'x~2.json', 'x~2~2.json']);
  });

  it('follows links to files and folders, and reports a link that points to nothing', async () => {
    const dir = path.join(root, 'links');
    const elsewhere = path.join(root, 'elsewhere');
    mkdirSync(path.join(elsewhere, 'deep'), { recursive: true });
    mkdirSync(dir);
    copyFileSync('test/fixtures/pdf/bordered.lo.pdf', path.join(elsewhere, 'target.pdf'));
    copyFileSync('test/fixtures/pdf/hrules.lo.pdf', path.join(elsewhere, 'deep', 'inner.pdf'));
    symlinkSync(path.join(elsewhere, 'target.pdf'), path.join(dir, 'linked.pdf'));
    symlinkSync(path.join(elsewhere, 'deep'), path.join(dir, 'folder'));
    symlinkSync(path.join(root, 'nowhere.pdf'), path.join(dir, 'dangling.pdf'));
    symlinkSync(dir, path.join(dir, 'loop'));
    const s = await boundedBatch({ inputs: [dir], out: path.join(root, 'links-out'), ocr: 'off', concurrency: 1 });
    expect(s.rows.map((r) => [r.file, r.error?.replace(/:.*/s, '') ?? null])).toEqual([
      ['dangling.pdf', 'E_FILE_NOT_FOUND'],
      ['folder/inner.pdf', null],
      ['linked.pdf', null],
    ]);
    expect(s.rows[0]!.error).toMatch(/points to nothing/);
  });

  it('--resume tries again a file whose worker was killed or timed out, and keeps a genuine error', async () => {
    const dir = path.join(root, 'interrupted');
    mkdirSync(dir);
    copyFileSync(SEED, path.join(dir, 'a-seed.pdf'));
    copyFileSync('test/fixtures/bad/not-a-pdf.pdf', path.join(dir, 'b-bad.pdf'));
    copyFileSync('test/fixtures/pdf/bordered.lo.pdf', path.join(dir, 'c-good.pdf'));
    const out = path.join(root, 'interrupted-out');
    // Kill the worker on the seed's first page.
    let killed = false;
    const first = await boundedBatch({
      inputs: [dir], out, ocr: 'off', concurrency: 1,
      onEvent: (e) => {
        if (e.type !== 'page' || killed) return;
        killed = true;
        const ps = execFileSync('ps', ['-o', 'pid=,args=', '--ppid', String(process.pid)], { encoding: 'utf8' });
        for (const line of ps.split('\n')) if (line.includes('--lkjip-batch-worker')) process.kill(Number(line.trim().split(/\s+/)[0]), 'SIGKILL');
      },
    });
    expect(killed).toBe(true);
    expect(first.rows.map((r) => r.error?.replace(/:.*/s, '') ?? null)).toEqual(['E_WORKER_FAILED', 'E_NOT_PDF', null]);
    const resumed = await boundedBatch({ inputs: [dir], out, ocr: 'off', concurrency: 1, resume: true });
    expect(resumed.skipped).toBe(2);
    expect(resumed.rows.map((r) => r.error?.replace(/:.*/s, '') ?? null)).toEqual([null, 'E_NOT_PDF', null]);
    // A timed-out file is tried again too.
    const slow = await boundedBatch({ inputs: [path.join(dir, 'c-good.pdf')], out: path.join(root, 'timeout-out'), ocr: 'off', timeoutMs: 1 });
    expect(slow.rows[0]!.error).toMatch(/^E_TIMEOUT/);
    const again = await boundedBatch({ inputs: [path.join(dir, 'c-good.pdf')], out: path.join(root, 'timeout-out'), ocr: 'off', resume: true });
    expect([again.skipped, again.failed]).toEqual([0, 0]);
  });
});
