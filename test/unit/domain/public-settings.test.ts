import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import * as z from 'zod/mini';
import { PublicSettings, Settings } from '../../../src/contract/settings.js';
import { defaultSettings } from '../../../src/domain/default-settings.js';
import { demoWorld } from '../../../src/domain/demo-world.js';
import { localizedTexts, toPublicSettings } from '../../../src/domain/public-settings.js';

const SECRET = 'hs256-shared-secret-DO-NOT-LEAK';
const PEM = '-----BEGIN PUBLIC KEY-----\nMFkwEwYHKoZIzj0CAQYIKoZIzj0DAQcDQgAE-not-a-real-key\n-----END PUBLIC KEY-----';

function ssoSettings(): Settings {
  const s = defaultSettings();
  return {
    ...s,
    name: 'Acme Support',
    access: {
      mode: 'sso',
      accessGroupIds: [734521, 918273],
      magicLink: true,
      sso: {
        label: 'Acme ID',
        startUrl: 'https://id.acme.example/start',
        jwt: { secret: SECRET, publicKeyPem: PEM, jwksUrl: 'https://id.acme.example/jwks-private.json', issuer: 'issuer-acme-internal', audience: 'audience-acme-internal' },
        returnToAllowList: ['https://allowlisted-host.acme.example/'],
      },
    },
    permissions: { mode: 'company-for-group', group: { any: [{ all: [{ property: 'internalTier', operator: 'eq', value: 'platinum-hidden' }] }] } },
    visibility: { any: [{ all: [{ property: 'pipeline', operator: 'neq', value: 'secret-escalations' }] }] },
    defaultInbox: 'hidden-inbox-name',
    actions: { replyToClosed: true, customerClose: false, closedStageByPipeline: { support: 'closed-stage-hidden' } },
    columns: ['id', 'subject', 'status', 'product'],
    statusDisplay: 'stages',
    idleTimeoutMinutes: 15,
    knowledgeBaseUrl: 'https://kb.acme.example/',
    theme: { accentColor: '#0b5fff', logoUrl: 'https://acme.example/logo.svg' },
  };
}

const PUBLIC_KEYS = [
  'auth', 'columns', 'consent', 'defaultLocale', 'enabled', 'idleTimeoutMinutes', 'knowledgeBaseUrl', 'locales', 'name',
  'statusDisplay', 'supportForm', 'theme', 'ticketLabel', 'uploads',
];

describe('toPublicSettings: nothing secret leaves', () => {
  const s = ssoSettings();
  const pub = toPublicSettings(s);
  const json = JSON.stringify(pub);

  it('has exactly the public keys and validates against the contract', () => {
    assert.deepEqual(Object.keys(pub).sort(), PUBLIC_KEYS);
    assert.deepEqual(Object.keys(pub.auth).sort(), ['magicLink', 'password', 'selfRegistration', 'sso']);
    assert.doesNotThrow(() => z.parse(PublicSettings, pub));
    assert.doesNotThrow(() => z.parse(Settings, s), 'the fixture itself is valid settings');
  });
  it('never contains SSO secrets, group ids, rules or internal settings', () => {
    for (const secret of [
      SECRET, 'BEGIN PUBLIC KEY', 'jwks-private', 'issuer-acme-internal', 'audience-acme-internal', 'allowlisted-host',
      '734521', '918273', 'platinum-hidden', 'internalTier', 'secret-escalations', 'hidden-inbox-name', 'closed-stage-hidden',
      'jwt', 'returnToAllowList', 'accessGroupIds', 'permissions', 'visibility', 'translations', 'fields',
    ]) {
      assert.equal(json.includes(secret), false, `leaks ${secret}`);
    }
  });
  it('SSO mode: only the SSO button, no password or magic link', () => {
    assert.deepEqual(pub.auth, {
      password: false, selfRegistration: false, magicLink: false, sso: { label: 'Acme ID', startUrl: 'https://id.acme.example/start' },
    });
  });
  it('passes the presentation settings through', () => {
    assert.equal(pub.name, 'Acme Support');
    assert.equal(pub.enabled, true);
    assert.deepEqual(pub.columns, ['id', 'subject', 'status', 'product']);
    assert.equal(pub.statusDisplay, 'stages');
    assert.equal(pub.idleTimeoutMinutes, 15);
    assert.equal(pub.knowledgeBaseUrl, 'https://kb.acme.example/');
    assert.deepEqual(pub.theme, { accentColor: '#0b5fff', logoUrl: 'https://acme.example/logo.svg' });
    assert.equal(pub.defaultLocale, 'en');
    assert.deepEqual(pub.locales, ['en', 'de', 'sv', 'da']);
    assert.deepEqual(pub.supportForm, { menuText: 'Submit a ticket', headerText: 'How can we help?' });
  });
});

