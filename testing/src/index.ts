// Test support for the tests of every package (issue 14): never imported by production code (a lint
// rule refuses it) and never built into a service. What a test file of one subgraph needs loads from
// here without the gateway or the stack; the whole product for cross-service tests is in
// `@mappa/testing/stack` (./stack/index.ts), so a subgraph's unit tests do not load every subgraph.
export * from './graphql-response';
export * from './graphql-client';
export * from './committed-schemas';
export * from './test-database';
export * from './migrations-before';
export * from './test-gateway';
export * from './test-subgraph';
export * from './test-redis';
export * from './test-tracing';
export * from './case-grants';
export * from './disclosure-client';
export * from './disclosure-sql';
export * from './audit-history';
export * from './doubled-fragments';
export * from './query-results';
export * from './companion-reads';
