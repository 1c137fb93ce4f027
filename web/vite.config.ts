import { fileURLToPath, URL } from 'node:url';
import { defineConfig } from 'vite';
import vue from '@vitejs/plugin-vue';

// Where `vite dev` and `vite preview` forward `/api` and `/uploads` (the Strapi CMS).
const cmsTarget = process.env.CMS_URL || 'http://127.0.0.1:1337';
const proxy = {
  '/api': { target: cmsTarget, changeOrigin: true },
  '/uploads': { target: cmsTarget, changeOrigin: true },
};

export default defineConfig(({ command }) => ({
  // No Options API anywhere (components use <script setup> / setup()): drops it from Vue.
  plugins: [vue({ features: { optionsAPI: false } })],
  resolve: {
    alias: {
      '@': fileURLToPath(new URL('./src', import.meta.url)),
      // qs depends on side-channel, which drags in get-intrinsic and object-inspect for old
      // engines; this shim keeps the same API on WeakMap/Map (see the file).
      'side-channel': fileURLToPath(new URL('./src/shims/side-channel.cjs', import.meta.url)),
    },
  },
  define: {
    // vue-i18n: Composition API only, no devtools in production.
    __VUE_I18N_FULL_INSTALL__: false,
    __VUE_I18N_LEGACY_API__: false,
    __INTLIFY_PROD_DEVTOOLS__: false,
    // UI strings are plain text (src/i18n/__tests__ forbids message syntax), so production builds
    // drop vue-i18n's message compiler (~8 KB gzip); dev and tests keep it.
    __INTLIFY_DROP_MESSAGE_COMPILER__: command === 'build',
  },
  server: { proxy },
  preview: { proxy },
  build: {
    manifest: true,
    target: 'es2022',
    // Every browser that runs this ES2022 bundle supports <link rel="modulepreload"> natively.
    modulePreload: { polyfill: false },
  },
}));
