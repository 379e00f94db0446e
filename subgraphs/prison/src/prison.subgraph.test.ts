import {
  TEST_ISSUER,
  expectJoinedReadAsSeparate,
  askAtEachDecision,
  askAtEachMeeting,
  startTestSubgraph,
  withCaseGrants,
  withMeetingEvidence,
  querySubgraph,
} from '@mappa/testing';
import { addDays, addMonths, MappaArea, syntheticPeople } from '@mappa/shared';
import { eq } from 'drizzle-orm';
import type { Caller, Purpose, Role, RunningSubgraph, SyntheticPerson } from '@mappa/shared';
import type { TestDatabase, TestGatewayKeys } from '@mappa/testing';
import { prisonerTable } from './custody/custody-prisoner.table';
import { sentenceTable } from './sentence/sentence.table';
import { prisonSubgraph } from './index';
import { createPrisonLoaders } from './prison.loaders';

// Everyone in London, the callers' area: row scope (R-3) is by area, and most tests here are about other rules.
const dataset = { offenders: 300, seed: 7, asOf: '2026-11-01', areas: [MappaArea.LONDON] };
const people = syntheticPeople(0, dataset.offenders, dataset);
const held = people.filter((p) => p.prisonNumber !== null);
const inCustody = held.filter((p) => p.supervision === 'CUSTODY');
const onLicence = held.filter((p) => p.supervision === 'LICENCE');
const UNKNOWN_PNC_ID = '2008/0545166T';
let database: TestDatabase;
let subgraph: RunningSubgraph;
let gateway: TestGatewayKeys;

interface Movement {
  type: string;
  reason: string;
  date: string;
  fromEstablishmentCode: string | null;
  toEstablishmentCode: string | null;
}
interface PrisonView {
  pncId: string;
  custody: {
    prisonNumber: string;
    bookingId: string;
    inOutStatus: 'IN' | 'OUT';
    establishmentCode: string | null;
    establishmentName: string | null;
    lastEstablishmentCode: string;
    securityCategory: string;
    receptionDate: string;
    legalStatus: string;
    lastMovement: Movement;
  } | null;
  sentence: {
    sentenceType: string;
    indeterminate: boolean;
    lengthMonths: number | null;
    startDate: string;
    sentenceExpiryDate: string | null;
    conditionalReleaseDate: string;
    automaticReleaseDate: string | null;
    licenceExpiryDate: string | null;
    paroleEligibilityDate: string | null;
    tariffDate: string | null;
    homeDetentionCurfewEligibilityDate: string | null;
    topUpSupervisionExpiryDate: string | null;
    releaseDate: string | null;
    releaseDateConfirmed: boolean;
    releaseDateConfirmedDate: string | null;
    offences: { code: string; description: string; schedule15: boolean; schedule3: boolean; convictionDate: string }[];
  } | null;
  prisonAlerts:
    | {
        type: string;
        code: string;
        codeDescription: string;
        comment: string;
        createdDate: string;
        expiryDate: string | null;
        expired: boolean;
        active: boolean;
      }[]
    | null;
  temporaryReleases: { type: string; start: string; end: string; outcome: string; mappaCoordinatorConsulted: boolean }[] | null;
  adjudications: { incidentDate: string; hearingDate: string; finding: string; punishment: string | null }[] | null;
  mappaFReports:
    { reportDate: string; meetingDate: string; authorStaffId: string; programmesCompleted: string[]; riskFactorsObserved: string }[] | null;
}

const FULL_SELECTION = `
  pncId
  custody {
    prisonNumber bookingId inOutStatus establishmentCode establishmentName lastEstablishmentCode securityCategory receptionDate legalStatus
    lastMovement { type reason date fromEstablishmentCode toEstablishmentCode }
  }
  sentence {
    sentenceType indeterminate lengthMonths startDate sentenceExpiryDate conditionalReleaseDate automaticReleaseDate licenceExpiryDate
    paroleEligibilityDate tariffDate homeDetentionCurfewEligibilityDate topUpSupervisionExpiryDate
    releaseDate releaseDateConfirmed releaseDateConfirmedDate
    offences { code description schedule15 schedule3 convictionDate }
  }
  prisonAlerts { type code codeDescription comment createdDate expiryDate expired active }
  temporaryReleases { type start end outcome mappaCoordinatorConsulted }
  adjudications { incidentDate hearingDate finding punishment }
  mappaFReports { reportDate meetingDate authorStaffId programmesCompleted riskFactorsObserved }
`;

/** The owner's caller: a prison offender manager managing their own cases, who may read every prison field. */
const PRISON_OFFENDER_MANAGER: Caller = {
  principal: {
    issuer: TEST_ISSUER,
    staffId: 'POM0001',
    agency: 'prison',
    roles: ['prison_offender_manager'],
    area: MappaArea.LONDON,
    clearance: 'SC',
  },
  declaredPurpose: { purpose: 'CASE_MANAGEMENT', caseId: null },
};

async function post(query: string, variables: Record<string, unknown> = {}, caller: Caller = PRISON_OFFENDER_MANAGER) {
  return querySubgraph(subgraph, gateway, query, variables, caller) as Promise<{
    data?: Record<string, unknown>;
    errors?: { message: string; path?: (string | number)[]; extensions?: { code?: string; policy?: string } }[];
  }>;
}

const references = (list: readonly { pncId: string }[]) => list.map((p) => ({ __typename: 'Offender', pncId: p.pncId }));

/** Every seeded person's prison view, in dataset order (null where the prison holds no record). */
let everyone: (PrisonView | null)[];

function viewOf(person: SyntheticPerson): PrisonView | null {
  return everyone[person.index] ?? null;
}

function heldView(person: SyntheticPerson): PrisonView {
  const view = viewOf(person);
  if (view === null) throw new Error(`expected the prison to hold ${person.pncId}`);
  return view;
}

beforeAll(async () => {
  ({ database, subgraph, gateway } = await startTestSubgraph(prisonSubgraph, dataset));
  const result = await post(`query($r: [_Any!]!) { _entities(representations: $r) { ... on Offender { ${FULL_SELECTION} } } }`, {
    r: references(people),
  });
  expect(result.errors).toBeUndefined();
  everyone = result.data?._entities as (PrisonView | null)[];
});

