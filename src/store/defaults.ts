/** Where `lkjip serve` keeps its data unless told otherwise (its own module: the CLI's help reads it without loading a driver). */
export const DEFAULT_DB = '.lkjip/lkjip.db';
