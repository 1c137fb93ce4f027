import type { UID } from '@strapi/strapi';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PUBLIC_READ_ACTIONS } from '../src/bootstrap/public-permissions';
import {
  CONTENT_MODEL,
  isPrivateModel,
  publicContentTypes,
  type ContentTypeModel,
  type PublicContentType,
} from '../src/content-model';
import { SITE_PAGES } from '../src/content-health/content-types';
import { isPreviewable, PREVIEWABLE } from '../src/preview/targets';
import { apiSchemasOnDisk, publicApiTypes, restPathOf } from './helpers/content-model';
import { startSeededCms, type RunningCms } from './helpers/strapi';

/**
 * The content model (src/content-model.ts) against the running Strapi: a content type added
 * without its entry, an entry naming a type or field that does not exist, a public type without
 * its admin labels, or Public permissions that differ from the model fail here.
 */

let cms: RunningCms;
beforeAll(async () => {
  cms = await startSeededCms();
});
afterAll(() => cms?.stop());

const entries = Object.entries(CONTENT_MODEL) as Array<[string, ContentTypeModel]>;
const publicEntries = publicContentTypes().map(([uid, model]) => ({ uid, model }));

const schemaOf = (uid: string) => cms.strapi.contentType(uid as UID.ContentType);
const attributesOf = (uid: string) =>
  (schemaOf(uid)?.attributes ?? {}) as Record<string, { type: string }>;

/** The types a text can be measured in, and the type links are followed in. */
const TEXT_TYPES = ['string', 'text', 'richtext', 'blocks'];

/** Every field content health names for a type (so needs a label in both admin languages). */
function namedFields(uid: string, model: PublicContentType): string[] {
  const fields = new Set([
    ...(model.health.readabilityFields ?? []),
    ...(model.health.linkFields ?? []),
  ]);
  // The settings check names any text field that still holds a placeholder.
  if (uid === 'api::site-setting.site-setting') {
    for (const [field, attribute] of Object.entries(attributesOf(uid))) {
      if (TEXT_TYPES.includes(attribute.type) && field !== 'locale') fields.add(field);
    }
  }
  return [...fields];
}

describe('every content type is in the content model', () => {
  it('every api:: type Strapi loaded has an entry (public or private)', () => {
    const loaded = Object.keys(cms.strapi.contentTypes).filter((uid) => uid.startsWith('api::'));
    expect(loaded.length).toBeGreaterThan(0);
    expect(loaded.filter((uid) => !(uid in CONTENT_MODEL))).toEqual([]);
  });

  it('every schema under src/api has an entry, and Strapi loaded each of them', () => {
    const onDisk = apiSchemasOnDisk().map((schema) => schema.uid);
    expect(onDisk).toContain('api::glossary-term.glossary-term');
    expect(onDisk.filter((uid) => !(uid in CONTENT_MODEL))).toEqual([]);
    for (const uid of onDisk) expect(schemaOf(uid), uid).toBeDefined();
  });

  it.each(entries.map(([uid]) => uid))('%s is a content type Strapi has', (uid) => {
    expect(schemaOf(uid)).toBeDefined();
  });
});

