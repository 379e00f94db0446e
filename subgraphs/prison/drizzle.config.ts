import { defineConfig } from 'drizzle-kit';

// drizzle-kit reads the schema object and the table definitions; the prison tables live in the
// `prison` PostgreSQL schema, which the first migration creates.
export default defineConfig({
  dialect: 'postgresql',
  schema: ['./src/prison.schema.ts', './src/**/*.table.ts'],
  out: './drizzle',
});
