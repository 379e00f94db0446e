// What a command-line tool prints when it fails. A database failure reaches a tool wrapped by drizzle
// (`DrizzleQueryError`), whose message is "Failed query: <statement> params: <values>": the values can be
// personal data (audit:verify and audit:prune read live chains), and the cause that says what went wrong
// (a refused connection, a missing table, a timeout) is not in the message at all. So the operator gets
// the statement with its placeholders and each cause by class, masked message and SQLSTATE, never the
// parameters; an error of our own keeps its message whole (it is ours, and names no value).
import { errorCauseOf, type LoggedError } from '@mappa/shared';

function describe(error: LoggedError): string {
  const state = error.sqlState ? ` (SQLSTATE ${error.sqlState})` : '';
  const statement = error.statement ? `\n    statement: ${error.statement}` : '';
  return `${error.name}: ${error.message}${state}${statement}`;
}

/** The text to print for a tool's failure: its own message, or the failed statement, then each cause. */
export function commandFailureText(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  const [first, ...causes] = errorCauseOf(error).chain;
  const head = first?.statement ? describe(first) : error.message;
  return [head, ...causes.map((cause) => `  caused by ${describe(cause)}`)].join('\n');
}
