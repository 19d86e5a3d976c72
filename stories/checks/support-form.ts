import { whenHeld } from '../support/adapters.js';
import {
  CUSTOM_LABEL, DEMO_FORM_LABELS, DRAFT_FILE, DRAFT_VALUES, FORM_CONTACT, formDraftKey, NEXT_TICKET_ID, PREFILL_SUBJECT,
  submitSupportForm, SUBMIT_VALUES, UPLOAD_LIMITS_HINT,
} from '../support/support-form.js';
import { buttonIn, checked, expect, navLinks, shadow, squash, title, waitUntil } from './play.js';

/**
 * Checks of the `<support-form>` stories (`stories/support-form.stories.ts`). They look at the
 * `<customer-portal>` the form is slotted into (it provides settings and session), and at the form in it.
 */

const formOf = (portal: Element) => portal.querySelector<HTMLElement>('support-form');
const formRoot = (portal: Element) => formOf(portal)!.shadowRoot!;
const formText = (portal: Element, selector: string) => squash(formRoot(portal).querySelector(selector)?.textContent);
/** The labels and legends of the form's fields, without the required mark. */
const fieldLabels = (portal: Element) =>
  [...formRoot(portal).querySelectorAll('form label[for], form legend')].map((l) => squash(l.textContent).replace(/\s*\*$/, ''));
const fieldValue = (portal: Element, name: string) =>
  formRoot(portal).querySelector<HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement>(`#field-${name}`)?.value;
const hasField = (portal: Element, name: string) => formRoot(portal).querySelector(`#field-${name}`) !== null;
/** `input[type]`, `select`, `textarea` or `fieldset` (radio and multiple checkboxes) of a field. */
const controlKind = (portal: Element, name: string) => {
  const control = formRoot(portal).querySelector<HTMLInputElement>(`#field-${name}`);
  return !control ? 'missing' : control.localName === 'input' ? `input[${control.type}]` : control.localName;
};
const successHeading = (portal: Element) => formText(portal, '[part="success"] [data-heading]');

/**
 * The portal shows the slotted form (not its built-in views), and the form its fields, a notice, a problem or the
 * confirmation, and is not busy.
 */
export const formSettled = (portal: HTMLElement) => {
  if (!title(portal) || portal.shadowRoot?.querySelector('ticket-list, ticket-detail, support-form')) return false;
  const root = formOf(portal)?.shadowRoot;
  if (!root || root.querySelector('[aria-busy="true"]')) return false;
  return !!root.querySelector('form, .notice, [role="alert"], [part="success"]');
};

/** Submits the story's prefilled form and checks the confirmation (texts in the given ticket label). */
async function submitsPrefilledForm(el: HTMLElement, label: { singular: string; sentence: string }) {
  expect(fieldValue(el, 'subject')).to.equal(SUBMIT_VALUES.subject);
  await submitSupportForm(el);
  expect(formRoot(el).querySelector('[part="error-summary"]') === null, 'no problems').to.equal(true);
  expect(successHeading(el)).to.equal(`Your ${label.sentence} was submitted`);
  expect(squash(formRoot(el).activeElement?.textContent), 'focus on the confirmation').to.equal(`Your ${label.sentence} was submitted`);
  expect(formText(el, '[part="success"] a')).to.equal(`View ${label.singular} #${NEXT_TICKET_ID}`);
  expect(buttonIn(formRoot(el), `Submit another ${label.sentence}`) !== undefined, `"Submit another ${label.sentence}"`).to.equal(true);
  const created = (el as HTMLElement & { adapter: { world: { tickets: { id: number; subject: string }[] } } }).adapter.world.tickets.at(-1);
  expect(`${created?.id} ${created?.subject}`).to.equal(`${NEXT_TICKET_ID} ${SUBMIT_VALUES.subject}`);
  expect(localStorage.getItem(formDraftKey(FORM_CONTACT.id)) === null, 'no draft left').to.equal(true);
  expect(location.hash, 'routing="none"').to.equal('');
  await expect(el).to.be.accessible();
}

