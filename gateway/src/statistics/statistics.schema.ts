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

/**
 * The statistics service as a Federation 2 subgraph, every field enforcing its policy. Built once per
 * process: it holds no state of a gateway (each has its own `StatisticsService`, handed to the
 * resolvers through the request's context), as the agencies' subgraph schemas are built once per mode.
 */
export function buildStatisticsSchema(): Promise<GraphQLSchema> {
  statisticsSchema ??= buildFederatedSchema(
    { resolvers: [StatisticsResolver, KpiResolver, DisclosureStatisticsResolver] },
    {},
    STATISTICS_POLICIES,
  );
  return statisticsSchema;
}

let statisticsSchema: Promise<GraphQLSchema> | undefined;
