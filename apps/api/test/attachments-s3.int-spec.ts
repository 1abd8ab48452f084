import { createHash, randomUUID } from 'node:crypto';
import { DeleteObjectCommand, DeleteObjectsCommand, S3Client } from '@aws-sdk/client-s3';
import sharp from 'sharp';
import { AttachmentStorageKind, DEMO_IDS } from '@stl/api/data-access-db';
import { AttachmentStores } from '@stl/api/feature-analysis';
import { ADMIN, SARA, addPerson } from './cohort.fixtures';
import { PUBLISH, SAVE, answers } from './support/analysis-fixtures';
import { TINY_PDF, download, jpegWithGps, upload } from './support/attachment-fixtures';
import type { GqlClient } from './support/gql-client';
import { startS3Server } from './support/s3-server';
import type { TestS3Server } from './support/s3-server';
import { startTestApi } from './support/test-api';
import type { TestApi } from './support/test-api';

const ERIK = 'erik.johansson@larkby.example'; // a participant of Sara's cohort
const ROUND1 = DEMO_IDS.round(1);
const REVISION = `query($r: ID!) { myAnalysis(roundId: $r) { draft { revision } } }`;
const REMOVE = `mutation($id: ID!) { removeAttachment(id: $id) { id } }`;
const ERASE = `mutation($input: ErasePersonInput!) { erasePerson(input: $input) { counts { kind count } } }`;

const objects = (id: string, thumbnail = false) => [
  `attachments/${id}/file`,
  ...(thumbnail ? [`attachments/${id}/thumbnail`] : []),
];
const sha256 = (b: Buffer) => createHash('sha256').update(b).digest('hex');

/**
 * The S3 attachment store (ADR 0024) against a real S3-compatible server, s3rver, run in this
 * process: what the API writes, serves and deletes is looked at in the bucket itself.
 */
