/** LLM-assisted extraction (optional): structure only, by reference to cells; numbers stay with the rules. */
export { loadLlmConfig, DEFAULT_CACHE_DIR, DEFAULT_MODEL, DEFAULT_TIMEOUT_MS, type LlmConfig, type LoadConfigOptions } from './config.js';
export { loadPrompt, render, asData, PROMPTS_DIR, type Prompt } from './prompts.js';
export { JsonCache, contentHash } from './cache.js';
export { UsageMeter, NO_USAGE, type TokenUsage } from './usage.js';
export {
  suggestStructure,
  candidateTables,
  validateStructure,
  renderTable,
  TableStructure,
  ROLES,
  PROMPT_FILE,
  type LlmStructureHint,
  type StructureOptions,
  type StructureResult,
  type TableOutcome,
  type TableStatus,
} from './structure.js';
