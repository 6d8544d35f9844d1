/** Staff catalogue pages (事项管理, DESIGN §3): list, editor, detail, preview, import/export. */
import { Files, Switch } from '@element-plus/icons-vue';
import type { AdminRoutes } from '../types';

const activeMenu = '/admin/catalogue';

const routes: AdminRoutes = [
  {
    path: 'catalogue',
    name: 'admin-catalogue',
    component: () => import('@/views/catalogue/CatalogueListView.vue'),
    meta: { title: 'catalogue.menu.list', permission: 'catalogue:read', menu: true, icon: Files, order: 200 },
  },
  {
    path: 'catalogue/transfer',
    name: 'admin-catalogue-transfer',
    component: () => import('@/views/catalogue/CatalogueTransferView.vue'),
    meta: { title: 'catalogue.menu.transfer', permission: 'catalogue:import', menu: true, icon: Switch, order: 210 },
  },
  {
    path: 'catalogue/new',
    name: 'admin-catalogue-new',
    component: () => import('@/views/catalogue/ItemEditView.vue'),
    meta: { title: 'catalogue.menu.create', permission: 'catalogue:edit', activeMenu },
  },
  {
    path: 'catalogue/:id/edit',
    name: 'admin-catalogue-edit',
    component: () => import('@/views/catalogue/ItemEditView.vue'),
    meta: { title: 'catalogue.menu.edit', permission: 'catalogue:edit', activeMenu },
  },
  {
    path: 'catalogue/:id/preview/:versionNo(\\d+)',
    name: 'admin-catalogue-preview',
    component: () => import('@/views/catalogue/ItemPreviewView.vue'),
    meta: { title: 'catalogue.menu.preview', permission: 'catalogue:read', activeMenu },
  },
  {
    path: 'catalogue/:id',
    name: 'admin-catalogue-detail',
    component: () => import('@/views/catalogue/ItemDetailView.vue'),
    meta: { title: 'catalogue.menu.detail', permission: 'catalogue:read', activeMenu },
  },
];
export default routes;
