import { existsSync } from 'node:fs';
import { chromium } from 'playwright-core';
import type { Browser, Page } from 'playwright-core';
import { PNG } from 'pngjs';
import { MappaArea } from '../domain/mappa-area';
import {
  DISCLOSURE_DOCUMENT_HTTP_HEADERS,
  DISCLOSURE_DOCUMENT_MARKING,
  OFFENDER_UNAWARE_NOTICE,
  PHOTOGRAPH_NOTICE,
  renderDisclosureDocument,
} from './disclosure-document';
import type { DisclosureDocumentContent, DisclosureDocumentItem } from './disclosure-document';

/*
 * The disclosure document in a real browser (issue 11: "tested in headless Chromium"): Debian's
 * chromium package, driven by playwright-core. What a practitioner opens and prints is what these
 * tests look at: the visible text, what ran (nothing), what was fetched (nothing), a screenshot and
 * the PDF a print gives. Without the browser the file fails: a rendering test that silently skips
 * would let a broken page through (CI installs the package, `.ci/run`).
 * @jest-database-independent: it renders in the browser and opens no database, so CI runs it once (.ci/run).
 */
const CHROMIUM = process.env.CHROMIUM_EXECUTABLE ?? '/usr/bin/chromium';

// The page is served from this origin by the test (page.route), with the headers a route serves it
// with, so it loads by a real navigation under its own CSP, as a browser opening it from a service would.
const ORIGIN = 'https://disclosure.invalid';

// A4 in PDF points (1/72 inch): 210 mm × 297 mm.
const A4_WIDTH_PT = (210 / 25.4) * 72;
const A4_HEIGHT_PT = (297 / 25.4) * 72;

const HOSTILE = `<script>globalThis.__ran = "wording"</script></style><img src=x onerror="globalThis.__ran='img'">"'&`;

const ITEMS: readonly DisclosureDocumentItem[] = [
  {
    position: 1,
    kind: 'RECORD_FIELD',
    sourceAgency: 'police',
    fieldCoordinate: 'PoliceRecord.convictionSummary',
    wording: 'Convicted in 2019 of offences against children under 13.',
    photograph: false,
    victimIdentifying: false,
    agreement: 'AGREED',
  },
  {
    position: 2,
    kind: 'FREE_TEXT',
    sourceAgency: 'probation',
    fieldCoordinate: null,
    wording: `Must not enter school grounds. Quoted from his statement: ${HOSTILE}`,
    photograph: false,
    victimIdentifying: false,
    agreement: 'AWAITING',
  },
  {
    position: 3,
    kind: 'RECORD_FIELD',
    sourceAgency: 'prison',
    fieldCoordinate: 'PrisonRecord.photograph',
    wording: 'A recent photograph of the person.',
    photograph: true,
    victimIdentifying: false,
    agreement: 'AGREED',
  },
];

const CONTENT: DisclosureDocumentContent = {
  decisionId: 'DSC-MAPPA-BROWSER1',
  holder: 'MAPPA',
  area: MappaArea.AVON_AND_SOMERSET,
  recipientKind: 'SCHOOL',
  recipientDescription: `The head teacher of Synthetic Primary School ${HOSTILE}`,
  purpose: 'To let the school keep its pupils safe at the start and end of the school day.',
  recipientGuidance: `If you see him near the school, call 999.\nOtherwise contact the public protection unit on 01234 567890. ${HOSTILE}`,
  offenderAware: false,
  items: ITEMS,
};

let browser: Browser;
let page: Page;
// What the shared page serves at the next navigation, and since then: what it asked for, what actually
// went out (reached the network, here the route; a request the CSP blocks is asked for but never goes
// out), and what it said on the console.
let served = '';
let navigations = 0;
const requests: string[] = [];
const fetched: string[] = [];
const messages: string[] = [];

