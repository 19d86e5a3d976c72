import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import * as z from 'zod/mini';
import type { FormField } from '../../../src/contract/form.js';
import { isShortPassword, NewPassword, PASSWORD_RULE } from '../../../src/contract/session.js';
import { mayEnterWithPassword, passwordAccessRefusal, sessionStillAdmits } from '../../../src/domain/access.js';
import { checkboxState, checkField, isChecked } from '../../../src/domain/form-validation.js';
import { textToHtml, ticketFromForm } from '../../../src/domain/form-ticket.js';
import { acceptedUpload, uploadRefusal } from '../../../src/domain/upload-rules.js';

/** Rules that used to be written twice, now one definition: every reader agrees with it. */
describe('one rule, one place', () => {
  it('"checked": the visibility rule and validation agree on every word (no is not checked)', () => {
    const box: FormField = { name: 'b', label: 'B', type: 'checkbox' };
    for (const word of ['on', 'ON', 'true', '1', 'yes', '', 'off', 'false', '0', 'no', ' No ', 'maybe']) {
      const verdict = checkField(box, word);
      const stored = verdict.ok ? verdict.value : null;
      assert.equal(isChecked(word), stored === true, word);
      assert.equal(checkboxState(word), stored, word);
    }
    assert.equal(isChecked('no'), false);
  });

  it('the password policy: the contract schema and the forms count alike', () => {
    for (const password of ['123456789', '1234567890', '😀'.repeat(9), '😀'.repeat(10), 'é'.repeat(10)]) {
      assert.equal(isShortPassword(password), !z.safeParse(NewPassword, password).success, password);
    }
    assert.equal(PASSWORD_RULE.minLength, 10);
  });

  it('access: SSO portals take no passwords, access-group portals only members, sessions follow the settings', () => {
    const sso = { access: { mode: 'sso' as const, accessGroupIds: [], sso: null, magicLink: false } };
    const groups = { access: { mode: 'access-groups' as const, accessGroupIds: [1], sso: null, magicLink: false } };
    assert.equal(passwordAccessRefusal(sso, { accessGroupIds: [1] }), 'sso');
    assert.equal(passwordAccessRefusal(groups, { accessGroupIds: [2] }), 'no-access');
    assert.equal(mayEnterWithPassword(groups, { accessGroupIds: [1] }), true);
    assert.equal(sessionStillAdmits(sso, { accessGroupIds: [] }, 'sso'), true);
    assert.equal(sessionStillAdmits(sso, { accessGroupIds: [] }, 'password'), false);
  });

  it('a ticket from the form: the description is stored as text, its first message as escaped HTML', () => {
    const pipeline = { id: 'support', label: 'Support', stages: [{ id: 'new', label: 'New', closed: false }] };
    const made = ticketFromForm({ subject: 'S', content: '<b>x</b>\n\nnext' }, { contact: { id: 1, companyId: null }, pipeline, inbox: 'i', at: '2026-01-01T00:00:00.000Z' });
    assert.equal(made.ticket.content, '<b>x</b>\n\nnext');
    assert.equal(made.firstMessageBody, '<p>&#60;b&#62;x&#60;/b&#62;</p><p>next</p>');
    assert.equal(textToHtml('a\nb'), '<p>a<br>b</p>');
  });

  it('uploads: the type is checked by name and declared type; refusals in the order the server streams', () => {
    assert.equal(acceptedUpload('evil.exe', 'image/png', ['image/*']), false);
    const limits = { maxFiles: 1, maxBytes: 10, accept: [] };
    assert.equal(uploadRefusal([{ name: 'a', type: 'x/y', size: 1 }, { name: 'b', type: 'x/y', size: 1 }], limits)?.message, 'Attach at most 1 files.');
    assert.equal(uploadRefusal([{ name: 'a', type: 'x/y', size: 11 }], limits)?.status, 413);
  });
});
