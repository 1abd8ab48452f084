import sharp from 'sharp';
import { expect, test } from './support/test';
import { checkPage, signInAsDemo, signInWithPassword as signIn, signOut } from './support/checks';

/**
 * Evidence attached to an analysis (issue 18, ADR 0024): a participant attaches a phone photo that
 * carries GPS metadata and a PDF to the section on pupils' learning, a file renamed to .png that is
 * no image is refused in words, she publishes, and a critical friend of the cohort sees the
 * thumbnails and opens the image, which comes back without any metadata; someone outside the
 * cohort gets 403 for the same URL. Uses round 1 of the demo cohort and people no other spec uses
 * (Nils Gustafsson, Mikael Larsson), so other spec files are not disturbed.
 */
test.describe.configure({ mode: 'serial' });

const COHORT_ID = '00000000-0000-4000-8004-000000000001';
const ROUND_ID = '00000000-0000-4000-8007-000000000001';
const EDITOR = `/cohorts/${COHORT_ID}/rounds/${ROUND_ID}/analysis`;
const AUTHOR = 'Nils Gustafsson';
const FRIEND = 'Mikael Larsson';
const MARK = 'Nils klass 5C skrev argumenterande texter';
const SECTIONS = ['goals', 'plan', 'outcome', 'evidence', 'effect', 'next'];
/** The EXIF tag that points to GPS data (0x8825), little-endian. */
const GPS_POINTER_TAG = Buffer.from([0x25, 0x88]);

let readPath = '';

let fileUrl = '';

/** A phone photo of pupils' work: EXIF with the camera, a name and where it was taken. */
function photoWithGps(): Promise<Buffer> {
  return sharp({ create: { width: 120, height: 90, channels: 3, background: { r: 30, g: 90, b: 160 } } })
    .jpeg()
    .withExif({
      IFD0: { Make: 'Phone', Artist: 'Elev Elevsson' },
      IFD3: {
        GPSLatitudeRef: 'N',
        GPSLatitude: '59/1 20/1 0/1',
        GPSLongitudeRef: 'E',
        GPSLongitude: '18/1 4/1 0/1',
      },
    })
    .toBuffer();
}

const PDF = Buffer.from(
  '%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj\n3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 200 200]>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n',
);

test('a participant attaches a photo and a PDF, a fake image is refused, and she publishes', async ({
  page,
}) => {
  const photo = await photoWithGps();
  expect((await sharp(photo).metadata()).exif?.includes(GPS_POINTER_TAG)).toBe(true);

  await signIn(page, AUTHOR, 'nils.gustafsson@larkby.example');
  await page.goto(EDITOR);
  await expect(page.getByRole('heading', { level: 1, name: /^Analys 1/ })).toBeVisible();
  // Files need a saved draft.
  await expect(page.locator('[data-section="evidence"]')).toContainText('Skriv något i analysen först');
  for (const key of SECTIONS) await page.locator(`#section-${key}`).fill(`${MARK} (${key}).`);
  await expect(page.getByTestId('autosave')).toHaveText(/^\s*Sparat \d{2}\.\d{2}\s*$/);

  const evidence = page.locator('[data-section="evidence"]');
  await evidence.getByLabel('Bifoga bild eller PDF till ”Belägg för elevernas lärande”').setInputFiles([
    { name: 'elevtext.jpg', mimeType: 'image/jpeg', buffer: photo },
    { name: 'elevtexter.pdf', mimeType: 'application/pdf', buffer: PDF },
  ]);
  await expect(evidence.getByTestId('attachment')).toHaveCount(2);
  await expect(evidence.getByRole('link', { name: 'elevtext.jpg' }).locator('img')).toBeVisible();
  await expect(evidence.getByTestId('attachment-reminder')).toContainText(
    'Inga elever får gå att känna igen',
  );

  // A text file renamed to .png: refused, in words, and not stored.
  await evidence.getByLabel('Bifoga bild eller PDF till ”Belägg för elevernas lärande”').setInputFiles({
    name: 'bild.png',
    mimeType: 'image/png',
    buffer: Buffer.from('Det här är ingen bild, bara text.\n'.repeat(10)),
  });
  await expect(evidence.getByTestId('attachment-error')).toHaveText(
    /”bild\.png” är inte en bild \(JPEG, PNG, WebP\) eller en PDF, oavsett vad filnamnet säger\./,
  );
  await expect(evidence.getByTestId('attachment')).toHaveCount(2);
  await checkPage(page, 'editor-attachments');

  await page.getByLabel('Jag intygar att ingen elev kan identifieras i texten.').check();
  await page.getByRole('button', { name: 'Publicera analysen' }).click();
  await expect(page.getByTestId('published')).toContainText('Analysen är publicerad (version 1).');
  await signOut(page);
});

test('a critical friend sees the thumbnails, and the image has no metadata', async ({ page }) => {
  await signIn(page, FRIEND, 'mikael.larsson@larkby.example');
  await page.goto(`/cohorts/${COHORT_ID}/shared`);
  // Newest first: the analysis just published is on the first page.
  await page.getByRole('link', { name: `${AUTHOR} – analys 1` }).click();
  await expect(page.getByRole('heading', { level: 1, name: `${AUTHOR} – analys 1` })).toBeVisible();
  readPath = new URL(page.url()).pathname;
  const thumb = page.getByRole('link', { name: 'elevtext.jpg' }).locator('img');
  await expect(thumb).toBeVisible();
  // The thumbnail was loaded and shown (not a broken image).
  await expect
    .poll(() => thumb.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth))
    .toBeGreaterThan(0);
  await expect(page.getByRole('link', { name: 'elevtexter.pdf' })).toBeVisible();
  await checkPage(page, 'analysis-read-attachments');

  fileUrl = (await page.getByRole('link', { name: 'elevtext.jpg' }).getAttribute('href')) ?? '';
  expect(fileUrl).toMatch(/^\/files\/[0-9a-f-]{36}$/);
  const res = await page.request.get(fileUrl);
  expect(res.status()).toBe(200);
  expect(res.headers()['content-type']).toBe('image/jpeg');
  expect(res.headers()['x-content-type-options']).toBe('nosniff');
  const stored = await res.body();
  const meta = await sharp(stored).metadata();
  expect(meta.exif).toBeUndefined();
  expect(meta.xmp).toBeUndefined();
  expect(stored.includes(Buffer.from('Elev Elevsson'))).toBe(false);
  await signOut(page);
});

test('someone outside the cohort gets 403 for the file', async ({ page }) => {
  // Karin Sjö leads other cohorts, not this one.
  await signInAsDemo(page, 'Karin Sjö');
  expect((await page.request.get(fileUrl)).status()).toBe(403);
  expect((await page.request.get(`${fileUrl}/thumbnail`)).status()).toBe(403);
  await page.goto(readPath);
  await expect(page.getByRole('link', { name: 'elevtext.jpg' })).toHaveCount(0);
  await signOut(page);
});
