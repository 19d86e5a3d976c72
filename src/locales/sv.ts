import { str } from '@lit/localize';

/** Swedish strings, keyed by the ids given to `msg()`. */
export const templates = {
  'portal.loading': 'Portalen laddas …',
  'portal.unreachable': 'Det gick inte att nå portalen. Kontrollera din anslutning och försök igen.',
  'portal.load-failed': 'Portalen kunde inte laddas.',
  'portal.try-again': 'Försök igen',
  'portal.unavailable': 'Den här portalen är inte tillgänglig',
  'portal.nav-label': 'Portalnavigering',
  'portal.ticket-heading': str`${0} #${1}`,
  'portal.not-found': 'Den här sidan finns inte.',
  'portal.back-to-tickets': str`Tillbaka till ${0}`,
  'portal.no-adapter': 'Portalen är inte konfigurerad: attributet ”api-base” eller en adapter saknas.',
};
