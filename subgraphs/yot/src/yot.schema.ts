import { pgSchema } from 'drizzle-orm/pg-core';

/** Every youth offending team table lives in this PostgreSQL schema; no other agency reads or writes it. */
export const yotSchema = pgSchema('yot');
