/**
 * Child-process probe for the one-off start-up: `node bench/lib/startup.ts <file.pdf> <pages>`
 * (tsx registered) imports the pipeline and reads the pages once, printing the two times as JSON.
 * A fresh process is the only honest cold start: the bench runner itself has already loaded
 * whatever its other sections import.
 */
const [file, pages] = process.argv.slice(2);
if (!file) throw new Error('usage: startup.ts <file.pdf> [pages, e.g. 1-54]');
const range = (pages ?? '').match(/^(\d+)-(\d+)$/);
const list = range ? Array.from({ length: Number(range[2]) - Number(range[1]) + 1 }, (_, i) => Number(range[1]) + i) : undefined;
let t = performance.now();
const { readTables } = await import('../../src/pipeline/tables.js');
const importSeconds = (performance.now() - t) / 1000;
t = performance.now();
await readTables(file, list ? { pages: list } : {});
const firstCallSeconds = (performance.now() - t) / 1000;
process.stdout.write(JSON.stringify({ importSeconds, firstCallSeconds }) + '\n');
