import { SupportForm } from './support-form.js';
import { defineElement } from '../../internal/define-element.js';

defineElement('support-form', SupportForm);

declare global {
  interface HTMLElementTagNameMap {
    'support-form': SupportForm;
  }
}
