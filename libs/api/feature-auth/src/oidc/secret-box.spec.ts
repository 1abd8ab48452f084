import { SecretBox } from './secret-box';

describe('SecretBox', () => {
  const box = new SecretBox('k'.repeat(40));
  const org = '6f1c2a52-0000-4000-8000-000000000001';

  it('opens what it sealed, and never stores the plaintext', () => {
    const sealed = box.seal('the client secret', org);
    expect(sealed).toMatch(/^v1\.[\w-]+\.[\w-]+\.[\w-]+$/);
    expect(sealed).not.toContain('client');
    expect(box.open(sealed, org)).toBe('the client secret');
  });

  it('uses a fresh IV each time', () => {
    expect(box.seal('same', org)).not.toBe(box.seal('same', org));
  });

  it('refuses another key, another organisation and any altered byte', () => {
    const sealed = box.seal('the client secret', org);
    expect(new SecretBox('j'.repeat(40)).open(sealed, org)).toBeNull();
    expect(box.open(sealed, '6f1c2a52-0000-4000-8000-000000000002')).toBeNull();
    const parts = sealed.split('.');
    const flipped = Buffer.from(parts[3], 'base64url');
    flipped[0] ^= 1;
    expect(box.open([...parts.slice(0, 3), flipped.toString('base64url')].join('.'), org)).toBeNull();
    expect(box.open('v2.a.b.c', org)).toBeNull();
    expect(box.open('garbage', org)).toBeNull();
  });
});
