import { pgSchema } from 'drizzle-orm/pg-core';

/**
 * Every audit table lives in this PostgreSQL schema. Each service migrates it into its own
 * database, so an agency deployed apart keeps its own log beside its own data; on the shared
 * embedded database all logs sit side by side, one chain per log name.
 */
export const auditSchema = pgSchema('audit');
