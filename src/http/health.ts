import type { FastifyInstance } from 'fastify';
import type { Orm } from '../db/orm';
import type { LiveContent } from '../graphql/live-content';

/** A dependency `/readyz` asks before it says ready; `check` rejects with the reason. */
export interface ReadinessCheck {
  readonly name: string;
  readonly check: () => Promise<void>;
}

export function databaseCheck(orm: Orm): ReadinessCheck {
  return {
    name: 'database',
    check: async () => {
      await orm.em.getConnection().execute('select 1');
    },
  };
}

/** The search index of the content version being served answers. */
export function searchCheck(live: LiveContent): ReadinessCheck {
  return {
    name: 'search',
    check: () => {
      const { search, searchProblem } = live.current;
      return search ? Promise.resolve() : Promise.reject(new Error(searchProblem ?? 'no index'));
    },
  };
}

/**
 * `/healthz`: the process answers. `/readyz`: every named check (the database, and whatever
 * else was registered, such as the search engine) answers too; otherwise 503 naming the reason.
 */
export function registerHealth(app: FastifyInstance, checks: readonly ReadinessCheck[]): void {
  app.get('/healthz', () => Promise.resolve({ status: 'ok' }));
  app.get('/readyz', async (_request, reply) => {
    const results = await Promise.all(
      checks.map(async ({ name, check }) => {
        try {
          await check();
          return [name, 'ok'] as const;
        } catch (error) {
          return [name, `unavailable: ${(error as Error).message ?? String(error)}`] as const;
        }
      }),
    );
    const ready = results.every(([, result]) => result === 'ok');
    return reply
      .code(ready ? 200 : 503)
      .header('cache-control', 'no-store')
      .send({ status: ready ? 'ready' : 'unavailable', checks: Object.fromEntries(results) });
  });
}
