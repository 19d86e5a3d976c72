import { str } from '@lit/localize';

/** Danish strings, keyed by the ids given to `msg()`. */
export const templates = {
  'portal.loading': 'Portalen indlæses …',
  'portal.unreachable': 'Portalen kunne ikke nås. Tjek din forbindelse, og prøv igen.',
  'portal.load-failed': 'Portalen kunne ikke indlæses.',
  'portal.try-again': 'Prøv igen',
  'portal.unavailable': 'Denne portal er ikke tilgængelig',
  'portal.nav-label': 'Portalnavigation',
  'portal.ticket-heading': str`${0} #${1}`,
  'portal.not-found': 'Denne side findes ikke.',
  'portal.back-to-tickets': str`Tilbage til ${0}`,
  'portal.no-adapter': 'Portalen er ikke sat op: attributten "api-base" eller en adapter mangler.',
};
