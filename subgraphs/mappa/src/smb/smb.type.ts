import { Field, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import { Access, LocalDate, MappaArea } from '@mappa/shared';
import { mappaPolicies } from '../mappa.policies';
import { SMB_ROLES } from './smb.roles';
import type { SmbRole as SmbRoleValue } from './smb.roles';

/** The GraphQL enum of a member's role: the table's roles, by name. */
export const SmbRole = Object.fromEntries(SMB_ROLES.map((role) => [role, role])) as { readonly [R in SmbRoleValue]: R };
export type SmbRole = SmbRoleValue;

registerEnumType(SmbRole, {
  name: 'SmbRole',
  description: "What a member sits on an area's Strategic Management Board as (A §6: the board's minimum membership).",
  valuesConfig: {
    CHAIR: { description: 'The chair: a senior member of the Responsible Authority (police, probation or prison); one at a time.' },
    MEMBER: { description: 'A member for their agency (Responsible Authority or duty-to-co-operate agency).' },
    LAY_ADVISER: { description: 'A lay adviser appointed by the Secretary of State, two per area; a seat of the MAPPA unit.' },
    COORDINATOR: { description: 'The MAPPA co-ordinator; a seat of the MAPPA unit.' },
  },
});

@ObjectType({ description: "A recorded meeting of an area's Strategic Management Board (KPI 5). Owner: mappa (MAPPA Co-ordination Unit)." })
export class SmbMeeting {
  @Access(mappaPolicies.smbRegister)
  @Field(() => String, { description: "The board meeting's id." })
  smbMeetingId!: string;

  @Access(mappaPolicies.smbRegister)
  @Field(() => MappaArea, { description: "The board's area." })
  area!: MappaArea;

  @Access(mappaPolicies.smbRegister)
  @Field(() => LocalDate, { description: 'The day it met.' })
  heldOn!: string;

  @Access(mappaPolicies.smbRegister)
  @Field(() => Int, { description: 'How many members were present.' })
  present!: number;

  @Access(mappaPolicies.smbRegister)
  @Field(() => Int, { description: 'How many members sat on the board that day.' })
  members!: number;
}

@ObjectType({
  description:
    "A seat on an area's Strategic Management Board held by one person for a spell (KPI 5 counts each member's attendance over the board meetings held while they sat). Owner: mappa (MAPPA Co-ordination Unit).",
})
export class SmbMember {
  @Access(mappaPolicies.smbRegister)
  @Field(() => ID, { description: "The member's id in the register (one per spell)." })
  memberId!: string;

  @Access(mappaPolicies.smbRegister)
  @Field(() => MappaArea, { description: "The board's area." })
  area!: MappaArea;

  @Access(mappaPolicies.smbRegister)
  @Field(() => String, { description: 'The agency they sit for.' })
  agency!: string;

  @Access(mappaPolicies.smbRegister)
  @Field(() => SmbRole, { description: 'What they sit on the board as.' })
  role!: SmbRole;

  @Access(mappaPolicies.smbRegister)
  @Field(() => String, { description: 'Their staff id at their identity provider (the register holds no name).' })
  staffId!: string;

  @Access(mappaPolicies.smbRegister)
  @Field(() => LocalDate, { description: 'The day they joined.' })
  joinedOn!: string;

  @Access(mappaPolicies.smbRegister)
  @Field(() => LocalDate, { nullable: true, description: 'The last day they sat; null while they sit.' })
  leftOn!: string | null;
}
