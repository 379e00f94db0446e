// Cross-service test support: the whole product on port 0 (one object per test file with `query()`
// and `close()`, as federation's gateway-js testUtils), and records written into its database.
export * from './test-stack';
export * from './disclosure-records';
export * from './mappa-records';
export * from './statistics-answers';
