// Lint enforces DESIGN.md's layering: dependencies point down only.
//   core/      imports nothing from main/, preload/, renderer/ or electron
//   renderer/  imports only *types* from core/ (and never electron or Node built-ins)
//   preload/   imports electron and core/api only
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import globals from 'globals';

const upperLayers = ['**/main/**', '**/main', '**/preload/**', '**/preload', '**/renderer/**', '**/renderer'];

export default tseslint.config(
  { ignores: ['out/**', 'dist/**', 'release/**', 'node_modules/**', 'coverage/**', 'test-results/**', 'playwright-report/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/no-explicit-any': 'error',
    },
  },
  {
    files: ['core/**/*.ts'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          paths: [{ name: 'electron', message: 'core/ must not import electron (DESIGN.md: only main/ and preload/ do).' }],
          patterns: [{ group: upperLayers, message: 'core/ must not import from main/, preload/ or renderer/ (dependencies point down only).' }],
        },
      ],
    },
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          paths: [{ name: 'electron', message: 'The renderer must not import electron: it talks to window.lab only.' }],
          patterns: [
            {
              // A few zero-dependency modules are shared at run time (test/lint/pure-shared.test.ts keeps them so):
              // route names, the NaN-safe codec, the contract's error type, and the smoothing and group labels
              // the exported figures use.
              regex: '^(\\.\\.?/)+(.*/)?core(/(?!(api/(channels|wire|errors)|figures/(stats|labels))$).*)?$',
              allowTypeImports: true,
              message: 'The renderer imports only types from core/ (use `import type`).',
            },
            { group: ['**/main/**', '**/preload/**', '**/main', '**/preload'], message: 'The renderer must not import main/ or preload/.' },
            { group: ['node:*', 'fs', 'path', 'child_process', 'os'], message: 'The renderer runs in a sandboxed page: no Node built-ins.' },
          ],
        },
      ],
    },
  },
  {
    files: ['preload/**/*.ts'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['**/main/**', '**/renderer/**', '**/main', '**/renderer'], message: 'preload/ imports electron and core/api only.' },
            { group: ['**/core/*', '!**/core/api', '!**/core/api/**'], message: 'preload/ imports core/api only.' },
          ],
        },
      ],
    },
  },
);
