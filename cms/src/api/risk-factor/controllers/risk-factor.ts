import { factories } from '@strapi/strapi';

export default factories.createCoreController('api::risk-factor.risk-factor');
