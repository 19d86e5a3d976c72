import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import '../../../src/define.js';
import { CustomerPortal, type AdapterFactory } from '../../../src/elements/customer-portal/customer-portal.js';
import { HttpAdapter } from '../../../src/adapters/http-adapter.js';
import { MemoryAdapter } from '../../../src/adapters/memory-adapter.js';
import { httpAdapterFactory } from '../../../src/http-adapter-factory.js';

describe('customer-portal adapter factory', () => {
  let before: AdapterFactory | undefined;
  beforeEach(() => { before = CustomerPortal.adapterFactory; });
  afterEach(() => { CustomerPortal.adapterFactory = before; });

  it('the registering entries set the HttpAdapter factory', () => {
    expect(CustomerPortal.adapterFactory).to.equal(httpAdapterFactory);
    expect(httpAdapterFactory('/api/v1')).to.be.instanceOf(HttpAdapter);
  });

  it('api-base goes through the injected factory, with the attribute\'s URL', async () => {
    const asked: string[] = [];
    CustomerPortal.adapterFactory = (baseUrl) => {
      asked.push(baseUrl);
      return new MemoryAdapter({ signedInAs: 'anna@nordlicht.example' });
    };
    const el = await fixture<CustomerPortal>(html`<customer-portal locale="en" api-base="/backend/v2"></customer-portal>`);
    await waitUntil(() => el.session, 'the factory\'s adapter did not load the session');
    expect(asked).to.deep.equal(['/backend/v2']);
    expect(el.settings?.name).to.equal('Nordlicht Help Center');
  });

  it('an adapter wins over api-base; without a factory, api-base alone says the portal is not set up', async () => {
    CustomerPortal.adapterFactory = () => { throw new Error('the factory must not be asked when an adapter is given'); };
    const given = await fixture<CustomerPortal>(html`<customer-portal locale="en" api-base="/api/v1" .adapter=${new MemoryAdapter()}></customer-portal>`);
    await waitUntil(() => given.settings, 'the given adapter was not used');
    CustomerPortal.adapterFactory = undefined;
    const bare = await fixture<CustomerPortal>(html`<customer-portal locale="en" api-base="/api/v1"></customer-portal>`);
    await waitUntil(() => bare.shadowRoot!.textContent?.includes('the "api-base" attribute or an adapter is missing'), 'no set-up problem shown');
  });
});
