import { z } from 'zod';

export const ResponseCacheSettingsSchema = z.object({
  enabled: z.boolean(),
  maxEntries: z.number().int().min(1),
  maxBytes: z.number().int().min(1),
  ttlSeconds: z.number().int().min(1),
});

export type ResponseCacheSettings = z.infer<typeof ResponseCacheSettingsSchema>;

/** config/response-cache.ts, checked: RESPONSE_CACHE_MAX_ENTRIES=lots must stop the start, not cache forever. */
export function parseResponseCacheSettings(raw: unknown): ResponseCacheSettings {
  const parsed = ResponseCacheSettingsSchema.safeParse(raw);
  if (!parsed.success) {
    const issues = parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`).join('; ');
    throw new Error(`Invalid response cache configuration (config/response-cache.ts, RESPONSE_CACHE_*): ${issues}`);
  }
  return parsed.data;
}
