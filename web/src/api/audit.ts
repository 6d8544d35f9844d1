/** The action log — src/server/routes/admin/audit.ts (permission audit:read). */
import type { z } from 'zod';
import type * as C from '@shared/contracts/audit';
import { http } from './http';

export type AuditEntry = z.infer<typeof C.AuditEntry>;
export type AuditPage = z.infer<typeof C.AuditList>;
export type AuditFilter = Partial<z.input<typeof C.AuditQuery>>;
export type AuditVerify = z.infer<typeof C.AuditVerifyReply>;

export const auditApi = {
  list: (q: AuditFilter) => http.get<AuditPage>('/api/v1/admin/audit', q),
  verify: () => http.get<AuditVerify>('/api/v1/admin/audit/verify'),
};
