import { describeMatrix } from './authorization-matrix';
import { AuthorizationWorld } from './authorization-world';
import { startApp, type TestApp } from '../helpers/start-app';

describe('Authorization matrix: forums routes', () => {
  let api: TestApp;
  let world: AuthorizationWorld;

  beforeAll(async () => {
    api = await startApp();
    world = await AuthorizationWorld.build(api, { scopes: true, ownContent: true });
  });
  afterAll(async () => {
    await api.close();
  });

  describeMatrix('forums', () => world);
});
