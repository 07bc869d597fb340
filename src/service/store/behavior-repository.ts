import { eq } from 'drizzle-orm';
import type { Database } from './database.ts';
import { ensureProject } from './project-repository.ts';
import { projectBehaviors } from './schema.ts';
import type { BehaviorStore, ProjectBehavior } from './stores.ts';

export class BehaviorRepository implements BehaviorStore {
  constructor(private readonly db: Database) {}

  async get(projectId: string): Promise<ProjectBehavior | undefined> {
    const [row] = await this.db
      .select()
      .from(projectBehaviors)
      .where(eq(projectBehaviors.projectId, projectId));
    return row;
  }

  async put(projectId: string, yaml: string, updatedBy: string): Promise<ProjectBehavior> {
    return this.db.transaction(async (tx) => {
      await ensureProject(tx, projectId);
      const [row] = await tx
        .insert(projectBehaviors)
        .values({ projectId, yaml, updatedBy })
        .onConflictDoUpdate({
          target: projectBehaviors.projectId,
          set: { yaml, updatedBy, updatedAt: new Date() },
        })
        .returning();
      return row!;
    });
  }

  async remove(projectId: string): Promise<boolean> {
    const removed = await this.db
      .delete(projectBehaviors)
      .where(eq(projectBehaviors.projectId, projectId))
      .returning({ projectId: projectBehaviors.projectId });
    return removed.length > 0;
  }
}
