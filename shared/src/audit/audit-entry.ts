import type { GraphQLFormattedError } from 'graphql';
import type { Caller } from '../auth/caller';
import type { Principal } from '../auth/principal';
import type { DeniedSelection } from '../authorization/denied-selections';
import type { AuditOutcome, AuditPayloadInput } from './audit-payload';

// Codes that mean the service could not answer as asked, whatever the caller was allowed.
const FAILURE_CODES = new Set(['INTERNAL_SERVER_ERROR', 'UPSTREAM_UNAVAILABLE', 'AUDIT_UNAVAILABLE']);
// Error codes are ours or Apollo's, but a subgraph's could be anything: keep only code-shaped ones.
const CODE_SHAPE = /^[A-Z][A-Z0-9_]{0,63}$/;

/** The distinct error codes of a response, sorted; an error without a code counts as an internal one. */
export function errorCodesOf(errors: readonly GraphQLFormattedError[] | undefined): string[] {
  const codes = (errors ?? []).map((error) => {
    const code = error.extensions?.code;
    return typeof code === 'string' && CODE_SHAPE.test(code) ? code : 'INTERNAL_SERVER_ERROR';
  });
  return [...new Set(codes)].sort();
}

/**
 * How a request ended, for the audit: unauthenticated when no one was known; failed when the
 * service could not answer (an internal error, an agency down, the audit unavailable); partly
 * denied when a field was refused; rejected for any other error (bad input, unknown record, an
 * invalid document); allowed otherwise.
 */
export function auditOutcome(errorCodes: readonly string[], authenticated: boolean, deniedFields: number): AuditOutcome {
  if (!authenticated) return 'UNAUTHENTICATED';
  if (errorCodes.some((code) => FAILURE_CODES.has(code))) return 'FAILED';
  if (deniedFields > 0 || errorCodes.includes('FORBIDDEN')) return 'PARTLY_DENIED';
  if (errorCodes.length > 0) return 'REJECTED';
  return 'ALLOWED';
}

/** Who asked, as the audit records them: ids (the staff id with its issuer), codes and roles, never a name. */
export function auditPrincipalOf(principal: Principal): NonNullable<AuditPayloadInput['principal']> {
  const { staffId, issuer, agency, roles, area } = principal;
  return { staffId, issuer, agency, roles: [...roles], area };
}

/** Who asked and why, as every entry about a served request records them. */
export function auditCallerOf(caller: Caller): Pick<AuditPayloadInput, 'principal' | 'purpose' | 'caseId'> {
  return { principal: auditPrincipalOf(caller.principal), purpose: caller.declaredPurpose.purpose, caseId: caller.declaredPurpose.caseId };
}

/**
 * An operation name as the audit keeps it: a GraphQL name (letters, digits, underscores), at most
 * 128 characters of it; anything else is no name. The gateway names each subgraph fetch after the
 * operation (`<name>__police__0`), so the cut must apply wherever a name is recorded, or a long name
 * would fail the entry, and with it the answer.
 */
export function auditOperationName(name: unknown): string | null {
  return typeof name === 'string' && /^[_A-Za-z][_0-9A-Za-z]*$/.test(name) ? name.slice(0, 128) : null;
}

/** Each denied selection as `Type.field` and the policy that denied it, once per field and policy. */
export function deniedFieldsOf(denied: readonly DeniedSelection[]): { field: string; policy: string }[] {
  const seen = new Map<string, { field: string; policy: string }>();
  for (const selection of denied) {
    const field = `${selection.parentTypeName}.${selection.fieldNodes[0]?.name.value ?? ''}`;
    seen.set(`${field}\0${selection.policyName}`, { field, policy: selection.policyName });
  }
  return [...seen.values()].sort((a, b) => (a.field < b.field ? -1 : a.field > b.field ? 1 : 0));
}

/** Milliseconds since `started` (a `process.hrtime.bigint()` reading), as a whole number. */
export function elapsedMs(started: bigint): number {
  return Math.round(Number(process.hrtime.bigint() - started) / 1e6);
}
