import { defineConfig } from 'drizzle-kit';

// drizzle-kit reads the schema object and the table definitions; the police tables live in the
// `police` PostgreSQL schema, which the first migration creates.
export default defineConfig({
  dialect: 'postgresql',
  schema: ['./src/police.schema.ts', './src/**/*.table.ts'],
  out: './drizzle',
});
