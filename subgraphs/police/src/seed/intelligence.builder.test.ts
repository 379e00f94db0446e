import { DEFAULT_AS_OF, Random, syntheticPerson } from '@mappa/shared';
import type { SyntheticDatasetOptions } from '@mappa/shared';
import { buildIntelligenceItems, originatorsOf } from './intelligence.builder';

// Issue 13: `npm run seed` is deterministic. The originators' sharing agreements were the one police
// row whose key came from the table's random default, so two seeds of one dataset differed there.
const DATASET: SyntheticDatasetOptions = { seed: 7, asOf: DEFAULT_AS_OF };
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-8[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

function agreementsOfDataset() {
  return Array.from({ length: 300 }, (_, index) => {
    const person = syntheticPerson(index, DATASET);
    const items = buildIntelligenceItems(new Random(DATASET.seed, index, 'police-intelligence-test'), person, DATASET.asOf);
    return originatorsOf(person, items, DATASET);
  }).flat();
}

describe('the synthetic intelligence sharing agreements', () => {
  it('have the same ids in every seed of the same dataset, each a well-formed UUID and none repeated', () => {
    const first = agreementsOfDataset();
    const second = agreementsOfDataset();
    expect(first.length).toBeGreaterThan(0);
    expect(second.map((agreement) => agreement.agreementId)).toEqual(first.map((agreement) => agreement.agreementId));
    for (const agreement of first) expect(agreement.agreementId).toMatch(UUID);
    expect(new Set(first.map((agreement) => agreement.agreementId)).size).toBe(first.length);
  });
});
