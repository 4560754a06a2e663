import { errors } from '@strapi/utils';
import type { z } from 'zod';

/**
 * Validates a custom route's query parameters (or the same values given as GraphQL arguments):
 * the parsed values, or a 400 naming the first parameter at fault, in the shape Strapi's own
 * query validation answers with.
 */
export function parseQueryParams<T extends z.ZodType>(schema: T, raw: unknown): z.output<T> {
  const parsed = schema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new errors.ValidationError(issue.message, { source: 'query', param: issue.path.join('.') || undefined });
  }
  return parsed.data;
}
