import { vi } from 'vitest';
import { createMemoryHistory, type Router } from 'vue-router';
import { createPinia, setActivePinia } from 'pinia';
import { flushPromises, mount } from '@vue/test-utils';
import App from '@/App.vue';
import { createAppRouter } from '@/router';
import { createAppI18n } from '@/i18n';
import es from '@/i18n/es';
import { localeFromPath } from '@/composables/useLocale';

/** Mounts the whole site (App + router + Pinia + i18n) at a path, like main.ts does. */
export async function mountApp(path: string) {
  const pinia = createPinia();
  setActivePinia(pinia);
  const router = createAppRouter(createMemoryHistory());
  const i18n = createAppI18n(localeFromPath(path), { es });
  await router.push(path);
  await router.isReady();
  const wrapper = mount(App, {
    global: { plugins: [pinia, i18n, router] },
    attachTo: document.body,
  });
  await flushPromises();
  return { wrapper, router, pinia, i18n };
}

/** Lets pending requests, store updates and renders settle. */
export async function settle(): Promise<void> {
  for (let i = 0; i < 5; i++) await flushPromises();
}

/** Waits until the router reached `path` (lazy route components take a few ticks) and settles. */
export async function arrive(router: Router, path: string): Promise<void> {
  await vi.waitFor(() => {
    if (router.currentRoute.value.path !== path)
      throw new Error(`still at ${router.currentRoute.value.path}`);
  });
  await settle();
}
