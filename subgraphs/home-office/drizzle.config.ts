import { defineConfig } from 'drizzle-kit';

// drizzle-kit reads the schema object and the table definitions; the Home Office tables live in the
// `home_office` PostgreSQL schema, which the first migration creates.
export default defineConfig({
  dialect: 'postgresql',
  schema: ['./src/home-office.schema.ts', './src/**/*.table.ts'],
  out: './drizzle',
});
