/** The signed-in person's message box (站内消息) — src/server/routes/me/messages.ts, contract contracts/messages.ts. */
import type { MessageList, MessageView } from '@shared/contracts/messages';
import { http } from './http';

export type { MessageList, MessageView };

export const messagesApi = {
  list: (q: { unread?: boolean; page: number; pageSize: number }) =>
    http.get<MessageList>('/api/v1/me/messages', { unread: q.unread ? 'true' : 'false', page: q.page, pageSize: q.pageSize }),
  /** marks the message read (once) and answers it */
  read: (id: string) => http.post<MessageView>(`/api/v1/me/messages/${encodeURIComponent(id)}/read`),
};
