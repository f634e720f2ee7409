// `npm run build` (also run by `prepare`): compiles src/ to dist/ with tsc, then copies what the
// compiled code reads at run time beside it, so dist/ mirrors src/ and every relative path holds.
import { spawnSync } from 'node:child_process';
import { cpSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

const root = new URL('../', import.meta.url);
const at = (p) => new URL(p, root);
// Taken before compiling: a source saved during the build makes dist/ stale (see bin/lkjip.js).
const started = Date.now();

rmSync(at('dist'), { recursive: true, force: true });
const tsc = createRequire(import.meta.url).resolve('typescript/bin/tsc');
const r = spawnSync(process.execPath, [tsc, '-p', 'tsconfig.build.json'], { cwd: root, stdio: 'inherit' });
if (r.status !== 0) {
  console.error(`build: tsc failed (${r.error?.message ?? `exit ${r.status}`})`);
  process.exit(1);
}
// The web page, served from ./public/ next to server/app.js.
cpSync(at('src/server/public'), at('dist/server/public'), { recursive: true });
// Results stored by the sources and by this build of them share a pipeline version.
const { stageSourceHash, STAGES_HASH_FILE } = await import(at('dist/pipeline/cache.js').href);
writeFileSync(at(`dist/${STAGES_HASH_FILE}`), `${stageSourceHash(fileURLToPath(at('src/')))}\n`);
writeFileSync(at('dist/.build-stamp'), `${started}\n`);
