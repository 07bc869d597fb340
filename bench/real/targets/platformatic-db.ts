// Platformatic DB 2: a data platform that serves a REST API and its own OpenAPI document
// (/documentation/json) for the tables of a PostgreSQL database. The benchmark gives it a small
// catalogue schema with keys, a foreign key, NOT NULL, UNIQUE and CHECK constraints: the API
// (filters, ordering, pagination, relations) and its document are Platformatic's.
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { BenchTarget } from '../bench-target.ts';
import { createTempDatabase } from '../postgres-database.ts';
import { freePort, launchTarget } from '../target-process.ts';

const SCHEMA = `
CREATE TABLE authors (
  id SERIAL PRIMARY KEY,
  name VARCHAR(120) NOT NULL,
  born DATE
);
CREATE TABLE books (
  id SERIAL PRIMARY KEY,
  title VARCHAR(200) NOT NULL,
  isbn VARCHAR(17) UNIQUE,
  pages INTEGER CHECK (pages > 0),
  author_id INTEGER NOT NULL REFERENCES authors(id),
  published_at TIMESTAMPTZ DEFAULT now()
);
CREATE TABLE reviews (
  id SERIAL PRIMARY KEY,
  book_id INTEGER NOT NULL REFERENCES books(id) ON DELETE CASCADE,
  rating INTEGER NOT NULL CHECK (rating BETWEEN 1 AND 5),
  body TEXT
);
`;

export const platformaticDb: BenchTarget = {
  name: 'platformatic-db',
  pkg: '@platformatic/db@2.61.0',
  kinds: ['api'],
  async start({ workDir, packageDir, timeoutMs }) {
    const database = await createTempDatabase('platformatic');
    const port = await freePort();
    const base = `http://127.0.0.1:${port}`;
    await mkdir(join(workDir, 'migrations'), { recursive: true });
    await writeFile(join(workDir, 'migrations', '001.do.sql'), SCHEMA);
    const config = {
      $schema: 'https://schemas.platformatic.dev/@platformatic/db/2.61.0.json',
      server: { hostname: '127.0.0.1', port, logger: { level: 'warn' } },
      db: { connectionString: database.url, openapi: true, graphql: false },
      migrations: { dir: join(workDir, 'migrations'), autoApply: true },
    };
    await writeFile(join(workDir, 'platformatic.json'), JSON.stringify(config, null, 2));
    const launched = await launchTarget({
      spawn: {
        command: process.execPath,
        args: [
          join(packageDir, 'node_modules', '@platformatic', 'db', 'db.mjs'),
          'start',
          '-c',
          'platformatic.json',
        ],
        cwd: workDir,
        env: { PLT_TELEMETRY: 'false' },
        logFile: join(workDir, 'target.log'),
      },
      readyUrl: `${base}/documentation/json`,
      timeoutMs,
      ready: (response) => response.status === 200,
      cleanup: database.drop,
    });
    return { api: { spec: `${base}/documentation/json`, baseUrl: base, headers: [] }, stop: launched.stop };
  },
};
