import { createHash } from 'node:crypto';
import type { ApolloServerPlugin } from '@apollo/server';
import { getOperationAST } from 'graphql';
import type { GraphQLError } from 'graphql';
import {
  appendOrWithhold,
  auditCallerOf,
  auditOperationName,
  auditOutcome,
  auditPrincipalOf,
  deniedFieldsOf,
  elapsedMs,
  errorCodesOf,
  observeAccess,
} from '@mappa/shared';
import type { AuditPayloadInput, AuditWriter, Logger, Principal } from '@mappa/shared';
import { ownerOfPolicy } from '../authorization/supergraph-policies';
import type { SupergraphPolicies } from '../authorization/supergraph-policies';
import type { GatewayContext } from '../context/gateway-context';
import type { GatewayRequestAudit } from './gateway-request-audit';

type AuditFields = AuditPayloadInput['fields'][number];

/**
 * Groups what the response returned (by field coordinate) and what was denied (with its policy) by
 * the agency that owns each field, as the owner's policy names it: the gateway's account of what
 * each agency's data went to whom.
 */
function fieldsByOwner(
  returned: ReadonlySet<string>,
  denied: readonly { field: string; policy: string }[],
  policies: SupergraphPolicies,
): AuditFields[] {
  const byOwner = new Map<string, { returned: string[]; denied: { field: string; policy: string }[] }>();
  const entryOf = (owner: string) => {
    let entry = byOwner.get(owner);
    if (!entry) byOwner.set(owner, (entry = { returned: [], denied: [] }));
    return entry;
  };
  for (const field of [...returned].sort()) {
    const policy = policies.policyOfField.get(field);
    // Every field of the supergraph names a policy (readSupergraphPolicies refuses one that does not).
    if (policy) entryOf(ownerOfPolicy(policy)).returned.push(field);
  }
  for (const selection of denied) entryOf(ownerOfPolicy(selection.policy)).denied.push(selection);
  return [...byOwner].sort(([a], [b]) => (a < b ? -1 : 1)).map(([service, fields]) => ({ service, ...fields }));
}

/**
 * The gateway's entry for every operation it answers: who asked (staff id, agency, roles, area), why
 * (purpose and case), which operation (its name and the SHA-256 of the document, never variable
 * values), whom it was about (the PNC IDs in the answer), per agency the fields returned and the
 * fields denied with the policy that denied them, the outcome and the duration. Written before the
 * response leaves; if it cannot be written, the caller gets AUDIT_UNAVAILABLE (HTTP 503) and no data.
 */
export function gatewayAuditPlugin(writer: AuditWriter, policies: SupergraphPolicies): ApolloServerPlugin<GatewayContext> {
  return {
    async requestDidStart() {
      return {
        async willSendResponse({ contextValue, request, response, schema, document, operation, operationName, queryHash }) {
          // Every answer here is a single result: no service enables incremental delivery (@defer).
          if (response.body.kind !== 'single') return;
          const result = response.body.singleResult;
          const observed = observeAccess(schema, document, operation, result.data);
          const denied = deniedFieldsOf(contextValue.audit.deniedSelections());
          const errorCodes = errorCodesOf(result.errors);
          const payload = {
            ...auditCallerOf(contextValue.caller),
            // A document refused before its operation was resolved (invalid) is named as the caller named it.
            operationName: auditOperationName(
              operationName ?? request.operationName ?? (document ? getOperationAST(document)?.name?.value : undefined),
            ),
            documentHash: queryHash ?? null,
            subjects: [...observed.subjects].sort(),
            fields: fieldsByOwner(observed.fields, denied, policies),
            ...(contextValue.audit.statisticsQueries().length > 0 ? { statistics: [...contextValue.audit.statisticsQueries()] } : {}),
            outcome: auditOutcome(errorCodes, true, denied.length),
            errorCodes,
            durationMs: elapsedMs(contextValue.audit.started),
          };
          // Waited for no longer than the request's deadline. A mutation an owner already applied (and
          // recorded in its own transaction) is answered as applied even if this entry fails (issue 15).
          await appendOrWithhold(writer, { requestId: contextValue.requestId, payload }, response, () => contextValue.log, {
            withheldStatus: 503,
            signal: contextValue.deadline.auditSignal(),
            applied: operation?.operation === 'mutation' && anyRootFieldAnswered(result.data),
          });
        },
      };
    },
  };
}

/** True when at least one root field of the answer holds a value: for a mutation, a change an owner committed. */
export function anyRootFieldAnswered(data: Record<string, unknown> | null | undefined): boolean {
  return !!data && Object.values(data).some((value) => value !== null && value !== undefined);
}

/** A request refused before any operation ran, as its audit entry describes it. */
export interface RefusedRequest {
  readonly requestId: string;
  /** The parsed body, when it was read (a request refused by the per-source rate limit never is). */
  readonly body: unknown;
  readonly principal: Principal | null;
  readonly error: unknown;
  readonly audit: GatewayRequestAudit;
}

/**
 * The entry for a request refused before any operation ran: an invalid or missing token
 * (`principal` null), a missing or invalid purpose, or a rate limit. Names the operation and
 * hashes the document the caller sent, as for any other request.
 */
export function refusedRequestPayload(refusal: RefusedRequest): AuditPayloadInput {
  const body = typeof refusal.body === 'object' && refusal.body !== null ? (refusal.body as Record<string, unknown>) : {};
  const code = (refusal.error as Partial<GraphQLError> | null)?.extensions?.code;
  const errorCodes = errorCodesOf([{ message: '', extensions: { code } }]);
  return {
    principal: refusal.principal ? auditPrincipalOf(refusal.principal) : null,
    purpose: null,
    caseId: null,
    operationName: auditOperationName(body.operationName),
    documentHash: typeof body.query === 'string' ? createHash('sha256').update(body.query).digest('hex') : null,
    subjects: [],
    fields: [],
    outcome: auditOutcome(errorCodes, refusal.principal !== null, 0),
    errorCodes,
    durationMs: elapsedMs(refusal.audit.started),
  };
}

/**
 * Writes the entry for one refused request (those `RefusalAudit` does not gather into a window):
 * nothing was served, so the refusal stands whether or not the entry is written (a failure to
 * write it is logged).
 */
export async function auditRefusedRequest(writer: AuditWriter, refusal: RefusedRequest, log: Logger): Promise<void> {
  try {
    await writer.append({ requestId: refusal.requestId, payload: refusedRequestPayload(refusal) });
  } catch (error: unknown) {
    log.error(
      { log: writer.log, reason: error instanceof Error ? error.name : 'unknown' },
      'audit entry for a refused request could not be written',
    );
  }
}
