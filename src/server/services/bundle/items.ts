/**
 * The items a bundle names, looked up and resolved once: what the rules need to know about each
 * (exists, published, in the center's subtree) and the data the combined views are made of.
 */
import type { BundleCombined, BundleStage } from '../../../contracts/bundle.js';
import type { HandlingClass, ItemData, MaterialForm } from '../../../contracts/catalogue.js';
import {
  type BundleItem,
  type BundleItemRef,
  bundleLimits,
  combinedFees,
  combinedForm,
  combinedMaterials,
  orderedItems,
} from '../../../domain/bundle/index.js';
import { findBundleItems } from '../../repositories/bundles.js';
import { readData } from '../catalogue/version-row.js';
import type { Executor } from '../context.js';

export interface ResolvedItem {
  id: string;
  code: string;
  /** the public version's data (published or suspended), else the latest version's */
  data: ItemData;
  departmentName: string;
  /** has a public version (published or suspended) */
  public: boolean;
  /** its public version is published: applications are taken */
  available: boolean;
  inScope: boolean;
}

export async function resolveItems(db: Executor, stages: BundleStage[], centerPath: string): Promise<Map<string, ResolvedItem>> {
  const rows = await findBundleItems(db, stages.flatMap((s) => s.itemIds));
  return new Map(
    rows.map((r) => {
      const pub = r.public_data !== null;
      const item: ResolvedItem = {
        id: r.id,
        code: r.code,
        data: readData({ data: pub ? (r.public_data as string) : r.latest_data }),
        departmentName: (pub ? r.public_department_name : r.latest_department_name) ?? r.latest_department_name,
        public: pub,
        available: r.public_status === 'published',
        inScope: r.center_path.startsWith(centerPath),
      };
      return [r.id, item];
    }),
  );
}

/** What the rules are told about each item. */
export function itemRefs(items: ReadonlyMap<string, ResolvedItem>): Map<string, BundleItemRef> {
  return new Map([...items].map(([id, it]) => [id, { name: it.data.name, published: it.available, inScope: it.inScope }]));
}

function toBundleItem(it: ResolvedItem): BundleItem {
  return {
    id: it.id, name: it.data.name, promisedLimit: it.data.promisedLimit, statutoryLimit: it.data.statutoryLimit,
    materials: it.data.materials, fees: it.data.fees, formSchema: it.data.formSchema,
  };
}

/**
 * Stages with their items, the one deadline, checklist, form and fee sheet. `onlyPublic`: the
 * checklist, form and fees leave out items without a public version (a public page never shows
 * a draft's contents); such an item is still listed, unavailable.
 */
export function buildCombined(stages: BundleStage[], items: ReadonlyMap<string, ResolvedItem>, onlyPublic = false): BundleCombined {
  const bundleItems = new Map([...items].map(([id, it]) => [id, toBundleItem(it)]));
  const limits = bundleLimits(stages, bundleItems);
  const shown = orderedItems(stages, bundleItems).filter((it) => !onlyPublic || items.get(it.id)?.public);
  return {
    stages: stages.map((s, i) => ({
      name: s.name,
      promisedLimit: limits.stages[i].promisedLimit,
      statutoryLimit: limits.stages[i].statutoryLimit,
      items: s.itemIds.flatMap((id) => {
        const it = items.get(id);
        if (!it) return [];
        return [{
          id, code: it.code, name: it.data.name, departmentId: it.data.departmentId, departmentName: it.departmentName,
          handlingClass: it.data.handlingClass as HandlingClass, promisedLimit: it.data.promisedLimit, statutoryLimit: it.data.statutoryLimit,
          available: it.available,
        }];
      }),
    })),
    limits: { promisedLimit: limits.promisedLimit, statutoryLimit: limits.statutoryLimit },
    materials: combinedMaterials(shown).map((m) => ({ ...m, form: m.form as MaterialForm })),
    form: combinedForm(shown),
    fees: combinedFees(shown),
  };
}
