import type { DisclosureHolderRules, ItemSourceAgency } from '@mappa/shared';
import { meetingById } from '../meeting/meeting.query';
import { MEETING_PACK_FIELDS } from '../meeting-pack/meeting-pack-fields.generated';
import { mappaDisclosureStatements } from './disclosure-workflow.query';

/*
 * The MAPPA unit's rules for the level 2/3 decisions it holds: the decision is the meeting's, so its
 * decision maker is the chair recorded on that meeting (B.7: the chair decides), and the area's
 * co-ordinator is a party to every decision of the area.
 */

/** The data owner a policy name's prefix names (`police.identityNames` → police; the MAPPA unit's are `mappa.…`). */
const OWNER_OF_POLICY_PREFIX: Readonly<Record<string, ItemSourceAgency>> = {
  police: 'police',
  probation: 'probation',
  prison: 'prison',
  yot: 'yot',
  mappa: 'mappa_unit',
};

/**
 * The owner of each field a meeting sees of its subject, from the list `npm run schema:generate` writes
 * from the composed supergraph (the owners' own policies): a RECORD_FIELD item quotes one of these, and
 * its owner is the agency whose policy guards it.
 */
const FIELD_OWNERS: ReadonlyMap<string, ItemSourceAgency> = new Map(
  MEETING_PACK_FIELDS.flatMap((field) => {
    const owner = OWNER_OF_POLICY_PREFIX[field.policy.split('.')[0] ?? ''];
    return owner ? [[field.coordinate, owner] as const] : [];
  }),
);

export const mappaDisclosureRules: DisclosureHolderRules = {
  holder: 'MAPPA',
  statements: mappaDisclosureStatements,
  // B.7: the chair recorded on the decision's meeting decides.
  meetingChairOf: async (db, decision) => {
    if (decision.meetingId === null) return null;
    const meeting = await meetingById(db, decision.meetingId);
    return meeting ? { staffId: meeting.chairStaffId, issuer: meeting.chairIssuer } : null;
  },
  fieldOwnedBy: (coordinate, sourceAgency) => FIELD_OWNERS.get(coordinate) === sourceAgency,
};
