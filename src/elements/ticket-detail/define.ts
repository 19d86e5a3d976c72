import { TicketDetail } from './ticket-detail.js';
import { MessageBody } from './message-body.js';
import { ReplyBox } from './reply-box.js';
import { defineElement } from '../../internal/define-element.js';

defineElement('ticket-detail', TicketDetail);
defineElement('portal-message-body', MessageBody);
defineElement('portal-reply-box', ReplyBox);

declare global {
  interface HTMLElementTagNameMap {
    'ticket-detail': TicketDetail;
    'portal-message-body': MessageBody;
    'portal-reply-box': ReplyBox;
  }
}
