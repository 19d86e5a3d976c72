import { str } from '@lit/localize';

/** German strings, keyed by the ids given to `msg()`. */
export const templates = {
  'portal.loading': 'Portal wird geladen …',
  'portal.unreachable': 'Das Portal ist nicht erreichbar. Prüfen Sie Ihre Verbindung und versuchen Sie es erneut.',
  'portal.load-failed': 'Das Portal konnte nicht geladen werden.',
  'portal.try-again': 'Erneut versuchen',
  'portal.unavailable': 'Dieses Portal ist nicht verfügbar',
  'portal.nav-label': 'Portal-Navigation',
  'portal.ticket-heading': str`${0} #${1}`,
  'portal.not-found': 'Diese Seite gibt es nicht.',
  'portal.back-to-tickets': str`Zurück zu ${0}`,
  'portal.no-adapter': 'Das Portal ist nicht eingerichtet: Es fehlt das Attribut „api-base“ oder ein Adapter.',
};
