import { expect, fixture, html } from '@open-wc/testing';
import { waitUntil } from '../helpers/wait.js';
import '../../../src/define.js';
import { MemoryAdapter } from '../../../src/adapters/memory-adapter.js';
import type { CreateTicketInput } from '../../../src/contract/adapter.js';
import { NetworkError, RateLimitedError, ValidationError } from '../../../src/contract/errors.js';
import type { Ticket } from '../../../src/contract/tickets.js';
import { DEMO_SIGN_IN } from '../../../src/domain/demo-world.js';
import type { CustomerPortal } from '../../../src/elements/customer-portal/customer-portal.js';
import type { SupportForm } from '../../../src/elements/support-form/support-form.js';
import type { PortalTicketCreatedEvent } from '../../../src/internal/events.js';
import { setPortalLocale } from '../../../src/internal/localization.js';
import { draftSaved } from '../helpers/drafts.js';

const form = (el: CustomerPortal) => el.shadowRoot!.querySelector<SupportForm>('support-form')!;
const sr = (f: SupportForm) => f.shadowRoot!;
const labelTexts = (f: SupportForm) => [...sr(f).querySelectorAll('form label[for], form legend')].map((l) => l.textContent!.trim());
const button = (root: ParentNode, name: string) => [...root.querySelectorAll<HTMLButtonElement>('button')].find((b) => b.textContent?.trim() === name)!;

async function open(options: { adapter?: MemoryAdapter; hash?: string; locale?: string } = {}) {
  history.replaceState(null, '', `${location.pathname}${location.search}${options.hash ?? '#/new'}`);
  const adapter = options.adapter ?? new MemoryAdapter({ signedInAs: DEMO_SIGN_IN.email });
  const el = await fixture<CustomerPortal>(html`<customer-portal locale=${options.locale ?? 'en'} .adapter=${adapter}></customer-portal>`);
  await waitUntil(() => el.shadowRoot!.querySelector('support-form')?.shadowRoot?.querySelector('form, [part="success"]'), 'form did not load');
  return { el, f: form(el), adapter };
}

function fill(f: SupportForm, name: string, value: string) {
  const control = sr(f).querySelector<HTMLInputElement | HTMLTextAreaElement | HTMLSelectElement>(`#field-${name}`)!;
  control.value = value;
  control.dispatchEvent(new Event(control.tagName === 'SELECT' ? 'change' : 'input'));
  control.dispatchEvent(new Event('blur'));
}
function choose(f: SupportForm, name: string, value: string) {
  const input = sr(f).querySelector<HTMLInputElement>(`#field-${name} input[value="${value}"]`)!;
  input.click();
}
async function fillValid(f: SupportForm) {
  fill(f, 'subject', 'Printer does not print');
  fill(f, 'category', 'technical');
  await f.updateComplete;
  choose(f, 'impact', 'me');
  fill(f, 'content', 'Nothing comes out of the printer since Monday.');
  await f.updateComplete;
}

