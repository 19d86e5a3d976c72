import { expect } from '@open-wc/testing';
import type { PortalErrorEvent } from '../../../src/internal/events.js';

/** The host page's own element that happens to be called `support-form`, defined before the portal loads. */
class HostSupportForm extends HTMLElement {}
customElements.define('support-form', HostSupportForm);

describe('a tag the page already defined', () => {
  it('warns and fires portal-error once, naming the tag; the host keeps its element', async () => {
    const warnings: string[] = [];
    const errors: PortalErrorEvent[] = [];
    const warn = console.warn;
    console.warn = (...args: unknown[]) => warnings.push(args.join(' '));
    const onError = (event: PortalErrorEvent) => errors.push(event);
    document.addEventListener('portal-error', onError);
    try {
      await import('../../../src/define.js');
    } finally {
      console.warn = warn;
      document.removeEventListener('portal-error', onError);
    }
    expect(warnings.filter((w) => w.includes('<support-form>'))).to.have.length(1);
    expect(warnings[0]).to.contain('already defined by another script').and.contain('definePortalElements');
    expect(errors).to.have.length(1);
    expect(errors[0].detail.error.kind).to.equal('conflict');
    expect(errors[0].detail.error.message).to.contain('<support-form>');
    expect(customElements.get('support-form')).to.equal(HostSupportForm);
    expect(customElements.get('ticket-list'), 'the other elements are registered').to.not.equal(undefined);
  });

  it('says nothing when the same library registers its elements again', async () => {
    const warnings: string[] = [];
    const warn = console.warn;
    console.warn = (...args: unknown[]) => warnings.push(args.join(' '));
    try {
      const { defineElement } = await import('../../../src/internal/define-element.js');
      defineElement('ticket-list', customElements.get('ticket-list')!);
    } finally {
      console.warn = warn;
    }
    expect(warnings).to.deep.equal([]);
  });
});