beforeAll(async () => {
  if (!existsSync(CHROMIUM)) {
    throw new Error(
      `Chromium is not installed at ${CHROMIUM}: the disclosure document must be tested in a real browser. Install Debian's package (apt-get install -y chromium) or set CHROMIUM_EXECUTABLE.`,
    );
  }
  // One browser and one page for the file: starting a renderer is the slow part, and each test
  // navigates to a new URL, which gives it a new document, window and CSP.
  browser = await chromium.launch({ executablePath: CHROMIUM });
  const context = await browser.newContext({ viewport: { width: 900, height: 1200 }, deviceScaleFactor: 1 });
  page = await context.newPage();
  page.on('request', (request) => requests.push(request.url()));
  page.on('console', (message) => messages.push(`${message.type()}: ${message.text()}`));
  page.on('pageerror', (error) => messages.push(`pageerror: ${error.message}`));
  await page.route('**/*', (route) => {
    fetched.push(route.request().url());
    return route.request().url() === `${ORIGIN}/document/${navigations}`
      ? route.fulfill({ status: 200, headers: { ...DISCLOSURE_DOCUMENT_HTTP_HEADERS }, body: served })
      : route.fulfill({ status: 404, body: '' });
  });
});

afterAll(async () => {
  await browser?.close();
});

/** Opens `html` as a new page at ORIGIN (a real navigation), with fresh records of requests and console output; returns its URL. */
async function open(html: string): Promise<string> {
  served = html;
  navigations += 1;
  requests.length = 0;
  fetched.length = 0;
  messages.length = 0;
  const url = `${ORIGIN}/document/${navigations}`;
  await page.goto(url, { waitUntil: 'load' });
  return url;
}

/** The PDF's pages as [width, height] in points, read from each page object's MediaBox. */
function pdfPageSizes(pdf: Buffer): Array<[number, number]> {
  const text = pdf.toString('latin1');
  const pages = [...text.matchAll(/\/Type\s*\/Page\b(?!s)[\s\S]*?\/MediaBox\s*\[\s*([\d.]+)\s+([\d.]+)\s+([\d.]+)\s+([\d.]+)\s*\]/g)];
  return pages.map((match) => [Number(match[3]) - Number(match[1]), Number(match[4]) - Number(match[2])]);
}

