import type { ApolloServerPlugin } from '@apollo/server';
import type { Caller } from '../auth/caller';
import type { AccessDecisions } from '../authorization/access-decisions';
import type { RequestContext } from '../context/request-context';
import { appendOrWithhold } from './append-or-withhold';
import { auditCallerOf, auditOperationName, auditOutcome, deniedFieldsOf, elapsedMs, errorCodesOf } from './audit-entry';
import type { AuditWriter } from './audit-writer';
import { observeAccess } from './observed-access';
import type { RequestAudit } from './request-audit';

/** What a subgraph's request context offers its audit plugin. */
export interface AuditedContext extends RequestContext {
  readonly caller: Caller;
  readonly access: AccessDecisions;
  readonly audit: RequestAudit;
}

const PNC_ID = /^\d{4}\/\d{7}[A-Z]$/;

/**
 * The subjects of the entities an `_entities` fetch returned: the gateway names each by its key in
 * `representations`, in the order of the answer. Only those answered with a record count (a null is
 * "not held, or not yours to know"); only the key is read, never another variable.
 */
function entitySubjects(variables: Record<string, unknown> | undefined, data: unknown): string[] {
  const representations = variables?.representations;
  const entities = typeof data === 'object' && data !== null ? (data as Record<string, unknown>)._entities : undefined;
  if (!Array.isArray(representations) || !Array.isArray(entities)) return [];
  return representations.flatMap((representation: unknown, index) => {
    const pncId = typeof representation === 'object' && representation !== null ? (representation as Record<string, unknown>).pncId : undefined;
    return entities[index] !== null && entities[index] !== undefined && typeof pncId === 'string' && PNC_ID.test(pncId) ? [pncId] : [];
  });
}

/**
 * The owner's own evidence, independent of the gateway: one entry in this subgraph's log for every
 * request it serves, naming who asked and why, which subjects and which of its fields it returned,
 * and which it denied under which policy. Written before the response leaves; if it cannot be
 * written the response is replaced by AUDIT_UNAVAILABLE with no data (fail closed).
 */
export function subgraphAuditPlugin<Context extends AuditedContext>(writer: AuditWriter): ApolloServerPlugin<Context> {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ contextValue, operationName, queryHash }) {
          contextValue.audit.describeOperation(operationName ?? null, queryHash ?? null);
        },
        async willSendResponse({ contextValue, response, request, schema, document, operation, operationName, queryHash }) {
          // Every answer here is a single result: no service enables incremental delivery (@defer).
          if (response.body.kind !== 'single') return;
          const result = response.body.singleResult;
          const observed = observeAccess(schema, document, operation, result.data);
          const denied = deniedFieldsOf(contextValue.access.deniedSelections());
          const errorCodes = errorCodesOf(result.errors);
          const subjects = new Set([...observed.subjects, ...entitySubjects(request.variables, result.data), ...contextValue.audit.subjects()]);
          const payload = {
            ...auditCallerOf(contextValue.caller),
            operationName: auditOperationName(operationName),
            documentHash: queryHash ?? null,
            subjects: [...subjects].sort(),
            fields: [{ service: writer.log, returned: [...observed.fields].sort(), denied }],
            outcome: auditOutcome(errorCodes, true, denied.length),
            errorCodes,
            durationMs: elapsedMs(contextValue.audit.started),
          };
          await appendOrWithhold(writer, { requestId: contextValue.requestId, payload }, response, contextValue.log);
        },
      };
    },
  };
}
