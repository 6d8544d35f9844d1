/** 电子监察 (DESIGN §5–6): the monitor, cards, rectifications, supervision orders, anomalies and follow-up visits. */
import { Bell, DataLine, Document, Monitor, Phone, Tickets, WarningFilled } from '@element-plus/icons-vue';
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
];
export default routes;
