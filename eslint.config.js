// Lint enforces DESIGN.md's layering: dependencies point down only.
//   core/      imports nothing from main/, preload/, renderer/ or electron; inside it, see CORE_ORDER
//   renderer/  imports only *types* from core/, and run-time code only from core/shared/ (never electron or
//              Node built-ins)
//   core/shared/ pure modules every environment may import: nothing but other core/shared modules and types
//              (no zod, no Node, no DOM), so the page never pulls the store or the engine in through them
//   preload/   imports electron and core/api only
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import globals from 'globals';
import i18next from 'eslint-plugin-i18next';

// The window's folders whose every visible string must come from a catalog (issue 14): text in JSX and the
// attributes a user sees or hears. Areas still being converted are added here as they are done.
const I18N_CHECKED = [
  'renderer/src/App.tsx',
  'renderer/src/shell/**',
  'renderer/src/ui/**',
  'renderer/src/builder/**',
  'renderer/src/runs/**',
  'renderer/src/export/**',
  'renderer/src/charts/**',
  'renderer/src/compare/**',
  'renderer/src/live/**',
  'renderer/src/cluster/**',
  'renderer/src/lessons/**',
  'renderer/src/replications/**',
];
const I18N_RULE = [
  'error',
  {
    mode: 'jsx-only',
    message: "Text shown in the window comes from a catalog: t('key') with the key in locales/en and locales/zh-CN.",
    // Only attributes that are read or heard are checked; ids, roles, classes and values are not text.
    'jsx-attributes': {
      include: ['.*[lL]abel', 'title', 'placeholder', 'alt', 'hint', 'name', 'summary', 'caption', 'message'],
      exclude: ['.*'],
    },
    'jsx-components': { include: [], exclude: ['Trans'] },
    // Symbols, numbers and formulas' punctuation (✕, ⠿, —, ·, ↓) carry no words to translate.
    words: { exclude: [/^[^\p{L}]*$/u, /^[A-Z_-]+$/] },
  },
];

const upperLayers = ['**/main/**', '**/main', '**/preload/**', '**/preload', '**/renderer/**', '**/renderer'];

// The order inside core/, lowest first (README, "Architecture"): a folder imports only folders on levels
// before its own. Folders on one level do not import each other, except lab and cluster (the lab wires in
// the cluster's remote workers). The store, though above the engine, takes nothing from it either: they meet
// in api's records (the engine runs in a child process, the store in the host).
const CORE_ORDER = [
  ['shared'],
  ['api'],
  ['tasks'],
  ['engine'],
  ['store'],
  ['interop'],
  ['figures'],
  ['lessons'],
  ['replications'],
  ['lab', 'cluster'],
];
const EXTRA_FORBIDDEN = { store: ['engine'] };
const MUTUAL = new Set(['lab', 'cluster']);

const coreRestrictions = (forbidden, why) => [
  'error',
  {
    paths: [{ name: 'electron', message: 'core/ must not import electron (DESIGN.md: only main/ and preload/ do).' }],
    patterns: [
      {
        group: upperLayers,
        message: 'core/ must not import from main/, preload/ or renderer/ (dependencies point down only).',
      },
      ...(forbidden.length ? [{ regex: `^(\\.\\./)+(core/)?(${forbidden.join('|')})(/.*)?$`, message: why }] : []),
    ],
  },
];

const coreLayerConfigs = CORE_ORDER.flatMap((level, i) =>
  level.map((folder) => {
    const above = CORE_ORDER.slice(i + 1).flat();
    const siblings = level.filter((f) => f !== folder && !(MUTUAL.has(f) && MUTUAL.has(folder)));
    const forbidden = [...above, ...siblings, ...(EXTRA_FORBIDDEN[folder] ?? [])];
    const why = `core/${folder} must not import core/${forbidden.join(', core/')}: inside core the order is ${CORE_ORDER.map((l) => l.join(' / ')).join(' → ')} (see the README's Architecture), and ${folder} sits where it does.`;
    return {
      files: [`core/${folder}/**/*.ts`],
      rules: { '@typescript-eslint/no-restricted-imports': coreRestrictions(forbidden, why) },
    };
  }),
);

export default tseslint.config(
  {
    ignores: [
      'out/**',
      'dist/**',
      'release/**',
      'node_modules/**',
      'coverage/**',
      'test-results/**',
      'playwright-report/**',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/no-explicit-any': 'error',
    },
  },
  { files: ['core/**/*.ts'], rules: { '@typescript-eslint/no-restricted-imports': coreRestrictions([], '') } },
  // Each folder's rule repeats the one above and adds the folders it may not import (flat config replaces a rule).
  ...coreLayerConfigs,
  {
    files: ['core/shared/**/*.ts'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: upperLayers,
              message: 'core/ must not import from main/, preload/ or renderer/ (dependencies point down only).',
            },
            {
              regex: '^(?!\\./)',
              allowTypeImports: true,
              message:
                'core/shared/ imports only other core/shared modules (./x) at run time, and types: no packages, no Node, no other layer.',
            },
          ],
        },
      ],
      'no-restricted-globals': [
        'error',
        ...[
          'process',
          'Buffer',
          'require',
          '__dirname',
          'window',
          'document',
          'navigator',
          'localStorage',
          'fetch',
        ].map((name) => ({
          name,
          message: 'core/shared/ runs in the page, in Node and in the engine alike: no Node or DOM globals.',
        })),
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
              // core/shared/ is the one folder the page imports at run time (what the screen and the paper share).
              regex: '^(\\.\\.?/)+(.*/)?core(/(?!shared/).*)?$',
              allowTypeImports: true,
              message:
                'The renderer imports only types from core/ (use `import type`), and run-time code from core/shared/ only.',
            },
            {
              group: ['**/main/**', '**/preload/**', '**/main', '**/preload'],
              message: 'The renderer must not import main/ or preload/.',
            },
            {
              group: ['node:*', 'fs', 'path', 'child_process', 'os'],
              message: 'The renderer runs in a sandboxed page: no Node built-ins.',
            },
          ],
        },
      ],
    },
  },
  {
    files: I18N_CHECKED.map((f) => (f.endsWith('**') ? `${f}/*.tsx` : f)),
    plugins: { i18next },
    rules: { 'i18next/no-literal-string': I18N_RULE },
  },
  {
    files: ['preload/**/*.ts'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['**/main/**', '**/renderer/**', '**/main', '**/renderer'],
              message: 'preload/ imports electron and core/api only.',
            },
            { group: ['**/core/*', '!**/core/api', '!**/core/api/**'], message: 'preload/ imports core/api only.' },
          ],
        },
      ],
    },
  },
);
