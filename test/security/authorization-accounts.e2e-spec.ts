import { describeMatrix } from './authorization-matrix';
import { AuthorizationWorld } from './authorization-world';
import { startApp, type TestApp } from '../helpers/start-app';

describe('Authorization matrix: accounts routes', () => {
  let api: TestApp;
  let world: AuthorizationWorld;

  beforeAll(async () => {
    api = await startApp();
    world = await AuthorizationWorld.build(api, { notifications: true });
  });
  afterAll(async () => {
    await api.close();
  });

  describeMatrix('accounts', () => world);
});
