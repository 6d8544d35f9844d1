/** 部门审查 (DESIGN §4 "Work items"): the task inbox, the department's cases, the review page of a case. */
import { Checked, Files, List } from '@element-plus/icons-vue';
import type { AdminRoutes } from '../types';

const group = 'review.menu.group';
const permission = ['case:review', 'case:decide'] as const;

const routes: AdminRoutes = [
  {
    path: 'review/tasks',
    name: 'admin-review-tasks',
    component: () => import('@/views/review/TaskInboxView.vue'),
    meta: { title: 'review.menu.tasks', permission, menu: true, icon: List, order: 460, group, groupIcon: Checked },
  },
  {
    path: 'review/cases',
    name: 'admin-review-cases',
    component: () => import('@/views/cases/CaseListView.vue'),
    props: { view: 'all', detail: 'admin-review-case' },
    meta: { title: 'review.menu.cases', permission, menu: true, icon: Files, order: 470, group },
  },
  {
    path: 'review/cases/:id',
    name: 'admin-review-case',
    component: () => import('@/views/review/ReviewCaseView.vue'),
    meta: { title: 'review.menu.case', permission, activeMenu: '/admin/review/tasks' },
  },
];
export default routes;
