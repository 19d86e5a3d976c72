import { expect, fixture, html } from '@open-wc/testing';
import { waitUntil } from '../helpers/wait.js';
import '../../../src/define.js';
import { MemoryAdapter } from '../../../src/adapters/memory-adapter.js';
import type { ReplyInput } from '../../../src/contract/adapter.js';
import { NetworkError, RateLimitedError, ValidationError } from '../../../src/contract/errors.js';
import type { Message } from '../../../src/contract/tickets.js';
import { DEMO_SIGN_IN, demoWorld, type DemoWorld } from '../../../src/domain/demo-world.js';
import type { CustomerPortal } from '../../../src/elements/customer-portal/customer-portal.js';
import type { TicketDetail } from '../../../src/elements/ticket-detail/ticket-detail.js';
import type { ReplyBox } from '../../../src/elements/ticket-detail/reply-box.js';
import type { PortalReplySentEvent } from '../../../src/internal/events.js';
import { setPortalLocale } from '../../../src/internal/localization.js';
import { draftSaved } from '../helpers/drafts.js';

const world0 = demoWorld();
const anna = world0.contacts[0];
/** Anna's ticket with two threads (the demo gives every 7th ticket a second one). */
const twoThreads = world0.tickets.find((t) => t.contactId === anna.id && t.id % 7 === 0 && t.id % 10 !== 0)!;
const closedStages = new Set(world0.pipelines.flatMap((p) => p.stages.filter((s) => s.closed).map((s) => s.id)));
const openTicket = world0.tickets.find((t) => t.contactId === anna.id && !closedStages.has(t.stage) && t.id % 10 !== 0)!;
/** A second open ticket, so the draft test shares no draft slot with the others. */
const draftTicket = world0.tickets.find((t) => t.contactId === anna.id && !closedStages.has(t.stage) && t.id % 10 !== 0 && t.id !== openTicket.id)!;
const closedTicket = world0.tickets.find((t) => t.contactId === anna.id && closedStages.has(t.stage))!;
const foreign = world0.tickets.find((t) => t.companyId !== anna.companyId)!;

const detail = (el: CustomerPortal) => el.shadowRoot!.querySelector<TicketDetail>('ticket-detail')!;
const sr = (d: Element) => d.shadowRoot!;
const box = (d: TicketDetail) => sr(d).querySelector<ReplyBox>('portal-reply-box')!;
const button = (root: ParentNode, name: string) => [...root.querySelectorAll<HTMLButtonElement>('button')].find((b) => b.textContent?.trim() === name);
const messageBodies = (d: TicketDetail) => [...sr(d).querySelectorAll('portal-message-body')].map((b) => b.shadowRoot!.textContent?.replace(/\s+/g, ' ').trim() ?? '');

async function open(id: number, options: { world?: DemoWorld; adapter?: MemoryAdapter } = {}) {
  history.replaceState(null, '', `${location.pathname}${location.search}#/tickets/${id}`);
  const adapter = options.adapter ?? new MemoryAdapter({ world: options.world, signedInAs: DEMO_SIGN_IN.email });
  const el = await fixture<CustomerPortal>(html`<customer-portal locale="en" .adapter=${adapter}></customer-portal>`);
  await waitUntil(() => el.shadowRoot!.querySelector('ticket-detail')?.shadowRoot?.querySelector('.subject, [role="alert"]'), 'detail did not load');
  const d = detail(el);
  await Promise.all([...sr(d).querySelectorAll<HTMLElement & { ready: Promise<void> }>('portal-message-body')].map((b) => b.ready));
  return { el, d, adapter };
}

async function type(d: TicketDetail, text: string) {
  const editor = sr(box(d)).querySelector<HTMLElement>('#reply')!;
  editor.focus();
  document.execCommand('insertText', false, text);
  editor.dispatchEvent(new Event('input'));
  return editor;
}

