import type zh from '../zh-CN/messages';
import type { LocaleModule } from '../types';

export default {
  title: 'My messages',
  unreadOnly: 'Unread only',
  unreadCount: '{n} unread',
  empty: 'No messages',
  emptyUnread: 'No unread messages',
  loadFailed: 'The messages could not be loaded',
  unread: 'Unread',
  read: 'Read',
  readAt: 'Read {at}',
  openCase: 'Open the case',
  hint: 'News about your cases (accepted, materials asked for, concluded …) arrives here. Cases taken in at a window can be looked up under "Case progress" with their number and query code.',
} satisfies LocaleModule<typeof zh>;
