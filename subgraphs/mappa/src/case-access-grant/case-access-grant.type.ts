import { Field, ID, InputType, ObjectType, registerEnumType } from 'type-graphql';
import { Access, DateTimeISO, MappaArea } from '@mappa/shared';
import { mappaPolicies } from '../mappa.policies';

/** The purposes a case access grant can be for (shared `GRANTABLE_PURPOSES`). */
export enum CaseGrantPurpose {
  MAPPA_SCREENING = 'MAPPA_SCREENING',
  MAPPA_MEETING = 'MAPPA_MEETING',
  DISCLOSURE_DECISION = 'DISCLOSURE_DECISION',
}

registerEnumType(CaseGrantPurpose, {
  name: 'CaseGrantPurpose',
  description:
    "The MAPPA purpose a case access grant is for. A grant covers a request only when the request declares this purpose (and, for a meeting or disclosure decision, the grant's id in `x-mappa-case`). Case management is each agency's own business and is never granted by the MAPPA unit.",
  valuesConfig: {
    MAPPA_SCREENING: { description: 'Screening a referral (MAPPA A).' },
    MAPPA_MEETING: { description: 'One MAPP meeting, named by its id.' },
    DISCLOSURE_DECISION: { description: 'One disclosure decision, named by its id.' },
  },
});

@ObjectType({
  description:
    'A case access grant: the MAPPA co-ordinator lets one person, or everyone with a role in an agency, know one subject for one MAPPA purpose until a time. Never deleted; revoking records who, when and why. Owner: mappa (MAPPA Co-ordination Unit).',
})
export class CaseAccessGrant {
  @Access(mappaPolicies.caseGrant)
  @Field(() => ID, { description: "The grant's id (opaque)." })
  grantId!: string;

  @Access(mappaPolicies.caseGrant)
  @Field(() => String, { nullable: true, description: 'The one staff id the grant is for; null when it is for an agency and role.' })
  granteeStaffId!: string | null;

  @Access(mappaPolicies.caseGrant)
  @Field(() => String, {
    nullable: true,
    description:
      'The identity provider (token issuer) that issues `granteeStaffId`: the grant is for that staff id from that provider only. Null when the grant is for an agency and role. `urn:mappa:issuer-not-recorded` on grants made before issuers were recorded, which match no one.',
  })
  granteeIssuer!: string | null;

  @Access(mappaPolicies.caseGrant)
  @Field(() => String, {
    nullable: true,
    description: 'The agency whose holders of `granteeRole` the grant is for (`health`, `housing`…); null when it is for one staff id.',
  })
  granteeAgency!: string | null;

  @Access(mappaPolicies.caseGrant)
  @Field(() => String, {
    nullable: true,
    description:
      'The role (`dtc_attendee`, `probation_practitioner`…) the grant is for within `granteeAgency`; null when it is for one staff id.',
  })
  granteeRole!: string | null;

  @Access(mappaPolicies.caseGrant)
  @Field(() => [MappaArea], {
    nullable: true,
    description:
      'The MAPPA areas in which holders of `granteeRole` in `granteeAgency` hold the grant (a holder working in any other area does not); null when it is for one staff id.',
  })
  granteeAreas!: MappaArea[] | null;

  @Access(mappaPolicies.caseGrant)
  @Field(() => ID, { description: 'PNC ID of the subject the grantee may know.' })
  pncId!: string;

  @Access(mappaPolicies.caseGrant)
  @Field(() => CaseGrantPurpose, { description: 'The purpose the grant is for.' })
  purpose!: CaseGrantPurpose;

  @Access(mappaPolicies.caseGrant)
  @Field(() => String, {
    nullable: true,
    description: 'The meeting or disclosure decision id the grantee declares in `x-mappa-case`; null for screening.',
  })
  caseId!: string | null;

  @Access(mappaPolicies.caseGrant)
  @Field(() => DateTimeISO, { description: 'When the grant starts to apply.' })
  validFrom!: Date;

  @Access(mappaPolicies.caseGrant)
  @Field(() => DateTimeISO, { description: 'When the grant stops applying.' })
  validUntil!: Date;

  @Access(mappaPolicies.caseGrant)
  @Field(() => String, { description: 'Why the co-ordinator granted it.' })
  reason!: string;

  @Access(mappaPolicies.caseGrant)
  @Field(() => String, { description: 'Staff id of the co-ordinator who created the grant.' })
  createdByStaffId!: string;

