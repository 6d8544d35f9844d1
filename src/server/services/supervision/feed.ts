/**
 * The monitor's live feed: an in-process signal that a card changed (issued, escalated, appealed,
 * ruled). Listeners (the SSE route) then read the cards changed since their cursor from the
 * database — so a change committed by another instance, or by a timer whose commit this process
 * cannot observe, reaches them on the next poll, and a signal raised inside a transaction that
 * rolls back sends nothing that was not written.
 */
import { EventEmitter } from 'node:events';
import type { CardView } from '../../../contracts/supervision.js';
import { forbidden } from '../../../domain/errors.js';
import { cardsChangedSince } from '../../repositories/supervision.js';
import type { Ctx } from '../context.js';
import { cardNames, cardView } from './cards.js';
import { readScope } from './scope.js';

const signal = new EventEmitter();
signal.setMaxListeners(0);

/** Something about a card changed; listeners look again (after the writer's commit, soon enough). */
export function cardChanged(): void {
  setImmediate(() => signal.emit('card'));
}

export function onCardChange(fn: () => void): () => void {
  signal.on('card', fn);
  return () => signal.off('card', fn);
}

export interface FeedCursor {
  at: string;
  id: string;
}

/** The reader's scope (403 without supervision:read), checked once when the stream opens. */
export function feedScope(ctx: Ctx) {
  const grants = readScope(ctx);
  if (grants.length === 0) throw forbidden();
  return grants;
}

/** Cards changed after the cursor in the scope, and the cursor after them. */
export async function cardsSince(ctx: Ctx, grants: ReturnType<typeof feedScope>, cursor: FeedCursor): Promise<{ cards: CardView[]; cursor: FeedCursor }> {
  const rows = await cardsChangedSince(ctx.deps.db.kysely, grants, cursor, 200);
  const last = rows.at(-1);
  const names = await cardNames(ctx.deps.db.kysely, rows);
  return { cards: rows.map((r) => cardView(r, names)), cursor: last ? { at: last.updated_at, id: last.id } : cursor };
}
