import { HttpAdapter } from './adapters/http-adapter.js';
import { CustomerPortal, type AdapterFactory } from './elements/customer-portal/customer-portal.js';

/** `api-base` → an HttpAdapter for that URL (the reference server's API). */
export const httpAdapterFactory: AdapterFactory = (baseUrl) => new HttpAdapter({ baseUrl });

/**
 * Gives `<customer-portal api-base="…">` the HttpAdapter, unless the app injected a factory of its own
 * (`CustomerPortal.adapterFactory`). The registering entries call it; importing the element class alone does not.
 */
export function useHttpAdapterFactory(): void {
  CustomerPortal.adapterFactory ??= httpAdapterFactory;
}
