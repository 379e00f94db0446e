import type { GraphQLFormattedError } from 'graphql';
import type { Caller } from '../auth/caller';
import { ForbiddenFieldError } from '../errors/forbidden-field.error';
import type { DeniedSelection } from './denied-selections';
import { decidePolicy } from './field-policy';
import type { FieldPolicy, PolicyDecision } from './field-policy';
import { todayOf } from '../time/calendar-date';
import type { CalendarDate } from '../time/calendar-date';

/** What a request context must offer for field policies to be enforced. */
export interface AccessContext {
  readonly access: AccessDecisions;
}

/**
 * One request's access decisions: each policy is decided once per request (the caller and purpose
 * do not change within it). The denied fields are found from the operation itself
 * (`deniedSelections`), so the errors are the same whether or not the agency holds the person.
 */
export class AccessDecisions {
  private readonly decided = new Map<string, PolicyDecision>();
  private denied: readonly DeniedSelection[] = [];

  constructor(
    readonly caller: Caller,
    private readonly policies: ReadonlyMap<string, FieldPolicy>,
    /** The request's calendar date in England and Wales: record conditions that depend on the date (an age, an end date) are decided on it. */
    readonly today: CalendarDate = todayOf(),
  ) {}

  /** What the policy allows this caller: all records, only those meeting a condition, or none. */
  decide(policy: FieldPolicy): PolicyDecision {
    let decision = this.decided.get(policy.name);
    if (decision === undefined) {
      decision = decidePolicy(policy, this.caller);
      this.decided.set(policy.name, decision);
    }
    return decision;
  }

  /** True when the policy may allow this caller some records (a conditional grant counts). */
  allows(policy: FieldPolicy): boolean {
    return this.decide(policy).kind !== 'none';
  }

  /** Whether the named policy denies this caller; an unknown name denies (deny by default). */
  deniesPolicyNamed(name: string): boolean {
    const policy = this.policies.get(name);
    return !policy || !this.allows(policy);
  }

  /** Records what the operation asked for and may not have (set once the operation is known). */
  recordDeniedSelections(denied: readonly DeniedSelection[]): void {
    this.denied = denied;
  }

  /** The denied selections, for the audit: which fields, under which policy (no values). */
  deniedSelections(): readonly DeniedSelection[] {
    return this.denied;
  }

  /** One FORBIDDEN error per denied field path, naming the policy that denied it. */
  errors(): GraphQLFormattedError[] {
    return this.denied.map(({ policyName, path }) => new ForbiddenFieldError(policyName, path).toJSON());
  }
}
