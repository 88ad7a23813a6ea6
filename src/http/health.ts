import type { FastifyBaseLogger, FastifyInstance } from 'fastify';
import { ContentEntity } from '../content/common/content.entity';
import { readContentVersion } from '../content/common/content-state';
import type { Orm } from '../db/orm';
import type { LiveContent } from '../graphql/live-content';

/** A dependency `/readyz` asks before it says ready; `check` rejects with the reason. */
export interface ReadinessCheck {
  readonly name: string;
  readonly check: () => Promise<void>;
}

/**
 * A reason of our own words, safe to show in production. Any other error (a driver's message
 * naming host, port or database) is only logged there.
 */
export class ReadinessProblem extends Error {
  override readonly name = 'ReadinessProblem';
}

/** How long `/readyz` waits for one check; checks run side by side, so the answer comes in 2 s. */
export const READY_CHECK_TIMEOUT_MS = 1500;

/** The database answers, has the schema, and holds seeded content. */
export function databaseCheck(orm: Orm): ReadinessCheck {
  return {
    name: 'database',
    check: async () => {
      // Fails on a database without the schema (a dropped and re-created one, say).
      const version = await readContentVersion(orm.em);
      const items = version > 0 ? await orm.em.fork().count(ContentEntity, {}) : 0;
      if (items === 0) {
        throw new ReadinessProblem('the database holds no content; run npm run seed');
      }
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

export interface HealthOptions {
  readonly logger: FastifyBaseLogger;
  /** Show every reason (development); in production only ReadinessProblem reasons are shown. */
  readonly exposeDetails: boolean;
  readonly timeoutMs?: number;
}

/**
 * One check, answered within `timeoutMs`. While an earlier run of it has not settled, later
 * probes wait for that one instead of piling more work onto a database that does not answer.
 */
function bounded(check: ReadinessCheck, timeoutMs: number): () => Promise<void> {
  let running: Promise<void> | undefined;
  return () => {
    running ??= check.check().finally(() => {
      running = undefined;
    });
    let timer: NodeJS.Timeout | undefined;
    const late = new Promise<never>((_, reject) => {
      timer = setTimeout(
        () => reject(new ReadinessProblem(`no answer within ${timeoutMs} ms`)),
        timeoutMs,
      );
    });
    return Promise.race([running, late]).finally(() => clearTimeout(timer));
  };
}

/**
 * `/healthz`: the process answers. `/readyz`: every named check (the database, and whatever
 * else was registered, such as the search engine) answers too, within 2 s; otherwise 503
 * naming the failing checks. A change in the outcome is logged with the full reason.
 */
export function registerHealth(
  app: FastifyInstance,
  checks: readonly ReadinessCheck[],
  { logger, exposeDetails, timeoutMs = READY_CHECK_TIMEOUT_MS }: HealthOptions,
): void {
  const runs = checks.map((c) => ({ name: c.name, run: bounded(c, timeoutMs) }));
  const lastReason = new Map<string, string>();
  app.get('/healthz', () => Promise.resolve({ status: 'ok' }));
  app.get('/readyz', async (_request, reply) => {
    const results = await Promise.all(
      runs.map(async ({ name, run }) => {
        let reason = 'ok';
        let shown = 'ok';
        try {
          await run();
        } catch (error) {
          reason = error instanceof Error ? error.message : String(error);
          shown =
            exposeDetails || error instanceof ReadinessProblem
              ? `unavailable: ${reason}`
              : 'unavailable';
        }
        if ((lastReason.get(name) ?? 'ok') !== reason) {
          if (reason === 'ok') logger.info({ check: name }, 'readiness check passes again');
          else logger.warn({ check: name, reason }, 'readiness check fails');
          lastReason.set(name, reason);
        }
        return [name, shown] as const;
      }),
    );
    const ready = results.every(([, result]) => result === 'ok');
    return reply
      .code(ready ? 200 : 503)
      .header('cache-control', 'no-store')
      .send({ status: ready ? 'ready' : 'unavailable', checks: Object.fromEntries(results) });
  });
}
