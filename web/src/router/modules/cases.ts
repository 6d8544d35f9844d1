/** 窗口工作台 (DESIGN §4): intake, today's and my cases, the case search, the case page; the supervisor's refusal rechecks. */
import { DocumentAdd, Finished, Search, Stamp, Tickets, Warning } from '@element-plus/icons-vue';
import type { AdminRoutes } from '../types';

const group = 'cases.menu.group';
const list = () => import('@/views/cases/CaseListView.vue');

const routes: AdminRoutes = [
  {
    path: 'cases/new',
    name: 'admin-case-intake',
    component: () => import('@/views/cases/IntakeView.vue'),
    meta: { title: 'cases.menu.intake', permission: 'case:intake', menu: true, icon: DocumentAdd, order: 400, group, groupIcon: Stamp },
  },
  {
    path: 'cases/today',
    name: 'admin-cases-today',
    component: list,
    props: { view: 'today' },
    meta: { title: 'cases.menu.today', permission: ['case:intake', 'case:accept'], menu: true, icon: Tickets, order: 410, group },
  },
  {
    path: 'cases/mine',
    name: 'admin-cases-mine',
    component: list,
    props: { view: 'mine' },
    meta: { title: 'cases.menu.mine', permission: 'case:intake', menu: true, icon: Finished, order: 420, group },
  },
  {
    path: 'cases',
    name: 'admin-cases',
    component: list,
    props: { view: 'all' },
    meta: { title: 'cases.menu.search', permission: ['case:intake', 'case:accept'], menu: true, icon: Search, order: 430, group },
  },
  {
    // the supervision office's list: refused cases, where an applicant's 复核 request is answered
    path: 'rechecks',
    name: 'admin-rechecks',
    component: list,
    props: { view: 'all', status: 'notAccepted' },
    meta: { title: 'cases.menu.rechecks', permission: 'case:recheck', menu: true, icon: Warning, order: 480 },
  },
  {
    path: 'cases/:id',
    name: 'admin-case',
    component: () => import('@/views/cases/CaseDetailView.vue'),
    meta: { title: 'cases.menu.detail', permission: 'case:read', activeMenu: '/admin/cases' },
  },
];
export default routes;
