/**
 * A bundle (一件事 / 主题服务, DESIGN §3) as the pure rules see it: items grouped in stages that
 * run in order, the items of a stage in parallel. Structural types, so the contracts' shapes fit
 * without domain/ importing contracts/.
 */
export type BundleStatusName = 'draft' | 'published' | 'retired';

export interface BundleStageDef {
  name: string;
  itemIds: string[];
}

export interface BundleDef {
  code: string;
  name: string;
  summary: string;
  themes: string[];
  stages: BundleStageDef[];
}

/** What the service looked up about one referenced item (absent from the map: no such item). */
export interface BundleItemRef {
  name: string;
  /** its public version is published (not suspended, retired or never published) */
  published: boolean;
  /** it belongs to the bundle's center or a center below it */
  inScope: boolean;
}

export interface BundleMaterial {
  code: string;
  name: string;
  required: boolean;
  form: string;
  copies: number;
  notes: string;
  deferrable: boolean;
  pledgeable: boolean;
  sampleFileId?: string | null;
  blankFileId?: string | null;
}

export interface BundleFeeLine {
  name: string;
  basis: string;
  standard: string;
  amountFen: number | null;
  licenceNo: string;
}

/** The parts of an item's data the combined checklist, form, fee sheet and limits are made of. */
export interface BundleItem {
  id: string;
  name: string;
  promisedLimit: number;
  statutoryLimit: number;
  materials: BundleMaterial[];
  fees: { free: boolean; lines: BundleFeeLine[] };
  formSchema: Record<string, unknown>;
}

export const BUNDLE_STATUS_LABELS: Record<BundleStatusName, [string, string]> = {
  draft: ['草稿', 'draft'],
  published: ['已发布', 'published'],
  retired: ['已停用', 'retired'],
};

/** The items of the bundle in order: stage by stage, each stage in its listed order. */
export function orderedItems<T extends { id: string }>(stages: BundleStageDef[], items: ReadonlyMap<string, T>): T[] {
  const out: T[] = [];
  const seen = new Set<string>();
  for (const s of stages) {
    for (const id of s.itemIds) {
      const it = items.get(id);
      if (it && !seen.has(id)) {
        seen.add(id);
        out.push(it);
      }
    }
  }
  return out;
}
