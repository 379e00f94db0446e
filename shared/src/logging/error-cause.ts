// Quoted text and runs of digits in an error message can be a value from the request (a PNC ID, a
// name, `invalid input syntax for type date: "…"`): masked, so the log keeps the shape of the message
// and never the value.
const QUOTED = /"[^"]*"|'[^']*'|`[^`]*`/g;
const DIGITS = /\d{2,}/g;
const MAX_MESSAGE = 300;
const MAX_FRAMES = 6;
const MAX_DEPTH = 5;

/** One error of a cause chain, as logged: its class, its message with values masked, and database facts. */
export interface LoggedError {
  readonly name: string;
  readonly message: string;
  /** PostgreSQL's SQLSTATE (e.g. `42P01`, undefined table), when the database raised it. */
  readonly sqlState?: string;
  /** The statement that failed, with its placeholders (`$1`), never its parameters. */
  readonly statement?: string;
  /** Where in the schema PostgreSQL says the problem is (names, never values). */
  readonly schema?: string;
  readonly table?: string;
  readonly column?: string;
  readonly constraint?: string;
}

/** The message of an error with every quoted text and digit run masked, first line only, bounded. */
export function maskedMessage(message: string): string {
  const firstLine = message.split('\n', 1)[0] ?? '';
  return firstLine.replace(QUOTED, '"…"').replace(DIGITS, '#').slice(0, MAX_MESSAGE);
}

function describeOne(error: Error): LoggedError {
  const facts = error as Error & {
    code?: unknown;
    query?: unknown;
    schema?: unknown;
    table?: unknown;
    column?: unknown;
    constraint?: unknown;
  };
  const text = (value: unknown): string | undefined => (typeof value === 'string' && value.length > 0 ? value : undefined);
  const sqlState = text(facts.code);
  // drizzle's DrizzleQueryError: its message repeats the parameters; its `query` holds placeholders only.
  const statement = text(facts.query);
  return {
    // Some libraries leave `name` as plain "Error" (drizzle's DrizzleQueryError): the class says more.
    name: error.name === 'Error' && error.constructor.name !== 'Object' ? error.constructor.name : error.name,
    message: statement ? 'Failed query' : maskedMessage(error.message),
    ...(sqlState && /^[0-9A-Z]{5}$/.test(sqlState) ? { sqlState } : {}),
    ...(statement ? { statement: statement.slice(0, MAX_MESSAGE) } : {}),
    ...(text(facts.schema) ? { schema: text(facts.schema) } : {}),
    ...(text(facts.table) ? { table: text(facts.table) } : {}),
    ...(text(facts.column) ? { column: text(facts.column) } : {}),
    ...(text(facts.constraint) ? { constraint: text(facts.constraint) } : {}),
  };
}

/**
 * What an operator needs to find the cause of an unexpected error, and nothing a request carried
 * (issue 15, "Honest errors"): each error of its chain (`originalError`, then `cause`) by class,
 * masked message and database facts, and the innermost error's stack frames (file and line only).
 */
export function errorCauseOf(error: unknown): { readonly chain: readonly LoggedError[]; readonly frames: readonly string[] } {
  const chain: LoggedError[] = [];
  let current: unknown = error;
  let innermost: Error | undefined;
  for (let depth = 0; depth < MAX_DEPTH && current instanceof Error; depth += 1) {
    chain.push(describeOne(current));
    innermost = current;
    const next = (current as { originalError?: unknown }).originalError ?? current.cause;
    current = next === current ? undefined : next;
  }
  const frames = (innermost?.stack ?? '')
    .split('\n')
    .filter((line) => line.trimStart().startsWith('at '))
    .slice(0, MAX_FRAMES)
    .map((line) => line.trim());
  return { chain, frames };
}
