/** 一件事网上申请 at the window: the online bundle applications waiting, one with accept / return. */
import { Promotion } from '@element-plus/icons-vue';
import type { AdminRoutes } from '../types';

const routes: AdminRoutes = [
  {
    path: 'bundle-applications',
    name: 'admin-bundle-applications',
    component: () => import('@/views/bundle-online/WindowApplicationsView.vue'),
    meta: { title: 'bundleOnline.menu.waiting', permission: 'case:intake', menu: true, icon: Promotion, order: 406, group: 'cases.menu.group' },
  },
  {
    path: 'bundle-applications/:id',
    name: 'admin-bundle-application',
    component: () => import('@/views/bundle-online/WindowApplicationView.vue'),
    meta: { title: 'bundleOnline.menu.detail', permission: 'case:intake', activeMenu: '/admin/bundle-applications' },
  },
];
export default routes;
