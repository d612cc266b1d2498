import { signUnsubscribeToken, unsubscribeKey, verifyUnsubscribeToken } from './unsubscribe-token';

describe('unsubscribe links', () => {
  const key = unsubscribeKey('a-secret-that-is-long-enough-for-the-tests-0123');

  it('names the user and the kind it was made for', () => {
    const token = signUnsubscribeToken(key, { userId: 'u1', kind: 'mailings' });
    expect(verifyUnsubscribeToken(key, token)).toEqual({ userId: 'u1', kind: 'mailings' });
  });

  it('refuses a link whose user was swapped for another', () => {
    const token = signUnsubscribeToken(key, { userId: 'u1', kind: 'mailings' });
    const [, signature] = token.split('.');
    const forged = Buffer.from(JSON.stringify({ u: 'u2', k: 'mailings', p: 'unsubscribe' })).toString(
      'base64url',
    );
    expect(verifyUnsubscribeToken(key, `${forged}.${signature}`)).toBeNull();
  });

  it('refuses a link signed with another secret', () => {
    const other = unsubscribeKey('another-secret-that-is-long-enough-0123456789');
    const token = signUnsubscribeToken(other, { userId: 'u1', kind: 'replies' });
    expect(verifyUnsubscribeToken(key, token)).toBeNull();
  });

  it('refuses garbage and truncated links', () => {
    const token = signUnsubscribeToken(key, { userId: 'u1', kind: 'replies' });
    for (const bad of ['', 'abc', `${token}.x`, token.slice(0, -2), token.replace('.', '')]) {
      expect(verifyUnsubscribeToken(key, bad)).toBeNull();
    }
  });
});
