#!/usr/bin/env node
// The server: `node server/src/main.mjs`.
//   PORT          where it listens (default 8080; 0: any free port, printed)
//   HOST          the address it listens on (default: every interface; 127.0.0.1 keeps the
//                 demo sign-in, which trusts any user id, off the network)
//   DATA_DIR      the folder of the embedded database (default server/.data)
//   DATABASE_URL  postgres://… : PostgreSQL instead of the embedded database
//   SEED_ACCOUNT  the account JSON seeded as `acme` on first start (default
//                 www/sample-account.json; `none` seeds nothing)
import { createServer } from 'node:http';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { openDatabase } from './db.mjs';
import { migrate } from './schema.mjs';
import { seedAccountFile } from './seed.mjs';
import { EngineCache } from './engines.mjs';
import { DEFAULT_ACCOUNT, createApp } from './app.mjs';

const serverDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const repo = path.resolve(serverDir, '..');

const url = process.env.DATABASE_URL || null;
const dataDir = path.resolve(process.env.DATA_DIR || path.join(serverDir, '.data'));
const seed = process.env.SEED_ACCOUNT || path.join(repo, 'www', 'sample-account.json');
const port = Number(process.env.PORT ?? 8080);

const db = await openDatabase({ url, dataDir });
await migrate(db);
if (seed !== 'none' && (await seedAccountFile(db, DEFAULT_ACCOUNT, seed))) {
  console.log(`seeded account ${DEFAULT_ACCOUNT} from ${path.relative(repo, seed)}`);
}

const engines = new EngineCache();
const server = createServer(createApp({ db, engines }));
// A slow or stalled client cannot hold a connection open for ever.
server.requestTimeout = 30_000;
server.headersTimeout = 10_000;

server.listen(port, process.env.HOST, () => {
  const where = url ? 'PostgreSQL' : `the embedded database in ${dataDir}`;
  console.log(`listening on http://localhost:${server.address().port}/ (${where}), pid ${process.pid}`);
});

// Closing PGlite writes its state out; PostgreSQL's pool is ended.
let stopping = false;
async function stop(signal) {
  if (stopping) return;
  stopping = true;
  console.log(`${signal}: stopping`);
  server.close();
  server.closeIdleConnections?.();
  await db.close();
  engines.clear();
  process.exit(0);
}
process.on('SIGINT', () => stop('SIGINT'));
process.on('SIGTERM', () => stop('SIGTERM'));
