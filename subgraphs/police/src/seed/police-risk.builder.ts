import { addDays } from '@mappa/shared';
import type { Random, SyntheticPerson } from '@mappa/shared';
import type { policeRiskTable } from '../police-risk/police-risk.table';

/** A registered sex offender's police risk assessment: RM2000 in custody, RM2000 or ARMS in the community. */
export function buildPoliceRisk(random: Random, person: SyntheticPerson, asOf: string): typeof policeRiskTable.$inferInsert {
  return {
    pncId: person.pncId,
    tool: person.supervision === 'CUSTODY' ? 'RM2000' : random.pick(['RM2000', 'ARMS'] as const),
    level: person.policeRiskLevel,
    assessedDate: addDays(asOf, -random.int(10, 500)),
    assessorStaffId: `PPU${random.int(10000, 99999)}`,
  };
}
