import { getConnectionToken } from '@nestjs/mongoose';
import type { Connection } from 'mongoose';
import { registerUser } from '../factories/user.factory';
import { linkIn, mailsTo, waitForMails } from '../helpers/mailpit';
import { startApp, type TestApp } from '../helpers/start-app';

/** Account mail through a real SMTP catcher (Mailpit): what the user receives, not what a mock was handed. */
describe('account mail: verification, password reset, email change', () => {
  let api: TestApp;
  beforeAll(async () => {
    api = await startApp();
  });
  afterAll(async () => {
    await api.close();
  });

  const tokenOf = (url: URL) => url.searchParams.get('token') ?? '';
  const me = async (auth: Record<string, string>) =>
    (await api.http.get('/api/me').set(auth).expect(200)).body;
  const expireTokens = () =>
    api.app
      .get<Connection>(getConnectionToken())
      .collection('account_tokens')
      .updateMany({}, { $set: { expiresAt: new Date(Date.now() - 1000) } });

  describe('verification on registration', () => {
    it('mails a confirmation link in text and HTML, and the link verifies the address once', async () => {
      const user = await registerUser(api);
      expect((await me(user.auth)).emailVerified).toBe(false);
      const [mail] = await waitForMails(user.email);
      expect(mail.subject).toBe('[Parley] Confirm your email address');
      expect(mail.html).toContain('Confirm this address');
      // Administrative mail: no unsubscribe, whatever the preferences say.
      expect(mail.headers['List-Unsubscribe']).toBeUndefined();
      const token = tokenOf(linkIn(mail, '/verify-email?token='));
      const confirmed = await api.http.post('/api/auth/verify-email').send({ token }).expect(200);
      expect(confirmed.body.emailVerified).toBe(true);
      expect((await me(user.auth)).emailVerified).toBe(true);
      const again = await api.http.post('/api/auth/verify-email').send({ token }).expect(400);
      expect(again.body).toMatchObject({ code: 'link_invalid', details: { field: 'token' } });
    });

    it('refuses a common password at registration and says why, for the form to show', async () => {
      const res = await api.http
        .post('/api/auth/register')
        .send({ username: 'weakling', email: 'weakling@example.test', password: 'password' })
        .expect(400);
      expect(res.body.code).toBe('validation_failed');
      expect(res.body.details.fields).toEqual([
        { field: 'password', messages: [expect.stringMatching(/heavily used password/)] },
      ]);
    });
  });

  describe('password reset', () => {
    const ask = (email: string) => api.http.post('/api/auth/password-reset').send({ email });

    it('answers the same for a known and an unknown address, and mails only the known one', async () => {
      const user = await registerUser(api);
      await waitForMails(user.email); // the confirmation mail
      const known = await ask(user.email).expect(202);
      const unknown = await ask('nobody-here@example.test').expect(202);
      expect(unknown.body).toEqual(known.body);
      const mails = await waitForMails(user.email, 2);
      expect(mails.map((mail) => mail.subject)).toContain('[Parley] Reset your password');
      await api.settled();
      expect(await mailsTo('nobody-here@example.test')).toEqual([]);
    });

    it('sets the new password with the mailed link, ends the sessions, and the link works only once', async () => {
      const user = await registerUser(api);
      await ask(user.email).expect(202);
      const reset = (await waitForMails(user.email, 2)).find((mail) => mail.subject.includes('Reset'))!;
      const token = tokenOf(linkIn(reset, '/reset-password?token='));
      const weak = await api.http
        .post('/api/auth/password-reset/confirm')
        .send({ token, password: 'password' })
        .expect(400);
      expect(weak.body.details.fields[0].field).toBe('password');
      const password = 'quiet harbour lantern 42';
      await api.http.post('/api/auth/password-reset/confirm').send({ token, password }).expect(204);
      await api.http.get('/api/me').set(user.auth).expect(401);
      await api.http
        .post('/api/auth/login')
        .send({ login: user.username, password: user.password })
        .expect(401);
      await api.http.post('/api/auth/login').send({ login: user.username, password }).expect(200);
      const reused = await api.http
        .post('/api/auth/password-reset/confirm')
        .send({ token, password: 'another quiet harbour 43' })
        .expect(400);
      expect(reused.body.details).toEqual({ field: 'token' });
      const notice = await waitForMails(user.email, 3);
      expect(notice.map((mail) => mail.subject)).toContain('[Parley] Your password was changed');
    });

    it('refuses an expired link', async () => {
      const user = await registerUser(api);
      await ask(user.email).expect(202);
      const reset = (await waitForMails(user.email, 2)).find((mail) => mail.subject.includes('Reset'))!;
      await expireTokens();
      await api.http
        .post('/api/auth/password-reset/confirm')
        .send({
          token: tokenOf(linkIn(reset, '/reset-password?token=')),
          password: 'quiet harbour lantern 42',
        })
        .expect(400);
      await api.http
        .post('/api/auth/login')
        .send({ login: user.username, password: user.password })
        .expect(200);
    });

    it('throttles requests per address, whether or not the address has an account', async () => {
      const address = `throttled-${Date.now()}@example.test`;
      for (let i = 0; i < 5; i += 1) await ask(address).expect(202);
      const sixth = await ask(address).expect(429);
      expect(sixth.body.code).toBe('rate_limited');
    });
  });

  describe('email change', () => {
    it('uses the new address only once it is confirmed, and tells the old one', async () => {
      const user = await registerUser(api);
      const next = `new-${user.username}@example.test`.toLowerCase();
      const pending = await api.http.patch('/api/me').set(user.auth).send({ email: next }).expect(200);
      expect(pending.body).toMatchObject({ email: user.email, pendingEmail: next });
      await api.http.post('/api/auth/login').send({ login: next, password: user.password }).expect(401);
      const old = await waitForMails(user.email, 2);
      expect(old.map((mail) => mail.subject)).toContain('[Parley] Your email address is being changed');
      const [confirm] = await waitForMails(next);
      expect(confirm.subject).toBe('[Parley] Confirm your new email address');
      await api.http
        .post('/api/auth/verify-email')
        .send({ token: tokenOf(linkIn(confirm, '/verify-email?token=')) })
        .expect(200);
      expect(await me(user.auth)).toMatchObject({ email: next, pendingEmail: null, emailVerified: true });
      await api.http.post('/api/auth/login').send({ login: next, password: user.password }).expect(200);
    });
  });
});
