import type { sql } from 'drizzle-orm';
import { z } from 'zod';
import type { DatabaseConnection } from '@mappa/shared';
import type { GraphQLResponse } from './graphql-response';

/** Rows of a query over a test database's seeded tables, checked against `shape` (both database drivers answer with `rows`). */
export async function checkedRows<Row extends z.ZodRawShape>(
  connection: DatabaseConnection,
  shape: Row,
  query: ReturnType<typeof sql>,
): Promise<z.infer<z.ZodObject<Row>>[]> {
  return z.object({ rows: z.array(z.object(shape)) }).parse(await connection.database().execute(query)).rows;
}

/** Each FORBIDDEN error of an answer as `path policy`: one error per list item, so the path without its index, once each, sorted. */
export const forbiddenPaths = (response: GraphQLResponse): string[] =>
  (response.errors ?? [])
    .filter((error) => error.extensions?.code === 'FORBIDDEN')
    .map((error) => `${(error.path ?? []).filter((step) => typeof step === 'string').join('.')} ${String(error.extensions?.policy)}`)
    .filter((path, index, paths) => paths.indexOf(path) === index)
    .sort();
