/**
 * The monitor's live feed (GET /api/v1/supervision/feed): server-sent events `ready` (with the
 * cursor) and `card` (a card issued, escalated, appealed or ruled; its id is the resumable cursor).
 * Falls back to polling `?once=true&since=<cursor>` when EventSource is missing or the stream keeps
 * failing (a proxy that buffers, a closed connection). Stops on unmount.
 *
 *   const feed = useSupervisionFeed((card) => refresh());
 *   feed.state.value   // 'connecting' | 'live' | 'polling' | 'off'
 */
import { onBeforeUnmount, onMounted, ref } from 'vue';
import { FEED_URL, type CardView } from '@/api/supervision';

export type FeedState = 'connecting' | 'live' | 'polling' | 'off';

interface SseEvent {
  id: string;
  event: string;
  data: string;
}

/** Parses a text/event-stream body into its events (comments and retry lines ignored). */
export function parseEventStream(text: string): SseEvent[] {
  const out: SseEvent[] = [];
  for (const block of text.split(/\r?\n\r?\n/)) {
    const e: SseEvent = { id: '', event: 'message', data: '' };
    let any = false;
    for (const line of block.split(/\r?\n/)) {
      if (!line || line.startsWith(':')) continue;
      const i = line.indexOf(':');
      const field = i < 0 ? line : line.slice(0, i);
      const value = i < 0 ? '' : line.slice(i + 1).replace(/^ /, '');
      if (field === 'id') e.id = value;
      else if (field === 'event') e.event = value;
      else if (field === 'data') e.data = e.data ? `${e.data}\n${value}` : value;
      else continue;
      any = true;
    }
    if (any && e.data) out.push(e);
  }
  return out;
}

/**
 * `onResync`: the stream opened again after a break (events in between may be missed): the page
 * reloads what it shows.
 */
export function useSupervisionFeed(onCard: (card: CardView) => void, options: { pollMs?: number; maxErrors?: number; onResync?: () => void } = {}) {
  const pollMs = options.pollMs ?? 10_000;
  const maxErrors = options.maxErrors ?? 3;
  const state = ref<FeedState>('connecting');
  /** the time of the last event received (for the page's "updated at") */
  const lastEventAt = ref<Date | null>(null);
  let cursor = '';
  let source: EventSource | null = null;
  let errors = 0;
  let pollTimer: ReturnType<typeof setTimeout> | null = null;
  let stopped = false;
  let readies = 0;

  const url = (extra: Record<string, string>) => {
    const p = new URLSearchParams(extra);
    if (cursor) p.set('since', cursor);
    const s = p.toString();
    return s ? `${FEED_URL}?${s}` : FEED_URL;
  };

  function handle(e: SseEvent): void {
    if (e.event === 'ready') {
      if (readies++ > 0 && state.value !== 'polling') options.onResync?.();
      try {
        const c = (JSON.parse(e.data) as { cursor?: string }).cursor;
        if (c && !cursor) cursor = c;
      } catch {
        /* a malformed ready: keep the cursor we have */
      }
      return;
    }
    if (e.event !== 'card') return;
    if (e.id) cursor = e.id;
    lastEventAt.value = new Date();
    try {
      onCard(JSON.parse(e.data) as CardView);
    } catch {
      /* not a card: ignore */
    }
  }

  function connect(): void {
    if (stopped) return;
    if (typeof EventSource === 'undefined') {
      startPolling();
      return;
    }
    state.value = 'connecting';
    const es = new EventSource(url({}), { withCredentials: true });
    source = es;
    es.addEventListener('ready', (ev) => {
      errors = 0;
      state.value = 'live';
      handle({ id: (ev as MessageEvent).lastEventId, event: 'ready', data: String((ev as MessageEvent).data) });
    });
    es.addEventListener('card', (ev) => {
      const m = ev as MessageEvent;
      handle({ id: m.lastEventId, event: 'card', data: String(m.data) });
    });
    es.onerror = () => {
      errors++;
      if (es.readyState === EventSource.CLOSED || errors >= maxErrors) {
        es.close();
        if (source === es) source = null;
        startPolling();
      } else {
        state.value = 'connecting';
      }
    };
  }

  async function pollOnce(): Promise<boolean> {
    const res = await fetch(url({ once: 'true' }), { credentials: 'same-origin', headers: { accept: 'text/event-stream' } });
    if (res.status === 401 || res.status === 403) return false;
    if (!res.ok) return true;
    for (const e of parseEventStream(await res.text())) handle(e);
    return true;
  }

  function startPolling(): void {
    if (stopped) return;
    state.value = 'polling';
    const tick = async () => {
      if (stopped) return;
      let again = true;
      try {
        again = await pollOnce();
      } catch {
        /* offline: try again later */
      }
      if (!again) {
        state.value = 'off';
        return;
      }
      pollTimer = setTimeout(() => void tick(), pollMs);
    };
    void tick();
  }

  function stop(): void {
    stopped = true;
    source?.close();
    source = null;
    if (pollTimer) clearTimeout(pollTimer);
    pollTimer = null;
    state.value = 'off';
  }

  onMounted(connect);
  onBeforeUnmount(stop);
  return { state, lastEventAt, stop };
}
