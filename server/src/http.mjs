// The HTTP edge of the API: bodies are JSON only and bounded, answers are JSON, and an
// error never carries a stack trace (it is logged on the server instead).

/** Above this a request body is refused with 413. An import of 5,000 CSV rows (the
 *  policy's `maxImportRows`) is about 0.6 MB. */
export const BODY_LIMIT = 2 * 1024 * 1024;

/** An answer decided before the API's logic ran (bad body, wrong route, no session). */
export class HttpError extends Error {
  constructor(status, code, headers = {}) {
    super(code);
    this.status = status;
    this.code = code;
    this.headers = headers;
  }
}

/** Sends `body` as JSON. */
export function sendJson(res, status, body, headers = {}) {
  const text = JSON.stringify(body);
  res.writeHead(status, {
    'content-type': 'application/json; charset=utf-8',
    'content-length': Buffer.byteLength(text),
    'cache-control': 'no-store',
    ...headers,
  });
  res.end(text);
}

/** The error answers: `{ "error": code }`. */
export function sendError(res, status, code, headers = {}) {
  sendJson(res, status, { error: code }, headers);
}

/**
 * Reads a JSON request body as text: 415 unless the content type is application/json,
 * 413 past BODY_LIMIT (said at once from Content-Length when it is given, else when the
 * stream passes the limit).
 */
export function readJsonText(req) {
  const type = (req.headers['content-type'] ?? '').split(';')[0].trim().toLowerCase();
  if (type !== 'application/json') return Promise.reject(new HttpError(415, 'unsupported_media_type'));
  const declared = Number(req.headers['content-length']);
  if (declared > BODY_LIMIT) return Promise.reject(tooLarge());
  return new Promise((resolve, reject) => {
    const chunks = [];
    let size = 0;
    let failed = false;
    req.on('data', (chunk) => {
      if (failed) return; // past the limit: discarded
      size += chunk.length;
      if (size > BODY_LIMIT) {
        failed = true;
        reject(tooLarge());
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => failed || resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', (e) => failed || ((failed = true), reject(e)));
  });
}

// The rest of an oversized body is read and thrown away (here, or by Node once the answer
// is sent) rather than the connection cut: a client still sending would otherwise see a
// reset instead of the 413. The server's requestTimeout bounds how long that can take.
function tooLarge() {
  return new HttpError(413, 'payload_too_large');
}

/** Parses JSON text; undefined when it is not JSON. */
export function parseJson(text) {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}
