import path from 'node:path';
import type { EntityManager } from '@mikro-orm/knex';
import chokidar, { type FSWatcher } from 'chokidar';
import { describeFailure } from '../lib/errors';
import { SeedValidationError } from './errors';
import { formatReport, runSeed, type SeedReport } from './run';

export interface SeedWatchOptions {
  /** The seed layers, national first. */
  readonly dirs: readonly string[];
  readonly em: EntityManager;
  /** Called after a run changed the database, so the server loads the new version at once. */
  readonly onApplied: (report: SeedReport) => Promise<void> | void;
  /** Tells the editor what happened: a report, or the problems as `file: field: reason`. */
  readonly say: (text: string) => void;
  /** Quiet time after the last file event before a run starts (default 100 ms). */
  readonly debounceMs?: number;
}

/** Editors' temporary and backup files: dot files (vim's .swp), `name~`, emacs' `#name#`. */
const ignored = (file: string) => {
  const name = path.basename(file);
  return name.startsWith('.') || name.endsWith('~') || name.startsWith('#');
};

/**
 * Watches the seed folders and runs the seed pipeline (load, validate, plan, apply: the same
 * as `npm run seed`) shortly after files are saved, added or deleted. An invalid seed changes
 * nothing, so the last good content stays live while the problems are shown; the next save
 * that fixes them applies everything. Runs never overlap: events during a run cause one more
 * run after it.
 */
export class SeedWatcher {
  private timer?: NodeJS.Timeout;
  private running?: Promise<void>;
  private again = false;
  private failing = false;
  private closed = false;
  private warned = false;

  private constructor(
    private readonly options: SeedWatchOptions,
    private readonly watcher: FSWatcher,
  ) {}

  /** Starts watching; resolves once the folders are being watched. */
  static async start(options: SeedWatchOptions): Promise<SeedWatcher> {
    const watcher = chokidar.watch([...options.dirs], { ignoreInitial: true, ignored });
    const seedWatcher = new SeedWatcher(options, watcher);
    watcher.on('all', () => seedWatcher.schedule());
    watcher.on('error', (error) =>
      options.say(`Watching the seed folders failed: ${describeFailure(error)}`),
    );
    await new Promise<void>((resolve) => watcher.once('ready', resolve));
    return seedWatcher;
  }

  /** Runs the seed once now (the dev server's first run), reporting like any other run. */
  runNow(): Promise<void> {
    return this.trigger();
  }

  async close(): Promise<void> {
    this.closed = true;
    clearTimeout(this.timer);
    await this.watcher.close();
    await this.running;
  }

  private schedule(): void {
    if (this.closed) return;
    clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.trigger(), this.options.debounceMs ?? 100);
  }

  private trigger(): Promise<void> {
    if (this.running) {
      this.again = true;
      return this.running;
    }
    this.running = this.run().finally(() => {
      this.running = undefined;
      if (this.again && !this.closed) {
        this.again = false;
        void this.trigger();
      }
    });
    return this.running;
  }

  private async run(): Promise<void> {
    const { em, dirs, say, onApplied } = this.options;
    try {
      const report = await runSeed(em, { dir: dirs });
      // Freshness warnings once, at the first run; they rarely change while editing.
      if (!this.warned) for (const warning of report.warnings) say(`Warning: ${warning}`);
      this.warned = true;
      if (report.changes > 0) {
        await onApplied(report);
        say(formatReport(report));
      } else if (this.failing) {
        say('The seed is valid again; the content was already up to date.');
      }
      this.failing = false;
    } catch (error) {
      this.failing = true;
      if (error instanceof SeedValidationError)
        say(`${error.message}\nThe last good content stays live; fix the file and save it again.`);
      else say(`Seed failed, nothing was changed: ${describeFailure(error)}`);
    }
  }
}
