import type { FastifyInstance } from 'fastify';

/**
 * While the server closes, in-flight requests finish and their responses ask the client to
 * close the connection. Without this, a keep-alive connection that becomes idle after close()
 * began (a load balancer's, or fetch's pool) would hold the process for the keep-alive timeout.
 */
export function registerGracefulClose(app: FastifyInstance): void {
  let closing = false;
  app.addHook('preClose', (done) => {
    closing = true;
    done();
  });
  app.addHook('onSend', (_request, reply, payload, done) => {
    if (closing) void reply.header('connection', 'close');
    done(null, payload);
  });
  app.addHook('onResponse', (_request, _reply, done) => {
    if (closing) app.server.closeIdleConnections();
    done();
  });
}
