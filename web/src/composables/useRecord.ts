/**
 * One record of a detail page, loaded by its id (again whenever the id changes):
 *
 *   const { record: card, loading, loadError, load } = useRecord(() => props.id, supervisionApi.card, () => t('supervision.cards.notFound'));
 *
 * A failure lands in `loadError`; with `notFound`, a 404 or 403 reads as that message (whether a
 * record exists out of the reader's scope is not told).
 */
import { ref, type Ref, watch } from 'vue';
import { ApiError, errorMessage } from '@/api/http';

export function useRecord<T>(id: () => string, fetch: (id: string) => Promise<T>, notFound?: () => string) {
  const record = ref(null) as Ref<T | null>;
  const loading = ref(false);
  const loadError = ref('');

  async function load(): Promise<void> {
    loading.value = true;
    loadError.value = '';
    try {
      record.value = await fetch(id());
    } catch (e) {
      loadError.value = notFound && e instanceof ApiError && (e.status === 404 || e.status === 403) ? notFound() : errorMessage(e);
    } finally {
      loading.value = false;
    }
  }
  watch(id, load, { immediate: true });

  return { record, loading, loadError, load };
}
