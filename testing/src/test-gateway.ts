import type { JSONWebKeySet } from 'jose';
import { ASSERTION_HEADER, GatewayAssertionSigner, generateSigningKeyPair, MappaArea } from '@mappa/shared';
import type { Caller } from '@mappa/shared';

/**
 * The identity provider tests stand in for: the test stack's token issuer, and the issuer of every
 * principal a test signs an assertion for directly. Test subgraphs take staff ids from it as their own.
 */
export const TEST_ISSUER = 'urn:mappa:test-issuer';

/** A caller for tests that exercise data rather than access rules. */
export const TEST_CALLER: Caller = {
  principal: {
    staffId: 'TEST0001',
    issuer: TEST_ISSUER,
    agency: 'mappa_unit',
    roles: ['mappa_coordinator'],
    area: MappaArea.LONDON,
    clearance: 'SC',
  },
  declaredPurpose: { purpose: 'CASE_MANAGEMENT', caseId: null },
};

/** Stands in for the gateway's key pair in a test that talks to one subgraph directly. */
export interface TestGatewayKeys {
  /** Give these to `startSubgraph` as `gatewayKeys`. */
  readonly gatewayKeys: JSONWebKeySet;
  /** Headers carrying a fresh assertion for `audience` (the subgraph's name), bound to `body`: send exactly that body. */
  headersFor(audience: string, body: string, caller?: Caller, requestId?: string): Promise<Record<string, string>>;
}

/** A fresh gateway key pair: the subgraph under test trusts it as it would trust the real gateway. */
export async function createTestGatewayKeys(): Promise<TestGatewayKeys> {
  const { privateJwk, publicJwk } = await generateSigningKeyPair();
  const signer = await GatewayAssertionSigner.fromJwk(privateJwk);
  return {
    gatewayKeys: { keys: [publicJwk] },
    headersFor: async (audience, body, caller = TEST_CALLER, requestId = 'test-request-0001') => ({
      [ASSERTION_HEADER]: await signer.sign(audience, caller, requestId, body),
    }),
  };
}
