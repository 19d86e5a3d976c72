import { ViewSwitcher } from './view-switcher.js';
import { defineElement } from '../../internal/define-element.js';

defineElement('view-switcher', ViewSwitcher);

declare global {
  interface HTMLElementTagNameMap {
    'view-switcher': ViewSwitcher;
  }
}
