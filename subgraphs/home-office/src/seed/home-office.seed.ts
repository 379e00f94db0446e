import { insertInChunks, isNotifiedForeignNational, Random } from '@mappa/shared';
import type { Database, SubgraphSeed, SyntheticDatasetOptions, SyntheticPerson } from '@mappa/shared';
import { detentionDecisionTable } from '../detention-decision/detention-decision.table';
import { detentionTable } from '../detention/detention.table';
import { immigrationCaseTable } from '../immigration-case/immigration-case.table';
import { ircSuitabilityTable } from '../irc-suitability/irc-suitability.table';
import { buildIrcTransferDecision, buildTimeServedDetention } from './detention.builder';
import { isSentenced } from './home-office-catalogue';
import { buildImmigrationCase } from './immigration-case.builder';
import { buildCustodyAssessment, buildTimeServedAssessment, ircJudgementOf } from './irc-suitability.builder';

/**
 * The Home Office's records for a batch of synthetic people (issue 14): an immigration case for every
 * foreign national the prison notified (`isNotifiedForeignNational`, C.70). Those still in prison
 * custody are assessed for an IRC as release nears (seed 000 §4) and some have a decision on transfer
 * pending; time-served ones were mostly detained in an IRC on release. Each record kind has its
 * builder (`*.builder.ts`); this only calls them in the order they draw from the person's Home Office
 * stream (the order is the data), a stream of its own, so no other agency's data moves.
 */
export async function seedHomeOffice(db: Database, people: readonly SyntheticPerson[], dataset: SyntheticDatasetOptions): Promise<void> {
  const { asOf } = dataset;
  const cases: (typeof immigrationCaseTable.$inferInsert)[] = [];
  const detentions: (typeof detentionTable.$inferInsert)[] = [];
  const assessments: (typeof ircSuitabilityTable.$inferInsert)[] = [];
  const decisions: (typeof detentionDecisionTable.$inferInsert)[] = [];

  for (const person of people) {
    if (!isNotifiedForeignNational(person) || !isSentenced(person)) continue;
    const random = new Random(dataset.seed, person.index, 'home-office');
    cases.push(buildImmigrationCase(person));
    const judgement = ircJudgementOf(random, person);
    if (person.supervision === 'CUSTODY') {
      const assessment = buildCustodyAssessment(random, person, asOf, judgement);
      if (assessment === null) continue;
      assessments.push(assessment);
      const decision = buildIrcTransferDecision(random, person, asOf);
      if (decision) decisions.push(decision);
      continue;
    }
    assessments.push(buildTimeServedAssessment(random, person, judgement));
    const { detention, decision } = buildTimeServedDetention(random, person, asOf);
    if (detention) detentions.push(detention);
    if (decision) decisions.push(decision);
  }

  await insertInChunks(db, immigrationCaseTable, cases);
  await Promise.all([
    insertInChunks(db, detentionTable, detentions),
    insertInChunks(db, ircSuitabilityTable, assessments),
    insertInChunks(db, detentionDecisionTable, decisions),
  ]);
}

/** How the Home Office's synthetic data is written, cleared (detentions, assessments and decisions go with their case) and recognised. */
export const homeOfficeSeed: SubgraphSeed = {
  write: seedHomeOffice,
  tables: [immigrationCaseTable],
  seededWhenRowsIn: immigrationCaseTable,
};
