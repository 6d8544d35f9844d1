/** The online hall's staff side: consultations (网上咨询) the department answers, in the window workbench group. */
import { ChatDotRound } from '@element-plus/icons-vue';
import type { AdminRoutes } from '../types';

const routes: AdminRoutes = [
  {
    path: 'consultations',
    name: 'admin-consultations',
    component: () => import('@/views/hall/StaffConsultationsView.vue'),
    // the server lets those who accept, review or decide the department's cases answer
    meta: { title: 'hall.staff.consultTitle', permission: ['case:accept', 'case:review', 'case:decide'], menu: true, icon: ChatDotRound, order: 470, group: 'cases.menu.group' },
  },
];
export default routes;
