/**
 * Services parse their own input with the contract schema: the routes already did (parsing again
 * is idempotent), but the seeder and the CLI call the services directly with plain objects.
 */
import type { z } from 'zod';
import { invalid } from '../../../domain/errors.js';
import { isUniqueViolation } from '../../db/dialect.js';
import { fieldErrorsFromIssues } from '../../plugins/zod-messages.js';
import type { AppError } from '../../../domain/errors.js';

export function parseInput<S extends z.ZodType>(schema: S, input: unknown): z.output<S> {
  const r = schema.safeParse(input);
  if (!r.success) throw invalid(fieldErrorsFromIssues(r.error.issues as never));
  return r.data;
}

/** Runs a write; a unique-key violation becomes the given 409 instead of a 500. */
export async function orDuplicate<T>(write: () => Promise<T>, duplicateError: () => AppError): Promise<T> {
  try {
    return await write();
  } catch (e) {
    if (isUniqueViolation(e)) throw duplicateError();
    throw e;
  }
}

/** The fields whose value changed, as {field: [before, after]} for the action log. */
export function changes(before: object, after: Record<string, unknown>): Record<string, [unknown, unknown]> {
  const out: Record<string, [unknown, unknown]> = {};
  for (const k of Object.keys(after)) {
    const a = after[k];
    const b = (before as Record<string, unknown>)[k];
    if (JSON.stringify(a) !== JSON.stringify(b)) out[k] = [b, a];
  }
  return out;
}
