import { Field, Int, ObjectType } from 'type-graphql';
import { Access, LocalDate, MappaArea } from '@mappa/shared';
import { mappaPolicies } from '../mappa.policies';

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
