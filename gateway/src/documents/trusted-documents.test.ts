import { createHash } from 'node:crypto';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { MappaArea } from '@mappa/shared';
import type { Principal } from '@mappa/shared';
import { documentHashOf, loadTrustedDocumentManifests, mayQueryAdHoc, parseTrustedDocumentManifest } from './trusted-documents';

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');
const VIEW = 'query View($pncId: ID!) { offender(pncId: $pncId) { pncId } }';
const PAGE = 'query Page { offenders(first: 20) { totalCount } }';

describe('trusted document manifests (issue 9 §1)', () => {
  it("reads GraphQL Codegen's persisted-documents.json (a flat { sha256: document } object)", () => {
    expect(parseTrustedDocumentManifest({ [sha256(VIEW)]: VIEW, [`sha256:${sha256(PAGE)}`]: PAGE }, 'codegen.json')).toEqual(
      new Map([
        [sha256(VIEW), VIEW],
        [sha256(PAGE), PAGE],
      ]),
    );
  });

  it("reads Apollo's persisted-query manifest", () => {
    const manifest = {
      format: 'apollo-persisted-query-manifest',
      version: 1,
      operations: [
        { id: sha256(VIEW), name: 'View', type: 'query', body: VIEW },
        { id: sha256(PAGE), name: 'Page', type: 'query', body: PAGE },
      ],
    };
    expect([...parseTrustedDocumentManifest(manifest, 'apollo.json').keys()]).toEqual([sha256(VIEW), sha256(PAGE)]);
  });

  it('refuses a manifest whose id is not the SHA-256 of its document, so the gateway does not start on it', () => {
    expect(() => parseTrustedDocumentManifest({ [sha256(VIEW)]: PAGE }, 'edited.json')).toThrow(
      /edited\.json: the document registered as [0-9a-f]{64} does not hash to it/,
    );
    expect(() => parseTrustedDocumentManifest({ 'not-a-hash': VIEW }, 'bad.json')).toThrow(/not a SHA-256 document id/);
    expect(() =>
      parseTrustedDocumentManifest({ format: 'apollo-persisted-query-manifest', version: 2, operations: [] }, 'v2.json'),
    ).toThrow(/v2\.json: not a version 1/);
    expect(() => parseTrustedDocumentManifest([VIEW], 'list.json')).toThrow(/neither/);
  });

  it('merges several manifest files and names the one it cannot read', () => {
    const dir = mkdtempSync(join(tmpdir(), 'manifests-'));
    writeFileSync(join(dir, 'a.json'), JSON.stringify({ [sha256(VIEW)]: VIEW }));
    writeFileSync(
      join(dir, 'b.json'),
      JSON.stringify({
        format: 'apollo-persisted-query-manifest',
        version: 1,
        operations: [{ id: sha256(PAGE), name: 'Page', type: 'query', body: PAGE }],
      }),
    );
    expect(loadTrustedDocumentManifests([join(dir, 'a.json'), join(dir, 'b.json')]).size).toBe(2);
    expect(() => loadTrustedDocumentManifests([join(dir, 'missing.json')])).toThrow(/missing\.json could not be read/);
  });

  it('takes an id with or without its sha256: prefix, in either case, and nothing else', () => {
    expect(documentHashOf(`sha256:${sha256(VIEW).toUpperCase()}`)).toBe(sha256(VIEW));
    expect(documentHashOf('md5:abc')).toBeNull();
  });

  it('allows ad-hoc documents to analysts under STATISTICS only', () => {
    const analyst: Principal = {
      issuer: 'urn:mappa:test-issuer',
      staffId: 'AN1',
      agency: 'mappa_unit',
      roles: ['analyst'],
      area: MappaArea.LONDON,
      clearance: 'BPSS',
    };
    expect(mayQueryAdHoc(analyst, { purpose: 'STATISTICS', caseId: null })).toBe(true);
    expect(mayQueryAdHoc(analyst, { purpose: 'MAPPA_SCREENING', caseId: null })).toBe(false);
    expect(mayQueryAdHoc({ ...analyst, roles: ['mappa_coordinator'] }, { purpose: 'STATISTICS', caseId: null })).toBe(false);
  });
});
