import { Field, ObjectType, registerEnumType } from 'type-graphql';
import { Access, LocalDate } from '@mappa/shared';
import { policePolicies } from '../police.policies';

export enum WarningMarkerCode {
  WE = 'WE',
  VI = 'VI',
  SH = 'SH',
  DR = 'DR',
  ES = 'ES',
  CO = 'CO',
  FI = 'FI',
  MH = 'MH',
}

registerEnumType(WarningMarkerCode, {
  name: 'WarningMarkerCode',
  description:
    'PNC warning marker: WE weapons, VI violent, SH self-harm, DR drugs, ES escaper, CO contagious, FI firearms, MH mental health.',
});

@ObjectType({ description: 'A PNC warning marker: a safety flag for anyone meeting the person. Owner: police.' })
export class WarningMarker {
  @Access(policePolicies.warningMarkers)
  @Field(() => WarningMarkerCode, { description: 'Marker code.' })
  code!: WarningMarkerCode;

  @Access(policePolicies.warningMarkers)
  @Field(() => LocalDate, { description: 'Date the marker was added.' })
  createdDate!: string;
}
