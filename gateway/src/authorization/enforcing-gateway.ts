import type { ApolloGateway } from '@apollo/gateway';
import type {
  GatewayApolloConfig,
  GatewayExecutor,
  GatewayGraphQLRequestContext,
  GatewayInterface,
  GatewayLoadResult,
  GatewaySchemaLoadOrUpdateCallback,
  GatewayUnsubscriber,
} from '@apollo/server-gateway-interface';
import type { GatewayContext } from '../context/gateway-context';
import type { CaseGrantLookup } from '../grants/case-grant-lookup';
import { applyDenials, enforceBeforePlanning } from './early-enforcement';
import type { SupergraphPolicies } from './supergraph-policies';

/**
 * The Apollo Gateway with early enforcement in front of its executor. Apollo Server hands the
 * executor the parsed, validated document and its `queryHash`; `ApolloGateway` plans from that
 * document and caches the plan under `queryHash` (with the operation name). This wrapper hands it
 * the document with never-visible fields removed and a `queryHash` that also names the denied
 * policies, so the plan cache can never serve a plan built for one permission set to another.
 */
export class EnforcingGateway implements GatewayInterface {
  constructor(
    private readonly gateway: ApolloGateway,
    private readonly policies: SupergraphPolicies,
    /** Asks probation for the caller's case relationships when the operation needs them; none in tests of the rewrite alone. */
    private readonly relationshipLookup?: CaseGrantLookup,
  ) {}

  onSchemaLoadOrUpdate(callback: GatewaySchemaLoadOrUpdateCallback): GatewayUnsubscriber {
    return this.gateway.onSchemaLoadOrUpdate(callback);
  }

  async load(options: { apollo: GatewayApolloConfig }): Promise<GatewayLoadResult> {
    const { executor } = await this.gateway.load(options);
    return { executor: executor ? this.enforcing(executor) : null };
  }

  async stop(): Promise<void> {
    await this.gateway.stop();
  }

  private enforcing(executor: GatewayExecutor): GatewayExecutor {
    return async (requestContext: GatewayGraphQLRequestContext) => {
      // The context function has verified the caller before any execution (GatewayContext).
      const context = requestContext.context as GatewayContext;
      const enforced = enforceBeforePlanning(
        this.policies,
        context.caller,
        requestContext.document,
        requestContext.operationName,
        requestContext.queryHash,
      );
      if (enforced?.needsCaseRelationships && this.relationshipLookup) {
        // Before planning, so every assertion of the operation carries the same answer. Only operations
        // asking for a field granted on a case relationship pay this one extra request to probation.
        const caseRelationships = await this.relationshipLookup.caseRelationshipsOf(
          context.caller,
          context.requestId,
          context.deadline,
          context.log,
        );
        if (caseRelationships) context.caller = { ...context.caller, caseRelationships };
      }
      if (!enforced || enforced.denied.length === 0) return executor(requestContext);
      // The audit names what was removed, and the policy that removed it.
      context.audit.recordDenied(enforced.denied);
      const result = await executor({
        ...requestContext,
        document: enforced.document,
        operation: enforced.operation,
        queryHash: enforced.planKey,
      });
      const { data, errors } = applyDenials(result.data, enforced.denied, this.policies.entityTypeNames);
      // A denied field under a null parent has no error (principle 9): then there may be none at all,
      // and an answer carries no `errors` rather than an empty list (the spec forbids one).
      const { errors: executionErrors = [], ...rest } = result;
      const allErrors = [...executionErrors, ...errors];
      return allErrors.length > 0 ? { ...rest, data, errors: allErrors } : { ...rest, data };
    };
  }
}
