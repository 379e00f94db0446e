import { crnSchema, pncIdSchema, prisonNumberSchema, croNumberSchema, yotReferenceSchema } from '../validation/identifiers';
import { LOCAL_AUTHORITIES_BY_AREA, AREA_POPULATION } from '../domain/area-population';
import { MappaArea } from '../domain/mappa-area';
import { yearsBetween } from './dates';
import { syntheticPeople, syntheticPerson } from './person';

const dataset = { seed: 1, asOf: '2026-11-01' };
const people = syntheticPeople(0, 20_000, dataset);
const share = (predicate: (p: (typeof people)[number]) => boolean) => people.filter(predicate).length / people.length;

describe('synthetic people', () => {
  it('are the same for the same seed and index, and differ for another seed', () => {
    expect(syntheticPerson(1234, dataset)).toEqual(syntheticPerson(1234, dataset));
    expect(syntheticPerson(1234, { ...dataset, seed: 2 }).pncId).not.toBe(syntheticPerson(1234, dataset).pncId);
  });

  it('carry valid, unique identifiers', () => {
    for (const person of people.slice(0, 2_000)) {
      expect(pncIdSchema.safeParse(person.pncId).success).toBe(true);
      expect(croNumberSchema.safeParse(person.croNumber).success).toBe(true);
      if (person.crn) expect(crnSchema.safeParse(person.crn).success).toBe(true);
      if (person.prisonNumber) expect(prisonNumberSchema.safeParse(person.prisonNumber).success).toBe(true);
      if (person.yotReference) expect(yotReferenceSchema.safeParse(person.yotReference).success).toBe(true);
    }
    for (const key of ['pncId', 'croNumber', 'crn', 'prisonNumber'] as const) {
      const values = people.map((p) => p[key]).filter((value) => value !== null);
      expect(new Set(values).size).toBe(values.length);
    }
  });

  it('follow the annual-report shape: about 95% level 1, 67% category 1, 31% category 2, 1% category 4', () => {
    expect(share((p) => p.level === 1)).toBeCloseTo(0.95, 1);
    expect(share((p) => p.category === 1)).toBeCloseTo(0.67, 1);
    expect(share((p) => p.category === 2)).toBeCloseTo(0.31, 1);
    expect(share((p) => p.category === 4)).toBeGreaterThan(0.005);
    expect(share((p) => p.category === 4)).toBeLessThan(0.02);
  });

  it('place category 3 only at levels 2 and 3', () => {
    expect(people.filter((p) => p.category === 3).every((p) => p.level >= 2)).toBe(true);
  });

  it('A.R4: give no ViSOR record to category 2 level 1 offenders', () => {
    expect(people.filter((p) => p.category === 2 && p.level === 1).some((p) => p.hasVisorRecord)).toBe(false);
    expect(people.filter((p) => p.category === 1).every((p) => p.hasVisorRecord)).toBe(true);
  });

  it('keep about 40% in custody, never an under-18, with release dates ahead', () => {
    expect(share((p) => p.supervision === 'CUSTODY')).toBeCloseTo(0.4, 1);
    const youths = people.filter((p) => p.isYouth);
    expect(youths.length).toBeGreaterThan(0);
    expect(youths.every((p) => p.supervision === 'YOUTH_ORDER' && p.prisonNumber === null && p.crn === null)).toBe(true);
    expect(youths.every((p) => yearsBetween(p.dateOfBirth, dataset.asOf) < 18)).toBe(true);
    expect(people.filter((p) => !p.isYouth).every((p) => yearsBetween(p.dateOfBirth, dataset.asOf) >= 18)).toBe(true);
    const inCustody = people.filter((p) => p.supervision === 'CUSTODY');
    expect(inCustody.every((p) => p.sentence !== null && p.sentence.conditionalReleaseDate > dataset.asOf)).toBe(true);
  });

  it('give people on licence a licence still running', () => {
    const onLicence = people.filter((p) => p.supervision === 'LICENCE');
    expect(onLicence.every((p) => p.sentence !== null && p.sentence.conditionalReleaseDate <= dataset.asOf)).toBe(true);
    expect(onLicence.every((p) => p.sentence!.conditionalReleaseDate > p.sentence!.startDate)).toBe(true);
    expect(onLicence.every((p) => p.sentence?.licenceExpiryDate === null || p.sentence!.licenceExpiryDate! > dataset.asOf)).toBe(true);
  });

  it('name the lead agency from who supervises the person', () => {
    for (const person of people) {
      const expected = person.isYouth ? 'YOT' : person.supervision === 'NONE' ? 'POLICE' : 'PROBATION';
      expect(person.leadAgency).toBe(expected);
    }
  });

  it("issue 13: live in areas as large as their populations, in one of the area's local authorities", () => {
    const inArea = (area: MappaArea) => people.filter((p) => p.area === area).length;
    expect(inArea(MappaArea.LONDON) / inArea(MappaArea.CLEVELAND)).toBeCloseTo(AREA_POPULATION.LONDON / AREA_POPULATION.CLEVELAND, -1);
    for (const person of people.slice(0, 2_000)) {
      expect(LOCAL_AUTHORITIES_BY_AREA[person.area].map(([name]) => name)).toContain(person.localAuthority);
    }
    // A single area asked for gives that area, whatever the weights.
    expect(syntheticPeople(0, 50, { ...dataset, areas: [MappaArea.CLEVELAND] }).every((p) => p.area === MappaArea.CLEVELAND)).toBe(true);
  });

  it("issue 13: a level 2-3 episode only for an adult at level 1 today, after the case opened and over before the dataset's day", () => {
    const withEpisode = people.filter((p) => p.levelEpisode !== null);
    expect(withEpisode.length).toBeGreaterThan(people.length * 0.02);
    for (const person of withEpisode) {
      expect(person.level).toBe(1);
      expect(person.isYouth).toBe(false);
      expect(person.category).not.toBe(3);
      expect(person.levelEpisode!.from > person.mappaStartDate).toBe(true);
      expect(person.levelEpisode!.to < dataset.asOf).toBe(true);
    }
  });
});
