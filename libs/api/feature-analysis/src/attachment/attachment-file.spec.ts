import sharp from 'sharp';
import { BadInputError } from '@stl/api/util-errors';
import { cleanFileName, contentDisposition, prepareFile } from './attachment-file';

async function problemOf(p: Promise<unknown>): Promise<string | undefined> {
  const e = await p.catch((err: unknown) => err);
  expect(e).toBeInstanceOf(BadInputError);
  return (e as BadInputError).problems[0]?.code;
}

describe('attachment files', () => {
  it('re-encodes PNG and WebP without metadata and makes a WebP thumbnail no larger than 320 px', async () => {
    const big = sharp({ create: { width: 800, height: 400, channels: 4, background: '#3366aa' } }).withExif({
      IFD0: { Artist: 'Elev Elevsson' },
    });
    for (const [input, type] of [
      [await big.clone().png().toBuffer(), 'image/png'],
      [await big.clone().webp().toBuffer(), 'image/webp'],
    ] as const) {
      const out = await prepareFile(input, 'bild', 10_000_000);
      expect(out.contentType).toBe(type);
      expect([out.width, out.height]).toEqual([800, 400]);
      expect((await sharp(out.bytes).metadata()).exif).toBeUndefined();
      const thumb = await sharp(out.thumbnail as Buffer).metadata();
      expect([thumb.format, thumb.width, thumb.height]).toEqual(['webp', 320, 160]);
      expect(out.sha256).toMatch(/^[0-9a-f]{64}$/);
    }
  });

  it('refuses by content, never by name: text, GIF and SVG named as images', async () => {
    expect(await problemOf(prepareFile(Buffer.from('just text'), 'a.png', 1000))).toBe(
      'FILE_TYPE_NOT_ALLOWED',
    );
    const gif = Buffer.from('R0lGODlhAQABAIAAAAAAAP///yH5BAEAAAAALAAAAAABAAEAAAIBRAA7', 'base64');
    expect(await problemOf(prepareFile(gif, 'a.jpg', 1000))).toBe('FILE_TYPE_NOT_ALLOWED');
    const svg = Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>');
    expect(await problemOf(prepareFile(svg, 'a.png', 1000))).toBe('FILE_TYPE_NOT_ALLOWED');
    expect(await problemOf(prepareFile(Buffer.alloc(0), 'a.pdf', 1000))).toBe('FILE_UNREADABLE');
    expect(await problemOf(prepareFile(Buffer.alloc(2000, 1), 'a.pdf', 1000))).toBe('FILE_TOO_LARGE');
  });

  it('refuses a damaged image whose first bytes look right', async () => {
    const png = await sharp({ create: { width: 50, height: 50, channels: 3, background: '#000' } })
      .png()
      .toBuffer();
    expect(await problemOf(prepareFile(png.subarray(0, 60), 'a.png', 10_000))).toBe('FILE_UNREADABLE');
  });

  it('cleans file names and quotes them safely in Content-Disposition', () => {
    expect(cleanFileName('C:\\Users\\x\\..\\elev.jpg')).toBe('elev.jpg');
    expect(cleanFileName('../../etc/passwd')).toBe('passwd');
    expect(cleanFileName('a\u202eexe.png')).toBe('aexe.png');
    expect(cleanFileName('\u0000')).toBe('fil');
    expect(cleanFileName(`${'x'.repeat(300)}.pdf`)).toHaveLength(200);
    expect(cleanFileName(`${'x'.repeat(300)}.pdf`).endsWith('.pdf')).toBe(true);
    expect(contentDisposition('inline', 'Åsa "bild";.jpg')).toBe(
      `inline; filename="_sa _bild__.jpg"; filename*=UTF-8''%C3%85sa%20%22bild%22%3B.jpg`,
    );
  });
});
