// BENCHMARK ONLY: the least a subgraph on this stack does to answer the police part of the single
// offender view (`npm run bench -- --only subgraph`, bench/subgraph-floor.ts): Apollo Server's
// standalone server as its documentation sets it up, a schema from @apollo/subgraph, and one prepared
// `pg` statement per person (the person and their ViSOR nominal, as the product's police subgraph reads
// them in one). Nothing else: no assertion, policy, row scope, audit entry, metrics, tracing or
// logging. Apollo Server's own defaults stay (its HTTP layer, body parsing, CORS), but for federated
// tracing, which the product's subgraphs turn off too. It answers whoever asks, so it is never
// deployed; it is the floor the product's police subgraph is measured against, in a process of its
// own on the same database.
// eslint-disable-next-line import-x/no-extraneous-dependencies -- a benchmark-only peer: a devDependency of the stack, never deployed
import { ApolloServer } from '@apollo/server';
// eslint-disable-next-line import-x/no-extraneous-dependencies -- a benchmark-only peer: a devDependency of the stack, never deployed
import { ApolloServerPluginInlineTraceDisabled } from '@apollo/server/plugin/disabled';
// eslint-disable-next-line import-x/no-extraneous-dependencies -- a benchmark-only peer: a devDependency of the stack, never deployed
import { startStandaloneServer } from '@apollo/server/standalone';
import { buildSubgraphSchema } from '@apollo/subgraph';
import { createLogger, stopOnceOnSignal } from '@mappa/shared';
import { parse } from 'graphql';
import { Pool } from 'pg';

const typeDefs = parse(`
  extend schema @link(url: "https://specs.apollo.dev/federation/v2.3", import: ["@key"])
  type Identity { firstName: String! lastName: String! dateOfBirth: String! }
  type VisorNominal { visorReference: String! status: String! }
  type Offender @key(fields: "pncId") { pncId: ID! identity: Identity visorNominal: VisorNominal }
  type Query { offender(pncId: ID!): Offender }
`);

const PERSON_WITH_NOMINAL = `select p.first_name, p.last_name, p.date_of_birth::text as date_of_birth, v.visor_reference, v.status
  from police.person p left join police.visor_nominal v on v.pnc_id = p.pnc_id where p.pnc_id = $1`;

interface PersonRow {
  readonly first_name: string;
  readonly last_name: string;
  readonly date_of_birth: string;
  readonly visor_reference: string | null;
  readonly status: string | null;
}

async function main(): Promise<void> {
  const pool = new Pool({ connectionString: process.env.DATABASE_URL, max: Number(process.env.DATABASE_POOL_SIZE ?? 4) });
  const offender = async (pncId: string) => {
    const { rows } = await pool.query<PersonRow>({ name: 'floor_person', text: PERSON_WITH_NOMINAL, values: [pncId] });
    const row = rows[0];
    if (!row) return null;
    return {
      pncId,
      identity: { firstName: row.first_name, lastName: row.last_name, dateOfBirth: row.date_of_birth },
      visorNominal: row.visor_reference === null ? null : { visorReference: row.visor_reference, status: row.status },
    };
  };
  const schema = buildSubgraphSchema({
    typeDefs,
    resolvers: {
      Query: { offender: (_: unknown, { pncId }: { pncId: string }) => offender(pncId) },
      Offender: { __resolveReference: ({ pncId }: { pncId: string }) => offender(pncId) },
    },
  });
  // Federated tracing off, as in the product's subgraphs (it only works when a gateway asks for it).
  const server = new ApolloServer({ schema, plugins: [ApolloServerPluginInlineTraceDisabled()] });
  const { url } = await startStandaloneServer(server, { listen: { host: process.env.HOST ?? '127.0.0.1', port: 0 } });
  stopOnceOnSignal('floor subgraph', url.replace(/\/$/, ''), createLogger('floor-subgraph', 'silent'), [
    () => server.stop(),
    () => pool.end(),
  ]);
}

void main().catch((error: unknown) => {
  process.stderr.write(`floor subgraph failed to start: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
