/** The shell's own admin pages: workbench home, password change, the message box. */
import { Bell, HomeFilled, Lock } from '@element-plus/icons-vue';
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
  {
    // staff's own messages (applicants use /me/messages in the public layout); from the header's bell
    path: 'messages',
    name: 'admin-messages',
    component: () => import('@/views/messages/MessagesView.vue'),
    meta: { title: 'messages.title', menu: false, icon: Bell },
  },
];
export default routes;
