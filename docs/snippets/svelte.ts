// In a component: <customer-portal api-base="/api/v1" locale="de" onportal-ready={(e) => console.log(e.detail.name)} />
import 'customer-portal-elements/define';
import type { PortalAdapter, PortalErrorEvent, PortalReadyEvent } from 'customer-portal-elements';
import type { HTMLAttributes } from 'svelte/elements';

declare module 'svelte/elements' {
  interface SvelteHTMLElements {
    'customer-portal': HTMLAttributes<HTMLElement> & {
      'api-base'?: string;
      adapter?: PortalAdapter;
      locale?: string;
      theme?: 'light' | 'dark' | 'auto';
      'onportal-ready'?: (event: PortalReadyEvent) => void;
      'onportal-error'?: (event: PortalErrorEvent) => void;
    };
  }
}
