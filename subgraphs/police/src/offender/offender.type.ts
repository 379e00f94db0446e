import { offenderEntity } from '@mappa/shared';
import type { OffenderReference } from '@mappa/shared';
import type { PoliceLoaders } from '../police.loaders';
import { policePolicies } from '../police.policies';
import { policeKnowsSubject } from './offender.reference';

/** The `Offender` entity as the police subgraph serves it: the shared key under its own `subjectKey` policy, its reference and access-audit query behind `policeKnowsSubject`. */
export const policeOffender = offenderEntity<PoliceLoaders>({
  agency: 'police',
  policies: policePolicies,
  knowsSubject: policeKnowsSubject,
});

/** The class its resolvers extend with their fields. */
export const Offender = policeOffender.type;
export type Offender = OffenderReference;
