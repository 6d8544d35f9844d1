/**
 * A draft of an online application as the applicant types: loaded with its item's form and the
 * applicant's profile, saved to the server shortly after typing stops and kept in localStorage
 * until the server has it (given back on the next visit). A save from a stale tab gets 409: the
 * draft is loaded as the server has it. Leaving saves first; closing the tab with unsaved changes asks.
 */
import { computed, onBeforeUnmount, onMounted, ref, watch, type Ref } from 'vue';
import { useI18n } from 'vue-i18n';
import { onBeforeRouteLeave, useRouter } from 'vue-router';
import { ApiError, errorMessage } from '@/api/http';
import { hallApi, type DraftView, type HallProfile, type ItemForm, type UploadView } from '@/api/hall';
import { useAuthStore } from '@/stores/auth';
import { formatInstant } from '@/utils/format';
import { draftValues } from './form';
import { useDraftStash } from './useDraftStash';

export type SaveState = 'idle' | 'pending' | 'saving' | 'saved' | 'error' | 'conflict';

/** `onEdit`: called when the applicant changes the form (the server's messages for it go). */
export function useDraftAutosave(id: Ref<string>, onEdit: () => void) {
  const { t } = useI18n();
  const router = useRouter();
  const auth = useAuthStore();

  const draft = ref<DraftView | null>(null);
  const item = ref<ItemForm | null>(null);
  const profile = ref<HallProfile | null>(null);
  const loading = ref(true);
  const loadError = ref('');

  const values = ref<Record<string, unknown>>({});
  const uploads = ref<UploadView[]>([]);
  let version = 0;
  let lastSaved = '{}';
  let submitted = false;

  const saveState = ref<SaveState>('idle');
  const savedAt = ref('');
  const conflict = ref('');
  const restored = ref(false);

  // ── local copy until the server has it ─────────────────────────────────────────────────
  const local = useDraftStash(() => id.value);
  const stash = () => local.stash(version, draftValues(values.value));
  const { unstash, stashed } = local;

  // ── load ───────────────────────────────────────────────────────────────────────────────
  function applyDraft(d: DraftView): void {
    draft.value = d;
    version = d.version;
    uploads.value = d.uploads;
    lastSaved = JSON.stringify(draftValues(d.formData));
    values.value = { ...d.formData };
  }

  async function load(): Promise<void> {
    loading.value = true;
    loadError.value = '';
    try {
      const d = await hallApi.draft(id.value);
      if (d.caseId) {
        unstash();
        await router.replace({ name: 'me-case', params: { id: d.caseId } });
        return;
      }
      const [form, me] = await Promise.all([hallApi.itemForm(d.itemId), hallApi.profile().catch(() => null)]);
      item.value = form;
      profile.value = me;
      applyDraft(d);
      // typed here before the tab closed (or the session ran out) and not yet on the server
      const s = stashed();
      if (s && s.version === d.version && JSON.stringify(s.values) !== lastSaved) {
        values.value = { ...s.values };
        restored.value = true;
      } else if (s) {
        unstash();
      }
      saveState.value = restored.value ? 'pending' : 'idle';
      if (restored.value) schedule();
    } catch (e) {
      loadError.value = e instanceof ApiError && e.status === 404 ? t('hall.apply.draftNotFound') : errorMessage(e);
    } finally {
      loading.value = false;
    }
  }
  onMounted(load);

  // ── saving as the applicant types ──────────────────────────────────────────────────────
  let timer: ReturnType<typeof setTimeout> | undefined;
  let inflight: Promise<boolean> | null = null;
  const SAVE_DELAY = 800;

  const current = () => JSON.stringify(draftValues(values.value));
  watch(
    values,
    () => {
      if (!draft.value || current() === lastSaved) return;
      stash();
      saveState.value = 'pending';
      // the server's message for a field goes once the field is changed
      onEdit();
      schedule();
    },
    { deep: true },
  );
  function schedule(): void {
    clearTimeout(timer);
    timer = setTimeout(() => void saveNow(), SAVE_DELAY);
  }

  /** Saves what is typed now (after any save in flight); false when it could not be saved. */
  async function saveNow(): Promise<boolean> {
    clearTimeout(timer);
    while (inflight) await inflight;
    if (!draft.value || saveState.value === 'conflict') return saveState.value !== 'conflict';
    const body = current();
    if (body === lastSaved) {
      if (saveState.value === 'pending') saveState.value = 'saved';
      return true;
    }
    saveState.value = 'saving';
    inflight = (async () => {
      try {
        const d = await hallApi.saveDraft(id.value, version, JSON.parse(body) as Record<string, unknown>);
        version = d.version;
        lastSaved = body;
        savedAt.value = formatInstant(d.updatedAt).slice(11);
        if (current() === body) {
          unstash();
          saveState.value = 'saved';
        } else {
          stash();
          saveState.value = 'pending';
          schedule();
        }
        return true;
      } catch (e) {
        await saveFailed(e);
        return false;
      }
    })();
    try {
      return await inflight;
    } finally {
      inflight = null;
    }
  }

  async function saveFailed(e: unknown): Promise<void> {
    if (e instanceof ApiError && e.status === 409) {
      // another tab or device saved (or submitted) it meanwhile: theirs stands, this one reloads
      saveState.value = 'conflict';
      conflict.value = e.code === 'conflict' ? t('hall.apply.conflict') : errorMessage(e);
      unstash();
      try {
        const d = await hallApi.draft(id.value);
        if (d.caseId) {
          await router.replace({ name: 'me-case', params: { id: d.caseId } });
          return;
        }
        applyDraft(d);
        saveState.value = 'saved';
        savedAt.value = formatInstant(d.updatedAt).slice(11);
      } catch (err) {
        conflict.value = `${conflict.value} ${errorMessage(err)}`;
      }
      return;
    }
    // a dropped network or an expired session: the local copy keeps it; a later change or the retry saves it
    saveState.value = 'error';
  }
  function retrySave(): void {
    saveState.value = 'pending';
    void saveNow();
  }
  function online(): void {
    if (saveState.value === 'error') retrySave();
  }
  function beforeUnload(ev: BeforeUnloadEvent): void {
    if (saveState.value === 'pending' || saveState.value === 'saving' || saveState.value === 'error') ev.preventDefault();
  }
  window.addEventListener('online', online);
  window.addEventListener('beforeunload', beforeUnload);
  onBeforeUnmount(() => {
    clearTimeout(timer);
    window.removeEventListener('online', online);
    window.removeEventListener('beforeunload', beforeUnload);
  });
  // leaving: what is typed goes to the server first (a failed save — an expired session — stays in localStorage)
  onBeforeRouteLeave(async () => {
    if (draft.value && !submitted && auth.loggedIn && saveState.value === 'pending') await saveNow();
    return true;
  });

  /** submitted or discarded: nothing more to save */
  function finish(): void {
    submitted = true;
    unstash();
  }
  /** a save waiting for the typing to stop is dropped */
  function cancelPending(): void {
    clearTimeout(timer);
  }

  const saveText = computed(() => {
    switch (saveState.value) {
      case 'pending':
        return t('hall.apply.unsaved');
      case 'saving':
        return t('hall.apply.saving');
      case 'saved':
        return t('hall.apply.saved', { at: savedAt.value });
      case 'error':
        return t('hall.apply.saveError');
      case 'conflict':
        return t('hall.apply.saved', { at: savedAt.value });
      default:
        return t('hall.apply.autosave');
    }
  });

  return {
    draft, item, profile, loading, loadError, values, uploads, saveState, savedAt, conflict, restored, saveText,
    version: () => version, load, saveNow, saveFailed, retrySave, finish, cancelPending,
  };
}
