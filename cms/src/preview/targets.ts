import { CONTENT_MODEL, modelName, publicContentTypes, type PublicUid } from '../content-model';

/**
 * The content types editors can preview on the site (`preview` in src/content-model.ts), the
 * name the site's preview page knows each by (`type`: the type's singular name) and what the
 * preview API populates for it.
 */
export interface PreviewTarget {
  type: string;
  populate: Record<string, true>;
}

export type PreviewableUid = {
  [K in PublicUid]: (typeof CONTENT_MODEL)[K] extends { preview: false } ? never : K;
}[PublicUid];

export const PREVIEWABLE = Object.fromEntries(
  publicContentTypes().flatMap(([uid, model]) =>
    model.preview ? [[uid, { type: modelName(uid), populate: { ...model.preview.populate } }]] : [],
  ),
) as Readonly<Record<PreviewableUid, PreviewTarget>>;

export const isPreviewable = (uid: string): uid is PreviewableUid =>
  Object.prototype.hasOwnProperty.call(PREVIEWABLE, uid);
