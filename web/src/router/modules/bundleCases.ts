/** 一件事办件 (bundle runs): the window's intake of a bundle, the list, one run. */
import { Connection, Files } from '@element-plus/icons-vue';
import type { AdminRoutes } from '../types';

const group = 'cases.menu.group';

const routes: AdminRoutes = [
  {
    path: 'bundle-runs/new',
    name: 'admin-bundle-run-start',
    component: () => import('@/views/bundle-cases/BundleRunStartView.vue'),
    meta: { title: 'bundleCases.menu.start', permission: 'case:intake', menu: true, icon: Connection, order: 405, group },
  },
  {
    path: 'bundle-runs',
    name: 'admin-bundle-runs',
    component: () => import('@/views/bundle-cases/BundleRunListView.vue'),
    meta: { title: 'bundleCases.menu.list', permission: 'case:read', menu: true, icon: Files, order: 435, group },
  },
  {
    path: 'bundle-runs/:id',
    name: 'admin-bundle-run',
    component: () => import('@/views/bundle-cases/BundleRunDetailView.vue'),
    meta: { title: 'bundleCases.menu.detail', permission: 'case:read', activeMenu: '/admin/bundle-runs' },
  },
];
export default routes;
