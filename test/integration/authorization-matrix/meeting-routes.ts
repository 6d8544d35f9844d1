/**
 * The routes of joint review meetings (联审会) in the matrix. Reading is case:read: the invited
 * departments' staff and center-wide readers (supervisors, center admins) — the fixture meeting
 * invites deptA, so every holder of the matrix sees it. Scheduling, changing and recording are
 * the supervision office's (supervision:manage).
 */
import type { Fixtures } from './fixtures.js';
import type { Req, RouteCase } from './routes.js';

const M = '/api/v1/meetings';
/** Later the same day as the matrix's clock (10:00 in Beijing). */
const LATER = '2026-03-02T16:00:00+08:00';

const meetingMove = (action: string, body: (f: Fixtures) => object) =>
  async (f: Fixtures): Promise<Req> => {
    const m = await f.scheduledMeeting();
    return { url: `${M}/${m.id}/${action}`, payload: { version: m.version, ...body(f) } };
  };

export const MEETING_MATRIX: Record<string, RouteCase> = {
  'GET /api/v1/meetings': { rule: 'case:read', request: () => ({ url: `${M}?status=scheduled` }) },
  'GET /api/v1/meetings/:id': { rule: 'case:read', request: async (f) => ({ url: `${M}/${(await f.scheduledMeeting()).id}` }) },
  'POST /api/v1/meetings': {
    rule: 'supervision:manage',
    request: async (f) => ({ url: M, payload: { caseId: (await f.meetingCase()).id, topic: '矩阵联审', place: '三楼会议室', startsAt: LATER } }),
  },
  'PUT /api/v1/meetings/:id': {
    rule: 'supervision:manage',
    request: async (f) => {
      const m = await f.scheduledMeeting();
      return { url: `${M}/${m.id}`, payload: { version: m.version, topic: '矩阵联审（改期）', place: '五楼会议室', startsAt: LATER, departmentIds: [f.org.deptA, f.org.deptB] } };
    },
  },
  'POST /api/v1/meetings/:id/cancel': { rule: 'supervision:manage', request: meetingMove('cancel', () => ({ reason: '矩阵测试取消' })) },
  'POST /api/v1/meetings/:id/record': {
    rule: 'supervision:manage',
    request: meetingMove('record', (f) => ({
      attendance: [
        { departmentId: f.org.deptA, attendance: 'present', attendees: ['张科长'] },
        { departmentId: f.org.deptB, attendance: 'absent' },
      ],
      minutes: '矩阵测试纪要',
      decisions: [{ departmentId: f.org.deptA, content: '补充说明', limitDays: 3 }],
    })),
  },
};
