import { Field, ID, InputType, Int } from 'type-graphql';
import { z } from 'zod';
import { freeTextSchema } from '@mappa/shared';
import type { Purpose } from '@mappa/shared';
import { MappaDecisionKind } from './mappa-case.type';

@InputType({ description: 'A change of MAPPA level, with the decision that made it.' })
export class ChangeMappaLevelInput {
  @Field(() => ID, { description: 'MAPPA case number, `MC-NNNNNNN`.' })
  caseId!: string;

  @Field(() => Int, { description: 'The new level, 1 to 3.' })
  level!: number;

  @Field(() => MappaDecisionKind, { description: 'SCREENING_DECISION under MAPPA_SCREENING, MAPP_MEETING under MAPPA_MEETING.' })
  decisionKind!: MappaDecisionKind;

  @Field(() => String, {
    description: 'Reference of the decision record: `SCR-…` for a screening decision, `MTG-…` for a meeting decision.',
  })
  decisionReference!: string;

  @Field(() => String, { description: 'Why the level changes (1-500 characters).' })
  reason!: string;
}

/**
 * Which decision may change a level under which declared purpose (inventory §5.5: level by
 * screening, meeting or lead agency). A lead agency's own review is not made through this mutation.
 */
const DECISION_FOR_PURPOSE: Partial<Record<Purpose, { kind: MappaDecisionKind; prefix: string }>> = {
  MAPPA_SCREENING: { kind: MappaDecisionKind.SCREENING_DECISION, prefix: 'SCR-' },
  MAPPA_MEETING: { kind: MappaDecisionKind.MAPP_MEETING, prefix: 'MTG-' },
};

/** The level change's input, checked against the declared purpose. */
export function changeMappaLevelInputSchema(purpose: Purpose) {
  const expected = DECISION_FOR_PURPOSE[purpose];
  return z
    .object({
      caseId: z.string().regex(/^MC-\d{7}$/, 'case id must look like MC-0000123'),
      level: z.number().int().min(1, 'level must be 1, 2 or 3').max(3, 'level must be 1, 2 or 3'),
      decisionKind: z.enum(MappaDecisionKind),
      decisionReference: z.string().regex(/^[A-Z]{3}-[A-Za-z0-9-]{1,60}$/, 'decision reference must look like SCR-… or MTG-…'),
      reason: freeTextSchema('reason', 500),
    })
    .superRefine((input, context) => {
      if (!expected || input.decisionKind !== expected.kind) {
        context.addIssue({
          code: 'custom',
          path: ['decisionKind'],
          message: `under ${purpose} the level changes only by ${expected?.kind ?? 'no decision'}`,
        });
      } else if (!input.decisionReference.startsWith(expected.prefix)) {
        context.addIssue({
          code: 'custom',
          path: ['decisionReference'],
          message: `a ${expected.kind} reference starts with ${expected.prefix}`,
        });
      }
    });
}
