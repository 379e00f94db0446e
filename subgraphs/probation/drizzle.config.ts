import { defineConfig } from 'drizzle-kit';

// drizzle-kit reads the schema object and the table definitions; the probation tables live in the
// `probation` PostgreSQL schema, which the first migration creates.
export default defineConfig({
  dialect: 'postgresql',
  schema: ['./src/probation.schema.ts', './src/**/*.table.ts'],
  out: './drizzle',
});
