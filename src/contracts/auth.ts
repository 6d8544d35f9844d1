import { z } from 'zod';

export const LoginBody = z.object({
  username: z.string().trim().min(1).max(64),
  password: z.string().min(1).max(128),
});

export const SessionUser = z.object({
  id: z.string(),
  username: z.string(),
  displayName: z.string(),
  kind: z.string(),
  roles: z.array(z.string()),
  permissions: z.array(z.string()),
});
export type SessionUser = z.infer<typeof SessionUser>;

export const LoginReply = z.object({ user: SessionUser, csrfToken: z.string() });

export const MeReply = z.object({ user: SessionUser.nullable(), csrfToken: z.string().nullable() });

export const ChangePasswordBody = z.object({
  currentPassword: z.string().min(1).max(128),
  newPassword: z.string().min(1).max(128),
});

export const HealthReply = z.object({ status: z.literal('ok'), database: z.enum(['sqlite', 'postgres']) });
