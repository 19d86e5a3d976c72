/**
 * The self-contained build's `define` (`dist/cdn/define.js`): registers `<customer-portal>` and `<portal-login>` at
 * once, and the ticket list, ticket detail and support form on first use — when a portal shows them, or when they
 * appear in the page. The sign-in form so waits for no code it does not run.
 */
import './customer-portal.js';
import './elements/portal-login/define.js';
import { loadElementsOnFirstUse, setElementLoaders } from './internal/lazy-elements.js';

const ticketList = () => import('./elements/ticket-list/define.js');
setElementLoaders({
  'ticket-list': ticketList,
  // The list registers the switcher it shows.
  'view-switcher': ticketList,
  'ticket-detail': () => import('./elements/ticket-detail/define.js'),
  'support-form': () => import('./elements/support-form/define.js'),
});
if (typeof document !== 'undefined') loadElementsOnFirstUse(document);
