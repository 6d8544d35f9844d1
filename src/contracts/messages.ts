/** The in-app message box (站内消息): what the center told an applicant about their cases. */
import { z } from 'zod';
import { Id, Instant, PageQuery } from './common.js';

export const MessageView = z.object({
  id: Id,
  caseId: Id.nullable(),
  template: z.string(),
  title: z.string(),
  body: z.string(),
  createdAt: Instant,
  readAt: Instant.nullable(),
});
export type MessageView = z.infer<typeof MessageView>;

export const MessageList = z.object({ items: z.array(MessageView), total: z.number().int(), unread: z.number().int() });
export type MessageList = z.infer<typeof MessageList>;

export const MessageQuery = PageQuery.extend({ unread: z.enum(['true', 'false']).default('false') });
export type MessageQuery = z.input<typeof MessageQuery>;

export const MessageParams = z.object({ id: z.string().max(64) });
