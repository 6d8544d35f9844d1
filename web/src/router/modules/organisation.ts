/** Organisation administration (组织机构): centers, departments, windows, staff, delegations. */
import { Files, OfficeBuilding, School, Stamp, UserFilled } from '@element-plus/icons-vue';
import type { AdminRoutes } from '../types';

const group = 'organisation.menu.group';

const routes: AdminRoutes = [
  {
    path: 'organisation/centers',
    name: 'admin-centers',
    component: () => import('@/views/organisation/CentersView.vue'),
    meta: { title: 'organisation.menu.centers', permission: 'org:read', menu: true, icon: School, order: 110, group, groupIcon: OfficeBuilding },
  },
  {
    path: 'organisation/departments',
    name: 'admin-departments',
    component: () => import('@/views/organisation/DepartmentsView.vue'),
    meta: { title: 'organisation.menu.departments', permission: 'org:read', menu: true, icon: OfficeBuilding, order: 120, group },
  },
  {
    path: 'organisation/windows',
    name: 'admin-windows',
    component: () => import('@/views/organisation/WindowsView.vue'),
    meta: { title: 'organisation.menu.windows', permission: 'org:read', menu: true, icon: Files, order: 130, group },
  },
  {
    path: 'organisation/staff',
    name: 'admin-staff',
    component: () => import('@/views/organisation/StaffView.vue'),
    meta: { title: 'organisation.menu.staff', permission: 'user:read', menu: true, icon: UserFilled, order: 140, group },
  },
  {
    path: 'organisation/delegations',
    name: 'admin-delegations',
    component: () => import('@/views/organisation/DelegationsView.vue'),
    meta: { title: 'organisation.menu.delegations', permission: 'delegation:manage', menu: true, icon: Stamp, order: 150, group },
  },
];
export default routes;
