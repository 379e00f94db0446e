import { createHash } from 'node:crypto';
import type { MappaArea } from '../domain/mappa-area';
import type { DisclosureHolder, DisclosureItemKind, ItemAgreementStatus, RecipientKind } from './disclosure.model';

/*
 * The disclosure document: what the practitioner takes to the recipient (guidance B §2 "Making the
 * disclosure" and "Offender's involvement", L9102-9229), and what a made disclosure freezes. The
 * parties preview it before the decision; once DECIDED its inputs no longer change, MADE stores this
 * exact string and its SHA-256, and the preview then returns the stored string. So the rendering is
 * a pure function of its content: no clock, no randomness, no locale, no environment, fixed key order.
 *
 * It is a complete HTML5 page a browser opens on its own and prints on A4. Everything a person wrote
 * is HTML-escaped; the page has no script, loads nothing (no image, font or stylesheet from anywhere),
 * and its content-security policy allows only its own stylesheet, by hash, so that even a value that
 * escaped escaping could neither run nor fetch anything.
 */

/** One item of the content, as it will read, with its source agency and its owner's agreement. */
export interface DisclosureDocumentItem {
  readonly position: number;
  readonly kind: DisclosureItemKind;
  readonly sourceAgency: string;
  readonly fieldCoordinate: string | null;
  readonly wording: string;
  readonly photograph: boolean;
  readonly victimIdentifying: boolean;
  readonly agreement: ItemAgreementStatus;
}

/** Everything the document shows: nothing else of the decision's record reaches the recipient. */
export interface DisclosureDocumentContent {
  readonly decisionId: string;
  readonly holder: DisclosureHolder;
  readonly area: MappaArea;
  readonly recipientKind: RecipientKind;
  readonly recipientDescription: string;
  readonly purpose: string;
  readonly recipientGuidance: string;
  /** representations were sought, so the offender knows */
  readonly offenderAware: boolean;
  readonly items: readonly DisclosureDocumentItem[];
}

/** The protective marking of every disclosure document (GPMS successor marking for personal data about offenders). */
export const DISCLOSURE_DOCUMENT_MARKING = 'OFFICIAL-SENSITIVE';

/** What a photograph item says on the page (B.13, L9135-9138: photographs are shown, not handed over). */
export const PHOTOGRAPH_NOTICE = 'Photograph: to be shown, not handed over. It must not be copied, photographed or left with you.';

/** What the recipient is told when the offender was not asked for representations (L9226-9229). */
export const OFFENDER_UNAWARE_NOTICE =
  'The person this information is about does not know that it is being disclosed to you. Do not tell them, or anyone who may tell them.';

/** What the recipient is told when the offender's representations were sought (L9144-9153). */
export const OFFENDER_AWARE_NOTICE =
  'The person this information is about was told that this disclosure was being considered and was asked for their views.';

/** The recipient's undertaking (L9105-9135: confidentiality understood, no misuse, a signed form as the audit trail). */
export const CONFIDENTIALITY_UNDERTAKING = [
  'This information is given to you in confidence, for the purpose above only, to protect the public.',
  'You must not pass it on to anyone else, copy it, publish it or use it for any other purpose.',
  'You must not use it to harass, threaten or take action against the person it is about, or anyone close to them.',
  'If you think someone else needs to know, speak first to the contact named below.',
] as const;

const RECIPIENT_KIND_LABELS: { readonly [K in RecipientKind]: string } = {
  SCHOOL: 'School or college',
  EMPLOYER: 'Employer',
  PARTNER: 'Partner',
  VICTIM: 'Victim',
  ACCOMMODATION: 'Supported accommodation',
  WORSHIP: 'Place of worship',
  MEDIA: 'Media',
  PROFESSIONAL: 'Professional not party to MAPPA',
  LEISURE: 'Leisure or community organisation',
  NEIGHBOUR_OR_FRIEND: 'Neighbour or friend',
  OTHER: 'Other',
};

