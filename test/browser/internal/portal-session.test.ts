import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { ContextConsumer } from '@lit/context';
import { LitElement } from 'lit';
import { MemoryAdapter } from '../../../src/adapters/memory-adapter.js';
import { UnauthenticatedError } from '../../../src/contract/errors.js';
import type { Session } from '../../../src/contract/session.js';
import { DEMO_SIGN_IN } from '../../../src/domain/demo-world.js';
import { sessionContext } from '../../../src/internal/context.js';
import { loadDraft, saveDraft } from '../../../src/internal/drafts.js';
import { PortalErrorEvent, type PortalSignedOutEvent, type SignOutReason } from '../../../src/internal/events.js';
import { PortalSessionController } from '../../../src/internal/portal-session.js';
import type { SessionMessage } from '../../../src/internal/session-channel.js';

/** A view inside the host: sees the session through the context, as every portal element does. */
class SessionReader extends LitElement {
  readonly session = new ContextConsumer(this, { context: sessionContext, subscribe: true });
}
customElements.define('test-session-reader', SessionReader);

/** The smallest host of the controller: a backend, a view inside, and a log of what the controller reported. */
class SessionHost extends LitElement {
  adapter = new MemoryAdapter();
  readonly started: Session[] = [];
  readonly ended: SignOutReason[] = [];
  readonly lifecycle = new PortalSessionController(this, {
    adapter: () => this.adapter,
    started: () => this.started.push(this.lifecycle.session!),
    ended: (reason) => this.ended.push(reason),
  });

  override render() {
    return html`<test-session-reader></test-session-reader>`;
  }

  get view() {
    return this.shadowRoot!.querySelector<SessionReader>('test-session-reader')!;
  }
}
customElements.define('test-session-host', SessionHost);

/** Another tab of the same site: the channel the portal's tabs talk on. */
function otherTab() {
  const channel = new BroadcastChannel('customer-portal-session');
  const heard: SessionMessage[] = [];
  channel.onmessage = (event: MessageEvent<SessionMessage>) => heard.push(event.data);
  return { channel, heard };
}

async function host(adapter: MemoryAdapter) {
  const el = await fixture<SessionHost>(html`<test-session-host .adapter=${adapter}></test-session-host>`);
  return el;
}

