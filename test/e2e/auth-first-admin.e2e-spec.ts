import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { registerUser } from '../factories/user.factory';
import { startApp, type TestApp } from '../helpers/start-app';

const run = promisify(execFile);
const root = join(__dirname, '..', '..');

describe('First admin (npm run admin:create)', () => {
  let api: TestApp;

  beforeAll(async () => {
    api = await startApp();
  });
  afterAll(async () => {
    await api.close();
  });

  const adminCreate = (args: string[], password: string) =>
    run(process.execPath, [join(root, 'node_modules/tsx/dist/cli.mjs'), 'scripts/admin-create.ts', ...args], {
      cwd: root,
      env: {
        PATH: process.env.PATH,
        NODE_ENV: 'test',
        MONGODB_URI: process.env.PARLEY_TEST_MONGODB_URI,
        MONGODB_DB_NAME: api.dbName,
        ADMIN_PASSWORD: password,
        LOG_LEVEL: 'silent',
      },
    });

  it('creates an admin who can sign in and manage users, and running it again changes nothing', async () => {
    const args = ['--username', 'root_admin', '--email', 'root@example.test'];
    const first = await adminCreate(args, 'first admin password');
    expect(first.stdout).toMatch(/^created admin root_admin/);
    expect(first.stdout + first.stderr).not.toContain('first admin password');
    const again = await adminCreate(args, 'another password');
    expect(again.stdout).toMatch(/already an admin; nothing changed/);

    await api.http
      .post('/api/auth/login')
      .send({ login: 'root_admin', password: 'another password' })
      .expect(401);
    const login = await api.http
      .post('/api/auth/login')
      .send({ login: 'root@example.test', password: 'first admin password' })
      .expect(200);
    expect(login.body.user.roles).toEqual(['member', 'admin']);
    await api.http
      .get('/api/admin/users')
      .set('Authorization', `Bearer ${login.body.accessToken}`)
      .expect(200);
  });

  it('makes an existing member admin without changing their password', async () => {
    const member = await registerUser(api, { username: 'grown_up' });
    const res = await adminCreate(['--username', 'GROWN_UP', '--email', member.email], 'ignored password');
    expect(res.stdout).toMatch(/is now an admin; its password was not changed/);
    await api.http.get('/api/admin/users').set(member.auth).expect(200);
    await api.http.post('/api/auth/login').send({ login: 'grown_up', password: member.password }).expect(200);
  });

  it('refuses a bad username without touching the database', async () => {
    await expect(
      adminCreate(['--username', 'no spaces', '--email', 'a@example.test'], 'long enough'),
    ).rejects.toMatchObject({
      code: 1,
      stderr: expect.stringContaining('--username must be 3 to 30'),
    });
  });
});
