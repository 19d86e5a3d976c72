import { PortalLogin } from './portal-login.js';
import { ConsentText } from './consent-text.js';
import { defineElement } from '../../internal/define-element.js';

defineElement('portal-login', PortalLogin);
defineElement('portal-consent-text', ConsentText);

declare global {
  interface HTMLElementTagNameMap {
    'portal-login': PortalLogin;
    'portal-consent-text': ConsentText;
  }
}
