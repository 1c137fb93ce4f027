import { createHash } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath, URL } from 'node:url';
import { defineConfig, type Plugin } from 'vite';
import vue from '@vitejs/plugin-vue';

// Where `vite dev` and `vite preview` forward `/api` and `/uploads` (the Strapi CMS).
const cmsTarget = process.env.CMS_URL || 'http://127.0.0.1:1337';
const proxy = {
  '/api': { target: cmsTarget, changeOrigin: true },
  '/uploads': { target: cmsTarget, changeOrigin: true },
};

/**
 * Puts the site's stylesheet inside index.html (every prerendered page) instead of linking it:
 * on a phone, a linked stylesheet is one more round trip before anything can be painted. The
 * Content-Security-Policy allows exactly this <style> by its hash, which the build writes to
 * dist/client/.vite/csp-style-src.txt for the servers (web/nginx, the renderer's site server).
 */
function inlineStylesheet(): Plugin {
  let styleHash = '';
  let outDir = '';
  return {
    name: 'inline-stylesheet',
    apply: 'build',
    configResolved(config) {
      outDir = resolve(config.root, config.build.outDir);
    },
    transformIndexHtml: {
      order: 'post',
      handler(html, { bundle }) {
        if (!bundle) return html;
        const css = Object.values(bundle).filter(
          (file) => file.type === 'asset' && file.fileName.endsWith('.css'),
        );
        if (css.length !== 1) throw new Error(`expected one stylesheet, found ${css.length}`);
        const asset = css[0] as { fileName: string; source: string | Uint8Array };
        const source = String(asset.source).trim();
        styleHash = `'sha256-${createHash('sha256').update(source).digest('base64')}'`;
        delete bundle[asset.fileName];
        const link = new RegExp(`<link rel="stylesheet"[^>]*href="/${asset.fileName}"[^>]*>`);
        if (!link.test(html)) throw new Error(`index.html does not link ${asset.fileName}`);
        return html.replace(link, () => `<style>${source}</style>`);
      },
    },
    closeBundle() {
      if (!styleHash) return;
      mkdirSync(join(outDir, '.vite'), { recursive: true });
      writeFileSync(join(outDir, '.vite', 'csp-style-src.txt'), `${styleHash}\n`);
    },
  };
}

/**
 * A prerendered page is complete without its scripts: they only make it interactive. Fetched at
 * low priority, they leave the bandwidth of a slow phone connection to the page and its images.
 */
function lowPriorityScripts(): Plugin {
  return {
    name: 'low-priority-scripts',
    apply: 'build',
    transformIndexHtml: {
      order: 'post',
      handler: (html) =>
        html.replace(
          /<(script type="module"|link rel="modulepreload")/g,
          '<$1 fetchpriority="low"',
        ),
    },
  };
}

// Two builds: the browser's (`vite build` → dist/client) and the renderer's, which renders the
// same app on the server (`vite build --ssr renderer/main.ts` → dist/server).
export default defineConfig(({ isSsrBuild }) => ({
  // No Options API anywhere (components use <script setup> / setup()): drops it from Vue.
  plugins: [vue({ features: { optionsAPI: false } }), inlineStylesheet(), lowPriorityScripts()],
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
        target: 'es2022',
        // One stylesheet for the whole site, linked from every page: a prerendered page is
        // styled before any script runs (per-view CSS would arrive with the view's script).
        cssCodeSplit: false,
        // Every browser that runs this ES2022 bundle supports <link rel="modulepreload">.
        modulePreload: { polyfill: false },
      },
}));
