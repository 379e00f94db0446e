import { mkdtemp, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createLogger, GatewayAssertionSigner, generateSigningKeyPair, MappaArea } from '@mappa/shared';
import { openTestDatabase } from '@mappa/testing';
import { startGateway } from '../gateway';
import { DEV_ISSUER, LocalIssuer } from './local-issuer';
import { TokenVerifier } from './token-verifier';

const principal = {
  staffId: 'DEV1',
  agency: 'police' as const,
  roles: ['ppu_officer' as const],
  area: MappaArea.ESSEX,
  clearance: 'SC' as const,
};
let directory: string;

beforeEach(async () => {
  directory = await mkdtemp(join(tmpdir(), 'dev-issuer-'));
});

afterEach(async () => {
  await rm(directory, { recursive: true, force: true });
});

describe('the development token issuer', () => {
  it('keeps its key on disk for its owner only and reuses it, so tokens outlive a restart', async () => {
    const first = await LocalIssuer.openDevIssuer(directory);
    const token = await first.mint(principal);
    const file = await stat(join(directory, 'dev-issuer.jwk.json'));
    expect(file.mode & 0o777).toBe(0o600);
    const second = await LocalIssuer.openDevIssuer(directory);
    await expect(new TokenVerifier([second.trustedIssuer()]).principalFrom(`Bearer ${token}`)).resolves.toEqual({
      ...principal,
      issuer: DEV_ISSUER,
    });
  });

  it('is marked as development, issuing as the dev issuer', async () => {
    const issuer = (await LocalIssuer.openDevIssuer(directory)).trustedIssuer();
    expect(issuer).toMatchObject({ issuer: DEV_ISSUER, development: true });
  });

  it('is refused by a production gateway, which will not start', async () => {
    const devIssuer = (await LocalIssuer.openDevIssuer(directory)).trustedIssuer();
    const { privateJwk } = await generateSigningKeyPair();
    const database = await openTestDatabase();
    await expect(
      startGateway({
        auditConnection: database.connection,
        supergraphSdl: '',
        subgraphUrls: {},
        host: '127.0.0.1',
        port: 0,
        production: true,
        subgraphTimeoutMs: 1_000,
        log: createLogger('test', 'silent'),
        trustedIssuers: [devIssuer],
        assertionSigner: await GatewayAssertionSigner.fromJwk(privateJwk),
      }),
    ).rejects.toThrow(/development token issuer is enabled in a production configuration/);
    await database.drop();
  });
});
