export {
  documentControlsConfigured,
  gatewayAccessEnv,
  gatewayDocumentEnv,
  gatewayEnv,
  gatewayStatisticsEnv,
  loadGatewayConfig,
  statisticsConfigured,
  subgraphUrlsFrom,
  trustedIssuersConfigured,
} from './config';
export type { GatewayEnv } from './config';
export { startGateway } from './gateway';
export type { DocumentControlsMode, GatewayOptions, RunningGateway } from './gateway';
export { runGateway } from './run-gateway';
export type { GatewaySwitches } from './run-gateway';
export { SUPERGRAPH_PATH, readSupergraph } from './supergraph';
export { DISCLOSURE_DOCUMENT_OPERATIONS } from './disclosure/disclosure-document-route';
export { readSupergraphPolicies } from './authorization/supergraph-policies';
export type { ComposedPolicy, SupergraphPolicies } from './authorization/supergraph-policies';
export { DEV_ISSUER, GATEWAY_AUDIENCE, LocalIssuer, VOUCHES_FOR_EVERYONE } from './auth/local-issuer';
export type { MintOptions, VouchingScope } from './auth/local-issuer';
export { DEFAULT_TOKEN_MAX_LIFETIME_SECONDS } from './auth/token-verifier';
export { trustedIssuersConfigSchema, trustedIssuersFrom } from './auth/trusted-issuer';
export type { TrustedIssuer } from './auth/trusted-issuer';
export { CASE_HEADER, PURPOSE_HEADER } from './auth/declared-purpose';
export { DEFAULT_OPERATION_LIMITS } from './documents/operation-limits';
export type { OperationLimits } from './documents/operation-limits';
export { loadTrustedDocumentManifests, parseTrustedDocumentManifest, trustedDocumentManifestOf } from './documents/trusted-documents';
export type { TrustedDocumentManifest, TrustedDocumentMode, TrustedDocuments } from './documents/trusted-documents';
export { DEFAULT_RATE_LIMITS, gatewayRateLimitEnv, rateLimitsFrom } from './rate-limit/rate-limits';
export type { RateLimits, TokenBucket } from './rate-limit/rate-limits';
export { buildStatisticsSchema, STATISTICS_SUBGRAPH, STATISTICS_SUBGRAPH_URL } from './statistics/statistics.schema';
export { STATISTICS_POLICIES } from './statistics/statistics.policies';
export type { StatisticsSettings } from './statistics/statistics.service';
