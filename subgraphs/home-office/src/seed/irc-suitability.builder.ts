import { addDays, daysBetween, RiskLevel } from '@mappa/shared';
import type { Random, SyntheticPerson } from '@mappa/shared';
import type { ircSuitabilityTable } from '../irc-suitability/irc-suitability.table';
import type { SentencedPerson } from './home-office-catalogue';

type AssessmentInsert = typeof ircSuitabilityTable.$inferInsert;

/** Who assesses the person for an IRC, and whether the risk is too high for one (level 3, very high RoSH, a few others). */
export interface IrcJudgement {
  readonly tooRisky: boolean;
  readonly assessor: string;
}

/** The person's IRC judgement: drawn for everyone with a case, whether or not an assessment follows. */
export function ircJudgementOf(random: Random, person: SyntheticPerson): IrcJudgement {
  const tooRisky = person.level === 3 || person.roshLevel === RiskLevel.VERY_HIGH || random.chance(0.1);
  return { tooRisky, assessor: `DEPMU${String(random.int(1, 12)).padStart(3, '0')}` };
}

/** Seed 000 §4: someone still in prison custody is assessed for transfer to an IRC as the end of custody nears (and some earlier). */
export function buildCustodyAssessment(
  random: Random,
  person: SentencedPerson,
  asOf: string,
  judgement: IrcJudgement,
): AssessmentInsert | null {
  if (!(daysBetween(asOf, person.sentence.conditionalReleaseDate) <= 270 || random.chance(0.3))) return null;
  return {
    pncId: person.pncId,
    assessedDate: addDays(asOf, -random.int(5, 150)),
    outcome: judgement.tooRisky ? 'UNSUITABLE_REMAIN_IN_PRISON' : 'SUITABLE_FOR_IRC',
    mappaLevelConsidered: person.level,
    assessedByStaffId: judgement.assessor,
  };
}

/** Someone released from prison at the end of custody was found suitable for an IRC before it. */
export function buildTimeServedAssessment(random: Random, person: SentencedPerson, judgement: IrcJudgement): AssessmentInsert {
  return {
    pncId: person.pncId,
    assessedDate: addDays(person.sentence.conditionalReleaseDate, -random.int(20, 120)),
    outcome: 'SUITABLE_FOR_IRC',
    mappaLevelConsidered: person.level,
    assessedByStaffId: judgement.assessor,
  };
}
