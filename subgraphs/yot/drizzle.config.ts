import { defineConfig } from 'drizzle-kit';

// drizzle-kit reads the schema object and the table definitions; the YOT tables live in the
// `yot` PostgreSQL schema, which the first migration creates.
export default defineConfig({
  dialect: 'postgresql',
  schema: ['./src/yot.schema.ts', './src/**/*.table.ts'],
  out: './drizzle',
});
