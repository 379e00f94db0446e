import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { disclosureTriggersSql } from '@mappa/shared';
import { DisclosureSql, migrationsTemplate, openTestDatabase } from '@mappa/testing';
import type { TestDatabase } from '@mappa/testing';
import { probationSubgraph } from '../index';

// Issue 11, B §2 "Level 1": the probation service holds its own level 1 disclosure decisions, and its database
// holds the same state machine as the MAPPA unit's (the shared disclosure_rules, tested in full in the
// mappa subgraph): here, that the migration is exactly that definition and that the triggers work in this schema.

let database: TestDatabase;
let d: DisclosureSql;

beforeAll(async () => {
  database = await openTestDatabase(migrationsTemplate(probationSubgraph.migrationsFolder, probationSubgraph.schema));
  d = new DisclosureSql(database.connection.database(), 'probation');
});

afterAll(async () => {
  await database.drop();
});

it('issue 11: the probation disclosure_rules migration is exactly the shared definition for the probation schema', () => {
  expect(readFileSync(join(probationSubgraph.migrationsFolder, '0003_disclosure_rules.sql'), 'utf8')).toBe(
    disclosureTriggersSql('probation'),
  );
});

it('B §2, B.8, B.15: a level 1 decision goes PROPOSED → CONSULTING → DECIDED → MADE only with its agreements, and then never changes', async () => {
  const { decisionId } = await d.readyToDecide({ level: 1 });
  const victimItem = await d.item(decisionId, { victimIdentifying: true });
  await d.agreement(decisionId, victimItem, 'OWNER');
  expect(await d.refusal(d.decide(decisionId, 'DISCLOSE'))).toMatchObject({ code: '23001', message: expect.stringMatching(/B\.15/) });
  await d.agreement(decisionId, victimItem, 'VICTIM_LIAISON');
  await d.run(d.decide(decisionId, 'DISCLOSE'));
  await d.run(d.make(decisionId, '<html>level 1</html>'));
  expect(await d.status(decisionId)).toBe('MADE');
  expect(await d.refusal(d.withdraw(decisionId))).toMatchObject({
    code: '23001',
    message: expect.stringMatching(/MADE disclosure decision never changes/),
  });
});
