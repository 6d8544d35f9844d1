/**
 * What the settings pages (办件设置, 监察与评价设置) share: the center picker (the admin's subtree),
 * loading a center's settings into the form, naming the centers values are inherited from, and
 * saving with the version read — a 409 reloads with a message, field errors go under the fields.
 */
import { onMounted, reactive, ref, type Ref } from 'vue';
import { useI18n } from 'vue-i18n';
import { ElMessage, type FormInstance } from 'element-plus';
import { ApiError, errorMessage } from '@/api/http';
import { organisationApi } from '@/api/organisation';
import { tidyFieldErrors } from '@/components/case/useCase';
import { useFormSubmit } from '@/composables/useFormSubmit';

/** Where a value in force comes from (the settings views of both groups). */
export interface SourcedValue {
  source: string;
  sourceCenterId: string | null;
}

export interface SettingsPage<S extends { centerId: string; version: number }, F extends object, B> {
  get(centerId: string | undefined): Promise<S>;
  put(body: B, centerId: string | undefined): Promise<S>;
  formOf(s: S): F;
  bodyOf(form: F, version: number): B;
  /** the values shown with their source */
  sourced(s: S): SourcedValue[];
  /** i18n key of the "changed elsewhere, reloaded" warning */
  staleKey: string;
}

export function useSettingsPage<S extends { centerId: string; version: number }, F extends object, B>(page: SettingsPage<S, F, B>, form: F) {
  const { t } = useI18n();
  const { fe, formRef, saving, validate } = useFormSubmit<FormInstance>();
  const settings = ref<S | null>(null) as Ref<S | null>;
  const loading = ref(false);
  const loadError = ref('');
  /** the centers the admin may pick (their subtree); names for the "inherited from" line */
  const centers = ref<{ id: string; name: string; depth: number }[]>([]);
  const centerId = ref<string | undefined>(undefined);
  const names = reactive<Record<string, string>>({});

  /** The name of each center a value is inherited from (a center above the admin's may not be readable: then no name). */
  async function nameSources(s: S): Promise<void> {
    for (const { sourceCenterId: id } of page.sourced(s)) {
      if (!id || names[id]) continue;
      const known = centers.value.find((c) => c.id === id);
      if (known) names[id] = known.name;
      else await organisationApi.center(id).then((c) => (names[id] = c.name), () => undefined);
    }
  }

  function show(s: S): void {
    settings.value = s;
    centerId.value = s.centerId;
    Object.assign(form, page.formOf(s));
    void nameSources(s);
  }

  async function load(): Promise<void> {
    loading.value = true;
    loadError.value = '';
    try {
      show(await page.get(centerId.value));
      fe.clear();
      formRef.value?.clearValidate();
    } catch (e) {
      loadError.value = errorMessage(e);
    } finally {
      loading.value = false;
    }
  }

  function sourceText(v: SourcedValue): string {
    if (v.source !== 'ancestor') return t(`settings.case.source.${v.source}`);
    return t('settings.case.source.ancestor', { name: (v.sourceCenterId && names[v.sourceCenterId]) || '—' });
  }

  async function save(): Promise<void> {
    if (!settings.value || !(await validate())) return;
    saving.value = true;
    try {
      show(await page.put(page.bodyOf(form, settings.value.version), centerId.value));
      ElMessage.success(t('common.saved'));
    } catch (e) {
      if (e instanceof ApiError && e.status === 409) {
        ElMessage.warning(t(page.staleKey));
        await load();
      } else if (fe.apply(e)) tidyFieldErrors(fe.errors);
      else ElMessage.error(errorMessage(e));
    } finally {
      saving.value = false;
    }
  }

  onMounted(async () => {
    await load();
    try {
      centers.value = (await organisationApi.centers()).items.map((c) => ({ id: c.id, name: c.name, depth: c.depth }));
      if (settings.value) void nameSources(settings.value);
    } catch {
      centers.value = []; // no picker: the admin's own center
    }
  });

  return { fe, formRef, saving, settings, loading, loadError, centers, centerId, load, save, sourceText };
}
