import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { publicContentType, signOffRuleOf, type SignOffRule } from '../content-model';
import { healthSettingsFromEnv } from '../content-health/config';
import { localDate } from '../content-health/checks/helpers';
import { adminLanguage, currentActor } from './actor';
import { problemTextIn, refusalMessage } from './messages';
import { signOffPopulate, signOffProblems, type SignOffProblem } from './rules';

/**
 * Clinical sign-off, enforced where every publish passes: a document service middleware. A
 * publish of a type with a `signOff` rule (src/content-model.ts) is refused, for every locale it
 * names, unless the draft being published passes the rule (./rules.ts), whoever asks: the edit
 * view, the list view's publish and bulk publish (the content manager publishes through the
 * document service), the REST API and scripts. `create`/`update` with `status: 'published'`
 * publish too and are checked on the data they write.
 *
 * Who may publish at all is the role's business (src/bootstrap/editor-role.ts: only Clinical
 * reviewers, on these types); this decides whether the content may be published.
 *
 * The refusal is a ValidationError: a 400 whose message names each failed rule (in English and
 * Spanish: Strapi's admin shows the message as it is) and whose details carry the stable codes
 * and, as `errors`, one per field, which the edit view marks on the field itself.
 *
 * The seed alone is let through (`runAs(strapi, { kind: 'seed' }, …)`): the clinic's material names no
 * reviewer, and a fresh install must show it; content health reports it as published without
 * sign-off until a Clinical reviewer signs it off.
 */

export const SIGN_OFF_ERROR_CODE = 'SIGN_OFF_REFUSED';

export interface SignOffRefusal {
  uid: string;
  documentId: string | null;
  locale: string | null;
  title: string | null;
  problems: SignOffProblem[];
}

type RefusalListener = (refusal: SignOffRefusal) => void;
const refusalListeners = new WeakMap<Core.Strapi, Set<RefusalListener>>();

/** Calls `listener` with each refusal (the publish log records them); returns how to stop. */
export function onSignOffRefused(strapi: Core.Strapi, listener: RefusalListener): () => void {
  let set = refusalListeners.get(strapi);
  if (!set) refusalListeners.set(strapi, (set = new Set()));
  set.add(listener);
  return () => set.delete(listener);
}

/** The settings the rule reads today (the interval is validated at start-up with the others). */
export function signOffSettings(now = new Date()) {
  return {
    today: localDate(now),
    reviewIntervalMonths: healthSettingsFromEnv().reviewIntervalMonths,
  };
}

/** The rules a document's stored draft fails in each locale it has (all when `locales` is null). */
export async function draftProblems(
  strapi: Core.Strapi,
  uid: string,
  rule: SignOffRule,
  documentId: string,
  locales: string[] | null,
  now = new Date(),
): Promise<Array<{ locale: string | null; title: string | null; problems: SignOffProblem[] }>> {
  const where: Record<string, unknown> = { documentId, publishedAt: null };
  if (locales) where.locale = { $in: locales };
  const drafts: Array<Record<string, unknown>> = await strapi.db
    .query(uid as never)
    .findMany({ where, populate: signOffPopulate(rule) });
  const titleField = titleFieldOf(uid);
  const settings = signOffSettings(now);
  return drafts.map((draft) => ({
    locale: typeof draft.locale === 'string' ? draft.locale : null,
    title:
      titleField && typeof draft[titleField] === 'string' ? (draft[titleField] as string) : null,
    problems: signOffProblems(rule, draft, settings),
  }));
}

function titleFieldOf(uid: string): string | null {
  return publicContentType(uid)?.health.titleField ?? null;
}

/** The refusal error, as the admin and the API show it. */
export function refusalError(
  refusals: SignOffRefusal[],
  language: 'en' | 'es' | null = null,
): errors.ValidationError {
  const months = signOffSettings().reviewIntervalMonths;
  const message = refusals
    .map((refusal) =>
      refusalMessage(
        refusal.problems.map((problem) => problem.code),
        refusals.length > 1 ? refusal.locale : null,
        months,
        language,
      ),
    )
    .join(' ');
  const fieldErrors = refusals.flatMap((refusal) =>
    refusal.problems.map((problem) => ({
      path: [problem.field],
      message: problemTextIn(problem.code, language, months),
      name: 'ValidationError',
      value: null,
    })),
  );
  return new errors.ValidationError(message, {
    code: SIGN_OFF_ERROR_CODE,
    refusals: refusals.map(({ locale, problems }) => ({
      locale,
      problems: problems.map((problem) => problem.code),
    })),
    errors: fieldErrors,
  });
}

function namedLocales(locale: unknown): string[] | null | 'default' {
  if (locale === '*') return null;
  if (typeof locale === 'string' && locale !== '') return [locale];
  if (Array.isArray(locale))
    return locale.filter((code): code is string => typeof code === 'string');
  return 'default';
}

function refuse(strapi: Core.Strapi, refusals: SignOffRefusal[]): never {
  for (const refusal of refusals) {
    for (const listener of refusalListeners.get(strapi) ?? []) {
      try {
        listener(refusal);
      } catch (error) {
        strapi.log.error(`[sign-off] a refusal listener failed: ${String(error)}`);
      }
    }
  }
  throw refusalError(refusals, adminLanguage(strapi));
}

export function registerSignOff(strapi: Core.Strapi): void {
  // Read once now, so a bad SIGN_OFF_REVIEW_INTERVAL_MONTHS stops the start (content health's
  // registration validates it too).
  healthSettingsFromEnv();
  strapi.documents.use(async (ctx, next) => {
    const { uid, action } = ctx as { uid: string; action: string };
    const rule = signOffRuleOf(uid);
    if (!rule) return next();
    const params = ((ctx as { params?: Record<string, unknown> }).params ?? {}) as Record<
      string,
      unknown
    >;
    const publishing =
      action === 'publish' ||
      ((action === 'create' || action === 'update') && params.status === 'published');
    if (!publishing) return next();
    if (currentActor(strapi).kind === 'seed') return next();

    const named = namedLocales(params.locale);
    const locales =
      named === 'default'
        ? [(await strapi.plugin('i18n').service('locales').getDefaultLocale()) as string]
        : named;
    const documentId = typeof params.documentId === 'string' ? params.documentId : null;

    let refusals: SignOffRefusal[];
    if (action === 'publish') {
      if (!documentId) return next();
      refusals = (await draftProblems(strapi, uid, rule, documentId, locales)).map((draft) => ({
        uid,
        documentId,
        ...draft,
      }));
    } else {
      // The data written, over the stored draft for an update (it may name only some fields).
      const data = (params.data ?? {}) as Record<string, unknown>;
      const locale = locales?.[0] ?? null;
      let stored: Record<string, unknown> = {};
      if (action === 'update' && documentId) {
        stored =
          ((await strapi.db.query(uid as never).findOne({
            where: { documentId, publishedAt: null, ...(locale ? { locale } : {}) },
            populate: signOffPopulate(rule),
          })) as Record<string, unknown> | null) ?? {};
      }
      const merged = { ...stored, ...data };
      const titleField = titleFieldOf(uid);
      refusals = [
        {
          uid,
          documentId,
          locale,
          title:
            titleField && typeof merged[titleField] === 'string'
              ? (merged[titleField] as string)
              : null,
          problems: signOffProblems(rule, merged, signOffSettings()),
        },
      ];
    }
    const failed = refusals.filter((refusal) => refusal.problems.length > 0);
    if (failed.length > 0) refuse(strapi, failed);
    return next();
  });
}
