import type { Context } from 'hono';
import type { AppEnv } from '../http/context.js';
import { Problem } from '../http/problem.js';
import { CONFIRM_TEXTS, type ConfirmLanguage, type ConfirmPurpose } from './confirm-texts.js';

/**
 * Confirmation pages of sign-in links that arrive by email or from another site (a one-time sign-in link, a
 * registration's confirmation link, a cross-site single sign-on): a form that POSTs, so mail scanners that follow
 * links sign nobody in, and a page from another site cannot sign the browser in to an account it chose (login CSRF).
 */

const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (ch) => `&#${ch.charCodeAt(0)};`);

/** The first language of `Accept-Language` the pages speak, else English. */
export function pageLanguage(acceptLanguage: string | undefined): ConfirmLanguage {
  for (const part of (acceptLanguage ?? '').split(',')) {
    const code = part.split(';')[0].trim().toLowerCase().slice(0, 2);
    if (Object.hasOwn(CONFIRM_TEXTS, code)) return code as ConfirmLanguage;
  }
  return 'en';
}

/** What a confirmation page shows and sends: its purpose, the form's target and hidden fields. */
export interface ConfirmPageOptions {
  purpose: ConfirmPurpose;
  portalName: string;
  action: string;
  fields: Record<string, string>;
  language: ConfirmLanguage;
}

/** Static HTML, no script (served under a CSP without any script source), one heading, one labelled button. */
export function confirmPage({ purpose, portalName, action, fields, language }: ConfirmPageOptions): string {
  const texts = CONFIRM_TEXTS[language];
  const t = texts[purpose];
  const lead = escapeHtml(t.lead).replace('{portal}', `<strong>${escapeHtml(portalName)}</strong>`);
  const note = 'note' in t ? `\n<p>${escapeHtml(t.note)}</p>` : '';
  const hidden = Object.entries(fields)
    .map(([name, value]) => `<input type="hidden" name="${escapeHtml(name)}" value="${escapeHtml(value)}">`).join('');
  return `<!doctype html>
<html lang="${language}" dir="${language === 'ar' ? 'rtl' : 'ltr'}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="referrer" content="no-referrer"><title>${escapeHtml(t.title)} – ${escapeHtml(portalName)}</title></head>
<body><main><h1>${escapeHtml(t.title)}</h1><p>${lead}</p>${note}
<form method="post" action="${escapeHtml(action)}">${hidden}
<button type="submit">${escapeHtml(t.button)}</button></form></main></body></html>
`;
}

/**
 * Headers of a confirmation page: no script at all, no framing, no referrer (the token is in the URL), never cached.
 * `formTargets`: origins besides this one the form's answer may redirect to (browsers check redirects of a form
 * submission against `form-action`).
 */
export function confirmPageHeaders(formTargets: readonly string[] = []): Record<string, string> {
  const targets = [...new Set(formTargets)].map((origin) => ` ${origin}`).join('');
  return {
    'content-type': 'text/html; charset=utf-8',
    'content-security-policy': `default-src 'none'; form-action 'self'${targets}; frame-ancestors 'none'; base-uri 'none'`,
    'x-frame-options': 'DENY',
    'referrer-policy': 'no-referrer',
    'cache-control': 'no-store',
  };
}

/** {@link confirmPageHeaders} without other targets. */
export const CONFIRM_PAGE_HEADERS = confirmPageHeaders();

/**
 * Refuses (403) a confirmation form posted from anywhere but this server's own pages: `Sec-Fetch-Site` must be
 * `same-origin`, or — from a browser that sends no Fetch Metadata — `Origin` must be the server's public origin.
 */
export function requireOwnPageForm(c: Context<AppEnv>, detail: string): void {
  const site = c.req.header('sec-fetch-site')?.toLowerCase();
  const origin = c.req.header('origin');
  if (site === 'cross-site' || site === 'same-site' || (site === undefined && origin !== new URL(c.get('deps').publicUrl).origin)) {
    throw Problem.forbidden(detail);
  }
}
