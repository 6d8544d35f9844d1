/**
 * The unread count of the signed-in person's message box, for the header badges; the message
 * page sets it from each answer. `refresh` asks the server (only when someone is signed in).
 */
import { defineStore } from 'pinia';
import { ref } from 'vue';
import { messagesApi } from '@/api/messages';
import { useAuthStore } from './auth';

export const useMessagesStore = defineStore('messages', () => {
  const unread = ref(0);

  async function refresh(): Promise<void> {
    const auth = useAuthStore();
    await auth.ensureLoaded();
    if (!auth.loggedIn) {
      unread.value = 0;
      return;
    }
    try {
      unread.value = (await messagesApi.list({ unread: true, page: 1, pageSize: 1 })).unread;
    } catch {
      // a badge only: the page itself shows a failed load
    }
  }

  function set(n: number): void {
    unread.value = n;
  }

  return { unread, refresh, set };
});
