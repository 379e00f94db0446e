import { parse, validate } from 'graphql';
import { readSupergraphPolicies } from '../authorization/supergraph-policies';
import { DEFAULT_OPERATION_LIMITS, OperationLimiter } from '../documents/operation-limits';
import { readSupergraph } from '../supergraph';
import { DISCLOSURE_DOCUMENT_OPERATIONS, disclosureDocumentOperation } from './disclosure-document-route';

// The route runs these texts whatever a client sends: if the committed supergraph stopped
// answering one of them (a renamed field, a removed argument), a holder's page would break in
// production, so each one is checked against it here, and against the limits every document meets.
const { schema } = readSupergraphPolicies(readSupergraph());

describe("the disclosure document route's built-in operations", () => {
  it("one per holder, each reading that holder's preview field: html and its SHA-256, nothing else", () => {
    expect(DISCLOSURE_DOCUMENT_OPERATIONS.map((operation) => operation.field)).toEqual([
      'disclosurePreview',
      'probationDisclosurePreview',
      'policeDisclosurePreview',
    ]);
    expect(disclosureDocumentOperation('POLICE').query).toBe(
      'query PoliceDisclosureDocument($decisionId: ID!) { policeDisclosurePreview(decisionId: $decisionId) { html contentSha256 } }',
    );
    expect(new Set(DISCLOSURE_DOCUMENT_OPERATIONS.map((operation) => operation.operationName)).size).toBe(3);
  });

  it.each(DISCLOSURE_DOCUMENT_OPERATIONS.map((operation) => [operation.operationName, operation] as const))(
    '%s is valid against the committed supergraph and within the default operation limits',
    (_name, operation) => {
      expect(validate(schema, parse(operation.query))).toEqual([]);
      expect(() =>
        new OperationLimiter(schema, DEFAULT_OPERATION_LIMITS).enforce(operation.query, { decisionId: 'DSC-MAPPA-X' }),
      ).not.toThrow();
    },
  );
});
