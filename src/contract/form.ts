import * as z from 'zod/mini';
import { FORM_FIELD_TYPES } from './answers.js';

export const FormFieldType = z.enum(FORM_FIELD_TYPES);
export type FormFieldType = z.infer<typeof FormFieldType>;

export const FormOption = z.object({ value: z.string(), label: z.string() });

export const FormField = z.object({
  name: z.string().check(z.regex(/^[A-Za-z][A-Za-z0-9_]*$/, 'Use letters, digits and "_" (a ticket property name).')),
  label: z.string().check(z.minLength(1)),
  type: FormFieldType,
  required: z.optional(z.boolean()),
  minLength: z.optional(z.int().check(z.nonnegative())),
  maxLength: z.optional(z.int().check(z.positive())),
  min: z.optional(z.number()),
  max: z.optional(z.number()),
  pattern: z.optional(z.string()),
  patternMessage: z.optional(z.string()),
  options: z.optional(z.array(FormOption)),
  placeholder: z.optional(z.string()),
  help: z.optional(z.string()),
  visibleWhen: z.optional(
    z.object({
      field: z.string(),
      equals: z.optional(z.union([z.string(), z.boolean()])),
      in: z.optional(z.array(z.string())),
    }),
  ),
});
export type FormField = z.infer<typeof FormField>;

export const UploadLimits = z.object({
  maxFiles: z.int().check(z.nonnegative(), z.lte(50)),
  maxBytes: z.int().check(z.positive()),
  /** MIME types or extensions (".pdf"); empty = any type. */
  accept: z.array(z.string()),
});
export type UploadLimits = z.infer<typeof UploadLimits>;

/** What `<support-form>` renders and what the server validates a new ticket against. */
export const FormDefinition = z.object({
  menuText: z.string(),
  headerText: z.string(),
  fields: z.array(FormField),
  uploads: UploadLimits,
});
export type FormDefinition = z.infer<typeof FormDefinition>;
