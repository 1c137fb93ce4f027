import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { FEEDBACK_UID } from './rules';

/**
 * "Was this page helpful?" (issue 16): visitors' answers, stored as `api::page-feedback` through
 * its one create-only route (src/api/page-feedback: allowlisted body, site pages only, rate
 * limited by src/middlewares/page-feedback-rate-limit.ts), read by editors in the admin and in
 * content health (figures.ts).
 */

/** What no one may do to an answer, whatever their role: it is what a visitor said. */
const REFUSED_ACTIONS = ['update', 'publish', 'unpublish', 'discardDraft', 'clone'];

export function registerPageFeedback(strapi: Core.Strapi): void {
  strapi.documents.use(async (ctx, next) => {
    const { uid, action } = ctx as { uid: string; action: string };
    if (uid === FEEDBACK_UID && REFUSED_ACTIONS.includes(action)) {
      throw new errors.ValidationError(
        'A visitor’s answer cannot be changed. It can only be read (or deleted).',
      );
    }
    return next();
  });
}

export { FEEDBACK_UID, REASONS, ANSWERS } from './rules';
