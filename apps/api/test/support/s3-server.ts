import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  CreateBucketCommand,
  GetObjectCommand,
  ListObjectsV2Command,
  PutObjectCommand,
  S3Client,
} from '@aws-sdk/client-s3';
import S3rver from 's3rver';

/** s3rver knows one account; it checks the access key id of a request (not its SigV4 signature). */
const CREDENTIALS = { accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' };

export interface TestS3Server {
  /** The ATTACHMENTS_S3_* settings that point the API at this server's bucket. */
  env: Record<string, string>;
  bucket: string;
  /** A client of our own, to look into the bucket behind the API. */
  client: S3Client;
  /** Every key in the bucket, sorted. */
  keys(): Promise<string[]>;
  /** An object's bytes and stored Content-Type, read from the server; null when there is none. */
  object(key: string): Promise<{ bytes: Buffer; contentType: string | undefined } | null>;
  /** Stores an object behind the API. */
  put(key: string, bytes: Buffer): Promise<void>;
  close(): Promise<void>;
}

/**
 * An S3-compatible server (s3rver) in this process on a free port, its objects in a temporary
 * folder, with one bucket made through the S3 API (CreateBucket) as an operator would make it.
 */
export async function startS3Server(bucket = 'stl-attachments'): Promise<TestS3Server> {
  const directory = await mkdtemp(join(tmpdir(), 'stl-s3rver-'));
  // Buckets by path only, as MinIO serves them unless given a domain: with a host name as endpoint
  // (not an IP address, for which the SDK always uses the path), a store that ignored
  // ATTACHMENTS_S3_FORCE_PATH_STYLE would ask for `stl-attachments.localhost` and fail.
  const server = new S3rver({ address: '127.0.0.1', port: 0, silent: true, directory, vhostBuckets: false });
  const { port } = await server.run();
  const endpoint = `http://localhost:${port}`;
  // Stockholm rather than the default (s3rver accepts any region and does not check signatures).
  const region = 'eu-north-1';
  const client = new S3Client({ region, endpoint, forcePathStyle: true, credentials: CREDENTIALS });
  await client.send(new CreateBucketCommand({ Bucket: bucket }));
  return {
    env: {
      ATTACHMENTS_S3_BUCKET: bucket,
      ATTACHMENTS_S3_ENDPOINT: endpoint,
      ATTACHMENTS_S3_REGION: region,
      ATTACHMENTS_S3_ACCESS_KEY_ID: CREDENTIALS.accessKeyId,
      ATTACHMENTS_S3_SECRET_ACCESS_KEY: CREDENTIALS.secretAccessKey,
      ATTACHMENTS_S3_FORCE_PATH_STYLE: 'true',
    },
    bucket,
    client,
    keys: async () => {
      const keys: string[] = [];
      let token: string | undefined;
      do {
        const page = await client.send(
          new ListObjectsV2Command({ Bucket: bucket, ContinuationToken: token }),
        );
        keys.push(...(page.Contents ?? []).map((o) => o.Key as string));
        token = page.NextContinuationToken;
      } while (token);
      return keys.sort();
    },
    object: async (key) => {
      try {
        const out = await client.send(new GetObjectCommand({ Bucket: bucket, Key: key }));
        if (!out.Body) return null;
        return {
          bytes: Buffer.from(await out.Body.transformToByteArray()),
          contentType: out.ContentType,
        };
      } catch (e) {
        if ((e as { name?: string }).name === 'NoSuchKey') return null;
        throw e;
      }
    },
    put: async (key, bytes) => {
      await client.send(new PutObjectCommand({ Bucket: bucket, Key: key, Body: bytes }));
    },
    close: async () => {
      client.destroy();
      await server.close();
      await rm(directory, { recursive: true, force: true });
    },
  };
}
