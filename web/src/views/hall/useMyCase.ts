/**
 * The state of one of my cases (我的办件): the case and its messages, the supplement to upload and
 * hand in, the reason for a withdrawal or a request for review, and the rating dialog. A move
 * refused because the case moved meanwhile reloads it.
 */
import { computed, ref, watch } from 'vue';
import { useI18n } from 'vue-i18n';
import { useRoute } from 'vue-router';
import { ElMessage } from 'element-plus';
import { ApiError, errorMessage } from '@/api/http';
import { hallApi, type EvaluationOccasion, type MyCaseView, type UploadView } from '@/api/hall';
import { messagesApi, type MessageView } from '@/api/messages';
import type { UploadLine } from '@/components/hall/MaterialUploads.vue';
import { tidy } from './form';

export function useMyCase() {
  const { t } = useI18n();
  const route = useRoute();
  const id = computed(() => String(route.params.id ?? ''));

  const view = ref<MyCaseView | null>(null);
  const loading = ref(false);
  const loadError = ref('');
  const messages = ref<MessageView[]>([]);

  async function load(): Promise<void> {
    if (!id.value) return;
    loading.value = true;
    loadError.value = '';
    try {
      view.value = await hallApi.case(id.value);
      void loadMessages();
    } catch (e) {
      loadError.value = e instanceof ApiError && e.status === 404 ? t('hall.case.notFound') : errorMessage(e);
    } finally {
      loading.value = false;
    }
  }
  async function loadMessages(): Promise<void> {
    try {
      const r = await messagesApi.list({ page: 1, pageSize: 100 });
      messages.value = r.items.filter((m) => m.caseId === id.value);
    } catch {
      messages.value = [];
    }
  }
  watch(id, load, { immediate: true });
  function set(v: MyCaseView): void {
    view.value = v;
    void loadMessages();
  }
  /** a move refused because the case moved meanwhile: say so and show it as it now is */
  async function moveFailed(e: unknown): Promise<void> {
    ElMessage.error(errorMessage(e));
    if (e instanceof ApiError && e.status === 409) await load();
  }

  const can = (k: string) => !!view.value?.availableActions.includes(k as MyCaseView['availableActions'][number]);

  // ── supplement: upload what the notice lists, then hand it in ─────────────────────────
  const supplementLines = computed<UploadLine[]>(() =>
    (view.value?.supplement?.materials ?? []).map((m) => ({ code: m.code, name: m.name, required: true, problem: m.problem, note: m.note })),
  );
  const pending = computed<UploadView[]>(() => (view.value?.materials ?? []).filter((m) => m.status === 'pending'));
  const supplyError = ref('');
  const supplying = ref(false);
  /** the upload limit the item's form states (20 MB unless the center set another) */
  const maxMb = ref(20);
  watch(
    () => view.value?.supplement && view.value.item.id,
    async (itemId) => {
      if (!itemId) return;
      try {
        maxMb.value = (await hallApi.itemForm(itemId)).upload.maxMb;
      } catch {
        // the server checks the size anyway
      }
    },
  );
  async function uploadFile(code: string, file: File): Promise<UploadView> {
    const u = await hallApi.uploadCaseFile(id.value, code, file);
    if (view.value) view.value = { ...view.value, materials: [...view.value.materials, { ...u, status: 'pending', round: 0 }] };
    supplyError.value = '';
    return u;
  }
  async function removeFile(u: UploadView): Promise<void> {
    await hallApi.removeCaseFile(id.value, u.id);
    if (view.value) view.value = { ...view.value, materials: view.value.materials.filter((m) => m.id !== u.id) };
  }
  async function supply(): Promise<void> {
    if (!view.value || supplying.value) return;
    const missing = supplementLines.value.filter((l) => !pending.value.some((p) => p.materialCode === l.code));
    if (missing.length) {
      supplyError.value = t('hall.case.supplyMissing', { names: missing.map((m) => m.name).join('、') });
      return;
    }
    supplying.value = true;
    supplyError.value = '';
    try {
      set(await hallApi.supply(id.value, view.value.version));
      ElMessage.success(t('hall.case.supplied'));
    } catch (e) {
      const f = e instanceof ApiError ? e.fields.find((x) => x.field === 'materials') : undefined;
      if (f) supplyError.value = tidy(f.field, f.message);
      else await moveFailed(e);
    } finally {
      supplying.value = false;
    }
  }

  // ── withdraw, recheck: a reason, then the move ────────────────────────────────────────
  const reasonFor = ref<'withdraw' | 'askRecheck' | null>(null);
  const reason = ref('');
  const reasonError = ref('');
  const moving = ref(false);
  function ask(kind: 'withdraw' | 'askRecheck'): void {
    reason.value = '';
    reasonError.value = '';
    reasonFor.value = kind;
  }
  async function move(): Promise<void> {
    if (!view.value || !reasonFor.value || moving.value) return;
    const kind = reasonFor.value;
    if (kind === 'askRecheck' && !reason.value.trim()) {
      reasonError.value = t('hall.case.recheckReasonRequired');
      return;
    }
    moving.value = true;
    try {
      const v = kind === 'withdraw' ? await hallApi.withdraw(id.value, view.value.version, reason.value.trim() || t('hall.case.withdrawDefault')) : await hallApi.askRecheck(id.value, view.value.version, reason.value.trim());
      set(v);
      reasonFor.value = null;
      ElMessage.success(kind === 'withdraw' ? t('hall.case.withdrawn') : t('hall.case.recheckAsked'));
    } catch (e) {
      if (e instanceof ApiError && e.fields.some((f) => f.field === 'reason')) reasonError.value = tidy('reason', e.fields.find((f) => f.field === 'reason')!.message);
      else {
        reasonFor.value = null;
        await moveFailed(e);
      }
    } finally {
      moving.value = false;
    }
  }

  // ── rating ─────────────────────────────────────────────────────────────────────────────
  const rating = ref(false);
  const rateOccasion = ref<EvaluationOccasion | null>(null);
  function rate(o: EvaluationOccasion): void {
    rateOccasion.value = o;
    rating.value = true;
  }

  return {
    id, view, loading, loadError, messages, load, set, can,
    supplementLines, pending, supplyError, supplying, maxMb, uploadFile, removeFile, supply,
    reasonFor, reason, reasonError, moving, ask, move,
    rating, rateOccasion, rate,
  };
}
