import 'reflect-metadata';
import { buildFederatedSchema } from '@mappa/shared';
import type { GraphQLSchema } from 'graphql';
import { DisclosureStatisticsResolver } from './disclosure-statistics.resolver';
import { KpiResolver } from './kpi.resolver';
import { StatisticsResolver } from './statistics.resolver';
import { STATISTICS_POLICIES } from './statistics.policies';

/** The statistics service's name in the supergraph. */
export const STATISTICS_SUBGRAPH = 'statistics';

/**
 * The URL the supergraph records for it: none is ever called, because the gateway serves this
 * subgraph in its own process (`StatisticsDataSource`).
 */
export const STATISTICS_SUBGRAPH_URL = 'http://in-process.gateway.invalid/statistics';

/** The statistics service as a Federation 2 subgraph, every field enforcing its policy. */
export function buildStatisticsSchema(): Promise<GraphQLSchema> {
  return buildFederatedSchema({ resolvers: [StatisticsResolver, KpiResolver, DisclosureStatisticsResolver] }, {}, STATISTICS_POLICIES);
}
