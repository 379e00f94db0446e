import { pgSchema } from 'drizzle-orm/pg-core';

/** Every police table lives in this PostgreSQL schema; no other agency reads or writes it. */
export const policeSchema = pgSchema('police');
