// The demo page and the package's browser files, served by scripts/serve.mjs's handler,
// but only these folders of the repository: the rest of it (the database folder among
// them) is not the web's business.
import path from 'node:path';
import { handler as serveRepository } from '../../scripts/serve.mjs';
import { sendError } from './http.mjs';

const SERVED = ['/www/', '/pkg/js/', '/pkg/dist/', '/pkg/messages/'];

export function serveStatic(req, res) {
  let pathname;
  try {
    pathname = decodeURIComponent(new URL(req.url, 'http://localhost').pathname);
  } catch {
    return sendError(res, 400, 'bad_request');
  }
  // Normalised first, so `/www/../server/` is judged as `/server/`.
  const normal = path.posix.normalize(pathname);
  if (pathname === '/' || normal === '/www' || SERVED.some((p) => normal.startsWith(p))) {
    return serveRepository(req, res);
  }
  return sendError(res, 404, 'not_found');
}
