import { notFound } from '../../../domain/errors.js';
import type { Actor } from '../../../domain/permissions.js';
import { findCenterById } from '../../repositories/centers.js';
import type { Executor } from '../context.js';
import { requireOrgRead } from './scope.js';

/** A list filtered to one center: the center must exist (404) and be readable by the actor (403). */
export async function checkCenterFilter(db: Executor, actor: Actor, centerId: string | undefined): Promise<void> {
  if (!centerId) return;
  const c = await findCenterById(db, centerId);
  if (!c) throw notFound('中心', 'Center');
  requireOrgRead(actor, c.path);
}