describe('PortalSessionController', () => {
  const tabs: BroadcastChannel[] = [];
  afterEach(() => {
    for (const tab of tabs.splice(0)) tab.close();
    localStorage.clear();
  });

  it('provides the session it takes to the views inside, and tells other tabs of a sign-in', async () => {
    const adapter = new MemoryAdapter();
    const el = await host(adapter);
    const tab = otherTab();
    tabs.push(tab.channel);
    expect(el.view.session.value).to.be.undefined;
    el.lifecycle.loaded(null);
    expect(el.view.session.value).to.be.null;
    const session = await adapter.signIn(DEMO_SIGN_IN);
    el.lifecycle.take(session);
    expect(el.view.session.value).to.equal(session);
    expect(el.started).to.deep.equal([session]);
    await waitUntil(() => tab.heard.length > 0, 'the other tab heard nothing');
    expect(tab.heard).to.deep.equal([{ type: 'signed-in' }]);
    // A refreshed session of the same person is no new start.
    const refreshed = await adapter.extendSession();
    el.lifecycle.take(refreshed);
    expect(el.view.session.value).to.equal(refreshed);
    expect(el.started).to.have.length(1);
  });

  it('signing out ends the session on the server and in every tab, clears the drafts and fires portal-signed-out', async () => {
    const adapter = new MemoryAdapter({ signedInAs: DEMO_SIGN_IN.email });
    const el = await host(adapter);
    const session = (await adapter.getSession())!;
    el.lifecycle.loaded(session);
    saveDraft(session.user.id, 'ticket-1', { html: 'Half a reply', savedAt: '', fileNames: [] });
    const tab = otherTab();
    tabs.push(tab.channel);
    const fired = new Promise<PortalSignedOutEvent>((resolve) => el.addEventListener('portal-signed-out', (e) => resolve(e as PortalSignedOutEvent), { once: true }));
    await el.lifecycle.end('sign-out');
    expect((await fired).detail.reason).to.equal('sign-out');
    expect(el.ended).to.deep.equal(['sign-out']);
    expect(el.view.session.value).to.be.null;
    expect(await adapter.getSession()).to.be.null;
    expect(loadDraft(session.user.id, 'ticket-1')).to.be.null;
    await waitUntil(() => tab.heard.length > 0, 'the other tab heard nothing');
    expect(tab.heard).to.deep.equal([{ type: 'signed-out', reason: 'sign-out' }]);
    // Nobody to sign out any more: nothing happens twice.
    await el.lifecycle.end('sign-out');
    expect(el.ended).to.have.length(1);
  });

  it('follows other tabs: their sign-out ends the session here (the server is not asked again), their sign-in starts one', async () => {
    const adapter = new MemoryAdapter({ signedInAs: DEMO_SIGN_IN.email });
    const el = await host(adapter);
    el.lifecycle.loaded(await adapter.getSession());
    const tab = otherTab();
    tabs.push(tab.channel);
    tab.channel.postMessage({ type: 'signed-out', reason: 'sign-out' } satisfies SessionMessage);
    await waitUntil(() => el.ended.length > 0, 'the other tab\'s sign-out was not followed');
    expect(el.ended).to.deep.equal(['other-tab']);
    expect(el.lifecycle.session).to.be.null;
    // This tab did not sign out on the server: the (shared) server session is still there for the other tab to end.
    expect(await adapter.getSession()).to.not.be.null;
    tab.channel.postMessage({ type: 'signed-in' } satisfies SessionMessage);
    await waitUntil(() => el.lifecycle.session, 'the other tab\'s sign-in was not followed');
    expect(el.started).to.have.length(1);
    // A session learned from another tab is not announced back to the tabs.
    expect(tab.heard).to.deep.equal([]);
  });

  it('ignores a session refresh that answers after the session ended (epoch guard)', async () => {
    const adapter = new MemoryAdapter({ signedInAs: DEMO_SIGN_IN.email });
    let answer!: (session: Session) => void;
    const asked = new Promise<void>((resolve) => {
      adapter.extendSession = () => { resolve(); return new Promise<Session>((r) => { answer = r; }); };
    });
    const el = await host(adapter);
    const session = (await adapter.getSession())!;
    el.lifecycle.loaded(session);
    const staying = el.lifecycle.stay();
    await asked;
    await el.lifecycle.end('sign-out');
    answer({ ...session, expiresAt: new Date(Date.now() + 3_600_000).toISOString() });
    await staying;
    expect(el.lifecycle.session).to.be.null;
    expect(el.view.session.value).to.be.null;
  });

  it('ends the session when a view finds it gone on the server, saying why', async () => {
    const adapter = new MemoryAdapter({ signedInAs: DEMO_SIGN_IN.email });
    const el = await host(adapter);
    el.lifecycle.loaded(await adapter.getSession());
    el.view.dispatchEvent(new PortalErrorEvent({ error: new UnauthenticatedError('gone', { reason: 'access-revoked' }) }));
    await waitUntil(() => el.ended.length > 0, 'the session did not end');
    expect(el.ended).to.deep.equal(['access-revoked']);
    el.lifecycle.loaded(await adapter.signIn(DEMO_SIGN_IN));
    el.view.dispatchEvent(new PortalErrorEvent({ error: new UnauthenticatedError('gone') }));
    await waitUntil(() => el.ended.length > 1, 'the session did not end');
    expect(el.ended).to.deep.equal(['access-revoked', 'ended']);
  });

  it('warns before the idle timeout and ends the session at expiry', async function () {
    // Seconds, not milliseconds: the warning comes at half the timeout, the end at the timeout.
    this.timeout(20_000);
    const adapter = new MemoryAdapter({ signedInAs: DEMO_SIGN_IN.email, idleTimeoutSeconds: 4 });
    const el = await host(adapter);
    const warned: Event[] = [];
    el.addEventListener('portal-session-expiring', (e) => warned.push(e));
    el.lifecycle.loaded(await adapter.getSession());
    expect(el.lifecycle.expiring).to.equal(false);
    await waitUntil(() => el.lifecycle.expiring, 'no warning', { timeout: 8000 });
    expect(warned).to.have.length(1);
    await waitUntil(() => el.ended.length > 0, 'the session did not expire', { timeout: 8000 });
    expect(el.ended).to.deep.equal(['expired']);
    expect(el.lifecycle.expiring).to.equal(false);
    expect(await adapter.getSession()).to.be.null;
  });
});
