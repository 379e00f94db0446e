import { addDays } from '@mappa/shared';
import type { Random, SyntheticPerson } from '@mappa/shared';
import type { aliasTable, personTable } from '../identity/identity-person.table';

/** The police's identity record of the person: the PNC's view, with the counter-terrorism restriction. */
export function buildPerson(person: SyntheticPerson): typeof personTable.$inferInsert {
  return {
    pncId: person.pncId,
    croNumber: person.croNumber,
    firstName: person.firstName,
    middleNames: person.middleName,
    lastName: person.lastName,
    dateOfBirth: person.dateOfBirth,
    gender: person.gender,
    ethnicityCode: person.ethnicityCode,
    nationality: person.nationality,
    counterTerrorismRestricted: person.category === 4 || person.restrictedAccess,
    mappaArea: person.area,
    localAuthority: person.localAuthority,
  };
}

/** The person's aliases, some with a different date of birth. */
export function buildAliases(random: Random, person: SyntheticPerson): (typeof aliasTable.$inferInsert)[] {
  return person.aliases.map((alias, ordinal) => ({
    pncId: person.pncId,
    ...alias,
    dateOfBirth: random.chance(0.3) ? addDays(person.dateOfBirth, random.int(-400, 400)) : null,
    ordinal,
  }));
}
