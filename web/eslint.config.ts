import { globalIgnores } from 'eslint/config';
import { defineConfigWithVueTs, vueTsConfigs } from '@vue/eslint-config-typescript';
import pluginVue from 'eslint-plugin-vue';
import skipFormatting from '@vue/eslint-config-prettier/skip-formatting';

export default defineConfigWithVueTs(
  {
    name: 'app/files-to-lint',
    files: ['**/*.{ts,mts,tsx,vue}'],
  },

  // .site: the renderer's output under `npm start` (built pages, not sources).
  globalIgnores(['**/dist/**', '**/dist-ssr/**', '**/coverage/**', '.site/**']),

  pluginVue.configs['flat/recommended'],
  vueTsConfigs.recommended,

  {
    name: 'app/rules',
    rules: {
      // Rich text is rendered from CMS blocks into VNodes; raw HTML is never allowed.
      'vue/no-v-html': 'error',
    },
  },

  skipFormatting,
);
