import { Field, ID, InputType, ObjectType, registerEnumType } from 'type-graphql';
import { Access, DateTimeISO, MappaArea } from '@mappa/shared';
import { policePolicies } from '../police.policies';

/** Who an originator's agreement shares an item with. */
export enum IntelligenceSharedWith {
  POLICE_FORCE = 'POLICE_FORCE',
  MAPPA_PARTNERS = 'MAPPA_PARTNERS',
}

registerEnumType(IntelligenceSharedWith, {
  name: 'IntelligenceSharedWith',
  description: 'Who an originating force agrees to share an intelligence item with.',
  valuesConfig: {
    POLICE_FORCE: { description: 'The police officers of one other force (named by its area): the full item.' },
    MAPPA_PARTNERS: {
      description:
        'The partner agencies the sanitised summary is granted to: the summary of a handling code C item (a P item needs no agreement).',
    },
  },
});

@ObjectType({
  description:
    "An originating force's agreement to share one of its intelligence items (principle 4, principle 10). Never deleted; withdrawing records who, when and why. Owner: police.",
})
export class IntelligenceSharingAgreement {
  @Access(policePolicies.intelligenceSharing)
  @Field(() => ID, { description: "The agreement's id (opaque)." })
  agreementId!: string;

  @Access(policePolicies.intelligenceSharing)
  @Field(() => ID, { description: "The intelligence item's reference." })
  itemReference!: string;

  @Access(policePolicies.intelligenceSharing)
  @Field(() => IntelligenceSharedWith, { description: 'Who the item is shared with.' })
  sharedWith!: IntelligenceSharedWith;

  @Access(policePolicies.intelligenceSharing)
  @Field(() => MappaArea, { nullable: true, description: 'The area of the force the full item is shared with; null for MAPPA partners.' })
  sharedWithArea!: MappaArea | null;

  @Access(policePolicies.intelligenceSharing)
  @Field(() => String, { description: "The staff id of the originating force's officer who agreed." })
  agreedByStaffId!: string;

  @Access(policePolicies.intelligenceSharing)
  @Field(() => String, { description: 'The originating force.' })
  agreedByForce!: string;

  @Access(policePolicies.intelligenceSharing)
  @Field(() => DateTimeISO, { description: 'When the agreement was recorded.' })
  agreedAt!: Date;

  @Access(policePolicies.intelligenceSharing)
  @Field(() => String, { description: 'Why the originator agreed.' })
  rationale!: string;

  @Access(policePolicies.intelligenceSharing)
  @Field(() => DateTimeISO, { nullable: true, description: 'When it was withdrawn; null while it applies.' })
  withdrawnAt!: Date | null;

  @Access(policePolicies.intelligenceSharing)
  @Field(() => String, { nullable: true, description: 'Why it was withdrawn; null while it applies.' })
  withdrawalReason!: string | null;
}

@InputType({ description: "An originating force's agreement to share one intelligence item." })
export class RecordIntelligenceSharingAgreementInput {
  @Field(() => ID, { description: "The intelligence item's reference (`INT-…`)." })
  reference!: string;

  @Field(() => IntelligenceSharedWith, { description: 'Who the item is shared with.' })
  sharedWith!: IntelligenceSharedWith;

  @Field(() => MappaArea, {
    nullable: true,
    description: 'For POLICE_FORCE: the area of the force to share the full item with. None for MAPPA_PARTNERS.',
  })
  sharedWithArea?: MappaArea | null;

  @Field(() => String, { description: 'Why the originator agrees (1-1000 characters).' })
  rationale!: string;
}
