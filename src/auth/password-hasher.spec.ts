import type { AppConfig } from '../infra/config/app-config';
import { PasswordHasher } from './password-hasher';

describe('PasswordHasher', () => {
  const hasher = new PasswordHasher({ NODE_ENV: 'test' } as AppConfig);

  it('stores the scrypt parameters and a fresh salt with every hash, never the password', async () => {
    const [a, b] = await Promise.all([hasher.hash('correct horse'), hasher.hash('correct horse')]);
    expect(a).toMatch(/^scrypt\$16384\$8\$1\$[\w-]{22}\$[\w-]{86}$/);
    expect(a).not.toBe(b);
    expect(a).not.toContain('correct horse');
  });

  it('accepts the right password and refuses a wrong one', async () => {
    const hash = await hasher.hash('correct horse');
    expect(await hasher.verify('correct horse', hash)).toBe(true);
    expect(await hasher.verify('correct horse ', hash)).toBe(false);
  });

  it('verifies a hash made with the production parameters', async () => {
    const production = new PasswordHasher({ NODE_ENV: 'production' } as AppConfig);
    const hash = await production.hash('battery staple');
    expect(hash.startsWith('scrypt$32768$8$3$')).toBe(true);
    expect(await hasher.verify('battery staple', hash)).toBe(true);
  });

  it('refuses when there is no usable hash (unknown or deleted account)', async () => {
    expect(await hasher.verify('anything', null)).toBe(false);
    expect(await hasher.verify('anything', 'bcrypt$whatever')).toBe(false);
  });
});
