import { GraphQLError } from 'graphql';
import { ERROR_CODES } from './error-codes';

/** The operation limits a document is measured against, by the name a refusal gives each. */
export const OPERATION_LIMIT_NAMES = [
  'maxBytes',
  'maxTokens',
  'maxDepth',
  'maxAliases',
  'maxRootFields',
  'maxDirectives',
  'maxFields',
  'maxCost',
  'maxRecords',
] as const;

export type OperationLimitName = (typeof OPERATION_LIMIT_NAMES)[number];

/**
 * The document asks for more work than the gateway's operation limits allow, so it is refused whole
 * (HTTP 400) before it is validated, planned, authorized or run. Names the limit, its maximum and what
 * was measured, so a client can tell what to split or trim; neither is a secret (the limits are
 * documented) and neither says anything about the data.
 */
export class OperationTooComplexError extends GraphQLError {
  constructor(limit: OperationLimitName, max: number, measured: number) {
    super(`The operation is too complex: ${limit} is ${max}, this operation measures ${measured}.`, {
      extensions: { code: ERROR_CODES.OPERATION_TOO_COMPLEX.code, limit, max, measured, http: { status: 400 } },
    });
  }
}
