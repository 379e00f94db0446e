import { addDays, addMonths, daysBetween, RiskLevel } from '@mappa/shared';
import type { Random, SyntheticPerson } from '@mappa/shared';
import type { assetPlusTable } from '../asset-plus/asset-plus.table';
import { staffName } from './yot-catalogue';

type ReoffendingLikelihood = 'LOW' | 'MEDIUM' | 'HIGH';

/** The Scaled Approach: intervention follows the higher of reoffending likelihood and risk of serious harm. */
function interventionLevelFor(rosh: RiskLevel, likelihood: ReoffendingLikelihood): 'STANDARD' | 'ENHANCED' | 'INTENSIVE' {
  if (likelihood === 'HIGH' || rosh === RiskLevel.HIGH || rosh === RiskLevel.VERY_HIGH) return 'INTENSIVE';
  if (likelihood === 'MEDIUM' || rosh === RiskLevel.MEDIUM) return 'ENHANCED';
  return 'STANDARD';
}

/** The latest AssetPlus, by the case manager, countersigned by a manager unless it is a recent one still waiting. */
export function buildAssetPlus(
  random: Random,
  person: SyntheticPerson,
  asOf: string,
  caseManagerStaffId: string,
): typeof assetPlusTable.$inferInsert {
  const reoffendingLikelihood = random.weighted([
    ['LOW', 25],
    ['MEDIUM', 45],
    ['HIGH', 30],
  ] as const);
  const interventionLevel = interventionLevelFor(person.roshLevel, reoffendingLikelihood);
  // Reassessed at least every three months, and never before the current conviction.
  const assessedDate = addDays(asOf, -random.int(7, Math.min(90, daysBetween(person.offence.convictionDate, asOf))));
  const awaitingCountersignature = daysBetween(assessedDate, asOf) <= 14 && random.chance(0.5);
  return {
    pncId: person.pncId,
    roshLevel: person.roshLevel,
    safetyAndWellbeingLevel: random.weighted([
      ['LOW', 20],
      ['MEDIUM', 40],
      ['HIGH', 30],
      ['VERY_HIGH', 10],
    ] as const),
    reoffendingLikelihood,
    interventionLevel,
    assessedDate,
    assessorStaffId: caseManagerStaffId,
    countersignedDate: awaitingCountersignature
      ? null
      : addDays(assessedDate, random.int(1, Math.min(14, daysBetween(assessedDate, asOf)))),
    countersigningManagerStaffId: awaitingCountersignature ? null : `YOTM${random.int(1000, 9999)}`,
    countersigningManagerName: awaitingCountersignature ? null : staffName(random),
    nextReviewDate: addMonths(assessedDate, interventionLevel === 'INTENSIVE' ? 3 : 6),
  };
}
