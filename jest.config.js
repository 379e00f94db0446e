// One jest run covers unit tests beside the code and the cross-service tests in test/.
// SWC transpiles TypeScript with legacy decorators and their metadata, which type-graphql needs.
/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/shared/src', '<rootDir>/subgraphs', '<rootDir>/gateway/src', '<rootDir>/stack/src', '<rootDir>/test/src'],
  testMatch: ['**/*.test.ts'],
  testPathIgnorePatterns: ['/node_modules/', '/dist/'],
  transform: {
    '^.+\\.ts$': [
      '@swc/jest',
      {
        jsc: {
          target: 'es2022',
          parser: { syntax: 'typescript', decorators: true },
          transform: { legacyDecorator: true, decoratorMetadata: true },
        },
        module: { type: 'commonjs' },
      },
    ],
  },
  // Workspace packages resolve to their TypeScript sources, so tests never run stale builds.
  moduleNameMapper: {
    '^@mappa/shared$': '<rootDir>/shared/src/index.ts',
    '^@mappa/gateway$': '<rootDir>/gateway/src/index.ts',
    '^@mappa/stack$': '<rootDir>/stack/src/index.ts',
    '^@mappa/(police|probation|prison|yot|mappa)$': '<rootDir>/subgraphs/$1/src/index.ts',
  },
  testTimeout: 60000,
};
