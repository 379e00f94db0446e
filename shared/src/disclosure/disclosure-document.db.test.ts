import { sql } from 'drizzle-orm';
import { MappaArea } from '../domain/mappa-area';
import { openTestDatabase } from '@mappa/testing';
import type { TestDatabase } from '@mappa/testing';
import { disclosureContentSha256, renderDisclosureDocument } from './disclosure-document';

/*
 * MADE stores the rendered document as frozen_content, and the database checks content_sha256 =
 * encode(sha256(convert_to(frozen_content, 'UTF8')), 'hex'). So the hash this module computes must be
 * the one PostgreSQL computes, and the stored text must come back as the very string rendered, on the
 * embedded database and on the server alike, for wording with every kind of character a person types.
 */
let database: TestDatabase;

beforeAll(async () => {
  database = await openTestDatabase();
});

afterAll(async () => {
  await database?.drop();
});

it('the document hash is the one PostgreSQL computes, and the text comes back byte for byte', async () => {
  const document = renderDisclosureDocument({
    decisionId: 'DSC-POLICE-DB1',
    holder: 'POLICE',
    area: MappaArea.NORTH_WALES,
    recipientKind: 'EMPLOYER',
    recipientDescription: 'Rheolwr y siop, Caernarfon: “quotes”, café, ŵ ŷ, 日本語, \u{1F600}',
    purpose: 'Tab\there, a line\r\nbreak, a lone surrogate \uD800, NUL \u0000 and </style><script>alert(1)</script>',
    recipientGuidance: "Call 101 and quote the reference. Don't wait.",
    offenderAware: false,
    items: [
      {
        position: 1,
        kind: 'FREE_TEXT',
        sourceAgency: 'police',
        fieldCoordinate: null,
        wording: 'Wording ‘with’ apostrophes — and dashes.',
        photograph: false,
        victimIdentifying: false,
        agreement: 'AGREED',
      },
    ],
  });
  const db = database.connection.database();
  const result = (await db.execute(
    sql`select encode(sha256(convert_to(${document}::text, 'UTF8')), 'hex') as hash, ${document}::text as stored`,
  )) as unknown as {
    rows: { hash: string; stored: string }[];
  };
  expect(result.rows).toHaveLength(1);
  expect(result.rows[0]!.hash).toBe(disclosureContentSha256(document));
  expect(result.rows[0]!.stored).toBe(document);
});
