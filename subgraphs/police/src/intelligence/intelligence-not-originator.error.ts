import { ERROR_CODES } from '@mappa/shared';
import { GraphQLError } from 'graphql';

/**
 * An officer who may know the item (it is in their row scope, so its summary already tells them it
 * exists) but whose force did not originate it: only the originating force agrees to share its
 * intelligence, or withdraws that agreement (principle 4, principle 10).
 */
export class NotOriginatorError extends GraphQLError {
  constructor() {
    super('Only a police officer of the force that originated this intelligence item may record or withdraw an agreement to share it.', {
      extensions: { code: ERROR_CODES.FORBIDDEN.code, reason: 'NOT_ORIGINATING_FORCE' },
    });
  }
}
