/// <reference types="vite/client" />

interface ImportMetaEnv {
  /** Base URL of the Strapi CMS, e.g. https://cms.example.org. Empty: same origin (`/api/...`). */
  readonly VITE_CMS_URL?: string;
}

interface ImportMeta {
  readonly env: ImportMetaEnv;
}
