import { getConnectionToken } from '@nestjs/mongoose';
import type { Connection } from 'mongoose';
import { registerUser } from '../factories/user.factory';
import { mailsTo, startMailpit, waitForMails, type Mailpit } from '../helpers/mailpit';
import { FollowUpWorker as FollowUpWorkerToken } from '../../src/infra/outbox/follow-up-worker';
import { startApp, type TestApp } from '../helpers/start-app';

describe('fault: the SMTP server is down', () => {
  let mailpit: Mailpit;
  let api: TestApp;
  beforeAll(async () => {
    mailpit = await startMailpit(); // its own, so stopping it touches no other spec
    api = await startApp({ env: { SMTP_URL: mailpit.smtpUrl, FOLLOW_UP_SWEEP_MS: '0' } });
  });
  afterAll(async () => {
    await api.close();
    await mailpit.dispose();
  });

  it('registers anyway, keeps the mail queued while SMTP is down, and delivers it exactly once when it is back', async () => {
    await mailpit.stop();
    const user = await registerUser(api); // 201: the request never waits for SMTP
    const queue = api.app.get<Connection>(getConnectionToken()).collection('outgoing_mail');
    const deadline = Date.now() + 15_000;
    let mail = await queue.findOne({ to: user.email });
    while ((mail?.attempts ?? 0) < 1 && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 50));
      mail = await queue.findOne({ to: user.email });
    }
    expect(mail).toMatchObject({ state: 'queued', attempts: 1, template: 'verify-email' });
    expect(mail?.followUp).toBeDefined(); // still pending: a sweep retries it
    await mailpit.start();
    await api.settled(); // the sweep that takes it over after its back-off
    const received = await waitForMails(user.email, 1, mailpit.apiUrl);
    await api.settled();
    expect(received.map((caught) => caught.subject)).toEqual(['[Parley] Confirm your email address']);
    expect(await queue.findOne({ to: user.email })).toMatchObject({ state: 'sent', data: {} });
    // Nothing left to retry: a later sweep sends nothing more.
    await api.app.get(FollowUpWorkerToken).sweep(new Date(Date.now() + 86_400_000));
    expect(await mailsTo(user.email, mailpit.apiUrl)).toHaveLength(1);
  });
});
