import { createHash } from 'node:crypto';
import { fileTypeFromBuffer } from 'file-type';
import sharp from 'sharp';
import { BadInputError } from '@stl/api/util-errors';

/** The only types an attachment may have, found in its content (magic bytes), never in its name. */
export const ATTACHMENT_TYPES = ['image/jpeg', 'image/png', 'image/webp', 'application/pdf'] as const;
export type AttachmentType = (typeof ATTACHMENT_TYPES)[number];

/** Longest side of a thumbnail, in pixels. */
export const THUMBNAIL_SIZE = 320;
/** Images larger than this many pixels are refused before decoding (decompression bombs). */
const MAX_INPUT_PIXELS = 60_000_000;

/** A file ready to store: images re-encoded without metadata, with a thumbnail. */
export interface PreparedFile {
  name: string;
  contentType: AttachmentType;
  bytes: Buffer;
  sha256: string;
  width: number | null;
  height: number | null;
  thumbnail: Buffer | null;
}

function refuse(code: 'FILE_TYPE_NOT_ALLOWED' | 'FILE_TOO_LARGE' | 'FILE_UNREADABLE', message: string) {
  return new BadInputError(message, [{ field: 'file', code, message }]);
}

/**
 * A file name safe to store and show: no path, no control or bidi-override characters, at most 200
 * characters (keeping the extension); "fil" when nothing is left.
 */
export function cleanFileName(raw: string): string {
  const base = raw.split(/[\\/]/).pop() ?? '';
  // eslint-disable-next-line no-control-regex
  const clean = base.replace(/[\u0000-\u001f\u007f\u202a-\u202e\u2066-\u2069"]/g, '').trim();
  if (!clean) return 'fil';
  if (clean.length <= 200) return clean;
  const dot = clean.lastIndexOf('.');
  const ext = dot > 0 && clean.length - dot <= 10 ? clean.slice(dot) : '';
  return clean.slice(0, 200 - ext.length) + ext;
}

/**
 * Checks an uploaded file and makes what is stored: the type from its content (JPEG, PNG, WebP,
 * PDF; anything else, whatever its name says, is FILE_TYPE_NOT_ALLOWED), images decoded and
 * re-encoded by sharp with every piece of metadata dropped (EXIF with GPS, XMP, IPTC, comments;
 * turned upright by their EXIF orientation first) and a WebP thumbnail. PDFs are kept as they are.
 */
export async function prepareFile(
  raw: Buffer,
  originalName: string,
  maxBytes: number,
): Promise<PreparedFile> {
  const name = cleanFileName(originalName);
  if (raw.length === 0) throw refuse('FILE_UNREADABLE', `The file "${name}" is empty.`);
  if (raw.length > maxBytes) {
    throw refuse(
      'FILE_TOO_LARGE',
      `The file "${name}" is larger than ${Math.floor(maxBytes / 1024 / 1024)} MB.`,
    );
  }
  const detected = await fileTypeFromBuffer(raw);
  const type = detected?.mime as string | undefined;
  if (!type || !(ATTACHMENT_TYPES as readonly string[]).includes(type)) {
    throw refuse(
      'FILE_TYPE_NOT_ALLOWED',
      `The file "${name}" is not a JPEG, PNG or WebP image or a PDF${type ? ` (its content is ${type})` : ''}, whatever its name says. Save it as one of those and try again.`,
    );
  }
  const contentType = type as AttachmentType;
  if (contentType === 'application/pdf') {
    return { name, contentType, bytes: raw, sha256: sha256(raw), width: null, height: null, thumbnail: null };
  }
  try {
    const input = () => sharp(raw, { limitInputPixels: MAX_INPUT_PIXELS, failOn: 'error' }).rotate();
    // sharp writes no metadata unless asked to (withMetadata/keepExif): the output has none.
    const encoded =
      contentType === 'image/jpeg'
        ? input().jpeg({ quality: 85, mozjpeg: true })
        : contentType === 'image/png'
          ? input().png({ compressionLevel: 9 })
          : input().webp({ quality: 85 });
    const { data: bytes, info } = await encoded.toBuffer({ resolveWithObject: true });
    const thumbnail = await input()
      .resize(THUMBNAIL_SIZE, THUMBNAIL_SIZE, { fit: 'inside', withoutEnlargement: true })
      .webp({ quality: 75 })
      .toBuffer();
    return {
      name,
      contentType,
      bytes,
      sha256: sha256(bytes),
      width: info.width,
      height: info.height,
      thumbnail,
    };
  } catch {
    throw refuse('FILE_UNREADABLE', `The image "${name}" could not be read; it may be damaged.`);
  }
}

export function sha256(bytes: Buffer): string {
  return createHash('sha256').update(bytes).digest('hex');
}

/**
 * A Content-Disposition header: `inline` for the types a browser shows safely (images, PDF in a
 * sandbox), with the name both as plain ASCII and as UTF-8 (RFC 6266, RFC 8187).
 */
export function contentDisposition(kind: 'inline' | 'attachment', name: string): string {
  const ascii = name.replace(/[^\x20-\x7e]/g, '_').replace(/["\\;]/g, '_');
  const utf8 = encodeURIComponent(name).replace(
    /['()*]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
  );
  return `${kind}; filename="${ascii}"; filename*=UTF-8''${utf8}`;
}
