/** Login, logout, the current session, password change — src/server/routes/auth.ts. */
import type { z } from 'zod';
import type { ChangePasswordBody, LoginBody, LoginReply, MeReply } from '@shared/contracts/auth';
import type { OkBody } from '@shared/contracts/common';
import { http } from './http';

export type { SessionUser } from '@shared/contracts/auth';
export type LoginInput = z.input<typeof LoginBody>;
export type LoginResult = z.infer<typeof LoginReply>;
export type Me = z.infer<typeof MeReply>;
export type ChangePasswordInput = z.input<typeof ChangePasswordBody>;

export const authApi = {
  login: (body: LoginInput) => http.post<LoginResult>('/api/auth/login', body, { skipAuthRedirect: true }),
  logout: () => http.post<z.infer<typeof OkBody>>('/api/auth/logout', undefined, { skipAuthRedirect: true }),
  me: () => http.get<Me>('/api/auth/me', undefined, { skipAuthRedirect: true }),
  changePassword: (body: ChangePasswordInput) => http.post<z.infer<typeof OkBody>>('/api/auth/password', body),
};
