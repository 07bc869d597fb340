// Enough English verb morphology to turn requirement prose into imperative steps: "the estimate
// can be downloaded" → "Download the estimate", "the user picks a product" → "Pick a product".

const BASES =
  'add remove delete download upload compare share set change select open close edit save copy export import configure filter search sort create update reset enter choose pick view print send submit click press type fill clear switch apply cancel confirm scroll refresh reload attach detach start stop restart rename move drag'.split(
    ' ',
  );

const IRREGULAR_PARTICIPLES: Record<string, string> = {
  set: 'set',
  reset: 'reset',
  chosen: 'choose',
  sent: 'send',
  submitted: 'submit',
  cancelled: 'cancel',
  canceled: 'cancel',
  dragged: 'drag',
  stopped: 'stop',
};

function participle(base: string): string {
  if (base.endsWith('e')) return `${base}d`;
  if (/[^aeiou]y$/.test(base)) return `${base.slice(0, -1)}ied`;
  return `${base}ed`;
}

function thirdPerson(base: string): string {
  if (/(s|sh|ch|x|z)$/.test(base)) return `${base}es`;
  if (/[^aeiou]y$/.test(base)) return `${base.slice(0, -1)}ies`;
  return `${base}s`;
}

const FROM_PARTICIPLE = new Map<string, string>([
  ...BASES.map((base) => [participle(base), base] as [string, string]),
  ...Object.entries(IRREGULAR_PARTICIPLES),
]);
const FROM_THIRD_PERSON = new Map(BASES.map((base) => [thirdPerson(base), base]));

export function baseOfParticiple(word: string): string | undefined {
  return FROM_PARTICIPLE.get(word.toLowerCase());
}

export function baseOfThirdPerson(word: string): string | undefined {
  return FROM_THIRD_PERSON.get(word.toLowerCase());
}

export function isBaseVerb(word: string): boolean {
  return BASES.includes(word.toLowerCase());
}
