import type { ApolloServerPlugin } from '@apollo/server';
import type { OperationDefinitionNode } from 'graphql';
import type { RequestContext } from '../context/request-context';
import { codeLabel, purposeLabel } from '../metrics/metrics';
import { currentObservation } from '../metrics/request-observation';

/** The bounded label of an operation (see `Metrics`): never a value the caller chose freely. */
export type OperationLabeller = (operationName: string | null | undefined, operation: OperationDefinitionNode | undefined) => string;

/**
 * A subgraph's operation label: its one root field (`_entities`, `offender`, …), or `multiple`.
 * Field names come from the subgraph's own schema (the document was validated), so the label set is
 * bounded; the operation's name is not used, because the gateway builds it from the client's.
 */
export const rootFieldLabel: OperationLabeller = (_operationName, operation) => {
  const fields = new Set(
    (operation?.selectionSet.selections ?? []).map((selection) => (selection.kind === 'Field' ? selection.name.value : 'fragment')),
  );
  const [only] = fields;
  return fields.size === 1 && only ? only : fields.size === 0 ? 'none' : 'multiple';
};

/**
 * Tells the request's observation (`serveHttp`) what GraphQL learnt about it: the operation's
 * label, the declared purpose, the error codes answered and whether any data was; a request refused
 * while its context was built (no token, rate limit, document limits) leaves its error's code.
 */
export function requestObservationPlugin<Context extends RequestContext>(labelOperation: OperationLabeller): ApolloServerPlugin<Context> {
  return {
    // Server-level hook: called in the refused request's own asynchronous context.
    async contextCreationDidFail({ error }) {
      const code = (error as { extensions?: { code?: unknown } }).extensions?.code;
      currentObservation()?.codes.add(codeLabel(code ?? 'INTERNAL_SERVER_ERROR'));
    },
    async requestDidStart() {
      return {
        async willSendResponse({ contextValue, operationName, operation, response }) {
          const observation = currentObservation();
          if (!observation) return;
          observation.operation = labelOperation(operationName, operation);
          const caller = (contextValue as { caller?: { declaredPurpose?: { purpose?: unknown } | null } }).caller;
          observation.purpose = purposeLabel(caller?.declaredPurpose?.purpose);
          const result = response.body.kind === 'single' ? response.body.singleResult : undefined;
          for (const error of result?.errors ?? []) observation.codes.add(codeLabel(error.extensions?.code ?? 'INTERNAL_SERVER_ERROR'));
          const data = result?.data;
          observation.hasData = data !== undefined && data !== null && Object.values(data).some((value) => value !== null);
        },
      };
    },
  };
}
