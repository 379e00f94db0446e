import { ApolloGateway } from '@apollo/gateway';
import { expressMiddleware } from '@as-integrations/express5';
import express from 'express';
import { createApolloServer, createHttpApp, listen, requestIdOf } from '@mappa/shared';
import type { Logger, RunningService } from '@mappa/shared';
import type { GatewayContext } from './context/gateway-context';
import { AgencyDataSource } from './datasource/agency-data-source';
import { mountGraphiql } from './graphiql/graphiql';

/** How to run the gateway: the committed supergraph, where each agency's subgraph is, and limits. */
export interface GatewayOptions {
  readonly supergraphSdl: string;
  /** Subgraph URL by supergraph name; overrides the URLs recorded in the supergraph. */
  readonly subgraphUrls: Readonly<Record<string, string>>;
  readonly host: string;
  readonly port: number;
  readonly production: boolean;
  readonly subgraphTimeoutMs: number;
  readonly log: Logger;
}

/**
 * Starts the gateway on the static supergraph. It never fetches schemas from subgraphs, so it
 * starts, and answers with the other agencies' data, even while a subgraph is down.
 */
export async function startGateway(options: GatewayOptions): Promise<RunningService> {
  const log = options.log.child({ component: 'gateway' });
  const gateway = new ApolloGateway({
    supergraphSdl: options.supergraphSdl,
    logger: log,
    buildService: ({ name, url }) => {
      const configuredUrl = options.subgraphUrls[name] ?? url;
      if (!configuredUrl) throw new Error(`No URL configured for subgraph "${name}"`);
      return new AgencyDataSource(name, configuredUrl, options.subgraphTimeoutMs, log);
    },
  });
  const server = createApolloServer<GatewayContext>({ gateway }, { production: options.production, log });
  await server.start();
  let supergraphLoaded = true;
  const app = createHttpApp({ log, readiness: [{ name: 'supergraph', check: () => supergraphLoaded }] });
  mountGraphiql(app);
  app.use(
    '/graphql',
    express.json({ limit: '1mb' }),
    expressMiddleware(server, {
      context: async ({ req }) => {
        const requestId = requestIdOf(req);
        return { requestId, log: log.child({ requestId }) };
      },
    }),
  );
  const running = await listen(app, options.host, options.port);
  log.info({ url: `${running.url}/graphql` }, 'gateway listening');
  return {
    ...running,
    close: async () => {
      supergraphLoaded = false;
      await running.close();
      await server.stop();
    },
  };
}
