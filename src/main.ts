import 'reflect-metadata';
import { buildApp } from './app';
import { ConfigError, loadConfig } from './config';
import { describeFailure } from './lib/errors';
import { SeedValidationError } from './seed/errors';

async function main(): Promise<void> {
  const config = loadConfig();
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
