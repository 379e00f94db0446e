import { pgSchema } from 'drizzle-orm/pg-core';

/** Every probation table lives in this PostgreSQL schema; no other agency reads or writes it. */
export const probationSchema = pgSchema('probation');
