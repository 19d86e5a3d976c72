import { whenHeld } from '../support/adapters.js';
import { buttonIn, checked, expect, navLinks, shadow, text, title, waitUntil } from './play.js';

/** Checks of the `<customer-portal>` stories (`stories/customer-portal.stories.ts`). */

/** A title (portal, "not available" or problem) is shown and nothing is busy. */
export const portalSettled = (el: HTMLElement) =>
  !!shadow(el).querySelector('[part="title"]') && !shadow(el).querySelector('[aria-busy="true"]');

const adapterOf = (el: HTMLElement) => (el as HTMLElement & { adapter?: unknown }).adapter;

/** The portal in a locale: its language, title and navigation label. */
const speaks = (lang: string, name: string, navLabel: string) => checked((el) => {
  expect(shadow(el).querySelector('[part="base"]')?.getAttribute('lang')).to.equal(lang);
  expect(title(el)).to.equal(name);
  expect(shadow(el).querySelector('nav')?.getAttribute('aria-label')).to.equal(navLabel);
});

export const checks = {
  Loading: checked(async (el) => {
    // The settings request was made and never answers: after the portal's next update it still shows the skeleton.
    await whenHeld(adapterOf(el));
    await (el as HTMLElement & { updateComplete: Promise<unknown> }).updateComplete;
    expect(shadow(el).querySelector('[aria-busy="true"]'), 'still loading').to.exist;
    expect(text(el)).to.contain('Loading the portal');
    expect(el.getBoundingClientRect().height).to.be.greaterThan(300);
  }, (el) => !!shadow(el).querySelector('[aria-busy="true"] .skeleton')),

  ErrorState: checked(async (el) => {
    const alert = shadow(el).querySelector('[role="alert"]')!;
    expect(alert.textContent).to.contain('We could not reach the portal. Check your connection and try again.');
    const retry = buttonIn(alert, 'Try again');
    expect(retry, '"Try again" button').to.exist;
    retry!.click();
    await waitUntil(() => title(el) === 'Nordlicht Help Center', '"Try again" did not recover');
  }),

  NotConfigured: checked((el) => {
    expect(shadow(el).querySelector('[role="alert"]')).to.exist;
    expect(text(el)).to.contain('the "api-base" attribute or an adapter is missing');
  }),

  Disabled: checked((el) => {
    expect(title(el)).to.equal('This portal is not available');
    expect(shadow(el).querySelector('nav')).to.be.null;
  }),

  SignedIn: checked((el) => {
    expect(title(el)).to.equal('Nordlicht Help Center');
    expect(navLinks(el)).to.deep.equal(['Tickets', 'Submit a ticket']);
  }),

  CustomTicketLabel: checked((el) => {
    expect(navLinks(el)).to.deep.equal(['Cases', 'Open a case']);
    expect(shadow(el).querySelector('[data-view-heading]')?.textContent).to.equal('Cases');
  }),

  Dark: checked((el) => {
    expect(el.getAttribute('theme')).to.equal('dark');
    expect(getComputedStyle(el).colorScheme).to.equal('dark');
  }),

  English: speaks('en', 'Nordlicht Help Center', 'Portal navigation'),
  German: speaks('de', 'Nordlicht Hilfe-Center', 'Portal-Navigation'),
  Swedish: speaks('sv', 'Nordlicht Hjälpcenter', 'Portalnavigering'),
  Danish: speaks('da', 'Nordlicht Hjælpecenter', 'Portalnavigation'),
};
