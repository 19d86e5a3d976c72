import { Component, CUSTOM_ELEMENTS_SCHEMA } from '@angular/core';
import 'customer-portal-elements/define';
import { HttpAdapter, type PortalReadyEvent } from 'customer-portal-elements';

@Component({
  selector: 'app-support',
  standalone: true,
  // Lets Angular templates use the portal's custom elements.
  schemas: [CUSTOM_ELEMENTS_SCHEMA],
  template: `<customer-portal [adapter]="adapter" locale="de" (portal-ready)="onReady($event)"></customer-portal>`,
})
export class SupportComponent {
  readonly adapter = new HttpAdapter({ baseUrl: '/api/v1' });

  onReady(event: Event) {
    console.log((event as PortalReadyEvent).detail.name);
  }
}