afterAll(async () => {
  await subgraph.close();
  await database.drop();
});

describe('prison subgraph', () => {
  it('has every kind of prisoner in the seeded dataset', () => {
    expect(inCustody.length).toBeGreaterThan(50);
    expect(onLicence.length).toBeGreaterThan(50);
    expect(people.some((p) => p.isYouth)).toBe(true);
    expect(inCustody.some((p) => p.level >= 2)).toBe(true);
  });

  it('finds an offender by prison number with custody and sentence matching the shared person', async () => {
    const person = inCustody[0]!;
    const result = await post(`query($n: ID!) { offenderByPrisonNumber(prisonNumber: $n) { ${FULL_SELECTION} } }`, {
      n: person.prisonNumber,
    });
    expect(result.errors).toBeUndefined();
    const view = result.data?.offenderByPrisonNumber as PrisonView;
    expect(view.pncId).toBe(person.pncId);
    expect(view.custody).toMatchObject({
      prisonNumber: person.prisonNumber,
      bookingId: String(1_200_000 + person.index),
      inOutStatus: 'IN',
      establishmentCode: person.establishmentCode,
      lastEstablishmentCode: person.establishmentCode,
    });
    expect(view.custody?.establishmentName).toMatch(/^HMP /);
    const sentence = person.sentence!;
    expect(view.sentence).toMatchObject({
      sentenceType: sentence.type,
      lengthMonths: sentence.lengthMonths,
      startDate: sentence.startDate,
      conditionalReleaseDate: sentence.conditionalReleaseDate,
    });
    expect(view.sentence?.offences).toEqual([person.offence]);
  });

  it('answers null, not an error, for a well-formed prison number it does not hold', async () => {
    const result = await post('{ offenderByPrisonNumber(prisonNumber: "Z9999ZZ") { pncId } }');
    expect(result.errors).toBeUndefined();
    expect(result.data?.offenderByPrisonNumber).toBeNull();
  });

  it('rejects a malformed prison number with BAD_USER_INPUT', async () => {
    const result = await post('{ offenderByPrisonNumber(prisonNumber: "A123BC") { pncId } }');
    expect(result.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(result.data?.offenderByPrisonNumber ?? null).toBeNull();
  });

  it('resolves entity references in one SQL statement per loader batch and null for unknown keys', async () => {
    const fifty = held.slice(0, 50);
    subgraph.statements.reset();
    const result = await post(
      `query($r: [_Any!]!) { _entities(representations: $r) { ... on Offender {
        pncId custody { prisonNumber } sentence { conditionalReleaseDate offences { code } } prisonAlerts { code } mappaFReports { meetingDate }
      } } }`,
      { r: [...references(fifty), { __typename: 'Offender', pncId: UNKNOWN_PNC_ID }] },
    );
    expect(result.errors).toBeUndefined();
    const entities = result.data?._entities as ({ pncId: string; custody: { prisonNumber: string } } | null)[];
    expect(entities).toHaveLength(51);
    expect(entities[50]).toBeNull();
    expect(entities.slice(0, 50).map((e) => e?.pncId)).toEqual(fifty.map((p) => p.pncId));
    expect(entities.slice(0, 50).map((e) => e?.custody.prisonNumber)).toEqual(fifty.map((p) => p.prisonNumber));
    // Prisoners with their sentences (references, custody and sentence share one batch as the selection
    // asks for the sentence: issue 15, five statements before), offences, alerts, MAPPA F reports.
    expect(subgraph.statements.count).toBe(4);
  });

  it('resolves a person the prison does not hold, or a malformed key, to null', async () => {
    const notHeld = people.filter((p) => p.prisonNumber === null).slice(0, 5);
    expect(notHeld.length).toBe(5);
    const result = await post(
      'query($r: [_Any!]!) { _entities(representations: $r) { ... on Offender { pncId custody { prisonNumber } } } }',
      {
        r: [...references(notHeld), { __typename: 'Offender', pncId: 'not-a-pnc' }],
      },
    );
    expect(result.errors).toBeUndefined();
    expect(result.data?._entities).toEqual([null, null, null, null, null, null]);
  });

  it('holds only people with a prison number, and never an under-18', () => {
    for (const person of people) {
      const view = viewOf(person);
      if (person.prisonNumber === null) expect(view).toBeNull();
      else expect(view?.custody?.prisonNumber).toBe(person.prisonNumber);
    }
    const youths = people.filter((p) => p.isYouth);
    expect(youths.length).toBeGreaterThan(0);
    for (const youth of youths) expect(viewOf(youth)).toBeNull();
  });

  it('reports custody status IN exactly for people in custody, at the shared establishment', () => {
    for (const person of held) {
      const custody = heldView(person).custody!;
      expect(custody.inOutStatus).toBe(person.supervision === 'CUSTODY' ? 'IN' : 'OUT');
      expect(custody.establishmentCode).toBe(person.establishmentCode);
      expect(custody.establishmentName === null).toBe(person.establishmentCode === null);
      expect(custody.receptionDate <= dataset.asOf).toBe(true);
    }
  });

  it('records the release as the last movement of everyone released, on the conditional release date', () => {
    for (const person of onLicence) {
      const { custody } = heldView(person);
      expect(custody?.lastMovement).toMatchObject({
        type: 'RELEASE',
        date: person.sentence!.conditionalReleaseDate,
        toEstablishmentCode: null,
      });
      expect(custody?.lastMovement.fromEstablishmentCode).toBe(custody?.lastEstablishmentCode);
      expect(custody!.receptionDate < person.sentence!.conditionalReleaseDate).toBe(true);
    }
    for (const person of inCustody) expect(heldView(person).custody?.lastMovement.type).not.toBe('RELEASE');
  });

  it('has key dates equal to the shared sentence', () => {
    for (const person of held) {
      const sentence = person.sentence!;
      const view = heldView(person).sentence!;
      expect(view).toMatchObject({
        sentenceType: sentence.type,
        indeterminate: sentence.type === 'LIFE' || sentence.type === 'IPP',
        lengthMonths: sentence.lengthMonths,
        startDate: sentence.startDate,
        sentenceExpiryDate: sentence.sentenceExpiryDate,
        conditionalReleaseDate: sentence.conditionalReleaseDate,
        licenceExpiryDate: sentence.licenceExpiryDate,
        paroleEligibilityDate: sentence.paroleEligibilityDate,
        tariffDate: sentence.tariffDate,
        homeDetentionCurfewEligibilityDate: sentence.homeDetentionCurfewEligibilityDate,
        topUpSupervisionExpiryDate: sentence.topUpSupervisionExpiryDate,
      });
      expect(view.offences).toEqual([person.offence]);
      expect(view.automaticReleaseDate).toBe(sentence.type === 'EDS' || sentence.type === 'SOPC' ? sentence.conditionalReleaseDate : null);
    }
  });

  it('confirms a release date only within 8 months of today, and then says when', () => {
    const confirmBy = addMonths(dataset.asOf, 8);
    let confirmedInCustody = 0;
    let unconfirmed = 0;
    for (const person of held) {
      const sentence = heldView(person).sentence!;
      const crd = person.sentence!.conditionalReleaseDate;
      expect(sentence.releaseDateConfirmed).toBe(crd <= confirmBy);
      if (sentence.releaseDateConfirmed) {
        expect(sentence.releaseDate).toBe(crd);
        expect(sentence.releaseDateConfirmedDate).not.toBeNull();
        expect(sentence.releaseDateConfirmedDate! <= dataset.asOf).toBe(true);
        expect(sentence.releaseDateConfirmedDate! <= crd).toBe(true);
        if (person.supervision === 'CUSTODY') confirmedInCustody += 1;
      } else {
        expect(sentence.releaseDateConfirmedDate).toBeNull();
        // Until the Parole Board directs release, an indeterminate sentence has no release date.
        expect(sentence.releaseDate).toBe(sentence.indeterminate ? null : crd);
        unconfirmed += 1;
      }
    }
    expect(confirmedInCustody).toBeGreaterThan(0);
    expect(unconfirmed).toBeGreaterThan(0);
  });

  it('carries exactly one active MAPPA alert, whose code is the shared level', () => {
    for (const person of held) {
      const alerts = heldView(person).prisonAlerts!;
      const activeMappa = alerts.filter((a) => a.type === 'P' && a.active);
      expect(activeMappa).toEqual([
        expect.objectContaining({
          code: `P${person.level}`,
          codeDescription: `MAPPA Level ${person.level}`,
          expired: false,
          expiryDate: null,
        }),
      ]);
      for (const alert of alerts) {
        expect(alert.active).toBe(!alert.expired);
        expect(alert.comment).toMatch(/^Synthetic: /);
      }
      expect(alerts.some((a) => a.code === 'XTACT')).toBe(person.category === 4);
    }
    expect(held.some((p) => heldView(p).prisonAlerts!.some((a) => a.type === 'P' && a.expired))).toBe(true);
  });

  it('filters alerts to those in force with activeOnly', async () => {
    const person = held.find((p) => heldView(p).prisonAlerts!.some((a) => !a.active))!;
    expect(person).toBeDefined();
    const result = await post(
      'query($n: ID!) { offenderByPrisonNumber(prisonNumber: $n) { prisonAlerts(activeOnly: true) { code active } } }',
      {
        n: person.prisonNumber,
      },
    );
    expect(result.errors).toBeUndefined();
    const active = (result.data?.offenderByPrisonNumber as { prisonAlerts: { code: string; active: boolean }[] }).prisonAlerts;
    expect(active).toEqual(
      heldView(person)
        .prisonAlerts!.filter((a) => a.active)
        .map((a) => ({ code: a.code, active: true })),
    );
  });

  it('records temporary releases only for people in custody, mostly in open conditions, all ended', () => {
    const withRotl = held.filter((p) => heldView(p).temporaryReleases!.length > 0);
    expect(withRotl.length).toBeGreaterThan(3);
    for (const person of onLicence) expect(heldView(person).temporaryReleases).toEqual([]);
    for (const person of withRotl) {
      const view = heldView(person);
      expect(person.supervision).toBe('CUSTODY');
      expect(['C', 'D']).toContain(view.custody!.securityCategory);
      for (const release of view.temporaryReleases!) {
        expect(release.start < release.end).toBe(true);
        expect(release.end < `${dataset.asOf}T00:00:00.000Z`).toBe(true);
        expect(release.mappaCoordinatorConsulted).toBe(person.level >= 2);
        if (release.type === 'RDR') expect(release.start.slice(0, 10)).toBe(release.end.slice(0, 10));
      }
    }
    const inOpen = withRotl.filter((p) => heldView(p).custody!.securityCategory === 'D');
    expect(inOpen.length * 2).toBeGreaterThan(withRotl.length);
    const outcomes = new Set(withRotl.flatMap((p) => heldView(p).temporaryReleases!.map((r) => r.outcome)));
    expect(outcomes.has('COMPLETED')).toBe(true);
  });

  it('gives a punishment exactly for proved adjudications, dated within the time in custody', () => {
    let total = 0;
    for (const person of held) {
      const view = heldView(person);
      const end = person.supervision === 'CUSTODY' ? dataset.asOf : person.sentence!.conditionalReleaseDate;
      for (const adjudication of view.adjudications!) {
        total += 1;
        expect(adjudication.punishment === null).toBe(adjudication.finding !== 'PROVED');
        expect(adjudication.incidentDate >= view.custody!.receptionDate).toBe(true);
        expect(adjudication.hearingDate <= end).toBe(true);
        expect(adjudication.incidentDate <= adjudication.hearingDate).toBe(true);
      }
    }
    expect(total).toBeGreaterThan(0);
    const findings = new Set(held.flatMap((p) => heldView(p).adjudications!.map((a) => a.finding)));
    expect([...findings].sort()).toEqual(['DISMISSED', 'NOT_PROVED', 'PROVED']);
  });

  it('writes MAPPA F reports only for level 2 and 3 people in custody, before the meeting but for a late few (C §7.2 KPI 7)', () => {
    let reportCount = 0;
    let late = 0;
    for (const person of held) {
      const reports = heldView(person).mappaFReports!;
      const expected = person.supervision === 'CUSTODY' && person.level >= 2;
      expect(reports.length > 0).toBe(expected);
      for (const report of reports) {
        reportCount += 1;
        // Late: written on the meeting day or in the few days after it, what KPI 7 counts as not on time.
        if (report.reportDate >= report.meetingDate) late += 1;
        expect(report.reportDate <= addDays(report.meetingDate, 4)).toBe(true);
        expect(report.reportDate <= dataset.asOf).toBe(true);
        expect(report.riskFactorsObserved).toMatch(/^Synthetic: /);
      }
      const meetings = reports.map((r) => r.meetingDate);
      expect(meetings).toEqual([...meetings].sort().reverse());
    }
    expect(reportCount).toBeGreaterThan(0);
    expect(late / reportCount).toBeLessThan(0.25);
  });

  it('serves its SDL with the Offender entity keyed by PNC ID', async () => {
    const result = await post('{ _service { sdl } }');
    const sdl = (result.data?._service as { sdl: string }).sdl;
    expect(sdl).toMatch(/type Offender\s+@key\(fields: "pncId"\)/);
    expect(sdl).not.toMatch(/^\s+offender\(/m);
  });

  describe('row scope: the responsible MAPPA area, grants and duty-to-co-operate attendees (principles 2, 5, 9)', () => {
    const sample = held.filter((p) => !(p.category === 4 || p.restrictedAccess)).slice(0, 10);
    const unknown = syntheticPeople(dataset.offenders, sample.length, dataset);
    const ENTITIES = 'query($r: [_Any!]!) { _entities(representations: $r) { ... on Offender { custody { prisonNumber } } } }';
    const BY_NUMBER = 'query($n: ID!) { offenderByPrisonNumber(prisonNumber: $n) { pncId } }';
    const IN_KENT: Caller = { ...PRISON_OFFENDER_MANAGER, principal: { ...PRISON_OFFENDER_MANAGER.principal, area: MappaArea.KENT } };

    it('principle 2, R-3: a prison offender manager of another area gets for London prisoners exactly the answer for unknown keys, in the same statements', async () => {
      subgraph.statements.reset();
      const about = await post(ENTITIES, { r: references(sample) }, IN_KENT);
      const statements = subgraph.statements.count;
      subgraph.statements.reset();
      const aboutUnknown = await post(ENTITIES, { r: references(unknown) }, IN_KENT);
      expect(about).toEqual({ data: { _entities: sample.map(() => null) } });
      expect(about).toEqual(aboutUnknown);
      expect(statements).toBe(subgraph.statements.count);
      for (const person of sample.slice(0, 3)) {
        expect(await post(BY_NUMBER, { n: person.prisonNumber }, IN_KENT)).toEqual(await post(BY_NUMBER, { n: 'Z9999ZZ' }, IN_KENT));
      }
      // In London, and in Kent with a live grant for the first of them, they are known.
      expect((await post(ENTITIES, { r: references(sample) })).data?._entities).toEqual(
        sample.map((p) => ({ custody: { prisonNumber: p.prisonNumber } })),
      );
      const granted = await post(ENTITIES, { r: references(sample) }, withCaseGrants(IN_KENT, [sample[0]!.pncId]));
      expect(granted.data?._entities).toEqual(sample.map((p, i) => (i === 0 ? { custody: { prisonNumber: p.prisonNumber } } : null)));
    });

    it('R-3: a prisoner whose responsible area the prison has not recorded (a row from before the column) is known to no area, only through a grant', async () => {
      const [person] = sample;
      const db = database.connection.database();
      await db.update(prisonerTable).set({ mappaArea: null }).where(eq(prisonerTable.pncId, person!.pncId));
      try {
        expect(await post(ENTITIES, { r: references([person!]) })).toEqual(await post(ENTITIES, { r: references(unknown.slice(0, 1)) }));
        expect(
          (await post(ENTITIES, { r: references([person!]) }, withCaseGrants(PRISON_OFFENDER_MANAGER, [person!.pncId]))).data?._entities,
        ).toEqual([{ custody: { prisonNumber: person!.prisonNumber } }]);
      } finally {
        await db.update(prisonerTable).set({ mappaArea: person!.area }).where(eq(prisonerTable.pncId, person!.pncId));
      }
    });

    it('principle 5, issue 10: a duty-to-co-operate attendee knows no prisoner without attending the meeting about them; expired evidence, another meeting, not attending or a grant alone does not count', async () => {
      const dtc: Caller = {
        principal: {
          issuer: TEST_ISSUER,
          staffId: 'EM0001',
          agency: 'electronic_monitoring',
          roles: ['dtc_attendee'],
          area: MappaArea.LONDON,
          clearance: 'BPSS',
        },
        declaredPurpose: { purpose: 'MAPPA_MEETING', caseId: 'MTG-1' },
      };
      const subject = sample.slice(0, 1);
      const notKnown = await post(ENTITIES, { r: references(unknown.slice(0, 1)) }, dtc);
      expect(notKnown.data?._entities).toEqual([null]);
      expect(await post(ENTITIES, { r: references(subject) }, dtc)).toEqual(notKnown);
      for (const evidence of [{ validUntil: new Date(Date.now() - 1_000).toISOString() }, { meetingId: 'MTG-2' }, { attending: false }]) {
        expect(await post(ENTITIES, { r: references(subject) }, withMeetingEvidence(dtc, subject[0]!.pncId, evidence))).toEqual(notKnown);
      }
      expect(await post(ENTITIES, { r: references(subject) }, withCaseGrants(dtc, [subject[0]!.pncId]))).toEqual(notKnown);
      // Known at the meeting; the custody record itself stays the field policies' to refuse.
      const live = await post(ENTITIES, { r: references(subject) }, withMeetingEvidence(dtc, subject[0]!.pncId));
      expect(live.data?._entities).toEqual([{ custody: null }]);
      // The custody record as a whole is `prison.custodyRecord` since issue 12 split custody by reader (A.R15, B.57).
      expect(live.errors?.map((error) => error.extensions?.policy)).toEqual(['prison.custodyRecord']);
    });
  });

  describe('row scope: counter-terrorism gate (principle 7)', () => {
    const isRestricted = (p: SyntheticPerson) => p.category === 4 || p.restrictedAccess;
    const restricted = held.filter(isRestricted);
    const unrestricted = held.filter((p) => !isRestricted(p));
    const UNKNOWN_PRISON_NUMBER = 'Z9999ZZ';
    /** The same prison offender manager, entitled to every prison field, at each clearance. */
    const withClearance = (clearance: Caller['principal']['clearance']): Caller => ({
      ...PRISON_OFFENDER_MANAGER,
      principal: { ...PRISON_OFFENDER_MANAGER.principal, clearance },
    });
    const UNCLEARED = withClearance('BPSS');
    const CT_CLEARED = withClearance('CTC');
    const entitiesQuery = `query($r: [_Any!]!) { _entities(representations: $r) { ... on Offender { ${FULL_SELECTION} } } }`;
    const byPrisonNumberQuery = `query($n: ID!) { offenderByPrisonNumber(prisonNumber: $n) { ${FULL_SELECTION} } }`;
    /** Restricted people interleaved with unrestricted ones, so each batch mixes both. */
    const mixed = () =>
      restricted.flatMap((person, i) => [unrestricted[i]!, person]).concat(unrestricted.slice(restricted.length, restricted.length + 5));

    it('has CT-restricted prisoners in the seeded dataset, both category 4 and restricted-access only, in custody and on licence', () => {
      expect(restricted.length).toBeGreaterThanOrEqual(2);
      expect(restricted.some((p) => p.category === 4)).toBe(true);
      expect(restricted.some((p) => p.category !== 4 && p.restrictedAccess)).toBe(true);
      expect(restricted.some((p) => p.supervision === 'CUSTODY')).toBe(true);
      expect(restricted.some((p) => p.supervision === 'LICENCE')).toBe(true);
      // The SC-cleared owner's view (taken in beforeAll) holds them all.
      for (const person of restricted) expect(heldView(person).custody?.prisonNumber).toBe(person.prisonNumber);
    });

    it('_entities: an uncleared caller gets null for restricted prisoners and full data for the others in the same batch', async () => {
      const batch = mixed();
      const result = await post(entitiesQuery, { r: references(batch) }, UNCLEARED);
      expect(result.errors).toBeUndefined();
      expect(result.data?._entities).toEqual(batch.map((p) => (isRestricted(p) ? null : heldView(p))));
    });

    it('_entities: a restricted prisoner is answered exactly as an unknown PNC ID (data and errors), alone and in a batch', async () => {
      for (const person of restricted) {
        const asked = await post(entitiesQuery, { r: references([person]) }, UNCLEARED);
        const unknown = await post(entitiesQuery, { r: [{ __typename: 'Offender', pncId: UNKNOWN_PNC_ID }] }, UNCLEARED);
        expect(asked).toEqual(unknown);
        expect(asked).toEqual({ data: { _entities: [null] } });
      }
      const batch = mixed();
      const withRestricted = await post(entitiesQuery, { r: references(batch) }, UNCLEARED);
      const withUnknown = await post(
        entitiesQuery,
        { r: batch.map((p) => ({ __typename: 'Offender', pncId: isRestricted(p) ? UNKNOWN_PNC_ID : p.pncId })) },
        UNCLEARED,
      );
      expect(withRestricted).toEqual(withUnknown);
    });

    it('_entities: the gate reads the marker from the same prisoner batch, with no extra SQL statement', async () => {
      subgraph.statements.reset();
      const result = await post(
        'query($r: [_Any!]!) { _entities(representations: $r) { ... on Offender { pncId } } }',
        { r: references(mixed()) },
        UNCLEARED,
      );
      expect(result.errors).toBeUndefined();
      expect(subgraph.statements.count).toBe(1);
    });

    it('offenderByPrisonNumber: an uncleared caller gets null with no errors for a restricted prisoner, exactly as for an unknown prison number', async () => {
      const unknown = await post(byPrisonNumberQuery, { n: UNKNOWN_PRISON_NUMBER }, UNCLEARED);
      expect(unknown).toEqual({ data: { offenderByPrisonNumber: null } });
      for (const person of restricted) {
        const result = await post(byPrisonNumberQuery, { n: person.prisonNumber }, UNCLEARED);
        expect(result.errors).toBeUndefined();
        expect(result.data?.offenderByPrisonNumber).toBeNull();
        expect(result).toEqual(unknown);
      }
      // The gate is on the person, not the query: an unrestricted prisoner is still found.
      const person = unrestricted[0]!;
      const found = await post(byPrisonNumberQuery, { n: person.prisonNumber }, UNCLEARED);
      expect(found.errors).toBeUndefined();
      expect(found.data?.offenderByPrisonNumber).toEqual(heldView(person));
    });

    it('a caller with counter-terrorism clearance (CTC, same roles) gets the restricted prisoners back', async () => {
      const batch = mixed();
      const entities = await post(entitiesQuery, { r: references(batch) }, CT_CLEARED);
      expect(entities.errors).toBeUndefined();
      expect(entities.data?._entities).toEqual(batch.map((p) => heldView(p)));
      for (const person of restricted) {
        const result = await post(byPrisonNumberQuery, { n: person.prisonNumber }, CT_CLEARED);
        expect(result.errors).toBeUndefined();
        expect(result.data?.offenderByPrisonNumber).toEqual(heldView(person));
        expect((result.data?.offenderByPrisonNumber as PrisonView).pncId).toBe(person.pncId);
      }
    });
  });

  describe('field policies (owner enforcement)', () => {
    const callerAs = (agency: Caller['principal']['agency'], role: Role, purpose: Purpose): Caller => ({
      principal: {
        issuer: TEST_ISSUER,
        staffId: `${role.toUpperCase().slice(0, 3)}0001`,
        agency,
        roles: [role],
        area: MappaArea.LONDON,
        clearance: 'SC',
      },
      declaredPurpose: {
        purpose,
        caseId: purpose === 'MAPPA_MEETING' ? 'MTG-1' : purpose === 'DISCLOSURE_DECISION' ? 'DSC-MAPPA-1' : null,
      },
    });
    // People in custody at level 2/3 (who have MAPPA F reports) and people released on licence.
    const sample = () => [...inCustody.filter((p) => p.level >= 2).slice(0, 10), ...onLicence.slice(0, 10)];
    /** The meeting a person's latest MAPPA F report was written for (its date), or undefined when the prison wrote none. */
    const latestReportMeeting = (person: SyntheticPerson): string | undefined => heldView(person).mappaFReports?.[0]?.meetingDate;
    // Issue 10: under MAPPA_MEETING each person is asked about at the meeting about them (askAtEachMeeting),
    // on the day of the meeting their latest MAPPA F report was written for (B.23, B.49, OQ 4).
    const entities = (query: string, caller: Caller) => {
      const atReportMeeting = (pncIds: readonly string[], asked: Caller): Caller => {
        const person = sample().find((candidate) => candidate.pncId === pncIds[0]);
        const meetingDate = person === undefined ? undefined : latestReportMeeting(person);
        return asked.purposeEvidence?.kind === 'MEETING' && pncIds.length === 1 && meetingDate !== undefined
          ? { ...asked, purposeEvidence: { ...asked.purposeEvidence, meetingDate } }
          : asked;
      };
      const ask = (pncIds: readonly string[], asked: Caller) =>
        post(
          `query($r: [_Any!]!) { _entities(representations: $r) { ... on Offender { ${query} } } }`,
          { r: references(sample().filter((person) => pncIds.includes(person.pncId))) },
          atReportMeeting(pncIds, asked),
        );
      // Issue 11: under DISCLOSURE_DECISION each person as a party to a decision about them.
      const pncIds = sample().map((person) => person.pncId);
      return caller.declaredPurpose.purpose === 'DISCLOSURE_DECISION'
        ? askAtEachDecision(caller, pncIds, ask)
        : askAtEachMeeting(caller, pncIds, ask);
    };
    /** Each error as `code policy field.path` (list indices dropped), sorted. */
    const denials = (errors: { path?: (string | number)[]; extensions?: { code?: string; policy?: string } }[] | undefined) =>
      (errors ?? [])
        .map((e) => `${e.extensions?.code} ${e.extensions?.policy} ${(e.path ?? []).filter((k) => typeof k === 'string').join('.')}`)
        .sort();

    it('principle 2: the prison offender manager managing their cases reads every prison field, prison-only ones included', async () => {
      const result = await entities(
        'pncId custody { bookingId cellLocation incentiveLevel inOutStatus } prisonAlerts { comment } adjudications { finding } mappaFReports { authorStaffId contactConcerns }',
        PRISON_OFFENDER_MANAGER,
      );
      expect(result.errors).toBeUndefined();
      const views = result.data?._entities as {
        custody: { bookingId: string | null; cellLocation: string | null; incentiveLevel: string | null; inOutStatus: string };
        prisonAlerts: { comment: string | null }[];
        adjudications: unknown[] | null;
      }[];
      expect(views.map((v) => v.custody.bookingId)).toEqual(sample().map((p) => String(1_200_000 + p.index)));
      for (const view of views) {
        expect(view.custody.cellLocation === null).toBe(view.custody.inOutStatus === 'OUT');
        expect(view.custody.incentiveLevel === null).toBe(view.custody.inOutStatus === 'OUT');
        expect(view.prisonAlerts.every((a) => a.comment !== null)).toBe(true);
        expect(Array.isArray(view.adjudications)).toBe(true);
      }
    });

    it('principle 3, B.3: a probation practitioner at a MAPP meeting reads the custody summary, sentence, offences, ROTL and MAPPA F reports, but no alerts (until type P can be told apart) and no prison-only field', async () => {
      const QUERY = `pncId
        custody { prisonNumber bookingId inOutStatus establishmentName cellLocation incentiveLevel securityCategory legalStatus lastMovement { type date } }
        sentence { conditionalReleaseDate releaseDate releaseDateConfirmed offences { code schedule15 } }
        prisonAlerts { type code active comment } temporaryReleases { type start outcome } adjudications { finding } mappaFReports { meetingDate authorStaffId }`;
      const result = await entities(QUERY, callerAs('probation', 'probation_practitioner', 'MAPPA_MEETING'));
      const views = result.data?._entities as {
        pncId: string;
        custody: {
          prisonNumber: string;
          bookingId: unknown;
          cellLocation: unknown;
          incentiveLevel: unknown;
          lastMovement: { type: string };
        };
        sentence: { conditionalReleaseDate: string; offences: { code: string }[] };
        prisonAlerts: unknown;
        temporaryReleases: { type: string }[];
        adjudications: unknown;
        mappaFReports: { meetingDate: string; authorStaffId: string }[] | null;
      }[];
      expect(views.map((v) => v.pncId)).toEqual(sample().map((p) => p.pncId));
      sample().forEach((person, i) => {
        const view = views[i]!;
        const owners = heldView(person);
        expect(view.custody.prisonNumber).toBe(person.prisonNumber);
        expect(view.custody.lastMovement.type).toBe(owners.custody!.lastMovement.type);
        expect([view.custody.bookingId, view.custody.cellLocation, view.custody.incentiveLevel]).toEqual([null, null, null]);
        expect(view.sentence.conditionalReleaseDate).toBe(person.sentence!.conditionalReleaseDate);
        expect(view.sentence.offences.map((o) => o.code)).toEqual([person.offence.code]);
        expect(view.prisonAlerts).toBeNull();
        expect(view.temporaryReleases.map((r) => r.type)).toEqual(owners.temporaryReleases!.map((r) => r.type));
        expect(view.adjudications).toBeNull();
        // B.23, B.49: only the report written for this meeting; none written for it is null, as no report at all.
        const forThisMeeting = owners.mappaFReports!.filter((r) => r.meetingDate === latestReportMeeting(person)).map((r) => r.meetingDate);
        expect(view.mappaFReports?.map((r) => r.meetingDate) ?? null).toEqual(forThisMeeting.length > 0 ? forThisMeeting : null);
      });
      expect(views.some((v) => (v.mappaFReports?.length ?? 0) > 0)).toBe(true);
      // One error per denied field path, however many offenders and alerts were in the batch.
      expect(denials(result.errors)).toEqual([
        'FORBIDDEN prison.adjudication _entities.adjudications',
        'FORBIDDEN prison.custodyPrisonOnly _entities.custody.bookingId',
        'FORBIDDEN prison.custodyPrisonOnly _entities.custody.cellLocation',
        'FORBIDDEN prison.custodyPrisonOnly _entities.custody.incentiveLevel',
        'FORBIDDEN prison.mappaAlert _entities.prisonAlerts',
      ]);
    });

    it('A.R15, B.59: under case management a practitioner who is not the allocated OM gets null custody (but at level 1, B.60), sentence and ROTL, as for a record the prison does not hold; the allocated OM reads them', async () => {
      const FIELDS =
        'pncId custody { inOutStatus } sentence { releaseDate } prisonAlerts { code } temporaryReleases { type } mappaFReports { meetingDate }';
      const practitioner = callerAs('probation', 'probation_practitioner', 'CASE_MANAGEMENT');
      const result = await entities(FIELDS, practitioner);
      // B.60: the custody of a person the prison records at level 1 is exchanged without a meeting.
      const levelOneCustody = (p: SyntheticPerson) => (p.level === 1 ? { inOutStatus: heldView(p).custody!.inOutStatus } : null);
      expect(result.data?._entities).toEqual(
        sample().map((p) => ({
          pncId: p.pncId,
          custody: levelOneCustody(p),
          sentence: null,
          prisonAlerts: null,
          temporaryReleases: null,
          mappaFReports: null,
        })),
      );
      // Custody, sentence and ROTL are granted on the allocated-OM (and, for custody, level 1) conditions (decided per record, no error); the rest never.
      expect(denials(result.errors)).toEqual([
        'FORBIDDEN prison.mappaAlert _entities.prisonAlerts',
        'FORBIDDEN prison.mappaFReportRecord _entities.mappaFReports',
      ]);
      // The gateway vouches probation's allocation for the first person only: that record, and no other, opens.
      const [allocated, ...others] = sample();
      const om: Caller = { ...practitioner, caseRelationships: { ALLOCATED_OFFENDER_MANAGER: [allocated!.pncId] } };
      const asOm = await entities('pncId custody { inOutStatus } sentence { conditionalReleaseDate }', om);
      expect(asOm.errors).toBeUndefined();
      expect(asOm.data?._entities).toEqual([
        {
          pncId: allocated!.pncId,
          custody: { inOutStatus: heldView(allocated!).custody!.inOutStatus },
          sentence: { conditionalReleaseDate: allocated!.sentence!.conditionalReleaseDate },
        },
        ...others.map((p) => ({ pncId: p.pncId, custody: levelOneCustody(p), sentence: null })),
      ]);
    });

    it('B.30: adjudications are prison only, even for a PPU officer at a MAPP meeting', async () => {
      const result = await entities(
        'custody { legalStatus } adjudications { finding punishment }',
        callerAs('police', 'ppu_officer', 'MAPPA_MEETING'),
      );
      const views = result.data?._entities as { custody: { legalStatus: string }; adjudications: unknown }[];
      expect(views.map((v) => v.custody.legalStatus)).toEqual(sample().map((p) => heldView(p).custody!.legalStatus));
      expect(views.every((v) => v.adjudications === null)).toBe(true);
      expect(denials(result.errors)).toEqual(['FORBIDDEN prison.adjudication _entities.adjudications']);
    });

    it('B.46, B.49: MAPPA F reports go to a MAPP meeting only: the co-ordinator screening reads custody but not the reports', async () => {
      const screening = await entities(
        'custody { inOutStatus } mappaFReports { meetingDate }',
        callerAs('mappa_unit', 'mappa_coordinator', 'MAPPA_SCREENING'),
      );
      const views = screening.data?._entities as { custody: { inOutStatus: string }; mappaFReports: unknown }[];
      expect(views.map((v) => v.custody.inOutStatus)).toEqual(sample().map((p) => (p.supervision === 'CUSTODY' ? 'IN' : 'OUT')));
      expect(views.every((v) => v.mappaFReports === null)).toBe(true);
      expect(denials(screening.errors)).toEqual(['FORBIDDEN prison.mappaFReportRecord _entities.mappaFReports']);

      const meeting = await entities(
        'mappaFReports { meetingDate authorStaffId contactConcerns }',
        callerAs('mappa_unit', 'mappa_coordinator', 'MAPPA_MEETING'),
      );
      expect(meeting.errors).toBeUndefined();
      const reports = (meeting.data?._entities as { mappaFReports: { authorStaffId: string }[] | null }[]).flatMap(
        (v) => v.mappaFReports ?? [],
      );
      expect(reports.length).toBeGreaterThan(0);
      expect(reports.every((r) => r.authorStaffId.length > 0)).toBe(true);
    });

    it("B.23, B.49, OQ 4: at a meeting about the person that no report was written for, an attendee reads none of the person's MAPPA F reports", async () => {
      const person = sample().find((candidate) => latestReportMeeting(candidate) !== undefined)!;
      const query =
        'query($r: [_Any!]!) { _entities(representations: $r) { ... on Offender { pncId mappaFReports { meetingDate authorStaffId } } } }';
      const coordinator = callerAs('mappa_unit', 'mappa_coordinator', 'MAPPA_MEETING');
      const atItsMeeting = await post(
        query,
        { r: references([person]) },
        withMeetingEvidence(coordinator, person.pncId, { standing: 'COORDINATOR', meetingDate: latestReportMeeting(person)! }),
      );
      expect(atItsMeeting.errors).toBeUndefined();
      expect(atItsMeeting.data?._entities).toEqual([
        { pncId: person.pncId, mappaFReports: [{ meetingDate: latestReportMeeting(person), authorStaffId: expect.any(String) }] },
      ]);
      // Another day's meeting, or evidence that names no day: null, as for a person with no report.
      for (const evidence of [{ meetingDate: '2020-01-01' }, {}]) {
        const elsewhere = await post(
          query,
          { r: references([person]) },
          withMeetingEvidence(coordinator, person.pncId, { standing: 'COORDINATOR', ...evidence }),
        );
        expect(elsewhere).toEqual({ data: { _entities: [{ pncId: person.pncId, mappaFReports: null }] } });
      }
    });

    it("principle 4, principle 5: a duty-to-co-operate attendee at a MAPP meeting knows no prisoner without a grant, and reads nothing of the prison's with one", async () => {
      const dtc = callerAs('housing', 'dtc_attendee', 'MAPPA_MEETING');
      const FIELDS = 'pncId custody { inOutStatus } sentence { offences { code } } mappaFReports { contactConcerns }';
      // Issue 12 (A.R15, B.57): the records as a whole are `custodyRecord` and `sentenceRecord`.
      const expectedDenials = [
        'FORBIDDEN prison.custodyRecord _entities.custody',
        'FORBIDDEN prison.mappaFReportRecord _entities.mappaFReports',
        'FORBIDDEN prison.sentenceRecord _entities.sentence',
      ];
      const uninvited = await entities(FIELDS, dtc);
      expect(uninvited.data?._entities).toEqual(sample().map(() => null));
      expect(denials(uninvited.errors)).toEqual(expectedDenials);
      const invited = await entities(
        FIELDS,
        withCaseGrants(
          dtc,
          sample().map((p) => p.pncId),
        ),
      );
      expect(invited.data?._entities).toEqual(
        sample().map((p) => ({ pncId: p.pncId, custody: null, sentence: null, mappaFReports: null })),
      );
      expect(denials(invited.errors)).toEqual(expectedDenials);
    });

    it("B.57, C.34: a victim liaison officer cannot look a prisoner up by prison number: the scheme's items come with their victims' offender, not from a prison search", async () => {
      const person = inCustody[0]!;
      const result = await post(
        'query($n: ID!) { offenderByPrisonNumber(prisonNumber: $n) { pncId } }',
        { n: person.prisonNumber },
        callerAs('probation', 'victim_liaison_officer', 'CASE_MANAGEMENT'),
      );
      expect(result.data?.offenderByPrisonNumber).toBeNull();
      expect(denials(result.errors)).toEqual(['FORBIDDEN prison.prisonNumberLookup offenderByPrisonNumber']);
    });
  });
});

describe('issue 15: the prisoner and their sentence in one statement when the selection asks for both', () => {
  // Every prisoner the dataset seeds has a sentence: the first test removes one (the last in custody)
  // so that a prisoner without a sentence is read too (this describe is the file's last).
  const withSentence = inCustody.slice(0, 3);
  const withoutSentence = inCustody.slice(-1);
  const notHeld = people.filter((person) => person.prisonNumber === null).slice(0, 2);
  const heldKeys = [...withSentence, ...withoutSentence].map((person) => person.pncId);
  const VIEW =
    'query($r: [_Any!]!) { _entities(representations: $r) { ... on Offender { pncId custody { prisonNumber } sentence { conditionalReleaseDate } } } }';
  const IN_KENT: Caller = { ...PRISON_OFFENDER_MANAGER, principal: { ...PRISON_OFFENDER_MANAGER.principal, area: MappaArea.KENT } };
  const DTC: Caller = {
    principal: {
      issuer: TEST_ISSUER,
      staffId: 'HSG0001',
      agency: 'housing',
      roles: ['dtc_attendee'],
      area: MappaArea.LONDON,
      clearance: 'BPSS',
    },
    declaredPurpose: { purpose: 'MAPPA_MEETING', caseId: 'MTG-1' },
  };

  async function statementsOf(subjects: readonly { pncId: string }[], query: string = VIEW, caller: Caller = PRISON_OFFENDER_MANAGER) {
    subgraph.statements.reset();
    const result = await post(query, { r: references(subjects) }, caller);
    return { result, statements: subgraph.statements.count };
  }

  it('reads every prisoner and sentence exactly as the prisoner and sentence loaders do, in one statement, and the primed loaders send none', async () => {
    await database.connection.database().delete(sentenceTable).where(eq(sentenceTable.prisonNumber, withoutSentence[0]!.prisonNumber!));
    const keys = [...heldKeys, ...notHeld.map((person) => person.pncId), UNKNOWN_PNC_ID];
    const prisonNumbers = [...withSentence, ...withoutSentence].map((person) => person.prisonNumber!);
    const { rows: prisoners, companions: sentences } = await expectJoinedReadAsSeparate(
      (statements) => {
        const loaders = createPrisonLoaders(database.connection.database(statements));
        return { joined: loaders.prisonerWithSentence, rows: loaders.prisoner, companions: loaders.sentence };
      },
      keys,
      prisonNumbers,
    );
    // Both outcomes occur, or the comparison could not fail.
    expect(sentences.filter((sentence) => sentence !== null)).toHaveLength(withSentence.length);
    expect(sentences.filter((sentence) => sentence === null)).toHaveLength(withoutSentence.length);
    expect(prisoners.slice(heldKeys.length)).toEqual([null, null, null]);
  });

  it("the single offender view's prison request: one statement for the prisoner and the sentence (two before for a prisoner with one), one for custody alone", async () => {
    const both = await statementsOf([withSentence[0]!, withoutSentence[0]!, notHeld[0]!]);
    expect(both.result.errors).toBeUndefined();
    expect(both.result.data?._entities).toEqual([
      {
        pncId: withSentence[0]!.pncId,
        custody: { prisonNumber: withSentence[0]!.prisonNumber },
        sentence: { conditionalReleaseDate: expect.any(String) },
      },
      { pncId: withoutSentence[0]!.pncId, custody: { prisonNumber: withoutSentence[0]!.prisonNumber }, sentence: null },
      null,
    ]);
    expect(both.statements).toBe(1);
    const custodyOnly = 'query($r: [_Any!]!) { _entities(representations: $r) { ... on Offender { custody { prisonNumber } } } }';
    expect((await statementsOf([withSentence[0]!], custodyOnly)).statements).toBe(1);
  });

  it('principle 5: a duty-to-co-operate attendee at the meeting about the person gets no sentence from the one statement that read it', async () => {
    const subject = withSentence[0]!;
    subgraph.statements.reset();
    const result = await post(VIEW, { r: references([subject]) }, withMeetingEvidence(DTC, subject.pncId));
    expect(subgraph.statements.count).toBeLessThanOrEqual(1);
    const entity = (result.data?._entities as ({ sentence: unknown } | null)[])[0];
    expect(entity?.sentence ?? null).toBeNull();
    expect(result.errors?.every((error) => error.extensions?.code === 'FORBIDDEN')).toBe(true);
  });

  it('principle 2, principle 9: a prison offender manager of another area gets for a London prisoner with a sentence exactly the answer for an unknown PNC ID, in the same statements', async () => {
    const aboutPrisoner = await statementsOf([withSentence[0]!], VIEW, IN_KENT);
    const aboutUnknown = await statementsOf([{ pncId: UNKNOWN_PNC_ID }], VIEW, IN_KENT);
    expect(aboutPrisoner.result.data?._entities).toEqual([null]);
    expect(aboutPrisoner).toEqual(aboutUnknown);
  });
});