describe('support-form', () => {
  before(() => setPortalLocale('en'));
  beforeEach(() => localStorage.clear());
  afterEach(() => {
    history.replaceState(null, '', location.pathname + location.search);
    localStorage.clear();
  });

  it('renders every field of the definition with labels, and hides conditional ones', async () => {
    const { f } = await open();
    expect(labelTexts(f)).to.deep.equal([
      'Subject', 'Category', 'Who is affected?', 'Affected products', 'First noticed on', 'Send a copy to', 'Description', 'Attachments',
      'Our support team may sign in to my account to investigate',
    ]);
    expect(sr(f).querySelector('#field-orderNumber') === null, 'order number hidden').to.equal(true);
    expect(sr(f).querySelector<HTMLInputElement>('#field-firstNoticed')!.type).to.equal('date');
    expect(sr(f).querySelector<HTMLInputElement>('#field-ccEmail')!.type).to.equal('email');
    expect(sr(f).querySelector('#field-category')!.getAttribute('aria-describedby')).to.equal('field-category-help');
    await expect(f).to.be.accessible();
  });

  it('lists the problems on submit, links each to its field, and focuses the first', async () => {
    const { f } = await open();
    button(sr(f), 'Submit').click();
    await waitUntil(() => sr(f).querySelector('[part="error-summary"]'));
    const items = [...sr(f).querySelectorAll('[part="error-summary"] a')].map((a) => a.textContent);
    expect(items).to.deep.equal(['Please fill in this field.', 'Please choose an option.', 'Please choose an option.', 'Please fill in this field.']);
    expect(sr(f).activeElement?.id).to.equal('field-subject');
    expect(sr(f).querySelector('#field-subject')!.getAttribute('aria-invalid')).to.equal('true');
    expect(sr(f).querySelector('#field-subject')!.getAttribute('aria-describedby')).to.equal('field-subject-error');
    (sr(f).querySelectorAll<HTMLAnchorElement>('[part="error-summary"] a')[3]).click();
    expect(sr(f).activeElement?.id).to.equal('field-content');
    expect(location.hash).to.equal('#/new');
    await expect(f).to.be.accessible();
  });

  it('shows conditional fields without losing what was typed, and uses the admin pattern message', async () => {
    const { f } = await open();
    fill(f, 'category', 'billing');
    await waitUntil(() => sr(f).querySelector('#field-orderNumber'));
    fill(f, 'orderNumber', 'ORD-12');
    await waitUntil(() => sr(f).querySelector('#field-orderNumber-error'));
    expect(sr(f).querySelector('#field-orderNumber-error')!.textContent).to.equal('Use the order number from your invoice, e.g. ORD-123456.');
    fill(f, 'category', 'technical');
    await waitUntil(() => !sr(f).querySelector('#field-orderNumber'));
    fill(f, 'category', 'billing');
    await waitUntil(() => sr(f).querySelector('#field-orderNumber'));
    expect(sr(f).querySelector<HTMLInputElement>('#field-orderNumber')!.value).to.equal('ORD-12');
  });

  it('creates exactly one ticket, even on a double click, and links to it', async () => {
    const { el, f, adapter } = await open();
    const before = adapter.world.tickets.length;
    await fillValid(f);
    const created = new Promise<PortalTicketCreatedEvent>((resolve) => el.addEventListener('portal-ticket-created', resolve, { once: true }));
    const submit = button(sr(f), 'Submit');
    submit.click();
    submit.click();
    const id = (await created).detail.ticketId;
    await waitUntil(() => sr(f).querySelector('[part="success"]'));
    expect(sr(f).querySelector('[part="success"] [data-heading]')!.textContent).to.equal('Your ticket was submitted');
    expect(sr(f).activeElement?.textContent).to.equal('Your ticket was submitted');
    expect(adapter.world.tickets.length).to.equal(before + 1);
    const ticket = adapter.world.tickets.at(-1)!;
    expect(ticket.subject).to.equal('Printer does not print');
    expect(ticket.properties.category).to.equal('technical');
    expect('orderNumber' in ticket.properties, 'hidden field not stored').to.equal(false);
    const page = await adapter.listTickets({ view: 'mine', q: '', status: 'all', sort: 'createdAt', order: 'desc', page: 1, pageSize: 5, filters: {} });
    expect(page.items[0].id).to.equal(id);
    const link = [...sr(f).querySelectorAll('a')].find((a) => a.textContent?.trim() === `View Ticket #${id}`)!;
    link.click();
    await waitUntil(() => location.hash === `#/tickets/${id}`);
    await expect(el).to.be.accessible();
  });

  it('keeps the entries when sending fails, and a retry creates one ticket', async () => {
    const keys: string[] = [];
    let loseAnswer = true;
    class LostAnswer extends MemoryAdapter {
      override async createTicket(input: CreateTicketInput): Promise<Ticket> {
        keys.push(input.idempotencyKey);
        const ticket = await super.createTicket(input);
        if (loseAnswer) {
          loseAnswer = false;
          throw new NetworkError('connection lost');
        }
        return ticket;
      }
    }
    const adapter = new LostAnswer({ signedInAs: DEMO_SIGN_IN.email });
    const { f } = await open({ adapter });
    const before = adapter.world.tickets.length;
    await fillValid(f);
    button(sr(f), 'Submit').click();
    await waitUntil(() => sr(f).querySelector('.form-error'));
    expect(sr(f).querySelector('.form-error')!.textContent).to.contain('Your entries are kept');
    expect(sr(f).querySelector<HTMLInputElement>('#field-subject')!.value).to.equal('Printer does not print');
    button(sr(f), 'Submit').click();
    await waitUntil(() => sr(f).querySelector('[part="success"]'));
    expect(keys).to.have.length(2);
    expect(keys[0]).to.equal(keys[1]);
    expect(adapter.world.tickets.length).to.equal(before + 1);
  });

  it('explains an hourly limit (429) and a full storage quota (413) in the user\'s language, keeping the entries', async () => {
    let refusal: Error = new RateLimitedError('Too many', 1500);
    class Limited extends MemoryAdapter {
      override async createTicket(): Promise<Ticket> {
        throw refusal;
      }
    }
    const { f } = await open({ adapter: new Limited({ signedInAs: DEMO_SIGN_IN.email }), locale: 'de' });
    await fillValid(f);
    button(sr(f), 'Absenden').click();
    await waitUntil(() => sr(f).querySelector('.form-error'));
    expect(sr(f).querySelector('.form-error')!.textContent).to.contain('Bitte versuchen Sie es in 25 Minuten erneut.');
    expect(sr(f).querySelector<HTMLInputElement>('#field-subject')!.value).to.equal('Printer does not print');
    refusal = new ValidationError('Quota', [{ field: 'files', message: 'Your files take up…', key: 'quota' } as { field: string; message: string }]);
    button(sr(f), 'Absenden').click();
    await waitUntil(() => sr(f).textContent?.includes('Für weitere Dateien ist kein Platz mehr') || [...sr(f).querySelectorAll('*')].some((n) => n.textContent?.includes('Für weitere Dateien ist kein Platz mehr')));
    await setPortalLocale('en');
  });

  it('prefills from URL parameters and from attributes', async () => {
    const { f } = await open({ hash: '#/new?subject=Invoice%20question&category=billing' });
    expect(sr(f).querySelector<HTMLInputElement>('#field-subject')!.value).to.equal('Invoice question');
    expect(sr(f).querySelector<HTMLSelectElement>('#field-category')!.value).to.equal('billing');
    expect(sr(f).querySelector('#field-orderNumber') !== null).to.equal(true);
    const wrapper = await fixture<CustomerPortal>(html`<customer-portal locale="en" routing="none" .adapter=${new MemoryAdapter({ signedInAs: DEMO_SIGN_IN.email })}><support-form prefill-subject="From the help article"></support-form></customer-portal>`);
    const own = wrapper.querySelector('support-form')!;
    await waitUntil(() => own.shadowRoot?.querySelector<HTMLInputElement>('#field-subject')?.value === 'From the help article', 'attribute prefill missing');
  });

  it('saves a draft while typing and brings it back after a reload', async () => {
    const first = await open();
    fill(first.f, 'subject', 'Half a request');
    await draftSaved('Half a request');
    first.el.remove();
    const { f } = await open();
    expect(sr(f).querySelector<HTMLInputElement>('#field-subject')!.value).to.equal('Half a request');
    expect(sr(f).querySelector('.notice')!.textContent).to.contain('We restored the form you had started.');
    button(sr(f), 'Start over').click();
    await waitUntil(() => sr(f).querySelector<HTMLInputElement>('#field-subject')!.value === '');
  });

  it('attaches files within the limits and stores them with the ticket', async () => {
    const { f, adapter } = await open();
    await fillValid(f);
    const input = sr(f).querySelector<HTMLInputElement>('#field-attachments')!;
    const transfer = new DataTransfer();
    transfer.items.add(new File(['log line'], 'error.log', { type: 'text/plain' }));
    input.files = transfer.files;
    input.dispatchEvent(new Event('change'));
    await waitUntil(() => sr(f).querySelector('.file-list'));
    button(sr(f), 'Submit').click();
    await waitUntil(() => sr(f).querySelector('[part="success"]'));
    const ticket = adapter.world.tickets.at(-1)!;
    const first = adapter.world.messages.find((m) => m.ticketId === ticket.id)!;
    expect(first.attachments.map((a) => a.name)).to.deep.equal(['error.log']);
  });

  it('speaks German', async () => {
    try {
      const { f } = await open({ locale: 'de' });
      expect(button(sr(f), 'Absenden') !== undefined).to.equal(true);
      expect(sr(f).querySelector('.hint')!.textContent).to.equal('Mit * markierte Felder sind Pflichtfelder.');
    } finally {
      await setPortalLocale('en');
    }
  });
});
