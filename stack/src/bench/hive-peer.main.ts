// BENCHMARK ONLY: Hive Gateway's runtime (@graphql-hive/gateway-runtime, on Node's HTTP server) in a
// process of its own, as its documentation sets it up, plus the signed assertion on every subgraph
// call (bench/peers.ts). Started by `npm run bench -- --only deployed`, never deployed.
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
// eslint-disable-next-line import-x/no-extraneous-dependencies -- a benchmark-only peer: a devDependency of the stack, never deployed
import { createGatewayRuntime } from '@graphql-hive/gateway-runtime';
import { readSupergraph } from '@mappa/gateway';
import { createLogger, stopOnceOnSignal } from '@mappa/shared';
import { assertionSigner, peerSettingsFrom, subgraphNameByUrl, supergraphWithUrls } from './peers';

async function main(): Promise<void> {
  const settings = peerSettingsFrom(process.env);
  const sign = await assertionSigner(settings);
  const nameOf = subgraphNameByUrl(settings.subgraphUrls);
  const gateway = createGatewayRuntime({
    supergraph: supergraphWithUrls(readSupergraph(), settings.subgraphUrls),
    logging: false,
    // Its default, errors masked; BENCH_PEER_DEBUG=true shows a subgraph's error when a peer's answer is checked.
    maskedErrors: process.env.BENCH_PEER_DEBUG !== 'true',
    plugins: () => [
      {
        // The assertion for the exact body about to be sent; nothing else is changed.
        onFetch: async ({ url, options, setOptions }) => {
          const headers = new Headers(options.headers as HeadersInit | undefined);
          for (const [name, value] of Object.entries(await sign(nameOf(url), String(options.body ?? '')))) headers.set(name, value);
          setOptions({ ...options, headers: Object.fromEntries(headers) });
        },
      },
    ],
  });
  const server = createServer(gateway);
  await new Promise<void>((resolve) => server.listen(0, settings.host, resolve));
  const { port } = server.address() as AddressInfo;
  stopOnceOnSignal('hive-gateway', `http://${settings.host}:${port}`, createLogger('hive-peer', 'silent'), [
    () => new Promise<void>((resolve) => server.close(() => resolve())),
    async () => {
      await gateway.dispose();
    },
  ]);
}

void main().catch((error: unknown) => {
  process.stderr.write(`hive peer failed to start: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
