import { MappaArea } from '@mappa/shared';
import { TEST_ISSUER, withMeetingEvidence } from '@mappa/testing';
import type { Caller, Principal } from '@mappa/shared';
import { mappaLevelOne, mappaLevelTwoOrThree, reportForDeclaredMeeting, writingEstablishment } from './offender-record.conditions';

// The request's date a predicate is given; these conditions do not depend on it.
const TODAY = '2026-06-16';

// The prison's own record conditions, predicate by predicate: each holds exactly where its rule says
// and answers false on anything it does not recognise (deny by default).

const caller = (
  principal: Partial<Principal>,
  purpose: Caller['declaredPurpose'] = { purpose: 'CASE_MANAGEMENT', caseId: null },
): Caller => ({
  principal: {
    issuer: TEST_ISSUER,
    staffId: 'TEST0001',
    agency: 'police',
    roles: ['ppu_officer'],
    area: MappaArea.LONDON,
    clearance: 'SC',
    ...principal,
  },
  declaredPurpose: purpose,
});

const officer = caller({});
const pom = (establishment?: string) =>
  caller({ agency: 'prison', roles: ['prison_offender_manager'], ...(establishment ? { establishment } : {}) });

describe('mappaLevelOne, mappaLevelTwoOrThree (B.60, B.51): the level the prison records', () => {
  it('B.60: level 1 only, on the level the record carries', () => {
    expect([1, 2, 3].map((recordedMappaLevel) => mappaLevelOne({ recordedMappaLevel }, officer, TODAY))).toEqual([true, false, false]);
  });

  it('B.51: level 2 or 3 only', () => {
    expect([1, 2, 3].map((recordedMappaLevel) => mappaLevelTwoOrThree({ recordedMappaLevel }, officer, TODAY))).toEqual([
      false,
      true,
      true,
    ]);
  });

  it('principle 1: no recorded level, a level of another type, or no record decides false', () => {
    for (const record of [{ recordedMappaLevel: null }, { recordedMappaLevel: '1' }, { pncId: '2008/0545166T' }, null, undefined, 1]) {
      expect([mappaLevelOne(record, officer, TODAY), mappaLevelTwoOrThree(record, officer, TODAY)]).toEqual([false, false]);
    }
  });
});

describe('writingEstablishment (B.49): the MAPPA F report of the establishment that wrote it', () => {
  const report = { establishmentCode: 'WDI', meetingDate: '2026-09-01' };

  it("B.49: the POM whose token names the writing establishment, not another establishment's", () => {
    expect(writingEstablishment(report, pom('WDI'), TODAY)).toBe(true);
    expect(writingEstablishment(report, pom('LEI'), TODAY)).toBe(false);
    // The person (no report at all) is not a report of the establishment: null, never an empty list.
    expect(writingEstablishment({ pncId: '2008/0545166T' }, pom('WDI'), TODAY)).toBe(false);
  });

  it('A.R5: a POM whose token names no establishment keeps area scope, as for every prison record', () => {
    expect(writingEstablishment(report, pom(), TODAY)).toBe(true);
  });

  it('principle 1: never for anyone outside the prison service, and never on no record', () => {
    expect(writingEstablishment(report, officer, TODAY)).toBe(false);
    expect(writingEstablishment(null, pom('WDI'), TODAY)).toBe(false);
  });
});

describe('reportForDeclaredMeeting (B.23, B.49, OQ 4): the report written for the declared meeting', () => {
  const report = { establishmentCode: 'WDI', meetingDate: '2026-09-01' };
  const atMeeting = (meetingDate?: string) =>
    withMeetingEvidence(
      caller({}, { purpose: 'MAPPA_MEETING', caseId: 'MTG-1' }),
      '2008/0545166T',
      meetingDate === undefined ? {} : { meetingDate },
    );

  it("B.23: the meeting of the report's date, and no other", () => {
    expect(reportForDeclaredMeeting(report, atMeeting('2026-09-01'), TODAY)).toBe(true);
    expect(reportForDeclaredMeeting(report, atMeeting('2026-05-12'), TODAY)).toBe(false);
  });

  it('principle 1: evidence that names no day, another purpose, or no report decides false', () => {
    expect(reportForDeclaredMeeting(report, atMeeting(), TODAY)).toBe(false);
    expect(
      reportForDeclaredMeeting(
        report,
        { ...atMeeting('2026-09-01'), declaredPurpose: { purpose: 'CASE_MANAGEMENT', caseId: null } },
        TODAY,
      ),
    ).toBe(false);
    expect(reportForDeclaredMeeting({ pncId: '2008/0545166T' }, atMeeting('2026-09-01'), TODAY)).toBe(false);
    expect(reportForDeclaredMeeting(null, atMeeting('2026-09-01'), TODAY)).toBe(false);
  });
});
