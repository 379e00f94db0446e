// Entry point for the gateway on its own: `npm start -w gateway`.
import { createLogger, GatewayAssertionSigner } from '@mappa/shared';
import { loadGatewayConfig, readSupergraph, startGateway, subgraphUrlsFrom, trustedIssuersConfigured } from './index';

async function main(): Promise<void> {
  const config = loadGatewayConfig();
  const log = createLogger('gateway', config.LOG_LEVEL);
  const gateway = await startGateway({
    trustedIssuers: await trustedIssuersConfigured(config),
    assertionSigner: await GatewayAssertionSigner.fromJwk(config.GATEWAY_ASSERTION_KEY),
    supergraphSdl: readSupergraph(),
    subgraphUrls: subgraphUrlsFrom(config),
    host: config.HOST,
    port: config.GATEWAY_PORT,
    production: config.NODE_ENV === 'production',
    subgraphTimeoutMs: config.SUBGRAPH_TIMEOUT_MS,
    log,
  });
  const stop = async () => {
    await gateway.close();
    process.exit(0);
  };
  process.once('SIGINT', () => void stop());
  process.once('SIGTERM', () => void stop());
}

void main().catch((error: unknown) => {
  process.stderr.write(`gateway failed to start: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
