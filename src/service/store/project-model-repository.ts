import { eq, sql } from 'drizzle-orm';
import type { Database } from './database.ts';
import { ensureProject } from './project-repository.ts';
import { projectModels } from './schema.ts';
import type { ProjectModelRecord, ProjectModelStore } from './stores.ts';

export class ProjectModelRepository implements ProjectModelStore {
  constructor(private readonly db: Database) {}

  async get(projectId: string): Promise<ProjectModelRecord | undefined> {
    const [row] = await this.db.select().from(projectModels).where(eq(projectModels.projectId, projectId));
    if (!row) return undefined;
    return {
      provider: row.provider,
      baseUrl: row.baseUrl ?? undefined,
      model: row.model ?? undefined,
      embeddingModel: row.embeddingModel ?? undefined,
      options: row.options,
      updatedAt: row.updatedAt,
    };
  }

  async put(projectId: string, settings: Omit<ProjectModelRecord, 'updatedAt'>): Promise<void> {
    const values = {
      provider: settings.provider,
      baseUrl: settings.baseUrl ?? null,
      model: settings.model ?? null,
      embeddingModel: settings.embeddingModel ?? null,
      options: settings.options,
    };
    await ensureProject(this.db, projectId);
    await this.db
      .insert(projectModels)
      .values({ projectId, ...values })
      .onConflictDoUpdate({ target: projectModels.projectId, set: { ...values, updatedAt: sql`now()` } });
  }

  async delete(projectId: string): Promise<boolean> {
    const rows = await this.db
      .delete(projectModels)
      .where(eq(projectModels.projectId, projectId))
      .returning({ projectId: projectModels.projectId });
    return rows.length === 1;
  }
}
