import { CustomerPortal } from './elements/customer-portal/customer-portal.js';
import { PortalEmailPreference } from './elements/customer-portal/email-preference.js';
import { ConsentText } from './elements/portal-login/consent-text.js';
import { PortalLogin } from './elements/portal-login/portal-login.js';
import { SupportForm } from './elements/support-form/support-form.js';
import { MessageBody } from './elements/ticket-detail/message-body.js';
import { ReplyBox } from './elements/ticket-detail/reply-box.js';
import { TicketDetail } from './elements/ticket-detail/ticket-detail.js';
import { TicketList } from './elements/ticket-list/ticket-list.js';
import { ViewSwitcher } from './elements/view-switcher/view-switcher.js';
import { defineElement } from './internal/define-element.js';
import { useHttpAdapterFactory } from './http-adapter-factory.js';
import { PORTAL_TAGS, prefixedTagNames, type PortalTag, type TagNames } from './internal/tag-names.js';

const CLASSES: Record<PortalTag, CustomElementConstructor> = {
  'customer-portal': CustomerPortal,
  'portal-email-preference': PortalEmailPreference,
  'portal-login': PortalLogin,
  'portal-consent-text': ConsentText,
  'ticket-list': TicketList,
  'view-switcher': ViewSwitcher,
  'ticket-detail': TicketDetail,
  'portal-message-body': MessageBody,
  'portal-reply-box': ReplyBox,
  'support-form': SupportForm,
};

export interface DefinePortalElementsOptions {
  /**
   * Registers every element, the internal ones too, as `<prefix><tag>` (e.g. `acme-` → `<acme-customer-portal>`,
   * `<acme-ticket-list>`), for pages where another library already uses a tag. The portal renders its nested
   * elements under the same names. Default: no prefix (the same as `import 'customer-portal-elements/define'`).
   */
  prefix?: string;
}

/**
 * Registers the portal's elements and answers the tag names they got. With a prefix, each element is registered
 * as a subclass that knows the prefixed names of the elements it renders.
 */
export function definePortalElements(options: DefinePortalElementsOptions = {}): TagNames {
  const prefix = options.prefix ?? '';
  if (prefix && !/^[a-z][a-z0-9]*-$/.test(prefix)) {
    throw new TypeError(`definePortalElements: the prefix "${prefix}" must be lower-case letters and digits ending in "-", e.g. "acme-".`);
  }
  useHttpAdapterFactory();
  const names = prefixedTagNames(prefix);
  for (const tag of PORTAL_TAGS) {
    const base = CLASSES[tag] as unknown as { new (): HTMLElement };
    const ctor = prefix ? class extends base { static portalTagNames = names; } : base;
    defineElement(names[tag], ctor);
  }
  return names;
}
