import { GraphQLError } from 'graphql';
import type { GraphQLFormattedError } from 'graphql';
import type { Path } from 'graphql/jsutils/Path';
import type { Caller } from '../auth/caller';
import { policyAllows } from './field-policy';
import type { FieldPolicy } from './field-policy';

/** What a request context must offer for field policies to be enforced. */
export interface AccessContext {
  readonly access: AccessDecisions;
}

/**
 * One request's access decisions: each policy is decided once per request (the caller and purpose
 * do not change within it), and denials are collected per field path with list indices removed,
 * so a denied field in a 50-offender page is one error, not fifty.
 */
export class AccessDecisions {
  private readonly decided = new Map<string, boolean>();
  private readonly denials = new Map<string, { policy: FieldPolicy; path: (string | number)[] }>();

  constructor(readonly caller: Caller) {}

  allows(policy: FieldPolicy): boolean {
    let allowed = this.decided.get(policy.name);
    if (allowed === undefined) {
      allowed = policyAllows(policy, this.caller);
      this.decided.set(policy.name, allowed);
    }
    return allowed;
  }

  recordDenial(policy: FieldPolicy, path: Path): void {
    const concrete = pathToArray(path);
    const key = concrete.filter((segment) => typeof segment === 'string').join('.');
    if (!this.denials.has(key)) this.denials.set(key, { policy, path: concrete });
  }

  /** The denied fields, for the audit: policy names and field paths (no values). */
  deniedFields(): { policy: string; path: (string | number)[] }[] {
    return [...this.denials.values()].map(({ policy, path }) => ({ policy: policy.name, path }));
  }

  /** One FORBIDDEN error per denied field path, naming the policy that denied it. */
  errors(): GraphQLFormattedError[] {
    return [...this.denials.values()].map(({ policy, path }) => {
      const error = new GraphQLError(`Not permitted to read this field under policy ${policy.name} for the declared purpose.`, {
        path,
        extensions: { code: 'FORBIDDEN', policy: policy.name },
      });
      return error.toJSON();
    });
  }
}

function pathToArray(path: Path | undefined): (string | number)[] {
  const segments: (string | number)[] = [];
  for (let current = path; current; current = current.prev) segments.unshift(current.key);
  return segments;
}
