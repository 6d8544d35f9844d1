/**
 * The names of a joint case's departments, for its opinion rows (会签: one row per co-department):
 * CaseView gives each task's department as an id only, so the names are read from the item's
 * public guide (no permission needed, every staff role may open it), its lead and co-departments.
 * Kept per item; an empty map when the guide does not answer (the rows then show the role only).
 */
import { ref, watch, type Ref } from 'vue';
import type { CaseView } from '@/api/cases';
import { guideApi } from '@/api/guide';

const cache = new Map<string, Promise<Map<string, string>>>();

function departmentNames(itemId: string): Promise<Map<string, string>> {
  let p = cache.get(itemId);
  if (!p) {
    p = guideApi
      .get(itemId)
      .then((g) => new Map([g.department, ...g.coDepartments].map((d) => [d.id, d.name])))
      .catch(() => {
        cache.delete(itemId);
        return new Map<string, string>();
      });
    cache.set(itemId, p);
  }
  return p;
}

/** Department id → name for a case with opinion tasks (nothing is fetched for other cases). */
export function useTaskDepartments(view: () => CaseView): Ref<Map<string, string>> {
  const names = ref(new Map<string, string>());
  watch(
    () => (view().tasks.some((t) => t.kind === 'opinion') ? view().item.id : null),
    async (itemId) => {
      if (itemId) names.value = await departmentNames(itemId);
    },
    { immediate: true },
  );
  return names;
}
