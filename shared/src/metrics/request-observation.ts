import { AsyncLocalStorage } from 'node:async_hooks';
import { codeLabel, NO_OPERATION } from './metrics';
import type { RequestObservation } from './metrics';

// The request being served, for the handlers (Apollo plugins, refusing middleware) that learn its
// operation, purpose and error codes. Set by the HTTP shell (`serveHttp`) around everything after it;
// the body is read under promises (the subgraphs' `readJsonBody`) or by express's body parser (whose
// raw-body binds its callbacks), both of which keep the asynchronous context, so it reaches Apollo.
const current = new AsyncLocalStorage<RequestObservation>();

/** A fresh observation: no operation read yet, no purpose, no error. */
export function newObservation(): RequestObservation {
  return { operation: NO_OPERATION, purpose: 'none', codes: new Set(), hasData: false };
}

/** Runs `next` with `observation` as the current request's. */
export function observeRequest(observation: RequestObservation, next: () => void): void {
  current.run(observation, next);
}

/** The current request's observation, when a request is being served. */
export function currentObservation(): RequestObservation | undefined {
  return current.getStore();
}

/** Records that the current request was refused with `code` (a refusal answered outside GraphQL). */
export function observeRefusal(code: string): void {
  current.getStore()?.codes.add(codeLabel(code));
}
