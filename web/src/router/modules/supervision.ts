/** 电子监察 (DESIGN §5–6): the monitor, cards, rectifications, supervision orders, anomalies, follow-up visits, observation reports and complaints. */
import { Bell, ChatDotSquare, DataLine, Document, Monitor, Phone, Tickets, View, WarningFilled, EditPen } from '@element-plus/icons-vue';
import type { AdminRoutes } from '../types';

const group = 'supervision.menu.group';

const routes: AdminRoutes = [
  {
    path: 'supervision/monitor',
    name: 'admin-supervision-monitor',
    component: () => import('@/views/supervision/MonitorView.vue'),
    meta: { title: 'supervision.menu.monitor', permission: 'supervision:read', menu: true, icon: DataLine, order: 500, group, groupIcon: Monitor },
  },
  {
    path: 'supervision/cards',
    name: 'admin-supervision-cards',
    component: () => import('@/views/supervision/CardsView.vue'),
    meta: { title: 'supervision.menu.cards', permission: 'supervision:read', menu: true, icon: Bell, order: 510, group },
  },
  {
    path: 'supervision/cards/:id',
    name: 'admin-supervision-card',
    component: () => import('@/views/supervision/CardDetailView.vue'),
    props: true,
    meta: { title: 'supervision.menu.card', permission: 'supervision:read', activeMenu: '/admin/supervision/cards' },
  },
  {
    path: 'supervision/rectifications',
    name: 'admin-rectifications',
    component: () => import('@/views/supervision/RectificationsView.vue'),
    meta: { title: 'supervision.menu.rectifications', permission: 'supervision:read', menu: true, icon: WarningFilled, order: 520, group },
  },
  {
    path: 'supervision/rectifications/:id',
    name: 'admin-rectification',
    component: () => import('@/views/supervision/RectificationDetailView.vue'),
    props: true,
    meta: { title: 'supervision.menu.rectification', permission: 'supervision:read', activeMenu: '/admin/supervision/rectifications' },
  },
  {
    path: 'supervision/orders',
    name: 'admin-supervision-orders',
    component: () => import('@/views/supervision/OrdersView.vue'),
    meta: { title: 'supervision.menu.orders', permission: 'supervision:read', menu: true, icon: Document, order: 530, group },
  },
  {
    path: 'supervision/anomalies',
    name: 'admin-supervision-anomalies',
    component: () => import('@/views/supervision/AnomaliesView.vue'),
    meta: { title: 'supervision.menu.anomalies', permission: 'supervision:read', menu: true, icon: Tickets, order: 540, group },
  },
  {
    path: 'supervision/follow-ups',
    name: 'admin-supervision-follow-ups',
    component: () => import('@/views/supervision/FollowUpsView.vue'),
    meta: { title: 'supervision.menu.followUps', permission: 'supervision:manage', menu: true, icon: Phone, order: 550, group },
  },
  {
    path: 'supervision/observations/file',
    name: 'admin-observation-file',
    component: () => import('@/views/supervision/ObservationFileView.vue'),
    meta: { title: 'supervisionReports.menu.file', permission: 'observation:file', menu: true, icon: EditPen, order: 560, group, groupIcon: Monitor },
  },
  {
    path: 'supervision/observations',
    name: 'admin-supervision-observations',
    component: () => import('@/views/supervision/ObservationsView.vue'),
    meta: { title: 'supervisionReports.menu.observations', permission: 'supervision:manage', menu: true, icon: View, order: 570, group },
  },
  {
    path: 'supervision/complaints',
    name: 'admin-supervision-complaints',
    component: () => import('@/views/supervision/ComplaintsView.vue'),
    meta: { title: 'supervisionReports.menu.complaints', permission: 'supervision:manage', menu: true, icon: ChatDotSquare, order: 580, group },
  },
  {
    path: 'supervision/complaints/:id',
    name: 'admin-supervision-complaint',
    component: () => import('@/views/supervision/ComplaintDetailView.vue'),
    props: true,
    meta: { title: 'supervisionReports.menu.complaint', permission: 'supervision:manage', activeMenu: '/admin/supervision/complaints' },
  },
];
export default routes;
