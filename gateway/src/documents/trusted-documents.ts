import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import type { Principal, DeclaredPurpose } from '@mappa/shared';
import { z } from 'zod';

/**
 * `required`: only registered documents run (the production default), except for the callers allowed
 * ad-hoc queries; `optional`: registered documents by id, and any other document too (development,
 * GraphiQL); `off`: no registered documents, any document. Every document still passes the operation
 * limits.
 */
export const TRUSTED_DOCUMENT_MODES = ['required', 'optional', 'off'] as const;
export type TrustedDocumentMode = (typeof TRUSTED_DOCUMENT_MODES)[number];

/** The documents front-end teams registered, by the SHA-256 (lower-case hex) of their text. */
export type TrustedDocumentManifest = ReadonlyMap<string, string>;

/** How the gateway treats documents: the mode and the registered documents. */
export interface TrustedDocuments {
  readonly mode: TrustedDocumentMode;
  readonly manifest: TrustedDocumentManifest;
}

const SHA256_HEX = /^[0-9a-f]{64}$/;

// GraphQL Codegen's client preset (`persistedDocuments: { hashAlgorithm: 'sha256' }`) writes a flat
// object; Apollo's `generate-persisted-query-manifest` writes this versioned one.
const apolloManifestSchema = z.object({
  format: z.literal('apollo-persisted-query-manifest'),
  version: z.literal(1),
  operations: z.array(z.looseObject({ id: z.string(), body: z.string() })),
});
const flatManifestSchema = z.record(z.string(), z.string());

/**
 * Reads one manifest (Apollo's persisted-query manifest or GraphQL Codegen's `persisted-documents.json`)
 * and checks that every id is the SHA-256 of its document: a manifest whose ids do not match its
 * texts was edited or built wrongly, and the gateway refuses to start on it rather than run a text
 * under another text's id.
 */
export function parseTrustedDocumentManifest(json: unknown, where: string): Map<string, string> {
  const entries: [string, string][] = [];
  const apollo = apolloManifestSchema.safeParse(json);
  if (apollo.success) {
    for (const operation of apollo.data.operations) entries.push([operation.id, operation.body]);
  } else if (typeof json === 'object' && json !== null && 'format' in json) {
    throw new Error(
      `${where}: not a version 1 Apollo persisted-query manifest (${apollo.error.issues.map((issue) => issue.message).join('; ')})`,
    );
  } else {
    const flat = flatManifestSchema.safeParse(json);
    if (!flat.success) throw new Error(`${where}: neither an Apollo persisted-query manifest nor a { "<sha256>": "<document>" } object`);
    entries.push(...Object.entries(flat.data));
  }
  const manifest = new Map<string, string>();
  for (const [id, body] of entries) {
    const hash = documentHashOf(id);
    if (!hash) throw new Error(`${where}: "${id.slice(0, 80)}" is not a SHA-256 document id`);
    if (sha256Hex(body) !== hash) throw new Error(`${where}: the document registered as ${hash} does not hash to it (SHA-256 of its text)`);
    manifest.set(hash, body);
  }
  return manifest;
}

/** Every document of the manifest files, merged. Throws (refusing to start) on any unreadable or mismatched file. */
export function loadTrustedDocumentManifests(paths: readonly string[]): TrustedDocumentManifest {
  const manifest = new Map<string, string>();
  for (const path of paths) {
    let json: unknown;
    try {
      json = JSON.parse(readFileSync(path, 'utf8'));
    } catch (error: unknown) {
      throw new Error(`trusted document manifest ${path} could not be read: ${error instanceof Error ? error.message : String(error)}`);
    }
    for (const [hash, body] of parseTrustedDocumentManifest(json, path)) manifest.set(hash, body);
  }
  return manifest;
}

/** Builds a manifest from document texts (the benchmark's and tests' own operations). */
export function trustedDocumentManifestOf(documents: readonly string[]): TrustedDocumentManifest {
  return new Map(documents.map((document) => [sha256Hex(document), document]));
}

/** The SHA-256 a document id names (`sha256:<hex>` or `<hex>`), or null for any other id. */
export function documentHashOf(id: string): string | null {
  const hex = (id.startsWith('sha256:') ? id.slice('sha256:'.length) : id).toLowerCase();
  return SHA256_HEX.test(hex) ? hex : null;
}

/**
 * Whether a caller may send documents nobody registered, where registered documents are required:
 * analysts compiling statistics, whose questions change from report to report (their answers are
 * aggregates, and their documents still pass every operation limit).
 */
export function mayQueryAdHoc(principal: Principal, purpose: DeclaredPurpose): boolean {
  return principal.roles.includes('analyst') && purpose.purpose === 'STATISTICS';
}

/** Lower-case hex SHA-256 of a document's text: its id in a manifest. */
export function sha256Hex(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}
