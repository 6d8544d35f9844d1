/**
 * Setup and time for the joint case journey (issue 4, 并联审批). The demo org has staff in two
 * departments only, so the lead department's window clerk and leader and one reviewer per
 * co-department are created by the demo admin through the staff API, as an admin would on the
 * 人员管理 page. Time cannot be moved on the real server: a silent co-department's limit is made
 * to pass by moving the case's history back in the SQLite file (helpers/supervision.ts) and its
 * opinion timer's due time to now — the server's own sweeper then runs the timer's handler.
 */
import path from 'node:path';
import Database from 'better-sqlite3';
import type { RunningServer } from './server.js';

export interface ApiSession {
  cookie: string;
  csrf: string;
}

export async function apiLogin(base: string, username: string, password: string): Promise<ApiSession> {
  const r = await fetch(`${base}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password }),
  });
  if (r.status !== 200) throw new Error(`login ${username}: ${r.status} ${await r.text()}`);
  const cookie = (r.headers.get('set-cookie') ?? '').split(';')[0];
  return { cookie, csrf: ((await r.json()) as { csrfToken: string }).csrfToken };
}

export async function api<T>(base: string, s: ApiSession, method: 'GET' | 'POST', url: string, body?: object): Promise<T> {
  const r = await fetch(base + url, {
    method,
    headers: { cookie: s.cookie, 'x-csrf-token': s.csrf, ...(body ? { 'content-type': 'application/json' } : {}) },
    body: body ? JSON.stringify(body) : undefined,
  });
  if (r.status !== 200) throw new Error(`${method} ${url}: ${r.status} ${await r.text()}`);
  return (await r.json()) as T;
}

type Listed = { items: { id: string; code: string; centerId: string }[] };

export interface JointStaff {
  username: string;
  displayName: string;
  role: 'clerk' | 'deptLeader' | 'reviewer';
  /** the department's code in the demo data */
  dept: string;
  /** the code of a window the clerk works at */
  window?: string;
}

/** Creates the accounts (password `password`); department code → department id. */
export async function createStaff(base: string, admin: ApiSession, staff: readonly JointStaff[], password: string): Promise<Map<string, string>> {
  const depts = await api<Listed>(base, admin, 'GET', '/api/v1/admin/departments?pageSize=200');
  const windows = await api<Listed>(base, admin, 'GET', '/api/v1/admin/windows?pageSize=200');
  const byCode = (l: Listed, code: string) => {
    const x = l.items.find((i) => i.code === code);
    if (!x) throw new Error(`demo data: no ${code}`);
    return x;
  };
  for (const s of staff) {
    const d = byCode(depts, s.dept);
    await api(base, admin, 'POST', '/api/v1/admin/staff', {
      username: s.username,
      displayName: s.displayName,
      password,
      grants: [{ role: s.role, centerId: d.centerId, departmentId: d.id }],
      windowIds: s.window ? [byCode(windows, s.window).id] : [],
    });
  }
  return new Map(depts.items.map((d) => [d.code, d.id]));
}

function openDb(server: RunningServer): Database.Database {
  const db = new Database(path.join(server.dataDir, 'onestop.db'));
  db.pragma('busy_timeout = 10000');
  return db;
}

/** The pending opinion-deadline timer of one task made due now; how many rows it moved. */
export function opinionTimerDueNow(server: RunningServer, caseId: string, taskId: string): number {
  const db = openDb(server);
  try {
    return db
      .prepare("UPDATE timers SET due_at = ? WHERE case_id = ? AND kind = 'opinionDeadline' AND status = 'pending' AND json_extract(payload, '$.taskId') = ?")
      .run(new Date(Date.now() - 1000).toISOString(), caseId, taskId).changes;
  } finally {
    db.close();
  }
}

/** The opinion timers of a case (to tell a failed handler from a slow sweeper). */
export function opinionTimers(server: RunningServer, caseId: string): { payload: string; status: string; last_error: string | null }[] {
  const db = openDb(server);
  try {
    return db.prepare("SELECT payload, status, last_error FROM timers WHERE case_id = ? AND kind = 'opinionDeadline'").all(caseId) as {
      payload: string;
      status: string;
      last_error: string | null;
    }[];
  } finally {
    db.close();
  }
}
