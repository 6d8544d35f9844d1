/**
 * Departments for the catalogue's selects, from the organisation module
 * (`GET /api/v1/admin/departments`, org:read). Loaded once per page load and shared; a failure
 * leaves `failed` set so the page can say so and still work with the names it already knows
 * (the list rows and the item being edited carry their department's name).
 */
import { computed, ref } from 'vue';
import { catalogueApi, type Department } from '@/api/catalogue';

export interface DepartmentOption {
  id: string;
  code: string;
  name: string;
}

const loaded = ref<DepartmentOption[] | null>(null);
const failed = ref(false);
const loading = ref(false);
let pending: Promise<void> | null = null;

function load(force = false): Promise<void> {
  if (loaded.value && !force) return Promise.resolve();
  pending ??= (async () => {
    loading.value = true;
    try {
      const r = await catalogueApi.departments();
      loaded.value = r.items.map((d: Department) => ({ id: d.id, code: d.code, name: d.name }));
      failed.value = false;
    } catch {
      failed.value = true;
    } finally {
      loading.value = false;
      pending = null;
    }
  })();
  return pending;
}

export function useDepartments() {
  /** departments known from elsewhere (a list row, the item being edited) when the API failed */
  const extra = ref<DepartmentOption[]>([]);
  const options = computed(() => {
    const seen = new Set<string>();
    return [...(loaded.value ?? []), ...extra.value].filter((d) => !seen.has(d.id) && seen.add(d.id));
  });
  const nameOf = (id: string | null | undefined) => (id ? (options.value.find((d) => d.id === id)?.name ?? id) : '');
  function remember(d: DepartmentOption): void {
    if (!options.value.some((o) => o.id === d.id)) extra.value.push(d);
  }
  void load();
  return { options, failed, loading, reload: () => load(true), nameOf, remember };
}
