// BENCHMARK ONLY: a bare @apollo/gateway (the version the product runs) under Apollo Server, in a
// process of its own, as its documentation sets it up, plus the signed assertion on every subgraph
// call (bench/peers.ts). Started by `npm run bench -- --only deployed`, never deployed.
// eslint-disable-next-line import-x/no-extraneous-dependencies -- a benchmark-only peer: a devDependency of the stack, never deployed
import { ApolloGateway, RemoteGraphQLDataSource } from '@apollo/gateway';
// eslint-disable-next-line import-x/no-extraneous-dependencies -- a benchmark-only peer: a devDependency of the stack, never deployed
import { ApolloServer } from '@apollo/server';
// eslint-disable-next-line import-x/no-extraneous-dependencies -- a benchmark-only peer: a devDependency of the stack, never deployed
import { startStandaloneServer } from '@apollo/server/standalone';
import { readSupergraph } from '@mappa/gateway';
import { createLogger, stopOnceOnSignal } from '@mappa/shared';
import { assertionSigner, peerSettingsFrom, supergraphWithUrls } from './peers';

async function main(): Promise<void> {
  const settings = peerSettingsFrom(process.env);
  const sign = await assertionSigner(settings);
  const gateway = new ApolloGateway({
    supergraphSdl: supergraphWithUrls(readSupergraph(), settings.subgraphUrls),
    buildService: ({ name, url }) => {
      const source = new RemoteGraphQLDataSource({ url });
      // Its own HTTP client (make-fetch-happen), with the assertion added for the exact body it sends.
      const send = source.fetcher;
      source.fetcher = async (target, init) => {
        const headers = { ...(init?.headers as Record<string, string> | undefined), ...(await sign(name, String(init?.body ?? ''))) };
        return send(target, { ...init, headers });
      };
      return source;
    },
  });
  const server = new ApolloServer({ gateway });
  const { url } = await startStandaloneServer(server, { listen: { host: settings.host, port: 0 } });
  stopOnceOnSignal('apollo-gateway', url.replace(/\/$/, ''), createLogger('apollo-peer', 'silent'), [() => server.stop()]);
}

void main().catch((error: unknown) => {
  process.stderr.write(`apollo peer failed to start: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