const HOLDER_LABELS: { readonly [H in DisclosureHolder]: string } = {
  MAPPA: 'the MAPPA agencies',
  PROBATION: 'the Probation Service',
  POLICE: 'the Police',
};

const SOURCE_AGENCY_LABELS: { readonly [agency: string]: string } = {
  police: 'Police',
  probation: 'Probation Service',
  prison: 'Prison Service',
  yot: 'Youth Offending Team',
  mappa_unit: 'MAPPA unit',
};

const AGREEMENT_LABELS: { readonly [A in ItemAgreementStatus]: string } = {
  AGREED: 'Agreed by its owner',
  REFUSED: 'Refused by its owner: must not be disclosed',
  AWAITING: 'Awaiting its owner’s agreement: must not be disclosed yet',
};

/*
 * The stylesheet is a constant, so its hash is too: the CSP allows exactly this stylesheet and no
 * other style (no inline `style` attribute, no <style> a value could smuggle in). Screen first;
 * print on A4 with the marking at the head and foot of every page (page-margin boxes).
 */
const STYLESHEET = `
:root { color-scheme: light; }
* { box-sizing: border-box; }
html { background: #e8e8e8; }
body { margin: 0 auto; max-width: 52rem; padding: 1.5rem; background: #ffffff; color: #111111; font: 1rem/1.5 Arial, Helvetica, sans-serif; }
.marking { margin: 0; padding: 0.35rem; text-align: center; font-weight: bold; letter-spacing: 0.08em; border: 2px solid #111111; background: #ffffff; }
h1 { font-size: 1.5rem; margin: 1.25rem 0 0.5rem; }
h2 { font-size: 1.15rem; margin: 1.5rem 0 0.5rem; border-bottom: 1px solid #777777; }
dl.facts { display: grid; grid-template-columns: 11rem 1fr; gap: 0.25rem 1rem; margin: 0; }
dl.facts dt { font-weight: bold; }
dl.facts dd { margin: 0; }
.notice { margin: 1rem 0; padding: 0.75rem 1rem; border: 2px solid #8a1c1c; background: #fdf1f1; font-weight: bold; }
.notice.informed { border-color: #555555; background: #f4f4f4; font-weight: normal; }
ol.items { padding-left: 1.5rem; }
ol.items > li { margin: 0 0 1rem; padding: 0.5rem 0.75rem; border: 1px solid #999999; break-inside: avoid; page-break-inside: avoid; }
.wording { margin: 0 0 0.5rem; white-space: pre-wrap; overflow-wrap: anywhere; }
.meta { margin: 0.25rem 0 0; font-size: 0.9rem; color: #333333; }
.photograph, .victim { margin: 0.25rem 0 0; padding: 0.25rem 0.5rem; font-weight: bold; border-left: 4px solid #8a1c1c; }
.text { white-space: pre-wrap; overflow-wrap: anywhere; }
ul.undertaking { padding-left: 1.5rem; }
.signature { display: grid; grid-template-columns: 11rem 1fr; gap: 1.25rem 1rem; margin-top: 1rem; break-inside: avoid; page-break-inside: avoid; }
.signature span.line { border-bottom: 1px solid #111111; min-height: 1.5rem; }
footer { margin-top: 2rem; font-size: 0.85rem; }
@page {
  size: A4;
  margin: 20mm 16mm;
  @top-center { content: "OFFICIAL-SENSITIVE"; font: bold 10pt Arial, Helvetica, sans-serif; }
  @bottom-center { content: "OFFICIAL-SENSITIVE"; font: bold 10pt Arial, Helvetica, sans-serif; }
  @bottom-right { content: "Page " counter(page) " of " counter(pages); font: 9pt Arial, Helvetica, sans-serif; }
}
@media print {
  html { background: #ffffff; }
  body { max-width: none; padding: 0; font-size: 11pt; }
  .notice, .marking { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
  h2 { break-after: avoid; page-break-after: avoid; }
}
`;

const STYLESHEET_HASH = createHash('sha256').update(STYLESHEET, 'utf8').digest('base64');

