import { createHash, randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import { asc, eq, sql } from 'drizzle-orm';
import { chromium } from 'playwright-core';
import type { Browser } from 'playwright-core';
import { auditEntryTable, DISCLOSURE_DOCUMENT_HTTP_HEADERS, DISCLOSURE_DOCUMENT_MARKING, MappaArea } from '@mappa/shared';
import type { AuditPayload, DeclaredPurpose, PrincipalClaims, SyntheticPerson } from '@mappa/shared';
import type { RunningGateway } from '@mappa/gateway';
import {
  agreedAndDecided,
  consultingDecision,
  deciding,
  DISCLOSURE_STEPS,
  insertDisclosureDecision,
  mustAnswer,
  recordMade,
  eventually,
  startGatewayOver,
  REFILL_ONCE_AN_HOUR,
  startTestStack,
  TEST_RATE_LIMITS,
} from '@mappa/testing/stack';
import { postGraphQL } from '@mappa/testing';
import type { TestStack } from '@mappa/testing/stack';

/*
 * Issue 11, "Offer it as GraphQL and as a printable page": the gateway serves a decision's document at
 * GET /disclosure-decisions/:id/document, to the same people and on the same terms as the GraphQL
 * preview (B §2 "Making the disclosure": the practitioner takes the document to the recipient), and
 * never to anyone else (principle 9: an outsider cannot tell a decision exists). Expected answers come
 * from the guidance and the issue, not from the route's code: the page is the made content byte for
 * byte (its SHA-256 is the one MADE recorded), every access is audited, and only a missing or invalid
 * token is told apart from "not found".
 */

const CHROMIUM = process.env.CHROMIUM_EXECUTABLE ?? '/usr/bin/chromium';

let env: TestStack;
let subject: SyntheticPerson;
let chair: PrincipalClaims;
let policeOwner: PrincipalClaims;
let coordinator: PrincipalClaims;
let probationOutsider: PrincipalClaims;
let otherAreaChair: PrincipalClaims;
/** A decision made through the gateway: its id, the document the preview showed, and the SHA-256 MADE recorded. */
let made: { decisionId: string; html: string; contentSha256: string };
/** A decision still being considered (CONSULTING, nothing agreed): its document is the live preview. */
let open: { decisionId: string };

const who = (
  staffId: string,
  agency: PrincipalClaims['agency'],
  roles: PrincipalClaims['roles'],
  area: PrincipalClaims['area'],
): PrincipalClaims => ({ staffId, agency, roles, area, clearance: 'SC' });
const sha256 = (bytes: Buffer | string) => createHash('sha256').update(bytes).digest('hex');
const documentPath = (decisionId: string) => `/disclosure-decisions/${encodeURIComponent(decisionId)}/document`;

/** Fetches the document route of `gatewayUrl` (the test stack's gateway unless given). */
async function getDocument(decisionId: string, headers: Record<string, string>, init: { method?: string; gatewayUrl?: string } = {}) {
  const response = await fetch(`${init.gatewayUrl ?? env.stack.gateway.url}${documentPath(decisionId)}`, {
    method: init.method ?? 'GET',
    headers,
  });
  const body = Buffer.from(await response.arrayBuffer());
  return { status: response.status, headers: response.headers, body, text: body.toString('utf8') };
}

async function documentAs(principal: PrincipalClaims, purpose: DeclaredPurpose, decisionId: string, extra: Record<string, string> = {}) {
  return getDocument(decisionId, { ...(await env.headersFor(principal, purpose)), ...extra });
}

const must = (principal: PrincipalClaims, purpose: DeclaredPurpose, query: string, variables: Record<string, unknown>, field: string) =>
  mustAnswer(env, principal, purpose, query, variables, field);
const PREVIEW = DISCLOSURE_STEPS.preview;

/** Agreed by the police, decided by the chair, previewed and recorded made (the shared steps): what the page must then be. */
async function madeDecision(): Promise<{ decisionId: string; html: string; contentSha256: string }> {
  const decision = await consultingDecision(env, subject, chair);
  await agreedAndDecided(env, decision, chair, policeOwner);
  const preview = await must(policeOwner, deciding(decision.decisionId), PREVIEW, { decisionId: decision.decisionId }, 'disclosurePreview');
  const recorded = await recordMade(env, decision.decisionId, policeOwner);
  return { decisionId: decision.decisionId, html: preview.html as string, contentSha256: recorded.contentSha256 as string };
}

async function gatewayEntriesOf(requestId: string): Promise<AuditPayload[]> {
  const rows = await env.connection
    .database()
    .select()
    .from(auditEntryTable)
    .where(eq(auditEntryTable.requestId, requestId))
    .orderBy(asc(auditEntryTable.sequence));
  return rows.filter((row) => row.log === 'gateway').map((row) => row.payload as AuditPayload);
}

beforeAll(async () => {
  env = await startTestStack();
  const result = (await env.connection
    .database()
    .execute(sql`select pnc_id from mappa.mappa_case where status = 'ACTIVE' and not ct_restricted`)) as unknown as {
    rows: { pnc_id: string }[];
  };
  const active = new Set(result.rows.map((row) => row.pnc_id));
  subject = env.people.find(
    (person) => person.category !== 4 && !person.restrictedAccess && !person.isYouth && person.level >= 2 && active.has(person.pncId),
  )!;
  if (!subject) throw new Error('an adult at level 2 or 3 with an active MAPPA case');
  chair = who('CHAIR-DOC-01', 'police', ['mappa_chair'], subject.area);
  policeOwner = who('PPU-DOC-01', 'police', ['ppu_officer'], subject.area);
  coordinator = who('MCU-DOC-01', 'mappa_unit', ['mappa_coordinator'], subject.area);
  // No probation item and no consultation of probation: no party to these decisions.
  probationOutsider = who('NPS-DOC-01', 'probation', ['probation_practitioner'], subject.area);
  otherAreaChair = who('CHAIR-DOC-02', 'police', ['mappa_chair'], subject.area === MappaArea.LONDON ? MappaArea.KENT : MappaArea.LONDON);
  made = await madeDecision();
  open = await consultingDecision(env, subject, chair);
  // The stack and two decisions taken through a dozen gateway requests: longer than one test's budget on a busy machine.
}, 180_000);

afterAll(async () => {
  await env?.close();
});

describe('issue 11: the disclosure document as a page at the gateway', () => {
  it('B.17: the made document is served as HTML with its security headers, byte for byte what was made (its SHA-256 is the made content hash)', async () => {
    const page = await documentAs(policeOwner, deciding(made.decisionId), made.decisionId);
    expect(page.status).toBe(200);
    for (const [name, value] of Object.entries(DISCLOSURE_DOCUMENT_HTTP_HEADERS)) expect(page.headers.get(name)).toBe(value);
    expect(page.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(page.headers.get('content-security-policy')).toContain("script-src 'none'");
    expect(page.headers.get('content-security-policy')).toContain("frame-ancestors 'none'");
    expect(page.headers.get('cache-control')).toBe('no-store');
    // Nothing to revalidate against: a page that is never stored has no validator.
    expect(page.headers.get('etag')).toBeNull();
    expect(page.headers.get('repr-digest')).toBe(`sha-256=:${Buffer.from(made.contentSha256, 'hex').toString('base64')}:`);
    expect(sha256(page.body)).toBe(made.contentSha256);
    expect(page.text).toBe(made.html);
    expect(page.text).toContain('He is subject to notification requirements indefinitely.');
    // Every party reads the same bytes: the chair who decided, and the area's co-ordinator.
    expect((await documentAs(chair, deciding(made.decisionId), made.decisionId)).body.equals(page.body)).toBe(true);
    expect((await documentAs(coordinator, deciding(made.decisionId), made.decisionId)).body.equals(page.body)).toBe(true);
  });

  it('HEAD answers as GET without the body: same status and headers', async () => {
    const get = await documentAs(policeOwner, deciding(made.decisionId), made.decisionId);
    const headOnly = await getDocument(made.decisionId, await env.headersFor(policeOwner, deciding(made.decisionId)), { method: 'HEAD' });
    expect(headOnly.status).toBe(200);
    expect(headOnly.body.length).toBe(0);
    for (const name of Object.keys(DISCLOSURE_DOCUMENT_HTTP_HEADERS)) expect(headOnly.headers.get(name)).toBe(get.headers.get(name));
  });

  it('"Preview as the recipient": before it is made, a party gets the live preview, exactly what GraphQL previews', async () => {
    const preview = await must(chair, deciding(open.decisionId), PREVIEW, { decisionId: open.decisionId }, 'disclosurePreview');
    expect(preview.frozen).toBe(false);
    const page = await documentAs(chair, deciding(open.decisionId), open.decisionId);
    expect(page.status).toBe(200);
    expect(page.text).toBe(preview.html);
    expect(sha256(page.body)).toBe(preview.contentSha256);
    // The item is awaiting its owner's agreement, and the page says so.
    expect(page.text).toContain('must not be disclosed yet');
  });

  it('B.9: level 1 decisions are served from their holder (the police): to the proposer, never to the co-ordinator', async () => {
    const proposer = who('PPU-DOC-L1', 'police', ['ppu_officer'], subject.area);
    const decisionId = await insertDisclosureDecision(env, {
      holder: 'POLICE',
      pncId: subject.pncId,
      area: subject.area,
      proposer,
      items: [{ sourceAgency: 'police' }],
    });
    const page = await documentAs(proposer, deciding(decisionId), decisionId);
    expect(page.status).toBe(200);
    expect(page.text).toContain(decisionId);
    expect(page.text).toContain('Test: item 1');
    const unknown = await documentAs(coordinator, deciding(`DSC-POLICE-${randomUUID()}`), `DSC-POLICE-${randomUUID()}`);
    const refused = await documentAs(coordinator, deciding(decisionId), decisionId);
    expect(refused.status).toBe(404);
    expect(refused.text).toBe(unknown.text);
  });

  it('principle 9: an unknown id, a malformed id, another area, a caller no party to it, another purpose and another decision in x-mappa-case all answer exactly as an unknown path', async () => {
    const unknownPath = await fetch(`${env.stack.gateway.url}/no-such-path`);
    const notFound = { status: unknownPath.status, body: await unknownPath.text(), type: unknownPath.headers.get('content-type') };
    expect(notFound.status).toBe(404);
    expect(JSON.parse(notFound.body)).toEqual({ errors: [{ message: 'Not found', extensions: { code: 'NOT_FOUND' } }] });

    const unknownId = `DSC-MAPPA-${randomUUID()}`;
    const refusals = [
      await documentAs(policeOwner, deciding(unknownId), unknownId),
      await documentAs(policeOwner, deciding('DSC-NOBODY-1'), 'DSC-NOBODY-1'),
      await documentAs(policeOwner, deciding(made.decisionId), 'not a decision <b>'),
      await documentAs(otherAreaChair, deciding(made.decisionId), made.decisionId),
      await documentAs(probationOutsider, deciding(made.decisionId), made.decisionId),
      await documentAs(policeOwner, { purpose: 'CASE_MANAGEMENT', caseId: null }, made.decisionId),
      await documentAs(policeOwner, { purpose: 'MAPPA_SCREENING', caseId: made.decisionId }, made.decisionId),
      // A party to one decision naming it in x-mappa-case cannot read another through the path.
      await documentAs(chair, deciding(open.decisionId), made.decisionId),
      // DISCLOSURE_DECISION without the decision.
      await getDocument(made.decisionId, {
        authorization: (await env.headersFor(policeOwner)).authorization!,
        'x-mappa-purpose': 'DISCLOSURE_DECISION',
      }),
    ];
    for (const refusal of refusals) {
      expect({ status: refusal.status, body: refusal.text, type: refusal.headers.get('content-type') }).toEqual(notFound);
      expect(refusal.headers.get('content-security-policy')).toBeNull();
    }
  });

  it('without a valid token: 401 with its code, the same for a made decision and an unknown one; without a purpose: 400 with its code', async () => {
    const unknownId = `DSC-MAPPA-${randomUUID()}`;
    const purposeOnly = { 'x-mappa-purpose': 'DISCLOSURE_DECISION' };
    const answers = [
      await getDocument(made.decisionId, { ...purposeOnly, 'x-mappa-case': made.decisionId }),
      await getDocument(unknownId, { ...purposeOnly, 'x-mappa-case': unknownId }),
      await getDocument(made.decisionId, { ...purposeOnly, 'x-mappa-case': made.decisionId, authorization: 'Bearer not.a.token' }),
    ];
    for (const answer of answers) {
      expect(answer.status).toBe(401);
      expect(answer.headers.get('content-type')).toMatch(/^application\/json/);
      expect(JSON.parse(answer.text).errors[0].extensions.code).toBe('UNAUTHENTICATED');
      expect(answer.text).not.toContain(made.decisionId);
    }
    expect(answers[0]!.text).toBe(answers[1]!.text);

    const noPurpose = await getDocument(made.decisionId, { authorization: (await env.headersFor(policeOwner)).authorization! });
    expect(noPurpose.status).toBe(400);
    expect(JSON.parse(noPurpose.text).errors[0].extensions.code).toBe('BAD_USER_INPUT');
  });

  it('any method but GET and HEAD: 405 with Allow, whoever asks', async () => {
    const headers = await env.headersFor(policeOwner, deciding(made.decisionId));
    for (const method of ['POST', 'PUT', 'DELETE', 'PATCH']) {
      const answer = await getDocument(made.decisionId, headers, { method });
      expect(answer.status).toBe(405);
      expect(answer.headers.get('allow')).toBe('GET, HEAD');
      expect(JSON.parse(answer.text).errors[0].extensions.code).toBe('METHOD_NOT_ALLOWED');
    }
  });

  it('B §2 "a signed disclosure form gives an audit trail" (L9123-9126): the audit trail records each access to the page as the gateway records a query: who, why, which decision, which fields; a refused one too', async () => {
    const servedId = `route-audit-${randomUUID()}`;
    expect((await documentAs(policeOwner, deciding(made.decisionId), made.decisionId, { 'x-request-id': servedId })).status).toBe(200);
    const [served] = await eventually(
      () => gatewayEntriesOf(servedId),
      (entries) => entries.length > 0,
    );
    expect(served).toMatchObject({
      principal: { staffId: policeOwner.staffId, agency: 'police', roles: ['ppu_officer'] },
      purpose: 'DISCLOSURE_DECISION',
      caseId: made.decisionId,
      operationName: 'MappaDisclosureDocument',
      outcome: 'ALLOWED',
    });
    expect(served!.documentHash).toMatch(/^[0-9a-f]{64}$/);
    expect(served!.fields.flatMap((owner) => owner.returned)).toEqual(
      expect.arrayContaining(['DisclosurePreview.html', 'Query.disclosurePreview']),
    );

    const refusedId = `route-audit-${randomUUID()}`;
    expect((await documentAs(probationOutsider, deciding(made.decisionId), made.decisionId, { 'x-request-id': refusedId })).status).toBe(
      404,
    );
    const [refused] = await eventually(
      () => gatewayEntriesOf(refusedId),
      (entries) => entries.length > 0,
    );
    expect(refused).toMatchObject({
      principal: { staffId: probationOutsider.staffId },
      purpose: 'DISCLOSURE_DECISION',
      caseId: made.decisionId,
      operationName: 'MappaDisclosureDocument',
    });
    expect(refused!.outcome).not.toBe('ALLOWED');
    expect(refused!.fields.flatMap((owner) => owner.returned)).not.toContain('DisclosurePreview.html');
  });

  it('fails closed: when the gateway cannot write its audit entry, the page is not served (503 AUDIT_UNAVAILABLE)', async () => {
    const db = env.connection.database();
    await db.execute(
      sql`create or replace function audit.test_route_storage_unavailable() returns trigger language plpgsql as $$ begin raise exception 'audit storage unavailable'; end $$`,
    );
    await db.execute(
      sql.raw(
        `create trigger test_route_storage_unavailable before insert on audit.entry for each row when (new.log = 'gateway') execute function audit.test_route_storage_unavailable()`,
      ),
    );
    try {
      const answer = await documentAs(policeOwner, deciding(made.decisionId), made.decisionId);
      expect(answer.status).toBe(503);
      expect(JSON.parse(answer.text).errors[0].extensions.code).toBe('AUDIT_UNAVAILABLE');
      expect(answer.text).not.toContain('notification requirements');
    } finally {
      await db.execute(sql`drop trigger test_route_storage_unavailable on audit.entry`);
      await db.execute(sql`drop function audit.test_route_storage_unavailable()`);
    }
    expect((await documentAs(policeOwner, deciding(made.decisionId), made.decisionId)).status).toBe(200);
  });

  describe('on a production gateway that runs registered documents only', () => {
    let production: RunningGateway;
    beforeAll(async () => {
      production = await startGatewayOver(env, { production: true, trustedDocuments: { mode: 'required', manifest: new Map() } });
    });
    afterAll(async () => {
      await production?.close();
    });

    it('serves the document (its operation is built in and registered) while an ad-hoc GraphQL preview is refused', async () => {
      const headers = await env.headersFor(policeOwner, deciding(made.decisionId));
      const page = await getDocument(made.decisionId, headers, { gatewayUrl: production.url });
      expect(page.status).toBe(200);
      expect(sha256(page.body)).toBe(made.contentSha256);
      const adHoc = await postGraphQL(`${production.url}/graphql`, PREVIEW, { decisionId: made.decisionId }, headers);
      expect(adHoc.errors?.[0]?.extensions?.code).toBe('TRUSTED_DOCUMENT_REQUIRED');
      const refused = await getDocument(made.decisionId, await env.headersFor(probationOutsider, deciding(made.decisionId)), {
        gatewayUrl: production.url,
      });
      expect(refused.status).toBe(404);
      expect(refused.text).not.toMatch(/stack|at \w+ \(/i);
    });
  });

  it('issue 9 §1: the page is rate limited per principal as GraphQL is: 429 with Retry-After once the bucket is empty', async () => {
    const limited = await startGatewayOver(env, {
      rateLimits: { ...TEST_RATE_LIMITS, perPrincipal: { capacity: 3, refillPerSecond: REFILL_ONCE_AN_HOUR } },
    });
    try {
      const headers = await env.headersFor(policeOwner, deciding(made.decisionId));
      const answers = [];
      for (let attempt = 0; attempt < 4; attempt += 1)
        answers.push(await getDocument(made.decisionId, headers, { gatewayUrl: limited.url }));
      // The bucket cannot refill during the test: exactly its capacity is served.
      expect(answers.map((answer) => answer.status)).toEqual([200, 200, 200, 429]);
      const refused = answers[3];
      expect(Number(refused!.headers.get('retry-after'))).toBeGreaterThan(0);
      expect(JSON.parse(refused!.text).errors[0].extensions.code).toBe('RATE_LIMITED');
    } finally {
      await limited.close();
    }
  });
});

describe('issue 11: the served page in headless Chromium', () => {
  let browser: Browser;

  beforeAll(async () => {
    if (!existsSync(CHROMIUM)) {
      throw new Error(
        `Chromium is not installed at ${CHROMIUM}: the served page must be tested in a real browser. Install Debian's package (apt-get install -y chromium) or set CHROMIUM_EXECUTABLE.`,
      );
    }
    browser = await chromium.launch({ executablePath: CHROMIUM });
  });

  afterAll(async () => {
    await browser?.close();
  });

  it('opens the route as a real navigation: the page renders under its CSP, runs no script, and prints on A4 with the OFFICIAL-SENSITIVE marking', async () => {
    // The practitioner's client sends the token and the purpose with the navigation.
    const context = await browser.newContext({
      viewport: { width: 900, height: 1200 },
      extraHTTPHeaders: await env.headersFor(policeOwner, deciding(made.decisionId)),
    });
    try {
      const page = await context.newPage();
      const messages: string[] = [];
      const requests: string[] = [];
      page.on('console', (message) => messages.push(`${message.type()}: ${message.text()}`));
      page.on('pageerror', (error) => messages.push(`pageerror: ${error.message}`));
      page.on('request', (request) => requests.push(request.url()));
      const url = `${env.stack.gateway.url}${documentPath(made.decisionId)}`;
      const response = await page.goto(url, { waitUntil: 'load' });
      expect(response?.status()).toBe(200);
      expect(response?.headers()['content-security-policy']).toBe(DISCLOSURE_DOCUMENT_HTTP_HEADERS['content-security-policy']);
      expect(sha256(await response!.body())).toBe(made.contentSha256);

      // Renders: the marking boxed and bold (the stylesheet's hash is allowed), the item as written; nothing else fetched, no violation.
      expect(await page.locator('#marking-top').innerText()).toBe(DISCLOSURE_DOCUMENT_MARKING);
      expect(await page.evaluate('getComputedStyle(document.getElementById("marking-top")).fontWeight')).toBe('700');
      expect(await page.locator('ol.items > li').first().innerText()).toContain('He is subject to notification requirements indefinitely.');
      expect(requests).toEqual([url]);
      expect(messages).toEqual([]);

      // No script can run: one added to the page (as an injection would) is refused by the policy.
      await page.evaluate(
        `(() => { const script = document.createElement('script'); script.textContent = 'globalThis.__ran = true'; document.body.append(script); })()`,
      );
      expect(await page.evaluate('globalThis.__ran')).toBeUndefined();
      expect(messages.some((message) => message.includes('Content Security Policy'))).toBe(true);

      // Prints: in print media both markings still show, and the PDF is A4.
      await page.emulateMedia({ media: 'print' });
      expect(await page.locator('#marking-top').isVisible()).toBe(true);
      expect(await page.locator('#marking-bottom').innerText()).toBe(DISCLOSURE_DOCUMENT_MARKING);
      const pdf = await page.pdf({ preferCSSPageSize: true, printBackground: true });
      expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
      const sizes = [...pdf.toString('latin1').matchAll(/\/MediaBox\s*\[\s*([\d.]+)\s+([\d.]+)\s+([\d.]+)\s+([\d.]+)\s*\]/g)].map(
        (match) => [Number(match[3]) - Number(match[1]), Number(match[4]) - Number(match[2])],
      );
      expect(sizes.length).toBeGreaterThanOrEqual(1);
      for (const [width, height] of sizes) {
        expect(Math.abs(width! - (210 / 25.4) * 72)).toBeLessThan(1.5);
        expect(Math.abs(height! - (297 / 25.4) * 72)).toBeLessThan(1.5);
      }
    } finally {
      await context.close();
    }
  });

  it('a browser without the token gets the 401, never the page', async () => {
    const context = await browser.newContext();
    try {
      const page = await context.newPage();
      const response = await page.goto(`${env.stack.gateway.url}${documentPath(made.decisionId)}`);
      expect(response?.status()).toBe(401);
      expect(await page.content()).not.toContain(DISCLOSURE_DOCUMENT_MARKING);
    } finally {
      await context.close();
    }
  });
});
