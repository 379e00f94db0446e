import { offenderEntity } from '@mappa/shared';
import type { OffenderReference } from '@mappa/shared';
import type { MappaLoaders } from '../mappa.loaders';
import { mappaPolicies } from '../mappa.policies';
import { mappaKnowsSubject } from './offender.reference';

/** The `Offender` entity as the mappa subgraph serves it: the shared key under its own `subjectKey` policy, its reference and access-audit query behind `mappaKnowsSubject`. */
export const mappaOffender = offenderEntity<MappaLoaders>({ agency: 'mappa', policies: mappaPolicies, knowsSubject: mappaKnowsSubject });

/** The class its resolvers extend with their fields. */
export const Offender = mappaOffender.type;
export type Offender = OffenderReference;
