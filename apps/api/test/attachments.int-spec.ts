import { hash } from '@node-rs/argon2';
import sharp from 'sharp';
import { DEMO_IDS, DEMO_OPERATOR_EMAIL } from '@stl/api/data-access-db';
import { PUBLISH, SAVE, answers } from './support/analysis-fixtures';
import { GPS_POINTER_TAG, TINY_PDF, download, jpegWithGps, upload } from './support/attachment-fixtures';
import type { GqlClient } from './support/gql-client';
import { startTestApi } from './support/test-api';
import type { TestApi } from './support/test-api';

const SARA = 'sara.lindqvist@larkby.example';
const ERIK = 'erik.johansson@larkby.example';
const ROUND1 = DEMO_IDS.round(1);

const MINE = `query($r: ID!) { myAnalysis(roundId: $r) { id draft { revision } draftAttachments { id sectionKey originalName contentType size width height url thumbnailUrl } } }`;
const READ = `query($id: ID!) { analysis(id: $id) { draftAttachments { id } versions { version attachments { id originalName thumbnailUrl } } } }`;
const REMOVE = `mutation($id: ID!) { removeAttachment(id: $id) { id } }`;

describe('attachments: upload, metadata stripped, who may open them, frozen with a version', () => {
  let api: TestApi;
  let sara: GqlClient;
  let erik: GqlClient;
  let analysisId: string;
  let imageId: string;
  let pdfId: string;

  const cookie = (c: GqlClient) => c.sessionCookie;
  async function publish() {
    const mine = await sara.ok(MINE, { r: ROUND1 });
    return sara.ok(PUBLISH, {
      input: {
        analysisId,
        expectedRevision: mine.myAnalysis.draft.revision,
        confirmNoPupilIdentifiable: true,
      },
    });
  }

  beforeAll(async () => {
    api = await startTestApi({ env: { ATTACHMENT_MAX_PER_SECTION: '3', ATTACHMENT_MAX_BYTES: '200000' } });
    sara = await api.signedIn(SARA);
    erik = await api.signedIn(ERIK);
    const saved = await sara.ok(SAVE, {
      input: { roundId: ROUND1, expectedRevision: 0, answers: answers('Med bevis') },
    });
    analysisId = saved.saveAnalysisDraft.id;
  });
  afterAll(() => api.close());

  it('stores an image re-encoded without any metadata (no GPS), upright, with a thumbnail', async () => {
    const original = await jpegWithGps();
    const before = await sharp(original).metadata();
    expect(before.exif?.includes(GPS_POINTER_TAG)).toBe(true);
    expect(before.exif?.toString('latin1')).toContain('Elev Elevsson');

    const r = await upload(
      api.url,
      cookie(sara),
      { analysisId, section: 'evidence' },
      { bytes: original, name: 'elevtext.jpg', type: 'image/jpeg' },
    );
    expect(r.status).toBe(201);
    imageId = r.body.attachment.id;
    expect(r.body.attachment).toMatchObject({
      contentType: 'image/jpeg',
      sectionKey: 'evidence',
      originalName: 'elevtext.jpg',
    });
    // Orientation 6 turned it upright: 48 wide, 64 high.
    expect([r.body.attachment.width, r.body.attachment.height]).toEqual([48, 64]);

    // Read back what is stored, behind the API.
    const [stored] = await api.db.query(
      `SELECT bytes FROM attachment_content WHERE attachment_id = $1 AND variant = 'file'`,
      [imageId],
    );
    const meta = await sharp(stored.bytes as Buffer).metadata();
    expect(meta.format).toBe('jpeg');
    expect(meta.exif).toBeUndefined();
    expect(meta.xmp).toBeUndefined();
    expect(meta.iptc).toBeUndefined();
    expect(meta.orientation).toBeUndefined();
    expect((stored.bytes as Buffer).includes(Buffer.from('Elev Elevsson'))).toBe(false);

    const [row] = await api.db.query(
      `SELECT size, sha256, has_thumbnail, storage FROM attachment WHERE id = $1`,
      [imageId],
    );
    expect(row).toMatchObject({
      size: (stored.bytes as Buffer).length,
      has_thumbnail: true,
      storage: 'postgres',
    });

    const thumb = await download(api.url, cookie(sara), `/files/${imageId}/thumbnail`);
    expect(thumb.status).toBe(200);
    expect(thumb.headers.get('content-type')).toBe('image/webp');
    expect((await sharp(thumb.bytes).metadata()).exif).toBeUndefined();
  });

  it('keeps a PDF as it is, and lists both on the working copy for the author only', async () => {
    const r = await upload(
      api.url,
      cookie(sara),
      { analysisId, section: 'evidence' },
      { bytes: TINY_PDF, name: '../../elevtexter.pdf' },
    );
    expect(r.status).toBe(201);
    pdfId = r.body.attachment.id;
    expect(r.body.attachment).toMatchObject({
      contentType: 'application/pdf',
      originalName: 'elevtexter.pdf',
      thumbnailUrl: null,
    });
    const mine = await sara.ok(MINE, { r: ROUND1 });
    expect(mine.myAnalysis.draftAttachments.map((a: { id: string }) => a.id)).toEqual([imageId, pdfId]);
    expect(mine.myAnalysis.draftAttachments[0].url).toBe(`/files/${imageId}`);
  });

  it('refuses a file named .png that is not an image, and other bad uploads, storing nothing', async () => {
    const fake = await upload(
      api.url,
      cookie(sara),
      { analysisId, section: 'evidence' },
      { bytes: Buffer.from('hej, det här är text\n'.repeat(20)), name: 'bild.png', type: 'image/png' },
    );
    expect(fake.status).toBe(422);
    expect(fake.body.errors[0].extensions.code).toBe('BAD_USER_INPUT');
    expect(fake.body.errors[0].extensions.problems[0]).toMatchObject({
      field: 'file',
      code: 'FILE_TYPE_NOT_ALLOWED',
    });
    expect(fake.body.errors[0].message).toMatch(/not a JPEG, PNG or WebP image or a PDF/);

    const gif = Buffer.from('R0lGODlhAQABAIAAAAAAAP///yH5BAEAAAAALAAAAAABAAEAAAIBRAA7', 'base64');
    const asGif = await upload(
      api.url,
      cookie(sara),
      { analysisId, section: 'evidence' },
      { bytes: gif, name: 'x.jpg' },
    );
    expect(asGif.body.errors[0].extensions.problems[0].code).toBe('FILE_TYPE_NOT_ALLOWED');

    const big = await upload(
      api.url,
      cookie(sara),
      { analysisId, section: 'evidence' },
      { bytes: Buffer.alloc(300_000, 1), name: 'stor.pdf' },
    );
    expect(big.status).toBe(413);
    expect(big.body.errors[0].extensions.problems[0].code).toBe('FILE_TOO_LARGE');

    const noHeader = await upload(
      api.url,
      cookie(sara),
      { analysisId, section: 'evidence' },
      { bytes: TINY_PDF, name: 'a.pdf' },
      { header: false },
    );
    expect(noHeader.status).toBe(400);
    expect(noHeader.body.errors[0].extensions.code).toBe('MALFORMED_REQUEST');

    const anonymous = await upload(
      api.url,
      null,
      { analysisId, section: 'evidence' },
      { bytes: TINY_PDF, name: 'a.pdf' },
    );
    expect(anonymous.status).toBe(401);

    const unknownSection = await upload(
      api.url,
      cookie(sara),
      { analysisId, section: 'nope' },
      { bytes: TINY_PDF, name: 'a.pdf' },
    );
    expect(unknownSection.body.errors[0].extensions.problems[0].code).toBe('UNKNOWN_SECTION');

    const notMine = await upload(
      api.url,
      cookie(erik),
      { analysisId, section: 'evidence' },
      { bytes: TINY_PDF, name: 'a.pdf' },
    );
    expect(notMine.status).toBe(404);

    const [{ n }] = await api.db.query(`SELECT count(*)::int AS n FROM attachment`);
    expect(n).toBe(2);
  });

  it('allows a set number of files per section', async () => {
    const third = await upload(
      api.url,
      cookie(sara),
      { analysisId, section: 'evidence' },
      { bytes: TINY_PDF, name: 'tre.pdf' },
    );
    expect(third.status).toBe(201);
    const fourth = await upload(
      api.url,
      cookie(sara),
      { analysisId, section: 'evidence' },
      { bytes: TINY_PDF, name: 'fyra.pdf' },
    );
    expect(fourth.status).toBe(422);
    expect(fourth.body.errors[0].extensions.problems[0].code).toBe('TOO_MANY_FILES');
    // Removing a file that was never published deletes it and its bytes.
    await sara.ok(REMOVE, { id: third.body.attachment.id });
    const [{ n }] = await api.db.query(
      `SELECT count(*)::int AS n FROM attachment_content WHERE attachment_id = $1`,
      [third.body.attachment.id],
    );
    expect(n).toBe(0);
  });

  it('serves files to those who may read the analysis only: 401, 403 for outsiders and before publishing', async () => {
    expect((await download(api.url, null, `/files/${imageId}`)).status).toBe(401);
    // A critical friend of the cohort, before publishing: the working copy is private.
    expect((await download(api.url, cookie(erik), `/files/${imageId}`)).status).toBe(403);

    await publish();
    const asPeer = await download(api.url, cookie(erik), `/files/${imageId}`);
    expect(asPeer.status).toBe(200);
    expect(asPeer.headers.get('content-type')).toBe('image/jpeg');
    expect(asPeer.headers.get('x-content-type-options')).toBe('nosniff');
    expect(asPeer.headers.get('cache-control')).toMatch(/^private/);
    expect(asPeer.headers.get('content-disposition')).toBe(
      `inline; filename="elevtext.jpg"; filename*=UTF-8''elevtext.jpg`,
    );
    expect((await sharp(asPeer.bytes).metadata()).exif).toBeUndefined();

    const pdf = await download(api.url, cookie(erik), `/files/${pdfId}`);
    expect(pdf.headers.get('content-type')).toBe('application/pdf');
    expect(pdf.headers.get('content-security-policy')).toBe('sandbox');
    expect(pdf.bytes.equals(TINY_PDF)).toBe(true);

    const leader = await api.signedIn('johan.ek@larkby.example');
    expect((await download(api.url, cookie(leader), `/files/${imageId}/thumbnail`)).status).toBe(200);
    const schoolLeader = await api.signedIn('rektor.ekbacke@larkby.example');
    expect((await download(api.url, cookie(schoolLeader), `/files/${imageId}`)).status).toBe(403);
    await api.db.query(
      `INSERT INTO person (organisation_id, email, full_name, password_hash) VALUES ($1, 'utanfor@larkby.example', 'Utan För', $2)`,
      [DEMO_IDS.organisation, await hash('stl-demo-2026')],
    );
    // The platform operator runs the service and never sees course content (ADR 0015).
    const operator = await api.signedIn(DEMO_OPERATOR_EMAIL);
    expect((await download(api.url, cookie(operator), `/files/${imageId}`)).status).toBe(403);
    const outsider = await api.signedIn('utanfor@larkby.example');
    expect((await download(api.url, cookie(outsider), `/files/${imageId}`)).status).toBe(403);
    expect((await download(api.url, cookie(outsider), `/files/${imageId}/thumbnail`)).status).toBe(403);
    expect(
      (await download(api.url, cookie(sara), `/files/00000000-0000-4000-8000-000000000000`)).status,
    ).toBe(404);
    expect((await download(api.url, cookie(sara), `/files/not-an-id`)).status).toBe(404);

    const read = await erik.ok(READ, { id: analysisId });
    expect(read.analysis.draftAttachments).toEqual([]);
    expect(read.analysis.versions[0].attachments.map((a: { id: string }) => a.id)).toEqual([imageId, pdfId]);
    expect(read.analysis.versions[0].attachments[0].thumbnailUrl).toBe(`/files/${imageId}/thumbnail`);
    expect(await erik.code(REMOVE, { id: imageId })).toBe('NOT_FOUND');
  });

  it("never changes a published version's files: removing from the draft keeps them for the version", async () => {
    await sara.ok(REMOVE, { id: imageId });
    const mine = await sara.ok(MINE, { r: ROUND1 });
    expect(mine.myAnalysis.draftAttachments.map((a: { id: string }) => a.id)).toEqual([pdfId]);
    expect(await sara.code(REMOVE, { id: imageId })).toBe('NOT_FOUND');
    // Still stored and served for version 1.
    expect((await download(api.url, cookie(erik), `/files/${imageId}`)).status).toBe(200);

    // Publishing again with only the files changed makes a new version without the image.
    const again = await publish();
    expect(again.publishAnalysis.publishedVersion).toBe(2);
    const read = await erik.ok(READ, { id: analysisId });
    expect(
      read.analysis.versions.map((v: { attachments: { id: string }[] }) => v.attachments.map((a) => a.id)),
    ).toEqual([[imageId, pdfId], [pdfId]]);
    // Publishing with nothing changed makes no version.
    expect((await publish()).publishAnalysis.publishedVersion).toBe(2);
    // The version's link cannot be deleted from under it.
    await expect(api.db.query(`DELETE FROM attachment WHERE id = $1`, [imageId])).rejects.toThrow(
      /foreign key/,
    );
  });
});
