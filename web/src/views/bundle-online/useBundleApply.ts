/**
 * The checks and the submit of an online bundle application: the shared validator's messages as
 * the applicant types (once a field is touched, all after a submit attempt), the required
 * materials, the server's messages on submit (`form.<key>`, `materials.<code>`, the real name),
 * the uploads (each stored at once as the applicant's; removing one only drops it from this
 * application), and submit — once — then the application's page.
 */
import { computed, ref, type Ref } from 'vue';
import { useI18n } from 'vue-i18n';
import { useRouter } from 'vue-router';
import { ElMessage } from 'element-plus';
import { ApiError, errorMessage } from '@/api/http';
import type { UploadView } from '@/api/hall';
import { bundleOnlineApi } from '@/api/bundleOnline';
import type { PublicBundleDetail } from '@/api/bundleCases';
import type { UploadLine } from '@/components/hall/MaterialUploads.vue';
import { formErrors, tidy } from '@/views/hall/form';

export function useBundleApply(bundle: Ref<PublicBundleDetail | null>) {
  const { t } = useI18n();
  const router = useRouter();
  const values = ref<Record<string, unknown>>({});
  const uploads = ref<UploadView[]>([]);

  const touched = ref<Set<string>>(new Set());
  const attempted = ref(false);
  const serverErrors = ref<Record<string, string>>({});
  const identityError = ref('');
  const clientErrors = computed(() => formErrors(bundle.value?.form.schema ?? {}, values.value));
  const fieldErrors = computed<Record<string, string | undefined>>(() => {
    const out: Record<string, string | undefined> = {};
    for (const [k, m] of Object.entries(serverErrors.value)) if (k.startsWith('form.')) out[k] = m;
    for (const [k, m] of Object.entries(clientErrors.value)) if (attempted.value || touched.value.has(k.slice('form.'.length))) out[k] = m;
    return out;
  });
  const touch = (name: string) => (touched.value = new Set([...touched.value, name]));

  const lines = computed<UploadLine[]>(() => (bundle.value?.materials ?? []).map((m) => ({ code: m.code, name: m.name, required: m.required, notes: m.notes })));
  const materialErrors = computed<Record<string, string | undefined>>(() => {
    const out: Record<string, string | undefined> = {};
    for (const [k, m] of Object.entries(serverErrors.value)) if (k.startsWith('materials.')) out[k] = m;
    if (attempted.value) {
      for (const l of lines.value) if (l.required && !uploads.value.some((u) => u.materialCode === l.code)) out[`materials.${l.code}`] ??= t('hall.apply.uploadRequired', { name: l.name });
    }
    return out;
  });

  async function uploadFile(code: string, file: File): Promise<UploadView> {
    const u = await bundleOnlineApi.upload(bundle.value!.id, code, file);
    const view: UploadView = { ...u, id: u.fileId };
    uploads.value = [...uploads.value, view];
    delete serverErrors.value[`materials.${code}`];
    return view;
  }
  async function removeFile(u: UploadView): Promise<void> {
    uploads.value = uploads.value.filter((x) => x.id !== u.id);
  }

  const submitting = ref(false);
  const problems = computed(() => {
    if (!attempted.value) return [] as string[];
    const out = [...Object.values(fieldErrors.value), ...Object.values(materialErrors.value), identityError.value];
    return [...new Set(out.filter((m): m is string => !!m))];
  });

  async function submit(): Promise<void> {
    if (submitting.value || !bundle.value) return;
    attempted.value = true;
    serverErrors.value = {};
    identityError.value = '';
    if (problems.value.length) return;
    submitting.value = true;
    try {
      const v = await bundleOnlineApi.submit({
        bundleId: bundle.value.id,
        form: values.value,
        materials: uploads.value.map((u) => ({ code: u.materialCode, fileId: u.fileId })),
      });
      ElMessage.success(t('bundleOnline.apply.submitted'));
      await router.push({ name: 'me-bundle-application', params: { id: v.id } });
    } catch (e) {
      if (e instanceof ApiError && e.status === 422) identityError.value = errorMessage(e);
      else if (e instanceof ApiError && e.fields.length) serverErrors.value = Object.fromEntries(e.fields.map((f) => [f.field, tidy(f.field, f.message)]));
      else ElMessage.error(errorMessage(e));
    } finally {
      submitting.value = false;
    }
  }

  return { values, uploads, fieldErrors, touch, lines, materialErrors, identityError, uploadFile, removeFile, submitting, problems, submit };
}
