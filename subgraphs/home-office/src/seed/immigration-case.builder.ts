import { homeOfficeNotificationDateOf } from '@mappa/shared';
import type { SyntheticPerson } from '@mappa/shared';
import type { immigrationCaseTable } from '../immigration-case/immigration-case.table';
import { caseOwnerStaffIdOf } from './home-office-catalogue';

/**
 * Seed 000 §7: every foreign national imprisoned for an offence that brings them into MAPPA is flagged
 * a MAPPA nominal. Category 3 is decided by the lead agency later, from behaviour, not at sentencing,
 * so the prison's notification cannot flag it then.
 */
const flaggedAtSentencing = (person: SyntheticPerson): boolean => person.category !== 3;

/** The immigration case the prison's notification opened (C.70), received on the day the prison sent it. */
export function buildImmigrationCase(person: SyntheticPerson): typeof immigrationCaseTable.$inferInsert {
  const nominal = flaggedAtSentencing(person);
  return {
    pncId: person.pncId,
    homeOfficeReference: `HO-${String(person.index % 100_000_000).padStart(8, '0')}`,
    nationality: person.nationality,
    mappaArea: person.area,
    counterTerrorismRestricted: person.category === 4 || person.restrictedAccess,
    mappaNominal: nominal,
    mappaCategory: nominal ? person.category : null,
    notificationReceivedDate: homeOfficeNotificationDateOf(person),
    caseOwnerStaffId: caseOwnerStaffIdOf(person),
  };
}
