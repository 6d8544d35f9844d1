/** The shell's own admin pages: workbench home and password change. */
import { HomeFilled, Lock } from '@element-plus/icons-vue';
import type { AdminRoutes } from '../types';

const routes: AdminRoutes = [
  {
    path: '',
    name: 'admin-home',
    component: () => import('@/views/workbench/WorkbenchView.vue'),
    meta: { title: 'layout.menu.adminHome', menu: true, icon: HomeFilled, order: 0 },
  },
  {
    path: 'password',
    name: 'admin-password',
    component: () => import('@/views/auth/PasswordView.vue'),
    meta: { title: 'layout.menu.password', menu: false, icon: Lock },
  },
];
export default routes;
