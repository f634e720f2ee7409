import { readFileSync } from 'node:fs';
import { Command, CommanderError } from 'commander';
import { AppError, toAppError } from '../errors.js';

/** Subcommands, loaded only when used so `lkjip --help` stays fast. */
const COMMANDS: Record<string, () => Promise<{ register: (p: Command) => void }>> = {
  tables: () => import('./commands/tables.js'),
  extract: () => import('./commands/extract.js'),
  audit: () => import('./commands/audit.js'),
  ask: () => import('./commands/ask.js'),
  chat: () => import('./commands/chat.js'),
  serve: () => import('./commands/serve.js'),
  batch: () => import('./commands/batch.js'),
  worker: () => import('./commands/worker.js'),
};

/**
 * Builds the CLI. Exported for tests; only `run()` below exits the process.
 *
 * @example
 *   const program = await buildProgram(['tables']);
 */
export async function buildProgram(only?: string[]): Promise<Command> {
  const program = new Command('lkjip')
    .description('Read, extract and audit Indonesian government performance reports (LKjIP), every figure cited')
    .version(packageVersion())
    .showHelpAfterError('(add --help for usage)')
    .exitOverride();
  const names = only?.filter((n) => n in COMMANDS) ?? [];
  for (const name of names.length ? names : Object.keys(COMMANDS)) (await COMMANDS[name]!()).register(program);
  return program;
}

export async function run(argv: string[]): Promise<number> {
  const first = argv.find((a) => !a.startsWith('-'));
  const program = await buildProgram(first ? [first] : undefined);
  try {
    await program.parseAsync(argv, { from: 'user' });
    return process.exitCode === undefined ? 0 : Number(process.exitCode);
  } catch (err) {
    if (err instanceof CommanderError) return err.exitCode;
    const e = err instanceof AppError ? err : toAppError(err, { stage: 'cli' });
    process.stderr.write(`lkjip: ${e.toLine()}\n`);
    if (process.env.LKJIP_DEBUG && e.cause instanceof Error) process.stderr.write(`${e.cause.stack}\n`);
    return e.code === 'E_BAD_ARGUMENT' || e.code === 'E_BAD_PAGES' ? 2 : 1;
  }
}

/**
 * The process entry, called by `bin/lkjip.js` (whatever path it was started through: a symlinked
 * global bin, npx, `node bin/lkjip.js`). The one place that exits.
 *
 * @example
 *   await main(process.argv.slice(2));
 */
export async function main(argv: string[]): Promise<void> {
  const code = await run(argv);
  // Let piped stdout drain before leaving: process.exit() would cut a large JSON short.
  await new Promise<void>((resolve) => process.stdout.write('', () => resolve()));
  await new Promise<void>((resolve) => process.stderr.write('', () => resolve()));
  process.exitCode = code;
  // Servers, queue workers and interactive chats keep running on their own handles; everything else ends here.
  if (!['serve', 'chat', 'worker'].includes(argv[0] ?? '') || code !== 0) setTimeout(() => process.exit(code), 50).unref();
}

/** The version in package.json, two folders up from both src/cli/ and the compiled dist/cli/. */
function packageVersion(): string {
  return (JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string }).version;
}
