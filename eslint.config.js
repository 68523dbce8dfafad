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

// ---------------------------------------------------------------------------------------------
// Syntax the code may not use (no-restricted-syntax), as one list per group of files for the same
// reason. HTML from data goes through src/web/charts (escape.ts, tooltips.ts) only; SQL text is
// built from parameters, with `sql.raw` / `sql.identifier` taking a literal (anything else is a
// constant of the code, said so where it is used).

const NO_HTML_SINKS = [
  {
    selector: "JSXAttribute[name.name='dangerouslySetInnerHTML']",
    message: 'Render user text as text.',
  },
  {
    selector: 'AssignmentExpression > MemberExpression.left[property.name=/^(innerHTML|outerHTML)$/]',
    message: 'Render user text as text (textContent), never as HTML.',
  },
  {
    selector:
      "CallExpression[callee.property.name=/^(insertAdjacentHTML|createContextualFragment)$/], CallExpression[callee.object.name='document'][callee.property.name=/^(write|writeln)$/]",
    message: 'Render user text as text (textContent), never as HTML.',
  },
];
const NO_RAW_SQL = {
  selector:
    "CallExpression[callee.object.name='sql'][callee.property.name=/^(raw|identifier)$/]:not([arguments.0.type='Literal']):not([arguments.0.type='TemplateLiteral'][arguments.0.expressions.length=0])",
  message:
    'sql.raw / sql.identifier take a literal only: pass values as parameters (sql`… ${value}`) and pick columns from an allow-list.',
};
const TOOLTIP_FORMATTERS = [
  {
    selector:
      "Property[key.name='tooltip'] Property[key.name='formatter'][value.type=/^(ArrowFunctionExpression|FunctionExpression)$/]",
    message:
      'A tooltip formatter returns HTML: build it with src/web/charts/tooltips.ts (byDataIndex, bySeriesIndex, …), which escapes every line.',
  },
  {
    selector:
      'Property[key.name=/^(formatter|valueFormatter)$/] :matches(TemplateElement[value.raw=/<[a-zA-Z!/]/], Literal[value=/<[a-zA-Z!/]/])',
    message:
      'A chart formatter that builds HTML belongs in src/web/charts (escape.ts / tooltips.ts), where every value is escaped.',
  },
];

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
      'no-restricted-syntax': ['error', ...NO_HTML_SINKS, NO_RAW_SQL],
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
  // Chart formatters: HTML only from src/web/charts, where every value is escaped.
  {
    files: ['src/web/**/*.{ts,tsx}'],
    ignores: ['src/web/charts/**'],
    rules: { 'no-restricted-syntax': ['error', ...NO_HTML_SINKS, NO_RAW_SQL, ...TOOLTIP_FORMATTERS] },
  },
  // Web components stay small: split a page along its seams (sub-components, hooks, formatters).
  {
    files: ['src/web/**/*.tsx'],
    rules: { 'max-lines': ['error', { max: 300, skipBlankLines: true, skipComments: true }] },
  },
);
