import { Injectable } from '@nestjs/common';
import { hash, verify } from '@node-rs/argon2';

/** argon2id with OWASP's suggested minimum (19 MiB, 2 passes). */
const OPTIONS = { memoryCost: 19456, timeCost: 2, parallelism: 1, algorithm: 2 as const };

@Injectable()
export class PasswordService {
  /** Verified when the e-mail is unknown, so a wrong address takes as long as a wrong password. */
  private readonly dummyHash = hash('not-a-real-password', OPTIONS);

  hash(password: string): Promise<string> {
    return hash(password, OPTIONS);
  }

  async verify(storedHash: string | null, password: string): Promise<boolean> {
    const target = storedHash ?? (await this.dummyHash);
    try {
      const ok = await verify(target, password);
      return ok && storedHash !== null;
    } catch {
      return false;
    }
  }
}
