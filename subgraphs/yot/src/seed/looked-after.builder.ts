import { addDays, MAPPA_AREAS } from '@mappa/shared';
import type { Random, SyntheticPerson } from '@mappa/shared';
import type { lookedAfterTable, PARENTAL_RESPONSIBILITY_HOLDERS } from '../looked-after/looked-after.table';
import { councilFor } from './yot-catalogue';

type PrHolder = (typeof PARENTAL_RESPONSIBILITY_HOLDERS)[number];

function parentsWithResponsibility(random: Random, inCare: boolean): PrHolder[] {
  const family = random.weighted([
    ['MOTHER', 40],
    ['MOTHER_AND_FATHER', 38],
    ['FATHER', 8],
    ['MOTHER_AND_STEP_PARENT', 4],
    ['GRANDPARENT', inCare ? 0 : 5],
    ['SPECIAL_GUARDIAN', inCare ? 0 : 5],
  ] as const);
  switch (family) {
    case 'MOTHER_AND_FATHER':
      return ['MOTHER', 'FATHER'];
    case 'MOTHER_AND_STEP_PARENT':
      return ['MOTHER', 'STEP_PARENT'];
    default:
      return [family];
  }
}

/** What children's social care says of the child: `row` is null for a child it does not know. */
export interface LookedAfterStatus {
  readonly knownToChildrensSocialCare: boolean;
  readonly row: typeof lookedAfterTable.$inferInsert | null;
}

/** Children's social care supplies a status for the children it knows; not every child is known. */
export function buildLookedAfter(random: Random, person: SyntheticPerson, asOf: string): LookedAfterStatus {
  if (!random.chance(0.9)) return { knownToChildrensSocialCare: false, row: null };
  const isLookedAfter = random.chance(0.3);
  const legalBasis = isLookedAfter
    ? random.weighted([
        ['SECTION_20', 45],
        ['SECTION_31_CARE_ORDER', 40],
        ['SECTION_38_INTERIM_CARE_ORDER', 8],
        ['YOUTH_REMAND', 7],
      ] as const)
    : null;
  // Under a care order (final or interim) the local authority shares parental responsibility;
  // under s20 or a remand the parents keep it alone.
  const inCare = legalBasis === 'SECTION_31_CARE_ORDER' || legalBasis === 'SECTION_38_INTERIM_CARE_ORDER';
  const otherArea = random.pick(MAPPA_AREAS.filter((area) => area !== person.area));
  return {
    knownToChildrensSocialCare: true,
    row: {
      pncId: person.pncId,
      lookedAfter: isLookedAfter,
      legalBasis,
      responsibleLocalAuthority: isLookedAfter ? (random.chance(0.2) ? councilFor(otherArea) : councilFor(person.area)) : null,
      parentalResponsibilityHolders: [...parentsWithResponsibility(random, inCare), ...(inCare ? (['LOCAL_AUTHORITY'] as const) : [])],
      source: 'CHILDRENS_SOCIAL_CARE',
      asAtDate: addDays(asOf, -random.int(0, 30)),
    },
  };
}
