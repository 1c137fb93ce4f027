import { createHmac } from 'node:crypto';
import { createServer, type IncomingHttpHeaders } from 'node:http';
import { createRequire } from 'node:module';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { ContentChange } from '../src/content-events';
import { createTestDatabase, type TestDatabase } from './helpers/database';
import { databaseKind, DIST_DIR, startCms, type RunningCms } from './helpers/strapi';

/**
 * The content events and their first listener, the signed notification to the renderer: a local
 * node:http server stands in for the renderer, the CMS runs in-process with RENDERER_HOOK_URL
 * pointing at it, and editors' writes go through the Document Service and through the admin's
 * content-manager API as the admin UI sends them.
 */

const SECRET = 'the-secret-the-renderer-shares';
const ADMIN = { email: 'events.admin@example.com', password: 'Events-Admin-2026' };
const FAQ = 'api::faq.faq';
const CM = `/content-manager/collection-types/${FAQ}`;
const ISO_DATE = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/;
const answer = (text: string) => [
  { type: 'paragraph' as const, children: [{ type: 'text' as const, text }] },
];

// The running CMS is the compiled one: its listeners live in dist/, not in src/.
const requireCjs = createRequire(import.meta.url);
const contentEvents = () =>
  requireCjs(
    join(DIST_DIR, 'src', 'content-events', 'index.js'),
  ) as typeof import('../src/content-events');

/** Puts back, after a suite, the environment variables startCms set for it. */
function envRestorer(names: string[]): () => void {
  const saved = names.map((name) => [name, process.env[name]] as const);
  return () => {
    for (const [name, value] of saved) {
      if (value === undefined) delete process.env[name];
      else process.env[name] = value;
    }
  };
}
const HOOK_ENV = [
  'RENDERER_HOOK_URL',
  'RENDER_HOOK_SECRET',
  'RENDERER_HOOK_RETRIES',
  'RENDERER_HOOK_TIMEOUT_MS',
  'ADMIN_EMAIL',
  'ADMIN_PASSWORD',
  'SEED_ON_START',
];

interface Delivery {
  headers: IncomingHttpHeaders;
  body: string;
  events: ContentChange[];
}
type Reply = (delivery: Delivery) => number | 'hang' | Promise<number | 'hang'>;

/** A stand-in renderer: records every POST and answers as `reply` says (204 by default). */
async function startRenderer() {
  const deliveries: Delivery[] = [];
  let reply: Reply = () => 204;
  const server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', async () => {
      const body = Buffer.concat(chunks).toString('utf8');
      let events: ContentChange[] = [];
      try {
        events = JSON.parse(body).events ?? [];
      } catch {
        // recorded with no events; the tests then fail on what is missing
      }
      const delivery = { headers: request.headers, body, events };
      deliveries.push(delivery);
      const status = await reply(delivery);
      if (status !== 'hang') response.writeHead(status).end();
    });
  });
  await new Promise<void>((listening) => server.listen(0, '127.0.0.1', listening));
  const { port } = server.address() as AddressInfo;
  const about = (documentId: string) =>
    deliveries.filter((delivery) => delivery.events.some((e) => e.documentId === documentId));
  return {
    url: `http://127.0.0.1:${port}/hooks/content-changed`,
    deliveries,
    about,
    /** Every change received, in order of arrival. */
    events: () => deliveries.flatMap((delivery) => delivery.events),
    answerWith(next: Reply) {
      reply = next;
    },
    /** Waits until `count` changes matching `predicate` have arrived; returns them. */
    async waitForEvents(predicate: (change: ContentChange) => boolean, count = 1) {
      return vi.waitFor(
        () => {
          const found = deliveries.flatMap((delivery) => delivery.events).filter(predicate);
          if (found.length < count) throw new Error(`${found.length} of ${count} change(s) so far`);
          return found;
        },
        { timeout: 15_000, interval: 20 },
      );
    },
    async close() {
      server.closeAllConnections();
      await new Promise((closed) => server.close(closed));
    },
  };
}
type Renderer = Awaited<ReturnType<typeof startRenderer>>;

