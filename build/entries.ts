/** Every element tag that gets its own entry (`dist/<tag>.js`, export `customer-portal-elements/<tag>`). */
export const ELEMENT_ENTRIES = ['customer-portal', 'portal-login', 'ticket-list', 'view-switcher', 'ticket-detail', 'support-form', 'portal-link'] as const;
