import { pgSchema } from 'drizzle-orm/pg-core';

/** Every Home Office immigration enforcement table lives in this PostgreSQL schema; no other agency reads or writes it. */
export const homeOfficeSchema = pgSchema('home_office');
