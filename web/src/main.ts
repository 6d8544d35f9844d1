/** Boots the app: pinia, i18n, router, Element Plus (its locale follows i18n in App.vue). */
import { createApp } from 'vue';
import { createPinia } from 'pinia';
import ElementPlus from 'element-plus';
import 'element-plus/dist/index.css';
import App from './App.vue';
import { i18n } from './locales';
import { router } from './router';
import { vPerm } from './directives/perm';
import { setUnauthorizedHandler } from './api/http';
import { useAuthStore } from './stores/auth';
import './styles/main.css';

const app = createApp(App);
const pinia = createPinia();
app.use(pinia);
app.use(i18n);
app.use(router);
app.use(ElementPlus);
app.directive('perm', vPerm);

// A 401 from any call: forget the session; on a page that needs a login go to login and come back after.
setUnauthorizedHandler(() => {
  useAuthStore(pinia).clearSession();
  const current = router.currentRoute.value;
  if (current.matched.some((r) => r.meta.requiresAuth || r.meta.requiresLogin)) {
    void router.replace({ name: 'login', query: { redirect: current.fullPath, expired: '1' } });
  }
});

document.documentElement.lang = i18n.global.locale.value;
app.mount('#app');
