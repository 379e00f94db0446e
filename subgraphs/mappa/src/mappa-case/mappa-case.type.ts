import { Field, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import { Access, Agency, LocalDate, MappaArea } from '@mappa/shared';
import { mappaPolicies } from '../mappa.policies';

/** Agencies that can lead a MAPPA case: the ones with statutory authority to manage the offender. */
export type MappaLeadAgency = Agency.POLICE | Agency.PROBATION | Agency.YOT;

export enum MappaCaseStatus {
  ACTIVE = 'ACTIVE',
  CLOSED = 'CLOSED',
}

export enum MappaCaseEndReason {
  NOTIFICATION_EXPIRED = 'NOTIFICATION_EXPIRED',
  NOTIFICATION_REVOKED = 'NOTIFICATION_REVOKED',
  LICENCE_EXPIRED = 'LICENCE_EXPIRED',
  SENTENCE_EXPIRED = 'SENTENCE_EXPIRED',
  HOSPITAL_ORDER_ENDED = 'HOSPITAL_ORDER_ENDED',
  NO_LONGER_REQUIRED = 'NO_LONGER_REQUIRED',
  TRANSFERRED_OUT_OF_JURISDICTION = 'TRANSFERRED_OUT_OF_JURISDICTION',
  DIED = 'DIED',
  DEPORTED = 'DEPORTED',
}

export enum MappaCaseChangeField {
  CATEGORY = 'CATEGORY',
  LEVEL = 'LEVEL',
  LEAD_AGENCY = 'LEAD_AGENCY',
  STATUS = 'STATUS',
  AREA = 'AREA',
}

export enum MappaDecisionKind {
  SCREENING_DECISION = 'SCREENING_DECISION',
  MAPP_MEETING = 'MAPP_MEETING',
  LEAD_AGENCY_REVIEW = 'LEAD_AGENCY_REVIEW',
}

registerEnumType(MappaCaseStatus, {
  name: 'MappaCaseStatus',
  description: 'Whether a MAPPA case is open. ACTIVE: the person is a MAPPA offender now. CLOSED: the case has ended (see `endReason`).',
});

registerEnumType(MappaCaseEndReason, {
  name: 'MappaCaseEndReason',
  description: 'Why a MAPPA case was closed: the person stopped meeting the criteria of their category, or left MAPPA management.',
  valuesConfig: {
    NOTIFICATION_EXPIRED: { description: 'Category 1: the sex-offender notification period ended.' },
    NOTIFICATION_REVOKED: { description: 'Category 1: indefinite notification removed on review, and no other category applies.' },
    LICENCE_EXPIRED: { description: 'Category 2: the licence expired (post-sentence supervision does not extend MAPPA).' },
    SENTENCE_EXPIRED: { description: 'Category 2: the whole consecutive or concurrent sentence expired.' },
    HOSPITAL_ORDER_ENDED: {
      description: 'Absolute discharge from a hospital or guardianship order, or the community treatment order expired.',
    },
    NO_LONGER_REQUIRED: {
      description: 'Category 3: a level 2 or 3 MAPP meeting decided active multi-agency management is no longer needed.',
    },
    TRANSFERRED_OUT_OF_JURISDICTION: { description: 'The person moved outside England and Wales (e.g. to Scotland or Northern Ireland).' },
    DIED: { description: 'The person died.' },
    DEPORTED: { description: 'The person was deported or removed from the UK.' },
  },
});

registerEnumType(MappaCaseChangeField, {
  name: 'MappaCaseChangeField',
  description: 'Which attribute of a MAPPA case a change altered.',
  valuesConfig: {
    CATEGORY: { description: 'The MAPPA category (values `1` to `4`).' },
    LEVEL: { description: 'The MAPPA management level (values `1` to `3`).' },
    LEAD_AGENCY: { description: 'The lead agency (values `POLICE`, `PROBATION`, `YOT`).' },
    STATUS: { description: 'The case status (values `ACTIVE`, `CLOSED`); the opening of a case is a change from null to `ACTIVE`.' },
    AREA: { description: 'The MAPPA area managing the case (a `MappaArea` value); changes when a case transfers between areas.' },
  },
});

registerEnumType(MappaDecisionKind, {
  name: 'MappaDecisionKind',
  description: 'The kind of decision that changed a MAPPA case.',
  valuesConfig: {
    SCREENING_DECISION: {
      description: "The MAPPA Co-ordinator's screening decision on a referral (MAPPA A), on behalf of the Responsible Authority.",
    },
    MAPP_MEETING: { description: 'A decision of a level 2 or 3 MAPP meeting.' },
    LEAD_AGENCY_REVIEW: {
      description:
        "The lead agency's own identification or review of the case (e.g. recording a new case at level 1, a transfer, or a sentence ending).",
    },
  },
});

@ObjectType({ description: 'The decision that made a change to a MAPPA case. Owner: mappa (MAPPA Co-ordination Unit).' })
export class MappaDecision {
  @Access(mappaPolicies.caseHistoryContent)
  @Field(() => MappaDecisionKind, { description: 'What kind of decision it was.' })
  kind!: MappaDecisionKind;

  @Access(mappaPolicies.caseAudit)
  @Field(() => String, {
    nullable: true,
    description:
      "Reference of the decision record: `SCR-` (screening decision), `MTG-` (MAPP meeting) or `LAR-` (lead agency review), the case number and the change's position, e.g. `MTG-0000123-2`. Null when the caller may not see decision references.",
  })
  reference!: string | null;
}

@ObjectType({ description: 'One change to a MAPPA case, including its opening. Owner: mappa (MAPPA Co-ordination Unit).' })
export class MappaCaseChange {
  @Access(mappaPolicies.caseHistoryContent)
  @Field(() => MappaCaseChangeField, { description: 'Which attribute changed.' })
  field!: MappaCaseChangeField;

  @Access(mappaPolicies.caseHistoryContent)
  @Field(() => String, {
    nullable: true,
    description: 'The value before the change, as text (`2`, `PROBATION`, `ACTIVE`, `LONDON`…); null when the change opened the case.',
  })
  valueBefore!: string | null;

  @Access(mappaPolicies.caseHistoryContent)
  @Field(() => String, { description: 'The value after the change, as text (`3`, `POLICE`, `CLOSED`, `KENT`…).' })
  valueAfter!: string;

  @Access(mappaPolicies.caseHistoryContent)
  @Field(() => LocalDate, { description: 'Date the change took effect.' })
  changedDate!: string;

  @Access(mappaPolicies.caseAudit)
  @Field(() => String, {
    nullable: true,
    description:
      'Staff ID of who recorded the change: `MCU` (MAPPA Co-ordination Unit), `PPU` (police public protection unit), `NPS` (probation) or `YOT` (youth offending team) followed by five digits, e.g. `MCU40213`. Null when the caller may not see who recorded it.',
  })
  changedByStaffId!: string | null;

  @Access(mappaPolicies.caseHistoryContent)
  @Field(() => MappaDecision, { description: 'The decision that made the change.' })
  decision!: MappaDecision;
}

@ObjectType({
  description:
    'A MAPPA case: the period during which a person is managed under MAPPA, with its category, level, lead agency and area. Owner: mappa (MAPPA Co-ordination Unit, for the Responsible Authority).',
})
export class MappaCase {
  @Access(mappaPolicies.mappaCase)
  @Field(() => ID, {
    nullable: true,
    description:
      'MAPPA case number, `MC-NNNNNNN`, e.g. `MC-0000123`. Nullable so that a reader granted only part of the case (the duty-to-co-operate minimal summary) gets that part.',
  })
  caseId!: string;

  @Access(mappaPolicies.mappaCase)
  @Field(() => Int, {
    nullable: true,
    description:
      'MAPPA category: 1 registered sexual offender, 2 violent or other sexual offender, 3 other dangerous offender (levels 2 and 3 only), 4 terrorist or terrorist-risk offender. Nullable so that a reader granted only part of the case (the duty-to-co-operate minimal summary) gets that part.',
  })
  category!: number;

  @Access(mappaPolicies.levelAndLeadAgencyFields)
  @Field(() => Int, {
    description: 'MAPPA level: 1 ordinary agency management, 2 active multi-agency management, 3 active enhanced multi-agency management.',
  })
  level!: number;

  @Access(mappaPolicies.levelAndLeadAgencyFields)
  @Field(() => Agency, { description: 'The agency with statutory authority to manage the offender: POLICE, PROBATION or YOT.' })
  leadAgency!: MappaLeadAgency;

  @Access(mappaPolicies.mappaCase)
  @Field(() => MappaArea, {
    nullable: true,
    description:
      'The MAPPA area whose Responsible Authority manages the case. Nullable so that a reader granted only part of the case (the duty-to-co-operate minimal summary) gets that part.',
  })
  area!: MappaArea;

  @Access(mappaPolicies.caseStatus)
  @Field(() => LocalDate, {
    nullable: true,
    description:
      'Date the person became a MAPPA offender for this case. Nullable so that a reader granted only part of the case (the duty-to-co-operate minimal summary) gets that part.',
  })
  startDate!: string;

  @Access(mappaPolicies.mappaCase)
  @Field(() => LocalDate, {
    nullable: true,
    description:
      "Date the next review is due (level 3 at least every 8 weeks, level 2 every 16 weeks, level 1 under the lead agency's policy); null once the case is closed.",
  })
  nextReviewDate!: string | null;

  @Access(mappaPolicies.caseStatus)
  @Field(() => MappaCaseStatus, {
    nullable: true,
    description:
      'ACTIVE or CLOSED. Nullable so that a reader granted only part of the case (the duty-to-co-operate minimal summary) gets that part.',
  })
  status!: MappaCaseStatus;

  @Access(mappaPolicies.mappaCase)
  @Field(() => LocalDate, { nullable: true, description: 'Date the case closed; null while it is active.' })
  endDate!: string | null;

  @Access(mappaPolicies.mappaCase)
  @Field(() => MappaCaseEndReason, { nullable: true, description: 'Why the case closed; null while it is active.' })
  endReason!: MappaCaseEndReason | null;
}
