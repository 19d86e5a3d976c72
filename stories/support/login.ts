/** Fixtures of the `<portal-login>` stories, shared with the browser test that renders them. */

/** The admin's consent text of the login stories: with a link, as the sanitizer lets through. */
export const CONSENT_WITH_LINK =
  'I agree that Nordlicht processes my data to handle my support requests, as described in the ' +
  '<a href="https://nordlicht.example/privacy">privacy policy</a>.';

/** The demo contact whose invitation or reset link the set-password stories carry. */
export const LINK_CONTACT = 'lukas@nordlicht.example';

/** The sign-on label of the SSO story. */
export const SSO_LABEL = 'Nordlicht ID';

/** The idle-timeout notice of the notice story. */
export const IDLE_NOTICE = 'You were signed out after a period of inactivity.';
