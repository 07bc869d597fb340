import { asc, eq } from 'drizzle-orm';
import type { Project, ProjectStore } from './stores.ts';
import type { Database, Executor } from './database.ts';
import { projects } from './schema.ts';

export class ProjectRepository implements ProjectStore {
  constructor(private readonly db: Database) {}

  async ensure(id: string, name?: string): Promise<Project> {
    await ensureProject(this.db, id, name);
    const project = await this.get(id);
    if (!project) throw new Error(`project ${id} vanished right after it was ensured`);
    return project;
  }

  async get(id: string): Promise<Project | undefined> {
    const [row] = await this.db.select().from(projects).where(eq(projects.id, id));
    return row;
  }

  list(): Promise<Project[]> {
    return this.db.select().from(projects).orderBy(asc(projects.createdAt), asc(projects.id));
  }
}

/**
 * Project ids are slugs users pick; a project comes into being when something is first stored
 * for it. Repositories call this before inserting rows that reference the project.
 */
export async function ensureProject(db: Executor, id: string, name?: string): Promise<void> {
  await db
    .insert(projects)
    .values({ id, name: name ?? id })
    .onConflictDoNothing({ target: projects.id });
}
