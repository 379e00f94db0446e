import { GraphQLError } from 'graphql';
import { ERROR_CODES } from './error-codes';

/**
 * The gateway runs only the documents its front-end teams registered (trusted documents), and this
 * caller sent another one: send the registered document's id instead (HTTP 400).
 */
export class TrustedDocumentRequiredError extends GraphQLError {
  constructor() {
    super('This gateway runs registered (trusted) documents only: send the document\'s id as "documentId", not its text.', {
      extensions: { code: ERROR_CODES.TRUSTED_DOCUMENT_REQUIRED.code, http: { status: 400 } },
    });
  }
}
