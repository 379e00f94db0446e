import { Field, InputType } from 'type-graphql';
import { z } from 'zod';
import { isoDateSchema, LocalDate } from '@mappa/shared';

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