describe('the disclosure document in headless Chromium', () => {
  it('B §2: shows the marking, the recipient, each item with its source and agreement, the notices and the undertaking', async () => {
    await open(renderDisclosureDocument(CONTENT));
    expect(await page.locator('#marking-top').innerText()).toBe(DISCLOSURE_DOCUMENT_MARKING);
    expect(await page.locator('#marking-bottom').innerText()).toBe(DISCLOSURE_DOCUMENT_MARKING);
    expect(await page.title()).toBe(`${DISCLOSURE_DOCUMENT_MARKING}: disclosure DSC-MAPPA-BROWSER1`);
    expect(await page.locator('#recipient').innerText()).toBe(
      `The head teacher of Synthetic Primary School ${HOSTILE} (School or college)`,
    );
    expect(await page.locator('#purpose').innerText()).toBe(CONTENT.purpose);

    const items = await page.locator('ol.items > li').allInnerTexts();
    expect(items).toHaveLength(3);
    expect(items[0]).toContain(ITEMS[0]!.wording);
    expect(items[0]).toContain('Source: Police (from its record: PoliceRecord.convictionSummary)');
    expect(items[0]).toContain('Agreement: Agreed by its owner');
    expect(items[1]).toContain(ITEMS[1]!.wording);
    expect(items[1]).toContain('Source: Probation Service');
    expect(items[1]).toContain('Agreement: Awaiting its owner’s agreement: must not be disclosed yet');
    expect(items[2]).toContain(ITEMS[2]!.wording);
    expect(items[2]).toContain('Source: Prison Service (from its record: PrisonRecord.photograph)');
    // B.13: the photograph, and only the photograph, is marked as shown, not handed over.
    expect(items[2]).toContain(PHOTOGRAPH_NOTICE);
    expect(items[0]).not.toContain('not handed over');
    expect(items[1]).not.toContain('not handed over');

    // L9226-9229: representations were not sought, so the recipient is told the offender does not know.
    expect(await page.locator('#offender-notice').innerText()).toBe(OFFENDER_UNAWARE_NOTICE);
    expect(await page.locator('#undertaking').innerText()).toContain('You must not pass it on to anyone else');
    // The guidance keeps its line break on screen (pre-wrap).
    expect(await page.locator('#guidance').innerText()).toBe(CONTENT.recipientGuidance);
  });

  it('shows hostile wording as text: no script ran, no element was injected, nothing was fetched', async () => {
    const url = await open(renderDisclosureDocument(CONTENT));
    expect(await page.evaluate('globalThis.__ran')).toBeUndefined();
    expect(await page.evaluate('document.querySelectorAll("script, img, iframe, object, embed, link, form").length')).toBe(0);
    // The structure is the template's: three items, one stylesheet, both markings.
    expect(await page.evaluate('document.querySelectorAll("style").length')).toBe(1);
    expect(await page.locator('.marking').count()).toBe(2);
    expect(await page.locator('ol.items > li').count()).toBe(3);
    expect(await page.locator('ol.items > li').nth(1).locator('.wording').innerText()).toBe(ITEMS[1]!.wording);
    expect(requests).toEqual([url]);
    expect(fetched).toEqual([url]);
    expect(messages).toEqual([]);
  });

  it('its content-security policy lets its own stylesheet apply and would stop a script that got past escaping', async () => {
    await open(renderDisclosureDocument(CONTENT));
    // The stylesheet's hash is right: the marking is bold and boxed, as the stylesheet says.
    expect(await page.evaluate('getComputedStyle(document.getElementById("marking-top")).fontWeight')).toBe('700');
    expect(await page.evaluate('getComputedStyle(document.getElementById("marking-top")).borderTopStyle')).toBe('solid');
    expect(messages).toEqual([]);

    // Defence in depth: splice markup into the rendered page as an escaping bug would; the CSP refuses all of it.
    const tampered = renderDisclosureDocument(CONTENT).replace(
      '</main>',
      `<script>globalThis.__ran = 'inline'</script><img src="${ORIGIN}/beacon.png" onerror="globalThis.__ran='handler'"><style>main { display: none }</style></main>`,
    );
    const url = await open(tampered);
    expect(await page.evaluate('globalThis.__ran')).toBeUndefined();
    expect(fetched).toEqual([url]);
    expect(await page.locator('main').isVisible()).toBe(true);
    expect(messages.some((message) => message.includes('Content Security Policy'))).toBe(true);
  });

  it('renders on screen: a screenshot is a non-blank PNG of a sensible size', async () => {
    await open(renderDisclosureDocument(CONTENT));
    const png = PNG.sync.read(await page.screenshot({ fullPage: true, type: 'png' }));
    expect(png.width).toBe(900);
    expect(png.height).toBeGreaterThanOrEqual(1200);
    expect(png.height).toBeLessThan(6000);
    const colours = new Set<number>();
    let dark = 0;
    for (let offset = 0; offset < png.data.length; offset += 4) {
      const [red, green, blue] = [png.data[offset]!, png.data[offset + 1]!, png.data[offset + 2]!];
      colours.add((red << 16) | (green << 8) | blue);
      if (red + green + blue < 200) dark += 1;
    }
    // Not one colour, and text drawn: more than a sliver of dark pixels, far less than a dark page.
    expect(colours.size).toBeGreaterThan(16);
    const darkShare = dark / (png.width * png.height);
    expect(darkShare).toBeGreaterThan(0.005);
    expect(darkShare).toBeLessThan(0.5);
  });

  it('prints to A4: one page for a short document, several A4 pages for a long one', async () => {
    await open(renderDisclosureDocument(CONTENT));
    const pdf = await page.pdf({ preferCSSPageSize: true, printBackground: true });
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    const short = pdfPageSizes(pdf);
    expect(short.length).toBeGreaterThanOrEqual(1);

    const many = Array.from({ length: 40 }, (_, index): DisclosureDocumentItem => ({
      ...ITEMS[0]!,
      position: index + 1,
      wording: `Item ${index + 1}: ${ITEMS[0]!.wording}`,
    }));
    await open(renderDisclosureDocument({ ...CONTENT, items: many }));
    const long = pdfPageSizes(await page.pdf({ preferCSSPageSize: true, printBackground: true }));
    expect(long.length).toBeGreaterThan(short.length);
    for (const [width, height] of [...short, ...long]) {
      expect(Math.abs(width - A4_WIDTH_PT)).toBeLessThan(1.5);
      expect(Math.abs(height - A4_HEIGHT_PT)).toBeLessThan(1.5);
    }
  });
});
