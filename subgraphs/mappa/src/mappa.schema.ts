import { pgSchema } from 'drizzle-orm/pg-core';

/** Every MAPPA Co-ordination Unit table lives in this PostgreSQL schema; no other agency reads or writes it. */
export const mappaSchema = pgSchema('mappa');
