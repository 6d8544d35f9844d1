import { AppError } from '../../../domain/errors.js';
import { permissionsOf } from '../../../domain/permissions.js';
import { insertSession, deleteSession, deleteUserSessions } from '../../repositories/sessions.js';
import { findUserByUsername, updateLoginState, updatePassword, findUserById } from '../../repositories/users.js';
import { recordAction } from '../audit/record.js';
import { type Ctx, inTx, nowIso } from '../context.js';
import { checkPasswordPolicy, dummyVerify, hashPassword, verifyPassword } from './passwords.js';
import { loadActor, newToken, sessionId } from './session.js';

const badCredentials = () =>
  new AppError('unauthenticated', '用户名或密码错误', 'Wrong username or password');

export interface LoginResult {
  token: string;
  csrfToken: string;
  user: { id: string; username: string; displayName: string; kind: string; roles: string[]; permissions: string[] };
}

/**
 * Checks the password, counts failures and locks the account after `loginMaxFailures` in a row.
 * Errors: unauthenticated (wrong name or password), locked (too many failures).
 */
export async function login(ctx: Ctx, input: { username: string; password: string; userAgent: string }): Promise<LoginResult> {
  const { deps } = ctx;
  const db = deps.db.kysely;
  const user = await findUserByUsername(db, input.username.trim());
  if (!user || !user.active) {
    await dummyVerify(input.password);
    throw badCredentials();
  }
  const now = deps.clock.now();
  if (user.locked_until && user.locked_until > now.toISOString()) {
    throw new AppError('locked', '登录失败次数过多，账号已暂时锁定，请稍后再试', 'Too many failed logins; the account is locked for a while');
  }
  const ok = await verifyPassword(user.password_hash, input.password);
  if (!ok) {
    const failures = user.failed_logins + 1;
    const lock = failures >= deps.config.loginMaxFailures;
    await inTx(deps, async (trx) => {
      await updateLoginState(trx, user.id, {
        failed_logins: lock ? 0 : failures,
        locked_until: lock ? new Date(now.getTime() + deps.config.loginLockMinutes * 60_000).toISOString() : null,
        updated_at: now.toISOString(),
      });
      if (lock) await recordAction(trx, ctx, { entity: 'user', entityId: user.id, action: 'locked', payload: { failures } });
    });
    throw badCredentials();
  }
  const token = newToken();
  const csrfToken = newToken();
  const actor = (await loadActor(db, user.id))!;
  await inTx(deps, async (trx) => {
    await updateLoginState(trx, user.id, { failed_logins: 0, locked_until: null, updated_at: now.toISOString() });
    await insertSession(trx, {
      id: sessionId(token, deps.config.sessionSecret),
      user_id: user.id,
      csrf_token: csrfToken,
      ip: ctx.ip,
      user_agent: input.userAgent.slice(0, 300),
      created_at: now.toISOString(),
      last_seen_at: now.toISOString(),
      expires_at: new Date(now.getTime() + deps.config.sessionTtlHours * 3600_000).toISOString(),
    });
    await recordAction(trx, { ...ctx, actor }, { entity: 'user', entityId: user.id, action: 'login' });
  });
  return {
    token,
    csrfToken,
    user: {
      id: user.id,
      username: user.username,
      displayName: user.display_name,
      kind: user.kind,
      roles: [...new Set(actor.grants.map((g) => g.role))],
      permissions: permissionsOf(actor),
    },
  };
}

export async function logout(ctx: Ctx, sessionIdValue: string): Promise<void> {
  await inTx(ctx.deps, async (trx) => {
    await deleteSession(trx, sessionIdValue);
    if (ctx.actor) await recordAction(trx, ctx, { entity: 'user', entityId: ctx.actor.userId, action: 'logout' });
  });
}

/** Errors: unauthenticated, validation (policy; wrong current password names `currentPassword`), conflict. */
export async function changePassword(
  ctx: Ctx,
  currentSessionId: string,
  input: { currentPassword: string; newPassword: string },
): Promise<void> {
  if (!ctx.actor) throw new AppError('unauthenticated', '请先登录', 'Please log in');
  const user = await findUserById(ctx.deps.db.kysely, ctx.actor.userId);
  if (!user) throw new AppError('unauthenticated', '请先登录', 'Please log in');
  if (!(await verifyPassword(user.password_hash, input.currentPassword))) {
    throw new AppError('validation', '当前密码不正确', 'The current password is wrong', [
      { field: 'currentPassword', message: '当前密码不正确', messageEn: 'The current password is wrong' },
    ]);
  }
  checkPasswordPolicy(input.newPassword);
  if (input.newPassword === input.currentPassword) {
    throw new AppError('validation', '新密码不能与当前密码相同', 'The new password must differ from the current one', [
      { field: 'newPassword', message: '新密码不能与当前密码相同', messageEn: 'The new password must differ from the current one' },
    ]);
  }
  const hashed = await hashPassword(input.newPassword);
  await inTx(ctx.deps, async (trx) => {
    const ok = await updatePassword(trx, user.id, user.version, hashed, nowIso(ctx.deps));
    if (!ok) throw new AppError('conflict', '账号信息已被修改，请重试', 'The account changed meanwhile; try again');
    // other sessions of this user end: a changed password must lock out whoever knew the old one
    await deleteUserSessions(trx, user.id, currentSessionId);
    await recordAction(trx, ctx, { entity: 'user', entityId: user.id, action: 'changePassword' });
  });
}
