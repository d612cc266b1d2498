import { ClientCommand } from '../../src/realtime/socket-protocol';
import { REST_POLICY, SOCKET_POLICY } from './authorization-policy';
import { REST_REQUESTS } from './authorization-requests';
import { SOCKET_REQUESTS } from './socket-requests';
import { httpRoutesOf, socketCommandsOf } from '../helpers/route-table';
import { startApp, type TestApp } from '../helpers/start-app';

const variantsOf = (table: Record<string, Record<string, unknown>>) =>
  Object.entries(table)
    .flatMap(([key, byVariant]) => Object.keys(byVariant).map((variant) => `${key} [${variant}]`))
    .sort();

/** The matrix covers the application: a route or command added without a policy line fails here. */
describe('Authorization policy coverage', () => {
  let api: TestApp;

  beforeAll(async () => {
    api = await startApp();
  });
  afterAll(async () => {
    await api.close();
  });

  it('declares a policy for every route the application answers, and none for a route it lacks', () => {
    const routes = httpRoutesOf(api);
    const declared = Object.keys(REST_POLICY);
    expect(routes).toEqual(expect.arrayContaining(['GET /api/topics/:id', 'GET /metrics', 'GET /api/docs']));
    expect({ undeclared: routes.filter((route) => !declared.includes(route)) }).toEqual({ undeclared: [] });
    expect({ notInTheApp: declared.filter((route) => !routes.includes(route)) }).toEqual({ notInTheApp: [] });
  });

  it('declares a policy for every socket command the gateway handles, and none for a command it lacks', () => {
    const commands = socketCommandsOf(api);
    expect(commands).toEqual(Object.values(ClientCommand).sort());
    expect(Object.keys(SOCKET_POLICY).sort()).toEqual(commands);
  });

  it('has a request for every route, command and variant of the policy', () => {
    expect(variantsOf(REST_REQUESTS)).toEqual(variantsOf(REST_POLICY));
    expect(variantsOf(SOCKET_REQUESTS)).toEqual(variantsOf(SOCKET_POLICY));
  });
});
