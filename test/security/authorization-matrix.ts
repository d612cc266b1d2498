import { ACTORS, REST_POLICY, type Actor, type Expected } from './authorization-policy';
import { outcomeOf, REST_REQUESTS } from './authorization-requests';
import type { AuthorizationWorld } from './authorization-world';

/** The matrix is split by area into spec files, so each stays short; every route belongs to exactly one. */
export type Area = 'accounts' | 'forums' | 'moderation';

export function areaOf(route: string): Area {
  const path = route.split(' ')[1];
  if (path.startsWith('/api/moderation/')) return 'moderation';
  if (/^\/(api\/(forums|topics|posts|search|boards|reports|uploads)|media)(\/|$)/.test(path)) return 'forums';
  return 'accounts';
}

export const routesOf = (area: Area) => Object.keys(REST_POLICY).filter((route) => areaOf(route) === area);

/** Every route × variant × actor of one area. */
export const matrixSize = (area: Area) =>
  routesOf(area).reduce((sum, route) => sum + Object.keys(REST_POLICY[route]).length * ACTORS.length, 0);

interface Mismatch {
  variant: string;
  actor: Actor;
  expected: Expected;
  got: string;
}

/**
 * One test per route: every variant × actor is sent at once (each request brings its own fresh fixture when
 * it would change a shared one), and the test lists every answer that differs from the policy.
 */
export function describeMatrix(area: Area, world: () => AuthorizationWorld): void {
  describe.each(routesOf(area))('%s', (route) => {
    it('answers every actor as the policy declares', async () => {
      const cases = Object.entries(REST_POLICY[route]).flatMap(([variant, row]) =>
        ACTORS.map((actor) => ({ variant, actor, expected: row[actor] })),
      );
      const results = await Promise.all(
        cases.map(async ({ variant, actor, expected }): Promise<Mismatch | null> => {
          const request = REST_REQUESTS[route]?.[variant];
          if (!request) return { variant, actor, expected, got: 'no request written' };
          const res = await request(world(), actor, expected === 'ok');
          if (outcomeOf(res.status) === expected) return null;
          const body = res.body as { code?: string; message?: string } | undefined;
          return {
            variant,
            actor,
            expected,
            got: `${res.status} ${body?.code ?? ''} ${body?.message ?? ''}`.trim(),
          };
        }),
      );
      expect(results.filter((result) => result !== null)).toEqual([]);
    });
  });
}
