import { fileURLToPath, URL } from 'node:url';
import { defineConfig } from 'vite';
import vue from '@vitejs/plugin-vue';

// Where `vite dev` and `vite preview` forward `/api` and `/uploads` (the Strapi CMS).
const cmsTarget = process.env.CMS_URL || 'http://127.0.0.1:1337';
const proxy = {
  '/api': { target: cmsTarget, changeOrigin: true },
  '/uploads': { target: cmsTarget, changeOrigin: true },
};

// Two builds: the browser's (`vite build` → dist/client) and the renderer's, which renders the
// same app on the server (`vite build --ssr renderer/main.ts` → dist/server).
export default defineConfig(({ isSsrBuild }) => ({
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
  server: { proxy },
  preview: { proxy },
  build: isSsrBuild
    ? { outDir: 'dist/server', target: 'node20', emptyOutDir: true, copyPublicDir: false }
    : {
        outDir: 'dist/client',
        emptyOutDir: true,
        manifest: true,
        // Module → files map, for the renderer's modulepreload links of a page's lazy views.
        ssrManifest: true,
        target: 'es2022',
        // One stylesheet for the whole site, linked from every page: a prerendered page is
        // styled before any script runs (per-view CSS would arrive with the view's script).
        cssCodeSplit: false,
        // Every browser that runs this ES2022 bundle supports <link rel="modulepreload">.
        modulePreload: { polyfill: false },
      },
}));
