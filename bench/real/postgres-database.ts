// One throw-away PostgreSQL database per target run, on the machine's local server.
import pg from 'pg';

const ADMIN_URL = process.env['BENCH_POSTGRES_URL'] ?? 'postgres://postgres@127.0.0.1:5432/postgres';

export interface TempDatabase {
  name: string;
  url: string;
  host: string;
  port: number;
  user: string;
  password: string;
  drop: () => Promise<void>;
}

async function withAdmin<T>(work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: ADMIN_URL });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

export async function createTempDatabase(prefix: string): Promise<TempDatabase> {
  const name = `bench_${prefix}_${process.pid}_${Date.now().toString(36)}`.replace(/[^a-z0-9_]/g, '_');
  await withAdmin((client) => client.query(`CREATE DATABASE "${name}"`));
  const admin = new URL(ADMIN_URL);
  const url = new URL(ADMIN_URL);
  url.pathname = `/${name}`;
  return {
    name,
    url: url.href,
    host: admin.hostname,
    port: Number(admin.port || 5432),
    user: decodeURIComponent(admin.username || 'postgres'),
    password: decodeURIComponent(admin.password),
    drop: () =>
      withAdmin((client) => client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`)).then(
        () => undefined,
      ),
  };
}
