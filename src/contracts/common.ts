import { z } from 'zod';

/** The one error envelope every 4xx/5xx answer uses. */
export const ErrorBody = z.object({
  error: z.object({
    code: z.string(),
    message: z.string().describe('zh-CN'),
    messageEn: z.string(),
    fields: z
      .array(z.object({ field: z.string(), message: z.string(), messageEn: z.string() }))
      .optional(),
  }),
});
export type ErrorBody = z.infer<typeof ErrorBody>;

export const PageQuery = z.object({
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(20),
  sort: z.string().max(64).optional(),
});
export type PageQuery = z.infer<typeof PageQuery>;

export function listOf<T extends z.ZodTypeAny>(item: T) {
  return z.object({ items: z.array(item), total: z.number().int() });
}

export const Id = z.string().min(1).max(64);
export const IsoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'YYYY-MM-DD');
export const Instant = z.string();
export const AreaCode = z.string().regex(/^\d{6}$/, '6 digits');

/** Optimistic-lock token: every update carries the version it was read at. */
export const VersionBody = z.object({ version: z.number().int().min(1) });
export const OkBody = z.object({ ok: z.literal(true) });
