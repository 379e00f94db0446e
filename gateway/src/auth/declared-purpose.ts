import type { IncomingHttpHeaders } from 'node:http';
import { BadUserInputError, declaredPurposeSchema } from '@mappa/shared';
import type { DeclaredPurpose } from '@mappa/shared';

export const PURPOSE_HEADER = 'x-mappa-purpose';
export const CASE_HEADER = 'x-mappa-case';

/** The purpose the request declares in its headers, or BAD_USER_INPUT saying what is missing. */
export function declaredPurposeFrom(headers: IncomingHttpHeaders): DeclaredPurpose {
  const purpose = headers[PURPOSE_HEADER];
  const caseId = headers[CASE_HEADER];
  if (purpose === undefined) {
    throw new BadUserInputError(
      `Declare why you are asking: send the ${PURPOSE_HEADER} header.`,
      [{ path: PURPOSE_HEADER, message: 'required' }],
      { wholeRequest: true },
    );
  }
  const result = declaredPurposeSchema.safeParse({ purpose, caseId: caseId === undefined || caseId === '' ? null : caseId });
  if (!result.success) {
    throw new BadUserInputError(
      `Invalid purpose declaration: ${result.error.issues.map((issue) => issue.message).join('; ')}`,
      result.error.issues.map((issue) => ({ path: issue.path[0] === 'caseId' ? CASE_HEADER : PURPOSE_HEADER, message: issue.message })),
      { wholeRequest: true },
    );
  }
  return result.data;
}
