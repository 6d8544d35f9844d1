/**
 * Ask, then act: a warning confirm box; on yes the call runs and a success (or the error) is
 * shown; then `after` runs (usually a reload) whether the call worked or not. Cancelling does nothing.
 *
 *   const confirmAction = useConfirmAction();
 *   await confirmAction({ message: t('x.confirmRemove', { name }), confirmText: t('common.delete'),
 *                         run: () => api.remove(id), success: t('x.removed'), after: load });
 */
import { useI18n } from 'vue-i18n';
import { ElMessage, ElMessageBox } from 'element-plus';
import { errorMessage } from '@/api/http';

export interface ConfirmAction {
  message: string;
  confirmText: string;
  run: () => Promise<unknown>;
  success: string;
  after: () => unknown;
}

export function useConfirmAction() {
  const { t } = useI18n();

  return async function confirmAction(a: ConfirmAction): Promise<void> {
    try {
      await ElMessageBox.confirm(a.message, { type: 'warning', confirmButtonText: a.confirmText, cancelButtonText: t('common.cancel') });
    } catch {
      return;
    }
    try {
      await a.run();
      ElMessage.success(a.success);
    } catch (e) {
      ElMessage.error(errorMessage(e));
    }
    await a.after();
  };
}
