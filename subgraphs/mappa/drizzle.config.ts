import { defineConfig } from 'drizzle-kit';

// drizzle-kit reads the schema object and the table definitions; the MAPPA tables live in the
// `mappa` PostgreSQL schema, which the first migration creates.
export default defineConfig({
  dialect: 'postgresql',
  schema: ['./src/mappa.schema.ts', './src/**/*.table.ts'],
  out: './drizzle',
});
