import { TicketList } from './ticket-list.js';
import { defineElement } from '../../internal/define-element.js';
import '../view-switcher/define.js';

defineElement('ticket-list', TicketList);

declare global {
  interface HTMLElementTagNameMap {
    'ticket-list': TicketList;
  }
}
