import { ApolloGateway } from '@apollo/gateway';
import { expressMiddleware } from '@as-integrations/express5';
import express from 'express';
import { AuditWriter, createApolloServer, createHttpApp, listen, migrateAuditStore, requestIdOf, StatementCounter } from '@mappa/shared';
import type { AuditMode, AuthorizationMode, DatabaseConnection, GatewayAssertionSigner, Logger, Principal, RunningService } from '@mappa/shared';
import { auditRefusedRequest, gatewayAuditPlugin } from './audit/gateway-audit';
import { GatewayRequestAudit } from './audit/gateway-request-audit';
import { declaredPurposeFrom } from './auth/declared-purpose';
import { DEFAULT_TOKEN_MAX_LIFETIME_SECONDS, TokenVerifier } from './auth/token-verifier';
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
  /** The longest a bearer token may live (`exp - iat`), in seconds (default one hour). */
  readonly tokenMaxLifetimeSeconds?: number;
  /** Signs the assertion each subgraph call carries. */
  readonly assertionSigner: GatewayAssertionSigner;
  /**
   * BENCHMARK ONLY: `'off'` runs without early enforcement and without the case-grant look-up (see
   * `AuthorizationMode`); tokens are still verified and assertions still signed. Default `'enforced'`.
   */
  readonly authorization?: AuthorizationMode;
  /** Where the gateway's own audit log is kept (its `audit` schema is migrated on start). */
  readonly auditConnection: DatabaseConnection;
  /** BENCHMARK ONLY: `'off'` answers without writing the gateway's audit log (see `AuditMode`). Default `'recorded'`. */
  readonly audit?: AuditMode;
}

/** The running gateway, with the count of SQL statements its audit log sent. */
export interface RunningGateway extends RunningService {
  readonly auditStatements: StatementCounter;
}

/**
 * Starts the gateway on the static supergraph. It never fetches schemas from subgraphs, so it
 * starts, and answers with the other agencies' data, even while a subgraph is down.
 */
export async function startGateway(options: GatewayOptions): Promise<RunningGateway> {
  const log = options.log.child({ component: 'gateway' });
  if (options.production && options.trustedIssuers.some((issuer) => issuer.development)) {
    throw new Error('Refusing to start: the development token issuer is enabled in a production configuration.');
  }
  const verifier = new TokenVerifier(options.trustedIssuers, { maxLifetimeSeconds: options.tokenMaxLifetimeSeconds ?? DEFAULT_TOKEN_MAX_LIFETIME_SECONDS });
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
  // Before anything listens: no request is answered without somewhere to record it.
  await migrateAuditStore(options.auditConnection);
  const auditStatements = new StatementCounter();
  const auditWriter = (options.audit ?? 'recorded') === 'recorded' ? new AuditWriter(options.auditConnection.database(auditStatements), 'gateway') : null;
  if (!auditWriter) log.warn('audit is off: the gateway records no audit trail (benchmark only)');
  // Fields the caller can never see are removed before planning (EnforcingGateway); each owner
  // still enforces every field and row it serves.
  const server = createApolloServer<GatewayContext>(
    { gateway: enforced ? new EnforcingGateway(gateway, policies) : gateway },
    { production: options.production, log, plugins: auditWriter ? [gatewayAuditPlugin(auditWriter, policies)] : [] },
  );
  await server.start();
  let supergraphLoaded = true;
  // Without its audit database the gateway answers nothing but AUDIT_UNAVAILABLE (fail closed), so it is not ready.
  const app = createHttpApp({
    log,
    readiness: [
      { name: 'supergraph', check: () => supergraphLoaded },
      { name: 'audit database', check: () => options.auditConnection.isReachable() },
    ],
  });
  mountGraphiql(app);
  app.use(
    '/graphql',
    express.json({ limit: '1mb' }),
    expressMiddleware(server, {
      // Who and why are settled before any planning: no token or no purpose, no data.
      context: async ({ req }) => {
        const requestId = requestIdOf(req);
        const requestLog = log.child({ requestId });
        const audit = new GatewayRequestAudit();
        let principal: Principal | null = null;
        try {
          principal = await verifier.principalFrom(req.headers.authorization);
          const declaredPurpose = declaredPurposeFrom(req.headers);
          // Before any planning or subgraph call: every assertion of this request carries the same grants.
          const caseGrants = grantLookup ? await grantLookup.grantsFor({ principal, declaredPurpose }, requestId, requestLog) : [];
          return { requestId, log: requestLog, audit, caller: { principal, declaredPurpose, ...(caseGrants.length > 0 ? { caseGrants } : {}) } };
        } catch (error: unknown) {
          // A refusal before any operation ran (authentication failures included) is audited too.
          if (auditWriter) await auditRefusedRequest(auditWriter, { requestId, body: req.body, principal, error, audit }, requestLog);
          throw error;
        }
      },
    }),
  );
  const running = await listen(app, options.host, options.port);
  log.info({ url: `${running.url}/graphql` }, 'gateway listening');
  return {
    ...running,
    auditStatements,
    close: async () => {
      supergraphLoaded = false;
      await running.close();
      await server.stop();
    },
  };
}
