import type { Settings } from '../contract/settings.js';
import { defaultSettings } from './default-settings.js';
import { DEMO_FORM_FIELDS } from './demo-form.js';
import type {
  AgentRecord, AttachmentRecord, CompanyRecord, ContactRecord, MessageRecord, PipelineRecord, TicketRecord,
} from './world.js';

export type { AttachmentRecord, MessageRecord } from './world.js';

export interface DemoWorld {
  settings: Settings;
  pipelines: PipelineRecord[];
  companies: CompanyRecord[];
  accessGroups: { id: number; name: string }[];
  contacts: (ContactRecord & { password: string | null })[];
  agents: AgentRecord[];
  tickets: TicketRecord[];
  messages: MessageRecord[];
}

/** The sign-in of the demo's main contact (printed by `npm start`, used by stories and tests). */
export const DEMO_SIGN_IN = { email: 'anna@nordlicht.example', password: 'portal-demo-2026' };

export const DEMO_PIPELINES: PipelineRecord[] = [
  {
    id: 'support', label: 'Support', stages: [
      { id: 'new', label: 'New', closed: false },
      { id: 'waiting-on-contact', label: 'Waiting on contact', closed: false },
      { id: 'waiting-on-us', label: 'Waiting on us', closed: false },
      { id: 'closed', label: 'Closed', closed: true },
    ],
  },
  {
    id: 'billing', label: 'Billing', stages: [
      { id: 'received', label: 'Received', closed: false },
      { id: 'in-review', label: 'In review', closed: false },
      { id: 'resolved', label: 'Resolved', closed: true },
    ],
  },
];

