// User stories and acceptance-criteria labels in English and Russian, as teams write them:
// "As a customer, I want to … so that …", "Как покупатель, я хочу …, чтобы …".

export interface UserStory {
  role: string;
  goal: string;
  benefit: string | undefined;
}

const STORY_PATTERNS = [
  /^as an?\s+(.+?),?\s+I\s+(?:want|would like|need|wish)(?:\s+to)?\s+(.+?)(?:,?\s+so\s+(?:that\s+)?(.+?))?[.!]?$/i,
  /^(?:как|я\s+как|я,\s*как)\s+(.+?),?\s+(?:я\s+)?(?:хочу|хотел бы|хотела бы|должен иметь возможность)\s+(.+?)(?:,?\s+(?:чтобы|для того,? чтобы)\s+(.+?))?[.!]?$/i,
];

export function parseUserStory(text: string): UserStory | undefined {
  for (const pattern of STORY_PATTERNS) {
    const match = pattern.exec(text);
    if (match) return { role: match[1]!.trim(), goal: match[2]!.trim(), benefit: match[3]?.trim() };
  }
  return undefined;
}

/** True when a story starts here, even if its "so that" comes on the next lines. */
export function startsUserStory(text: string): boolean {
  // `\S.*`, not `\S+.*`: the same texts, but `\S+.*` retried every split of a long first word.
  return /^(as an?\s+\S|как\s+\S.*\s(?:я\s+)?хочу|я,?\s+как\s)/i.test(text);
}

const ACCEPTANCE_LABEL =
  /^(acceptance criteria|acceptance criterion|acceptance|ac|критерии\s+(?:приёмки|приемки|принятия|готовности)|условия\s+(?:приёмки|приемки))\s*:?$/i;

export function isAcceptanceLabel(text: string): boolean {
  return ACCEPTANCE_LABEL.test(text.replace(/[*_]/g, '').trim());
}

/** The goal shortened for a section path: "configure a virtual machine". */
export function storyLabel(story: UserStory): string {
  const goal = story.goal.replace(/[.,;:]+$/, '');
  return goal.length > 70 ? `${goal.slice(0, 69).replace(/\s+\S*$/, '')}…` : goal;
}
