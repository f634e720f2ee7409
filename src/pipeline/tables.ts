import { ingest, type IngestOptions } from '../ingest/index.js';
import { layoutDocument } from '../layout/index.js';
import { LayoutDocument } from '../model/table.js';

export interface ReadTablesOptions extends IngestOptions {
  /** Called when the pages are read and their tables are being laid out. */
  onLayout?: () => void;
}

/**
 * PDF → tables and paragraphs, every cell with its page and box.
 *
 * @example
 *   const layout = await readTables('samples/003_eded5028092eddcb.pdf', { pages: [5, 6] });
 *   layout.tables.map((t) => t.caption);
 */
export async function readTables(file: string, opts: ReadTablesOptions = {}): Promise<LayoutDocument> {
  const doc = await ingest(file, opts);
  opts.onLayout?.();
  return LayoutDocument.parse(layoutDocument(doc));
}
