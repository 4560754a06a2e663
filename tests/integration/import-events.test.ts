import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { z } from 'zod';
import { startTestApp, APP_ROOT, type TestApp } from '../helpers/strapi';
import type { ImportOptions, Importer } from '../../src/importer/service';
import { ARTICLE_UID, OFFICIAL_UID, PAGE_UID } from '../../src/content-types';
import { mergeEntity, OFFICIAL_SPEC } from '../../src/importer';

/**
 * Imports are seen by webhooks as editors' writes are: a real HTTP receiver registered through
 * Strapi's webhook store gets the Document Service's entry events, with its payload, for every
 * document an import created, changed or published, and none for a re-import that changed nothing.
 */
const CITY_TEXT = readFileSync(path.join(APP_ROOT, 'tests', 'fixtures', 'pages', 'city-page.txt'), 'utf8');
const PUBLISH: ImportOptions = { dryRun: false, publish: true, issueDate: '2023-02-07' };
const EVENTS = ['entry.create', 'entry.update', 'entry.publish', 'entry.unpublish', 'entry.delete'];
const MARKER_UID = 'marker::end-of-step';

const DeliverySchema = z.object({
  event: z.string(),
  createdAt: z.string(),
  model: z.string(),
  uid: z.string(),
  entry: z.object({ id: z.number(), documentId: z.string(), publishedAt: z.string().nullable().optional() }).passthrough(),
});
type Delivery = z.infer<typeof DeliverySchema>;

let app: TestApp;
let importer: Importer;
let receiver: Server;
let workDir: string;
const deliveries: Delivery[] = [];
let markers = 0;

function page(name: string, text: string): string {
  const file = path.join(workDir, name);
  writeFileSync(file, text);
  return file;
}

/**
 * What the receiver got since the last step: the runner delivers in order, so once a marker event
 * emitted after the step arrives, everything the step emitted has arrived before it.
 */
async function deliveredByStep(): Promise<Delivery[]> {
  const expected = markers + 1;
  await app.strapi.eventHub.emit('entry.delete', {
    model: 'marker',
    uid: MARKER_UID,
    entry: { id: expected, documentId: `marker-${expected}` },
  });
  for (let turn = 0; turn < 200 && markers < expected; turn += 1) await new Promise((resolve) => setTimeout(resolve, 50));
  expect(markers).toBe(expected);
  return deliveries.splice(0);
}

const summary = (list: Delivery[]) => list.map(({ event, uid, entry }) => `${event} ${uid} ${entry.publishedAt ? 'published' : 'draft'}`);

beforeAll(async () => {
  receiver = createServer((request, response) => {
    let body = '';
    request.on('data', (chunk) => (body += chunk));
    request.on('end', () => {
      const delivery = DeliverySchema.parse(JSON.parse(body));
      if (delivery.uid === MARKER_UID) markers += 1;
      else deliveries.push(delivery);
      response.writeHead(200).end();
    });
  });
  await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
  app = await startTestApp();
  importer = app.strapi.service('api::importer.importer') as unknown as Importer;
  workDir = mkdtempSync(path.join(os.tmpdir(), 'newsroom-events-'));
  const url = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/hook`;
  const webhook = await app.strapi
    .get('webhookStore')
    .createWebhook({ name: 'receiver', url, headers: {}, events: EVENTS, isEnabled: true });
  app.strapi.get('webhookRunner').add(webhook);
});

afterAll(async () => {
  await app?.stop();
  await new Promise((resolve) => receiver?.close(resolve));
  if (workDir) rmSync(workDir, { recursive: true, force: true });
});

describe('webhooks see imports', () => {
  it('an import delivers a create for every new document and a publish for every published one, with the Document Service payload', async () => {
    const report = await importer.importFiles([page('city-page.txt', CITY_TEXT)], PUBLISH);
    expect(report.failed).toBe(0);
    const got = await deliveredByStep();
    const articles = await app.strapi.documents(ARTICLE_UID).findMany({ status: 'published', fields: ['documentId'] });
    for (const { documentId } of articles) {
      const about = got.filter((delivery) => delivery.entry.documentId === documentId);
      expect(summary(about)).toEqual([`entry.create ${ARTICLE_UID} draft`, `entry.publish ${ARTICLE_UID} published`]);
    }
    expect(summary(got)).toContain(`entry.create ${OFFICIAL_UID} draft`);
    expect(summary(got)).toContain(`entry.create ${PAGE_UID} published`);
    const article = got.find((delivery) => delivery.uid === ARTICLE_UID && delivery.event === 'entry.publish') as Delivery;
    // As the Document Service sends it: the model's name, components and relations populated.
    expect(article.model).toBe('article');
    expect(article.entry).toEqual(
      expect.objectContaining({ title: expect.any(String), source: expect.objectContaining({ fileName: 'city-page.txt' }) }),
    );
    expect(Array.isArray(article.entry.officials)).toBe(true);
  });

  it('an unchanged re-import delivers nothing', async () => {
    const report = await importer.importFiles([page('city-page.txt', CITY_TEXT)], PUBLISH);
    expect(report.failed).toBe(0);
    expect(await deliveredByStep()).toEqual([]);
  });

  it('a re-import that changes a page delivers an update and a publish for what changed only', async () => {
    const report = await importer.importFiles([page('city-page.txt', CITY_TEXT.replace('常务副市长周立新', '市长周立新'))], PUBLISH);
    expect(report.failed).toBe(0);
    const got = await deliveredByStep();
    // The official's post changed: it is updated and published again, not created.
    expect(summary(got)).toEqual(expect.arrayContaining([`entry.update ${OFFICIAL_UID} draft`, `entry.publish ${OFFICIAL_UID} published`]));
    expect(summary(got)).not.toContain(`entry.create ${OFFICIAL_UID} draft`);
    expect(summary(got)).not.toContain(`entry.create ${PAGE_UID} published`);
  });

  it('a publish from the Document Service (the admin, the desk) delivers as before', async () => {
    const [official] = await app.strapi.documents(OFFICIAL_UID).findMany({ status: 'draft', fields: ['documentId'] });
    await app.strapi.documents(OFFICIAL_UID).update({ documentId: official.documentId, data: { name: '周立新（改）' } as never });
    await app.strapi.documents(OFFICIAL_UID).publish({ documentId: official.documentId });
    const got = await deliveredByStep();
    expect(summary(got)).toEqual(expect.arrayContaining([`entry.update ${OFFICIAL_UID} draft`, `entry.publish ${OFFICIAL_UID} published`]));
  });

  it('a merge delivers the merged entity’s deletion and an update for every article relinked', async () => {
    const create = (name: string) => app.strapi.documents(OFFICIAL_UID).create({ data: { name, importKey: name } as never });
    const kept = await create('张建国');
    const merged = await create('张建囯');
    const article = await app.strapi
      .documents(ARTICLE_UID)
      .create({ data: { title: '合并测试', officials: [merged.documentId] } as never });
    await deliveredByStep();
    await mergeEntity(app.strapi, OFFICIAL_SPEC, merged.documentId, kept.documentId);
    const got = await deliveredByStep();
    const about = (documentId: string) => summary(got.filter((delivery) => delivery.entry.documentId === documentId));
    expect(about(merged.documentId)).toContain(`entry.delete ${OFFICIAL_UID} draft`);
    expect(about(article.documentId)).toEqual([`entry.update ${ARTICLE_UID} draft`]);
  });
});
