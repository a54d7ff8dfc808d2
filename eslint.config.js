// Lint, and the layer rules of docs/ARCHITECTURE.md as errors: a file's
// folder decides what it may import.
import js from '@eslint/js';
import boundaries from 'eslint-plugin-boundaries';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

const layers = [
  { type: 'shared', pattern: 'shared' },
  { type: 'core', pattern: 'main/core' },
  { type: 'app', pattern: 'main/app' },
  { type: 'electron', pattern: 'main/electron' },
  { type: 'server', pattern: 'main/server' },
  { type: 'cli', pattern: 'main/cli' },
  { type: 'simulator', pattern: 'main/simulator' },
  { type: 'bench', pattern: 'main/bench' },
  { type: 'renderer', pattern: 'renderer' },
  { type: 'test', pattern: 'test' },
];

const to = (...types) => ({ to: { element: { types: { anyOf: types } } } });
const external = (source) => ({ to: { module: { origin: 'external', source } } });
const nodeBuiltins = { to: { module: { origin: 'core' } } };

export default tseslint.config(
  { ignores: ['dist/**', 'out/**', 'release/**', 'node_modules/**', 'coverage/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.{ts,tsx,js,mjs}'],
    ignores: ['renderer/**'],
    languageOptions: { globals: { ...globals.node } },
  },
  {
    // The renderer is a browser page: browser globals, the rules of hooks, no Node.
    files: ['renderer/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: reactHooks.configs.flat.recommended.plugins,
    rules: { ...reactHooks.configs.flat.recommended.rules, 'react-hooks/exhaustive-deps': 'error' },
  },
  {
    files: ['**/*.{ts,tsx,js,mjs}'],
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
      'no-console': ['error', { allow: ['warn', 'error'] }],
    },
  },
  {
    files: ['**/*.ts', '**/*.tsx'],
    plugins: { boundaries },
    settings: {
      'boundaries/elements': layers,
      'boundaries/files': [{ category: 'test', pattern: ['**/*.test.ts', '**/*.test.tsx', '**/testing/**', '**/*.bench.ts'] }],
      'import/resolver': {
        typescript: {
          project: ['tsconfig.test.json', 'shared/tsconfig.json', 'main/tsconfig.json', 'renderer/tsconfig.json', 'renderer/tsconfig.test.json'],
          noWarnOnMultipleProjects: true,
        },
      },
    },
    rules: {
      'boundaries/dependencies': [
        'error',
        {
          default: 'disallow',
          checkAllOrigins: true,
          checkUnknownLocals: true,
          policies: [
            // Every layer may use its own files and shared/.
            ...layers.map(({ type }) => ({ from: { element: { type } }, allow: to(type, 'shared') })),
            // shared/ is pure: nothing of Node, Electron or the DOM. Its packages are zod, and the synchronous CSV
            // parser and writer (the renderer build swaps in their browser builds: vite.config.ts).
            { from: { element: { type: 'shared' } }, allow: external('zod') },
            {
              from: { element: { type: 'shared' } },
              allow: { ...external(['csv-parse', 'csv-stringify']), dependency: { source: ['csv-parse/sync', 'csv-stringify/sync'] } },
            },
            // Node hosts and the core may use Node and npm packages, never Electron ...
            {
              from: { element: { types: { anyOf: ['core', 'app', 'server', 'cli', 'simulator', 'bench', 'electron', 'test'] } } },
              allow: [nodeBuiltins, { to: { module: { origin: 'external' } } }],
            },
            { from: { element: { types: { anyOf: ['core', 'app', 'server', 'cli', 'simulator', 'bench', 'test'] } } }, disallow: external('electron') },
            // ... and the hosts sit on the core; main/app (settings, source choice, request dispatch) is what UI hosts share.
            { from: { element: { types: { anyOf: ['app', 'electron', 'server', 'cli', 'bench', 'test'] } } }, allow: to('core') },
            { from: { element: { types: { anyOf: ['electron', 'server', 'cli', 'test'] } } }, allow: to('app') },
            // The demo room is a source the app and the command line can start.
            { from: { element: { types: { anyOf: ['app', 'cli', 'bench', 'test'] } } }, allow: to('simulator') },
            { from: { element: { types: { anyOf: ['cli', 'bench', 'test'] } } }, allow: to('server') },
            // The renderer sees only shared/ and browser packages: no main/, no node:*, no Electron.
            { from: { element: { type: 'renderer' } }, allow: { to: { module: { origin: 'external' } } } },
            { from: { element: { type: 'renderer' } }, disallow: external('electron') },
            // Tests, test fixtures and benchmarks in any layer may use the test tools and Node to set up real parts.
            { from: { file: { categories: 'test' } }, allow: [nodeBuiltins, external('vitest'), external('fast-check')] },
          ],
        },
      ],
    },
  },
  {
    // The writer worker and tests need Node; shared and renderer code must not see Node globals.
    files: ['shared/**/*.ts'],
    ignores: ['shared/**/*.test.ts'],
    languageOptions: { globals: {} },
  },
);