/** Checks X-Signature independently of the CMS's code: t=<ms>,v1=<hex HMAC-SHA256 of "t.body">. */
function expectSigned(delivery: Delivery) {
  expect(delivery.headers['content-type']).toBe('application/json');
  const match = /^t=(\d+),v1=([0-9a-f]{64})$/.exec(String(delivery.headers['x-signature']));
  expect(match, String(delivery.headers['x-signature'])).not.toBeNull();
  const [, t, v1] = match!;
  expect(v1).toBe(createHmac('sha256', SECRET).update(`${t}.${delivery.body}`).digest('hex'));
  expect(Math.abs(Date.now() - Number(t))).toBeLessThan(60_000);
}

/** A URL where nothing listens. */
async function deadUrl(): Promise<string> {
  const server = createServer();
  await new Promise<void>((listening) => server.listen(0, '127.0.0.1', listening));
  const { port } = server.address() as AddressInfo;
  await new Promise((closed) => server.close(closed));
  return `http://127.0.0.1:${port}/hooks/content-changed`;
}

describe('content changes, told to the renderer', () => {
  let db: TestDatabase;
  let cms: RunningCms;
  let renderer: Renderer;
  let token: string;
  const restoreEnv = envRestorer(HOOK_ENV);
  /** What an in-process listener saw, and whether a transaction was still open at the time. */
  const heard: Array<{ change: ContentChange; inTransaction: boolean }> = [];

  beforeAll(async () => {
    renderer = await startRenderer();
    db = await createTestDatabase(databaseKind);
    cms = await startCms(db, {
      RENDERER_HOOK_URL: renderer.url,
      RENDER_HOOK_SECRET: SECRET,
      ADMIN_EMAIL: ADMIN.email,
      ADMIN_PASSWORD: ADMIN.password,
      SEED_ON_START: 'false',
    });
    contentEvents().onContentChange(cms.strapi, (change) => {
      heard.push({ change, inTransaction: cms.strapi.db.inTransaction() });
    });
    const login = await cms.request.post('/admin/login').send(ADMIN);
    expect(login.status, JSON.stringify(login.body)).toBe(200);
    token = login.body.data.token;
  });
  afterAll(async () => {
    await cms?.stop();
    await db?.drop();
    await renderer?.close();
    restoreEnv();
  });

  const admin = (method: 'get' | 'post' | 'put' | 'delete', path: string) =>
    cms.request[method](path).set('Authorization', `Bearer ${token}`);
  const faqs = () => cms.strapi.documents(FAQ);

  /**
   * A write after the ones under test, waited for: deliveries to one URL go one at a time, in
   * order, so once it has arrived everything emitted before it has arrived too.
   */
  async function barrier() {
    const marker = await faqs().create({
      locale: 'en',
      data: { question: 'Barrier?', answer: answer('.'), order: 99 },
    });
    await renderer.waitForEvents((e) => e.documentId === marker.documentId);
  }
  const actionsOn = (documentId: string) =>
    renderer
      .events()
      .filter((e) => e.documentId === documentId)
      .map((e) => [e.action, e.locale]);

  it('tells of each write through the Document Service, once, in order, signed', async () => {
    const doc = await faqs().create({
      locale: 'en',
      data: { question: 'Is it safe?', answer: answer('Mostly.'), order: 1 },
    });
    const id = doc.documentId;
    await faqs().update({
      documentId: id,
      locale: 'es',
      data: { question: '¿Es seguro?', answer: answer('Casi siempre.') },
    });
    // Reads are not changes.
    await faqs().findOne({ documentId: id, locale: 'en' });
    await faqs().findMany({ locale: 'en' });
    await faqs().count({ locale: 'en' });
    await faqs().publish({ documentId: id, locale: '*' });
    await faqs().update({
      documentId: id,
      locale: 'en',
      data: { question: 'Is it safe, really?' },
    });
    await faqs().discardDraft({ documentId: id, locale: 'en' });
    await faqs().unpublish({ documentId: id, locale: 'es' });
    await faqs().delete({ documentId: id, locale: '*' });
    await barrier();

    expect(actionsOn(id)).toEqual([
      ['create', 'en'],
      ['update', 'es'],
      ['publish', '*'],
      ['update', 'en'],
      ['discardDraft', 'en'],
      ['unpublish', 'es'],
      ['delete', '*'],
    ]);
    for (const change of renderer.events().filter((e) => e.documentId === id)) {
      expect(change).toEqual({
        uid: FAQ,
        action: change.action,
        documentId: id,
        locale: change.locale,
        at: expect.stringMatching(ISO_DATE),
      });
    }
    for (const delivery of renderer.about(id)) expectSigned(delivery);
  });

  it('says a write covers every locale when Strapi copied a shared field to the others', async () => {
    // `order` is not localized: Strapi's i18n plugin copies it to the document's other locales
    // (same status) after a create, update, publish or discard that changed it, so those
    // locales' pages change too. A write that changes nothing elsewhere names its own locale.
    const doc = await faqs().create({
      locale: 'en',
      data: { question: 'Shared order?', answer: answer('Yes.'), order: 5 },
    });
    const id = doc.documentId;
    const spanishOrder = async (status: 'draft' | 'published') =>
      (await faqs().findOne({ documentId: id, locale: 'es', status }))?.order;
    await faqs().update({
      documentId: id,
      locale: 'es',
      data: { question: '¿Orden compartido?', answer: answer('Sí.') },
    });
    await faqs().publish({ documentId: id, locale: '*' });

    await faqs().update({ documentId: id, locale: 'en', data: { order: 6 } });
    expect(await spanishOrder('draft')).toBe(6);
    await faqs().update({ documentId: id, locale: 'en', data: { question: 'Shared, really?' } });
    // Whether publishing the English copies its order to the published Spanish depends on which
    // stored version the plugin compares with; the change says what happened.
    const before = await spanishOrder('published');
    await faqs().publish({ documentId: id, locale: 'en' });
    const copied = (await spanishOrder('published')) !== before;
    await faqs().update({ documentId: id, locale: 'es', data: { order: 6 } }); // as it was
    await barrier();

    expect(actionsOn(id)).toEqual([
      ['create', 'en'],
      ['update', 'es'],
      ['publish', '*'],
      ['update', '*'],
      ['update', 'en'],
      ['publish', copied ? '*' : 'en'],
      ['update', 'es'],
    ]);
  });

  it('reports a missing locale as null', async () => {
    const doc = await faqs().create({
      data: { question: 'Default locale?', answer: answer('Yes.'), order: 2 },
    });
    const [change] = await renderer.waitForEvents((e) => e.documentId === doc.documentId);
    expect(change).toMatchObject({ uid: FAQ, action: 'create', locale: null });
  });

  it("tells of the editor's writes through the content manager, as the admin UI makes them", async () => {
    const created = await admin('post', `${CM}?locale=en`).send({
      question: 'How long does a session take?',
      answer: answer('About two hours.'),
      order: 3,
    });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    const id: string = created.body.data.documentId;
    await renderer.waitForEvents((e) => e.documentId === id && e.action === 'create');

    const updated = await admin('put', `${CM}/${id}?locale=en`).send({
      question: 'How long does a session last?',
      answer: answer('About two hours.'),
      order: 3,
    });
    expect(updated.status, JSON.stringify(updated.body)).toBe(200);

    // When the renderer hears of the publish it reads the public API, as it will to re-render.
    let publicQuestions: string[] | undefined;
    renderer.answerWith(async (delivery) => {
      if (delivery.events.some((e) => e.documentId === id && e.action === 'publish')) {
        const response = await cms.request.get('/api/faqs?locale=en');
        publicQuestions = response.body.data.map((faq: { question: string }) => faq.question);
      }
      return 204;
    });
    const published = await admin('post', `${CM}/${id}/actions/publish?locale=en`).send({
      question: 'How long does a visit last?',
      answer: answer('About two hours.'),
      order: 3,
    });
    expect(published.status, JSON.stringify(published.body)).toBe(200);
    await renderer.waitForEvents((e) => e.documentId === id && e.action === 'publish');
    // Committed before the renderer was told: the public API already served the new question.
    await vi.waitFor(() => expect(publicQuestions).toBeDefined());
    expect(publicQuestions).toContain('How long does a visit last?');
    // Save-and-publish committed together, so the renderer heard of both in one request.
    const publishDelivery = renderer
      .about(id)
      .find((delivery) => delivery.events.some((e) => e.action === 'publish'))!;
    expect(publishDelivery.events.map((e) => [e.action, e.locale])).toEqual([
      ['update', 'en'],
      ['publish', 'en'],
    ]);
    renderer.answerWith(() => 204);

    // A newer draft, then discarded; then unpublished and deleted.
    await admin('put', `${CM}/${id}?locale=en`).send({ question: 'Draft only?' }).expect(200);
    await admin('post', `${CM}/${id}/actions/discard?locale=en`).send({}).expect(200);
    await admin('post', `${CM}/${id}/actions/unpublish?locale=en`).send({}).expect(200);
    await admin('delete', `${CM}/${id}?locale=en`).expect(200);
    await barrier();

    expect(actionsOn(id)).toEqual([
      ['create', 'en'],
      ['update', 'en'],
      ['update', 'en'],
      ['publish', 'en'],
      ['update', 'en'],
      ['discardDraft', 'en'],
      ['unpublish', 'en'],
      ['delete', 'en'],
    ]);
    for (const delivery of renderer.about(id)) expectSigned(delivery);
  });

  it('emits every change after its commit, never from inside a transaction', () => {
    expect(heard.length).toBeGreaterThan(10);
    expect(heard.filter((entry) => entry.inTransaction)).toEqual([]);
  });

  it('tells of a new locale, and the public API accepts it from then on', async () => {
    expect((await cms.request.get('/api/faqs?locale=fr')).status).toBe(400); // unknown so far
    const created = await admin('post', '/i18n/locales').send({
      code: 'fr',
      name: 'French (fr)',
      isDefault: false,
    });
    expect(created.status, JSON.stringify(created.body)).toBe(200);
    const [change] = await renderer.waitForEvents(
      (e) => e.uid === 'plugin::i18n.locale' && e.locale === 'fr',
    );
    expect(change).toEqual({
      uid: 'plugin::i18n.locale',
      action: 'create',
      documentId: null,
      locale: 'fr',
      at: expect.stringMatching(ISO_DATE),
    });
    // The public read guard's cache of locale codes listens to the same events.
    expect((await cms.request.get('/api/faqs?locale=fr')).status).toBe(200);
  });

  it("tells of changes to the Public role's permissions, not to other roles'", async () => {
    const PERMISSION = 'plugin::users-permissions.permission';
    const roles = cms.strapi.db.query('plugin::users-permissions.role');
    const permissions = cms.strapi.db.query(PERMISSION);
    const isPermissionChange = (e: ContentChange) => e.uid === PERMISSION;
    const before = renderer.events().filter(isPermissionChange).length;

    const authenticated = await roles.findOne({ where: { type: 'authenticated' } });
    const other = await permissions.create({
      data: { action: 'api::faq.faq.count', role: authenticated.id },
    });
    await permissions.delete({ where: { id: other.id } });
    await barrier();
    expect(renderer.events().filter(isPermissionChange)).toHaveLength(before);

    const publicRole = await roles.findOne({ where: { type: 'public' } });
    const granted = await permissions.create({
      data: { action: 'api::faq.faq.count', role: publicRole.id },
    });
    await permissions.delete({ where: { id: granted.id } });
    const changes = await renderer.waitForEvents(isPermissionChange, before + 2);
    expect(changes.slice(before)).toEqual([
      { uid: PERMISSION, action: 'create', documentId: null, locale: null, at: expect.any(String) },
      { uid: PERMISSION, action: 'delete', documentId: null, locale: null, at: expect.any(String) },
    ]);
  });

  it('emits nothing for a write that failed or was rolled back', async () => {
    // A draft may lack its answer; publishing it may not.
    const draft = await faqs().create({
      locale: 'en',
      // @ts-expect-error -- a draft may lack its answer, which is what makes its publish fail
      data: { question: 'Not answered yet?', order: 4 },
    });
    const id = draft.documentId;
    await expect(faqs().publish({ documentId: id, locale: 'en' })).rejects.toThrow();

    // The admin's save-and-publish: the save succeeds, the publish fails, both are rolled back.
    const response = await admin('post', `${CM}/${id}/actions/publish?locale=en`).send({
      question: 'Saved, then not published?',
      order: 4,
    });
    expect(response.status, JSON.stringify(response.body)).toBe(400);
    await barrier();

    expect(actionsOn(id)).toEqual([['create', 'en']]);
    const kept = await faqs().findOne({ documentId: id, locale: 'en' });
    expect(kept?.question).toBe('Not answered yet?');
  });
});

