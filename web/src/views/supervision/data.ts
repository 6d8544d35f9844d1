/** What the supervision pages share: page sizes, the lookups behind their filters, small helpers. */
import { ref } from 'vue';
import { organisationApi, type CenterListItem, type Department, type Window } from '@/api/organisation';
import { ApiError } from '@/api/http';

export const PAGE_SIZES = [10, 20, 50, 100];
/** the list endpoints' largest page */
const ALL = 200;

/** 409: someone changed the record first, or the step no longer fits its status. */
export const isStale = (e: unknown): boolean => e instanceof ApiError && e.status === 409;

/**
 * Centers, departments and windows for the filters (org:read; supervisors and leaders hold it).
 * A failed lookup leaves its list empty: the filter is then simply not offered.
 */
export function useSupervisionLookups() {
  const centers = ref<CenterListItem[]>([]);
  const departments = ref<Department[]>([]);
  const windows = ref<Window[]>([]);

  async function loadCenters(): Promise<void> {
    centers.value = await organisationApi.centers().then((r) => r.items, () => []);
  }
  /** the departments and windows of a center (all in scope when none is chosen) */
  async function loadFor(centerId: string | null | undefined): Promise<void> {
    const q = { centerId: centerId || undefined, pageSize: ALL };
    const [d, w] = await Promise.all([
      organisationApi.departments(q).then((r) => r.items, () => [] as Department[]),
      organisationApi.windows(q).then((r) => r.items, () => [] as Window[]),
    ]);
    departments.value = d.filter((x) => x.active);
    windows.value = w.filter((x) => x.active);
  }
  return { centers, departments, windows, loadCenters, loadFor };
}

/** A rate (0…1, or null when there is nothing to divide by) as a percentage. */
export const percent = (r: number | null | undefined): string => (r === null || r === undefined ? '—' : `${(r * 100).toFixed(1)}%`);
