import { addDays, daysBetween } from '@mappa/shared';
import type { Random, SyntheticPerson } from '@mappa/shared';
import type { SECURITY_CATEGORIES } from '../custody/custody-prisoner.table';

// The fixed vocabulary and date helpers the prison's builders share.

export type SecurityCategory = (typeof SECURITY_CATEGORIES)[number];

/** The prison confirms a release date 8 months before release (MAPPA Guidance ch. 15). */
export const RELEASE_CONFIRMATION_MONTHS = 8;

export const MAPPA_ALERT_TYPE = { type: 'P', typeDescription: 'MAPPA Case' } as const;
export const SECURITY_ALERT_TYPE = { type: 'X', typeDescription: 'Security' } as const;
// Offences whose victims are children: these people get a child contact restriction alert.
export const CHILD_VICTIM_OFFENCES = new Set(['SX03005', 'SX03020', 'SX03031']);
export const FEMALE_VICTIM_OFFENCES = new Set(['SX03001', 'SX03014']);

export const RULE_51_CHARGES = [
  ['51:1', 'Commits any assault'],
  ['51:4', 'Fights with any person'],
  ['51:9', 'Administers a controlled drug to himself or fails to prevent its administration by another'],
  ['51:12', 'Has in his possession any unauthorised article'],
  ['51:17', 'Intentionally or recklessly destroys or damages any part of a prison or any other property'],
  ['51:20', 'Uses threatening, abusive or insulting words or behaviour'],
  ['51:22', 'Disobeys any lawful order'],
  ['51:23', 'Disobeys or fails to comply with any rule or regulation applying to him'],
] as const;

export const PROGRAMMES: Record<SyntheticPerson['category'], readonly string[]> = {
  1: ['Kaizen', 'Horizon', 'iHorizon', 'Healthy Sex Programme', 'New Me Strengthening'],
  2: ['Kaizen', 'Thinking Skills Programme', 'Resolve', 'Building Choices'],
  3: ['Building Better Relationships', 'Resolve', 'Thinking Skills Programme'],
  4: ['Healthy Identity Intervention', 'Thinking Skills Programme'],
};

export const BEHAVIOUR_TEXTS = [
  'Synthetic: settled on the wing, works in the prison laundry and complies with the regime.',
  'Synthetic: attends education daily; staff describe polite but guarded engagement.',
  'Synthetic: holds a trusted orderly role; no security reports in the period.',
  'Synthetic: periods of non-compliance with the regime, managed through the incentives scheme.',
  'Synthetic: isolates himself from peers; keyworker sessions attended but superficial.',
] as const;

export const CONTACT_CONCERN_TEXTS = [
  'Synthetic: social visits requested by a person not on the approved contact list.',
  'Synthetic: PIN-phone calls to a number linked to a previous victim were blocked.',
  'Synthetic: letters received from an associate named in the index offence.',
  'Synthetic: attempts to contact a child through a third party on the phone system.',
] as const;

export const RISK_FACTOR_TEXTS = [
  'Synthetic: minimises the index offence; hostile attitudes to women seen in wing interactions.',
  'Synthetic: impulsive reactions to frustration; two verbal confrontations with staff.',
  'Synthetic: continued interest in extremist material noted by security.',
  'Synthetic: seeks control in relationships with vulnerable peers.',
  'Synthetic: substance misuse in custody suggests a return to use on release.',
] as const;

export const ROTL_PURPOSES = [
  'Synthetic: unpaid work placement at a community project',
  'Synthetic: accommodation appointment ahead of release',
  'Synthetic: job interview arranged by the employment hub',
  'Synthetic: appointment with the community offender manager',
] as const;

export function minDate(a: string, b: string): string {
  return a < b ? a : b;
}

export function maxDate(a: string, b: string): string {
  return a > b ? a : b;
}

/** A day in [from, to]; `from` itself when the window is empty. */
export function dateBetween(random: Random, from: string, to: string): string {
  return to <= from ? from : addDays(from, random.int(0, daysBetween(from, to)));
}

export function atUtc(day: string, hour: number): Date {
  return new Date(`${day}T${String(hour).padStart(2, '0')}:00:00Z`);
}
