import { Document } from '@element-plus/icons-vue';
import type { AdminRoutes } from '../types';

const routes: AdminRoutes = [
  {
    path: 'audit',
    name: 'admin-audit',
    component: () => import('@/views/audit/AuditView.vue'),
    meta: { title: 'layout.menu.audit', permission: 'audit:read', menu: true, icon: Document, order: 900, group: 'layout.menu.system' },
  },
];
export default routes;