  @Access(mappaPolicies.caseGrant)
  @Field(() => DateTimeISO, { description: 'When the grant was created.' })
  createdAt!: Date;

  @Access(mappaPolicies.caseGrant)
  @Field(() => DateTimeISO, { nullable: true, description: 'When the grant was revoked; null while it is not.' })
  revokedAt!: Date | null;

  @Access(mappaPolicies.caseGrant)
  @Field(() => String, { nullable: true, description: 'Staff id of the co-ordinator who revoked the grant; null while it is not revoked.' })
  revokedByStaffId!: string | null;

  @Access(mappaPolicies.caseGrant)
  @Field(() => String, { nullable: true, description: 'Why the grant was revoked; null while it is not revoked.' })
  revocationReason!: string | null;
}

@ObjectType({
  description:
    "One of the caller's own live case access grants for the declared purpose: what the gateway vouches for to every agency. Owner: mappa (MAPPA Co-ordination Unit).",
})
export class LiveCaseGrant {
  @Access(mappaPolicies.ownCaseGrants)
  @Field(() => ID, { description: "The grant's id (opaque)." })
  grantId!: string;

  @Access(mappaPolicies.ownCaseGrants)
  @Field(() => ID, { description: 'PNC ID of the subject the caller may know.' })
  pncId!: string;

  @Access(mappaPolicies.ownCaseGrants)
  @Field(() => CaseGrantPurpose, { description: 'The purpose the grant is for.' })
  purpose!: CaseGrantPurpose;

  @Access(mappaPolicies.ownCaseGrants)
  @Field(() => String, { nullable: true, description: 'The meeting or disclosure decision id it is for; null for screening.' })
  caseId!: string | null;

  @Access(mappaPolicies.ownCaseGrants)
  @Field(() => DateTimeISO, { description: 'When the grant stops applying.' })
  validUntil!: Date;
}

@InputType({
  description:
    'A new case access grant. Name the grantee either by `granteeStaffId` and `granteeIssuer` (preferred: the one person who needs it) or by `granteeAgency`, `granteeRole` and `granteeAreas` (every holder of the role in the agency, in those areas), not both.',
})
export class GrantCaseAccessInput {
  @Field(() => String, {
    nullable: true,
    description: 'One staff id, with `granteeIssuer`: the preferred form, since only that person holds the grant.',
  })
  granteeStaffId?: string | null;

  @Field(() => String, {
    nullable: true,
    description:
      'The identity provider (token issuer, e.g. `https://idp.health.example`) that issues `granteeStaffId`: required with it. The same staff id from any other provider does not hold the grant.',
  })
  granteeIssuer?: string | null;

  @Field(() => String, { nullable: true, description: 'An agency (`health`, `housing`, `children_social_care`…), with `granteeRole`.' })
  granteeAgency?: string | null;

  @Field(() => String, {
    nullable: true,
    description:
      "A role within `granteeAgency` (`dtc_attendee`…) that the agency holds. The MAPPA unit's own roles, lay advisers, analysts and information governance hold no grants.",
  })
  granteeRole?: string | null;

  @Field(() => [MappaArea], {
    nullable: true,
    description:
      "Required with `granteeAgency` and `granteeRole`, absent with a staff id: the MAPPA areas (at least one, each once) in which the role's holders hold the grant. Without it such a grant would reach every holder of the role in the agency nationally.",
  })
  granteeAreas?: MappaArea[] | null;

  @Field(() => ID, { description: "PNC ID of a subject with an active MAPPA case in the co-ordinator's area." })
  pncId!: string;

  @Field(() => CaseGrantPurpose, { description: 'The purpose the grant is for.' })
  purpose!: CaseGrantPurpose;

  @Field(() => String, {
    nullable: true,
    description: 'The meeting or decision id; required for MAPPA_MEETING and DISCLOSURE_DECISION, absent for MAPPA_SCREENING.',
  })
  caseId?: string | null;

  @Field(() => DateTimeISO, { nullable: true, description: 'When the grant starts to apply (not in the past); now when absent.' })
  validFrom?: Date | null;

  @Field(() => DateTimeISO, {
    description: 'When the grant stops applying: in the future, after `validFrom`, and at most 90 days from now.',
  })
  validUntil!: Date;

  @Field(() => String, { description: 'Why the grant is needed (1-500 characters), e.g. the invitation it serves.' })
  reason!: string;
}
