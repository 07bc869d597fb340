import { z } from 'zod';
import { projectIdSchema } from '../jobs/job-inputs.ts';
import type { Project } from '../store/stores.ts';

/** Request and response bodies of /api/v1/projects. */

const name = z
  .string()
  .trim()
  .min(1, 'a project name, e.g. "Billing API"')
  .max(200, 'at most 200 characters');
const description = z.string().max(2_000, 'at most 2,000 characters');

export const newProjectSchema = z.strictObject({
  name,
  description: description.optional(),
  id: projectIdSchema
    .optional()
    .describe('The id wanted; by default a unique slug of the name ("Billing API" → "billing-api").'),
});

export const projectChangesSchema = z
  .strictObject({ name: name.optional(), description: description.optional() })
  .refine((changes) => changes.name !== undefined || changes.description !== undefined, {
    error: 'nothing to change: send "name" and/or "description"',
  });

export const projectParams = z.object({
  id: projectIdSchema.describe('The project id (a slug such as "billing-api").'),
});

export const projectSchema = z.object({
  id: z.string(),
  name: z.string(),
  description: z.string(),
  created_at: z.string(),
  updated_at: z.string(),
  links: z.object({
    self: z.string(),
    tasks: z.string(),
    tests: z.string(),
    chats: z.string(),
    chat: z.string(),
    history: z.string(),
  }),
});

export const projectListSchema = z.object({ items: z.array(projectSchema) });

export const projectDeletedSchema = z.object({
  id: z.string(),
  deleted: z.literal(true),
  removed: z.object({ tasks: z.number(), chats: z.number(), revoked_keys: z.number() }),
});

export function projectView(project: Project): z.infer<typeof projectSchema> {
  const base = `/api/v1/projects/${project.id}`;
  return {
    id: project.id,
    name: project.name,
    description: project.description,
    created_at: project.createdAt.toISOString(),
    updated_at: project.updatedAt.toISOString(),
    links: {
      self: base,
      tasks: `/api/v1/tasks?project=${project.id}`,
      tests: `/api/v1/tests?project=${project.id}`,
      chats: `${base}/chats`,
      chat: `${base}/chat`,
      history: `${base}/history`,
    },
  };
}
