/**
 * The route table: public site, login, and /admin whose children come from router/modules/*.ts
 * (each file `export default` an AdminRoutes array — no need to edit this file to add a module).
 */
import type { RouteRecordRaw } from 'vue-router';
import type { AdminRoutes } from './types';

const moduleFiles = import.meta.glob<{ default: AdminRoutes }>('./modules/*.ts', { eager: true });
export const adminChildren: RouteRecordRaw[] = Object.keys(moduleFiles)
  .sort()
  .flatMap((k) => moduleFiles[k].default);

export const routes: RouteRecordRaw[] = [
  {
    path: '/',
    component: () => import('@/layouts/PublicLayout.vue'),
    children: [
      { path: '', name: 'home', component: () => import('@/views/home/HomeView.vue'), meta: { title: 'layout.nav.home' } },
      { path: 'guide', name: 'guide', component: () => import('@/views/guide/GuideListView.vue'), meta: { title: 'layout.nav.guide' } },
      { path: 'guide/:id', name: 'guide-detail', component: () => import('@/views/guide/GuideDetailView.vue'), meta: { title: 'layout.nav.guide' } },
      { path: 'progress', name: 'progress', component: () => import('@/views/progress/ProgressView.vue'), meta: { title: 'progress.title' } },
      // any signed-in person (an applicant's landing page after login; staff reach it from the header too)
      { path: 'me/messages', name: 'me-messages', component: () => import('@/views/messages/MessagesView.vue'), meta: { title: 'messages.title', requiresLogin: true } },
    ],
  },
  { path: '/login', name: 'login', component: () => import('@/views/auth/LoginView.vue'), meta: { title: 'auth.loginTitle' } },
  {
    path: '/admin',
    component: () => import('@/layouts/AdminLayout.vue'),
    meta: { requiresAuth: true },
    children: [
      ...adminChildren,
      { path: 'forbidden', name: 'admin-forbidden', component: () => import('@/views/errors/ForbiddenView.vue'), meta: { title: 'common.forbiddenTitle' } },
      { path: ':rest(.*)*', name: 'admin-not-found', component: () => import('@/views/errors/NotFoundView.vue'), meta: { title: 'common.notFoundTitle' } },
    ],
  },
  {
    path: '/:rest(.*)*',
    component: () => import('@/layouts/PublicLayout.vue'),
    children: [{ path: '', name: 'not-found', component: () => import('@/views/errors/NotFoundView.vue'), meta: { title: 'common.notFoundTitle' } }],
  },
];
