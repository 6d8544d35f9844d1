/**
 * Staff messages of electronic supervision (cards issued, escalated, ruled; orders; rectifications):
 * outbox rows on the in-app channel, one per person, written in the caller's transaction and
 * delivered to the message box by the dispatcher (staff read theirs by recipient_user_id).
 */
import { randomUUID } from 'node:crypto';
import type { Transaction } from 'kysely';
import type { Role } from '../../../domain/permissions.js';
import type { Database } from '../../db/schema.js';
import { insertOutbox } from '../../repositories/notifications.js';
import { usersWithRole } from '../../repositories/supervision.js';
import { centerChain } from '../settings/case-settings.js';

/** Who acts on the subject: a named person, or the holders of a role in a department. */
export interface Handler {
  role: Role;
  departmentId: string | null;
  userId: string | null;
}

/** The handlers, the department's leaders and the supervisors of the center and the centers above it. */
export async function supervisionRecipients(trx: Transaction<Database>, s: { centerPath: string; departmentId: string | null; handlers: readonly Handler[] }): Promise<string[]> {
  const out = new Set<string>();
  for (const h of s.handlers) {
    if (h.userId) out.add(h.userId);
    else for (const u of await usersWithRole(trx, h.role, { departmentId: h.departmentId })) out.add(u);
  }
  if (s.departmentId) for (const u of await usersWithRole(trx, 'deptLeader', { departmentId: s.departmentId })) out.add(u);
  for (const u of await usersWithRole(trx, 'supervisor', { centerIds: centerChain(s.centerPath) })) out.add(u);
  return [...out].sort();
}

export async function notifyStaff(trx: Transaction<Database>, userIds: readonly string[], m: { template: string; title: string; body: string; caseId: string | null; at: string }): Promise<void> {
  const payload = JSON.stringify({ title: m.title, body: m.body });
  await insertOutbox(
    trx,
    userIds.map((u) => ({
      id: randomUUID(), channel: 'inbox', template: m.template, case_id: m.caseId, recipient: `user:${u}`, recipient_user_id: u, payload,
      status: 'pending', attempts: 0, next_attempt_at: m.at, last_error: null, provider: null, created_at: m.at, sent_at: null,
    })),
  );
}
