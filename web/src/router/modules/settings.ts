/**
 * 系统管理 › 办件设置: a center's case settings (warning light lead time, supplement period);
 * › 监察与评价设置: its supervision/evaluation settings (rating period, default level, rectification, follow-up, orders).
 */
import { Setting } from '@element-plus/icons-vue';
import type { AdminRoutes } from '../types';

const routes: AdminRoutes = [
  {
    path: 'settings/case',
    name: 'admin-settings-case',
    component: () => import('@/views/settings/CaseSettingsView.vue'),
    meta: { title: 'settings.menu.case', permission: 'settings:manage', menu: true, icon: Setting, order: 880, group: 'layout.menu.system' },
  },
  {
    path: 'settings/supervision',
    name: 'admin-settings-supervision',
    component: () => import('@/views/settings/SupervisionSettingsView.vue'),
    meta: { title: 'settings.menu.supervision', permission: 'settings:manage', menu: true, icon: Setting, order: 881, group: 'layout.menu.system' },
  },
];
export default routes;
