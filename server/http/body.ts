import type { Context } from 'hono';
import * as z from 'zod/mini';
import { fieldErrors, Problem } from './problem.js';

const isJson = (type: string | undefined) => {
  const mime = type?.split(';')[0].trim().toLowerCase() ?? '';
  return mime === 'application/json' || (mime.startsWith('application/') && mime.endsWith('+json'));
};

/** Reads a JSON body and validates it: 415 without a JSON content type, 400 when malformed, 422 naming the field. */
export async function readJson<T extends z.core.$ZodType>(c: Context, schema: T): Promise<z.infer<T>> {
  if (!isJson(c.req.header('content-type'))) {
    throw Problem.unsupportedMediaType('Send the body as application/json.');
  }
  const text = await c.req.text();
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    throw Problem.badRequest('The request body is not valid JSON.', { slug: 'malformed-json', title: 'Malformed JSON' });
  }
  const result = z.safeParse(schema, data);
  if (!result.success) throw Problem.validation(fieldErrors(result.error.issues));
  return result.data;
}
