import { offenderEntity } from '@mappa/shared';
import type { OffenderReference } from '@mappa/shared';
import type { HomeOfficeLoaders } from '../home-office.loaders';
import { homeOfficePolicies } from '../home-office.policies';
import { homeOfficeKnowsSubject } from './offender.reference';

/** The `Offender` entity as the Home Office serves it: the shared key under its own `subjectKey` policy, its reference and access-audit query behind `homeOfficeKnowsSubject`. */
export const homeOfficeOffender = offenderEntity<HomeOfficeLoaders>({
  agency: 'home-office',
  policies: homeOfficePolicies,
  knowsSubject: homeOfficeKnowsSubject,
});

/** The class its resolvers extend with their fields. */
export const Offender = homeOfficeOffender.type;
export type Offender = OffenderReference;
