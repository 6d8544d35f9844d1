/**
 * One set of materials for the whole bundle (一套材料): the same material asked by several items
 * is asked once. "Same" is the same name once normalised — full-width and half-width forms made
 * one (NFKC), letters lower-cased, and spaces, brackets and punctuation dropped — so
 * “营业执照（副本）” and “营业执照 (副本)” are one material, while “申请人身份证件” and
 * “经办人身份证件” stay two.
 */
import type { BundleItem, BundleMaterial } from './types.js';

export function normaliseMaterialName(name: string): string {
  return name.normalize('NFKC').toLowerCase().replace(/[\s\p{P}]/gu, '');
}

export interface CombinedMaterialSource {
  itemId: string;
  itemName: string;
  /** the material's code within that item */
  materialCode: string;
  required: boolean;
}

export interface CombinedMaterial {
  /** B01, B02, … in order of first appearance */
  code: string;
  name: string;
  /** required if any item requires it */
  required: boolean;
  form: string;
  /** the most any item asks for */
  copies: number;
  notes: string;
  /** 容缺 / 告知承诺 only where every item asking for it allows it: one child case that does not needs it at acceptance */
  deferrable: boolean;
  pledgeable: boolean;
  sampleFileId: string | null;
  blankFileId: string | null;
  items: CombinedMaterialSource[];
}

/** One original-or-copy requirement for several: equal → it; paper forms that differ → both. */
function combineForms(forms: string[]): string {
  const paper = new Set(forms.filter((f) => f !== 'electronic'));
  if (paper.size === 0) return 'electronic';
  if (paper.size === 1) return [...paper][0];
  return 'originalAndCopy';
}

export function combinedMaterials(items: readonly Pick<BundleItem, 'id' | 'name' | 'materials'>[]): CombinedMaterial[] {
  const byKey = new Map<string, { entry: CombinedMaterial; sources: BundleMaterial[] }>();
  for (const item of items) {
    for (const m of item.materials) {
      const key = normaliseMaterialName(m.name);
      let group = byKey.get(key);
      if (!group) {
        group = {
          entry: {
            code: `B${String(byKey.size + 1).padStart(2, '0')}`, name: m.name, required: false, form: m.form, copies: 0, notes: '',
            deferrable: true, pledgeable: true, sampleFileId: null, blankFileId: null, items: [],
          },
          sources: [],
        };
        byKey.set(key, group);
      }
      const e = group.entry;
      // an item listing the same material twice still serves it once
      if (!e.items.some((s) => s.itemId === item.id)) e.items.push({ itemId: item.id, itemName: item.name, materialCode: m.code, required: m.required });
      group.sources.push(m);
      e.required ||= m.required;
      e.copies = Math.max(e.copies, m.copies);
      e.notes ||= m.notes;
      e.deferrable &&= m.deferrable;
      e.pledgeable &&= m.pledgeable;
      e.sampleFileId ??= m.sampleFileId ?? null;
      e.blankFileId ??= m.blankFileId ?? null;
    }
  }
  return [...byKey.values()].map(({ entry, sources }) => ({ ...entry, form: combineForms(sources.map((s) => s.form)) }));
}
