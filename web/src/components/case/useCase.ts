/**
 * The case a page shows, and the moves made on it from dialogs.
 *
 *   const { view, loading, loadError, load, set } = useCaseLoader(() => props.id);
 *   <SomeDialog … @done="set" @stale="load" />
 *
 * A dialog's move: `const { run, … } = useMoveForm(visible, emit)` then
 * `run(() => casesApi.refuse(id, body), t('cases.done.refuse'))` — on success the dialog closes and
 * emits `done` with the case as the server now has it; a 409 (someone moved the case first, or the
 * move no longer fits its status) shows the server's message, closes and emits `stale` (reload);
 * any other error stays in the dialog (field errors under their fields).
 */
import { ref, watch, type Ref } from 'vue';
import { useI18n } from 'vue-i18n';
import { ElMessage } from 'element-plus';
import { ApiError, errorMessage } from '@/api/http';
import { casesApi, type CaseView } from '@/api/cases';
import { useFormSubmit } from '@/composables/useFormSubmit';
import { formatInstant } from '@/utils/format';

/** 409: a stale version, or a move the case's status no longer allows. */
export const isStale = (e: unknown): boolean => e instanceof ApiError && e.status === 409;

export interface MoveEmit {
  (e: 'done', view: CaseView): void;
  (e: 'stale'): void;
}

export function useCaseLoader(id: () => string) {
  const { t } = useI18n();
  const view = ref<CaseView | null>(null);
  const loading = ref(false);
  const loadError = ref('');

  async function load(): Promise<void> {
    const current = id();
    if (!current) return;
    loading.value = true;
    loadError.value = '';
    try {
      view.value = await casesApi.get(current);
    } catch (e) {
      loadError.value = e instanceof ApiError && (e.status === 404 || e.status === 403) ? t('cases.detail.notFound') : errorMessage(e);
    } finally {
      loading.value = false;
    }
  }
  function set(v: CaseView): void {
    view.value = v;
  }
  watch(id, () => void load(), { immediate: true });
  return { view, loading, loadError, load, set };
}

/** Some server field messages repeat the field's path ("applicant.uscc：…"): under the field that is noise. */
export function tidyFieldErrors(errors: Record<string, string | undefined>): void {
  for (const [k, m] of Object.entries(errors)) {
    if (m && (m.startsWith(`${k}：`) || m.startsWith(`${k}:`))) errors[k] = m.slice(k.length + 1).trim();
  }
}

/**
 * `shown`: the field paths the dialog shows errors under (a prefix covers its children, e.g.
 * `materials` covers `materials.0.code`); an error naming none of them is shown as a message.
 */
export function useMoveForm(visible: Ref<boolean>, emit: MoveEmit, shown: readonly string[]) {
  const form = useFormSubmit();
  const isShown = (k: string) => shown.some((s) => k === s || k.startsWith(`${s}.`));

  async function run(call: () => Promise<CaseView>, success: string): Promise<void> {
    form.saving.value = true;
    try {
      const v = await call();
      ElMessage.success(success);
      visible.value = false;
      emit('done', v);
    } catch (e) {
      if (isStale(e)) {
        ElMessage.error(errorMessage(e));
        visible.value = false;
        emit('stale');
        return;
      }
      form.fe.apply(e);
      tidyFieldErrors(form.fe.errors);
      if (!Object.keys(form.fe.errors).some(isShown)) ElMessage.error(errorMessage(e));
    } finally {
      form.saving.value = false;
    }
  }

  return { ...form, run };
}

/** Lines of a textarea → a list (blank lines dropped). */
export const linesOf = (text: string): string[] =>
  text
    .split('\n')
    .map((s) => s.trim())
    .filter(Boolean);

/** The error of a field or, for a list, of its first line (`legalBasis` → `legalBasis.2`). */
export function errorAt(errors: Record<string, string | undefined>, path: string): string | undefined {
  if (errors[path]) return errors[path];
  const k = Object.keys(errors).find((x) => x.startsWith(`${path}.`) && errors[x]);
  return k ? errors[k] : undefined;
}

/** Today's date in the center's zone (Asia/Shanghai), YYYY-MM-DD — for the ID number's birth-date check. */
export const todayInCenter = (): string => formatInstant(new Date().toISOString()).slice(0, 10);
