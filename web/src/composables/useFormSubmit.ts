/**
 * The save of an el-form whose server field errors land next to the fields:
 *
 *   const { fe, formRef, saving, validate, submit } = useFormSubmit();
 *   async function save() {
 *     if (!(await validate())) return;                 // clears the last server errors, runs the rules
 *     await submit(async () => { await api.save(model); ElMessage.success(t('common.saved')) });
 *   }
 *   <el-form ref="formRef" …>  (or <FormDialog ref="formRef" …>)  <el-form-item :error="fe.errors.x"> …
 *
 * `submit` keeps `saving` on while it runs; an error naming fields goes to `fe`, any other to
 * `onError` (default: an error message).
 */
import { ref, watch, type Ref } from 'vue';
import { ElMessage } from 'element-plus';
import { errorMessage } from '@/api/http';
import { useFormErrors } from './useFormErrors';

/** What a save needs of the form: an el-form instance, or FormDialog (it exposes the same two). */
export interface FormHandle {
  validate: () => Promise<unknown>;
  clearValidate: () => void;
}

export function useFormSubmit<F extends FormHandle = FormHandle>() {
  const fe = useFormErrors();
  const formRef = ref<F>();
  const saving = ref(false);

  /** Clears the server's field errors, then runs the client rules: true when they pass. */
  async function validate(): Promise<boolean> {
    fe.clear();
    return !!(await formRef.value?.validate().catch(() => false));
  }

  async function submit(action: () => Promise<void>, onError: (message: string) => void = (m) => ElMessage.error(m)): Promise<void> {
    saving.value = true;
    try {
      await action();
    } catch (e) {
      if (!fe.apply(e)) onError(errorMessage(e));
    } finally {
      saving.value = false;
    }
  }

  /** A fresh start when a dialog opens: no server errors, no rule messages. */
  function reset(): void {
    fe.clear();
    formRef.value?.clearValidate();
  }

  return { fe, formRef, saving, validate, submit, reset };
}

/**
 * useFormSubmit for a dialog that creates a record or edits one. Each time the dialog opens it
 * starts over (no server errors, no rule messages, no load error), then either fills the blank
 * form (`blank`) or fetches the record (`load`) under the form's spinner (`loading`); a failed
 * fetch goes to `loadError`, which FormDialog shows instead of the form.
 *
 *   const { fe, formRef, saving, loading, loadError, validate, submit } = useRecordForm({
 *     visible, editId: () => props.editId,
 *     blank: () => Object.assign(form, emptyX()),
 *     load: async (id) => { const r = await api.get(id); version.value = r.version; Object.assign(form, …) },
 *   });
 */
export function useRecordForm<F extends FormHandle = FormHandle>(o: {
  visible: Ref<boolean>;
  editId: () => string | null | undefined;
  blank: () => void;
  load: (id: string) => Promise<void>;
}) {
  const form = useFormSubmit<F>();
  const loading = ref(false);
  const loadError = ref('');

  async function open(): Promise<void> {
    form.reset();
    loadError.value = '';
    const id = o.editId();
    if (!id) {
      o.blank();
      return;
    }
    loading.value = true;
    try {
      await o.load(id);
    } catch (e) {
      loadError.value = errorMessage(e);
    } finally {
      loading.value = false;
    }
  }
  watch(o.visible, (isOpen) => {
    if (isOpen) void open();
  });

  return { ...form, loading, loadError };
}
