import { CustomerPortal } from './customer-portal.js';
import { defineElement } from '../../internal/define-element.js';

defineElement('customer-portal', CustomerPortal);

declare global {
  interface HTMLElementTagNameMap {
    'customer-portal': CustomerPortal;
  }
}
