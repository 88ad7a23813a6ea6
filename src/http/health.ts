import type { FastifyInstance } from 'fastify';
import type { Orm } from '../db/orm';

/** `/healthz`: the process answers. `/readyz`: its dependencies answer too. */
export function registerHealth(app: FastifyInstance, orm: Orm): void {
  app.get('/healthz', () => Promise.resolve({ status: 'ok' }));
  app.get('/readyz', async (_request, reply) => {
    try {
      await orm.em.getConnection().execute('select 1');
      return { status: 'ready', checks: { database: 'ok' } };
    } catch (error) {
      return reply.code(503).send({
        status: 'unavailable',
        checks: { database: `unavailable: ${(error as Error).message}` },
      });
    }
  });
}
