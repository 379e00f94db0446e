import { createLogger, GatewayAssertionSigner, generateSigningKeyPair } from '@mappa/shared';
import { openTestDatabase } from '@mappa/testing';
import { startGateway } from '../gateway';
import { readSupergraph } from '../supergraph';

// C.93 (issue 13): the differencing defence rounds every count by a key only the gateway knows. Replicas
// that drew keys of their own would round one cell differently, so the same question asked of each
// would average the rounding away: a production gateway refuses to start without the configured key.
describe('the statistics record-key secret', () => {
  it('C.93: is required in production; a production gateway without one does not start', async () => {
    const { privateJwk } = await generateSigningKeyPair();
    const database = await openTestDatabase();
    try {
      await expect(
        startGateway({
          auditConnection: database.connection,
          supergraphSdl: readSupergraph(),
          subgraphUrls: {},
          host: '127.0.0.1',
          port: 0,
          production: true,
          subgraphTimeoutMs: 1_000,
          log: createLogger('test', 'silent'),
          trustedIssuers: [],
          assertionSigner: await GatewayAssertionSigner.fromJwk(privateJwk),
        }),
      ).rejects.toThrow(/no STATISTICS_KEY_SECRET in a production configuration/);
    } finally {
      await database.drop();
    }
  });

  it('C.93: a production gateway given one starts', async () => {
    const { privateJwk } = await generateSigningKeyPair();
    const database = await openTestDatabase();
    try {
      const gateway = await startGateway({
        auditConnection: database.connection,
        supergraphSdl: readSupergraph(),
        subgraphUrls: {},
        host: '127.0.0.1',
        port: 0,
        production: true,
        subgraphTimeoutMs: 1_000,
        log: createLogger('test', 'silent'),
        trustedIssuers: [],
        assertionSigner: await GatewayAssertionSigner.fromJwk(privateJwk),
        statistics: { keySecret: 'a-configured-secret-shared-by-every-replica-0123456789' },
      });
      await gateway.close();
    } finally {
      await database.drop();
    }
  });
});
