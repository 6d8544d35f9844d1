/**
 * The data of 实时监控: the filters, the open entries with their lights, the 30-day series, the
 * latest cards; reloaded on every change of a filter and on every `card` event of the live feed
 * (many events at once make one reload), with a notification for each card issued.
 */
import { computed, onMounted, reactive, ref, watch } from 'vue';
import { useI18n } from 'vue-i18n';
import { ElNotification } from 'element-plus';
import { errorMessage } from '@/api/http';
import { supervisionApi, type CardView, type MonitorEntry, type MonitorView, type SeriesView } from '@/api/supervision';
import type { MonitorLight } from '@/components/supervision/lights';
import { useDict } from '@/composables/useDict';
import { useSupervisionFeed } from '@/composables/useSupervisionFeed';
import { formatInstant } from '@/utils/format';
import { useSupervisionLookups } from './data';

export type MonitorKind = MonitorEntry['kind'];
export interface MonitorFilters {
  centerId: string;
  departmentId: string;
  windowId: string;
  itemId: string;
  light: MonitorLight | '';
  kind: MonitorKind | '';
}

export function useMonitor() {
  const { t } = useI18n();
  const { label } = useDict();
  const lookups = useSupervisionLookups();

  const filters = reactive<MonitorFilters>({ centerId: '', departmentId: '', windowId: '', itemId: '', light: '', kind: '' });
  const data = ref<MonitorView | null>(null);
  const series = ref<SeriesView['days']>([]);
  const cards = ref<CardView[]>([]);
  const loading = ref(false);
  const loadError = ref('');
  const updatedAt = ref<string>('');
  /** items seen so far (the item filter offers what is being handled) */
  const seenItems = reactive(new Map<string, string>());

  let seq = 0;
  async function load(): Promise<void> {
    const mine = ++seq;
    loading.value = true;
    try {
      const scope = { centerId: filters.centerId || undefined, departmentId: filters.departmentId || undefined };
      const [m, s, c] = await Promise.all([
        supervisionApi.monitor({ ...scope, windowId: filters.windowId || undefined, itemId: filters.itemId || undefined, light: filters.light || undefined, kind: filters.kind || undefined }),
        supervisionApi.series(scope),
        supervisionApi.cards({ ...scope, page: 1, pageSize: 8 }),
      ]);
      if (mine !== seq) return;
      data.value = m;
      series.value = s.days;
      cards.value = c.items;
      for (const i of m.items) if (i.itemId) seenItems.set(i.itemId, i.itemName);
      loadError.value = '';
      updatedAt.value = formatInstant(new Date().toISOString()).slice(11);
    } catch (e) {
      if (mine === seq) loadError.value = errorMessage(e);
    } finally {
      if (mine === seq) loading.value = false;
    }
  }

  /** Many events at once (a sweep issuing several cards) make one reload. */
  let pending: ReturnType<typeof setTimeout> | null = null;
  function reloadSoon(): void {
    if (pending) return;
    pending = setTimeout(() => {
      pending = null;
      void load();
    }, 300);
  }

  const feed = useSupervisionFeed(
    (card) => {
      if (card.status === 'issued') {
        ElNotification({ type: card.level === 'red' ? 'error' : 'warning', title: t('supervision.monitor.newCard', { level: label('cardLevel', card.level), subject: card.subjectLabel }), message: card.departmentName ?? card.centerName, duration: 6000 });
      }
      reloadSoon();
    },
    { onResync: reloadSoon },
  );

  onMounted(async () => {
    void load();
    await lookups.loadCenters();
    await lookups.loadFor(null);
  });

  watch(
    () => filters.centerId,
    (c) => {
      filters.departmentId = '';
      filters.windowId = '';
      void lookups.loadFor(c);
    },
  );
  watch(filters, () => void load(), { deep: true });

  function pickLight(l: MonitorLight): void {
    filters.light = filters.light === l ? '' : l;
  }

  const counts = computed(() => data.value?.counts ?? { green: 0, warning: 0, yellowCard: 0, redCard: 0 });
  const items = computed(() => data.value?.items ?? []);
  const itemOptions = computed(() => [...seenItems.entries()].map(([value, l]) => ({ value, label: l })).sort((a, b) => a.label.localeCompare(b.label, 'zh-CN')));
  const LIGHT_ORDER: Record<MonitorLight, number> = { redCard: 0, yellowCard: 1, warning: 2, green: 3 };
  const sorted = computed(() => [...items.value].sort((a, b) => Number(b.greenChannel) - Number(a.greenChannel) || LIGHT_ORDER[a.light] - LIGHT_ORDER[b.light] || (a.deadline ?? '9').localeCompare(b.deadline ?? '9')));

  return { lookups, filters, data, series, cards, loading, loadError, updatedAt, load, feed, pickLight, counts, items, itemOptions, sorted };
}
