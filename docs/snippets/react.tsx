import { CustomerPortal, TicketList } from 'customer-portal-elements/react';
import { HttpAdapter } from 'customer-portal-elements';

const adapter = new HttpAdapter({ baseUrl: '/api/v1' });

/** The wrappers: camelCase props and typed `on…` events. */
export function SupportPage() {
  return <CustomerPortal apiBase="/api/v1" locale="de" onPortalReady={(event) => console.log(event.detail.name)} />;
}

/** React 19 renders the plain tags too; `adapter` is set as a property. */
export function MyTickets() {
  return (
    <>
      <customer-portal api-base="/api/v1" theme="auto" onportal-error={(event) => console.warn(event.detail.error)} />
      <TicketList adapter={adapter} onPortalTicketOpen={(event) => console.log(event.detail.ticketId)} />
      <ticket-list adapter={adapter} />
    </>
  );
}
