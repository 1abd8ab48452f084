import { expect, test } from './support/test';

test.describe('what the browser is sent (issue 18)', () => {
  test('the built bundles come brotli-compressed and cached for a year; index.html is revalidated', async ({
    page,
  }) => {
    const scripts: { url: string; headers: Record<string, string> }[] = [];
    page.on('response', (r) => {
      if (r.request().resourceType() === 'script') scripts.push({ url: r.url(), headers: r.headers() });
    });
    const index = await page.goto('/sign-in');
    expect(index?.headers()['cache-control']).toBe('no-cache');
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible();

    const main = scripts.find((s) => /\/main-[A-Za-z0-9_-]{8}\.js$/.test(s.url));
    expect(main, 'the main bundle was loaded').toBeDefined();
    // Chromium offers brotli only over HTTPS; on this plain-HTTP test server it asks for gzip.
    expect(main?.headers['content-encoding']).toMatch(/^(br|gzip)$/);
    expect(main?.headers['vary']).toMatch(/Accept-Encoding/i);
    expect(main?.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    // Every script over 1 kB went compressed; smaller ones are not worth it.
    for (const s of scripts) {
      if (!s.headers['content-encoding']) {
        expect({ url: s.url, length: Number(s.headers['content-length']) < 1024 }).toEqual({
          url: s.url,
          length: true,
        });
      }
    }

    // As over HTTPS (and as `curl -H 'Accept-Encoding: br'`): the brotli form made at build time.
    const br = await page.request.get(main?.url ?? '', {
      headers: { 'accept-encoding': 'gzip, deflate, br' },
    });
    expect(br.headers()['content-encoding']).toBe('br');
    expect(br.headers()['cache-control']).toBe('public, max-age=31536000, immutable');
  });
});
