import type { PortalViewChangeEvent } from '../../src/internal/events.js';
import { checked, expect, nextEvent, switcherOptions } from './play.js';

/** Checks of the `<view-switcher>` stories (`stories/view-switcher.stories.ts`). */

const chosen = (el: Element) => el.shadowRoot?.querySelector<HTMLInputElement>('input:checked')?.value;

/** Rendered (the "hidden" story renders nothing). */
export const switcherSettled = (el: HTMLElement) => !!el.shadowRoot
  && (!!el.shadowRoot.querySelector('fieldset') || !(el as HTMLElement & { session?: { canViewCompany: boolean } }).session?.canViewCompany);

export const checks = {
  Company: checked(async (el) => {
    expect(switcherOptions(el)).to.deep.equal(['Organization tickets', 'Owned by me']);
    expect(chosen(el)).to.equal('company');
    expect(el.shadowRoot!.querySelector('legend')?.textContent).to.equal('Show');
    const changed = nextEvent<PortalViewChangeEvent>(el, 'portal-view-change');
    el.shadowRoot!.querySelector<HTMLInputElement>('input[value="mine"]')!.click();
    expect((await changed).detail.view).to.equal('mine');
    expect(el.getAttribute('value')).to.equal('mine');
  }),

  Mine: checked((el) => {
    expect(chosen(el)).to.equal('mine');
    expect(el.getAttribute('value')).to.equal('mine');
  }),

  Hidden: checked((el) => {
    expect(el.shadowRoot!.querySelector('fieldset'), 'renders nothing').to.be.null;
    expect(el.getBoundingClientRect().width).to.equal(0);
  }),

  CustomTicketLabel: checked((el) => {
    expect(switcherOptions(el)).to.deep.equal(['Organization cases', 'Owned by me']);
  }),

  Dark: checked((el) => {
    expect(getComputedStyle(el).colorScheme).to.equal('dark');
    // The chosen option uses the dark accent of `light-dark()`.
    const option = el.shadowRoot!.querySelector('input:checked')!.closest('label')!;
    expect(getComputedStyle(option).backgroundColor).to.equal('rgb(138, 180, 255)');
  }),

  German: checked((el) => {
    expect(el.closest('[lang]')?.getAttribute('lang')).to.equal('de');
    expect(switcherOptions(el)).to.deep.equal(['Tickets der Organisation', 'Meine eigenen']);
    expect(el.shadowRoot!.querySelector('legend')?.textContent).to.equal('Anzeigen');
  }, (el) => switcherOptions(el)[1] === 'Meine eigenen'),
};
