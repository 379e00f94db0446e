import { ApolloGateway } from '@apollo/gateway';
import { expressMiddleware } from '@as-integrations/express5';
import express from 'express';
import { createApolloServer, createHttpApp, listen, requestIdOf } from '@mappa/shared';
import type { AuthorizationMode, GatewayAssertionSigner, Logger, RunningService } from '@mappa/shared';
import { declaredPurposeFrom } from './auth/declared-purpose';
import { TokenVerifier } from './auth/token-verifier';
import type { TrustedIssuer } from './auth/trusted-issuer';
import { EnforcingGateway } from './authorization/enforcing-gateway';
import { readSupergraphPolicies } from './authorization/supergraph-policies';
import type { GatewayContext } from './context/gateway-context';
import { AgencyDataSource } from './datasource/agency-data-source';
import { CaseGrantLookup, supergraphUrlOf } from './grants/case-grant-lookup';
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
  /** Identity providers whose bearer tokens are accepted. */
  readonly trustedIssuers: readonly TrustedIssuer[];
  /** Signs the assertion each subgraph call carries. */
  readonly assertionSigner: GatewayAssertionSigner;
  /**
   * BENCHMARK ONLY: `'off'` runs without early enforcement and without the case-grant look-up (see
   * `AuthorizationMode`); tokens are still verified and assertions still signed. Default `'enforced'`.
   */
  readonly authorization?: AuthorizationMode;
}

/**
 * Starts the gateway on the static supergraph. It never fetches schemas from subgraphs, so it
 * starts, and answers with the other agencies' data, even while a subgraph is down.
 */
export async function startGateway(options: GatewayOptions): Promise<RunningService> {
  const log = options.log.child({ component: 'gateway' });
  if (options.production && options.trustedIssuers.some((issuer) => issuer.development)) {
    throw new Error('Refusing to start: the development token issuer is enabled in a production configuration.');
  }
  const verifier = new TokenVerifier(options.trustedIssuers);
  // Read (and checked) before anything listens: a supergraph whose policies cannot be read is refused.
  const policies = readSupergraphPolicies(options.supergraphSdl);
  const gateway = new ApolloGateway({
    supergraphSdl: options.supergraphSdl,
    logger: log,
    buildService: ({ name, url }) => {
      const configuredUrl = options.subgraphUrls[name] ?? url;
      if (!configuredUrl) throw new Error(`No URL configured for subgraph "${name}"`);
      return new AgencyDataSource(name, configuredUrl, options.subgraphTimeoutMs, options.assertionSigner, log);
    },
  });
  const grantsUrl = options.subgraphUrls.mappa ?? supergraphUrlOf(options.supergraphSdl, 'mappa');
  if (!grantsUrl) throw new Error('No URL configured for subgraph "mappa" (case access grants)');
  const enforced = (options.authorization ?? 'enforced') === 'enforced';
  if (!enforced) log.warn('authorization is off: no early enforcement and no case-grant look-up (benchmark only)');
  // Off (benchmark only): no grants to look up, so no extra request to the MAPPA unit.
  const grantLookup = enforced ? new CaseGrantLookup(grantsUrl, options.subgraphTimeoutMs, options.assertionSigner) : null;
  // Fields the caller can never see are removed before planning (EnforcingGateway); each owner
  // still enforces every field and row it serves.
  const server = createApolloServer<GatewayContext>({ gateway: enforced ? new EnforcingGateway(gateway, policies) : gateway }, { production: options.production, log });
  await server.start();
  let supergraphLoaded = true;
  const app = createHttpApp({ log, readiness: [{ name: 'supergraph', check: () => supergraphLoaded }] });
  mountGraphiql(app);
  app.use(
    '/graphql',
    express.json({ limit: '1mb' }),
    expressMiddleware(server, {
      // Who and why are settled before any planning: no token or no purpose, no data.
      context: async ({ req }) => {
        const requestId = requestIdOf(req);
        const principal = await verifier.principalFrom(req.headers.authorization);
        const declaredPurpose = declaredPurposeFrom(req.headers);
        const requestLog = log.child({ requestId });
        // Before any planning or subgraph call: every assertion of this request carries the same grants.
        const caseGrants = grantLookup ? await grantLookup.grantsFor({ principal, declaredPurpose }, requestId, requestLog) : [];
        return { requestId, log: requestLog, caller: { principal, declaredPurpose, ...(caseGrants.length > 0 ? { caseGrants } : {}) } };
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
