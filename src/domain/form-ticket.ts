import { ticketPartsFromForm } from './form-core-fields.js';
import type { FormOutput } from './form-validation.js';
import type { ContactRecord, PipelineRecord, TicketRecord } from './world.js';

const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (ch) => `&#${ch.charCodeAt(0)};`);

/** Plain text as the HTML of a message: paragraphs at blank lines, line breaks kept, everything escaped. */
export function textToHtml(text: string): string {
  return text.split(/\n{2,}/).map((p) => `<p>${escapeHtml(p).replace(/\n/g, '<br>')}</p>`).join('');
}

/** The pipeline a submission goes to: the one a customer-settable `pipeline` field chose, else the first. */
export const pipelineForForm = (values: FormOutput, pipelines: readonly PipelineRecord[]): PipelineRecord | undefined =>
  pipelines.find((p) => p.id === values.pipeline) ?? pipelines[0];

export interface NewTicketContext {
  contact: Pick<ContactRecord, 'id' | 'companyId'>;
  pipeline: PipelineRecord;
  inbox: string;
  /** ISO date-time of the submission. */
  at: string;
}

/**
 * How a validated support-form submission becomes a ticket, for the server and the MemoryAdapter alike: the
 * ticket (the contact's company, the first stage of the pipeline, the form's parts) and the body of its first
 * message — the description as escaped HTML (`textToHtml`), so markup the customer typed shows as text.
 */
export function ticketFromForm(values: FormOutput, { contact, pipeline, inbox, at }: NewTicketContext) {
  const { subject, content, priority, properties } = ticketPartsFromForm(values, inbox);
  const ticket: Omit<TicketRecord, 'id'> = {
    subject, content, pipeline: pipeline.id, stage: pipeline.stages[0].id, priority, ownerId: null,
    contactId: contact.id, companyId: contact.companyId, createdAt: at, lastActivityAt: at, properties,
  };
  return { ticket, firstMessageBody: textToHtml(content) };
}
