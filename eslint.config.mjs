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

/** A subgraph never imports another subgraph: agencies share code only through @mappa/shared. */
const subgraphIsolation = AGENCIES.map((agency) => {
  const others = AGENCIES.filter((other) => other !== agency);
  return {
    files: [`subgraphs/${agency}/**/*.ts`],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            ...others.map((other) => ({
              group: [`@mappa/${other}`, `@mappa/${other}/*`],
              message: 'A subgraph never imports another subgraph.',
            })),
            { group: ['**/subgraphs/**', '../../*/**'], message: 'A subgraph never imports another subgraph.' },
            { group: ['@mappa/gateway', '@mappa/stack'], message: 'A subgraph does not depend on the gateway or the local stack.' },
          ],
        },
      ],
    },
  };
});

// Each workspace declares what it imports: its own package.json, plus the root's devDependencies
// (jest, playwright, drizzle-kit) for tests, test support and tooling only.
const ROOT = dirname(fileURLToPath(import.meta.url));
const WORKSPACES = ['shared', 'gateway', 'stack', 'test', ...AGENCIES.map((agency) => `subgraphs/${agency}`)];
const packageBoundaries = WORKSPACES.map((workspace) => ({
  files: [`${workspace}/**/*.ts`],
  rules: {
    'import-x/no-extraneous-dependencies': [
      'error',
      {
        packageDir: [join(ROOT, workspace), ROOT],
        // Our workspaces resolve outside node_modules, so they count as internal: check them too.
        includeInternal: true,
        devDependencies: ['**/*.test.ts', '**/testing/**', '**/drizzle.config.ts', 'test/**'],
      },
    ],
  },
}));

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
      'no-restricted-syntax': ['error', { selector: 'ExportDefaultDeclaration', message: 'Named exports only.' }],
    },
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
  ...subgraphIsolation,
  ...packageBoundaries,
);
