import { FieldResolver, Resolver, Root } from 'type-graphql';
import { Access } from '@mappa/shared';
import { prisonPolicies } from '../prison.policies';
import { PrisonCustody, PrisonMovement } from './custody.type';
import type { PrisonerRecord } from './custody.loader';

@Resolver(() => PrisonCustody)
export class PrisonCustodyResolver {
  @Access(prisonPolicies.custodyRecord)
  @FieldResolver(() => PrisonMovement, { description: 'The last movement recorded on NOMIS; for the released, the release itself.' })
  lastMovement(@Root() prisoner: PrisonerRecord) {
    // Stored flat on the prisoner row (one movement per person), so no extra query.
    // It carries the person's PNC ID and recorded MAPPA level, as every custody record does, for the
    // record conditions decided on it.
    return {
      pncId: prisoner.pncId,
      recordedMappaLevel: prisoner.recordedMappaLevel,
      type: prisoner.lastMovementType,
      reason: prisoner.lastMovementReason,
      date: prisoner.lastMovementDate,
      fromEstablishmentCode: prisoner.lastMovementFromEstablishmentCode,
      toEstablishmentCode: prisoner.lastMovementToEstablishmentCode,
    };
  }
}
