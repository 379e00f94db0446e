import type { ApolloServerPlugin } from '@apollo/server';
import type { Caller } from '../auth/caller';
import type { AccessDecisions } from '../authorization/access-decisions';
import type { RequestContext } from '../context/request-context';
import { appendOrWithhold } from './append-or-withhold';
import { auditCallerOf, auditOperationName, auditOutcome, deniedFieldsOf, elapsedMs, errorCodesOf } from './audit-entry';
import type { AuditWriter } from './audit-writer';
import { servedValueHash } from './audit-log';
import type { AuditPayloadInput } from './audit-payload';
import { observeAccess } from './observed-access';
import type { ServedValue } from './observed-access';
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
    const pncId =
      typeof representation === 'object' && representation !== null ? (representation as Record<string, unknown>).pncId : undefined;
    return entities[index] !== null && entities[index] !== undefined && typeof pncId === 'string' && PNC_ID.test(pncId) ? [pncId] : [];
  });
}

/** The PNC ID of each representation of an `_entities` fetch, by index (null where there is none): whom each entity answered is about. */
function representationSubjects(variables: Record<string, unknown> | undefined): (string | null)[] {
  const representations = variables?.representations;
  if (!Array.isArray(representations)) return [];
  return representations.map((representation: unknown) => {
    const pncId =
      typeof representation === 'object' && representation !== null ? (representation as Record<string, unknown>).pncId : undefined;
    return typeof pncId === 'string' && PNC_ID.test(pncId) ? pncId : null;
  });
}

/**
 * What the meeting relied on (issue 10): each distinct value the owner served about a subject under
 * MAPPA_MEETING, as `servedValueHash` over the meeting id, PNC ID, field and value, sorted so the
 * entry does not depend on the answer's order. Kept in this owner's own log, never sent anywhere:
 * the MAPPA unit's store holds no other agency's values, nor hashes of them (a level or a yes/no
 * could be recovered from its hash by guessing).
 */
function servedValueHashes(meetingId: string, values: readonly ServedValue[]): NonNullable<AuditPayloadInput['served']> {
  const distinct = new Map<string, { subject: string; field: string; valueHash: string }>();
  for (const { subject, coordinate, value } of values) {
    const valueHash = servedValueHash(meetingId, subject, coordinate, value);
    distinct.set(`${subject} ${coordinate} ${valueHash}`, { subject, field: coordinate, valueHash });
  }
  return [...distinct.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([, served]) => served);
}

/**
 * The owner's own evidence, independent of the gateway: one entry in this subgraph's log for every
 * request it serves, naming who asked and why, which subjects and which of its fields it returned,
 * and which it denied under which policy; under MAPPA_MEETING, the hash of each value it served about
 * the meeting's subject (`servedValueHashes`). Written before the response leaves; if it cannot be
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
          // Under MAPPA_MEETING the walk also keeps the values served, for the meeting's reliance hashes.
          const { purpose, caseId } = contextValue.caller.declaredPurpose;
          const meetingId = purpose === 'MAPPA_MEETING' ? caseId : null;
          const observed = observeAccess(
            schema,
            document,
            operation,
            result.data,
            meetingId ? { entitySubjects: representationSubjects(request.variables) } : undefined,
          );
          const served = meetingId ? servedValueHashes(meetingId, observed.values) : [];
          const denied = deniedFieldsOf(contextValue.access.deniedSelections());
          const errorCodes = errorCodesOf(result.errors);
          const subjects = new Set([
            ...observed.subjects,
            ...entitySubjects(request.variables, result.data),
            ...contextValue.audit.subjects(),
          ]);
          const payload = {
            ...auditCallerOf(contextValue.caller),
            operationName: auditOperationName(operationName),
            documentHash: queryHash ?? null,
            subjects: [...subjects].sort(),
            fields: [{ service: writer.log, returned: [...observed.fields].sort(), denied }],
            ...(served.length > 0 ? { served } : {}),
            outcome: auditOutcome(errorCodes, true, denied.length),
            errorCodes,
            durationMs: elapsedMs(contextValue.audit.started),
          };
          // A mutation whose change (with its own entry, in its transaction) is committed and answered is
          // not turned into a failure if this entry cannot be written (issue 15): the answer stands.
          const applied =
            operation?.operation === 'mutation' &&
            contextValue.audit.changesCommittedWith() &&
            !!result.data &&
            Object.values(result.data).some((value) => value !== null && value !== undefined);
          await appendOrWithhold(writer, { requestId: contextValue.requestId, payload }, response, () => contextValue.log, { applied });
        },
      };
    },
  };
}
