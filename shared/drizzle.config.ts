import { defineConfig } from 'drizzle-kit';

// The shared package owns one set of tables: the audit trail, in the `audit` PostgreSQL schema,
// which every service migrates into its own database (see `migrateAuditStore`).
export default defineConfig({
  dialect: 'postgresql',
  schema: ['./src/audit/audit.schema.ts', './src/**/*.table.ts'],
  out: './drizzle',
});