/** The form in a locale (the strings load asynchronously after the first render). */
const speaks = (lang: string, submit: string, requiredNote: string, choose: string) => checked((el) => {
  expect(shadow(el).querySelector('[part="base"]')?.getAttribute('lang')).to.equal(lang);
  expect(formText(el, 'form > .hint')).to.equal(requiredNote);
  expect(formText(el, '#field-category option[value=""]')).to.equal(choose);
}, (el) => formSettled(el) && squash(formOf(el)?.shadowRoot?.querySelector('[part="submit-button"]')?.textContent) === submit);

export const checks = {
  EveryFieldType: checked((el) => {
    expect(fieldLabels(el)).to.deep.equal(DEMO_FORM_LABELS);
    expect(['subject', 'category', 'impact', 'products', 'firstNoticed', 'ccEmail', 'content', 'attachments', 'mayAccessAccount']
      .map((name) => `${name}: ${controlKind(el, name)}`)).to.deep.equal([
      'subject: input[text]', 'category: select', 'impact: fieldset', 'products: fieldset', 'firstNoticed: input[date]',
      'ccEmail: input[email]', 'content: textarea', 'attachments: input[file]', 'mayAccessAccount: input[checkbox]',
    ]);
    expect(hasField(el, 'orderNumber') || hasField(el, 'affectedUsers'), 'conditional fields hidden').to.equal(false);
    expect(formText(el, 'form > .hint')).to.equal('Fields marked * are required.');
    expect(formRoot(el).querySelector('.notice') === null, 'no restored draft').to.equal(true);
  }),

  ConditionalFieldsShown: checked((el) => {
    expect(fieldLabels(el).slice(0, 5)).to.deep.equal(['Subject', 'Category', 'Order number', 'Who is affected?', 'Affected users']);
    expect(fieldValue(el, 'category')).to.equal('billing');
    expect(formRoot(el).querySelector<HTMLInputElement>('#field-impact input[value="team"]')?.checked).to.equal(true);
    expect(controlKind(el, 'affectedUsers')).to.equal('input[number]');
    expect(formText(el, '#field-orderNumber-help')).to.equal('You find it at the top of your invoice.');
  }),

  WithErrors: checked(async (el) => {
    await submitSupportForm(el);
    const items = [...formRoot(el).querySelectorAll('[part="error-summary"] a')].map((a) => squash(a.textContent));
    expect(items).to.deep.equal(['Please fill in this field.', 'Please choose an option.', 'Please choose an option.', 'Please fill in this field.']);
    expect(formText(el, '#summary-title')).to.equal('Please check these fields:');
    expect(formRoot(el).activeElement?.id, 'focus on the first problem').to.equal('field-subject');
    expect(formRoot(el).querySelector('#field-subject')?.getAttribute('aria-invalid')).to.equal('true');
    expect(formRoot(el).querySelector('#field-subject')?.getAttribute('aria-describedby')).to.equal('field-subject-error');
    expect(formText(el, '#field-content-error')).to.equal('Please fill in this field.');
    await expect(el).to.be.accessible();
  }),

  Prefilled: checked((el) => {
    expect(fieldValue(el, 'subject')).to.equal(PREFILL_SUBJECT);
    expect(`${fieldValue(el, 'category')}|${fieldValue(el, 'content')}`, 'only the subject').to.equal('|');
    expect(formRoot(el).querySelector('.notice') === null, 'not a restored draft').to.equal(true);
  }),

  DraftRestored: checked(async (el) => {
    expect(formText(el, '.notice')).to.equal(`We restored the form you had started. Attach these files again: ${DRAFT_FILE} Start over`);
    expect(['subject', 'category', 'orderNumber', 'content'].map((name) => fieldValue(el, name)))
      .to.deep.equal([DRAFT_VALUES.subject, DRAFT_VALUES.category, DRAFT_VALUES.orderNumber, DRAFT_VALUES.content]);
    // The seeded draft is removed again once restored, so other stories do not inherit it.
    await waitUntil(() => localStorage.getItem(formDraftKey(FORM_CONTACT.id)) === null, 'the seeded draft was not cleaned up');
    buttonIn(formRoot(el), 'Start over')!.click();
    await waitUntil(() => fieldValue(el, 'subject') === '' && !formRoot(el).querySelector('.notice'), '"Start over" did not empty the form');
    expect(hasField(el, 'orderNumber'), 'the conditional field hides again').to.equal(false);
  }, (el) => formSettled(el) && !!formOf(el)?.shadowRoot?.querySelector('form') && !!formOf(el)?.shadowRoot?.querySelector('.notice')),

  Submitted: checked((el) => submitsPrefilledForm(el, { singular: 'Ticket', sentence: 'ticket' })),

  MinimalForm: checked((el) => {
    expect(fieldLabels(el)).to.deep.equal(['Subject', 'Description']);
    expect(hasField(el, 'attachments'), 'no file field').to.equal(false);
    expect(buttonIn(formRoot(el), 'Submit') !== undefined).to.equal(true);
  }),

  UploadLimits: checked((el) => {
    const field = formRoot(el).querySelector('#field-attachments')?.closest('.field');
    const hints = [...(field?.querySelectorAll('.hint') ?? [])].map((h) => squash(h.textContent));
    expect(hints).to.include(UPLOAD_LIMITS_HINT);
    expect(formRoot(el).querySelector('#field-attachments')?.getAttribute('accept')).to.equal('.pdf,image/*');
  }),

  Unavailable: checked((el) => {
    expect(formText(el, '.notice')).to.equal('The support form is not available.');
    expect(formRoot(el).querySelector('form') === null, 'no form').to.equal(true);
    expect(navLinks(el), 'no menu entry for the form').to.deep.equal(['Tickets']);
  }),

  Loading: checked(async (el) => {
    // The form request was made and never answers: after the form's next update it still waits.
    await whenHeld((el as HTMLElement & { adapter?: unknown }).adapter);
    await (formOf(el) as HTMLElement & { updateComplete: Promise<unknown> }).updateComplete;
    const busy = formRoot(el).querySelector<HTMLElement>('[aria-busy="true"]');
    expect(squash(busy?.textContent), 'still loading').to.equal('Loading…');
    expect(formRoot(el).querySelector('form') === null, 'no form yet').to.equal(true);
    expect(busy!.getBoundingClientRect().height, 'space is reserved').to.be.greaterThan(200);
  }, (el) => !!title(el) && !!formOf(el)?.shadowRoot?.querySelector('[aria-busy="true"]')),

  LoadError: checked(async (el) => {
    const alert = formRoot(el).querySelector('[role="alert"]')!;
    expect(squash(alert.textContent)).to.contain('We could not reach the portal. Check your connection and try again.');
    buttonIn(alert, 'Try again')!.click();
    await waitUntil(() => formSettled(el) && !!formRoot(el).querySelector('form') && !formRoot(el).querySelector('[role="alert"]'), '"Try again" did not recover');
    expect(fieldLabels(el)).to.deep.equal(DEMO_FORM_LABELS);
  }, (el) => !!title(el) && !!formOf(el)?.shadowRoot?.querySelector('[role="alert"]')),

  CustomLabel: checked(async (el) => {
    expect(navLinks(el)).to.deep.equal([CUSTOM_LABEL.plural, `Open a ${CUSTOM_LABEL.singular.toLowerCase()}`]);
    await submitsPrefilledForm(el, { singular: CUSTOM_LABEL.singular, sentence: CUSTOM_LABEL.singular.toLowerCase() });
  }),

  Dark: checked((el) => {
    expect(getComputedStyle(el).colorScheme).to.equal('dark');
    expect(getComputedStyle(formOf(el)!).colorScheme).to.equal('dark');
  }),

  German: speaks('de', 'Absenden', 'Mit * markierte Felder sind Pflichtfelder.', 'Bitte wählen …'),
  Swedish: speaks('sv', 'Skicka', 'Fält markerade med * är obligatoriska.', 'Välj …'),
  Danish: speaks('da', 'Indsend', 'Felter markeret med * skal udfyldes.', 'Vælg …'),
};
