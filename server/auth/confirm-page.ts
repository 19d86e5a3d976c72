/** The one-time sign-in link's confirmation page: a form that POSTs, so mail scanners following links sign nobody in. */

const TEXTS = {
  en: { title: 'Sign in', lead: 'Continue to sign in to', button: 'Sign in' },
  de: { title: 'Anmelden', lead: 'Weiter zur Anmeldung bei', button: 'Anmelden' },
  sv: { title: 'Logga in', lead: 'Fortsätt för att logga in på', button: 'Logga in' },
  da: { title: 'Log ind', lead: 'Fortsæt for at logge ind på', button: 'Log ind' },
} as const;
type Language = keyof typeof TEXTS;

const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (ch) => `&#${ch.charCodeAt(0)};`);

/** The first language of `Accept-Language` the page speaks, else English. */
export function pageLanguage(acceptLanguage: string | undefined): Language {
  for (const part of (acceptLanguage ?? '').split(',')) {
    const code = part.split(';')[0].trim().toLowerCase().slice(0, 2);
    if (code in TEXTS) return code as Language;
  }
  return 'en';
}

/** Static HTML, no script (served under a CSP without any script source). */
export function confirmPage(portalName: string, action: string, token: string, language: Language): string {
  const t = TEXTS[language];
  return `<!doctype html>
<html lang="${language}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="referrer" content="no-referrer"><title>${escapeHtml(t.title)} – ${escapeHtml(portalName)}</title></head>
<body><main><h1>${escapeHtml(t.title)}</h1><p>${escapeHtml(t.lead)} ${escapeHtml(portalName)}.</p>
<form method="post" action="${escapeHtml(action)}"><input type="hidden" name="token" value="${escapeHtml(token)}">
<button type="submit">${escapeHtml(t.button)}</button></form></main></body></html>
`;
}

/** Headers of the page: no script at all, no framing, no referrer (the token is in the URL), never cached. */
export const CONFIRM_PAGE_HEADERS = {
  'content-type': 'text/html; charset=utf-8',
  'content-security-policy': "default-src 'none'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'",
  'x-frame-options': 'DENY',
  'referrer-policy': 'no-referrer',
  'cache-control': 'no-store',
};
