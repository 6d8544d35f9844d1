/**
 * Server field errors next to the fields of an el-form:
 *
 *   const fe = useFormErrors();
 *   try { fe.clear(); await api.save(model) } catch (e) { if (!fe.apply(e)) ElMessage.error(errorMessage(e)) }
 *   <el-form-item prop="promisedLimit" :error="fe.errors.promisedLimit"> …
 *
 * `apply` returns true when the error named at least one field (then the form shows it).
 * Keys are the server's JSON paths (`materials.2.code`), the same strings as el-form-item `prop`.
 */
import { reactive } from 'vue';
import { ApiError } from '@/api/http';

export function useFormErrors() {
  const errors = reactive<Record<string, string | undefined>>({});

  function clear(): void {
    for (const k of Object.keys(errors)) delete errors[k];
  }

  function apply(err: unknown): boolean {
    clear();
    if (!(err instanceof ApiError) || err.fields.length === 0) return false;
    Object.assign(errors, err.fieldMap());
    return true;
  }

  return { errors, clear, apply };
}
