/**
 * 停用 / 启用 of a center, department, window or staff account from its list: a confirm box naming
 * the record, the call with the row's version, a message, then the list reloads.
 *
 *   const toggleActive = useActiveToggle({ section: 'departments', name: (d) => d.name,
 *     activate: organisationApi.activateDepartment, deactivate: organisationApi.deactivateDepartment, reload: load });
 */
import { useI18n } from 'vue-i18n';
import { useConfirmAction } from '@/composables/useConfirmAction';

interface Switchable {
  id: string;
  version: number;
  active: boolean;
}

export function useActiveToggle<T extends Switchable>(o: {
  /** the locale section holding confirmDeactivate / confirmActivate */
  section: 'centers' | 'departments' | 'windows' | 'staff';
  /** how the confirm box names the record */
  name: (row: T) => string;
  activate: (id: string, version: number) => Promise<unknown>;
  deactivate: (id: string, version: number) => Promise<unknown>;
  reload: () => Promise<void>;
}) {
  const { t } = useI18n();
  const confirmAction = useConfirmAction();

  return (row: T): Promise<void> => {
    const off = row.active;
    return confirmAction({
      message: t(`organisation.${o.section}.${off ? 'confirmDeactivate' : 'confirmActivate'}`, { name: o.name(row) }),
      confirmText: t(off ? 'organisation.common.deactivate' : 'organisation.common.activate'),
      run: () => (off ? o.deactivate : o.activate)(row.id, row.version),
      success: t(off ? 'organisation.common.deactivated' : 'organisation.common.activated'),
      after: o.reload,
    });
  };
}
