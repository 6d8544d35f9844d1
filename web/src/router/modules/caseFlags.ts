/** 信用记录 and 否定报备 (DESIGN §4 "Work items", 容缺受理), in the supervision menu group. */
import { DocumentDelete, UserFilled } from '@element-plus/icons-vue';
import type { AdminRoutes } from '../types';

const group = 'supervision.menu.group';

const routes: AdminRoutes = [
  {
    path: 'supervision/credit-records',
    name: 'admin-credit-records',
    component: () => import('@/views/case-flags/CreditRecordsView.vue'),
    meta: { title: 'caseFlags.menu.credit', permission: 'supervision:read', menu: true, icon: UserFilled, order: 590, group },
  },
  {
    path: 'supervision/denial-reports',
    name: 'admin-denial-reports',
    component: () => import('@/views/case-flags/DenialReportsView.vue'),
    meta: { title: 'caseFlags.menu.denials', permission: 'supervision:read', menu: true, icon: DocumentDelete, order: 595, group },
  },
];
export default routes;
