/**
 * Router and guards: /admin pages need a logged-in staff user (else /login?redirect=…), and the
 * route's `meta.permission` (else the 403 page); `requiresLogin` pages (the message box, the online
 * hall's /me pages) any logged-in person — those marked `applicant` applicants only. The document title follows `meta.title`.
 */
import { createRouter, createWebHistory } from 'vue-router';
import { i18n } from '@/locales';
import { useAuthStore } from '@/stores/auth';
import { routes } from './routes';

export const router = createRouter({
  history: createWebHistory(),
  routes,
  scrollBehavior: (to, _from, saved) => saved ?? (to.hash ? { el: to.hash } : { top: 0 }),
});

router.beforeEach(async (to) => {
  if (to.matched.some((r) => r.meta.requiresLogin)) {
    const auth = useAuthStore();
    await auth.ensureLoaded();
    if (!auth.loggedIn) return { name: 'login', query: { redirect: to.fullPath } };
    // the online hall's own pages are an applicant's: staff work cases in the workbench
    if (auth.isStaff && to.matched.some((r) => r.meta.applicant)) return { path: '/admin' };
    return true;
  }
  if (!to.matched.some((r) => r.meta.requiresAuth)) return true;
  const auth = useAuthStore();
  await auth.ensureLoaded();
  if (!auth.loggedIn) return { name: 'login', query: { redirect: to.fullPath } };
  // an applicant has no staff pages: their own is the message box
  if (!auth.isStaff) return { name: 'me-messages' };
  const need = to.meta.permission;
  if (need && !auth.hasAnyPermission(typeof need === 'string' ? [need] : need)) {
    return { name: 'admin-forbidden', query: { from: to.fullPath } };
  }
  return true;
});

export function updateTitle(): void {
  const key = router.currentRoute.value.meta.title;
  const t = i18n.global.t;
  const app = t('common.appName');
  document.title = key ? `${t(key)} · ${app}` : `${app} · ${t('common.centerName')}`;
}
router.afterEach(() => updateTitle());
