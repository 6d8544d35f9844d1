/** 联审会 (joint review meetings on joint cases): the list, scheduling and the record. */
import { Calendar } from '@element-plus/icons-vue';
import type { AdminRoutes } from '../types';

const routes: AdminRoutes = [
  {
    path: 'meetings',
    name: 'admin-meetings',
    component: () => import('@/views/meetings/MeetingsView.vue'),
    meta: { title: 'meetings.menu.meetings', permission: 'case:read', menu: true, icon: Calendar, order: 485 },
  },
];
export default routes;
