// The parts of a user story the case designer needs: the role (a precondition of its
// acceptance criteria) and the goal (the action of its own case when it has no criteria). The
// requirements reader recognises stories; this reads the sentence it kept, in English or Russian.

export interface StoryParts {
  role: string;
  goal: string;
  benefit: string | undefined;
}

const PATTERNS = [
  /^as an?\s+(.+?),?\s+I\s+(?:want|would like|need|wish)(?:\s+to)?\s+(.+?)(?:,?\s+so\s+(?:that\s+)?(.+?))?[.!]?$/i,
  /^(?:как|я\s+как|я,\s*как)\s+(.+?),?\s+(?:я\s+)?(?:хочу|хотел бы|хотела бы|должен иметь возможность)\s+(.+?)(?:,?\s+(?:чтобы|для того,? чтобы)\s+(.+?))?[.!]?$/i,
];

export function storyParts(text: string): StoryParts | undefined {
  for (const pattern of PATTERNS) {
    const match = pattern.exec(text);
    if (match) return { role: match[1]!.trim(), goal: match[2]!.trim(), benefit: match[3]?.trim() };
  }
  return undefined;
}
