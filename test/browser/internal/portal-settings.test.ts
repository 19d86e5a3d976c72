import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { ContextConsumer } from '@lit/context';
import { LitElement } from 'lit';
import { MemoryAdapter } from '../../../src/adapters/memory-adapter.js';
import type { PortalAdapter } from '../../../src/contract/adapter.js';
import { PortalError, UnavailableError } from '../../../src/contract/errors.js';
import type { Session } from '../../../src/contract/session.js';
import type { PublicSettings } from '../../../src/contract/settings.js';
import { DEMO_SIGN_IN, demoWorld } from '../../../src/domain/demo-world.js';
import { localeContext, settingsContext } from '../../../src/internal/context.js';
import type { PortalErrorEvent, PortalReadyEvent } from '../../../src/internal/events.js';
import { isCatalogueLoaded } from '../../../src/internal/messages.js';
import { PortalSettingsController } from '../../../src/internal/portal-settings.js';
import { ControlledAdapter } from '../helpers/controlled-adapter.js';

/** A view inside the host: sees settings and language through the context, as every portal element does. */
class SettingsReader extends LitElement {
  readonly settings = new ContextConsumer(this, { context: settingsContext, subscribe: true });
  readonly locale = new ContextConsumer(this, { context: localeContext, subscribe: true });
}
customElements.define('test-settings-reader', SettingsReader);

/** The smallest host of the controller: a backend, a requested language, and a log of what loaded. */
class SettingsHost extends LitElement {
  adapter?: PortalAdapter;
  requested: string | null = null;
  spoken = 0;
  readonly loads: { settings: PublicSettings; session: Session | null }[] = [];
  readonly settingsLoader = new PortalSettingsController(this, {
    adapter: () => this.adapter,
    requestedLocale: () => this.requested,
    speak: () => { this.spoken++; },
    loaded: (settings, session) => this.loads.push({ settings, session }),
  });

  override render() {
    return html`<test-settings-reader></test-settings-reader>`;
  }

  get view() {
    return this.shadowRoot!.querySelector<SettingsReader>('test-settings-reader')!;
  }
}
customElements.define('test-settings-host', SettingsHost);

function host(adapter: PortalAdapter | undefined, requested: string | null, events: Event[] = []) {
  return fixture<SettingsHost>(html`<test-settings-host .adapter=${adapter} .requested=${requested}
    @portal-ready=${(e: Event) => events.push(e)} @portal-error=${(e: Event) => events.push(e)}></test-settings-host>`);
}

describe('PortalSettingsController', () => {
  it('loads settings and session, provides them and the language to the views inside, and fires portal-ready', async () => {
    const adapter = new MemoryAdapter({ signedInAs: DEMO_SIGN_IN.email });
    const events: Event[] = [];
    const el = await host(adapter, 'de', events);
    await waitUntil(() => el.loads.length > 0, 'nothing loaded');
    const [{ settings, session }] = el.loads;
    // The backend was asked in the requested language.
    expect(settings.name).to.equal((await adapter.getSettings({ locale: 'de' })).name);
    expect(settings.name).to.not.equal((await adapter.getSettings()).name);
    expect(session?.user.email).to.equal(DEMO_SIGN_IN.email);
    expect(el.settingsLoader.settings).to.equal(settings);
    expect(el.view.settings.value).to.equal(settings);
    expect(el.settingsLoader.locale).to.equal('de');
    expect(el.view.locale.value).to.equal('de');
    expect(isCatalogueLoaded('de')).to.equal(true);
    expect(el.spoken).to.be.greaterThan(0);
    expect(events.map((e) => e.type)).to.deep.equal(['portal-ready']);
    expect((events[0] as PortalReadyEvent).detail.name).to.equal(settings.name);
  });

  it('a language the portal does not offer falls back to its default language; nobody signed in loads a null session', async () => {
    const world = demoWorld();
    world.settings.locales = ['en', 'sv'];
    world.settings.defaultLocale = 'sv';
    const el = await host(new MemoryAdapter({ world }), 'fr');
    await waitUntil(() => el.loads.length > 0, 'nothing loaded');
    expect(el.loads[0].session).to.be.null;
    expect(el.settingsLoader.locale).to.equal('sv');
    expect(el.view.locale.value).to.equal('sv');
  });

  it('a requested language applies while the settings are still loading', async () => {
    const adapter = new ControlledAdapter();
    const held = adapter.hold('getSettings');
    const el = await host(adapter, 'sv');
    await held.called;
    expect(el.settingsLoader.locale).to.equal('sv');
    expect(el.view.locale.value).to.equal('sv');
    expect(el.view.settings.value).to.be.undefined;
    held.resolve(await new MemoryAdapter().getSettings());
    await waitUntil(() => el.loads.length > 0, 'nothing loaded');
  });

  it('without an adapter, or when loading fails, fires portal-error and provides no settings; run() loads again', async () => {
    const events: Event[] = [];
    const el = await host(undefined, 'en', events);
    await waitUntil(() => events.length > 0, 'no error');
    expect((events[0] as PortalErrorEvent).detail.error).to.be.instanceOf(UnavailableError);
    expect(el.settingsLoader.settings).to.be.undefined;

    const adapter = new ControlledAdapter();
    const failing = adapter.hold('getSettings');
    el.adapter = adapter;
    el.requestUpdate();
    await failing.called;
    failing.reject(new UnavailableError('down for maintenance'));
    await waitUntil(() => events.length > 1, 'no second error');
    expect((events[1] as PortalErrorEvent).detail.error).to.be.instanceOf(PortalError);
    expect(el.view.settings.value).to.be.undefined;

    await el.settingsLoader.task.run();
    expect(el.loads).to.have.length(1);
    expect(el.view.settings.value).to.equal(el.loads[0].settings);
    expect(events.map((e) => e.type)).to.deep.equal(['portal-error', 'portal-error', 'portal-ready']);
  });
});
