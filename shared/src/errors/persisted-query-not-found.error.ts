import { GraphQLError } from 'graphql';
import { ERROR_CODES } from './error-codes';

/**
 * The document id (`documentId`, or the persisted-query extension's `sha256Hash`) names no registered
 * document (HTTP 400). Clients may not register documents at run time, so sending the text as well
 * does not help: the document must be added to the manifest the gateway is deployed with.
 */
export class PersistedQueryNotFoundError extends GraphQLError {
  constructor() {
    super('No registered document has this id.', {
      extensions: { code: ERROR_CODES.PERSISTED_QUERY_NOT_FOUND.code, http: { status: 400 } },
    });
  }
}
