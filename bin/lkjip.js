#!/usr/bin/env node
// Starts the CLI: the compiled code in dist/ (what an installed package has), or, in a checkout
// whose dist/ is missing or older than its sources, the TypeScript sources through tsx, so that a
// checkout never runs stale code. LKJIP_FROM_SOURCE=1 forces the sources.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';

const root = new URL('../', import.meta.url);
const src = new URL('src/', root);
const stamp = new URL('dist/.build-stamp', root);

/** Newest modification time under a folder (folders included, so a deleted file counts too). */
function newest(dir) {
  let m = statSync(dir).mtimeMs;
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const f = new URL(e.isDirectory() ? `${e.name}/` : e.name, dir);
    m = Math.max(m, e.isDirectory() ? newest(f) : statSync(f).mtimeMs);
  }
  return m;
}

function distIsCurrent() {
  if (!existsSync(stamp)) return false;
  if (!existsSync(src)) return true;
  // The stamp holds the time the build started: a source saved after it is not in dist/.
  return newest(src) <= Number(readFileSync(stamp, 'utf8'));
}

let entry;
if (process.env.LKJIP_FROM_SOURCE !== '1' && distIsCurrent()) {
  entry = new URL('dist/cli/main.js', root);
} else {
  const { register } = await import('tsx/esm/api');
  register();
  entry = new URL('src/cli/main.ts', root);
}
const { main } = await import(entry.href);
await main(process.argv.slice(2));
