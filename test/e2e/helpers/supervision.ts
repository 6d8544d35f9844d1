/**
 * Steps of the supervision and evaluation journeys. Time cannot be moved on the real server (no
 * controllable clock, no test hook), so a case is made to pass its promised deadline by moving
 * its history back in the server's SQLite file — every action's date and instant, and the stored
 * dates of the case — and a due `lightCheck` timer is added, which the server's sweeper fires
 * within a tick: the light is recomputed from the (now older) actions and the card is issued as
 * it would be on that day. Plus small API reads with the page's own session.
 */
import { randomUUID } from 'node:crypto';
import path from 'node:path';
import Database from 'better-sqlite3';
import type { Page } from 'playwright-core';
import type { RunningServer } from './server.js';

const DAY_MS = 86_400_000;

function shiftDate(date: string, days: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  return new Date(d.getTime() - days * DAY_MS).toISOString().slice(0, 10);
}
const shiftInstant = (at: string, days: number) => new Date(Date.parse(at) - days * DAY_MS).toISOString();

function openDb(server: RunningServer): Database.Database {
  const db = new Database(path.join(server.dataDir, 'onestop.db'));
  db.pragma('busy_timeout = 10000');
  return db;
}

/**
 * Moves the case's history `days` calendar days back: each action's `date` and `at`, and the
 * case's intake and acceptance dates (the server folds the state from the actions; the stored
 * columns are only a projection, refreshed by `setStoredDeadlines`).
 */
export function backdateCase(server: RunningServer, caseId: string, days: number): void {
  const db = openDb(server);
  try {
    db.transaction(() => {
      const actions = db.prepare('SELECT id, date, at FROM case_actions WHERE case_id = ?').all(caseId) as { id: string; date: string; at: string }[];
      if (actions.length === 0) throw new Error(`no actions for case ${caseId}`);
      const upd = db.prepare('UPDATE case_actions SET date = ?, at = ? WHERE id = ?');
      for (const a of actions) upd.run(shiftDate(a.date, days), shiftInstant(a.at, days), a.id);
      const c = db.prepare('SELECT intake_date, accepted_on FROM cases WHERE id = ?').get(caseId) as { intake_date: string; accepted_on: string | null };
      db.prepare('UPDATE cases SET intake_date = ?, accepted_on = ? WHERE id = ?').run(shiftDate(c.intake_date, days), c.accepted_on ? shiftDate(c.accepted_on, days) : null, caseId);
    })();
  } finally {
    db.close();
  }
}

/** The stored deadline columns, as the server computes them from the moved history. */
export function setStoredDeadlines(server: RunningServer, caseId: string, d: { promised: string; statutory: string }): void {
  const db = openDb(server);
  try {
    db.prepare('UPDATE cases SET promised_due = ?, statutory_due = ? WHERE id = ?').run(d.promised, d.statutory, caseId);
  } finally {
    db.close();
  }
}

/** A `lightCheck` timer for the case due now: the sweeper recomputes its light and issues the card. */
export function dueLightCheck(server: RunningServer, caseId: string, today: string): void {
  const db = openDb(server);
  try {
    const now = new Date().toISOString();
    db.prepare(
      `INSERT INTO timers (id, kind, case_id, due_at, key, payload, status, attempts, last_error, fired_at, created_at)
       VALUES (?, 'lightCheck', ?, ?, ?, ?, 'pending', 0, NULL, NULL, ?)`,
    ).run(randomUUID(), caseId, new Date(Date.now() - 1000).toISOString(), `lightCheck:${caseId}:e2e-${Date.now()}`, JSON.stringify({ date: today }), now);
  } finally {
    db.close();
  }
}

/** The timer's state (to tell a failed handler from a slow sweeper). */
export function lightCheckState(server: RunningServer, caseId: string): { status: string; last_error: string | null }[] {
  const db = openDb(server);
  try {
    return db.prepare("SELECT status, last_error FROM timers WHERE case_id = ? AND kind = 'lightCheck' AND key LIKE '%:e2e-%'").all(caseId) as { status: string; last_error: string | null }[];
  } finally {
    db.close();
  }
}

/** GET with the page's session (the browser's own fetch: cookies, same origin). */
export async function apiGet<T>(page: Page, url: string): Promise<T> {
  return page.evaluate(async (u) => {
    const r = await fetch(u, { credentials: 'same-origin', headers: { accept: 'application/json' } });
    if (!r.ok) throw new Error(`GET ${u}: ${r.status} ${await r.text()}`);
    return r.json();
  }, url) as Promise<T>;
}

/** The windows a staff member holds (GET /api/v1/admin/staff, user:read), read by a page that may. */
export async function windowsOf(page: Page, username: string): Promise<string[]> {
  const r = await apiGet<{ items: { username: string; windowIds: string[] }[] }>(page, `/api/v1/admin/staff?q=${encodeURIComponent(username)}`);
  const u = r.items.find((x) => x.username === username);
  if (!u) throw new Error(`no staff ${username}`);
  return u.windowIds;
}

/** `2026-03-02` in Asia/Shanghai (the demo centers' business date). */
export const shanghaiToday = () => new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai', year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date());
