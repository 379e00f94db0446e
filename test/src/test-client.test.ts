import { checkGatewayDocument, checkSubgraphDocument, InvalidTestDocumentError, postGraphQL, postRawGraphQL } from '@mappa/testing';
import { FIVE_AGENCY_VIEW, README_EXAMPLE_QUERY } from '@mappa/shared';

// Issue 14: the tests' GraphQL client checks each document against the committed schemas before it
// sends it, so a test asking for a field the schema no longer has fails with GraphQL's message instead
// of reading `undefined` from an answer that only carries errors.

// Nothing listens here: a document the client lets through fails with a connection error instead.
const NOWHERE = 'http://127.0.0.1:9/graphql';

describe("the tests' GraphQL client", () => {
  it("accepts the product's own operations against the committed supergraph's API schema", () => {
    expect(() => checkGatewayDocument(README_EXAMPLE_QUERY)).not.toThrow();
    expect(() => checkGatewayDocument(FIVE_AGENCY_VIEW)).not.toThrow();
  });

  it('refuses, before sending, a document naming a field the supergraph does not have, with the validation message', async () => {
    const removed = '{ offenders(first: 1) { totalCount edges { node { pncId shoeSize } } } }';
    await expect(postGraphQL(NOWHERE, removed)).rejects.toThrow(InvalidTestDocumentError);
    await expect(postGraphQL(NOWHERE, removed)).rejects.toThrow('Cannot query field "shoeSize" on type "Offender".');
    expect(() => checkGatewayDocument('{ offenders(first: 1) { totalCount }')).toThrow('Syntax Error');
  });

  it('sends an unchecked document only through the raw path', async () => {
    await expect(postRawGraphQL(NOWHERE, '{ shoeSize }')).rejects.toThrow('fetch failed');
  });

  it("checks a subgraph's documents against that subgraph's committed SDL, its federation fields included", () => {
    expect(() => checkSubgraphDocument('police', '{ _service { sdl } offender(pncId: "2008/0545166T") { pncId } }')).not.toThrow();
    expect(() => checkSubgraphDocument('police', '{ offender(pncId: "2008/0545166T") { mappaCase { level } } }')).toThrow(
      'Cannot query field "mappaCase" on type "Offender".',
    );
  });
});
