// Lint rules that keep the architecture honest as well as the code tidy.
import eslint from '@eslint/js';
import { readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { importX } from 'eslint-plugin-import-x';
import tseslint from 'typescript-eslint';

// Every agency's workspace under subgraphs/: the folders themselves, so a new agency is kept apart
// from the others without editing this file (stack/src/agency-registry.test.ts holds the folders,
// the workspaces and the agency registry to one list).
const AGENCIES = readdirSync(join(dirname(fileURLToPath(import.meta.url)), 'subgraphs'), { withFileTypes: true })
  .filter((entry) => entry.isDirectory())
  .map((entry) => entry.name)
  .sort();

// Test support (issue 14): tests, `*.fixtures.ts` beside them and the test-support workspace itself.
// Everything else is production code (services, seeds, scripts, the benchmark) and never imports
// @mappa/testing: test helpers are not shipped, and the production barrels export only what services use.
const TESTS_AND_TEST_SUPPORT = ['**/*.test.ts', '**/*.fixtures.ts', 'testing/**', 'test/**'];
const NO_TEST_SUPPORT = [
  {
    group: ['@mappa/testing', '@mappa/testing/*', '**/testing/src', '**/testing/src/**'],
    message: 'Production code never imports test support (@mappa/testing): move what it needs into @mappa/shared.',
  },
];

/** A subgraph never imports another subgraph: agencies share code only through @mappa/shared. */
const subgraphIsolation = AGENCIES.flatMap((agency) => {
  const others = AGENCIES.filter((other) => other !== agency);
  const isolation = [
    ...others.map((other) => ({
      group: [`@mappa/${other}`, `@mappa/${other}/*`],
      message: 'A subgraph never imports another subgraph.',
    })),
    { group: ['**/subgraphs/**', '../../*/**'], message: 'A subgraph never imports another subgraph.' },
    { group: ['@mappa/gateway', '@mappa/stack'], message: 'A subgraph does not depend on the gateway or the local stack.' },
  ];
  // One rule takes one list per file, so the subgraph's production files get both lists in a second block.
  return [
    { files: [`subgraphs/${agency}/**/*.ts`], rules: { 'no-restricted-imports': ['error', { patterns: isolation }] } },
    {
      files: [`subgraphs/${agency}/**/*.ts`],
      ignores: TESTS_AND_TEST_SUPPORT,
      rules: { 'no-restricted-imports': ['error', { patterns: [...isolation, ...NO_TEST_SUPPORT] }] },
    },
  ];
});

/** The other workspaces' production files: no test support either. */
const noTestSupportInProduction = {
  files: ['shared/**/*.ts', 'gateway/**/*.ts', 'stack/**/*.ts'],
  ignores: TESTS_AND_TEST_SUPPORT,
  rules: { 'no-restricted-imports': ['error', { patterns: NO_TEST_SUPPORT }] },
};

// Each workspace declares what it imports: its own package.json, plus the root's devDependencies
// (jest, playwright, drizzle-kit) for tests, test support and tooling only.
const ROOT = dirname(fileURLToPath(import.meta.url));
const WORKSPACES = ['shared', 'gateway', 'stack', 'testing', 'test', ...AGENCIES.map((agency) => `subgraphs/${agency}`)];
const packageBoundaries = WORKSPACES.map((workspace) => ({
  files: [`${workspace}/**/*.ts`],
  rules: {
    'import-x/no-extraneous-dependencies': [
      'error',
      {
        packageDir: [join(ROOT, workspace), ROOT],
        // Our workspaces resolve outside node_modules, so they count as internal: check them too.
        includeInternal: true,
        devDependencies: ['**/*.test.ts', '**/*.fixtures.ts', 'testing/**', '**/drizzle.config.ts', 'test/**'],
      },
    ],
  },
}));

/** Selectors every TypeScript file is held to (no-restricted-syntax takes one list per file, so the blocks below repeat it). */
const NAMED_EXPORTS_ONLY = [{ selector: 'ExportDefaultDeclaration', message: 'Named exports only.' }];

// One definition of a calendar date (issue 14): "today" is the date in England and Wales
// (Europe/London), read from the request's clock, derived only in shared/src/time/calendar-date.ts.
// Anywhere else an instant turned into a date ad hoc gets UTC's date (or the server's), which is the
// day before between midnight and 01:00 in British Summer Time.
const CALENDAR_DATE =
  "A calendar date is the date in England and Wales: use calendarDateOf / todayOf (shared/src/time/calendar-date.ts) or the request's `context.today`.";
const AD_HOC_CALENDAR_DATES = [
  {
    selector: "CallExpression[callee.property.name='slice'][callee.object.callee.property.name='toISOString']",
    message: `toISOString().slice(0, 10) is the UTC date. ${CALENDAR_DATE}`,
  },
  { selector: "NewExpression[callee.object.name='Intl'][callee.property.name='DateTimeFormat']", message: CALENDAR_DATE },
  { selector: "CallExpression[callee.property.name='toLocaleDateString']", message: CALENDAR_DATE },
  {
    selector: "CallExpression[callee.name='calendarDateOf'] > NewExpression.arguments[arguments.length=0]",
    message: "Today is the request's (`context.today`, read once from the service's clock so tests can set it), or todayOf(clock).",
  },
  {
    selector: 'TemplateElement[value.raw=/\\b(current_date|current_timestamp|localtimestamp|localtime)\\b/i]',
    message: `SQL's current_date is the database server's date in its time zone: pass the request's date as a parameter. ${CALENDAR_DATE}`,
  },
];

// SQL only in query modules (issue 14): resolvers, policies, conditions and services do not build SQL.
// The query builder (`drizzle-orm`) and the table modules are imported, as values, only by the modules
// whose role is data access: `*.query.ts` (and `*.loader.ts` batch functions), the table and schema
// definitions, SQL-valued helpers (`*.sql.ts`), the database plumbing of shared/src/db, seeds,
// migrations, test support and tests. Types (`import type { MappaCaseRow }`) stay free to import.
const DATA_ACCESS_MODULES = [
  '**/*.query.ts',
  '**/*.loader.ts',
  '**/*.loaders.ts',
  '**/*.table.ts',
  '**/*.tables.ts',
  '**/*.schema.ts',
  '**/*.sql.ts',
  '**/*.seed.ts',
  '**/seed/**',
  '**/drizzle/**',
  '**/*.test.ts',
  '**/*.fixtures.ts',
  '**/testing/**',
  'test/**',
  'shared/src/db/**',
  'shared/src/index.ts',
];
const SQL_ONLY_IN_QUERY_MODULES =
  'SQL lives in query modules: move the statement into a `*.query.ts` (or a `*.loader.ts` batch function) and call it (docs/architecture.md).';

export default tseslint.config(
  { ignores: ['**/dist/**', '**/node_modules/**', '**/drizzle/**', 'coverage/**', '.data/**'] },
  eslint.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.ts'],
    rules: {
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'separate-type-imports' }],
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_' },
      ],
      'no-console': 'error',
      'no-restricted-syntax': ['error', ...NAMED_EXPORTS_ONLY],
    },
  },
  {
    // Production code and test support. Seeds build synthetic history at fixed UTC times (their dates
    // are data, not a request's "today"); tests may set data up with the database's date.
    files: ['**/*.ts'],
    ignores: ['shared/src/time/calendar-date.ts', '**/seed/**', '**/*.seed.ts', '**/*.test.ts', 'test/**'],
    rules: { 'no-restricted-syntax': ['error', ...NAMED_EXPORTS_ONLY, ...AD_HOC_CALENDAR_DATES] },
  },
  {
    // Package boundaries and tidy imports (Hive gateway's habit): every import is declared by the
    // workspace that makes it (the nearest package.json), and one import per module. No import/order:
    // type-graphql orders a subgraph's Query fields as their classes are declared, so the order of a
    // subgraph index's imports is its SDL's (the drift check holds it), and reordering modules would
    // change evaluation order where modules import each other.
    files: ['**/*.ts'],
    plugins: { 'import-x': importX },
    rules: {
      'import-x/no-duplicates': 'error',
    },
  },
  {
    // drizzle-kit requires its configuration as a default export.
    files: ['**/drizzle.config.ts'],
    rules: { 'no-restricted-syntax': 'off' },
  },
  {
    files: ['**/*.js', '**/*.mjs'],
    languageOptions: {
      globals: {
        require: 'readonly',
        module: 'writable',
        process: 'readonly',
        __dirname: 'readonly',
        console: 'readonly',
        window: 'readonly',
        document: 'readonly',
        GraphiQL: 'readonly',
        React: 'readonly',
        ReactDOM: 'readonly',
      },
    },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  {
    files: ['**/*.ts'],
    ignores: DATA_ACCESS_MODULES,
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['drizzle-orm', 'drizzle-orm/*'], allowTypeImports: true, message: SQL_ONLY_IN_QUERY_MODULES },
            { group: ['**/*.table', '**/*.tables'], allowTypeImports: true, message: SQL_ONLY_IN_QUERY_MODULES },
          ],
        },
      ],
    },
  },
  ...subgraphIsolation,
  noTestSupportInProduction,
  ...packageBoundaries,
);
