/**
 * One page of a server list with its paging state, for list pages with an el-pagination:
 *
 *   const list = usePagedList((paging) => organisationApi.departments({ ...filters, ...paging }));
 *   const { rows, total, page, pageSize, loading, loadError, load, search } = list;
 *   <ListPagination v-model:page="page" v-model:page-size="pageSize" :total="total" @current-change="load" @size-change="search" />
 *
 * `load` fetches the current page (a failure lands in `loadError`); `search` goes back to page 1.
 * `afterLoad` runs with the new rows still under the spinner (e.g. to fetch the names their ids need);
 * its failure counts as a failed load.
 */
import { ref, type Ref } from 'vue';
import { errorMessage } from '@/api/http';

export interface Paging {
  page: number;
  pageSize: number;
}

export function usePagedList<T>(
  fetch: (paging: Paging) => Promise<{ items: T[]; total: number }>,
  options: { pageSize?: number; afterLoad?: (items: T[]) => Promise<unknown> } = {},
) {
  const page = ref(1);
  const pageSize = ref(options.pageSize ?? 20);
  const rows = ref([]) as Ref<T[]>;
  const total = ref(0);
  const loading = ref(false);
  const loadError = ref('');

  async function load(): Promise<void> {
    loading.value = true;
    loadError.value = '';
    try {
      const r = await fetch({ page: page.value, pageSize: pageSize.value });
      rows.value = r.items;
      total.value = r.total;
      await options.afterLoad?.(r.items);
    } catch (e) {
      loadError.value = errorMessage(e);
    } finally {
      loading.value = false;
    }
  }

  function search(): void {
    page.value = 1;
    void load();
  }

  return { page, pageSize, rows, total, loading, loadError, load, search };
}
