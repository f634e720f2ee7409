import type { Command } from 'commander';
import { AppError } from '../../errors.js';
import { DEFAULT_DB } from '../../store/defaults.js';
import { limitsFrom, withLimitOptions, type LimitFlags } from '../util.js';

export function register(program: Command): void {
  const cmd = program
    .command('serve')
    .description('Start the web app and its API: upload reports, browse findings on the PDF pages, ask questions')
    .option('--port <n>', 'port to listen on', '8080')
    .option('--host <host>', 'address to listen on (0.0.0.0 for every interface; then set --token)', '127.0.0.1')
    .option('--db <path>', 'where documents and results are kept: a SQLite file, postgres://user@host/db (shared with queue workers and other servers), or memory: for none', DEFAULT_DB)
    .option('--token <token>', 'require "Authorization: Bearer <token>" on the API (default: $LKJIP_TOKEN)')
    .option('--insecure-no-token', 'allow listening beyond this machine without a token (anyone who reaches it can upload and read reports)')
    .option('--max-upload <mb>', 'largest upload in MB', '50')
    .option('--concurrency <n>', 'reports processed at the same time', '1')
    .option('--no-ocr', 'do not OCR image-only pages')
    .option('--llm', 'answer questions with the configured OpenAI-compatible model (OPENAI_API_KEY, OPENAI_BASE_URL, LKJIP_MODEL or .lkjip.json); without one, offline');
  withLimitOptions(cmd).action(async (o: { port: string; host: string; db: string; token?: string; insecureNoToken?: boolean; maxUpload: string; concurrency: string; ocr: boolean; llm?: boolean } & LimitFlags) => {
      const port = int(o.port, '--port', 0, 65535);
      const uploadMB = int(o.maxUpload, '--max-upload', 1, 2048);
      const concurrency = int(o.concurrency, '--concurrency', 1, 64);
      const token = o.token ?? process.env.LKJIP_TOKEN;
      // An empty token must not quietly turn authentication off.
      if (token !== undefined && !token.trim()) throw new AppError('E_BAD_ARGUMENT', `The token is empty (${o.token !== undefined ? '--token ""' : 'LKJIP_TOKEN is set but empty'}): give a non-empty token, or none to serve this machine only`, { stage: 'cli' });
      const insecureNoToken = !token && o.insecureNoToken === true;
      // express, multer and SQLite load only when the server starts.
      const { openStore } = await import('../../store/index.js');
      const { isLoopback, startServer } = await import('../../server/index.js');
      const store = openStore(o.db);
      const server = await startServer(
        { store, ...(token ? { auth: { token } } : {}), insecureNoToken, limits: { uploadMB, concurrency }, pipeline: { ocr: o.ocr ? 'auto' : 'off', limits: limitsFrom(o) }, llm: o.llm === true, debug: Boolean(process.env.LKJIP_DEBUG) },
        { port, host: o.host },
      ).catch(async (err: unknown) => {
        await store.close();
        throw err;
      });
      process.stdout.write(`lkjip serving on ${server.url}  (store: ${o.db}${token ? ', bearer token required' : ''})\n`);
      if (insecureNoToken && !isLoopback(o.host)) process.stderr.write('warning: listening beyond this machine without a token (--insecure-no-token): anyone who can reach it can upload and read reports\n');
      const stop = (signal: string) => {
        process.stderr.write(`${signal}: stopping after running jobs…\n`);
        void server.close({ closeStore: true });
      };
      process.once('SIGINT', () => stop('SIGINT'));
      process.once('SIGTERM', () => stop('SIGTERM'));
    });
}

function int(v: string, flag: string, min: number, max: number): number {
  const n = Number(v);
  if (!Number.isInteger(n) || n < min || n > max) throw new AppError('E_BAD_ARGUMENT', `${flag} must be a whole number from ${min} to ${max} (got "${v}")`, { stage: 'cli' });
  return n;
}
