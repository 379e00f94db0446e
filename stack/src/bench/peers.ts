// BENCHMARK ONLY: what the two peers (a bare @apollo/gateway and Hive Gateway, each in a process of
// its own: apollo-peer.main.ts, hive-peer.main.ts) share. A peer is a gateway as its maintainers ship
// it, on the product's static supergraph, in front of the product's running subgraphs; the only
// thing added is the signed gateway assertion every subgraph requires, for one fixed caller (no token
// check, no authorization, no audit at the gateway: the subgraphs still do theirs).
import { ASSERTION_HEADER, callerSchema, GatewayAssertionSigner } from '@mappa/shared';
import type { Caller } from '@mappa/shared';
import { z } from 'zod';

/** The environment variable a peer reads its settings from (JSON). */
export const PEER_SETTINGS_VARIABLE = 'BENCH_PEER_SETTINGS';

const peerSettingsSchema = z.object({
  host: z.string().min(1),
  /** Subgraph name (as in the supergraph) → its running `/graphql` URL. */
  subgraphUrls: z.record(z.string(), z.url()),
  /** The private ES256 JWK the product's gateway signs with: the subgraphs trust its public half. */
  assertionKey: z.looseObject({ kty: z.literal('EC'), kid: z.string().min(1), d: z.string().min(1) }),
  /** The caller every assertion vouches for. */
  caller: callerSchema,
});

export type PeerSettings = z.infer<typeof peerSettingsSchema>;

/** The settings in `env`, checked; throws when missing or invalid. */
export function peerSettingsFrom(env: NodeJS.ProcessEnv): PeerSettings {
  const raw = env[PEER_SETTINGS_VARIABLE];
  if (!raw) throw new Error(`${PEER_SETTINGS_VARIABLE} is not set`);
  return peerSettingsSchema.parse(JSON.parse(raw));
}

/** The supergraph with each named subgraph's URL replaced by the running one (the peers read URLs from it). */
export function supergraphWithUrls(supergraphSdl: string, subgraphUrls: Readonly<Record<string, string>>): string {
  return supergraphSdl.replace(/@join__graph\(name: "([^"]+)", url: "[^"]*"\)/g, (whole, name: string) => {
    const url = subgraphUrls[name];
    return url === undefined ? whole : `@join__graph(name: "${name}", url: "${url}")`;
  });
}

/**
 * Signs one subgraph call as the product's gateway does: the subgraph's name is the audience, the
 * assertion is bound to the exact body sent, with a fresh id per call.
 */
export async function assertionSigner(
  settings: PeerSettings,
): Promise<(subgraph: string, body: string) => Promise<Record<string, string>>> {
  const signer = await GatewayAssertionSigner.fromJwk(settings.assertionKey);
  const caller: Caller = settings.caller;
  let calls = 0;
  return async (subgraph, body) => {
    calls += 1;
    return { [ASSERTION_HEADER]: await signer.sign(subgraph, caller, `bench-peer-${calls}`, body) };
  };
}

/** Subgraph name by URL: what a peer's fetch hook knows is the URL. */
export function subgraphNameByUrl(subgraphUrls: Readonly<Record<string, string>>): (url: string) => string {
  const names = new Map(Object.entries(subgraphUrls).map(([name, url]) => [url, name]));
  return (url) => {
    const name = names.get(url);
    if (name === undefined) throw new Error(`no subgraph at ${url} (known: ${[...names.keys()].join(', ')})`);
    return name;
  };
}
