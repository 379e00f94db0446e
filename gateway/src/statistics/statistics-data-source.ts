import type { GraphQLDataSource, GraphQLDataSourceProcessOptions } from '@apollo/gateway';
import type { GatewayGraphQLResponse } from '@apollo/server-gateway-interface';
import { graphql } from 'graphql';
import type { GraphQLSchema } from 'graphql';
import { AccessDecisions, CLIENT_ERROR_CODES, ERROR_CODES } from '@mappa/shared';
import type { FieldPolicy } from '@mappa/shared';
import type { GatewayContext } from '../context/gateway-context';
import type { OwnerClient } from './owner-client';
import type { StatisticsContext } from './statistics.context';
import type { StatisticsService } from './statistics.service';

const clientCodes = new Set<string>(CLIENT_ERROR_CODES);

/**
 * The statistics subgraph served in the gateway's own process: the query planner hands it its part of
 * the operation like any subgraph's, and it runs it against the statistics schema with the gateway
 * request's own caller (no assertion to verify: nothing left the process). Its resolvers then ask the
 * owners, each under a signed assertion of its own.
 */
export class StatisticsDataSource implements GraphQLDataSource<GatewayContext> {
  private readonly policies: ReadonlyMap<string, FieldPolicy>;

  constructor(
    private readonly schema: GraphQLSchema,
    policies: readonly FieldPolicy[],
    private readonly service: StatisticsService,
    /** The owners' client: the statistics part of a request asks them within that request's one deadline. */
    private readonly owners?: Pick<OwnerClient, 'withDeadline'>,
  ) {
    this.policies = new Map(policies.map((policy) => [policy.name, policy]));
  }

  async process(options: GraphQLDataSourceProcessOptions<GatewayContext>): Promise<GatewayGraphQLResponse> {
    // The gateway runs on the static supergraph: it never loads schemas or health-checks subgraphs.
    if (options.kind !== 'incoming operation') return { data: null };
    const { request, context } = options;
    const contextValue: StatisticsContext = {
      caller: context.caller,
      requestId: context.requestId,
      log: context.log,
      audit: context.audit,
      statistics: this.service,
      access: new AccessDecisions(context.caller, this.policies),
    };
    const run = () =>
      Promise.resolve(
        graphql({
          schema: this.schema,
          source: request.query ?? '',
          variableValues: request.variables,
          operationName: request.operationName,
          contextValue,
        }),
      );
    const result = await (this.owners ? this.owners.withDeadline(context.deadline, run) : run());
    // A coded client error (BAD_USER_INPUT, UPSTREAM_UNAVAILABLE) passes as the owners' do; anything
    // else is logged by kind and answered without its message, as a subgraph's would be.
    const errors = result.errors?.map((error) => {
      const code = error.extensions.code;
      if (typeof code === 'string' && clientCodes.has(code)) return error.toJSON();
      context.log.error({ reason: error.originalError?.name ?? 'GraphQLError' }, 'statistics query failed');
      return { message: 'Internal server error', path: error.path, extensions: { code: ERROR_CODES.INTERNAL_SERVER_ERROR.code } };
    });
    return { data: result.data as GatewayGraphQLResponse['data'], ...(errors ? { errors } : {}) };
  }
}
