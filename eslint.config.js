// Lint rules also enforce the one-way dependency direction between src/ folders.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

const restrict = (files, patterns, message) => ({
  files,
  rules: {
    'no-restricted-imports': ['error', { patterns: [{ group: patterns, message }] }],
  },
});

export default tseslint.config(
  { ignores: ['node_modules', 'dist', 'scratch/**', '.lkjip/**', 'test/fixtures/**', 'evals/out/**', 'bench/out/**', 'src/server/public/**'] },
  js.configs.recommended,
  { files: ['**/*.{js,mjs}'], languageOptions: { globals: { process: 'readonly', console: 'readonly', URL: 'readonly' } } },
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-console': 'off',
    },
  },
  {
    files: ['src/**/*.ts'],
    ignores: ['src/cli/**'],
    rules: { 'no-restricted-properties': ['error', { object: 'process', property: 'exit', message: 'Only the CLI entry exits the process.' }] },
  },
  restrict(['src/model/**'], ['../*', '!./*', 'pdfjs-dist*', 'openai', '@langchain/*', 'node:fs*', 'fs'], 'model/ imports only zod.'),
  restrict(['src/checks/**'], ['../ingest/*', '../layout/*', '../extract/*', '../pipeline/*', '../store/*', '../chat/*', '../server/*', '../cli/*', 'pdfjs-dist*', 'node:fs*', 'fs', 'openai', '@langchain/*'], 'checks/ import only model/ (and numbers/).'),
  restrict(['src/layout/**', 'src/numbers/**', 'src/extract/**', 'src/store/**', 'src/pipeline/**', 'src/chat/**', 'src/server/**', 'src/cli/**'], ['pdfjs-dist*'], 'Only ingest/ imports pdfjs-dist.'),
  restrict(['src/ingest/**', 'src/layout/**', 'src/numbers/**', 'src/extract/rules/**', 'src/checks/**', 'src/store/**', 'src/model/**'], ['openai', '@langchain/*', 'langchain*'], 'Only extract/llm and chat/ talk to an LLM.'),
);
