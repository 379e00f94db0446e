import { childSafeguardsOf, meetingAccessDays, subjectIsChildOn } from './meeting.rules';
import type { ChildSafeguardFacts } from './meeting.rules';

// The children rule (A.R25, B.10) and the invitation access period, over plain facts.

const MEETING_DAY = new Date('2026-12-10T10:00:00Z');
const invitation = (
  inviteeAgency: ChildSafeguardFacts['invitations'][number]['inviteeAgency'],
  extra: Partial<ChildSafeguardFacts['invitations'][number]> = {},
) => ({ inviteeAgency, withdrawnAt: null, consultedAt: null, ...extra });
const facts = (overrides: Partial<ChildSafeguardFacts>): ChildSafeguardFacts => ({
  subjectDateOfBirth: '2010-05-01',
  scheduledFor: MEETING_DAY,
  invitations: [],
  attendance: [],
  ...overrides,
});

describe('the children rule (A.R25, B.10)', () => {
  it('A.R25: age is taken on the meeting day in England and Wales; the 18th birthday is adult; an unknown date of birth is a child', () => {
    expect(subjectIsChildOn('2008-12-10', MEETING_DAY)).toBe(false);
    expect(subjectIsChildOn('2008-12-11', MEETING_DAY)).toBe(true);
    expect(subjectIsChildOn(null, MEETING_DAY)).toBe(true);
    // 23:30 UTC on 10 June is 00:30 on 11 June in London (BST): already the 18th birthday there.
    expect(subjectIsChildOn('2008-06-11', new Date('2026-06-10T23:30:00Z'))).toBe(false);
  });

  it("A.R25: an adult's meeting needs nothing", () => {
    expect(childSafeguardsOf(facts({ subjectDateOfBirth: '1980-01-01' }))).toEqual({
      child: false,
      notInvited: [],
      notAttendingOrConsulted: [],
    });
  });

  it("A.R25, B.10: a child's meeting lists the YOT and children's services until each is invited, then until each attends or is consulted", () => {
    expect(childSafeguardsOf(facts({}))).toEqual({
      child: true,
      notInvited: ['yot', 'children_social_care'],
      notAttendingOrConsulted: ['yot', 'children_social_care'],
    });
    const invited = [invitation('yot'), invitation('children_social_care')];
    expect(childSafeguardsOf(facts({ invitations: invited }))).toMatchObject({
      notInvited: [],
      notAttendingOrConsulted: ['yot', 'children_social_care'],
    });
    expect(
      childSafeguardsOf(
        facts({
          invitations: [invitation('yot'), invitation('children_social_care', { consultedAt: MEETING_DAY })],
          attendance: [{ agency: 'yot' }],
        }),
      ),
    ).toMatchObject({ notInvited: [], notAttendingOrConsulted: [] });
  });

  it('B.10: a withdrawn invitation neither invites nor consults', () => {
    const withdrawn = invitation('children_social_care', { withdrawnAt: MEETING_DAY, consultedAt: MEETING_DAY });
    expect(childSafeguardsOf(facts({ invitations: [invitation('yot'), withdrawn], attendance: [{ agency: 'yot' }] }))).toMatchObject({
      notInvited: ['children_social_care'],
      notAttendingOrConsulted: ['children_social_care'],
    });
  });

  it("B.10: another agency's attendance does not stand in for the YOT or children's services", () => {
    expect(
      childSafeguardsOf(
        facts({
          invitations: [invitation('yot'), invitation('children_social_care')],
          attendance: [{ agency: 'health' }, { agency: 'police' }],
        }),
      ),
    ).toMatchObject({
      notAttendingOrConsulted: ['yot', 'children_social_care'],
    });
  });
});

describe('MEETING_ACCESS_DAYS', () => {
  it('is 28 days by default, configurable from 1 to 90, and refuses anything else', () => {
    expect(meetingAccessDays({})).toBe(28);
    expect(meetingAccessDays({ MEETING_ACCESS_DAYS: '14' })).toBe(14);
    expect(() => meetingAccessDays({ MEETING_ACCESS_DAYS: '0' })).toThrow();
    expect(() => meetingAccessDays({ MEETING_ACCESS_DAYS: '91' })).toThrow();
    expect(() => meetingAccessDays({ MEETING_ACCESS_DAYS: 'four weeks' })).toThrow();
  });
});
