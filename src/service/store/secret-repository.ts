import { and, asc, eq, sql } from 'drizzle-orm';
import type { SecretStore } from './stores.ts';
import type { Database } from './database.ts';
import { ensureProject } from './project-repository.ts';
import { secrets } from './schema.ts';
import type { SecretBox } from './secret-box.ts';

export class SecretRepository implements SecretStore {
  constructor(
    private readonly db: Database,
    private readonly box: SecretBox,
  ) {}

  async put(projectId: string, name: string, value: string): Promise<void> {
    const sealed = this.box.seal(value, boundTo(projectId, name));
    await ensureProject(this.db, projectId);
    await this.db
      .insert(secrets)
      .values({ projectId, name, ...sealed })
      .onConflictDoUpdate({
        target: [secrets.projectId, secrets.name],
        set: { ...sealed, updatedAt: sql`now()` },
      });
  }

  async get(projectId: string, name: string): Promise<string | undefined> {
    const [row] = await this.db
      .select({ ciphertext: secrets.ciphertext, iv: secrets.iv, tag: secrets.tag })
      .from(secrets)
      .where(and(eq(secrets.projectId, projectId), eq(secrets.name, name)));
    return row && this.box.open(row, boundTo(projectId, name), `secret "${name}" of project ${projectId}`);
  }

  async delete(projectId: string, name: string): Promise<boolean> {
    const rows = await this.db
      .delete(secrets)
      .where(and(eq(secrets.projectId, projectId), eq(secrets.name, name)))
      .returning({ name: secrets.name });
    return rows.length === 1;
  }

  async list(projectId: string): Promise<string[]> {
    const rows = await this.db
      .select({ name: secrets.name })
      .from(secrets)
      .where(eq(secrets.projectId, projectId))
      .orderBy(asc(secrets.name));
    return rows.map((row) => row.name);
  }
}

/** Associated data tying a ciphertext to its row; JSON so no separator can make two rows collide. */
function boundTo(projectId: string, name: string): string {
  return JSON.stringify([projectId, name]);
}
