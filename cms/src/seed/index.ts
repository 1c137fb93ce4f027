import type { Core } from '@strapi/strapi';
import { seedContent, type SeedLocale } from './content';

/**
 * Seeds the clinic's content on the first start against an empty database, once. The store
 * records that it ran, so an entry an editor changed or deleted is never re-created, overwritten
 * or resurrected by a later start. `force` restores the seed entries (matched by slug, by order,
 * or the single settings entry) and re-creates missing ones; editors' other entries stay.
 *
 * The store also records that a seed has begun: one cut short (a crash, a kill during the first
 * start) is finished by the next start, the same way `force` restores entries, so the content
 * ends up seeded exactly once instead of half-seeded and then skipped as "content exists".
 * (Not one transaction: Strapi re-reads every written entry for its events once the transaction
 * commits, so one seed-wide transaction would leave ~60 queries running after `seed()` returns.)
 */

const ARTICLE = 'api::article.article';
const FAQ = 'api::faq.faq';
const RISK_FACTOR = 'api::risk-factor.risk-factor';
const SETTINGS = 'api::site-setting.site-setting';
const CONTENT_TYPES = [ARTICLE, FAQ, RISK_FACTOR, SETTINGS] as const;
type SeededType = (typeof CONTENT_TYPES)[number];

const TRANSLATIONS: SeedLocale[] = ['es'];
const SEED_VERSION = 1;

export type SeedOutcome =
  | { status: 'seeded'; forced: boolean; resumed?: true }
  | { status: 'skipped'; reason: 'already-seeded'; seededAt: string }
  | { status: 'skipped'; reason: 'content-exists' };

interface SeedState {
  version: number;
  /** Set once the seed has finished; until then it is under way, or was cut short. */
  seededAt?: string;
  startedAt?: string;
}

const seedStore = (strapi: Core.Strapi) => strapi.store({ type: 'core', name: 'seed' });

export async function seed(
  strapi: Core.Strapi,
  { force = false }: { force?: boolean } = {},
): Promise<SeedOutcome> {
  const state = (await seedStore(strapi).get({ key: 'state' })) as SeedState | null;
  const resuming = !!state && !state.seededAt;
  if (state?.seededAt && !force) {
    return { status: 'skipped', reason: 'already-seeded', seededAt: state.seededAt };
  }
  if (!state && !force && (await hasAnyContent(strapi))) {
    return { status: 'skipped', reason: 'content-exists' };
  }
  if (resuming) {
    strapi.log.warn('[seed] an earlier seed was cut short; finishing it');
  } else if (!state) {
    const started: SeedState = { version: SEED_VERSION, startedAt: new Date().toISOString() };
    await seedStore(strapi).set({ key: 'state', value: started });
  }

  const faqIds = await seedFaqs(strapi);
  await seedRiskFactors(strapi);
  await seedArticle(strapi, faqIds);
  await seedSettings(strapi);

  const newState: SeedState = { version: SEED_VERSION, seededAt: new Date().toISOString() };
  await seedStore(strapi).set({ key: 'state', value: newState });
  return resuming
    ? { status: 'seeded', forced: force, resumed: true }
    : { status: 'seeded', forced: force };
}

async function hasAnyContent(strapi: Core.Strapi): Promise<boolean> {
  for (const uid of CONTENT_TYPES) {
    if ((await strapi.db.query(uid).count()) > 0) return true;
  }
  return false;
}

type Data = Record<string, unknown>;

/**
 * Writes one document in English and its translations, then publishes every locale. An existing
 * document (found by `filters` in English, draft or published) is updated in place.
 */
async function upsertLocalized(
  strapi: Core.Strapi,
  uid: SeededType,
  filters: Data,
  dataFor: (locale: SeedLocale) => Data,
): Promise<string> {
  const documents = strapi.documents(uid);
  const existing = await documents.findFirst({ locale: 'en', status: 'draft', filters });
  const documentId = existing
    ? existing.documentId
    : (await documents.create({ locale: 'en', data: dataFor('en') })).documentId;
  if (existing) {
    await documents.update({ documentId, locale: 'en', data: dataFor('en') });
  }
  for (const locale of TRANSLATIONS) {
    await documents.update({ documentId, locale, data: dataFor(locale) });
  }
  await documents.publish({ documentId, locale: '*' });
  return documentId;
}

async function seedFaqs(strapi: Core.Strapi): Promise<string[]> {
  const ids: string[] = [];
  for (const [index] of seedContent.en.faqs.entries()) {
    const order = index + 1;
    const documentId = await upsertLocalized(strapi, FAQ, { order }, (locale) => {
      const faq = seedContent[locale].faqs[index]!;
      return { question: faq.question, answer: faq.answer, order };
    });
    ids.push(documentId);
  }
  return ids;
}

async function seedRiskFactors(strapi: Core.Strapi): Promise<void> {
  for (const [index] of seedContent.en.riskFactors.entries()) {
    const order = index + 1;
    await upsertLocalized(strapi, RISK_FACTOR, { order }, (locale) => ({
      name: seedContent[locale].riskFactors[index]!,
      order,
    }));
  }
}

async function seedArticle(strapi: Core.Strapi, faqIds: string[]): Promise<void> {
  await upsertLocalized(strapi, ARTICLE, { slug: seedContent.en.article.slug }, (locale) => ({
    ...seedContent[locale].article,
    faqs: faqIds,
  }));
}

async function seedSettings(strapi: Core.Strapi): Promise<void> {
  await upsertLocalized(strapi, SETTINGS, {}, (locale) => ({ ...seedContent[locale].settings }));
}
