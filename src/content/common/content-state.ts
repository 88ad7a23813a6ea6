import type { EntityManager } from '@mikro-orm/knex';
import { beginTransaction, isPostgres, SQLITE_BUSY_TIMEOUT_MS } from '../../db/orm';
import { ContentState } from './content-state.entity';

/** The content version the database holds now (0 before the first seed): one primary-key read. */
export async function readContentVersion(em: EntityManager): Promise<number> {
  const state = await em
    .fork()
    .findOne(ContentState, { id: 1 }, { fields: ['version'], disableIdentityMap: true });
  return state?.version ?? 0;
}

/** Another seed holds the content lock and did not let go in time. */
export class ContentLockedError extends Error {
  override readonly name = 'ContentLockedError';
}

/** Any number will do, as long as nothing else on the database uses it. */
const CONTENT_LOCK = 7_263_002;

/** How long one attempt at SQLite's write lock waits before the loop tries again. */
const LOCK_ATTEMPT_MS = 250;

export interface LockOptions {
  /** How long to wait for another seed before giving up. */
  readonly waitMs: number;
  /** Called once when the lock is held by someone else and waiting starts. */
  readonly onWait?: () => void;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

const isBusy = (error: unknown) => /SQLITE_BUSY|database is locked/i.test(String(error));

/**
 * Runs `work` in one transaction that holds the content lock, so seeds never interleave: on
 * PostgreSQL a transaction-scoped advisory lock, on SQLite the database's write lock (taken by
 * a write that changes nothing once the state row exists). While another seed holds the lock,
 * it tries again with a fresh transaction for up to `waitMs`, then throws ContentLockedError.
 * `work` runs after the lock is taken, so it reads what the other seed committed.
 */
export async function withContentLock<T>(
  em: EntityManager,
  options: LockOptions,
  work: (em: EntityManager) => Promise<T>,
): Promise<T> {
  const deadline = Date.now() + options.waitMs;
  for (let attempt = 0; ; attempt += 1) {
    const trx = await beginTransaction(em);
    let locked: boolean;
    try {
      locked = await tryLock(trx.em);
    } catch (error) {
      await trx.rollback();
      throw error;
    }
    if (locked) {
      let result: T;
      try {
        result = await work(trx.em);
      } catch (error) {
        await trx.rollback();
        throw error;
      }
      await trx.commit();
      return result;
    }
    await trx.rollback();
    if (Date.now() >= deadline)
      throw new ContentLockedError(
        `another seed is writing this database and did not finish within ${Math.round(options.waitMs / 1000)} s; nothing was changed, try again when it has`,
      );
    if (attempt === 0) options.onWait?.();
    await sleep(250);
  }
}

async function tryLock(em: EntityManager): Promise<boolean> {
  const connection = em.getConnection();
  const ctx = em.getTransactionContext<object>();
  if (isPostgres(em)) {
    const [row]: { locked: boolean }[] = await connection.execute(
      'select pg_try_advisory_xact_lock(?) as locked',
      [CONTENT_LOCK],
      'all',
      ctx,
    );
    return row?.locked === true;
  }
  // A short wait here, so the loop around it can say that it waits; then the usual one.
  await connection.execute(`pragma busy_timeout = ${LOCK_ATTEMPT_MS}`, [], 'run', ctx);
  try {
    await connection.execute(
      'insert into content_state (id, version, updated_at) values (1, 0, ?) on conflict (id) do nothing',
      [Date.now()],
      'run',
      ctx,
    );
    return true;
  } catch (error) {
    if (isBusy(error)) return false;
    throw error;
  } finally {
    await connection.execute(`pragma busy_timeout = ${SQLITE_BUSY_TIMEOUT_MS}`, [], 'run', ctx);
  }
}

/** Raises the content version by one inside the caller's locked transaction; the new version. */
export async function raiseContentVersion(em: EntityManager, now: Date): Promise<number> {
  const state = await em.findOne(ContentState, { id: 1 }, { disableIdentityMap: true });
  const version = (state?.version ?? 0) + 1;
  const raised = await em.nativeUpdate(ContentState, { id: 1 }, { version, updatedAt: now });
  if (raised === 0) await em.insertMany(ContentState, [{ id: 1, version, updatedAt: now }]);
  return version;
}
