/**
 * What the catalogue allows of each material of a case (容缺 `deferrable`, 告知承诺 `pledgeable`):
 * CaseView lists the materials without these flags, so they are read here — the one place — from
 * the item version the case was taken in under (catalogue:read, which every window role holds),
 * else from the public guide when it shows that same version. Kept per item version.
 */
import { casesApi, type CaseView } from '@/api/cases';
import { guideApi } from '@/api/guide';
import type { Allowance } from './checklist';

const cache = new Map<string, Promise<Map<string, Allowance>>>();

type Flagged = { code: string; deferrable?: boolean; pledgeable?: boolean };
const toMap = (ms: readonly Flagged[]) => new Map(ms.map((m) => [m.code, { deferrable: !!m.deferrable, pledgeable: !!m.pledgeable }]));

async function fetchAllowances(item: CaseView['item']): Promise<Map<string, Allowance>> {
  try {
    return toMap((await casesApi.itemVersion(item.id, item.versionNo)).version.data.materials);
  } catch {
    const g = await guideApi.get(item.id);
    if (g.versionNo !== item.versionNo) throw new Error('the published version is not the case version');
    return toMap(g.materials);
  }
}

/** The allowances by material code; an empty map when neither source answers (nothing offered; the server checks anyway). */
export function materialAllowances(item: CaseView['item']): Promise<Map<string, Allowance>> {
  let p = cache.get(item.versionId);
  if (!p) {
    p = fetchAllowances(item).catch(() => {
      cache.delete(item.versionId);
      return new Map<string, Allowance>();
    });
    cache.set(item.versionId, p);
  }
  return p;
}
