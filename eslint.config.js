import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

// ---------------------------------------------------------------------------------------------
// House rules as import restrictions (see docs/architecture.md). Each group of files gets one
// combined list, because a later config's options replace an earlier one's.

const SQL_LIBS = {
  group: ['drizzle-orm', 'drizzle-orm/*', 'pg', 'pg-copy-streams'],
  message: 'SQL lives in repositories (<feature>.repository.ts) and src/platform/db; call a repository.',
};
const FOREIGN_REPOSITORY = {
  // `./x.repository` (own folder) and `../x.repository` (own module, from a sub-folder) only.
  regex: '^\\.\\./.*/.*\\.repository(\\.ts)?$',
  message: "Use another module's service or core, never its repository.",
};
const SCHEMA_TABLES = {
  group: ['**/platform/db/schema', '**/platform/db/schema/*'],
  allowTypeImports: true,
  message: 'Table definitions are for repositories; take codes and types from the feature core.',
};
const CORE_IO = {
  group: [
    'fastify',
    '@fastify/*',
    'exceljs',
    'node:fs',
    'node:fs/*',
    'node:child_process',
    'node:worker_threads',
    '**/*.repository',
    '**/*.service',
    '**/*.routes',
    '**/platform/db/*',
  ],
  message: "A module's core is pure: no I/O, no framework, no database.",
};
const WEB_FORBIDDEN = {
  group: [
    '**/*.service',
    '**/*.repository',
    '**/*.routes',
    '**/*.workbooks',
    '**/server/*',
    '**/platform/*',
    '!**/platform/contract',
    '**/platform/db/*',
    'fastify',
    '@fastify/*',
    'exceljs',
    'node:*',
  ],
  message:
    'The web app talks to the server over HTTP only: import types from <feature>.schemas.ts or code from core/.',
};
const WEB_CONTRACT = {
  group: ['**/*.schemas', '**/platform/contract'],
  allowTypeImports: true,
  message: 'The web imports only types from a contract (`import type`), never the TypeBox schemas.',
};
const NO_HTTP_FROM_CLI = {
  group: ['undici', 'node:http', 'node:https', '**/*.routes'],
  message: 'CLI commands call services, never HTTP or routes.',
};

const restrict = (...patterns) => ({
  'no-restricted-imports': 'off',
  '@typescript-eslint/no-restricted-imports': ['error', { patterns }],
});

const TESTS = ['**/*.test.ts', '**/*.test.tsx', 'src/test/**'];
const DB_LAYER = ['**/*.repository.ts', 'src/platform/db/**'];

export default tseslint.config(
  { ignores: ['node_modules', 'dist', 'data', 'test-results', 'src/platform/db/migrations'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_' },
      ],
      'no-restricted-syntax': [
        'error',
        {
          selector: "JSXAttribute[name.name='dangerouslySetInnerHTML']",
          message: 'Render user text as text.',
        },
      ],
    },
  },
  {
    files: ['src/web/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: { ...reactHooks.configs.recommended.rules },
  },
  // Server side, outside the database layer: no SQL, no foreign repositories, no table objects.
  {
    files: ['src/**/*.ts'],
    ignores: ['src/web/**', ...TESTS, ...DB_LAYER, 'src/modules/**/core/**'],
    rules: restrict(SQL_LIBS, FOREIGN_REPOSITORY, SCHEMA_TABLES),
  },
  // The database layer: SQL allowed, foreign repositories still not.
  {
    files: DB_LAYER,
    ignores: TESTS,
    rules: restrict(FOREIGN_REPOSITORY),
  },
  {
    files: ['src/cli/**/*.ts'],
    ignores: TESTS,
    rules: restrict(SQL_LIBS, FOREIGN_REPOSITORY, SCHEMA_TABLES, NO_HTTP_FROM_CLI),
  },
  // A module's pure core does no I/O.
  {
    files: ['src/modules/**/core/**/*.ts'],
    ignores: TESTS,
    rules: restrict(SQL_LIBS, CORE_IO, SCHEMA_TABLES),
  },
  // The browser app.
  {
    files: ['src/web/**/*.{ts,tsx}'],
    ignores: TESTS,
    rules: restrict(WEB_FORBIDDEN, WEB_CONTRACT, SQL_LIBS),
  },
  // Web components stay small: split a page along its seams (sub-components, hooks, formatters).
  {
    files: ['src/web/**/*.tsx'],
    rules: { 'max-lines': ['error', { max: 300, skipBlankLines: true, skipComments: true }] },
  },
);
