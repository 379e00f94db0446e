import { createHash } from 'node:crypto';
import { MappaArea } from '../domain/mappa-area';
import {
  CONFIDENTIALITY_UNDERTAKING,
  DISCLOSURE_DOCUMENT_CSP,
  DISCLOSURE_DOCUMENT_HTTP_HEADERS,
  DISCLOSURE_DOCUMENT_MARKING,
  OFFENDER_AWARE_NOTICE,
  OFFENDER_UNAWARE_NOTICE,
  PHOTOGRAPH_NOTICE,
  disclosureContentSha256,
  renderDisclosureDocument,
} from './disclosure-document';
import type { DisclosureDocumentContent, DisclosureDocumentItem } from './disclosure-document';

// Synthetic content: a level 2/3 disclosure to a school, three items from three owners.
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
    wording: 'Is not allowed to enter school grounds or to contact pupils.\nThis is a licence condition until 2031.',
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
    agreement: 'REFUSED',
  },
];

const CONTENT: DisclosureDocumentContent = {
  decisionId: 'DSC-MAPPA-0001',
  holder: 'MAPPA',
  area: MappaArea.AVON_AND_SOMERSET,
  recipientKind: 'SCHOOL',
  recipientDescription: 'The head teacher of Synthetic Primary School',
  purpose: 'To let the school keep its pupils safe at the start and end of the school day.',
  recipientGuidance: 'If you see him near the school, call 999. Otherwise contact the public protection unit on 01234 567890.',
  offenderAware: true,
  items: ITEMS,
};

/** The sequence of tags (open and close, by name) of a document: its structure without its text. */
function tagSequence(document: string): string[] {
  return [...document.matchAll(/<\/?([a-zA-Z][a-zA-Z0-9-]*)/g)].map((match) => match[0].toLowerCase());
}

/** The text between <style> and </style>, which the CSP's hash must cover. */
function stylesheetOf(document: string): string {
  const match = /<style>([\s\S]*?)<\/style>/.exec(document);
  if (!match || match[1] === undefined) throw new Error('expected one <style> element in the document');
  return match[1];
}

