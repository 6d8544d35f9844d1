/** The working-day calendar (工作日历): holidays, 调休, center overrides, imports. */
import { Calendar } from '@element-plus/icons-vue';
import type { AdminRoutes } from '../types';

const routes: AdminRoutes = [
  {
    path: 'calendar',
    name: 'admin-calendar',
    component: () => import('@/views/calendar/CalendarView.vue'),
    meta: { title: 'calendar.menu.calendar', permission: 'calendar:manage', menu: true, icon: Calendar, order: 300 },
  },
];
export default routes;
