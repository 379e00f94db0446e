import { Field, ID, InputType } from 'type-graphql';
import { z } from 'zod';
import { isoDateSchema, LocalDate, PRINCIPAL_AGENCIES, principalClaimsSchema } from '@mappa/shared';
import { SMB_CHAIR_AGENCIES, SMB_ROLES, SMB_UNIT_ROLES } from './smb.roles';
import { SmbRole } from './smb.type';

/** A board member's id as the register gives it. */
export const smbMemberIdSchema = z.string().regex(/^[A-Za-z0-9-]{1,64}$/, 'a member id is 1-64 letters, digits or hyphens');

export const recordSmbMeetingInputSchema = z.object({
  heldOn: isoDateSchema,
  presentMemberIds: z
    .array(smbMemberIdSchema)
    .max(60, 'at most 60 members present')
    .refine((ids) => new Set(ids).size === ids.length, 'a member is present once'),
});

@InputType({
  description: "A meeting of the co-ordinator's own area's Strategic Management Board and who of its members was present (KPI 5).",
})
export class RecordSmbMeetingInput {
  @Field(() => LocalDate, { description: 'The day the board met (YYYY-MM-DD), not in the future.' })
  heldOn!: string;

  @Field(() => [String], {
    description: 'The members present (in person, by video or phone), by member id; every one must sit on the board that day.',
  })
  presentMemberIds!: string[];
}

export const addSmbMemberInputSchema = z
  .object({
    agency: z.enum(PRINCIPAL_AGENCIES, { error: `agency must be one of ${PRINCIPAL_AGENCIES.join(', ')}` }),
    role: z.enum(SMB_ROLES, { error: `role must be one of ${SMB_ROLES.join(', ')}` }),
    staffId: principalClaimsSchema.shape.staffId,
    joinedOn: isoDateSchema,
  })
  .superRefine((input, issues) => {
    // A §6 [L5772-5799]: the board is chaired by a senior member of the Responsible Authority.
    if (input.role === 'CHAIR' && !(SMB_CHAIR_AGENCIES as readonly string[]).includes(input.agency))
      issues.addIssue({ code: 'custom', path: ['agency'], message: `the chair is from ${SMB_CHAIR_AGENCIES.join(', ')}` });
    // The co-ordinator's and the lay advisers' seats are the MAPPA unit's (A §6).
    if ((SMB_UNIT_ROLES as readonly string[]).includes(input.role) && input.agency !== 'mappa_unit')
      issues.addIssue({ code: 'custom', path: ['agency'], message: `a ${input.role} sits for mappa_unit` });
  });

@InputType({
  description: "A person joining the co-ordinator's own area's Strategic Management Board: their seat and the day their spell starts.",
})
export class AddSmbMemberInput {
  @Field(() => String, {
    description:
      'The agency the member sits for (`police`, `probation`, `prison`, `yot`, `mappa_unit`, `health`, `housing`…). A chair sits for police, probation or prison; the co-ordinator and lay advisers for mappa_unit.',
  })
  agency!: string;

  @Field(() => SmbRole, { description: 'What they sit on the board as.' })
  role!: SmbRole;

  @Field(() => String, { description: "The member's staff id at their identity provider (no name is held)." })
  staffId!: string;

  @Field(() => LocalDate, {
    description:
      "The day they joined (YYYY-MM-DD): not in the future, and after the board's last recorded meeting (KPI 5 counts the meetings held while they sat).",
  })
  joinedOn!: string;
}

export const endSmbMembershipInputSchema = z.object({
  memberId: smbMemberIdSchema,
  leftOn: isoDateSchema,
});

@InputType({ description: "The end of a member's spell on the co-ordinator's own area's Strategic Management Board." })
export class EndSmbMembershipInput {
  @Field(() => ID, { description: "The member's id in the register." })
  memberId!: string;

  @Field(() => LocalDate, {
    description:
      'The last day they sat (YYYY-MM-DD): not in the future, not before they joined, and not before a board meeting at which they are recorded present.',
  })
  leftOn!: string;
}
