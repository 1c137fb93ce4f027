import type { Core } from '@strapi/strapi';
import { runAs } from '../sign-off/actor';
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
 *
 * The record is per content type: a type the seed gained after a database was seeded (the
 * glossary) is seeded on that database's next start, once, when it has no content yet, and
 * nothing else is touched. Each such type records that it began too, so a cut-short one is
 * finished rather than skipped.
 */

const ARTICLE = 'api::article.article';
const FAQ = 'api::faq.faq';
const RISK_FACTOR = 'api::risk-factor.risk-factor';
const SETTINGS = 'api::site-setting.site-setting';
const GLOSSARY = 'api::glossary-term.glossary-term';
const CONTENT_TYPES = [ARTICLE, FAQ, RISK_FACTOR, SETTINGS, GLOSSARY] as const;
type SeededType = (typeof CONTENT_TYPES)[number];

/** What a version-1 record (no per-type record) had seeded: everything before the glossary. */
const VERSION_1_TYPES: SeededType[] = [ARTICLE, FAQ, RISK_FACTOR, SETTINGS];

const TRANSLATIONS: SeedLocale[] = ['es'];
const SEED_VERSION = 2;

export type SeedOutcome =
  | { status: 'seeded'; forced: boolean; resumed?: true }
  | { status: 'seeded'; forced: false; types: SeededType[] }
  | { status: 'skipped'; reason: 'already-seeded'; seededAt: string }
  | { status: 'skipped'; reason: 'content-exists' };

interface TypeSeedState {
  startedAt?: string;
  /** Set once the type is seeded; until then it is under way, or was cut short. */
  seededAt?: string;
  /** It already had content (not the seed's) when the seed came to it: left alone. */
  skipped?: 'content-exists';
}

interface SeedState {
  version: number;
  /** Set once the seed has finished; until then it is under way, or was cut short. */
  seededAt?: string;
  startedAt?: string;
  /** Per content type (version 2). */
  types?: Partial<Record<SeededType, TypeSeedState>>;
}

const seedStore = (strapi: Core.Strapi) => strapi.store({ type: 'core', name: 'seed' });
const saveState = (strapi: Core.Strapi, state: SeedState) =>
  seedStore(strapi).set({ key: 'state', value: state });

/**
 * Its writes are the seed's (src/sign-off/actor.ts): the clinic's article names no reviewer, so
 * the sign-off rule lets the seed alone publish it; content health reports it until it is signed.
 */
export function seed(strapi: Core.Strapi, options: { force?: boolean } = {}): Promise<SeedOutcome> {
  return runAs(strapi, { kind: 'seed' }, () => seedOnce(strapi, options));
}

async function seedOnce(
  strapi: Core.Strapi,
  { force = false }: { force?: boolean },
): Promise<SeedOutcome> {
  const state = (await seedStore(strapi).get({ key: 'state' })) as SeedState | null;
  const resuming = !!state && !state.seededAt;
  if (state?.seededAt && !force) {
    return seedNewTypes(strapi, { ...state, seededAt: state.seededAt });
  }
  if (!state && !force && (await hasAnyContent(strapi))) {
    return { status: 'skipped', reason: 'content-exists' };
  }
  if (resuming) {
    strapi.log.warn('[seed] an earlier seed was cut short; finishing it');
  } else if (!state) {
    const started: SeedState = { version: SEED_VERSION, startedAt: new Date().toISOString() };
    await saveState(strapi, started);
  }

  for (const part of SEED_PARTS) await part.run(strapi);

  const seededAt = new Date().toISOString();
  const types = Object.fromEntries(SEED_PARTS.map((part) => [part.uid, { seededAt }]));
  await saveState(strapi, { version: SEED_VERSION, seededAt, types });
  return resuming
    ? { status: 'seeded', forced: force, resumed: true }
    : { status: 'seeded', forced: force };
}

/** The per-type record of a finished seed; a version-1 record seeded every type it knew. */
function typesOf(state: SeedState & { seededAt: string }): NonNullable<SeedState['types']> {
  if (state.types) return { ...state.types };
  return Object.fromEntries(VERSION_1_TYPES.map((uid) => [uid, { seededAt: state.seededAt }]));
}

/**
 * On a seeded database: seeds each type the seed has gained since, once. A type that already has
 * content (an editor's) is left alone and recorded as such; one whose seed was cut short is
 * finished.
 */
async function seedNewTypes(
  strapi: Core.Strapi,
  state: SeedState & { seededAt: string },
): Promise<SeedOutcome> {
  const types = typesOf(state);
  const record = () => saveState(strapi, { ...state, version: SEED_VERSION, types });
  const seeded: SeededType[] = [];
  for (const part of SEED_PARTS) {
    const done = types[part.uid];
    if (done?.seededAt || done?.skipped) continue;
    const cutShort = !!done?.startedAt;
    if (!cutShort && (await strapi.db.query(part.uid).count()) > 0) {
      types[part.uid] = { skipped: 'content-exists' };
      await record();
      continue;
    }
    types[part.uid] = { startedAt: done?.startedAt ?? new Date().toISOString() };
    await record();
    await part.run(strapi);
    types[part.uid] = { seededAt: new Date().toISOString() };
    await record();
    seeded.push(part.uid);
  }
  if (seeded.length > 0) return { status: 'seeded', forced: false, types: seeded };
  if (state.version !== SEED_VERSION || !state.types) await record();
  return { status: 'skipped', reason: 'already-seeded', seededAt: state.seededAt };
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

async function seedFaqs(strapi: Core.Strapi): Promise<void> {
  for (const [index] of seedContent.en.faqs.entries()) {
    const order = index + 1;
    await upsertLocalized(strapi, FAQ, { order }, (locale) => {
      const faq = seedContent[locale].faqs[index]!;
      return { question: faq.question, answer: faq.answer, order };
    });
  }
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

/** The seed's FAQs, found as seedFaqs finds them (by order), for the article's related questions. */
async function seededFaqIds(strapi: Core.Strapi): Promise<string[]> {
  const ids: string[] = [];
  for (const [index] of seedContent.en.faqs.entries()) {
    const faq = await strapi
      .documents(FAQ)
      .findFirst({ locale: 'en', status: 'draft', filters: { order: index + 1 } });
    if (faq) ids.push(faq.documentId);
  }
  return ids;
}

async function seedArticle(strapi: Core.Strapi): Promise<void> {
  const faqIds = await seededFaqIds(strapi);
  await upsertLocalized(strapi, ARTICLE, { slug: seedContent.en.article.slug }, (locale) => ({
    ...seedContent[locale].article,
    faqs: faqIds,
  }));
}

async function seedSettings(strapi: Core.Strapi): Promise<void> {
  await upsertLocalized(strapi, SETTINGS, {}, (locale) => ({ ...seedContent[locale].settings }));
}

async function seedGlossary(strapi: Core.Strapi): Promise<void> {
  for (const [index, term] of seedContent.en.glossary.entries()) {
    await upsertLocalized(strapi, GLOSSARY, { slug: term.slug }, (locale) => ({
      ...seedContent[locale].glossary[index]!,
    }));
  }
}

/** The seed, one part per content type, in the order they run (the article links the FAQs). */
const SEED_PARTS: Array<{ uid: SeededType; run: (strapi: Core.Strapi) => Promise<void> }> = [
  { uid: FAQ, run: seedFaqs },
  { uid: RISK_FACTOR, run: seedRiskFactors },
  { uid: ARTICLE, run: seedArticle },
  { uid: SETTINGS, run: seedSettings },
  { uid: GLOSSARY, run: seedGlossary },
];