describe('a renderer that fails', () => {
  let db: TestDatabase;
  let cms: RunningCms;
  let renderer: Renderer;
  let dead: string;
  const restoreEnv = envRestorer(HOOK_ENV);
  const TIMEOUT_MS = 2000;
  const warnings: string[] = [];

  beforeAll(async () => {
    renderer = await startRenderer();
    dead = await deadUrl();
    db = await createTestDatabase(databaseKind);
    cms = await startCms(db, {
      RENDERER_HOOK_URL: `${dead}, ${renderer.url}`,
      RENDER_HOOK_SECRET: SECRET,
      RENDERER_HOOK_RETRIES: '2',
      RENDERER_HOOK_TIMEOUT_MS: String(TIMEOUT_MS),
      ADMIN_EMAIL: '',
      ADMIN_PASSWORD: '',
      SEED_ON_START: 'false',
    });
    vi.spyOn(cms.strapi.log, 'warn').mockImplementation(((message: unknown) => {
      warnings.push(String(message));
    }) as never);
    // Let the start-up's own changes (locales, permissions) reach the renderer first.
    const settled = await draft('Start-up delivered?');
    await renderer.waitForEvents((e) => e.documentId === settled.documentId);
  });
  afterAll(async () => {
    await cms?.stop();
    await db?.drop();
    await renderer?.close();
    restoreEnv();
  });

  const faqs = () => cms.strapi.documents(FAQ);
  const draft = (question: string) =>
    faqs().create({ locale: 'en', data: { question, answer: answer('.'), order: 5 } });
  /** Waits for `count` give-up warnings naming `url` and the document; returns them. */
  const warningsAbout = (url: string, documentId: string, count = 1) =>
    vi.waitFor(
      () => {
        const found = warnings.filter((w) => w.includes(url) && w.includes(documentId));
        if (found.length < count) {
          throw new Error(`${found.length} of ${count} warning(s) so far: ${warnings.join('\n')}`);
        }
        return found;
      },
      { timeout: 25_000, interval: 50 },
    );

  it('answering 500: the write succeeds, each delivery is retried, then a warning', async () => {
    renderer.answerWith(() => 500);
    const doc = await draft('Retried?');
    await faqs().publish({ documentId: doc.documentId, locale: 'en' });

    // The create and the publish went in one request or two; each given up on after 3 attempts.
    const attempts = () => renderer.about(doc.documentId);
    const bodies = () => [...new Set(attempts().map((attempt) => attempt.body))];
    await vi.waitFor(() => expect(attempts().some((a) => a.body.includes('"publish"'))).toBe(true));
    const given = await warningsAbout(renderer.url, doc.documentId, bodies().length);
    for (const warning of given) {
      expect(warning).toMatch(/gave up notifying .* after 3 attempt\(s\) \(HTTP 500\)/);
    }
    // 1 + RENDERER_HOOK_RETRIES attempts of each request, each signed afresh.
    for (const body of bodies()) {
      expect(attempts().filter((attempt) => attempt.body === body)).toHaveLength(3);
    }
    for (const attempt of attempts()) expectSigned(attempt);
    expect(new Set(attempts().map((a) => a.headers['x-signature'])).size).toBe(attempts().length);
    // Nothing listening at the other URL: refused, retried, given up on too.
    const refused = await warningsAbout(dead, doc.documentId);
    expect(refused[0]).toMatch(/after 3 attempt\(s\) \(ECONNREFUSED\)/);
  });

  it('back after a failure: the retry delivers it, with no warning', async () => {
    let failures = 0;
    renderer.answerWith((delivery) =>
      delivery.events.some((e) => e.uid === FAQ) && ++failures <= 2 ? 500 : 204,
    );
    const doc = await draft('Delivered on the third try?');
    await vi.waitFor(() => expect(renderer.about(doc.documentId)).toHaveLength(3), {
      timeout: 10_000,
    });
    // Deliveries go one at a time: once a later change has arrived, this one was settled.
    const later = await draft('Later?');
    await renderer.waitForEvents((e) => e.documentId === later.documentId);
    expect(renderer.about(doc.documentId)).toHaveLength(3);
    expect(warnings.filter((w) => w.includes(renderer.url) && w.includes(doc.documentId))).toEqual(
      [],
    );
  });

  it('never answering: the editor does not wait for it; the delivery times out and is retried', async () => {
    renderer.answerWith(() => 'hang');
    const doc = await draft('Not kept waiting?');
    const started = Date.now();
    const published = await faqs().publish({ documentId: doc.documentId, locale: 'en' });
    const tookMs = Date.now() - started;
    expect(published.entries).toHaveLength(1);
    expect(tookMs).toBeLessThan(TIMEOUT_MS / 2);

    const [warning] = await warningsAbout(renderer.url, doc.documentId);
    expect(warning).toMatch(/after 3 attempt\(s\) \(timed out\)/);
    expect(renderer.about(doc.documentId).length).toBeGreaterThanOrEqual(3);
  });
});
