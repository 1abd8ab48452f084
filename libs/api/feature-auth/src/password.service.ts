import { Injectable } from '@nestjs/common';
import { hash, verify } from '@node-rs/argon2';
import { normalisePassword, PASSWORD_MAX_INPUT_LENGTH } from '@stl/shared/domain';

/** argon2id with OWASP's suggested minimum (19 MiB, 2 passes). */
const OPTIONS = { memoryCost: 19456, timeCost: 2, parallelism: 1, algorithm: 2 as const };

@Injectable()
export class PasswordService {
  /** Verified when the e-mail is unknown, so a wrong address takes as long as a wrong password. */
  private readonly dummyHash = hash('not-a-real-password', OPTIONS);

  /**
   * Hashes the NFKC form of the password (NIST SP 800-63B 5.1.1.2, ADR 0010), so the same password
   * typed on another keyboard or system still matches. Callers check the rule first; this refuses
   * only an over-long input, so nothing of megabyte size is ever hashed.
   */
  hash(password: string): Promise<string> {
    if (password.length > PASSWORD_MAX_INPUT_LENGTH) throw new RangeError('Password too long to hash.');
    return hash(normalisePassword(password), OPTIONS);
  }

  /**
   * Whether `password` matches the stored hash. The NFKC form is tried first; a password whose NFKC
   * form differs from what was typed is also tried as typed, for hashes made before passwords were
   * normalised. An over-long input never matches and is not hashed.
   */
  async verify(storedHash: string | null, password: string): Promise<boolean> {
    const target = storedHash ?? (await this.dummyHash);
    if (password.length > PASSWORD_MAX_INPUT_LENGTH) return false;
    const normalised = normalisePassword(password);
    try {
      let ok = await verify(target, normalised);
      if (!ok && normalised !== password) ok = await verify(target, password);
      return ok && storedHash !== null;
    } catch {
      return false;
    }
  }
}
