import { randomBytes, scrypt, timingSafeEqual, type ScryptOptions } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { AppConfig } from '../infra/config/app-config';

export interface ScryptParameters {
  N: number;
  r: number;
  p: number;
}

/**
 * scrypt parameters. Production uses OWASP's "N=2^15, r=8, p=3" point (32 MiB of memory per hash, the same
 * work as N=2^17 with p=1 at a quarter of the memory, which bounds memory under a burst of logins).
 * NODE_ENV=test lowers the cost so suites that register hundreds of users stay fast; the parameters are
 * stored in every hash, so a hash made with either setting verifies under both.
 */
export const PRODUCTION_SCRYPT: ScryptParameters = { N: 2 ** 15, r: 8, p: 3 };
export const TEST_SCRYPT: ScryptParameters = { N: 2 ** 14, r: 8, p: 1 };
export const KEY_LENGTH = 64;
export const SALT_LENGTH = 16;

const scryptAsync = (password: string, salt: Buffer, keylen: number, options: ScryptOptions) =>
  new Promise<Buffer>((resolve, reject) =>
    scrypt(password, salt, keylen, options, (error, key) => (error ? reject(error) : resolve(key))),
  );

const maxmem = ({ N, r }: ScryptParameters) => 128 * N * r * 2;

/** Hashes as `scrypt$N$r$p$salt$key` (base64url), compares in constant time. */
@Injectable()
export class PasswordHasher {
  private readonly parameters: ScryptParameters;

  constructor(config: AppConfig) {
    this.parameters = config.NODE_ENV === 'test' ? TEST_SCRYPT : PRODUCTION_SCRYPT;
  }

  async hash(password: string): Promise<string> {
    const { N, r, p } = this.parameters;
    const salt = randomBytes(SALT_LENGTH);
    const key = await scryptAsync(password, salt, KEY_LENGTH, { N, r, p, maxmem: maxmem(this.parameters) });
    return ['scrypt', N, r, p, salt.toString('base64url'), key.toString('base64url')].join('$');
  }

  async verify(password: string, stored: string | null): Promise<boolean> {
    const parsed = stored ? parse(stored) : null;
    if (!parsed) {
      // Spend the same time as a real check so a missing account is not told apart by timing.
      await this.hash(password);
      return false;
    }
    const key = await scryptAsync(password, parsed.salt, parsed.key.length, {
      ...parsed.parameters,
      maxmem: maxmem(parsed.parameters),
    });
    return key.length === parsed.key.length && timingSafeEqual(key, parsed.key);
  }
}

function parse(stored: string): { parameters: ScryptParameters; salt: Buffer; key: Buffer } | null {
  const [scheme, N, r, p, salt, key] = stored.split('$');
  if (scheme !== 'scrypt' || !salt || !key) return null;
  const parameters = { N: Number(N), r: Number(r), p: Number(p) };
  if (!Object.values(parameters).every((value) => Number.isInteger(value) && value > 0)) return null;
  return { parameters, salt: Buffer.from(salt, 'base64url'), key: Buffer.from(key, 'base64url') };
}
