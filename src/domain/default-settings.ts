import type { Settings } from '../contract/settings.js';
import { DEFAULT_COLUMNS } from '../contract/list-rules.js';

/** The settings of a new portal: self-registration, own tickets only, every column default. */
export function defaultSettings(): Settings {
  return {
    name: 'Customer Portal',
    enabled: true,
    ticketLabel: { singular: 'Ticket', plural: 'Tickets' },
    defaultLocale: 'en',
    locales: ['en', 'de', 'sv', 'da'],
    access: { mode: 'self-registration', accessGroupIds: [], sso: null, magicLink: false },
    consent: {
      text: 'I agree that my data is processed to handle my support requests.',
      checkboxLabel: 'I agree to the processing of my data',
    },
    permissions: { mode: 'own' },
    visibility: null,
    columns: [...DEFAULT_COLUMNS],
    statusDisplay: 'open-closed',
    ownerName: 'first',
    actions: { replyToClosed: false, customerClose: true, closedStageByPipeline: {} },
    defaultInbox: 'Support',
    supportForm: {
      enabled: true,
      menuText: 'Submit a ticket',
      headerText: 'How can we help?',
      fields: [
        { name: 'subject', label: 'Subject', type: 'text', required: true, maxLength: 200 },
        { name: 'content', label: 'Description', type: 'textarea', required: true, maxLength: 20000 },
      ],
      uploads: { maxFiles: 5, maxBytes: 10 * 1024 * 1024, accept: [] },
    },
    idleTimeoutMinutes: 60,
    knowledgeBaseUrl: null,
    theme: {},
  };
}
