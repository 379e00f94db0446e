import { pgSchema } from 'drizzle-orm/pg-core';

/** Every prison table lives in this PostgreSQL schema; no other agency reads or writes it. */
export const prisonSchema = pgSchema('prison');
