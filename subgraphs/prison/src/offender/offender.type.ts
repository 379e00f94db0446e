import { offenderEntity } from '@mappa/shared';
import type { OffenderReference } from '@mappa/shared';
import type { PrisonLoaders } from '../prison.loaders';
import { prisonPolicies } from '../prison.policies';
import { prisonKnowsSubject } from './offender.reference';

/** The `Offender` entity as the prison subgraph serves it: the shared key under its own `subjectKey` policy, its reference and access-audit query behind `prisonKnowsSubject`. */
export const prisonOffender = offenderEntity<PrisonLoaders>({
  agency: 'prison',
  policies: prisonPolicies,
  knowsSubject: prisonKnowsSubject,
});

/** The class its resolvers extend with their fields. */
export const Offender = prisonOffender.type;
export type Offender = OffenderReference;
