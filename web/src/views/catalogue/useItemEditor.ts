/**
 * State and moves of the item editor: load the draft, save (create / PUT draft with its version),
 * publish, and turn every problem — the client rules' or the server's — into field errors plus
 * one summary list. The page (ItemEditView.vue) only lays it out.
 */
import { computed, reactive, ref } from 'vue';
import type { FormInstance } from 'element-plus';
import { catalogueApi, type AdminItemDetail } from '@/api/catalogue';
import { ApiError, errorMessage } from '@/api/http';
import { useFormErrors } from '@/composables/useFormErrors';
import type { Problem } from '@/components/catalogue/errors';
import { emptyForm, fingerprint, normalisePath, tabOf, TABS, toData, toForm, type ItemForm } from './item-form';

export type ProblemKind = 'save' | 'publish';

export function useItemEditor() {
  const form = reactive<ItemForm>(emptyForm());
  const detail = ref<AdminItemDetail | null>(null);
  const fe = useFormErrors();
  const problems = ref<Problem[]>([]);
  const problemKind = ref<ProblemKind>('save');
  const conflict = ref(false);
  const loading = ref(false);
  const loadError = ref('');
  const fileNames = reactive<Record<string, string>>({});
  const saved = ref(fingerprint(form));
  const dirty = computed(() => fingerprint(form) !== saved.value);

  function reset(data: ItemForm): void {
    Object.assign(form, data);
    saved.value = fingerprint(form);
  }

  function clearProblems(): void {
    fe.clear();
    problems.value = [];
    conflict.value = false;
  }

  /** Loads item `id`; a draft fills the form. New items start empty. */
  async function load(id: string | null): Promise<void> {
    clearProblems();
    loadError.value = '';
    if (!id) {
      detail.value = null;
      reset(emptyForm());
      return;
    }
    loading.value = true;
    try {
      const d = await catalogueApi.get(id);
      detail.value = d;
      reset(d.draft ? toForm(d.draft.data) : emptyForm());
      if (d.draft) void loadFileNames(id, d.draft.versionNo);
    } catch (e) {
      loadError.value = errorMessage(e);
    } finally {
      loading.value = false;
    }
  }

  /** Names of the forms already attached (the version's guide carries them); best effort. */
  async function loadFileNames(id: string, versionNo: number): Promise<void> {
    try {
      const { guide } = await catalogueApi.version(id, versionNo);
      for (const m of guide.materials) {
        if (m.sampleFile) fileNames[m.sampleFile.id] = m.sampleFile.name;
        if (m.blankFile) fileNames[m.blankFile.id] = m.blankFile.name;
      }
    } catch {
      // the form still works: the file shows as 已上传文件 and can be replaced
    }
  }

  const tabRank = (f: string) => TABS.indexOf(tabOf(f));
  function show(list: Problem[], kind: ProblemKind): void {
    problemKind.value = kind;
    problems.value = [...list].sort((a, b) => tabRank(a.field) - tabRank(b.field));
  }

  /** Runs the client rules; their messages go to the summary (the fields show them already). */
  async function checkClient(formRef: FormInstance | undefined): Promise<boolean> {
    if (!formRef) return true;
    try {
      await formRef.validate();
      return true;
    } catch (invalid) {
      const fields = (invalid ?? {}) as Record<string, { message?: string }[]>;
      show(
        Object.entries(fields).map(([field, errs]) => ({ field, message: errs[0]?.message ?? '' })),
        'save',
      );
      return false;
    }
  }

  /** A server error: field errors next to the fields and in the summary, or a conflict banner. */
  function showServerError(e: unknown, kind: ProblemKind): string | null {
    if (e instanceof ApiError && e.status === 409 && e.code === 'conflict' && e.fields.length === 0) {
      conflict.value = true;
      return null;
    }
    if (fe.apply(e)) {
      for (const k of Object.keys(fe.errors)) {
        const n = normalisePath(k);
        if (n !== k) {
          fe.errors[n] = fe.errors[k];
          delete fe.errors[k];
        }
      }
      show((e as ApiError).fields.map((f) => ({ field: normalisePath(f.field), message: f.message })), kind);
      return null;
    }
    return errorMessage(e);
  }

  /** Saves (creates the item or replaces its draft). Returns the new detail, or null with the problems shown. */
  async function save(formRef: FormInstance | undefined): Promise<{ detail: AdminItemDetail; created: boolean } | { error: string | null }> {
    clearProblems();
    if (!(await checkClient(formRef))) return { error: null };
    const data = toData(form);
    try {
      const current = detail.value;
      const created = !current;
      let d: AdminItemDetail;
      if (!current) d = await catalogueApi.create(data);
      else if (current.draft) d = await catalogueApi.saveDraft(current.item.id, current.draft.version, data);
      else return { error: null };
      detail.value = d;
      saved.value = fingerprint(form);
      return { detail: d, created };
    } catch (e) {
      return { error: showServerError(e, 'save') };
    }
  }

  /** Publishes the current draft at the version it was read at. */
  async function publish(): Promise<AdminItemDetail | { error: string | null }> {
    const d = detail.value;
    if (!d?.draft) return { error: null };
    clearProblems();
    try {
      const r = await catalogueApi.publish(d.item.id, d.draft.version);
      detail.value = r;
      return r;
    } catch (e) {
      return { error: showServerError(e, 'publish') };
    }
  }

  return { form, detail, fe, problems, problemKind, conflict, loading, loadError, fileNames, dirty, load, save, publish, clearProblems, markSaved: () => (saved.value = fingerprint(form)) };
}
