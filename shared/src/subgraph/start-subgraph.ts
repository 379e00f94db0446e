import { expressMiddleware } from '@as-integrations/express5';
import express from 'express';
import { createApolloServer } from '../apollo/create-apollo-server';
import type { DatabaseConnection } from '../db/database';
import { StatementCounter } from '../db/statement-counter';
import { Counter } from '../metrics/counter';
import { createHttpApp, listen, requestIdOf } from '../http/http-service';
import type { RunningService } from '../http/http-service';
import type { Logger } from '../logging/logger';
import type { SubgraphContext } from './subgraph-context';
import type { SubgraphDefinition } from './subgraph-definition';

/** A subgraph serving on HTTP, with counts of the GraphQL requests it served and the SQL it sent. */
export interface RunningSubgraph extends RunningService {
  readonly name: string;
  readonly requests: Counter;
  readonly statements: StatementCounter;
}

/**
 * Starts one agency's subgraph over an already-open, migrated connection (`prepareSubgraphDatabase`):
 * serves `/graphql`, `/healthz` and `/readyz`.
 */
export async function startSubgraph<Loaders extends object>(
  definition: SubgraphDefinition<Loaders>,
  options: {
    readonly connection: DatabaseConnection;
    readonly host: string;
    readonly port: number;
    readonly production: boolean;
    readonly log: Logger;
  },
): Promise<RunningSubgraph> {
  const log = options.log.child({ subgraph: definition.name });
  const statements = new StatementCounter();
  const requests = new Counter();
  const db = options.connection.database(statements);
  const schema = await definition.buildSchema();
  const server = createApolloServer<SubgraphContext<Loaders>>({ schema }, { production: options.production, log });
  await server.start();
  const app = createHttpApp({ log, readiness: [{ name: 'database', check: () => options.connection.isReachable() }] });
  app.use(
    '/graphql',
    (_request, _response, next) => {
      requests.increment();
      next();
    },
    express.json({ limit: '1mb' }),
    expressMiddleware(server, {
      context: async ({ req }) => {
        const requestId = requestIdOf(req);
        return { requestId, log: log.child({ requestId }), db, loaders: definition.createLoaders(db) };
      },
    }),
  );
  const running = await listen(app, options.host, options.port);
  log.info({ url: `${running.url}/graphql` }, 'subgraph listening');
  return {
    ...running,
    name: definition.name,
    requests,
    statements,
    close: async () => {
      await running.close();
      await server.stop();
    },
  };
}
