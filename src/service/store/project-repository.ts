import { and, asc, count, eq, inArray, isNull, sql } from 'drizzle-orm';
import type { NewProject, Project, ProjectDeletion, ProjectStore } from './stores.ts';
import { DEFAULT_PROJECT } from './stores.ts';
import { sqlState, type Database, type Executor, type Transaction } from './database.ts';
import { numberedSlug, projectSlug } from './project-slug.ts';
import { apiKeys, chats, embeddings, jobs, projects, secrets, sources, tests } from './schema.ts';

const FOREIGN_KEY_VIOLATION = '23503';
/** "billing" … "billing-50": past that, a name is not a useful id and a random suffix is. */
const NUMBERED_CANDIDATES = 50;

export class ProjectRepository implements ProjectStore {
  constructor(private readonly db: Database) {}

  async ensure(id: string, name?: string): Promise<Project> {
    await ensureProject(this.db, id, name);
    const project = await this.get(id);
    if (!project) throw new Error(`project ${id} vanished right after it was ensured`);
    return project;
  }

  async create(project: NewProject): Promise<Project | undefined> {
    const values = { name: project.name, description: project.description ?? '' };
    if (project.id !== undefined) return this.insert({ ...values, id: project.id });
    const slug = projectSlug(project.name);
    for (let n = 1; n <= NUMBERED_CANDIDATES; n++) {
      const created = await this.insert({ ...values, id: numberedSlug(slug, n) });
      if (created) return created;
    }
    const suffix = Math.random().toString(36).slice(2, 8);
    return this.insert({ ...values, id: `${slug.slice(0, 56).replace(/-+$/, '')}-${suffix}` });
  }

  async get(id: string): Promise<Project | undefined> {
    const [row] = await this.db.select().from(projects).where(eq(projects.id, id));
    return row;
  }

  list(filter: { ids?: string[] } = {}): Promise<Project[]> {
    return this.db
      .select()
      .from(projects)
      .where(filter.ids ? inArray(projects.id, filter.ids) : undefined)
      .orderBy(asc(projects.createdAt), asc(projects.id));
  }

  async update(id: string, changes: { name?: string; description?: string }): Promise<Project | undefined> {
    const [row] = await this.db
      .update(projects)
      .set({ ...changes, updatedAt: sql`now()` })
      .where(eq(projects.id, id))
      .returning();
    return row;
  }

  async delete(id: string): Promise<ProjectDeletion> {
    if (id === DEFAULT_PROJECT) return { deleted: false, reason: 'default' };
    try {
      return await this.db.transaction((tx) => deleteProject(tx, id));
    } catch (error) {
      // A table added later that references projects without cascading: say which, do not fail.
      if (sqlState(error) !== FOREIGN_KEY_VIOLATION) throw error;
      return { deleted: false, reason: 'referenced', table: referencingTable(error) };
    }
  }

  private async insert(values: typeof projects.$inferInsert): Promise<Project | undefined> {
    const [row] = await this.db
      .insert(projects)
      .values(values)
      .onConflictDoNothing({ target: projects.id })
      .returning();
    return row;
  }
}

async function deleteProject(tx: Transaction, id: string): Promise<ProjectDeletion> {
  // Locks the row: a job submitted meanwhile waits, then finds the project gone and recreates it.
  const [locked] = await tx
    .select({ id: projects.id })
    .from(projects)
    .where(eq(projects.id, id))
    .for('update');
  if (!locked) return { deleted: false, reason: 'not-found' };
  const [active] = await tx
    .select({ n: count() })
    .from(jobs)
    .where(and(eq(jobs.projectId, id), inArray(jobs.status, ['pending', 'running'])));
  if (active && active.n > 0) return { deleted: false, reason: 'active-jobs', activeJobs: active.n };
  // Children first; job events, artifacts, reports and messages go with their job or chat.
  await tx.delete(tests).where(eq(tests.projectId, id));
  const removedJobs = await tx.delete(jobs).where(eq(jobs.projectId, id)).returning({ id: jobs.id });
  const removedChats = await tx.delete(chats).where(eq(chats.projectId, id)).returning({ id: chats.id });
  await tx.delete(sources).where(eq(sources.projectId, id));
  await tx.delete(secrets).where(eq(secrets.projectId, id));
  await tx.delete(embeddings).where(eq(embeddings.projectId, id));
  // A key for a deleted project must not open a new project that later takes the same id.
  const revoked = await tx
    .update(apiKeys)
    .set({ revokedAt: sql`now()` })
    .where(and(eq(apiKeys.projectId, id), isNull(apiKeys.revokedAt)))
    .returning({ id: apiKeys.id });
  await tx.delete(projects).where(eq(projects.id, id));
  return { deleted: true, jobs: removedJobs.length, chats: removedChats.length, revokedKeys: revoked.length };
}

function referencingTable(error: unknown): string {
  for (let current = error, depth = 0; current && depth < 5; depth++) {
    const table = (current as { table?: unknown }).table;
    if (typeof table === 'string') return table;
    current = (current as { cause?: unknown }).cause;
  }
  return 'another table';
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
