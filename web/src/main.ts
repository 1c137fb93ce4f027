import { createApp } from 'vue';
import { createPinia } from 'pinia';
import App from './App.vue';
import { createAppRouter } from './router';
import { createAppI18n, loadLocaleMessages } from './i18n';
import { localeFromPath } from './composables/useLocale';
import './assets/main.css';

const i18n = createAppI18n(localeFromPath(window.location.pathname));
const router = createAppRouter();
// UI strings for the target language are in place before its page renders.
router.beforeEach((to) => loadLocaleMessages(i18n, localeFromPath(to.path)));

const app = createApp(App);
app.use(createPinia());
app.use(i18n);
app.use(router);

// Mount once the first route is resolved so the locale is right from the first render.
router
  .isReady()
  .catch(() => undefined)
  .finally(() => app.mount('#app'));
