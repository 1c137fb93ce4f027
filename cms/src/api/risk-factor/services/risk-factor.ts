import { factories } from '@strapi/strapi';

export default factories.createCoreService('api::risk-factor.risk-factor');
