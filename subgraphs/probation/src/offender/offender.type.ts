import { offenderEntity } from '@mappa/shared';
import type { OffenderReference } from '@mappa/shared';
import type { ProbationLoaders } from '../probation.loaders';
import { probationPolicies } from '../probation.policies';
import { probationKnowsSubject } from './offender.reference';

/** The `Offender` entity as the probation subgraph serves it: the shared key under its own `subjectKey` policy, its reference and access-audit query behind `probationKnowsSubject`. */
export const probationOffender = offenderEntity<ProbationLoaders>({
  agency: 'probation',
  policies: probationPolicies,
  knowsSubject: probationKnowsSubject,
});

/** The class its resolvers extend with their fields. */
export const Offender = probationOffender.type;
export type Offender = OffenderReference;
