/** What the staff home page shows — the calendar coverage warning (routes/admin/calendar.ts). */
import type { z } from 'zod';
import type { CoverageReply } from '@shared/contracts/calendar';
import { http } from './http';

export type Coverage = z.infer<typeof CoverageReply>;

export const workbenchApi = {
  coverage: () => http.get<Coverage>('/api/v1/admin/calendar/coverage'),
};
