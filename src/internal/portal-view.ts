import { PortalContextController } from './portal-context.js';
import { PortalElement } from './portal-element.js';

/**
 * Base of the views that work inside `<customer-portal>` or on their own (their `adapter` property set): the adapter, settings,
 * session and services come from one `PortalContextController`, read through the getters here.
 */
export class PortalViewElement extends PortalElement {
  /** Adapter, settings, session and services: from the surrounding portal, or loaded through `adapter`. */
  protected readonly portal = new PortalContextController(this);

  protected get settings() {
    return this.portal.settings;
  }

  /** `undefined` while unknown, `null` when signed out. */
  protected get session() {
    return this.portal.session;
  }

  protected get services() {
    return this.portal.services;
  }
}
