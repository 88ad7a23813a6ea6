import { spawn } from 'node:child_process';
import { ConfigError, loadConfig } from './config';
import { describeFailure } from './lib/errors';
import { SeedValidationError } from './seed/errors';

const HEAP_FLAG = '--max-old-space-size';

/** Whether this process was started with a heap limit (on the command line or in NODE_OPTIONS). */
function hasHeapLimit(): boolean {
  return [...process.execArgv, ...(process.env.NODE_OPTIONS ?? '').split(/\s+/)].some((arg) =>
    arg.startsWith(HEAP_FLAG),
  );
}

/**
 * Node takes a heap limit only when it starts, so without one the server runs itself again
 * with `--max-old-space-size=HEAP_LIMIT_MB`, passes signals on and exits as it does. A limit
 * given by the operator (NODE_OPTIONS or the command line) is left as it is.
 */
function runWithHeapLimit(limitMb: number): void {
  // The IPC channel closes when this process dies, however it dies (even SIGKILL): the
  // server then stops too instead of living on unowned.
  const child = spawn(
    process.execPath,
    [...process.execArgv, `${HEAP_FLAG}=${limitMb}`, ...process.argv.slice(1)],
    { stdio: ['inherit', 'inherit', 'inherit', 'ipc'] },
  );
  for (const signal of ['SIGTERM', 'SIGINT'] as const) {
    process.on(signal, () => child.kill(signal));
  }
  child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
}

async function main(): Promise<void> {
  const config = loadConfig();
  if (config.heapLimitMb > 0 && !hasHeapLimit()) {
    runWithHeapLimit(config.heapLimitMb);
    return;
  }
  // Started by runWithHeapLimit: end with the process that started it.
  process.once('disconnect', () => process.exit(1));
  // Loaded only here: a process that only passes signals on stays small.
  await import('reflect-metadata');
  const { buildApp } = await import('./app');
  // `--watch` (npm run dev): seed folders are watched and every saved change applied at once.
  const watch = process.argv.includes('--watch')
    ? { say: (text: string) => void process.stderr.write(`${text}\n`) }
    : undefined;
  const app = await buildApp(config, { watch });
  await app.http.listen({ port: config.port, host: config.host });

  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) return;
    stopping = true;
    app.logger.info({ signal }, 'shutting down: finishing in-flight requests');
    app.close().then(
      () => process.exit(0),
      (error: unknown) => {
        app.logger.error({ err: error }, 'error during shutdown');
        process.exit(1);
      },
    );
  };
  process.once('SIGTERM', () => stop('SIGTERM'));
  process.once('SIGINT', () => stop('SIGINT'));
}

main().catch((error: unknown) => {
  // Start-up failures are reported as one clear line (the seed lists each problem below it).
  const message =
    error instanceof ConfigError || error instanceof SeedValidationError
      ? error.message
      : `Start-up failed: ${describeFailure(error)}`;
  process.stderr.write(`${message}\n`);
  process.exit(1);
});
