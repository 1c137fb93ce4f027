import { vi } from 'vitest';
import { createMemoryHistory, type Router } from 'vue-router';
import { setActivePinia } from 'pinia';
import { flushPromises, mount } from '@vue/test-utils';
import { createHead } from '@unhead/vue/client';
import App from '@/App.vue';
import { createSiteApp } from '@/app';
import es from '@/i18n/es';

/**
 * Mounts the whole site (App + router + Pinia + UI strings + head) at a path, as the browser
 * entry does for a page it renders itself.
 */
export async function mountApp(path: string) {
  const { router, pinia, i18n, head } = createSiteApp({
    ssr: false,
    history: createMemoryHistory(),
    head: createHead(),
  });
  i18n.setLocaleMessages('es', es);
  setActivePinia(pinia);
  await router.push(path);
  await router.isReady();
  const wrapper = mount(App, {
    global: { plugins: [pinia, i18n, router, head] },
    attachTo: document.body,
  });
  await settle();
  return { wrapper, router, pinia, i18n };
}

/** Lets pending requests, store updates and renders settle, and the head be written. */
export async function settle(): Promise<void> {
  for (let i = 0; i < 5; i++) await flushPromises();
  // The head manager writes to the document in a timer after the last change.
  await new Promise((resolve) => setTimeout(resolve, 0));
}

/** Waits until the router reached `path` (lazy route components take a few ticks) and settles. */
export async function arrive(router: Router, path: string): Promise<void> {
  await vi.waitFor(() => {
    if (router.currentRoute.value.path !== path)
      throw new Error(`still at ${router.currentRoute.value.path}`);
  });
  await settle();
}
