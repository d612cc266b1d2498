import { getConnectionToken } from '@nestjs/mongoose';
import type { Connection } from 'mongoose';
import { createServer, type Server, type Socket } from 'node:net';
import { registerUser } from '../factories/user.factory';
import { startApp, type TestApp } from '../helpers/start-app';

/** SHUTDOWN_TIMEOUT_MS for this spec: follow-ups get half of it at shutdown. */
const SHUTDOWN_MS = 1_000;

/**
 * An SMTP server that accepts the connection and never greets: nodemailer waits for its greeting (10 s) while
 * the verification mail's follow-up holds. A shutdown must not wait for it: the drain has SHUTDOWN_TIMEOUT_MS in
 * all, and the mail stays queued in its document for a later sweep.
 */
describe('fault: a follow-up hangs while the server shuts down', () => {
  let silent: Server;
  const sockets: Socket[] = [];
  let api: TestApp | undefined;

  beforeAll(async () => {
    silent = createServer((socket) => sockets.push(socket));
    await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
  });
  afterAll(async () => {
    await api?.close().catch(() => undefined);
    for (const socket of sockets) socket.destroy();
    await new Promise((resolve) => silent.close(resolve));
  });

  it('closes within the drain while the mail send hangs, the mail still pending in its document', async () => {
    const port = (silent.address() as { port: number }).port;
    api = await startApp({
      env: {
        SMTP_URL: `smtp://127.0.0.1:${port}`,
        SHUTDOWN_TIMEOUT_MS: String(SHUTDOWN_MS),
        FOLLOW_UP_SWEEP_MS: '0',
      },
    });
    const running = api;
    const user = await registerUser(running);
    const queue = running.app.get<Connection>(getConnectionToken()).collection('outgoing_mail');
    // The send is under way once the silent server has its connection.
    const deadline = Date.now() + 15_000;
    while (sockets.length === 0 && Date.now() < deadline)
      await new Promise((resolve) => setTimeout(resolve, 20));
    expect(sockets.length).toBeGreaterThan(0);
    const mail = await queue.findOne({ to: user.email });
    expect(mail).toMatchObject({ state: 'sending', template: 'verify-email' });
    expect(mail?.followUp).toBeDefined(); // pending: if the send is cut, a sweep takes it over

    const started = Date.now();
    await running.close();
    api = undefined;
    // Bounded by the drain (half of SHUTDOWN_TIMEOUT_MS plus closing), far below the SMTP greeting timeout
    // (10 s) it would otherwise wait out.
    expect(Date.now() - started).toBeLessThan(5_000);
    expect(running.logs.some((line) => line.includes('follow-ups still running at shutdown'))).toBe(true);
  });
});
