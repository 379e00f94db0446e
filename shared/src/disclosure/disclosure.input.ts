import { z } from 'zod';
import { PRINCIPAL_AGENCIES } from '../auth/principal';
import { freeTextSchema } from '../validation/free-text';
import { pncIdSchema } from '../validation/identifiers';
import {
  AGREEMENT_KINDS,
  CONSULTATION_KINDS,
  CONSULTATION_RESPONSES,
  DISCLOSURE_ITEM_KINDS,
  DISCLOSURE_OUTCOMES,
  holderOfDisclosureDecisionId,
  ITEM_SOURCE_AGENCIES,
  LAWFUL_BASES,
  RECIPIENT_KINDS,
  REPRESENTATION_EXCEPTIONS,
} from './disclosure.model';

/*
 * The disclosure workflow's inputs, validated before any SQL runs: every problem listed at once
 * (BAD_USER_INPUT with its issues), the same in the three holders. Identifiers have formats; free text
 * is `freeTextSchema`'s (no control characters, bounded).
 */

/** A decision id of any holder (`DSC-<HOLDER>-…`); which holder answers is the resolver's business. */
export const disclosureDecisionIdSchema = z
  .string()
  .refine((value) => holderOfDisclosureDecisionId(value) !== null, 'must be a disclosure decision id (DSC-<HOLDER>-…)');
const recordIdSchema = z.string().regex(/^[A-Za-z0-9-]{1,64}$/, 'must be an id of letters, digits and hyphens');
const sha256Schema = z.string().regex(/^[0-9a-f]{64}$/, 'must be a lowercase hex SHA-256');
/** `Type.field`, as the supergraph names a field. */
const fieldCoordinateSchema = z
  .string()
  .regex(/^[A-Z][A-Za-z0-9]{0,99}\.[a-z][A-Za-z0-9]{0,99}$/, 'must be a schema coordinate like PoliceRisk.intelligenceSummary');

/**
 * Zod skips an object's refinements once any field has failed; running them whenever the input is an
 * object lists every problem at once (as the referral input does). The refinements read each field
 * defensively, as it may be invalid.
 */
const whenever = { when: (payload: { value: unknown }) => typeof payload.value === 'object' && payload.value !== null };

/** What every proposal says, at any level. */
const proposalContent = {
  recipientKind: z.enum(RECIPIENT_KINDS),
  recipientDescription: freeTextSchema('recipient description', 500),
  recipientIsChild: z.boolean(),
  recipientIsAdultAtRisk: z.boolean(),
  purpose: freeTextSchema('purpose', 2_000),
  lawfulBasis: z.enum(LAWFUL_BASES),
  alternativesConsidered: freeTextSchema('account of the alternatives considered', 2_000),
  recipientGuidance: freeTextSchema('guidance for the recipient', 2_000),
};

/** Level 2/3: the proposal is the meeting's (the meeting declared in x-mappa-case). */
export const proposeMeetingDisclosureSchema = z.object({ meetingId: recordIdSchema, ...proposalContent });
/** Level 1: the lead agency's proposal about a subject it holds. */
export const proposeLevel1DisclosureSchema = z.object({ pncId: pncIdSchema, ...proposalContent });

export type ProposalContent = z.infer<z.ZodObject<typeof proposalContent>>;

export const addDisclosureItemSchema = z
  .object({
    decisionId: disclosureDecisionIdSchema,
    kind: z.enum(DISCLOSURE_ITEM_KINDS),
    sourceAgency: z.enum(ITEM_SOURCE_AGENCIES),
    fieldCoordinate: fieldCoordinateSchema.nullish(),
    recordReference: recordIdSchema.nullish(),
    wording: freeTextSchema('wording', 4_000),
    victimIdentifying: z.boolean(),
    photograph: z.boolean(),
  })
  .superRefine((input, context) => {
    if (!(DISCLOSURE_ITEM_KINDS as readonly unknown[]).includes(input.kind)) return;
    const field = input.kind === 'RECORD_FIELD';
    if (field && input.fieldCoordinate == null)
      context.addIssue({ code: 'custom', path: ['fieldCoordinate'], message: 'a RECORD_FIELD item names the field it quotes' });
    if (!field && input.fieldCoordinate != null)
      context.addIssue({ code: 'custom', path: ['fieldCoordinate'], message: 'only a RECORD_FIELD item names a field' });
    if (!field && input.recordReference != null)
      context.addIssue({ code: 'custom', path: ['recordReference'], message: 'only a RECORD_FIELD item names a record' });
  }, whenever);
