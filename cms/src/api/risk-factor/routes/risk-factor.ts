import { factories } from '@strapi/strapi';

// As `strapi generate` writes it. Writes stay behind Strapi's permissions (403 for the public);
// reads get the public read guard from guardPublicReads() (src/middlewares/public-read-guard.ts),
// on every content type's routes, without a line here.
export default factories.createCoreRouter('api::risk-factor.risk-factor');
