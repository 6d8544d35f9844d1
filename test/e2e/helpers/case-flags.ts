/**
 * Setup for the case-flags journey through the API, as an admin and a window would do it on
 * their own pages: an item marked as an investment-project item (a new version published with the
 * flag, as the item editor's checkbox does), and a case taken in and accepted at the window.
 */
import { api, type ApiSession } from './joint.js';

interface ItemVersion {
  version: number;
  data: Record<string, unknown>;
}
interface ItemDetail {
  item: { id: string };
  draft: ItemVersion | null;
}

async function put<T>(base: string, s: ApiSession, url: string, body: object): Promise<T> {
  const r = await fetch(base + url, {
    method: 'PUT',
    headers: { cookie: s.cookie, 'x-csrf-token': s.csrf, 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  if (r.status !== 200) throw new Error(`PUT ${url}: ${r.status} ${await r.text()}`);
  return (await r.json()) as T;
}

/** Publishes a new version of the item with `investmentProject: true` (denials get reported); its id. */
export async function markInvestmentProject(base: string, admin: ApiSession, code: string): Promise<string> {
  const list = await api<{ items: { id: string; code: string }[] }>(base, admin, 'GET', `/api/v1/admin/items?q=${encodeURIComponent(code)}&status=published`);
  const item = list.items.find((i) => i.code === code);
  if (!item) throw new Error(`demo data: no published item ${code}`);
  const url = `/api/v1/admin/items/${item.id}`;
  const opened = await api<ItemDetail>(base, admin, 'POST', `${url}/draft`, {});
  const draft = opened.draft!;
  const saved = await put<ItemDetail>(base, admin, `${url}/draft`, { version: draft.version, data: { ...draft.data, investmentProject: true } });
  await api(base, admin, 'POST', `${url}/publish`, { version: saved.draft!.version });
  return item.id;
}

/** A case of the item taken in for a person and accepted with every material received; its id and number. */
export async function acceptedCase(base: string, clerk: ApiSession, itemId: string, person: { name: string; idNumber: string; phone: string }): Promise<{ id: string; caseNo: string }> {
  const c = await api<{ id: string; caseNo: string; version: number }>(base, clerk, 'POST', '/api/v1/cases', { itemId, applicant: { kind: 'person', ...person } });
  await api(base, clerk, 'POST', `/api/v1/cases/${c.id}/accept`, { version: c.version });
  return { id: c.id, caseNo: c.caseNo };
}