export type AddDisclosureItemValues = z.infer<typeof addDisclosureItemSchema>;

export const removeDisclosureItemSchema = z.object({ decisionId: disclosureDecisionIdSchema, itemId: recordIdSchema });

export const answerDisclosureConsultationSchema = z.object({
  decisionId: disclosureDecisionIdSchema,
  kind: z.enum(CONSULTATION_KINDS),
  response: z.enum(CONSULTATION_RESPONSES),
  note: freeTextSchema('note', 2_000),
});
export type AnswerDisclosureConsultationValues = z.infer<typeof answerDisclosureConsultationSchema>;

export const recordDisclosureItemAgreementSchema = z
  .object({
    decisionId: disclosureDecisionIdSchema,
    itemId: recordIdSchema,
    kind: z.enum(AGREEMENT_KINDS),
    agreed: z.boolean(),
    note: freeTextSchema('note', 2_000).nullish(),
    // The wording answered, so an agreement is never to a wording its giver did not see.
    wordingSha256: sha256Schema,
  })
  .superRefine((input, context) => {
    if (input.agreed === false && input.note == null) context.addIssue({ code: 'custom', path: ['note'], message: 'a refusal says why' });
  }, whenever);
export type RecordDisclosureItemAgreementValues = z.infer<typeof recordDisclosureItemAgreementSchema>;

export const recordDisclosureRepresentationsSchema = z
  .object({
    decisionId: disclosureDecisionIdSchema,
    sought: z.boolean(),
    summary: freeTextSchema('summary of the representations', 4_000).nullish(),
    exception: z.enum(REPRESENTATION_EXCEPTIONS).nullish(),
  })
  .superRefine((input, context) => {
    if (typeof input.sought !== 'boolean') return;
    if (input.sought && input.summary == null)
      context.addIssue({ code: 'custom', path: ['summary'], message: 'representations sought: summarise what the offender said' });
    if (input.sought && input.exception != null)
      context.addIssue({ code: 'custom', path: ['exception'], message: 'representations sought: no exception applies' });
    if (!input.sought && input.exception == null)
      context.addIssue({ code: 'custom', path: ['exception'], message: 'representations not sought: name the exception (10.20)' });
    if (!input.sought && input.summary != null)
      context.addIssue({ code: 'custom', path: ['summary'], message: 'representations not sought: there is nothing to summarise' });
  }, whenever);
export type RecordDisclosureRepresentationsValues = z.infer<typeof recordDisclosureRepresentationsSchema>;

export const decideDisclosureSchema = z
  .object({
    decisionId: disclosureDecisionIdSchema,
    outcome: z.enum(DISCLOSURE_OUTCOMES),
    rationale: freeTextSchema('rationale', 4_000),
    disclosureRiskAssessment: freeTextSchema('risk assessment of the disclosure', 4_000),
    contingencyPlans: freeTextSchema('contingency plans', 4_000),
    dissent: z.array(z.object({ agency: z.enum(PRINCIPAL_AGENCIES), reason: freeTextSchema('reason for the dissent', 2_000) })).max(20),
    executingAgency: z.enum(PRINCIPAL_AGENCIES).nullish(),
  })
  .superRefine((input, context) => {
    if (!(DISCLOSURE_OUTCOMES as readonly unknown[]).includes(input.outcome)) return;
    const disclose = input.outcome === 'DISCLOSE';
    if (disclose !== (input.executingAgency != null))
      context.addIssue({
        code: 'custom',
        path: ['executingAgency'],
        message: disclose ? 'DISCLOSE names the agency that makes the disclosure (B.7)' : 'only DISCLOSE names an executing agency',
      });
  }, whenever);
export type DecideDisclosureValues = z.infer<typeof decideDisclosureSchema>;

export const recordDisclosureMadeSchema = z.object({
  decisionId: disclosureDecisionIdSchema,
  madeTo: freeTextSchema('person the disclosure was made to', 500),
  offenderTold: z.boolean(),
  signedFormReference: freeTextSchema('signed form reference', 200).nullish(),
});
export type RecordDisclosureMadeValues = z.infer<typeof recordDisclosureMadeSchema>;

export const withdrawDisclosureSchema = z.object({ decisionId: disclosureDecisionIdSchema, reason: freeTextSchema('reason', 2_000) });
