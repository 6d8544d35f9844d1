/**
 * The checks and the submit of an online application: the shared validator's messages as the
 * applicant types (once a field is touched, all of them after a submit attempt), the required
 * materials, the real-name identity, the server's messages on submit; the uploads; submit (runs
 * once, then the case page) and discard.
 */
import { computed, ref, type Ref } from 'vue';
import { useI18n } from 'vue-i18n';
import { useRouter } from 'vue-router';
import { ElMessage, ElMessageBox } from 'element-plus';
import { ApiError, errorMessage } from '@/api/http';
import { hallApi, type UploadView } from '@/api/hall';
import type { UploadLine } from '@/components/hall/MaterialUploads.vue';
import { useAuthStore } from '@/stores/auth';
import { formErrors, tidy } from './form';
import type { useDraftAutosave } from './useDraftAutosave';

export function useApplySubmit(id: Ref<string>, d: ReturnType<typeof useDraftAutosave>) {
  const { t } = useI18n();
  const router = useRouter();
  const auth = useAuthStore();
  const { draft, item, profile, values, uploads, saveState } = d;

  // ── checks: the shared validator as typed, the server's on submit ─────────────────────
  const touched = ref<Set<string>>(new Set());
  const attempted = ref(false);
  const serverErrors = ref<Record<string, string>>({});
  const schema = computed(() => item.value?.formSchema ?? {});
  const clientErrors = computed(() => formErrors(schema.value, values.value));
  const fieldErrors = computed<Record<string, string | undefined>>(() => {
    const out: Record<string, string | undefined> = { ...serverErrors.value };
    for (const [k, m] of Object.entries(clientErrors.value)) {
      if (attempted.value || touched.value.has(k.slice('form.'.length))) out[k] = m;
    }
    return out;
  });
  function touch(name: string): void {
    touched.value = new Set([...touched.value, name]);
  }
  /** the server's messages for the form go once it is changed */
  function clearFormErrors(): void {
    for (const k of Object.keys(serverErrors.value)) if (k.startsWith('form.')) delete serverErrors.value[k];
  }

  const lines = computed<UploadLine[]>(() => (item.value?.materials ?? []).map((m) => ({ code: m.code, name: m.name, required: m.required, notes: m.notes })));
  const missingMaterials = computed(() => lines.value.filter((l) => l.required && !uploads.value.some((u) => u.materialCode === l.code)));
  const materialErrors = computed<Record<string, string | undefined>>(() => {
    const out: Record<string, string | undefined> = {};
    for (const [k, m] of Object.entries(serverErrors.value)) if (k.startsWith('materials.')) out[k] = m;
    if (attempted.value) for (const l of missingMaterials.value) out[`materials.${l.code}`] ??= t('hall.apply.uploadRequired', { name: l.name });
    return out;
  });

  const forSelf = computed(() => !draft.value || draft.value.principal.userId === auth.user?.id);
  const needsIdentity = computed(() => forSelf.value && profile.value !== null && profile.value.identity === null);
  const identityError = ref('');

  async function uploadFile(code: string, file: File): Promise<UploadView> {
    const u = await hallApi.uploadDraftFile(id.value, code, file);
    uploads.value = [...uploads.value, u];
    delete serverErrors.value[`materials.${code}`];
    return u;
  }
  async function removeFile(u: UploadView): Promise<void> {
    await hallApi.removeDraftFile(id.value, u.id);
    uploads.value = uploads.value.filter((x) => x.id !== u.id);
  }

  // ── submit ─────────────────────────────────────────────────────────────────────────────
  const submitting = ref(false);
  const problems = computed(() => {
    if (!attempted.value) return [] as string[];
    const out = Object.values(fieldErrors.value).filter((m): m is string => !!m);
    out.push(...Object.values(materialErrors.value).filter((m): m is string => !!m));
    if (identityError.value) out.push(identityError.value);
    return [...new Set(out)];
  });

  function scrollToFirstError(): void {
    requestAnimationFrame(() => {
      const el = document.querySelector('.apply-page .is-error, .apply-page .line.bad, .apply-page [data-testid="apply-identity"]');
      el?.scrollIntoView({ behavior: 'smooth', block: 'center' });
    });
  }

  async function submit(): Promise<void> {
    if (submitting.value || !draft.value) return;
    submitting.value = true;
    attempted.value = true;
    identityError.value = '';
    try {
      if (!(await d.saveNow())) {
        if (saveState.value !== 'conflict') ElMessage.error(t('hall.apply.saveFailed'));
        return;
      }
      if (needsIdentity.value) identityError.value = t('hall.apply.identityRequired');
      if (Object.keys(clientErrors.value).length || missingMaterials.value.length || identityError.value) {
        scrollToFirstError();
        return;
      }
      serverErrors.value = {};
      const c = await hallApi.submitDraft(id.value, d.version());
      d.finish();
      ElMessage.success(t('hall.apply.submitted'));
      await router.replace({ name: 'me-case', params: { id: c.id } });
    } catch (e) {
      if (e instanceof ApiError && e.status === 409) {
        await d.saveFailed(e);
        return;
      }
      if (e instanceof ApiError && e.fields.length) {
        const out: Record<string, string> = {};
        for (const f of e.fields) {
          if (f.field === 'identity') identityError.value = e.message;
          else out[f.field.split('.').slice(0, 2).join('.')] ??= tidy(f.field, f.message);
        }
        serverErrors.value = out;
        if (!Object.keys(out).length && !identityError.value) ElMessage.error(errorMessage(e));
        scrollToFirstError();
      } else {
        ElMessage.error(errorMessage(e));
      }
    } finally {
      submitting.value = false;
    }
  }

  async function discard(): Promise<void> {
    try {
      await ElMessageBox.confirm(t('hall.drafts.confirmDiscard'), t('hall.drafts.discard'), { type: 'warning', confirmButtonText: t('common.delete'), cancelButtonText: t('common.cancel') });
    } catch {
      return;
    }
    try {
      d.cancelPending();
      await hallApi.discardDraft(id.value);
      d.finish();
      ElMessage.success(t('hall.drafts.discarded'));
      await router.replace({ name: 'me-drafts' });
    } catch (e) {
      ElMessage.error(errorMessage(e));
    }
  }

  return { fieldErrors, touch, clearFormErrors, lines, materialErrors, needsIdentity, identityError, uploadFile, removeFile, submitting, problems, submit, discard };
}