describe('toPublicSettings: access modes', () => {
  const withAccess = (access: Settings['access']): Settings => ({ ...defaultSettings(), access });
  const sso = ssoSettings().access.sso;
  it('self-registration: password and registration; SSO settings stay hidden', () => {
    assert.deepEqual(toPublicSettings(withAccess({ mode: 'self-registration', accessGroupIds: [], sso, magicLink: false })).auth,
      { password: true, selfRegistration: true, magicLink: false, sso: null });
  });
  it('access groups: password (and magic link when on), no registration', () => {
    assert.deepEqual(toPublicSettings(withAccess({ mode: 'access-groups', accessGroupIds: [1], sso: null, magicLink: true })).auth,
      { password: true, selfRegistration: false, magicLink: true, sso: null });
    assert.deepEqual(toPublicSettings(withAccess({ mode: 'access-groups', accessGroupIds: [1], sso: null, magicLink: false })).auth,
      { password: true, selfRegistration: false, magicLink: false, sso: null });
  });
  it('a disabled portal and support form', () => {
    const s = { ...defaultSettings(), enabled: false };
    s.supportForm = { ...s.supportForm, enabled: false };
    const pub = toPublicSettings(s);
    assert.equal(pub.enabled, false);
    assert.equal(pub.supportForm, null);
  });
});

describe('localized texts', () => {
  const base = (): Settings => ({
    ...defaultSettings(),
    name: 'Help',
    locales: ['en', 'pt', 'fr'],
    translations: {
      pt: { name: 'Ajuda', menuText: 'Enviar pedido' },
      'pt-BR': { name: 'Ajuda BR', ticketLabel: { singular: 'Chamado', plural: 'Chamados' } },
      fr: { name: '', headerText: 'Comment pouvons-nous aider ?', consent: { text: 'J’accepte', checkboxLabel: 'Oui' } },
    },
  });
  it('the exact tag wins over the language', () => {
    assert.equal(toPublicSettings(base(), 'pt-BR').name, 'Ajuda BR');
    assert.deepEqual(toPublicSettings(base(), 'pt-BR').ticketLabel, { singular: 'Chamado', plural: 'Chamados' });
  });
  it('then the language of the tag', () => {
    assert.equal(toPublicSettings(base(), 'pt-PT').name, 'Ajuda');
    assert.equal(toPublicSettings(base(), 'pt').name, 'Ajuda');
    assert.deepEqual(toPublicSettings(base(), 'pt-PT').supportForm, { menuText: 'Enviar pedido', headerText: 'How can we help?' });
  });
  it('then the default texts, also per missing or empty text', () => {
    for (const locale of [undefined, '', 'en', 'es', 'es-MX']) {
      const pub = toPublicSettings(base(), locale);
      assert.equal(pub.name, 'Help', String(locale));
      assert.deepEqual(pub.ticketLabel, { singular: 'Ticket', plural: 'Tickets' });
      assert.deepEqual(pub.supportForm, { menuText: 'Submit a ticket', headerText: 'How can we help?' });
    }
    assert.deepEqual(toPublicSettings(base(), 'pt').ticketLabel, { singular: 'Ticket', plural: 'Tickets' });
    const fr = toPublicSettings(base(), 'fr');
    assert.equal(fr.name, 'Help', 'an empty translated name falls back');
    assert.deepEqual(fr.consent, { text: 'J’accepte', checkboxLabel: 'Oui' });
    assert.deepEqual(fr.supportForm, { menuText: 'Submit a ticket', headerText: 'Comment pouvons-nous aider ?' });
    assert.deepEqual(toPublicSettings(base(), 'pt').consent, defaultSettings().consent);
  });
  it('only in the languages the admin offers (`locales`)', () => {
    assert.equal(toPublicSettings({ ...base(), locales: ['en', 'fr'] }, 'pt-BR').name, 'Help');
    assert.equal(toPublicSettings({ ...base(), locales: ['en', 'fr'], defaultLocale: 'pt' }, 'de').name, 'Ajuda', 'the default language\'s texts');
  });
  it('localizedTexts without translations at all', () => {
    assert.deepEqual(localizedTexts(defaultSettings(), 'de'), {
      name: 'Customer Portal', ticketLabel: { singular: 'Ticket', plural: 'Tickets' }, consent: defaultSettings().consent,
      menuText: 'Submit a ticket', headerText: 'How can we help?',
    });
  });
  it('the demo world’s translations', () => {
    const s = demoWorld().settings;
    assert.equal(toPublicSettings(s).name, 'Nordlicht Help Center');
    assert.equal(toPublicSettings(s, 'de').name, 'Nordlicht Hilfe-Center');
    assert.equal(toPublicSettings(s, 'de-AT').name, 'Nordlicht Hilfe-Center');
    assert.deepEqual(toPublicSettings(s, 'sv').ticketLabel, { singular: 'Ärende', plural: 'Ärenden' });
    assert.deepEqual(toPublicSettings(s, 'da-DK').ticketLabel, { singular: 'Sag', plural: 'Sager' });
    assert.equal(toPublicSettings(s, 'fi').name, 'Nordlicht Help Center');
  });
});