describe('ticket-detail', () => {
  before(() => setPortalLocale('en'));
  beforeEach(() => localStorage.clear());
  afterEach(() => {
    history.replaceState(null, '', location.pathname + location.search);
    localStorage.clear();
  });

  it('shows the header and only the oldest thread, without internal notes', async () => {
    const { d } = await open(twoThreads.id);
    expect(sr(d).querySelector('.subject')?.textContent).to.equal(twoThreads.subject);
    const facts = [...sr(d).querySelectorAll('.facts dt')].map((dt) => dt.textContent);
    expect(facts.slice(0, 5)).to.deep.equal(['ID', 'Status', 'Created', 'Last activity', 'Ticket owner']);
    const mine = world0.messages.filter((m) => m.ticketId === twoThreads.id);
    const oldest = Math.min(...mine.map((m) => m.thread));
    const expected = mine.filter((m) => m.thread === oldest && !m.internal);
    expect(sr(d).querySelectorAll('.message').length).to.equal(expected.length);
    expect(messageBodies(d).some((t) => t.includes('Internal note'))).to.be.false;
    expect(sr(d).querySelector('a[href="#/tickets"]')?.textContent).to.equal('Back to tickets');
    await expect(d).to.be.accessible();
  });

  it('lists attachments with name, size and a download link', async () => {
    const withFile = world0.messages.find((m) => m.attachments.length && world0.tickets.find((t) => t.id === m.ticketId)?.contactId === anna.id && m.thread === 1)!;
    const { d, adapter } = await open(withFile.ticketId);
    const link = sr(d).querySelector<HTMLAnchorElement>('.attachments a')!;
    expect(link.textContent).to.equal(withFile.attachments[0].name);
    expect(link.getAttribute('href')).to.equal(adapter.attachmentUrl(withFile.attachments[0].id));
    expect(link.hasAttribute('download')).to.be.true;
    expect(sr(d).querySelector('.attachments .muted')?.textContent).to.match(/\d+ byte/);
  });

  it('renders agent HTML safely and holds remote images until "Show images"', async () => {
    const adapter = new MemoryAdapter({ signedInAs: DEMO_SIGN_IN.email });
    adapter.agentReply(openTicket.id, '<p>See <a href="https://docs.example/a" onclick="window.__x=1">docs</a><img src="https://cdn.example/i.png" alt="chart"><script>window.__x=2</script><a href="javascript:window.__x=3">bad</a></p>');
    const { d } = await open(openTicket.id, { adapter });
    const body = [...sr(d).querySelectorAll('portal-message-body')].at(-1)!;
    const root = body.shadowRoot!;
    expect(root.querySelector('script')).to.be.null;
    const links = [...root.querySelectorAll('a')];
    expect(links[0].getAttribute('target')).to.equal('_blank');
    expect(links[0].getAttribute('rel')).to.equal('noopener noreferrer');
    expect(links[0].hasAttribute('onclick')).to.be.false;
    expect(links[1].hasAttribute('href')).to.be.false;
    expect(root.querySelector('img')!.hasAttribute('src')).to.be.false;
    button(root, 'Show images')!.click();
    await waitUntil(() => root.querySelector('img')?.getAttribute('src') === 'https://cdn.example/i.png', 'image not shown');
    expect((window as { __x?: number }).__x).to.be.undefined;
  });

  it('sends a formatted reply, shows it, and fires portal-reply-sent', async () => {
    const { el, d } = await open(openTicket.id);
    const reply = box(d);
    expect(sr(reply).querySelector('#reply-label')?.textContent).to.equal('Reply');
    button(sr(reply), 'Send')!.click();
    await waitUntil(() => sr(reply).querySelector('#reply-error'));
    expect(sr(reply).querySelector('#reply-error')?.textContent).to.equal('Write a reply or attach a file.');
    const editor = await type(d, 'Thanks, that worked');
    const range = document.createRange();
    range.selectNodeContents(editor);
    document.getSelection()!.removeAllRanges();
    document.getSelection()!.addRange(range);
    sr(reply).querySelector<HTMLButtonElement>('[aria-label="Bold"]')!.click();
    const sent = new Promise<PortalReplySentEvent>((resolve) => el.addEventListener('portal-reply-sent', resolve, { once: true }));
    button(sr(reply), 'Send')!.click();
    expect((await sent).detail.ticketId).to.equal(openTicket.id);
    await waitUntil(() => messageBodies(d).at(-1) === 'Thanks, that worked', 'reply not shown');
    const last = [...sr(d).querySelectorAll('portal-message-body')].at(-1)!;
    await waitUntil(() => last.shadowRoot!.querySelector('b, strong'), 'not bold');
    expect(sr(reply).querySelector('#reply')!.textContent).to.equal('');
    await expect(d).to.be.accessible();
  });

  it('keeps a failed reply with "Retry", which posts it once with the same key', async () => {
    const keys: string[] = [];
    let failNext = true;
    class Flaky extends MemoryAdapter {
      override async reply(ticketId: number, input: ReplyInput): Promise<Message> {
        keys.push(input.idempotencyKey);
        if (failNext) {
          failNext = false;
          throw new NetworkError('offline');
        }
        return super.reply(ticketId, input);
      }
    }
    const adapter = new Flaky({ signedInAs: DEMO_SIGN_IN.email });
    const { d } = await open(openTicket.id, { adapter });
    const before = sr(d).querySelectorAll('.message').length;
    await type(d, 'Please call me back');
    const send = button(sr(box(d)), 'Send')!;
    send.click();
    send.click();
    await waitUntil(() => button(sr(box(d)), 'Retry'), 'no retry');
    expect(sr(box(d)).querySelector('.outgoing.failed')?.textContent).to.contain('No connection');
    expect(sr(box(d)).querySelector('.outgoing portal-message-body')!.shadowRoot!.textContent).to.contain('Please call me back');
    button(sr(box(d)), 'Retry')!.click();
    await waitUntil(() => sr(d).querySelectorAll('.message').length === before + 1, 'not sent');
    expect(keys).to.have.length(2);
    expect(keys[0]).to.equal(keys[1]);
    expect(sr(box(d)).querySelector('.outgoing')).to.be.null;
  });

  it('explains an hourly reply limit (429) and a full storage quota (413), keeping the reply', async () => {
    let refusal: Error = new RateLimitedError('Too many', 90);
    class Limited extends MemoryAdapter {
      override async reply(): Promise<Message> {
        throw refusal;
      }
    }
    const { d } = await open(openTicket.id, { adapter: new Limited({ signedInAs: DEMO_SIGN_IN.email }) });
    await type(d, 'One more thing');
    button(sr(box(d)), 'Send')!.click();
    await waitUntil(() => button(sr(box(d)), 'Retry'), 'no retry');
    expect(sr(box(d)).querySelector('.outgoing.failed')?.textContent).to.contain('Please try again in 2 minutes.');
    refusal = new ValidationError('Quota', [{ field: 'files', message: 'Your files take up…', key: 'quota' } as { field: string; message: string }]);
    button(sr(box(d)), 'Retry')!.click();
    await waitUntil(() => sr(box(d)).querySelector('.outgoing.failed')?.textContent?.includes('There is no room for more files'), 'no quota message');
    expect(sr(box(d)).querySelector('.outgoing portal-message-body')!.shadowRoot!.textContent).to.contain('One more thing');
  });

  it('explains attachment limits before anything is uploaded', async () => {
    const world = demoWorld();
    world.settings.supportForm.uploads = { maxFiles: 2, maxBytes: 1000, accept: ['.txt', 'image/*'] };
    const { d } = await open(openTicket.id, { world });
    const reply = box(d);
    expect(sr(reply).querySelector('.hint')?.textContent).to.contain('Up to 2 files, 1\u00a0kB each. Allowed: .txt, image/*');
    const input = sr(reply).querySelector<HTMLInputElement>('input[type="file"]')!;
    const transfer = new DataTransfer();
    transfer.items.add(new File(['x'.repeat(2000)], 'big.txt', { type: 'text/plain' }));
    transfer.items.add(new File(['MZ'], 'tool.exe', { type: 'application/x-msdownload' }));
    transfer.items.add(new File(['ok'], 'notes.txt', { type: 'text/plain' }));
    input.files = transfer.files;
    input.dispatchEvent(new Event('change'));
    await waitUntil(() => sr(reply).querySelector('.problems'));
    const problems = [...sr(reply).querySelectorAll('.problems li')].map((li) => li.textContent);
    expect(problems).to.include('You can attach at most 2 files.');
    expect(problems).to.include('big.txt is larger than 1\u00a0kB.');
    expect(problems).to.include('tool.exe is not a file type you can attach here.');
    expect([...sr(reply).querySelectorAll('.file-list .file-name')].map((n) => n.textContent)).to.deep.equal(['notes.txt']);
    await expect(reply).to.be.accessible();
  });

  it('takes files dropped onto the reply form', async () => {
    const { d } = await open(openTicket.id);
    const form = sr(box(d)).querySelector<HTMLFormElement>('form.reply')!;
    const transfer = new DataTransfer();
    transfer.items.add(new File(['trace'], 'trace.txt', { type: 'text/plain' }));
    form.dispatchEvent(new DragEvent('dragover', { dataTransfer: transfer, bubbles: true, cancelable: true }));
    await box(d).updateComplete;
    expect(form.classList.contains('dragging')).to.equal(true);
    form.dispatchEvent(new DragEvent('drop', { dataTransfer: transfer, bubbles: true, cancelable: true }));
    await waitUntil(() => sr(box(d)).querySelector('.file-list'), 'dropped file not listed');
    expect([...sr(box(d)).querySelectorAll('.file-list .file-name')].map((n) => n.textContent)).to.deep.equal(['trace.txt']);
    expect(form.classList.contains('dragging')).to.equal(false);
  });

  it('saves a draft while typing and offers it back after a reload', async () => {
    const first = await open(draftTicket.id);
    await type(first.d, 'Half-written reply');
    await draftSaved('Half-written reply');
    first.el.remove();
    const { d } = await open(draftTicket.id);
    const reply = box(d);
    expect(sr(reply).querySelector('.notice')?.textContent).to.contain('You have an unsent reply');
    await expect(reply).to.be.accessible();
    button(sr(reply), 'Restore draft')!.click();
    await waitUntil(() => sr(reply).querySelector('#reply')?.textContent === 'Half-written reply', 'draft not restored');
    button(sr(reply), 'Send')!.click();
    await waitUntil(() => messageBodies(d).at(-1) === 'Half-written reply');
    const again = await open(draftTicket.id);
    expect(sr(box(again.d)).querySelector('.notice')).to.be.null;
  });

  it('on a closed ticket explains that replies are off, unless the admin allows them', async () => {
    const { d } = await open(closedTicket.id);
    expect(box(d) === null, 'no reply box').to.equal(true);
    expect(sr(d).querySelector('.notice')?.textContent).to.equal('This ticket is closed. Replies are not possible.');
    expect(sr(d).querySelector('[part="close-button"]') === null, 'no close button').to.equal(true);
    const world = demoWorld();
    world.settings.actions.replyToClosed = true;
    const allowed = await open(closedTicket.id, { world });
    expect(box(allowed.d) !== null, 'reply box shown').to.equal(true);
  });

  it('closes a ticket after confirmation', async () => {
    const { el, d } = await open(openTicket.id);
    sr(d).querySelector<HTMLButtonElement>('[part="close-button"]')!.click();
    const dialog = sr(d).querySelector('dialog')!;
    await waitUntil(() => dialog.open);
    await expect(d).to.be.accessible();
    button(dialog, 'Cancel')!.click();
    await waitUntil(() => !dialog.open);
    sr(d).querySelector<HTMLButtonElement>('[part="close-button"]')!.click();
    await waitUntil(() => dialog.open);
    const closed = new Promise((resolve) => el.addEventListener('portal-ticket-closed', resolve, { once: true }));
    button(dialog, 'Close ticket')!.click();
    await closed;
    await waitUntil(() => sr(d).querySelector('.status')?.textContent === 'Closed', 'status not updated');
    expect(sr(d).querySelector('[part="close-button"]') === null, 'close button gone').to.equal(true);
  });

  it('shows new agent replies without a reload', async () => {
    const { d, adapter } = await open(openTicket.id);
    const before = sr(d).querySelectorAll('.message').length;
    adapter.agentReply(openTicket.id, '<p>We fixed it.</p>');
    await waitUntil(() => sr(d).querySelectorAll('.message').length === before + 1, 'live reply missing');
    await waitUntil(() => messageBodies(d).at(-1) === 'We fixed it.');
  });

  it("says a ticket does not exist when it is another company's", async () => {
    const { d } = await open(foreign.id);
    expect(sr(d).querySelector('[role="alert"]')?.textContent).to.contain('This ticket does not exist, or you cannot see it.');
    await expect(d).to.be.accessible();
  });
});