describe('the disclosure document (what the recipient receives)', () => {
  it('is a complete HTML5 document marked OFFICIAL-SENSITIVE at its head and its foot', () => {
    const document = renderDisclosureDocument(CONTENT);
    expect(document.startsWith('<!doctype html>\n<html lang="en-GB">')).toBe(true);
    expect(document.endsWith('</html>\n')).toBe(true);
    expect(document).toContain('<meta charset="utf-8">');
    expect(document).toContain(`<p class="marking" id="marking-top">${DISCLOSURE_DOCUMENT_MARKING}</p>`);
    expect(document).toContain(`<p class="marking" id="marking-bottom">${DISCLOSURE_DOCUMENT_MARKING}</p>`);
    expect(document).toContain(`<title>${DISCLOSURE_DOCUMENT_MARKING}: disclosure DSC-MAPPA-0001</title>`);
  });

  it('B §2 "Making the disclosure": names the recipient, the purpose and who discloses', () => {
    const document = renderDisclosureDocument(CONTENT);
    expect(document).toContain(
      '<dd id="recipient"><span class="text">The head teacher of Synthetic Primary School</span> (School or college)</dd>',
    );
    expect(document).toContain(
      '<dd id="purpose" class="text">To let the school keep its pupils safe at the start and end of the school day.</dd>',
    );
    expect(document).toContain('<dd id="disclosed-by">the MAPPA agencies, Avon and Somerset</dd>');
    expect(renderDisclosureDocument({ ...CONTENT, holder: 'PROBATION', area: MappaArea.LONDON })).toContain(
      '<dd id="disclosed-by">the Probation Service, London</dd>',
    );
  });

  it('B.8: every item appears in position order with its source agency and its agreement status', () => {
    const shuffled = renderDisclosureDocument({ ...CONTENT, items: [ITEMS[2]!, ITEMS[0]!, ITEMS[1]!] });
    expect(shuffled).toBe(renderDisclosureDocument(CONTENT));
    const wordings = ITEMS.map((item) => shuffled.indexOf(item.wording));
    expect(wordings.every((index) => index > 0)).toBe(true);
    expect([...wordings].sort((a, b) => a - b)).toEqual(wordings);
    expect(shuffled).toContain('Source: Police (from its record: PoliceRecord.convictionSummary)');
    expect(shuffled).toContain('Source: Probation Service</p>');
    expect(shuffled).toContain('Source: Prison Service (from its record: PrisonRecord.photograph)');
    expect(shuffled).toContain('Agreement: Agreed by its owner');
    expect(shuffled).toContain('Agreement: Awaiting its owner’s agreement: must not be disclosed yet');
    expect(shuffled).toContain('Agreement: Refused by its owner: must not be disclosed');
    // A line break in the wording stays a line break (the wording is shown pre-wrapped, as written).
    expect(shuffled).toContain(
      '<p class="wording">Is not allowed to enter school grounds or to contact pupils.\nThis is a licence condition until 2031.</p>',
    );
  });

  it('B.13: a photograph is marked "to be shown, not handed over", and only a photograph', () => {
    const document = renderDisclosureDocument(CONTENT);
    expect(PHOTOGRAPH_NOTICE).toContain('to be shown, not handed over');
    expect(document.split(PHOTOGRAPH_NOTICE)).toHaveLength(2);
    const photographItem = document.slice(document.indexOf(ITEMS[2]!.wording));
    expect(photographItem.indexOf(PHOTOGRAPH_NOTICE)).toBeLessThan(photographItem.indexOf('</li>'));
    expect(renderDisclosureDocument({ ...CONTENT, items: [ITEMS[0]!, ITEMS[1]!] })).not.toContain(PHOTOGRAPH_NOTICE);
  });

  it('B.15: a victim-identifying item says so', () => {
    const victim: DisclosureDocumentItem = {
      ...ITEMS[0]!,
      position: 4,
      victimIdentifying: true,
      wording: 'The victim lived on Synthetic Road.',
    };
    const document = renderDisclosureDocument({ ...CONTENT, items: [...ITEMS, victim] });
    expect(document).toContain('<p class="victim">Identifies a victim');
    expect(renderDisclosureDocument(CONTENT)).not.toContain('class="victim"');
  });

  it('B §2 L9226-9229: when representations were not sought, the recipient is told the offender does not know', () => {
    const unaware = renderDisclosureDocument({ ...CONTENT, offenderAware: false });
    expect(unaware).toContain(`<p class="notice" id="offender-notice">${OFFENDER_UNAWARE_NOTICE}</p>`);
    expect(unaware).not.toContain(OFFENDER_AWARE_NOTICE);
    const aware = renderDisclosureDocument(CONTENT);
    expect(aware).toContain(`<p class="notice informed" id="offender-notice">${OFFENDER_AWARE_NOTICE}</p>`);
    expect(aware).not.toContain(OFFENDER_UNAWARE_NOTICE);
  });

  it('B §2 L9105-9135: carries the confidentiality undertaking, what to report and whom to contact, and a place to sign', () => {
    const document = renderDisclosureDocument(CONTENT);
    for (const line of CONFIDENTIALITY_UNDERTAKING) expect(document).toContain(`<li>${line}</li>`);
    expect(CONFIDENTIALITY_UNDERTAKING.join(' ')).toMatch(/must not pass it on/);
    expect(document).toContain(`<p id="guidance" class="text">${CONTENT.recipientGuidance}</p>`);
    expect(document).toContain('<span>Signed</span><span class="line"></span>');
  });

  it('is deterministic: the same content gives the same bytes whatever the clock or the random source', () => {
    const first = renderDisclosureDocument(CONTENT);
    jest.useFakeTimers({ now: new Date('2031-01-01T00:00:00Z') });
    const random = jest.spyOn(Math, 'random').mockReturnValue(0.123);
    try {
      const copy: DisclosureDocumentContent = JSON.parse(JSON.stringify(CONTENT)) as DisclosureDocumentContent;
      const later = renderDisclosureDocument(copy);
      expect(later).toBe(first);
      expect(disclosureContentSha256(later)).toBe(disclosureContentSha256(first));
    } finally {
      random.mockRestore();
      jest.useRealTimers();
    }
    // And different content gives a different document.
    expect(renderDisclosureDocument({ ...CONTENT, purpose: `${CONTENT.purpose} ` })).not.toBe(first);
  });

  it('escapes every value: hostile wording is text, never markup', () => {
    const hostile = `<script>alert("x")</script></style><img src=x onerror=alert(1)>"'&amp;`;
    const benign = 'plain words';
    const withValues = (value: string): DisclosureDocumentContent => ({
      ...CONTENT,
      decisionId: value,
      recipientDescription: value,
      purpose: value,
      recipientGuidance: value,
      items: ITEMS.map((item) => ({
        ...item,
        wording: value,
        sourceAgency: value,
        fieldCoordinate: item.fieldCoordinate === null ? null : value,
      })),
    });
    const document = renderDisclosureDocument(withValues(hostile));
    // The same structure as the document with harmless values: no element, attribute or end tag got in.
    expect(tagSequence(document)).toEqual(tagSequence(renderDisclosureDocument(withValues(benign))));
    expect(document).not.toMatch(/<script/i);
    expect(document).not.toMatch(/<img/i);
    expect(document.match(/<\/style>/g)).toHaveLength(1);
    expect(document).toContain(
      '&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;&lt;/style&gt;&lt;img src=x onerror=alert(1)&gt;&quot;&#39;&amp;amp;',
    );
  });

  it('shows an unknown agency, kind or holder as written, even one named like an object property', () => {
    const document = renderDisclosureDocument({
      ...CONTENT,
      holder: 'constructor' as DisclosureDocumentContent['holder'],
      recipientKind: '__proto__' as DisclosureDocumentContent['recipientKind'],
      items: [{ ...ITEMS[1]!, sourceAgency: 'toString' }],
    });
    expect(document).toContain('<dd id="disclosed-by">constructor, Avon and Somerset</dd>');
    expect(document).toContain('</span> (__proto__)</dd>');
    expect(document).toContain('Source: toString</p>');
  });

  it('replaces characters that are not text, so the stored string is the rendered one', () => {
    const document = renderDisclosureDocument({
      ...CONTENT,
      purpose: 'a\u0000b\u0085c\uD800d\r\ne\rf',
      recipientGuidance: 'emoji \u{1F600} kept',
    });
    expect(document).toContain('<dd id="purpose" class="text">a\uFFFDb\uFFFDc\uFFFDd\ne\nf</dd>');
    expect(document).toContain('emoji \u{1F600} kept');
    expect(Buffer.from(document, 'utf8').toString('utf8')).toBe(document);
  });

  it('has no script and loads nothing: no src, href, url() or @import', () => {
    const document = renderDisclosureDocument(CONTENT);
    expect(document).not.toMatch(/<script|<link|<img|<iframe|<object|<embed|<form|\ssrc=|\shref=|url\(|@import|\son[a-z]+=/i);
  });

  it('states a strict content-security policy that allows exactly its own stylesheet', () => {
    const document = renderDisclosureDocument(CONTENT);
    expect(document).toContain(`<meta http-equiv="Content-Security-Policy" content="${DISCLOSURE_DOCUMENT_CSP.replace(/'/g, '&#39;')}">`);
    expect(DISCLOSURE_DOCUMENT_CSP).toMatch(/^default-src 'none'; /);
    expect(DISCLOSURE_DOCUMENT_CSP).not.toMatch(/unsafe-inline|unsafe-eval|\*|https?:|data:/);
    const hash = createHash('sha256').update(stylesheetOf(document), 'utf8').digest('base64');
    expect(DISCLOSURE_DOCUMENT_CSP).toContain(`style-src 'sha256-${hash}'`);
    // The policy comes before the only stylesheet, so it governs it.
    expect(document.indexOf('Content-Security-Policy')).toBeLessThan(document.indexOf('<style>'));
    expect(document).not.toMatch(/\sstyle=/);
  });

  it('is served with the same policy, never cached, never framed, never sniffed', () => {
    expect(DISCLOSURE_DOCUMENT_HTTP_HEADERS['content-security-policy']).toBe(`${DISCLOSURE_DOCUMENT_CSP}; frame-ancestors 'none'`);
    expect(DISCLOSURE_DOCUMENT_HTTP_HEADERS['cache-control']).toBe('no-store');
    expect(DISCLOSURE_DOCUMENT_HTTP_HEADERS['content-type']).toBe('text/html; charset=utf-8');
    expect(DISCLOSURE_DOCUMENT_HTTP_HEADERS['x-content-type-options']).toBe('nosniff');
  });

  it('is styled for print on A4 as well as for the screen', () => {
    const stylesheet = stylesheetOf(renderDisclosureDocument(CONTENT));
    expect(stylesheet).toMatch(/@page\s*\{\s*size:\s*A4;/);
    expect(stylesheet).toContain('@media print');
    expect(stylesheet).toContain(`content: "${DISCLOSURE_DOCUMENT_MARKING}"`);
  });
});

describe('disclosureContentSha256', () => {
  it('is the lowercase hex SHA-256 of the UTF-8 bytes', () => {
    expect(disclosureContentSha256('abc')).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
    expect(disclosureContentSha256('é')).toBe(
      createHash('sha256')
        .update(Buffer.from([0xc3, 0xa9]))
        .digest('hex'),
    );
    const document = renderDisclosureDocument(CONTENT);
    expect(disclosureContentSha256(document)).toMatch(/^[0-9a-f]{64}$/);
    expect(disclosureContentSha256(document)).toBe(createHash('sha256').update(Buffer.from(document, 'utf8')).digest('hex'));
  });
});
