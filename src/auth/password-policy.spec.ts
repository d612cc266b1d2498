import { passwordWeakness } from './password-policy';

describe('password policy', () => {
  it('refuses "password" and says it is a heavily used password', () => {
    expect(passwordWeakness('password')).toMatch(/heavily used password/);
  });

  it('refuses a password made of the username', () => {
    expect(passwordWeakness('ada_lovelace1', ['ada_lovelace'])).not.toBeNull();
  });

  it('accepts a passphrase of several uncommon words', () => {
    expect(passwordWeakness('correct staple lagoon quill')).toBeNull();
  });
});
