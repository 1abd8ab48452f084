import sharp from 'sharp';

/** The EXIF tag that points to GPS data (0x8825), as it appears in little-endian EXIF. */
export const GPS_POINTER_TAG = Buffer.from([0x25, 0x88]);

/**
 * A small JPEG a phone could have taken at a school: EXIF with the camera, a pupil's name as
 * artist and the place (GPS), and an orientation that turns it on its side.
 */
export function jpegWithGps(): Promise<Buffer> {
  return sharp({ create: { width: 64, height: 48, channels: 3, background: { r: 200, g: 30, b: 30 } } })
    .jpeg()
    .withMetadata({ orientation: 6 })
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

/** The smallest PDF a reader opens: one empty page. */
export const TINY_PDF = Buffer.from(
  '%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj\n3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 200 200]>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n',
);

/** Posts one file as the web app does (multipart, the upload header, the session cookie). */
export async function upload(
  baseUrl: string,
  cookie: string | null,
  fields: { analysisId: string; section: string },
  file: { bytes: Buffer; name: string; type?: string },
  options: { header?: boolean } = {},
): Promise<{ status: number; body: any }> {
  const form = new FormData();
  form.set('analysisId', fields.analysisId);
  form.set('section', fields.section);
  form.set(
    'file',
    new Blob([new Uint8Array(file.bytes)], { type: file.type ?? 'application/octet-stream' }),
    file.name,
  );
  const res = await fetch(`${baseUrl}/files`, {
    method: 'POST',
    headers: { ...(cookie ? { cookie } : {}), ...(options.header === false ? {} : { 'x-stl-upload': '1' }) },
    body: form,
  });
  return { status: res.status, body: await res.json() };
}

/** GETs a file path (`/files/...`) with a session cookie, or none. */
export async function download(baseUrl: string, cookie: string | null, path: string) {
  const res = await fetch(`${baseUrl}${path}`, { headers: cookie ? { cookie } : {} });
  return { status: res.status, headers: res.headers, bytes: Buffer.from(await res.arrayBuffer()) };
}
