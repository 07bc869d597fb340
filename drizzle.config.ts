import { defineConfig } from 'drizzle-kit';

// Only for generating migrations (`npx drizzle-kit generate`); the service applies them itself
// on open (src/service/store/migrate.ts), on PGlite and PostgreSQL alike.
export default defineConfig({
  dialect: 'postgresql',
  schema: './src/service/store/schema.ts',
  out: './src/service/store/migrations',
});