describe.each(publicEntries)('the entry of $uid', ({ uid, model }) => {
  it('names fields the type has', () => {
    const attributes = attributesOf(uid);
    const { health } = model;
    if (health.titleField === null) {
      expect(schemaOf(uid)!.kind).toBe('singleType');
    } else {
      expect(['string', 'text']).toContain(attributes[health.titleField]?.type);
    }
    for (const field of Object.keys(health.populate ?? {}))
      expect(attributes).toHaveProperty(field);
    for (const field of health.readabilityFields ?? []) {
      expect(TEXT_TYPES, `${field} is text`).toContain(attributes[field]?.type);
    }
    for (const field of health.linkFields ?? []) {
      expect(attributes[field]?.type, `${field} is blocks`).toBe('blocks');
    }
    if (health.medicalReview) {
      for (const field of ['reviewedBy', 'nextReviewDue', 'references']) {
        expect(attributes).toHaveProperty(field);
      }
    }
    if (model.preview) {
      for (const field of Object.keys(model.preview.populate)) {
        expect(attributes).toHaveProperty(field);
      }
    }
    for (const field of Object.keys(model.labels.fields)) expect(attributes).toHaveProperty(field);
  });

  it('has public reads that fit its kind', () => {
    const single = schemaOf(uid)!.kind === 'singleType';
    expect([...model.publicReads].sort()).toEqual(single ? ['find'] : ['find', 'findOne']);
  });

  it('has a site path whose placeholder is a field of the type', () => {
    if (model.sitePath === null) {
      expect(schemaOf(uid)!.kind).toBe('singleType');
      return;
    }
    expect(model.sitePath).toMatch(/^\//);
    const placeholders = [...model.sitePath.matchAll(/:([A-Za-z_]\w*)/g)].map((m) => m[1]);
    expect(placeholders.length).toBeLessThanOrEqual(1);
    for (const field of placeholders) {
      expect(['uid', 'string']).toContain(attributesOf(uid)[field]?.type);
      // A document's own page or place: the links check follows it.
      expect(SITE_PAGES.find((page) => page.uid === uid)?.field).toBe(field);
    }
  });

  it('has its Spanish name and both languages’ names of the fields content health names', () => {
    expect(model.labels.es.trim()).not.toBe('');
    expect(model.labels.es).not.toBe(schemaOf(uid)!.info.displayName);
    for (const field of namedFields(uid, model)) {
      const label = model.labels.fields[field];
      expect(label?.en.trim(), `${field} (en)`).toBeTruthy();
      expect(label?.es.trim(), `${field} (es)`).toBeTruthy();
    }
  });
});

describe('labels shared across types', () => {
  it('give one field name the same label in every type', () => {
    const seen = new Map<string, string>();
    for (const { uid, model } of publicEntries) {
      for (const [field, label] of Object.entries(model.labels.fields)) {
        const text = JSON.stringify(label);
        expect(seen.get(field) ?? text, `${field} in ${uid}`).toBe(text);
        seen.set(field, text);
      }
    }
  });
});

describe('what the model drives', () => {
  it("the Public role's permissions are exactly the model's public reads", async () => {
    const role = await cms.strapi.db
      .query('plugin::users-permissions.role')
      .findOne({ where: { type: 'public' }, populate: ['permissions'] });
    const actions = role.permissions.map((p: { action: string }) => p.action).sort();
    const expected = publicEntries
      .flatMap(({ uid, model }) => model.publicReads.map((action) => `${uid}.${action}`))
      .sort();
    expect(actions).toEqual(expected);
    expect(PUBLIC_READ_ACTIONS['api::glossary-term.glossary-term']).toEqual(['find', 'findOne']);
    for (const [uid, model] of entries) {
      if (isPrivateModel(model)) expect(actions.some((a: string) => a.startsWith(uid))).toBe(false);
    }
  });

  it('preview covers the types the model says, with their populate', () => {
    for (const [uid, model] of entries) {
      const previewable = !isPrivateModel(model) && model.preview !== false;
      expect(isPreviewable(uid), uid).toBe(previewable);
    }
    expect(PREVIEWABLE['api::glossary-term.glossary-term']).toEqual({
      type: 'glossary-term',
      populate: {},
    });
  });

  it.each(publicApiTypes())('$path: the public reads it, and never its drafts', async (type) => {
    expect(restPathOf(type.schema)).toBe(type.path);
    const list = await cms.request.get(`${type.path}?locale=es`);
    expect(list.status, JSON.stringify(list.body)).toBe(200);
    const draft = await cms.request.get(`${type.path}?status=draft`);
    expect(draft.status).toBe(400);
    expect(draft.body.error.message).toMatch(/only published content/i);
  });
});