/** A small deterministic PRNG (mulberry32), so every seed of a generated world is identical. */
export function seededRandom(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const SUBJECTS = [
  'Cannot sign in to the dashboard', 'Invoice shows the wrong VAT number', 'Export to Excel is empty',
  'Two-factor codes arrive late', 'Request: add a dark mode', 'Sync with calendar stopped working',
  'Refund for duplicate charge', 'Upgrade to the Team plan', 'Password reset email not received',
  'Mobile app crashes on start', 'API rate limit too low for our import', 'Wrong currency on the quote',
  'Change the billing address', 'Attachments fail to upload', 'Search does not find older orders',
  'Übersetzung im Rechnungskopf fehlt', 'Fakturan har fel förfallodatum', 'Kan ikke åbne rapporten',
];

const DAY = 86_400_000;
const BASE = Date.UTC(2026, 10, 1, 9, 0, 0);

/** The demo world of the reference server and the MemoryAdapter: two pipelines, four companies, ~60 tickets. */
export function demoWorld(): DemoWorld {
  const rnd = seededRandom(20261123);
  const pick = <T>(items: readonly T[]) => items[Math.floor(rnd() * items.length)];
  const settings: Settings = {
    ...defaultSettings(),
    name: 'Nordlicht Help Center',
    // The demo offers every language the library ships.
    locales: ['en', 'de', 'sv', 'da', 'fr', 'es', 'nl', 'it', 'pt', 'pl', 'ja', 'ar'],
    permissions: { mode: 'company' },
    actions: { replyToClosed: false, customerClose: true, closedStageByPipeline: { support: 'closed', billing: 'resolved' } },
    knowledgeBaseUrl: null,
    supportForm: { ...defaultSettings().supportForm, fields: DEMO_FORM_FIELDS },
    translations: {
      de: { name: 'Nordlicht Hilfe-Center', ticketLabel: { singular: 'Ticket', plural: 'Tickets' }, menuText: 'Ticket einreichen', headerText: 'Wie können wir helfen?' },
      sv: { name: 'Nordlicht Hjälpcenter', ticketLabel: { singular: 'Ärende', plural: 'Ärenden' }, menuText: 'Skicka in ett ärende', headerText: 'Hur kan vi hjälpa dig?' },
      da: { name: 'Nordlicht Hjælpecenter', ticketLabel: { singular: 'Sag', plural: 'Sager' }, menuText: 'Opret en sag', headerText: 'Hvordan kan vi hjælpe?' },
      fr: { name: 'Centre d’aide Nordlicht', ticketLabel: { singular: 'Ticket', plural: 'Tickets' }, menuText: 'Soumettre un ticket', headerText: 'Comment pouvons-nous vous aider ?' },
      ar: { name: 'مركز مساعدة نوردليشت', ticketLabel: { singular: 'تذكرة', plural: 'التذاكر' }, menuText: 'إرسال تذكرة', headerText: 'كيف يمكننا مساعدتك؟' },
    },
  };
  const companies: CompanyRecord[] = [
    { id: 1, name: 'Nordlicht GmbH', domain: 'nordlicht.example' },
    { id: 2, name: 'Fjord & Co AB', domain: 'fjord.example' },
    { id: 3, name: 'Sundby ApS', domain: 'sundby.example' },
    { id: 4, name: 'Acme Ltd', domain: 'acme.example' },
  ];
  const accessGroups = [{ id: 1, name: 'Key accounts' }, { id: 2, name: 'Partners' }];
  const person = (id: number, name: string, email: string, companyId: number | null, props: ContactRecord['properties'] = {}) => ({
    id, name, email, companyId, accessGroupIds: id <= 3 ? [1] : [], properties: props, password: 'portal-demo-2026' as string | null,
  });
  const contacts = [
    person(1, 'Anna Berg', DEMO_SIGN_IN.email, 1, { role: 'admin', country: 'DE' }),
    person(2, 'Lukas Schmidt', 'lukas@nordlicht.example', 1, { role: 'member', country: 'DE' }),
    person(3, 'Elin Sjöberg', 'elin@fjord.example', 2, { role: 'admin', country: 'SE' }),
    person(4, 'Oskar Lund', 'oskar@fjord.example', 2, { role: 'member', country: 'SE' }),
    person(5, 'Mette Holm', 'mette@sundby.example', 3, { role: 'admin', country: 'DK' }),
    person(6, 'Jens Madsen', 'jens@sundby.example', 3, { role: 'member', country: 'DK' }),
    person(7, 'Grace Miller', 'grace@acme.example', 4, { role: 'admin', country: 'GB' }),
    person(8, 'Sam Taylor', 'sam@example.net', null, { country: 'US' }),
  ];
  const agents: AgentRecord[] = [
    { id: 1, firstName: 'Maja', lastName: 'Lindqvist', alias: 'Maja from Support' },
    { id: 2, firstName: 'Jonas', lastName: 'Weber', alias: null },
    { id: 3, firstName: 'Sofie', lastName: 'Kjær', alias: 'Sofie (Billing)' },
  ];
  const tickets: TicketRecord[] = [];
  const messages: MessageRecord[] = [];
  let messageId = 0;
  let attachmentId = 0;
  for (let id = 1; id <= 60; id++) {
    const contact = id <= 14 ? contacts[id % 2] : pick(contacts);
    const pipeline = rnd() < 0.7 ? DEMO_PIPELINES[0] : DEMO_PIPELINES[1];
    const stage = pick(pipeline.stages);
    const created = BASE - Math.floor(rnd() * 120) * DAY - Math.floor(rnd() * DAY);
    const subject = pick(SUBJECTS);
    const ticket: TicketRecord = {
      id, subject, content: `${subject}. Details from ${contact.name}.`, pipeline: pipeline.id, stage: stage.id,
      priority: pick(['low', 'medium', 'high', null]), ownerId: rnd() < 0.85 ? pick(agents).id : null,
      contactId: contact.id, companyId: contact.companyId, createdAt: new Date(created).toISOString(),
      lastActivityAt: new Date(created).toISOString(), properties: { product: pick(['Cloud', 'On-premise', 'Mobile']) },
    };
    tickets.push(ticket);
    if (id % 10 === 0) continue; // some tickets have no conversation yet
    let at = created;
    const threads = id % 7 === 0 ? 2 : 1;
    for (let thread = 1; thread <= threads; thread++) {
      const count = 2 + Math.floor(rnd() * 4);
      for (let n = 0; n < count; n++) {
        at += Math.floor(rnd() * DAY);
        const fromAgent = n % 2 === 1;
        const internal = fromAgent && n === 3;
        const attachments: AttachmentRecord[] = n === 0 && id % 3 === 0
          ? [{ id: ++attachmentId, name: `screenshot-${id}.txt`, contentType: 'text/plain', content: `Log excerpt for ticket ${id}\n` }]
          : [];
        messages.push({
          id: ++messageId, ticketId: id, thread, authorKind: fromAgent ? 'agent' : 'contact',
          authorId: fromAgent ? (ticket.ownerId ?? agents[0].id) : contact.id, internal, createdAt: new Date(at).toISOString(),
          body: internal
            ? '<p>Internal note: customer is on the legacy plan.</p>'
            : fromAgent
              ? `<p>Thanks for reaching out! We are looking into <strong>${subject.toLowerCase()}</strong>.</p>`
              : `<p>${n === 0 ? ticket.content : 'Any news on this?'}</p>`,
          attachments,
        });
      }
    }
    ticket.lastActivityAt = new Date(at).toISOString();
  }
  return { settings, pipelines: DEMO_PIPELINES, companies, accessGroups, contacts, agents, tickets, messages };
}
