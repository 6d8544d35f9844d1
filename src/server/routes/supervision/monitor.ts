/**
 * The monitor: open cases, tasks and rectifications with their lights; the lights over time; and
 * a live feed of card changes as server-sent events (`text/event-stream`): an event `card` per
 * change with the card as data and a resumable id; `?once=true` answers what changed since the
 * cursor and ends (clients that poll, and tests).
 */
import { FeedQuery, MonitorQuery, MonitorView, SeriesQuery, SeriesView } from '../../../contracts/supervision.js';
import { requireActor } from '../../plugins/auth.js';
import { cardsSince, type FeedCursor, feedScope, onCardChange } from '../../services/supervision/feed.js';
import { lightSeries, monitor } from '../../services/supervision/monitor.js';
import type { RoutePlugin } from '../types.js';

const encode = (c: FeedCursor) => Buffer.from(`${c.at}|${c.id}`).toString('base64url');
function decode(s: string | undefined): FeedCursor | null {
  if (!s) return null;
  const [at, id] = Buffer.from(s, 'base64url').toString().split('|');
  return at && id !== undefined ? { at, id } : null;
}

const POLL_MS = 5000;

const routes: RoutePlugin = async (app) => {
  app.addHook('onRequest', async (req) => {
    requireActor(req);
  });
  const tags = ['supervision'];
  app.get('/api/v1/supervision/monitor', { schema: { tags, querystring: MonitorQuery, response: { 200: MonitorView } } }, (req) => monitor(req.ctx, req.query));
  app.get('/api/v1/supervision/monitor/series', { schema: { tags, querystring: SeriesQuery, response: { 200: SeriesView } } }, (req) => lightSeries(req.ctx, req.query));
  app.get('/api/v1/supervision/feed', { schema: { tags, querystring: FeedQuery } }, async (req, reply) => {
    const grants = feedScope(req.ctx);
    let cursor = decode(req.query.since ?? (req.headers['last-event-id'] as string | undefined)) ?? { at: req.ctx.deps.clock.now().toISOString(), id: '' };
    reply.hijack();
    const raw = reply.raw;
    raw.writeHead(200, { 'content-type': 'text/event-stream; charset=utf-8', 'cache-control': 'no-cache', connection: 'keep-alive', 'x-accel-buffering': 'no' });
    let busy: Promise<void> | null = null;
    const flush = () =>
      (busy ??= (async () => {
        try {
          const r = await cardsSince(req.ctx, grants, cursor);
          for (const c of r.cards) raw.write(`id: ${encode({ at: c.updatedAt, id: c.id })}\nevent: card\ndata: ${JSON.stringify(c)}\n\n`);
          cursor = r.cursor;
        } finally {
          busy = null;
        }
      })());
    raw.write(`retry: ${POLL_MS}\nevent: ready\ndata: ${JSON.stringify({ cursor: encode(cursor) })}\n\n`);
    await flush();
    if (req.query.once === 'true') {
      raw.end();
      return;
    }
    const timer = setInterval(() => {
      raw.write(': ping\n\n');
      void flush().catch(() => {});
    }, POLL_MS);
    const off = onCardChange(() => void flush().catch(() => {}));
    req.raw.on('close', () => {
      clearInterval(timer);
      off();
    });
  });
};
export default routes;