/** The page's content-security policy: nothing but its own stylesheet (by hash); no script, no fetch, no form, no base. */
export const DISCLOSURE_DOCUMENT_CSP = [
  "default-src 'none'",
  `style-src 'sha256-${STYLESHEET_HASH}'`,
  "img-src 'none'",
  "script-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
].join('; ');

/**
 * The HTTP headers to serve the document with, wherever a route serves it: the same policy as the
 * meta tag plus what only a header can say (no framing), never cached (it is personal data, and a
 * shared or back-button cache would keep it), never sniffed as anything but HTML, no referrer.
 */
export const DISCLOSURE_DOCUMENT_HTTP_HEADERS: { readonly [name: string]: string } = {
  'content-type': 'text/html; charset=utf-8',
  'content-security-policy': `${DISCLOSURE_DOCUMENT_CSP}; frame-ancestors 'none'`,
  'cache-control': 'no-store',
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'no-referrer',
  'x-frame-options': 'DENY',
};

const ESCAPES: { readonly [character: string]: string } = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/*
 * Text as the page will carry it. Beyond the five HTML specials: line endings become \n (the HTML
 * parser would anyway, so the bytes say what the page shows), and characters that are not text (C0/C1
 * controls other than tab and line feed, lone surrogates) become U+FFFD, which is what PostgreSQL and
 * UTF-8 would make of them, so the stored frozen content is this very string. Inputs are already
 * refused with such characters (`freeTextSchema`); this keeps the renderer safe on its own.
 */
function escapeText(value: string): string {
  let text = '';
  const normalised = value.replace(/\r\n?/g, '\n');
  for (let index = 0; index < normalised.length; index += 1) {
    const character = normalised[index] as string;
    const unit = normalised.charCodeAt(index);
    if (unit >= 0xd800 && unit <= 0xdbff) {
      const next = normalised.charCodeAt(index + 1);
      if (next >= 0xdc00 && next <= 0xdfff) {
        text += character + (normalised[index + 1] as string);
        index += 1;
      } else {
        text += '\uFFFD';
      }
    } else if ((unit >= 0xdc00 && unit <= 0xdfff) || (unit < 0x20 && unit !== 0x09 && unit !== 0x0a) || (unit >= 0x7f && unit <= 0x9f)) {
      text += '\uFFFD';
    } else {
      text += ESCAPES[character] ?? character;
    }
  }
  return text;
}

/** An enum value (an area) as words: AVON_AND_SOMERSET → Avon and Somerset. */
function areaLabel(area: string): string {
  return area
    .toLowerCase()
    .split('_')
    .map((word, index) => (word === 'and' && index > 0 ? word : word.charAt(0).toUpperCase() + word.slice(1)))
    .join(' ');
}

/*
 * A label by key, or the key itself when there is none: an own property only, so that a value such as
 * "constructor" (the source agency is a plain string, read from a database) is shown as written rather
 * than finding Object.prototype's function.
 */
function labelOf(labels: { readonly [key: string]: string }, key: string): string {
  return Object.hasOwn(labels, key) ? (labels[key] as string) : key;
}

function sourceAgencyLabel(agency: string): string {
  return labelOf(SOURCE_AGENCY_LABELS, agency);
}

function renderItem(item: DisclosureDocumentItem): string {
  const source =
    item.kind === 'RECORD_FIELD' && item.fieldCoordinate !== null
      ? `${escapeText(sourceAgencyLabel(item.sourceAgency))} (from its record: ${escapeText(item.fieldCoordinate)})`
      : escapeText(sourceAgencyLabel(item.sourceAgency));
  const lines = [`<li class="item" data-agreement="${escapeText(item.agreement)}">`, `<p class="wording">${escapeText(item.wording)}</p>`];
  if (item.photograph) lines.push(`<p class="photograph">${escapeText(PHOTOGRAPH_NOTICE)}</p>`);
  if (item.victimIdentifying)
    lines.push(
      '<p class="victim">Identifies a victim: shared only because the risk cannot be managed otherwise. Take particular care.</p>',
    );
  lines.push(`<p class="meta">Source: ${source}</p>`);
  lines.push(`<p class="meta">Agreement: ${escapeText(labelOf(AGREEMENT_LABELS, item.agreement))}</p>`);
  lines.push('</li>');
  return lines.join('\n');
}

