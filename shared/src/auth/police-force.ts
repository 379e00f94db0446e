import type { Principal } from './principal';
import type { MappaArea } from '../domain/mappa-area';

/**
 * The police force of a MAPPA area, by the name the police record it under (`originatorForce`,
 * `recordManagerForce`): each of the 42 areas is one force area (London: the Metropolitan and City of
 * London forces together, recorded as one), so the name is the area's own, in words ("Avon And Somerset").
 */
export function policeForceOf(area: MappaArea): string {
  return area
    .toLowerCase()
    .replaceAll('_', ' ')
    .replace(/\b\w/g, (letter) => letter.toUpperCase());
}

/**
 * The force a police principal serves in: the force of the area their token names. The token carries
 * the area, never the force, so the two cannot disagree. Null for anyone outside the police.
 */
export function policeForceOfPrincipal(principal: Pick<Principal, 'agency' | 'area'>): string | null {
  return principal.agency === 'police' ? policeForceOf(principal.area) : null;
}
