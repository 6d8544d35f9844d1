/**
 * Agents (代办人): an enterprise account authorises another applicant account — a real-name
 * person, found by its registered mobile number — to apply, supply, withdraw and rate for it.
 * The enterprise revokes it when it likes; a revoked agent sees none of its cases any more.
 */
import { randomUUID } from 'node:crypto';
import type { AgentBody, AgentList, AgentView } from '../../../contracts/hall-accounts.js';
import { AppError, conflict, fieldError, invalid, notFound } from '../../../domain/errors.js';
import { maskName, maskPhone } from '../../../domain/identity/index.js';
import { isUniqueViolation } from '../../db/dialect.js';
import { type AgentRow, findAgent, findAgentPair, findApplicantByMobile, findHallAccount, insertAgent, listAgentsOf, listPrincipalsOf, setAgentStatus } from '../../repositories/hall-accounts.js';
import { recordAction } from '../audit/record.js';
import { type Ctx, inTx, nowIso } from '../context.js';
import { hallAccount, requireApplicant } from './access.js';

const view = (r: AgentRow): AgentView => ({
  id: r.id,
  principal: { userId: r.principal_user_id, name: r.principal_name, uscc: r.principal_uscc },
  agent: { userId: r.agent_user_id, name: maskName(r.agent_name), mobile: maskPhone(r.agent_mobile) },
  status: r.status as 'active' | 'revoked',
  createdAt: r.created_at,
});

export async function listAgents(ctx: Ctx): Promise<AgentList> {
  const actor = requireApplicant(ctx);
  const db = ctx.deps.db.kysely;
  return { items: (await listAgentsOf(db, actor.userId)).map(view), principals: (await listPrincipalsOf(db, actor.userId)).map(view) };
}

/**
 * Errors: unprocessable (422: this account is not a real-name enterprise), validation (`mobile`:
 * no applicant account, not a real-name person, or the account itself), conflict (already an
 * active agent).
 */
export async function addAgent(ctx: Ctx, body: AgentBody): Promise<AgentView> {
  const actor = requireApplicant(ctx);
  const db = ctx.deps.db.kysely;
  const me = await hallAccount(ctx, db, actor.userId);
  if (me.identity_kind !== 'enterprise') {
    throw new AppError('unprocessable', '只有完成实名认证的企业账号可以授权代办人', 'Only an enterprise account with its real name verified may authorise agents');
  }
  const bad = (zh: string, en: string) => invalid([fieldError('mobile', `mobile：${zh}`, `mobile: ${en}`)]);
  const user = await findApplicantByMobile(db, body.mobile);
  if (!user) throw bad('该手机号尚未注册', 'no applicant account has this number');
  if (user.id === actor.userId) throw bad('不能授权本账号', 'an account cannot be its own agent');
  const agent = await findHallAccount(db, user.id);
  if (agent?.identity_kind !== 'person') throw bad('代办人须先完成个人实名认证', 'the agent must first verify their real name as a person');
  const at = nowIso(ctx.deps);
  const id = await inTx(ctx.deps, async (trx) => {
    const old = await findAgentPair(trx, actor.userId, user.id);
    if (old?.status === 'active') throw new AppError('conflict', '该账号已是本企业的代办人', 'This account is already an agent of the enterprise');
    if (old) {
      if (!(await setAgentStatus(trx, old.id, old.version, 'active', at))) throw conflict('代办授权', 'The authorisation');
    } else {
      await insertAgent(trx, { id: randomUUID(), principal_user_id: actor.userId, agent_user_id: user.id, status: 'active', version: 1, created_at: at, updated_at: at });
    }
    const row = (await findAgentPair(trx, actor.userId, user.id))!;
    await recordAction(trx, ctx, { entity: 'hallAgent', entityId: row.id, action: 'authorise', payload: { agentUserId: user.id } });
    return row.id;
  }).catch((e) => {
    if (isUniqueViolation(e)) throw new AppError('conflict', '该账号已是本企业的代办人', 'This account is already an agent of the enterprise');
    throw e;
  });
  return view((await findAgent(db, id))!);
}

/** Errors: notFound (not an agent of this account), conflict (changed meanwhile). */
export async function revokeAgent(ctx: Ctx, id: string): Promise<AgentView> {
  const actor = requireApplicant(ctx);
  await inTx(ctx.deps, async (trx) => {
    const a = await findAgent(trx, id);
    if (!a || a.principal_user_id !== actor.userId) throw notFound('代办授权', 'Authorisation');
    if (a.status === 'revoked') return;
    if (!(await setAgentStatus(trx, a.id, a.version, 'revoked', nowIso(ctx.deps)))) throw conflict('代办授权', 'The authorisation');
    await recordAction(trx, ctx, { entity: 'hallAgent', entityId: a.id, action: 'revoke', payload: { agentUserId: a.agent_user_id } });
  });
  return view((await findAgent(ctx.deps.db.kysely, id))!);
}
