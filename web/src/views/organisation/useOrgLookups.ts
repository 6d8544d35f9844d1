/**
 * Lookups the organisation pages share: the center tree (flat, in tree order) and, per center,
 * its departments and windows — fetched once per page and cached, so tables can show names for
 * the ids the server sends (served departments, rosters, staff windows).
 */
import { computed, ref } from 'vue';
import { organisationApi, type CenterListItem, type Department, type Window } from '@/api/organisation';

/** The list endpoints' largest page; a center has far fewer departments or windows than this. */
const ALL = 200;

export function useOrgLookups() {
  const centers = ref<CenterListItem[]>([]);
  const departments = ref(new Map<string, Department[]>());
  const windows = ref(new Map<string, Window[]>());
  const pendingDepts = new Map<string, Promise<Department[]>>();
  const pendingWindows = new Map<string, Promise<Window[]>>();

  async function loadCenters(): Promise<CenterListItem[]> {
    const r = await organisationApi.centers();
    centers.value = r.items;
    return r.items;
  }

  /** All departments of a center (active and not), cached. */
  function loadDepartments(centerId: string): Promise<Department[]> {
    let p = pendingDepts.get(centerId);
    if (!p) {
      p = organisationApi.departments({ centerId, pageSize: ALL }).then((r) => {
        departments.value.set(centerId, r.items);
        return r.items;
      });
      p.catch(() => pendingDepts.delete(centerId));
      pendingDepts.set(centerId, p);
    }
    return p;
  }

  /** All windows of a center (active and not), cached. */
  function loadWindows(centerId: string): Promise<Window[]> {
    let p = pendingWindows.get(centerId);
    if (!p) {
      p = organisationApi.windows({ centerId, pageSize: ALL }).then((r) => {
        windows.value.set(centerId, r.items);
        return r.items;
      });
      p.catch(() => pendingWindows.delete(centerId));
      pendingWindows.set(centerId, p);
    }
    return p;
  }

  /** Forget a center's cached departments/windows after a change. */
  function invalidate(centerId?: string): void {
    for (const m of [pendingDepts, pendingWindows]) (centerId ? m.delete(centerId) : m.clear());
    if (centerId) {
      departments.value.delete(centerId);
      windows.value.delete(centerId);
    } else {
      departments.value.clear();
      windows.value.clear();
    }
  }

  const centerById = computed(() => new Map(centers.value.map((c) => [c.id, c])));
  const departmentById = computed(() => new Map([...departments.value.values()].flat().map((d) => [d.id, d])));
  const windowById = computed(() => new Map([...windows.value.values()].flat().map((w) => [w.id, w])));

  const activeDepartmentsOf = (centerId: string | null | undefined): Department[] =>
    centerId ? (departments.value.get(centerId) ?? []).filter((d) => d.active) : [];
  const activeWindowsOf = (centerId: string | null | undefined): Window[] =>
    centerId ? (windows.value.get(centerId) ?? []).filter((w) => w.active) : [];

  return {
    centers,
    departments,
    windows,
    centerById,
    departmentById,
    windowById,
    loadCenters,
    loadDepartments,
    loadWindows,
    invalidate,
    activeDepartmentsOf,
    activeWindowsOf,
  };
}
export type OrgLookups = ReturnType<typeof useOrgLookups>;
