import fs from 'node:fs';
import path from 'node:path';
import type { FastifyInstance } from 'fastify';

function packageFile(pkg: string, file: string): string {
  return path.join(path.dirname(require.resolve(`${pkg}/package.json`)), file);
}

function versionOf(pkg: string): string {
  const manifest = JSON.parse(fs.readFileSync(packageFile(pkg, 'package.json'), 'utf8')) as {
    version: string;
  };
  return manifest.version;
}

/** Renders GraphiQL into #graphiql with the tabs from the page's JSON config block. */
const INIT_SCRIPT = `(function () {
  var config = JSON.parse(document.getElementById('graphiql-config').textContent);
  var fetcher = GraphiQL.createFetcher({ url: config.endpoint });
  ReactDOM.createRoot(document.getElementById('graphiql')).render(
    React.createElement(GraphiQL, {
      fetcher: fetcher,
      defaultTabs: config.tabs,
      defaultEditorToolsVisibility: true,
      shouldPersistHeaders: false,
    }),
  );
})();
`;

interface Asset {
  readonly file?: string;
  readonly text?: string;
  readonly type: string;
}

/** Versioned paths, so browsers may keep the files for good. */
export const ASSET_BASE = `/graphiql/${versionOf('graphiql')}`;

const ASSETS: Record<string, Asset> = {
  'react.production.min.js': {
    file: packageFile('react', 'umd/react.production.min.js'),
    type: 'text/javascript',
  },
  'react-dom.production.min.js': {
    file: packageFile('react-dom', 'umd/react-dom.production.min.js'),
    type: 'text/javascript',
  },
  'graphiql.min.js': { file: packageFile('graphiql', 'graphiql.min.js'), type: 'text/javascript' },
  'graphiql.min.css': { file: packageFile('graphiql', 'graphiql.min.css'), type: 'text/css' },
  'init.js': { text: INIT_SCRIPT, type: 'text/javascript' },
};

/**
 * GraphiQL's files from our own node_modules (graphiql, react, react-dom): the explorer works
 * on intranets without internet access, and the page loads nothing from elsewhere.
 */
export function registerGraphiqlAssets(app: FastifyInstance): void {
  // Browsers ask for it; an empty answer keeps the console (and the browser test) clean.
  app.get('/favicon.ico', (_request, reply) => reply.code(204).send());
  const loaded = new Map<string, Buffer>();
  app.get<{ Params: { name: string } }>(`${ASSET_BASE}/:name`, async (request, reply) => {
    // Only the files listed: a name such as `__proto__` or `toString` is not one of them.
    if (!Object.hasOwn(ASSETS, request.params.name)) return reply.callNotFound();
    const asset = ASSETS[request.params.name];
    let body = loaded.get(request.params.name);
    if (!body) {
      body = asset.text ? Buffer.from(asset.text) : await fs.promises.readFile(asset.file!);
      loaded.set(request.params.name, body);
    }
    return reply
      .header('cache-control', 'public, max-age=31536000, immutable')
      .type(`${asset.type}; charset=utf-8`)
      .send(body);
  });
}
