import { factories } from '@strapi/strapi';

// Reads never serve drafts; writes stay behind Strapi's permissions (403 for the public).
export default factories.createCoreRouter('api::faq.faq', {
  config: {
    find: { middlewares: ['global::public-read-guard'] },
    findOne: { middlewares: ['global::public-read-guard'] },
  },
});
