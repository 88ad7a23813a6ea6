import net from 'node:net';
import { startServer, type TestServer } from '../helpers/app';

interface SlowClient {
  /** Everything the server sent back. */
  readonly received: () => string;
  /** Body bytes the client had sent when the server closed the connection. */
  readonly closed: Promise<number>;
  readonly socket: net.Socket;
}

/** A client that sends a POST's headers, then its body one byte every `everyMs`. */
function slowBodyClient(url: string, bodyBytes: number, everyMs: number): SlowClient {
  const { hostname, port } = new URL(url);
  const socket = net.connect(Number(port), hostname);
  let received = '';
  let sent = 0;
  socket.on('data', (chunk) => {
    received += chunk.toString('latin1');
  });
  socket.on('error', () => undefined);
  socket.write(
    `POST /graphql HTTP/1.1\r\nHost: ${hostname}\r\nContent-Type: application/json\r\nContent-Length: ${bodyBytes}\r\n\r\n`,
  );
  const timer = setInterval(() => {
    if (sent < bodyBytes && !socket.destroyed) {
      socket.write(' ');
      sent += 1;
    }
  }, everyMs);
  const closed = new Promise<number>((resolve) => {
    socket.on('close', () => {
      clearInterval(timer);
      resolve(sent);
    });
  });
  return { received: () => received, closed, socket };
}

function openConnection(url: string): Promise<net.Socket> {
  const { hostname, port } = new URL(url);
  return new Promise((resolve, reject) => {
    const socket = net.connect(Number(port), hostname, () => resolve(socket));
    socket.on('error', reject);
  });
}

describe('slow clients and connection limits', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startServer('sqlite', undefined, undefined, {
      env: {
        HTTP_REQUEST_TIMEOUT_MS: '1000',
        HTTP_HEADERS_TIMEOUT_MS: '1000',
        HTTP_MAX_CONNECTIONS: '8',
      },
    });
  });
  afterAll(() => server.close());

  it('cuts a client that sends its body slowly off with 408, serving others meanwhile', async () => {
    // 10 KB at one byte per 50 ms would take more than eight minutes.
    const slow = slowBodyClient(server.url, 10_000, 50);
    let served = 0;
    let open = true;
    void slow.closed.then(() => {
      open = false;
    });
    while (open) {
      const res = await server.gql('{ legalPower(slug: "noodbevel") { slug } }');
      expect(res.data).toEqual({ legalPower: { slug: 'noodbevel' } });
      served += 1;
    }
    const sent = await slow.closed;
    expect(sent).toBeLessThan(10_000);
    expect(slow.received()).toMatch(/^HTTP\/1\.1 408 /);
    expect(served).toBeGreaterThan(0);
  });

  it('closes connections beyond the limit at once and serves again when they are gone', async () => {
    const held: net.Socket[] = [];
    try {
      for (let i = 0; i < 8; i += 1) held.push(await openConnection(server.url));
      const extra = await openConnection(server.url);
      const closedAtOnce = await new Promise<boolean>((resolve) => {
        extra.on('close', () => resolve(true));
        extra.on('error', () => resolve(true));
        extra.on('data', () => resolve(false)); // answered: the limit did not apply
        extra.write('GET /healthz HTTP/1.1\r\nHost: x\r\n\r\n');
      });
      expect(closedAtOnce).toBe(true);
    } finally {
      for (const socket of held) socket.destroy();
    }
    let ok = false;
    for (let attempt = 0; attempt < 50 && !ok; attempt += 1) {
      ok = await fetch(`${server.url}/healthz`).then(
        (res) => res.ok,
        () => false,
      );
    }
    expect(ok).toBe(true);
  });
});