/** The complete HTML5 document for `content`: deterministic (same content, same string), escaped, script-free, print-ready on A4. */
export function renderDisclosureDocument(content: DisclosureDocumentContent): string {
  // Ordered by position whatever order the caller read them in; ties cannot occur (position is unique per decision).
  const items = [...content.items].sort((left, right) => left.position - right.position);
  const marking = escapeText(DISCLOSURE_DOCUMENT_MARKING);
  const reference = escapeText(content.decisionId);
  const from = `${escapeText(labelOf(HOLDER_LABELS, content.holder))}, ${escapeText(areaLabel(content.area))}`;
  const offenderNotice = content.offenderAware
    ? `<p class="notice informed" id="offender-notice">${escapeText(OFFENDER_AWARE_NOTICE)}</p>`
    : `<p class="notice" id="offender-notice">${escapeText(OFFENDER_UNAWARE_NOTICE)}</p>`;
  const itemList =
    items.length === 0
      ? '<p id="no-items">No information has been proposed for disclosure.</p>'
      : `<ol class="items">\n${items.map(renderItem).join('\n')}\n</ol>`;
  return [
    '<!doctype html>',
    '<html lang="en-GB">',
    '<head>',
    '<meta charset="utf-8">',
    `<meta http-equiv="Content-Security-Policy" content="${escapeText(DISCLOSURE_DOCUMENT_CSP)}">`,
    '<meta name="referrer" content="no-referrer">',
    '<meta name="robots" content="noindex, nofollow">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${marking}: disclosure ${reference}</title>`,
    `<style>${STYLESHEET}</style>`,
    '</head>',
    '<body>',
    `<p class="marking" id="marking-top">${marking}</p>`,
    '<main>',
    '<h1>Disclosure of information to protect the public</h1>',
    '<dl class="facts">',
    `<dt>Reference</dt><dd id="reference">${reference}</dd>`,
    `<dt>Disclosed by</dt><dd id="disclosed-by">${from}</dd>`,
    `<dt>To</dt><dd id="recipient"><span class="text">${escapeText(content.recipientDescription)}</span> (${escapeText(labelOf(RECIPIENT_KIND_LABELS, content.recipientKind))})</dd>`,
    `<dt>Purpose</dt><dd id="purpose" class="text">${escapeText(content.purpose)}</dd>`,
    '</dl>',
    offenderNotice,
    '<h2>The information</h2>',
    itemList,
    '<h2>Keeping this information confidential</h2>',
    '<ul class="undertaking" id="undertaking">',
    ...CONFIDENTIALITY_UNDERTAKING.map((line) => `<li>${escapeText(line)}</li>`),
    '</ul>',
    '<h2>What to look out for, what to report and whom to contact</h2>',
    `<p id="guidance" class="text">${escapeText(content.recipientGuidance)}</p>`,
    '<h2>Recipient’s acknowledgement</h2>',
    '<p>I have been shown this information, I understand it and I agree to keep it confidential as set out above.</p>',
    '<div class="signature">',
    '<span>Signed</span><span class="line"></span>',
    '<span>Name</span><span class="line"></span>',
    '<span>Date</span><span class="line"></span>',
    '</div>',
    '</main>',
    `<footer><p>Reference ${reference}</p></footer>`,
    `<p class="marking" id="marking-bottom">${marking}</p>`,
    '</body>',
    '</html>',
    '',
  ].join('\n');
}

/** Lowercase hex SHA-256 of the document's UTF-8 bytes: what the database checks against frozen_content. */
export function disclosureContentSha256(document: string): string {
  return createHash('sha256').update(document, 'utf8').digest('hex');
}
