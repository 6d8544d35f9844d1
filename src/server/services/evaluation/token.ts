/**
 * The SMS rating link (DESIGN §6): `/rate/<token>`, the token being the occasion's id signed
 * with HMAC-SHA256 — under the session secret, or else a per-install secret kept in settings
 * (made on first use). Single use: a rating by SMS is one per occasion (the unique key of
 * `evaluations`), so a link that was used answers "already rated".
 */
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { insertSettingIfAbsent } from '../../repositories/evaluation.js';
import { listSettings } from '../../repositories/settings.js';
import type { Deps, Executor } from '../context.js';
import { nowIso } from '../context.js';

const SCOPE = 'install';
const KEY = 'evaluation.tokenSecret';

async function secret(db: Executor, deps: Deps): Promise<string> {
  if (deps.config.sessionSecret) return deps.config.sessionSecret;
  const [row] = await listSettings(db, [SCOPE], [KEY]);
  if (row) return JSON.parse(row.value) as string;
  const value = randomBytes(32).toString('base64url');
  await insertSettingIfAbsent(db, { scope: SCOPE, key: KEY, value: JSON.stringify(value), version: 1, updated_at: nowIso(deps) });
  const [again] = await listSettings(db, [SCOPE], [KEY]);
  return again ? (JSON.parse(again.value) as string) : value;
}

const sign = (key: string, occasionId: string) => createHmac('sha256', key).update(`rate:${occasionId}`).digest('base64url').slice(0, 32);

export async function ratingToken(db: Executor, deps: Deps, occasionId: string): Promise<string> {
  return `${occasionId}.${sign(await secret(db, deps), occasionId)}`;
}

/** The occasion id a token carries, or null when its signature is wrong. */
export async function readRatingToken(db: Executor, deps: Deps, token: string): Promise<string | null> {
  const i = token.lastIndexOf('.');
  if (i <= 0) return null;
  const id = token.slice(0, i);
  const want = Buffer.from(sign(await secret(db, deps), id));
  const got = Buffer.from(token.slice(i + 1));
  return got.length === want.length && timingSafeEqual(got, want) ? id : null;
}
