import { MAPPA_AREAS, MappaArea } from '../domain/mappa-area';
import { policeForceOf, policeForceOfPrincipal } from './police-force';

describe('policeForceOf: the force of a MAPPA area (one force area each)', () => {
  it("principle 4: names each area's force in words, one force per area", () => {
    expect(policeForceOf(MappaArea.AVON_AND_SOMERSET)).toBe('Avon And Somerset');
    expect(policeForceOf(MappaArea.LONDON)).toBe('London');
    expect(new Set(MAPPA_AREAS.map(policeForceOf)).size).toBe(MAPPA_AREAS.length);
  });

  it('principle 4: a police principal serves in the force of the area their token names; no one else has a force', () => {
    expect(policeForceOfPrincipal({ agency: 'police', area: MappaArea.KENT })).toBe('Kent');
    expect(policeForceOfPrincipal({ agency: 'probation', area: MappaArea.KENT })).toBeNull();
    expect(policeForceOfPrincipal({ agency: 'mappa_unit', area: MappaArea.KENT })).toBeNull();
  });
});
