import { createHash } from 'node:crypto';
import type { MappaArea } from '../domain/mappa-area';
import type { DisclosureHolder, DisclosureItemKind, ItemAgreementStatus, RecipientKind } from './disclosure.model';

/*
 * The disclosure as the recipient receives it (issue 11 "Preview as the recipient"): one deterministic
 * HTML5 document rendered from the decision's live items, so the preview before a decision and the
 * frozen content of a made disclosure are the same bytes, with the same SHA-256.
 *
 * PLACEHOLDER: a minimal escaped-HTML body with the signatures of the shared specification, written by
 * the workflow so that it can be built and tested; the document's own author replaces this file. Tests
 * of the workflow assert only that the preview equals the frozen content and its SHA-256, never the markup.
 */

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

const escapeHtml = (text: string): string => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');

/** The complete, deterministic HTML5 document the recipient receives. */
export function renderDisclosureDocument(content: DisclosureDocumentContent): string {
  const items = content.items
    .map((item) => `<li data-position="${item.position}" data-source="${escapeHtml(item.sourceAgency)}" data-agreement="${item.agreement}">${escapeHtml(item.wording)}</li>`)
    .join('');
  return (
    '<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>Disclosure</title></head><body>' +
    `<h1>Disclosure ${escapeHtml(content.decisionId)}</h1>` +
    `<p>To: ${escapeHtml(content.recipientDescription)}</p>` +
    `<p>Purpose: ${escapeHtml(content.purpose)}</p>` +
    `<ol>${items}</ol>` +
    `<p>${escapeHtml(content.recipientGuidance)}</p>` +
    `<p>${content.offenderAware ? 'The person concerned knows of this disclosure.' : 'The person concerned has not been told of this disclosure.'}</p>` +
    '</body></html>\n'
  );
}

/** Lowercase hex SHA-256 of the document's UTF-8 bytes. */
export function disclosureContentSha256(document: string): string {
  return createHash('sha256').update(document, 'utf8').digest('hex');
}
