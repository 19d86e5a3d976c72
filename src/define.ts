/** Registers every portal element. The provider (`customer-portal`) comes first, so nested elements find it. */
import './customer-portal.js';
import './elements/portal-login/define.js';
import './elements/ticket-list/define.js';
import './elements/view-switcher/define.js';
import './elements/ticket-detail/define.js';
import './elements/support-form/define.js';
