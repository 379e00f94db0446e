import { Directive, Field, ID, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';
import type { ClassType } from 'type-graphql';
import { Access } from '../authorization/access-directive';
import type { FieldPolicy } from '../authorization/field-policy';
import { MappaArea } from '../domain/mappa-area';
import { DateTimeISO } from '../domain/scalars';
import {
  AGREEMENT_KINDS,
  CONSULTATION_KINDS,
  CONSULTATION_RESPONSES,
  DISCLOSURE_HOLDERS,
  DISCLOSURE_ITEM_KINDS,
  DISCLOSURE_OUTCOMES,
  DISCLOSURE_STATUSES,
  ITEM_SOURCE_AGENCIES,
  LAWFUL_BASES,
  RECIPIENT_KINDS,
  REPRESENTATION_EXCEPTIONS,
} from './disclosure.model';
import type {
  AgreementKind,
  ConsultationKind,
  ConsultationResponse,
  DisclosureHolder,
  DisclosureItemKind,
  DisclosureOutcome,
  DisclosureStatus,
  ItemAgreementStatus,
  ItemSourceAgency,
  LawfulBasis,
  RecipientKind,
  RepresentationException,
} from './disclosure.model';

/*
 * The disclosure decision's GraphQL types, defined once for its three holders (the MAPPA unit, probation
 * and the police). Enums and inputs are plain values every holder's schema shares; the object types are
 * made per holder by `disclosureTypes` with that holder's policies, and are the same value types
 * (`@shareable`) in the three subgraphs: only the policies' names differ, their grants are the same
 * everywhere (`disclosureRecordPolicy`, `disclosureProposalPolicy`), as for the access audit's types.
 */

const enumOf = <Value extends string>(values: readonly Value[]): { [K in Value]: K } =>
  Object.fromEntries(values.map((value) => [value, value])) as { [K in Value]: K };

export const DisclosureHolderEnum = enumOf(DISCLOSURE_HOLDERS);
export const DisclosureStatusEnum = enumOf(DISCLOSURE_STATUSES);
export const DisclosureOutcomeEnum = enumOf(DISCLOSURE_OUTCOMES);
export const RecipientKindEnum = enumOf(RECIPIENT_KINDS);
export const LawfulBasisEnum = enumOf(LAWFUL_BASES);
export const RepresentationExceptionEnum = enumOf(REPRESENTATION_EXCEPTIONS);
export const ConsultationKindEnum = enumOf(CONSULTATION_KINDS);
export const ConsultationResponseEnum = enumOf(CONSULTATION_RESPONSES);
export const DisclosureItemKindEnum = enumOf(DISCLOSURE_ITEM_KINDS);
export const ItemSourceAgencyEnum = enumOf(ITEM_SOURCE_AGENCIES);
export const AgreementKindEnum = enumOf(AGREEMENT_KINDS);
export const ItemAgreementStatusEnum = enumOf(['AGREED', 'REFUSED', 'AWAITING'] as const satisfies readonly ItemAgreementStatus[]);

registerEnumType(DisclosureHolderEnum, {
  name: 'DisclosureHolder',
  description: 'Who holds a disclosure decision: the MAPPA unit (levels 2 and 3) or the level 1 lead agency.',
});
registerEnumType(DisclosureStatusEnum, {
  name: 'DisclosureStatus',
  description: 'PROPOSED → CONSULTING → DECIDED → MADE (DISCLOSE only); PROPOSED, CONSULTING or DECIDED (DISCLOSE) → WITHDRAWN.',
});
registerEnumType(DisclosureOutcomeEnum, { name: 'DisclosureOutcome', description: 'What the decision maker decided.' });
registerEnumType(RecipientKindEnum, { name: 'DisclosureRecipientKind', description: 'Who receives the disclosure (guidance ch. 10).' });
registerEnumType(LawfulBasisEnum, { name: 'DisclosureLawfulBasis', description: 'The lawful basis for the disclosure.' });
registerEnumType(RepresentationExceptionEnum, {
  name: 'DisclosureRepresentationException',
  description: "Why the offender's representations were not sought (10.20).",
});
registerEnumType(ConsultationKindEnum, {
  name: 'DisclosureConsultationKind',
  description: 'A consultation the guidance requires before a decision (B.10, B.11, B.12).',
});
registerEnumType(ConsultationResponseEnum, {
  name: 'DisclosureConsultationResponse',
  description: 'APPROVED / NOT_APPROVED for the ACC, INFORMED for the press office, AGREES / CONCERNS otherwise.',
});
registerEnumType(DisclosureItemKindEnum, {
  name: 'DisclosureItemKind',
  description: 'A field of a record in the federation, or free text.',
});
registerEnumType(ItemSourceAgencyEnum, {
  name: 'DisclosureSourceAgency',
  description: 'The data owner whose record an item is drawn from.',
});
registerEnumType(AgreementKindEnum, {
  name: 'DisclosureAgreementKind',
  description: "The owner's agreement (B.8), or the victim liaison officer's for a victim-identifying item (B.15).",
});
registerEnumType(ItemAgreementStatusEnum, {
  name: 'DisclosureItemAgreementStatus',
  description: "The latest answer for the item's wording, or none yet.",
});

// ---- Inputs: the same in every holder ----

// The fields both proposal inputs inherit; type-graphql emits only the types the resolvers reach, so not this one.
@InputType('DisclosureProposalContent')
abstract class DisclosureProposalContent {
  @Field(() => RecipientKindEnum, { description: 'Who receives it.' })
  recipientKind!: RecipientKind;

  @Field(() => String, { description: 'The recipient as they will be addressed: a role and organisation (1-500 characters).' })
  recipientDescription!: string;

  @Field(() => Boolean, { description: "The recipient is a child (children's services are consulted, B.11)." })
  recipientIsChild!: boolean;

  @Field(() => Boolean, { description: 'The recipient is an adult at risk (adult social care is consulted, B.11).' })
  recipientIsAdultAtRisk!: boolean;

  @Field(() => String, { description: 'What the disclosure is to achieve (1-2000 characters).' })
  purpose!: string;

  @Field(() => LawfulBasisEnum, { description: 'The lawful basis.' })
  lawfulBasis!: LawfulBasis;

  @Field(() => String, { description: 'The less intrusive alternatives considered, and why they are not enough (1-2000 characters).' })
  alternativesConsidered!: string;

  @Field(() => String, { description: 'What the recipient is to do with it: whom to contact, what to report (1-2000 characters).' })
  recipientGuidance!: string;
}

@InputType({ description: 'A level 2/3 disclosure proposed at the meeting declared in x-mappa-case.' })
export class ProposeDisclosureInput extends DisclosureProposalContent {
  @Field(() => ID, { description: 'The meeting (as declared in x-mappa-case).' })
  meetingId!: string;
}

@InputType({ description: 'A level 1 disclosure proposed by the lead agency about a subject it holds.' })
export class ProposeLevel1DisclosureInput extends DisclosureProposalContent {
  @Field(() => ID, { description: 'PNC ID of the subject.' })
  pncId!: string;
}

@InputType({ description: 'A content item: a field of a record (quoted as its owner will agree to it) or free text.' })
export class AddDisclosureItemInput {
  @Field(() => ID, { description: 'The decision (as declared in x-mappa-case).' })
  decisionId!: string;

  @Field(() => DisclosureItemKindEnum, {
    description: "RECORD_FIELD (a field of a record in the federation, quoted) or FREE_TEXT (the writer's own words).",
  })
  kind!: DisclosureItemKind;

  @Field(() => ItemSourceAgencyEnum, { description: "The owner of the record quoted; for free text, the writer's own agency." })
  sourceAgency!: ItemSourceAgency;

  @Field(() => String, {
    nullable: true,
    description: 'RECORD_FIELD only: the field quoted, as `Type.field`; a field of the supergraph owned by `sourceAgency`.',
  })
  fieldCoordinate?: string | null;

  @Field(() => String, { nullable: true, description: "RECORD_FIELD only: the record's id, when it has one." })
  recordReference?: string | null;

  @Field(() => String, { description: 'The words the recipient will read (1-4000 characters). A different wording is a new item.' })
  wording!: string;

  @Field(() => Boolean, { description: 'B.15: it identifies a victim (the victim liaison officer must agree too).' })
  victimIdentifying!: boolean;

  @Field(() => Boolean, { description: 'B.13: a photograph, shown and never handed over.' })
  photograph!: boolean;
}

@InputType({ description: 'An item to remove (before the decision).' })
export class RemoveDisclosureItemInput {
  @Field(() => ID, { description: 'The decision (as declared in x-mappa-case).' })
  decisionId!: string;

  @Field(() => ID, { description: 'The live item to remove.' })
  itemId!: string;
}

@InputType({ description: 'The answer to a consultation, by the consultee the guidance names.' })
export class AnswerDisclosureConsultationInput {
  @Field(() => ID, { description: 'The decision (as declared in x-mappa-case).' })
  decisionId!: string;

  @Field(() => ConsultationKindEnum, { description: 'The consultation answered; the caller must be its consultee (agency and role).' })
  kind!: ConsultationKind;

  @Field(() => ConsultationResponseEnum, {
    description: 'AGREES or CONCERNS; APPROVED or NOT_APPROVED for the ACC; INFORMED for the MoJ press office.',
  })
  response!: ConsultationResponse;

  @Field(() => String, { description: 'What the consultee said (1-2000 characters).' })
  note!: string;
}

@InputType({ description: "An owner's (or the victim liaison officer's) answer for one item, bound to the exact wording answered." })
export class RecordDisclosureItemAgreementInput {
  @Field(() => ID, { description: 'The decision (as declared in x-mappa-case).' })
  decisionId!: string;

  @Field(() => ID, { description: 'The live item answered for.' })
  itemId!: string;

  @Field(() => AgreementKindEnum, {
    description: 'OWNER (the agency whose record it is) or VICTIM_LIAISON (a victim-identifying item only).',
  })
  kind!: AgreementKind;

  @Field(() => Boolean, { description: 'Whether the item may be disclosed in exactly that wording.' })
  agreed!: boolean;

  @Field(() => String, { nullable: true, description: 'Why, required for a refusal (1-2000 characters).' })
  note?: string | null;

  @Field(() => String, { description: "The SHA-256 of the wording answered (the item's `wordingSha256`)." })
  wordingSha256!: string;
}

@InputType({ description: "The offender's representations (10.20): sought, with what they said, or not sought, with the exception." })
export class RecordDisclosureRepresentationsInput {
  @Field(() => ID, { description: 'The decision (as declared in x-mappa-case).' })
  decisionId!: string;

  @Field(() => Boolean, {
    description: 'Whether the offender was asked for representations (the norm, 10.20); if not, `exception` says why.',
  })
  sought!: boolean;

  @Field(() => String, { nullable: true, description: 'Sought: a summary of what the offender said.' })
  summary?: string | null;

  @Field(() => RepresentationExceptionEnum, { nullable: true, description: 'Not sought: the exception that applies.' })
  exception?: RepresentationException | null;
}

@InputType({ description: "One party's dissent, minuted with the decision." })
export class DisclosureDissentInput {
  @Field(() => String, { description: 'The dissenting agency (`police`, `health`…).' })
  agency!: string;

  @Field(() => String, { description: 'Why the agency disagrees, as minuted.' })
  reason!: string;
}

@InputType({ description: 'The decision, by its decision maker.' })
export class DecideDisclosureInput {
  @Field(() => ID, { description: 'The decision (as declared in x-mappa-case).' })
  decisionId!: string;

  @Field(() => DisclosureOutcomeEnum, { description: 'DISCLOSE or NOT_DISCLOSE.' })
  outcome!: DisclosureOutcome;

  @Field(() => String, { description: 'Why, including why the alternatives were rejected (10.8).' })
  rationale!: string;

  @Field(() => String, { description: 'The risk assessment of the disclosure itself.' })
  disclosureRiskAssessment!: string;

  @Field(() => String, { description: "Plans to support victims and the offender against the disclosure's negative effects." })
  contingencyPlans!: string;

  @Field(() => [DisclosureDissentInput], { description: 'Dissent recorded (may be empty).' })
  dissent!: DisclosureDissentInput[];

  @Field(() => String, { nullable: true, description: 'DISCLOSE only: the agency that makes the disclosure (B.7).' })
  executingAgency?: string | null;
}

@InputType({ description: 'That a DISCLOSE decision was carried out: to whom, and whether the offender was told.' })
export class RecordDisclosureMadeInput {
  @Field(() => ID, { description: 'The decision (as declared in x-mappa-case).' })
  decisionId!: string;

  @Field(() => String, { description: 'The person briefed.' })
  madeTo!: string;

  @Field(() => Boolean, { description: 'Whether the offender was told the disclosure was made.' })
  offenderTold!: boolean;

  @Field(() => String, {
    nullable: true,
    description: 'The reference of the signed local disclosure form kept, if any (good practice, L9123).',
  })
  signedFormReference?: string | null;
}

@InputType({ description: 'Withdraws a decision before it is made.' })
export class WithdrawDisclosureInput {
  @Field(() => ID, { description: 'The decision (as declared in x-mappa-case).' })
  decisionId!: string;

  @Field(() => String, { description: 'Why it is withdrawn.' })
  reason!: string;
}

// ---- Views the resolvers return ----

export interface DisclosureAgreementView {
  readonly kind: AgreementKind;
  readonly agency: string;
  readonly staffId: string;
  readonly role: string;
  readonly agreed: boolean;
  readonly note: string | null;
  readonly wordingSha256: string;
  readonly recordedAt: Date;
}

export interface DisclosureItemView {
  readonly itemId: string;
  readonly position: number;
  readonly kind: DisclosureItemKind;
  readonly sourceAgency: string;
  readonly fieldCoordinate: string | null;
  readonly recordReference: string | null;
  readonly wording: string;
  readonly wordingSha256: string;
  readonly victimIdentifying: boolean;
  readonly photograph: boolean;
  readonly addedByStaffId: string;
  readonly addedAt: Date;
  readonly removedAt: Date | null;
  readonly ownerAgreement: ItemAgreementStatus;
  readonly victimLiaisonAgreement: ItemAgreementStatus | null;
  readonly agreements: readonly DisclosureAgreementView[];
}

export interface DisclosureConsultationView {
  readonly kind: ConsultationKind;
  readonly consulteeAgency: string;
  readonly requestedAt: Date;
  readonly response: ConsultationResponse | null;
  readonly responseNote: string | null;
  readonly respondedAt: Date | null;
  readonly respondedByStaffId: string | null;
  readonly respondedByRole: string | null;
  readonly satisfied: boolean;
}

export interface DisclosureTransitionView {
  readonly fromStatus: DisclosureStatus | null;
  readonly toStatus: DisclosureStatus;
  readonly staffId: string;
  readonly agency: string;
  readonly at: Date;
}

export interface DisclosurePreviewView {
  readonly decisionId: string;
  readonly status: DisclosureStatus;
  readonly html: string;
  readonly contentSha256: string;
  readonly frozen: boolean;
  readonly items: readonly {
    position: number;
    kind: DisclosureItemKind;
    sourceAgency: string;
    fieldCoordinate: string | null;
    wording: string;
    photograph: boolean;
    victimIdentifying: boolean;
    agreement: ItemAgreementStatus;
  }[];
}

export interface DisclosureProposalView {
  readonly decisionId: string;
  readonly status: DisclosureStatus;
  readonly subjectUnder18: boolean;
  readonly requiredConsultations: readonly ConsultationKind[];
}

/** The policies a holder gives its disclosure types: the record's, and the proposal answer's. */
export interface DisclosureTypePolicies {
  readonly record: FieldPolicy;
  readonly proposal: FieldPolicy;
}

export interface DisclosureTypes {
  readonly DisclosureDecision: ClassType;
  readonly DisclosurePreview: ClassType;
  readonly DisclosureProposal: ClassType;
}

/**
 * The object types of a disclosure decision, decorated with one holder's policies. Made once per holder
 * at module load, never per schema build (type-graphql keeps one metadata entry per class).
 */
export function disclosureTypes(policies: DisclosureTypePolicies): DisclosureTypes {
  const record = policies.record;

  @Directive('@shareable')
  @ObjectType('DisclosureDissent', { description: "One party's dissent from a decision." })
  class DisclosureDissent {
    @Access(record)
    @Field(() => String, { description: 'The agency that disagreed.' })
    agency!: string;

    @Access(record)
    @Field(() => String, { description: 'Why, as minuted.' })
    reason!: string;
  }

  @Directive('@shareable')
  @ObjectType('DisclosureItemAgreement', {
    description: 'An answer for an item, bound to the wording answered (its SHA-256). Never changed; a later answer supersedes.',
  })
  class DisclosureItemAgreement implements DisclosureAgreementView {
    @Access(record)
    @Field(() => AgreementKindEnum, { description: 'OWNER or VICTIM_LIAISON.' })
    kind!: AgreementKind;

    @Access(record)
    @Field(() => String, { description: 'The agency of the person who answered.' })
    agency!: string;

    @Access(record)
    @Field(() => String, { description: 'Who answered (staff id).' })
    staffId!: string;

    @Access(record)
    @Field(() => String, { description: 'The role they answered in.' })
    role!: string;

    @Access(record)
    @Field(() => Boolean, { description: 'Whether they agreed to the wording.' })
    agreed!: boolean;

    @Access(record)
    @Field(() => String, { nullable: true, description: 'Their note (required for a refusal).' })
    note!: string | null;

    @Access(record)
    @Field(() => String, { description: 'SHA-256 of the wording answered: an answer holds only for that exact wording.' })
    wordingSha256!: string;

    @Access(record)
    @Field(() => DateTimeISO, { description: 'When it was recorded.' })
    recordedAt!: Date;
  }

  @Directive('@shareable')
  @ObjectType('DisclosureItem', {
    description: "A proposed content item, with its owner's (and for a victim-identifying item the victim liaison officer's) agreement.",
  })
  class DisclosureItem implements DisclosureItemView {
    @Access(record)
    @Field(() => ID, { description: 'The item.' })
    itemId!: string;

    @Access(record)
    @Field(() => Int, { description: 'Its place in the disclosure.' })
    position!: number;

    @Access(record)
    @Field(() => DisclosureItemKindEnum, { description: 'RECORD_FIELD or FREE_TEXT.' })
    kind!: DisclosureItemKind;

    @Access(record)
    @Field(() => String, { description: 'The agency whose record it is drawn from.' })
    sourceAgency!: string;

    @Access(record)
    @Field(() => String, { nullable: true, description: 'RECORD_FIELD: the field quoted, as `Type.field`.' })
    fieldCoordinate!: string | null;

    @Access(record)
    @Field(() => String, { nullable: true, description: 'RECORD_FIELD: the id of the record quoted, when it has one.' })
    recordReference!: string | null;

    @Access(record)
    @Field(() => String, { description: 'Exactly what the recipient will read.' })
    wording!: string;

    @Access(record)
    @Field(() => String, { description: 'SHA-256 (hex) of the wording: what an agreement is bound to.' })
    wordingSha256!: string;

    @Access(record)
    @Field(() => Boolean, { description: "Identifies a victim (B.15): needs the victim liaison officer's agreement too." })
    victimIdentifying!: boolean;

    @Access(record)
    @Field(() => Boolean, { description: 'A photograph: shown, never handed over (B.13).' })
    photograph!: boolean;

    @Access(record)
    @Field(() => String, { description: 'Who added it (staff id).' })
    addedByStaffId!: string;

    @Access(record)
    @Field(() => DateTimeISO, { description: 'When it was added.' })
    addedAt!: Date;

    @Access(record)
    @Field(() => DateTimeISO, { nullable: true, description: 'When it was removed; a removed item is never disclosed.' })
    removedAt!: Date | null;

    @Access(record)
    @Field(() => ItemAgreementStatusEnum, { description: "The owner's latest answer for this wording (B.8, C.29)." })
    ownerAgreement!: ItemAgreementStatus;

    @Access(record)
    @Field(() => ItemAgreementStatusEnum, {
      nullable: true,
      description: "B.15: the victim liaison officer's latest answer; null when the item does not identify a victim.",
    })
    victimLiaisonAgreement!: ItemAgreementStatus | null;

    @Access(record)
    @Field(() => [DisclosureItemAgreement], { description: 'Every answer recorded for it, oldest first.' })
    agreements!: DisclosureItemAgreement[];
  }

  @Directive('@shareable')
  @ObjectType('DisclosureConsultation', { description: 'A consultation the guidance requires, and its answer.' })
  class DisclosureConsultation implements DisclosureConsultationView {
    @Access(record)
    @Field(() => ConsultationKindEnum, { description: 'The consultation the guidance requires.' })
    kind!: ConsultationKind;

    @Access(record)
    @Field(() => String, { description: 'The agency that answers it.' })
    consulteeAgency!: string;

    @Access(record)
    @Field(() => DateTimeISO, { description: 'When it was requested.' })
    requestedAt!: Date;

    @Access(record)
    @Field(() => ConsultationResponseEnum, { nullable: true, description: 'The answer, once given.' })
    response!: ConsultationResponse | null;

    @Access(record)
    @Field(() => String, { nullable: true, description: "The consultee's note (for the ACC, who approved and the approval reference)." })
    responseNote!: string | null;

    @Access(record)
    @Field(() => DateTimeISO, { nullable: true, description: 'When it was answered.' })
    respondedAt!: Date | null;

    @Access(record)
    @Field(() => String, { nullable: true, description: 'Who answered (staff id).' })
    respondedByStaffId!: string | null;

    @Access(record)
    @Field(() => String, { nullable: true, description: 'The role they answered in.' })
    respondedByRole!: string | null;

    @Access(record)
    @Field(() => Boolean, {
      description: 'Whether the answer satisfies the guidance (an ACC must approve; the press office must be informed).',
    })
    satisfied!: boolean;
  }

  @Directive('@shareable')
  @ObjectType('DisclosureTransition', { description: 'One change of status, with who made it.' })
  class DisclosureTransition implements DisclosureTransitionView {
    @Access(record)
    @Field(() => DisclosureStatusEnum, { nullable: true, description: 'The status before (null for the proposal).' })
    fromStatus!: DisclosureStatus | null;

    @Access(record)
    @Field(() => DisclosureStatusEnum, { description: 'The status after.' })
    toStatus!: DisclosureStatus;

    @Access(record)
    @Field(() => String, { description: 'Who made the transition (staff id).' })
    staffId!: string;

    @Access(record)
    @Field(() => String, { description: 'Their agency.' })
    agency!: string;

    @Access(record)
    @Field(() => DateTimeISO, { description: 'When.' })
    at!: Date;
  }

  @Directive('@shareable')
  @ObjectType('DisclosureDecision', {
    description:
      'A decision whether to disclose information about a MAPPA offender to a third party (guidance ch. 10), and what was disclosed.',
  })
  class DisclosureDecision {
    @Access(record)
    @Field(() => ID, { description: 'The decision (`DSC-<HOLDER>-…`).' })
    decisionId!: string;

    @Access(record)
    @Field(() => DisclosureHolderEnum, { description: 'Who holds it: the MAPPA unit (levels 2 and 3) or the level 1 lead agency.' })
    holder!: DisclosureHolder;

    @Access(record)
    @Field(() => String, { description: 'PNC ID of the person the disclosure is about.' })
    pncId!: string;

    @Access(record)
    @Field(() => MappaArea, { description: 'The MAPPA area of the decision; its parties are of this area.' })
    area!: MappaArea;

    @Access(record)
    @Field(() => Int, { description: 'The MAPPA level when proposed (1 at the lead agency, 2 or 3 at the MAPPA unit).' })
    level!: number;

    @Access(record)
    @Field(() => String, { nullable: true, description: 'The MAPPA case (levels 2 and 3).' })
    caseId!: string | null;

    @Access(record)
    @Field(() => String, { nullable: true, description: 'The meeting the decision belongs to (levels 2 and 3).' })
    meetingId!: string | null;

    @Access(record)
    @Field(() => Boolean, { description: 'B.10: under 18 (or of unknown age) when proposed.' })
    subjectUnder18!: boolean;

    @Access(record)
    @Field(() => DisclosureStatusEnum, { description: 'Where the decision is in PROPOSED → CONSULTING → DECIDED → MADE, or WITHDRAWN.' })
    status!: DisclosureStatus;

    @Access(record)
    @Field(() => DisclosureOutcomeEnum, { nullable: true, description: 'DISCLOSE or NOT_DISCLOSE, once decided.' })
    outcome!: DisclosureOutcome | null;

    @Access(record)
    @Field(() => RecipientKindEnum, { description: 'Who receives it.' })
    recipientKind!: RecipientKind;

    @Access(record)
    @Field(() => String, { description: 'The recipient as they will be addressed.' })
    recipientDescription!: string;

    @Access(record)
    @Field(() => Boolean, { description: "The recipient is a child (children's services consulted, B.11)." })
    recipientIsChild!: boolean;

    @Access(record)
    @Field(() => Boolean, { description: 'The recipient is an adult at risk (adult social care consulted, B.11).' })
    recipientIsAdultAtRisk!: boolean;

    @Access(record)
    @Field(() => String, { description: 'What the disclosure is to achieve.' })
    purpose!: string;

    @Access(record)
    @Field(() => LawfulBasisEnum, { description: 'The lawful basis.' })
    lawfulBasis!: LawfulBasis;

    @Access(record)
    @Field(() => String, { description: 'The alternatives considered, and why rejected.' })
    alternativesConsidered!: string;

    @Access(record)
    @Field(() => String, { description: 'What the recipient is told to do with it: whom to contact, what to report.' })
    recipientGuidance!: string;

    @Access(record)
    @Field(() => String, { description: 'Who proposed it (staff id).' })
    proposedByStaffId!: string;

    @Access(record)
    @Field(() => String, { description: 'Their agency.' })
    proposedByAgency!: string;

    @Access(record)
    @Field(() => DateTimeISO, { description: 'When it was proposed.' })
    proposedAt!: Date;

    @Access(record)
    @Field(() => DateTimeISO, { nullable: true, description: 'When consultation started.' })
    consultingFrom!: Date | null;

    @Access(record)
    @Field(() => Boolean, { nullable: true, description: 'Whether the offender was asked for representations.' })
    representationsSought!: boolean | null;

    @Access(record)
    @Field(() => String, { nullable: true, description: 'What the offender said, when asked.' })
    representationsSummary!: string | null;

    @Access(record)
    @Field(() => RepresentationExceptionEnum, { nullable: true, description: 'Why the offender was not asked (10.20).' })
    representationsException!: RepresentationException | null;

    @Access(record)
    @Field(() => String, { nullable: true, description: 'Who decided (staff id).' })
    decidedByStaffId!: string | null;

    @Access(record)
    @Field(() => DateTimeISO, { nullable: true, description: 'When it was decided.' })
    decidedAt!: Date | null;

    @Access(record)
    @Field(() => String, { nullable: true, description: 'Why, including why the alternatives were rejected.' })
    rationale!: string | null;

    @Access(record)
    @Field(() => String, { nullable: true, description: 'The risk assessment of the disclosure itself.' })
    disclosureRiskAssessment!: string | null;

    @Access(record)
    @Field(() => String, { nullable: true, description: 'Contingency plans for victims and the offender.' })
    contingencyPlans!: string | null;

    @Access(record)
    @Field(() => [DisclosureDissent], { nullable: true, description: 'Agencies that disagreed, with their reasons.' })
    dissent!: DisclosureDissent[] | null;

    @Access(record)
    @Field(() => String, { nullable: true, description: 'The agency that carries a DISCLOSE decision out (B.7).' })
    executingAgency!: string | null;

    @Access(record)
    @Field(() => String, { nullable: true, description: 'Who disclosed (staff id).' })
    madeByStaffId!: string | null;

    @Access(record)
    @Field(() => DateTimeISO, { nullable: true, description: 'When it was disclosed.' })
    madeAt!: Date | null;

    @Access(record)
    @Field(() => String, { nullable: true, description: 'To whom exactly.' })
    madeTo!: string | null;

    @Access(record)
    @Field(() => Boolean, { nullable: true, description: 'Whether the offender was told.' })
    offenderTold!: boolean | null;

    @Access(record)
    @Field(() => String, { nullable: true, description: 'The signed disclosure form kept, if any.' })
    signedFormReference!: string | null;

    @Access(record)
    @Field(() => String, {
      nullable: true,
      description: "MADE: SHA-256 (hex) of exactly what was disclosed (the preview's `html`, frozen).",
    })
    contentSha256!: string | null;

    @Access(record)
    @Field(() => DateTimeISO, { nullable: true, description: 'When it was withdrawn.' })
    withdrawnAt!: Date | null;

    @Access(record)
    @Field(() => String, { nullable: true, description: 'Why it was withdrawn.' })
    withdrawalReason!: string | null;

    @Access(record)
    @Field(() => [ConsultationKindEnum], { description: 'The consultations the guidance requires for this decision.' })
    requiredConsultations!: ConsultationKind[];

    @Access(record)
    @Field(() => [DisclosureItem], { description: 'Every item, removed ones included, in order.' })
    items!: DisclosureItem[];

    @Access(record)
    @Field(() => [DisclosureConsultation], { description: 'The consultations requested, and their answers.' })
    consultations!: DisclosureConsultation[];

    @Access(record)
    @Field(() => [DisclosureTransition], { description: 'Every status change, oldest first.' })
    transitions!: DisclosureTransition[];
  }

  @Directive('@shareable')
  @ObjectType('DisclosurePreviewItem', {
    description: 'An item as the recipient would read it, with its source agency and agreement status.',
  })
  class DisclosurePreviewItem {
    @Access(record)
    @Field(() => Int, { description: 'Its place in the disclosure.' })
    position!: number;

    @Access(record)
    @Field(() => DisclosureItemKindEnum, { description: 'RECORD_FIELD or FREE_TEXT.' })
    kind!: DisclosureItemKind;

    @Access(record)
    @Field(() => String, { description: 'The agency whose record it comes from.' })
    sourceAgency!: string;

    @Access(record)
    @Field(() => String, { nullable: true, description: 'RECORD_FIELD: the field quoted.' })
    fieldCoordinate!: string | null;

    @Access(record)
    @Field(() => String, { description: 'Exactly what the recipient will read.' })
    wording!: string;

    @Access(record)
    @Field(() => Boolean, { description: 'A photograph: shown, never handed over.' })
    photograph!: boolean;

    @Access(record)
    @Field(() => Boolean, { description: 'Identifies a victim.' })
    victimIdentifying!: boolean;

    @Access(record)
    @Field(() => ItemAgreementStatusEnum, {
      description: "AGREED, REFUSED or AWAITING: the owner's (and for a victim-identifying item the VLO's) answer to this wording.",
    })
    agreement!: ItemAgreementStatus;
  }

  @Directive('@shareable')
  @ObjectType('DisclosurePreview', {
    description: 'Exactly what the recipient would receive (before MADE), or did receive (the frozen content), with its SHA-256.',
  })
  class DisclosurePreview implements DisclosurePreviewView {
    @Access(record)
    @Field(() => ID, { description: 'The decision.' })
    decisionId!: string;

    @Access(record)
    @Field(() => DisclosureStatusEnum, { description: 'Its status when previewed.' })
    status!: DisclosureStatus;

    @Access(record)
    @Field(() => String, { description: 'The document, a complete HTML5 page, byte for byte.' })
    html!: string;

    @Access(record)
    @Field(() => String, { description: "SHA-256 (hex) of `html`'s UTF-8 bytes." })
    contentSha256!: string;

    @Access(record)
    @Field(() => Boolean, { description: 'True once MADE: `html` is the frozen content and never changes.' })
    frozen!: boolean;

    @Access(record)
    @Field(() => [DisclosurePreviewItem], { description: 'The live items rendered, in order.' })
    items!: DisclosurePreviewItem[];
  }

  const proposal = policies.proposal;

  @Directive('@shareable')
  @ObjectType('DisclosureProposal', {
    description: 'A decision just proposed: its id, to declare in x-mappa-case under DISCLOSURE_DECISION for every later step.',
  })
  class DisclosureProposal implements DisclosureProposalView {
    @Access(proposal)
    @Field(() => ID, { description: 'The new decision: declare it in x-mappa-case under DISCLOSURE_DECISION for every later step.' })
    decisionId!: string;

    @Access(proposal)
    @Field(() => DisclosureStatusEnum, { description: 'PROPOSED.' })
    status!: DisclosureStatus;

    @Access(proposal)
    @Field(() => Boolean, {
      description: "Whether the subject counts as under 18 (an unknown age does): YOT and children's services must be consulted (B.10).",
    })
    subjectUnder18!: boolean;

    @Access(proposal)
    @Field(() => [ConsultationKindEnum], { description: 'The consultations the guidance requires for this decision.' })
    requiredConsultations!: ConsultationKind[];
  }

  return { DisclosureDecision, DisclosurePreview, DisclosureProposal };
}
