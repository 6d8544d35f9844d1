/**
 * The route table: public site (with the online hall's /me pages), login and registration, and /admin whose children come from router/modules/*.ts
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
      // 一件事 (bundles): the public pages, with 在线申请
      { path: 'bundles', name: 'bundles', component: () => import('@/views/bundle-online/BundleListView.vue'), meta: { title: 'bundleOnline.public.listTitle' } },
      { path: 'bundles/:id', name: 'bundle-public', component: () => import('@/views/bundle-online/BundlePublicView.vue'), meta: { title: 'bundleOnline.public.title' } },
      { path: 'progress', name: 'progress', component: () => import('@/views/progress/ProgressView.vue'), meta: { title: 'progress.title' } },
      { path: 'publications', name: 'publications', component: () => import('@/views/hall/PublicationsView.vue'), meta: { title: 'hall.publications.title' } },
      // 好差评: the published figures, and the page behind the SMS rating link (no login)
      { path: 'figures', name: 'figures', component: () => import('@/views/evaluation/FiguresView.vue'), meta: { title: 'evaluation.figures.title' } },
      { path: 'rate/:token', name: 'sms-rate', component: () => import('@/views/evaluation/SmsRatingView.vue'), props: true, meta: { title: 'evaluation.sms.title' } },
      // the online hall's personal pages (网上办事大厅): applicants only, under one sub-navigation
      {
        path: 'me',
        component: () => import('@/views/hall/MeShell.vue'),
        meta: { requiresLogin: true },
        children: [
          { path: '', redirect: { name: 'me-cases' } },
          // any signed-in person (an applicant's landing page after login; staff reach it from the header too)
          { path: 'messages', name: 'me-messages', component: () => import('@/views/messages/MessagesView.vue'), meta: { title: 'messages.title' } },
          { path: 'cases', name: 'me-cases', component: () => import('@/views/hall/MyCasesView.vue'), meta: { title: 'hall.cases.title', applicant: true } },
          { path: 'cases/:id', name: 'me-case', component: () => import('@/views/hall/MyCaseView.vue'), meta: { title: 'hall.case.title', applicant: true } },
          { path: 'drafts', name: 'me-drafts', component: () => import('@/views/hall/DraftsView.vue'), meta: { title: 'hall.drafts.title', applicant: true } },
          { path: 'drafts/:id', name: 'me-draft', component: () => import('@/views/hall/ApplyView.vue'), meta: { title: 'hall.apply.title', applicant: true } },
          { path: 'apply/:itemId', name: 'me-apply', component: () => import('@/views/hall/ApplyStartView.vue'), meta: { title: 'hall.apply.title', applicant: true } },
          { path: 'bundle-applications', name: 'me-bundle-applications', component: () => import('@/views/bundle-online/MyBundleApplicationsView.vue'), meta: { title: 'bundleOnline.mine.title', applicant: true } },
          { path: 'bundle-applications/:id', name: 'me-bundle-application', component: () => import('@/views/bundle-online/MyBundleApplicationView.vue'), meta: { title: 'bundleOnline.detail.title', applicant: true } },
          { path: 'bundle-apply/:bundleId', name: 'me-bundle-apply', component: () => import('@/views/bundle-online/BundleApplyView.vue'), meta: { title: 'bundleOnline.apply.title', applicant: true } },
          { path: 'consultations', name: 'me-consultations', component: () => import('@/views/hall/ConsultationsView.vue'), meta: { title: 'hall.consult.title', applicant: true } },
          { path: 'complaints', name: 'me-complaints', component: () => import('@/views/hall/ComplaintsView.vue'), meta: { title: 'hall.complain.title', applicant: true } },
          { path: 'profile', name: 'me-profile', component: () => import('@/views/hall/ProfileView.vue'), meta: { title: 'hall.profile.title', applicant: true } },
        ],
      },
    ],
  },
  // the window rating screen (窗口评价器): a device facing the applicant, full screen, no header, no login
  { path: '/hall/rate/:windowId', name: 'rating-screen', component: () => import('@/views/evaluation/RatingScreenView.vue'), props: true, meta: { title: 'evaluation.screen.title' } },
  { path: '/login', name: 'login', component: () => import('@/views/auth/LoginView.vue'), meta: { title: 'auth.loginTitle' } },
  { path: '/register', name: 'register', component: () => import('@/views/hall/RegisterView.vue'), meta: { title: 'hall.account.registerTitle' } },
  { path: '/password-reset', name: 'password-reset', component: () => import('@/views/hall/PasswordResetView.vue'), meta: { title: 'hall.account.resetTitle' } },
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
