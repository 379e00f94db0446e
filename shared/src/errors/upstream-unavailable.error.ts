import { GraphQLError } from 'graphql';
import { ERROR_CODES } from './error-codes';

/** An agency's subgraph could not be reached in time; the rest of the answer still stands. */
export class UpstreamUnavailableError extends GraphQLError {
  constructor(agency: string) {
    super(`The ${agency} service is unavailable; its data is missing from this response.`, {
      extensions: { code: ERROR_CODES.UPSTREAM_UNAVAILABLE.code, agency },
    });
  }
}
