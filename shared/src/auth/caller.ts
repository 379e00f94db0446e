import { z } from 'zod';
import { pncIdSchema } from '../validation/identifiers';
import { caseRelationshipsSchema } from './case-relationships';
import { principalSchema } from './principal';
import { declaredPurposeSchema, PURPOSES } from './purpose';
import { purposeEvidenceSchema } from './purpose-evidence';

/**
 * A live case access grant of the caller's, as the MAPPA unit holds it (`mappa.case_access_grant`):
 * the caller may know this subject for this purpose (and, when set, only for this meeting or decision)
 * until `validUntil`. The gateway looks up the grants that match the request before any subgraph is
 * asked and vouches for them in its assertion; subgraphs widen their row scope by them and nothing else.
 */
export const caseGrantSchema = z.object({
  grantId: z.string().min(1).max(64),
  pncId: pncIdSchema,
  purpose: z.enum(PURPOSES),
  caseId: z.string().min(1).max(64).nullable(),
  validUntil: z.iso.datetime({ offset: true }),
});

export type CaseGrant = z.infer<typeof caseGrantSchema>;

/**
 * The most grants one request's assertion carries. The assertion travels in an HTTP header, and a
 * server's headers are bounded (Node's default: 16 KiB in all); 50 grants sign to about 11 KiB. A
 * caller holding more live grants for one purpose and case than this gets none (fail closed).
 */
export const MAX_CASE_GRANTS_PER_REQUEST = 50;

/** Who is asking and why: what the gateway vouches for to each subgraph. */
export const callerSchema = z.object({
  principal: principalSchema,
  declaredPurpose: declaredPurposeSchema,
  // Optional so that a caller with no grants (most of them) carries nothing; read it with caseGrantsOf.
  caseGrants: z.array(caseGrantSchema).max(MAX_CASE_GRANTS_PER_REQUEST).optional(),
  // The record that makes the declared purpose true (purpose-evidence.ts); absent when none does.
  purposeEvidence: purposeEvidenceSchema.optional(),
  // Probation's answer to how the caller stands to people (case-relationships.ts): only in the
  // assertions to the agencies whose record conditions use it, and only when the operation needs it.
  caseRelationships: caseRelationshipsSchema.optional(),
});

export type Caller = z.infer<typeof callerSchema>;

/**
 * The caller's live case grants that cover this request's declared purpose (and case, when one is
 * declared). Whose grants they are was settled where they were looked up: the MAPPA unit matches a
 * grant to a staff id on the staff id and its issuer together (`liveGrantsOf`), and the gateway signs
 * them into the same assertion as the principal they were looked up for, so they never travel apart.
 */
export function caseGrantsOf(caller: Caller, now: Date = new Date()): readonly CaseGrant[] {
  const { purpose, caseId } = caller.declaredPurpose;
  // Expiry is checked here too: a grant can run out during the assertion's minute.
  return (caller.caseGrants ?? []).filter(
    (grant) =>
      grant.purpose === purpose && (grant.caseId === null || grant.caseId === caseId) && Date.parse(grant.validUntil) > now.getTime(),
  );
}
