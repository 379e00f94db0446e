import { addDays, addMonths } from '@mappa/shared';
import type { Random, SyntheticPerson } from '@mappa/shared';
import type { civilOrderTable } from '../civil-order/civil-order.table';
import { SHPO_CONDITIONS } from './police-catalogue';

type CivilOrderInsert = typeof civilOrderTable.$inferInsert;

/** About a third of registered sex offenders get a SHPO (rarely a SOPO) at conviction. */
export function buildOrderAtConviction(random: Random, person: SyntheticPerson): CivilOrderInsert | null {
  if (!random.chance(0.35)) return null;
  return {
    pncId: person.pncId,
    type: random.chance(0.85) ? 'SHPO' : 'SOPO',
    court: `${person.address.town} Crown Court`,
    madeDate: person.offence.convictionDate,
    startDate: person.offence.convictionDate,
    endDate: random.chance(0.5) ? null : addMonths(person.offence.convictionDate, 12 * random.int(5, 15)),
    conditions: SHPO_CONDITIONS.filter(() => random.chance(0.6)),
  };
}

/** Some category 3 offenders are under a sexual risk order, made on police application in the last two years. */
export function buildSexualRiskOrder(random: Random, person: SyntheticPerson, asOf: string): CivilOrderInsert | null {
  if (person.category !== 3 || !random.chance(0.2)) return null;
  return {
    pncId: person.pncId,
    type: 'SRO',
    court: `${person.address.town} Magistrates' Court`,
    madeDate: addDays(asOf, -random.int(30, 700)),
    startDate: addDays(asOf, -random.int(1, 29)),
    endDate: addMonths(asOf, 24),
    conditions: [SHPO_CONDITIONS[0]],
  };
}
