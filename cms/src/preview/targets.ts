/**
 * The content types editors can preview on the site, the site path that shows each, and what the
 * preview API populates for it. Add a type here to make it previewable.
 */
export const PREVIEWABLE = {
  'api::article.article': {
    type: 'article',
    populate: { cover: true, seo: true, references: true, faqs: true },
  },
  'api::faq.faq': { type: 'faq', populate: {} },
  'api::risk-factor.risk-factor': { type: 'risk-factor', populate: {} },
  'api::site-setting.site-setting': { type: 'site-setting', populate: {} },
} as const;

export type PreviewableUid = keyof typeof PREVIEWABLE;

export const isPreviewable = (uid: string): uid is PreviewableUid => uid in PREVIEWABLE;
