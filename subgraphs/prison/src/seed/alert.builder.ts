import { addDays } from '@mappa/shared';
import type { Random, SyntheticPerson } from '@mappa/shared';
import type { prisonAlertTable } from '../alert/prison-alert.table';
import { CHILD_VICTIM_OFFENCES, dateBetween, FEMALE_VICTIM_OFFENCES, MAPPA_ALERT_TYPE, SECURITY_ALERT_TYPE } from './prison-catalogue';
import type { SecurityCategory } from './prison-catalogue';

export type AlertInsert = typeof prisonAlertTable.$inferInsert;

/** NOMIS alerts for one prisoner: the MAPPA level first, then offence, security and welfare flags. */
export function pushAlerts(
  alerts: AlertInsert[],
  random: Random,
  person: SyntheticPerson,
  context: {
    prisonNumber: string;
    receptionDate: string;
    custodyEnd: string;
    securityCategory: SecurityCategory;
    provedAssault: boolean;
    asOf: string;
  },
): void {
  const { prisonNumber, receptionDate, custodyEnd, asOf } = context;
  const alert = (fields: Omit<AlertInsert, 'prisonNumber' | 'expired' | 'active' | 'expiryDate'> & { expiryDate?: string | null }) => {
    const expiryDate = fields.expiryDate ?? null;
    const expired = expiryDate !== null && expiryDate <= asOf;
    alerts.push({ prisonNumber, ...fields, expiryDate, expired, active: !expired });
  };

  // The prison records the level the lead agency gives it; a level change expires the old alert.
  const previousLevel = person.level >= 2 ? (random.chance(0.3) ? person.level - 1 : null) : random.chance(0.1) ? 2 : null;
  let levelSince = person.mappaStartDate;
  if (previousLevel !== null) {
    const changed = dateBetween(random, addDays(person.mappaStartDate, 30), addDays(asOf, -7));
    alert({
      ...MAPPA_ALERT_TYPE,
      code: `P${previousLevel}`,
      codeDescription: `MAPPA Level ${previousLevel}`,
      comment: `Synthetic: MAPPA level ${previousLevel} notified by the lead agency.`,
      createdDate: person.mappaStartDate,
      expiryDate: changed,
    });
    levelSince = changed;
  }
  alert({
    ...MAPPA_ALERT_TYPE,
    code: `P${person.level}`,
    codeDescription: `MAPPA Level ${person.level}`,
    comment: `Synthetic: MAPPA category ${person.category}, level ${person.level}, confirmed by the lead agency.`,
    createdDate: levelSince,
  });

  if (person.category === 4) {
    alert({
      ...SECURITY_ALERT_TYPE,
      code: 'XTACT',
      codeDescription: 'Terrorism Act or Related Offence',
      comment: 'Synthetic: convicted under terrorism legislation; counter-terrorism unit informed.',
      createdDate: receptionDate,
    });
  }
  if (CHILD_VICTIM_OFFENCES.has(person.offence.code)) {
    alert({
      type: 'C',
      typeDescription: 'Child Communication Measures',
      code: 'C1',
      codeDescription: 'L1 Restriction No contact with any child',
      comment: 'Synthetic: no contact with any child by visits, mail or phone.',
      createdDate: addDays(receptionDate, random.int(0, 14)),
    });
  }
  if (FEMALE_VICTIM_OFFENCES.has(person.offence.code) && random.chance(0.3)) {
    alert({
      ...SECURITY_ALERT_TYPE,
      code: 'XRF',
      codeDescription: 'Risk to Females',
      comment: 'Synthetic: risk to female staff and visitors.',
      createdDate: addDays(receptionDate, random.int(0, 60)),
    });
  }
  if (context.securityCategory === 'A' && random.chance(0.5)) {
    alert({
      ...SECURITY_ALERT_TYPE,
      code: 'XEL',
      codeDescription: 'Escape List',
      comment: 'Synthetic: placed on the escape list after a security review.',
      createdDate: dateBetween(random, receptionDate, custodyEnd),
    });
  } else if (context.securityCategory === 'B' && random.chance(0.1)) {
    alert({
      ...SECURITY_ALERT_TYPE,
      code: 'XER',
      codeDescription: 'Escape Risk',
      comment: 'Synthetic: intelligence suggests escape planning.',
      createdDate: dateBetween(random, receptionDate, custodyEnd),
    });
  }
  if (context.provedAssault && random.chance(0.5)) {
    alert({
      ...SECURITY_ALERT_TYPE,
      code: 'XSA',
      codeDescription: 'Staff Assaulter',
      comment: 'Synthetic: proven assault on a member of staff.',
      createdDate: dateBetween(random, receptionDate, custodyEnd),
    });
  }
  if (random.chance(0.06)) {
    // An ACCT plan closes when the risk of self-harm has reduced, or at release.
    const opened = dateBetween(random, receptionDate, addDays(custodyEnd, -1));
    const closed = addDays(opened, random.int(14, 90));
    alert({
      type: 'H',
      typeDescription: 'Self Harm',
      code: 'HA',
      codeDescription: 'ACCT Open (HMPS)',
      comment: 'Synthetic: ACCT opened after concerns raised by wing staff.',
      createdDate: opened,
      expiryDate: closed <= custodyEnd ? closed : custodyEnd === asOf ? null : custodyEnd,
    });
  }
}