describe('attachments in S3-compatible object storage, through the API', () => {
  let s3: TestS3Server;
  let api: TestApi;
  let sara: GqlClient;
  let erik: GqlClient;
  let analysisId: string;
  let imageId: string;
  let pdfId: string;
  const cookie = (c: GqlClient) => c.sessionCookie;
  const post = (file: { bytes: Buffer; name: string; type?: string }) =>
    upload(api.url, cookie(sara), { analysisId, section: 'evidence' }, file);

  beforeAll(async () => {
    s3 = await startS3Server();
    api = await startTestApi({ env: s3.env });
    sara = await api.signedIn(SARA);
    erik = await api.signedIn(ERIK);
    const saved = await sara.ok(SAVE, {
      input: { roundId: ROUND1, expectedRevision: 0, answers: answers('Med bevis') },
    });
    analysisId = saved.saveAnalysisDraft.id;
  });
  afterAll(async () => {
    await api?.close();
    await s3?.close();
  });

  it('puts an uploaded image and PDF into the bucket, and no bytes into PostgreSQL', async () => {
    const image = await post({ bytes: await jpegWithGps(), name: 'elevtext.jpg', type: 'image/jpeg' });
    expect(image.status).toBe(201);
    imageId = image.body.attachment.id;
    const pdf = await post({ bytes: TINY_PDF, name: 'elevtexter.pdf' });
    expect(pdf.status).toBe(201);
    pdfId = pdf.body.attachment.id;

    expect(await s3.keys()).toEqual([...objects(imageId, true), ...objects(pdfId)].sort());
    expect((await s3.object(`attachments/${imageId}/file`))?.contentType).toBe('image/jpeg');
    expect((await s3.object(`attachments/${imageId}/thumbnail`))?.contentType).toBe('image/webp');
    expect((await s3.object(`attachments/${pdfId}/file`))?.contentType).toBe('application/pdf');

    const rows = await api.db.query(`SELECT id, storage FROM attachment ORDER BY created_at`);
    expect(rows).toEqual([
      { id: imageId, storage: 's3' },
      { id: pdfId, storage: 's3' },
    ]);
    const [{ n }] = await api.db.query(`SELECT count(*)::int AS n FROM attachment_content`);
    expect(n).toBe(0);
  });

  it('keeps the image in the bucket re-encoded without EXIF or GPS, and the PDF byte for byte', async () => {
    const stored = await s3.object(`attachments/${imageId}/file`);
    if (!stored) throw new Error('the image is not in the bucket');
    const meta = await sharp(stored.bytes).metadata();
    expect(meta.format).toBe('jpeg');
    expect(meta.exif).toBeUndefined();
    expect(meta.xmp).toBeUndefined();
    expect(meta.iptc).toBeUndefined();
    expect(stored.bytes.includes(Buffer.from('Elev Elevsson'))).toBe(false);
    // The row describes the object that is in the bucket.
    const [row] = await api.db.query(`SELECT size, sha256 FROM attachment WHERE id = $1`, [imageId]);
    expect(row).toEqual({ size: stored.bytes.length, sha256: sha256(stored.bytes) });

    const thumb = await s3.object(`attachments/${imageId}/thumbnail`);
    const thumbMeta = await sharp(thumb?.bytes).metadata();
    expect(thumbMeta.format).toBe('webp');
    expect(thumbMeta.exif).toBeUndefined();
    expect((await s3.object(`attachments/${pdfId}/file`))?.bytes.equals(TINY_PDF)).toBe(true);
  });

  it("serves the bucket's bytes with safe headers to the author and the cohort; 403 to an outsider", async () => {
    const inBucket = (await s3.object(`attachments/${imageId}/file`))?.bytes;
    const own = await download(api.url, cookie(sara), `/files/${imageId}`);
    expect(own.status).toBe(200);
    expect(own.bytes.equals(inBucket as Buffer)).toBe(true);
    expect(own.headers.get('content-type')).toBe('image/jpeg');
    expect(own.headers.get('x-content-type-options')).toBe('nosniff');
    expect(own.headers.get('cache-control')).toMatch(/^private/);
    expect(own.headers.get('content-disposition')).toBe(
      `inline; filename="elevtext.jpg"; filename*=UTF-8''elevtext.jpg`,
    );
    const thumb = await download(api.url, cookie(sara), `/files/${imageId}/thumbnail`);
    expect(thumb.headers.get('content-type')).toBe('image/webp');
    expect(thumb.bytes.equals((await s3.object(`attachments/${imageId}/thumbnail`))?.bytes as Buffer)).toBe(
      true,
    );
    const pdf = await download(api.url, cookie(sara), `/files/${pdfId}`);
    expect(pdf.headers.get('content-type')).toBe('application/pdf');
    expect(pdf.headers.get('content-security-policy')).toBe('sandbox');
    expect(pdf.bytes.equals(TINY_PDF)).toBe(true);

    const mine = await sara.ok(REVISION, { r: ROUND1 });
    await sara.ok(PUBLISH, {
      input: {
        analysisId,
        expectedRevision: mine.myAnalysis.draft.revision,
        confirmNoPupilIdentifiable: true,
      },
    });
    const asPeer = await download(api.url, cookie(erik), `/files/${imageId}`);
    expect(asPeer.status).toBe(200);
    expect(asPeer.bytes.equals(inBucket as Buffer)).toBe(true);

    // A teacher of the organisation who is not in the cohort.
    await addPerson(api.db, {
      organisationId: DEMO_IDS.organisation,
      email: 'utanfor@larkby.example',
      fullName: 'Utan För',
      roles: [],
    });
    const outsider = await api.signedIn('utanfor@larkby.example');
    for (const path of [`/files/${imageId}`, `/files/${imageId}/thumbnail`, `/files/${pdfId}`]) {
      const res = await download(api.url, cookie(outsider), path);
      expect(res.status).toBe(403);
      expect(res.bytes.includes(TINY_PDF)).toBe(false);
    }
  });

  it('answers 404, not an error, for a file whose object is missing from the bucket', async () => {
    const lost = await post({ bytes: TINY_PDF, name: 'borta.pdf' });
    await s3.client.send(
      new DeleteObjectCommand({ Bucket: s3.bucket, Key: `attachments/${lost.body.attachment.id}/file` }),
    );
    expect((await download(api.url, cookie(sara), `/files/${lost.body.attachment.id}`)).status).toBe(404);
    await sara.ok(REMOVE, { id: lost.body.attachment.id });
  });

  it("deletes a removed draft file's objects; a published file's stay for its version", async () => {
    const before = await s3.keys();
    const draft = await post({ bytes: await jpegWithGps(), name: 'utkast.jpg' });
    const draftId = draft.body.attachment.id;
    expect(await s3.keys()).toEqual([...before, ...objects(draftId, true)].sort());
    await sara.ok(REMOVE, { id: draftId });
    expect(await s3.keys()).toEqual(before);

    // Published with version 1: out of the working copy, still in the bucket and served.
    await sara.ok(REMOVE, { id: imageId });
    expect(await s3.keys()).toEqual(before);
    expect((await download(api.url, cookie(erik), `/files/${imageId}`)).status).toBe(200);
  });

  it('erasing the author deletes her draft-only files from the bucket and keeps her published ones', async () => {
    const published = await s3.keys();
    const draft = await post({ bytes: await jpegWithGps(), name: 'ny.jpg' });
    expect(await s3.keys()).toEqual([...published, ...objects(draft.body.attachment.id, true)].sort());

    const [{ id: saraId }] = await api.db.query(`SELECT id FROM person WHERE email = $1`, [SARA]);
    const admin = await api.signedIn(ADMIN);
    const { erasePerson } = await admin.ok(ERASE, {
      input: { personId: saraId, confirmation: 'Sara Lindqvist' },
    });
    expect(erasePerson.counts).toContainEqual({ kind: 'draftAttachments', count: 1 });
    expect(await s3.keys()).toEqual(published);
    const peer = await download(api.url, cookie(erik), `/files/${pdfId}`);
    expect(peer.status).toBe(200);
    expect(peer.bytes.equals(TINY_PDF)).toBe(true);
  });

  it('deletes more files than one DeleteObjects request may name, as the retention job does', async () => {
    // 600 files are 1,200 keys; S3 refuses a DeleteObjects of more than 1,000 whole (s3rver does not).
    const ids = Array.from({ length: 600 }, () => randomUUID());
    const kept = await s3.keys();
    await s3.put(`attachments/${ids[0]}/file`, TINY_PDF);
    await s3.put(`attachments/${ids[599]}/thumbnail`, TINY_PDF);
    const send = jest.spyOn(S3Client.prototype, 'send');
    let requests: number[];
    try {
      await api.app.get(AttachmentStores).of(AttachmentStorageKind.S3).remove(api.db.manager, ids);
      requests = send.mock.calls
        .map(([command]) => command)
        .filter((command) => command instanceof DeleteObjectsCommand)
        .map((command) => (command as DeleteObjectsCommand).input.Delete?.Objects?.length ?? 0);
    } finally {
      send.mockRestore();
    }
    expect(requests.reduce((a, b) => a + b, 0)).toBe(1200);
    expect(Math.max(...requests)).toBeLessThanOrEqual(1000);
    expect(await s3.keys()).toEqual(kept);
  });
});
