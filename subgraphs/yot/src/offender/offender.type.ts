import { offenderEntity } from '@mappa/shared';
import type { OffenderReference } from '@mappa/shared';
import type { YotLoaders } from '../yot.loaders';
import { yotPolicies } from '../yot.policies';
import { yotKnowsSubject } from './offender.reference';

/** The `Offender` entity as the yot subgraph serves it: the shared key under its own `subjectKey` policy, its reference and access-audit query behind `yotKnowsSubject`. */
export const yotOffender = offenderEntity<YotLoaders>({ agency: 'yot', policies: yotPolicies, knowsSubject: yotKnowsSubject });

/** The class its resolvers extend with their fields. */
export const Offender = yotOffender.type;
export type Offender = OffenderReference;
