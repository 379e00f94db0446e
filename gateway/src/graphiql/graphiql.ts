import { dirname, join } from 'node:path';
import type { Express } from 'express';

// The page's own script and GraphiQL's bundles are files served from this origin, so the
// content-security policy can forbid inline scripts and every other origin.
const CONTENT_SECURITY_POLICY = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "font-src 'self' data:",
  "img-src 'self' data:",
  "connect-src 'self'",
  "base-uri 'none'",
  "frame-ancestors 'none'",
].join('; ');

const PAGE = `<!doctype html>
<html lang="en">
  <head>
    <meta charset="utf-8" />
    <title>MAPPA federation · GraphiQL</title>
    <link rel="icon" href="data:," />
    <link rel="stylesheet" href="/graphiql/assets/graphiql.min.css" />
  </head>
  <body style="margin: 0">
    <div id="graphiql" style="height: 100vh"></div>
    <script src="/graphiql/assets/react.production.min.js"></script>
    <script src="/graphiql/assets/react-dom.production.min.js"></script>
    <script src="/graphiql/assets/graphiql.min.js"></script>
    <script src="/graphiql/assets/graphiql-start.js"></script>
  </body>
</html>
`;

function packageDir(name: string): string {
  return dirname(require.resolve(`${name}/package.json`));
}

/**
 * Serves GraphiQL at `GET /graphql` to browsers (requests that accept HTML), from the locally
 * installed graphiql, react and react-dom packages. API clients posting to /graphql are untouched.
 */
export function mountGraphiql(app: Express): void {
  const assets: Record<string, string> = {
    'graphiql.min.css': join(packageDir('graphiql'), 'graphiql.min.css'),
    'graphiql.min.js': join(packageDir('graphiql'), 'graphiql.min.js'),
    'react.production.min.js': join(packageDir('react'), 'umd', 'react.production.min.js'),
    'react-dom.production.min.js': join(packageDir('react-dom'), 'umd', 'react-dom.production.min.js'),
    'graphiql-start.js': join(__dirname, '..', '..', 'public', 'graphiql-start.js'),
  };
  app.get('/graphiql/assets/:file', (request, response) => {
    const path = assets[String(request.params.file)];
    if (!path) {
      response.status(404).end();
      return;
    }
    response.setHeader('cache-control', 'public, max-age=3600');
    response.sendFile(path);
  });
  app.get('/graphql', (request, response, next) => {
    // Browsers ask for HTML first; API clients (and `*/*`) get the GraphQL endpoint.
    if (request.accepts(['application/json', 'text/html']) !== 'text/html') {
      next();
      return;
    }
    response.setHeader('content-security-policy', CONTENT_SECURITY_POLICY);
    response.setHeader('x-content-type-options', 'nosniff');
    response.type('html').send(PAGE);
  });
}
