// One flat config for the workspace. Besides typescript-eslint's recommended
// rules (not type-aware, to stay fast), it enforces the dependency direction
// `shared <- server01, server02, client, e2e, bench` with messages that say why.
import { defineConfig, globalIgnores } from 'eslint/config';
import reactHooks from 'eslint-plugin-react-hooks';
import tseslint from 'typescript-eslint';

const SHARED_IS_PURE = 'packages/shared is the pure core: no I/O, no DOM, no framework; pass what you need in';
const APPS_ARE_APART = 'apps never import each other: share through @cors-lab/shared';
const CLIENT_IN_BROWSER = 'apps/client runs in the browser: no Node built-ins, no server framework';
const OUTSIDE_ONLY_SHARED = 'e2e/ and bench/ drive the lab from outside: import @cors-lab/shared, never an app';
const ONLY_API_TALKS = 'only src/api/ talks to a server: call a function from src/api/ (or take one through LabDeps)';

/** Import patterns that reach another app: by package name, or by a relative path into its folder. */
const otherApps = (...apps) => [
  { group: apps.flatMap((a) => [`@cors-lab/${a}`, `@cors-lab/${a}/*`]), message: APPS_ARE_APART },
  { regex: `^(\\.\\./)+(apps/)?(${apps.join('|')})(/|$)`, message: APPS_ARE_APART },
];

const NODE_AND_SERVER = ['node:*', 'fastify', 'fastify/*', '@fastify/*'];

const SERVER_GLOBALS = ['fetch', 'EventSource', 'XMLHttpRequest'];

const PURE_BANNED = ['node:*', 'fs', 'fs/*', 'http', 'https', 'react', 'react/*', 'react-dom', 'react-dom/*', 'zustand', 'zustand/*', 'fastify', 'fastify/*', '@fastify/*', 'vite', 'vite/*', '@cors-lab/*'];

/** packages/shared imports no framework, no I/O and nothing outside its own src/. */
const sharedIsPure = (files, escaping) => ({
  files,
  rules: {
    'no-restricted-imports': ['error', { patterns: [{ group: PURE_BANNED, message: SHARED_IS_PURE }, { regex: escaping, message: SHARED_IS_PURE }] }],
  },
});

export default defineConfig([
  globalIgnores(['**/dist/', '**/node_modules/', 'test-results/', 'playwright-report/']),
  {
    files: ['**/*.ts', '**/*.tsx'],
    extends: [tseslint.configs.recommended],
    rules: {
      // `const { body: _old, ...rest } = answer` is how we drop a field from an object.
      '@typescript-eslint/no-unused-vars': ['error', { ignoreRestSiblings: true }],
    },
  },
  {
    files: ['**/*.test.ts'],
    // Tests break a policy on purpose (`Record<string, any>`) to check the validator's messages.
    rules: { '@typescript-eslint/no-explicit-any': 'off' },
  },
  // Leaving src/ by a relative path reaches the workspace too: one level up from src/, two from src/explainer/.
  sharedIsPure(['packages/shared/src/*.ts'], '^\\.\\./'),
  sharedIsPure(['packages/shared/src/*/**/*.ts'], '^(\\.\\./){2}'),
  {
    files: ['apps/server01/src/**/*.ts'],
    rules: { 'no-restricted-imports': ['error', { patterns: otherApps('server02', 'client', 'lab') }] },
  },
  {
    files: ['apps/server02/src/**/*.ts'],
    rules: { 'no-restricted-imports': ['error', { patterns: otherApps('server01', 'client', 'lab') }] },
  },
  {
    files: ['apps/client/src/**/*.ts', 'apps/client/src/**/*.tsx'],
    plugins: { 'react-hooks': reactHooks },
    // The classic two hook rules; v7's React Compiler rules (set-state-in-effect...) flag the editors' draft-text sync.
    rules: {
      'no-restricted-imports': ['error', { patterns: [...otherApps('server01', 'server02', 'lab'), { group: NODE_AND_SERVER, message: CLIENT_IN_BROWSER }] }],
      'react-hooks/rules-of-hooks': 'error',
      'react-hooks/exhaustive-deps': 'warn',
    },
  },
  {
    files: ['apps/client/src/**/*.ts', 'apps/client/src/**/*.tsx'],
    ignores: ['apps/client/src/api/**'],
    rules: {
      'no-restricted-globals': ['error', ...SERVER_GLOBALS.map((name) => ({ name, message: ONLY_API_TALKS }))],
      'no-restricted-syntax': [
        'error',
        {
          selector: `MemberExpression[object.name=/^(window|globalThis|self)$/][property.name=/^(${SERVER_GLOBALS.join('|')})$/]`,
          message: ONLY_API_TALKS,
        },
      ],
    },
  },
  {
    files: ['e2e/**/*.ts', 'bench/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['@cors-lab/*', '!@cors-lab/shared'], message: OUTSIDE_ONLY_SHARED },
            { regex: '^(\\.\\./)+apps/', message: OUTSIDE_ONLY_SHARED },
          ],
        },
      ],
    },
  },
]);
