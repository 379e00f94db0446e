/**
 * Whether a service enforces authorization: `'enforced'` (the default, and the only mode the product
 * runs in) or `'off'`.
 *
 * BENCHMARK ONLY: `'off'` exists so that `npm run bench` can measure what authorization costs, as a
 * ratio against the same stack with it on, in one run. It is a programmatic option only: no
 * environment variable or config file can set it, and no `main.ts`, `npm start` or test other than
 * the one proving the switch works passes it. Off means no field-policy wrappers and no
 * denied-selection plugin in the subgraphs, an unrestricted row scope (`unrestrictedRowScopeOf`),
 * and a gateway without early enforcement or the case-grant look-up. Authentication stays on either
 * way (bearer tokens at the gateway, signed assertions to every subgraph).
 */
export type AuthorizationMode = 'enforced' | 'off';
