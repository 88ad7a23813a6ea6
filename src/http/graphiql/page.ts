import type { FastifyReply, FastifyRequest } from 'fastify';
import { DEMO_PATH } from '../embed';
import { ASSET_BASE } from './assets';
import { EXAMPLE_TABS } from './examples';

/** A browser opening /graphql (it asks for HTML) gets GraphiQL; API clients never ask for it. */
export function wantsGraphiql(request: FastifyRequest): boolean {
  return request.method === 'GET' && (request.headers.accept ?? '').includes('text/html');
}

// The config is data in a JSON block (never executed), so the CSP needs no inline script.
const config = JSON.stringify({ endpoint: '/graphql', tabs: EXAMPLE_TABS }).replace(
  /</g,
  '\\u003c',
);

const PAGE = `<!doctype html>
<html lang="en">
  <head>
    <meta charset="utf-8" />
    <meta name="viewport" content="width=device-width, initial-scale=1" />
    <title>Knowledge base API · GraphiQL</title>
    <link rel="stylesheet" href="${ASSET_BASE}/graphiql.min.css" />
    <style>
      html, body { height: 100%; margin: 0; }
      body { display: flex; flex-direction: column; }
      #graphiql { flex: 1; min-height: 0; }
      .kb-links { margin: 0; padding: 4px 16px; font: 14px/1.5 system-ui, sans-serif; }
    </style>
  </head>
  <body>
    <p class="kb-links">
      Embedding in a portal? See the <a href="${DEMO_PATH}">portal kit demo</a>: web components
      for guidance, search, legal powers and the role model.
    </p>
    <div id="graphiql">Loading GraphiQL…</div>
    <script type="application/json" id="graphiql-config">${config}</script>
    <script src="${ASSET_BASE}/react.production.min.js"></script>
    <script src="${ASSET_BASE}/react-dom.production.min.js"></script>
    <script src="${ASSET_BASE}/graphiql.min.js"></script>
    <script src="${ASSET_BASE}/init.js"></script>
  </body>
</html>
`;

export function sendGraphiqlPage(reply: FastifyReply): FastifyReply {
  return reply
    .header('cache-control', 'no-cache')
    .header('vary', 'accept')
    .type('text/html; charset=utf-8')
    .send(PAGE);
}
