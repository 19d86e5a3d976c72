import * as z from 'zod/mini';
import { Id, LocaleCode } from './common.js';
import { FilterGroups } from './filters.js';
import { FormField, UploadLimits } from './form.js';
import { SubmissionLimits } from './limits.js';
import { STATUS_DISPLAYS } from './answers.js';
import { DEFAULT_COLUMNS } from './list-rules.js';

export { DEFAULT_COLUMNS };

export const TicketLabel = z.object({
  singular: z.string().check(z.trim(), z.minLength(1), z.maxLength(40)),
  plural: z.string().check(z.trim(), z.minLength(1), z.maxLength(40)),
});
export type TicketLabel = z.infer<typeof TicketLabel>;

export const Consent = z.object({
  /** The admin's consent-to-processing text; may contain links (rendered only through the sanitizer). */
  text: z.string().check(z.maxLength(5000)),
  checkboxLabel: z.string().check(z.maxLength(500)),
});
export type Consent = z.infer<typeof Consent>;

export const JwtVerification = z.object({
  secret: z.optional(z.string().check(z.minLength(16, 'An HS256 secret needs at least 16 characters.'))),
  publicKeyPem: z.optional(z.string()),
  jwksUrl: z.optional(z.url()),
  issuer: z.optional(z.string()),
  audience: z.optional(z.string()),
});

export const SsoSettings = z.object({
  label: z.string().check(z.minLength(1), z.maxLength(80)),
  startUrl: z.url({ protocol: /^https?$/ }),
  jwt: JwtVerification,
  returnToAllowList: z.array(z.string()),
});
export type SsoSettings = z.infer<typeof SsoSettings>;

export const AccessMode = z.enum(['self-registration', 'access-groups', 'sso']);
export type AccessMode = z.infer<typeof AccessMode>;

/**
 * How self-registration proves the address: `instant` signs a new contact in at once (201 + session); `email`
 * answers every address alike (202) and creates the account only when the emailed confirmation link is followed.
 */
export const RegistrationConfirmation = z.enum(['instant', 'email']);
export type RegistrationConfirmation = z.infer<typeof RegistrationConfirmation>;

export const AccessSettings = z.object({
  mode: AccessMode,
  accessGroupIds: z.array(Id),
  sso: z.nullable(SsoSettings),
  magicLink: z.boolean(),
  /** Self-registration: `instant` (the default when absent) or `email` (confirm the address by an emailed link first). */
  registrationConfirmation: z.optional(RegistrationConfirmation),
});

export const PermissionMode = z.enum(['own', 'company', 'company-for-group']);
export type PermissionMode = z.infer<typeof PermissionMode>;

export const PermissionSettings = z.object({
  mode: PermissionMode,
  /** Over contact properties; only for `company-for-group`. */
  group: z.optional(FilterGroups),
});
export type PermissionSettings = z.infer<typeof PermissionSettings>;

export const StatusDisplay = z.enum(STATUS_DISPLAYS);
export const OwnerNameDisplay = z.enum(['first', 'full', 'last', 'alias']);
export type OwnerNameDisplay = z.infer<typeof OwnerNameDisplay>;

export const ActionSettings = z.object({
  replyToClosed: z.boolean(),
  customerClose: z.boolean(),
  closedStageByPipeline: z.record(z.string(), z.string()),
});

export const SupportFormSettings = z.object({
  enabled: z.boolean(),
  menuText: z.string().check(z.maxLength(80)),
  headerText: z.string().check(z.maxLength(200)),
  fields: z.array(FormField),
  uploads: UploadLimits,
  /** Core ticket fields besides subject, description and priority that the form may ask for (a field of that name). */
  customerSettableFields: z.optional(z.array(z.enum(['pipeline']))),
});
export type SupportFormSettings = z.infer<typeof SupportFormSettings>;

export const Theme = z.object({
  accentColor: z.optional(z.string().check(z.regex(/^#[0-9a-fA-F]{3,8}$/, 'Use a hex color such as #0b5fff.'))),
  logoUrl: z.optional(z.url({ protocol: /^https?$/ })),
});
export type Theme = z.infer<typeof Theme>;

/** Admin texts per language; any text left out falls back to the default-language text. */
export const TextTranslation = z.object({
  name: z.optional(z.string()),
  ticketLabel: z.optional(TicketLabel),
  consent: z.optional(Consent),
  menuText: z.optional(z.string()),
  headerText: z.optional(z.string()),
});

/** The whole portal configuration, as the admin API reads and replaces it. */
export const Settings = z.object({
  name: z.string().check(z.trim(), z.minLength(1, 'The portal needs a name.'), z.maxLength(120)),
  enabled: z.boolean(),
  ticketLabel: TicketLabel,
  defaultLocale: LocaleCode,
  locales: z.array(LocaleCode).check(z.minLength(1)),
  translations: z.optional(z.record(z.string(), TextTranslation)),
  access: AccessSettings,
  consent: Consent,
  permissions: PermissionSettings,
  visibility: z.nullable(FilterGroups),
  columns: z.array(z.string().check(z.minLength(1))).check(z.maxLength(10, 'At most 10 columns.')),
  statusDisplay: StatusDisplay,
  ownerName: OwnerNameDisplay,
  actions: ActionSettings,
  defaultInbox: z.string().check(z.minLength(1)),
  supportForm: SupportFormSettings,
  idleTimeoutMinutes: z.int().check(z.gte(1), z.lte(7 * 24 * 60)),
  knowledgeBaseUrl: z.nullable(z.url({ protocol: /^https?$/ })),
  theme: Theme,
  /** Submission rates and storage quotas (defaults when absent). */
  limits: z.optional(SubmissionLimits),
});
export type Settings = z.infer<typeof Settings>;

/** What anyone (signed in or not) may know about the portal: `GET /portal`. */
export const PublicSettings = z.object({
  name: z.string(),
  enabled: z.boolean(),
  ticketLabel: TicketLabel,
  defaultLocale: z.string(),
  locales: z.array(z.string()),
  auth: z.object({
    password: z.boolean(),
    selfRegistration: z.boolean(),
    magicLink: z.boolean(),
    sso: z.nullable(z.object({ label: z.string(), startUrl: z.string() })),
  }),
  consent: Consent,
  supportForm: z.nullable(z.object({ menuText: z.string(), headerText: z.string() })),
  /** Limits for files attached to replies and new tickets. */
  uploads: UploadLimits,
  columns: z.array(z.string()),
  statusDisplay: StatusDisplay,
  idleTimeoutMinutes: z.number(),
  knowledgeBaseUrl: z.nullable(z.string()),
  theme: Theme,
});
export type PublicSettings = z.infer<typeof PublicSettings>;
