// One jest run covers unit tests beside the code and the cross-service tests in test/.
/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: 'node',
  // Test files run in a few groups per worker, each group in one module registry: evaluating an
  // integration file's modules cost 2.6-7 s of CPU per file, now paid once per group. Each file still
  // runs inside a describe of its own, with its own hooks, variables and database (the runner says how).
  runner: '<rootDir>/scripts/jest-grouping-runner.js',
  roots: ['<rootDir>/shared/src', '<rootDir>/subgraphs', '<rootDir>/gateway/src', '<rootDir>/stack/src', '<rootDir>/test/src'],
  testMatch: ['**/*.test.ts'],
  testPathIgnorePatterns: ['/node_modules/', '/dist/'],
  transform: {
    // Transpile only (the type check is `npm run typecheck`), with swc: several times less CPU than
    // ts-jest's per-file TypeScript emit, and no TypeScript compiler loaded into every jest worker.
    // It keeps what tsc's emit gives the product: legacy decorators with their design-type metadata
    // (type-graphql reads it), ES2022 class fields (tsc's default at that target), CommonJS.
    '^.+\\.ts$': [
      '@swc/jest',
      {
        jsc: {
          parser: { syntax: 'typescript', decorators: true },
          transform: { legacyDecorator: true, decoratorMetadata: true, useDefineForClassFields: true },
          target: 'es2022',
          keepClassNames: true,
        },
        module: { type: 'commonjs' },
        sourceMaps: 'inline',
      },
    ],
  },
  // Workspace packages resolve to their TypeScript sources, so tests never run stale builds.
  moduleNameMapper: {
    '^@mappa/shared$': '<rootDir>/shared/src/index.ts',
    '^@mappa/gateway$': '<rootDir>/gateway/src/index.ts',
    '^@mappa/stack$': '<rootDir>/stack/src/index.ts',
    '^@mappa/testing(/stack)?$': '<rootDir>/testing/src$1/index.ts',
    '^@mappa/(police|probation|prison|yot|mappa|home-office)$': '<rootDir>/subgraphs/$1/src/index.ts',
  },
  // CI runs both databases' suites side by side with two workers each: four test files on two cores.
  // A stack's set-up (a beforeAll) has taken over a minute there when other jobs shared the machine.
  testTimeout: 120000,
  // A folder, and on a server a name prefix, for the run's prepared test databases: each is migrated
  // (and seeded) once per run and copied into every test database that starts from it.
  globalSetup: '<rootDir>/scripts/jest-global-setup.js',
  globalTeardown: '<rootDir>/scripts/jest-global-teardown.js',
};
