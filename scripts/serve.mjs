#!/usr/bin/env node
// A dependency-free static server for the demo page: serves the repository root so that
// /www/ is the page and /pkg/js/browser.js, /pkg/dist/* and /pkg/messages/* are importable.
//   node scripts/serve.mjs            # PORT env or 8080
//   import { start } from './serve.mjs'; const server = await start(0);
import { createServer } from 'node:http';
import { createReadStream, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.wasm': 'application/wasm',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.csv': 'text/csv; charset=utf-8',
  '.md': 'text/markdown; charset=utf-8',
  '.ts': 'text/plain; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
};

function send(res, status, text, headers = {}) {
  res.writeHead(status, { 'content-type': 'text/plain; charset=utf-8', ...headers });
  res.end(text);
}

export function handler(req, res) {
  if (req.method !== 'GET' && req.method !== 'HEAD') return send(res, 405, 'method not allowed\n');
  let pathname;
  try {
    pathname = decodeURIComponent(new URL(req.url, 'http://localhost').pathname);
  } catch {
    return send(res, 400, 'bad request\n');
  }
  if (pathname === '/') return send(res, 302, '', { location: '/www/' });
  // No API here: the page asks `GET /api/session`, and a 404 tells it to keep the account
  // itself (local mode); server/ answers the same path when it serves the page (issue 18).
  if (pathname === '/api' || pathname.startsWith('/api/')) {
    return send(res, 404, '{"error":"no API: this is the static server"}\n', { 'content-type': 'application/json' });
  }
  if (pathname.includes('\0')) return send(res, 400, 'bad request\n');
  let file = path.resolve(root, '.' + pathname);
  // Refuse anything outside the repository (.., encoded .., absolute tricks).
  if (file !== root && !file.startsWith(root + path.sep)) return send(res, 403, 'forbidden\n');
  let st;
  try {
    st = statSync(file);
    if (st.isDirectory()) {
      if (!pathname.endsWith('/')) return send(res, 301, '', { location: pathname + '/' });
      file = path.join(file, 'index.html');
      st = statSync(file);
    }
  } catch {
    return send(res, 404, 'not found\n');
  }
  res.writeHead(200, {
    'content-type': TYPES[path.extname(file).toLowerCase()] ?? 'application/octet-stream',
    'content-length': st.size,
    'cache-control': 'no-store',
  });
  if (req.method === 'HEAD') return res.end();
  createReadStream(file).pipe(res);
}

/** Starts the server on `port` (0: any free port); resolves to the listening server. */
export function start(port = Number(process.env.PORT ?? 8080), host = process.env.HOST) {
  const server = createServer(handler);
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => resolve(server));
  });
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const server = await start();
  const { port } = server.address();
  console.log(`Serving ${root}\nOpen http://localhost:${port}/www/  (Ctrl-C to stop)`);
}
