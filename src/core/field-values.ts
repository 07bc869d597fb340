/**
 * What a field's name says about the values a real server accepts. Schemas often type an email,
 * a URL or a password as a bare string; servers then validate them anyway, and "sample" is
 * refused. Both the API suite generator and the manual-case designer read this one table.
 */
export interface FieldMeaning {
  /** What the field holds, for reports: `email`, `password`, `url`, … */
  kind: string;
  /** A value such fields accept. */
  value: string;
  /** Other acceptable values, tried in turn when a server refuses the first. */
  alternatives: string[];
  /** Servers usually keep these unique (a second create with the same value is refused). */
  unique: boolean;
  /** For unique values: the text kept after the run-unique part (`@example.com`). */
  suffix?: string;
}

interface Rule {
  /** Tested on the name lower-cased with `_`, `-` and `.` removed: `first_name` → `firstname`. */
  test: RegExp;
  meaning: Omit<FieldMeaning, 'alternatives'> & { alternatives?: string[] };
}

/** A password most policies accept: long, mixed case, digits and symbols, no dictionary word. */
export const STRONG_PASSWORD = 'Qa7!vN#4rTz9$wLm';

/** A fixed, valid UUIDv4: generated data stays deterministic across runs of the generator. */
export const SAMPLE_UUID = '3fa85f64-5717-4562-b3fc-2c963f66afa6';

/** A value of each string format servers commonly check (JSON Schema's and OpenAPI's). */
export const FORMAT_SAMPLES: Readonly<Record<string, string>> = {
  uuid: SAMPLE_UUID,
  uuid4: SAMPLE_UUID,
  'date-time': '2024-01-15T10:30:00Z',
  date: '2024-01-15',
  time: '10:30:00Z',
  email: 'qa@example.com',
  'idn-email': 'qa@example.com',
  uri: 'https://example.com/resource',
  url: 'https://example.com/resource',
  'uri-reference': '/resource',
  iri: 'https://example.com/resource',
  hostname: 'example.com',
  ipv4: '192.0.2.10',
  ipv6: '2001:db8::10',
  byte: 'dGVzdA==',
  password: STRONG_PASSWORD,
  duration: 'P1D',
  phone: '+14155550123',
};

// Order matters: the first rule that matches wins (`avatarurl` is an image, not any URL).
const RULES: Rule[] = [
  {
    test: /e?mail(address)?$/,
    meaning: { kind: 'email', value: 'qa.user@example.com', unique: true, suffix: '@example.com' },
  },
  {
    test: /(password|passwd|passphrase|pwd)$/,
    meaning: {
      kind: 'password',
      value: STRONG_PASSWORD,
      alternatives: ['Qa7!vN#4rTz9$wLmQa7!vN#4'],
      unique: false,
    },
  },
  {
    test: /^(username|login|userlogin|handle|nickname|nick|screenname|accountname)$/,
    meaning: { kind: 'username', value: 'qauser', alternatives: ['qa_user_1'], unique: true },
  },
  {
    test: /(image|avatar|photo|picture|logo|icon|thumbnail|banner)(url|uri|link|src)?$/,
    meaning: {
      kind: 'image',
      value: 'https://example.com/images/qa.png',
      alternatives: ['https://example.com/qa.jpg'],
      unique: false,
    },
  },
  {
    test: /(url|uri|link|website|homepage|href|webhook|callback|endpoint)$/,
    meaning: {
      kind: 'url',
      value: 'https://example.com/qa',
      alternatives: ['http://example.com/', 'https://example.org/'],
      unique: false,
    },
  },
  {
    test: /(phone|phonenumber|mobile|telephone|tel|msisdn|fax)$/,
    meaning: {
      kind: 'phone',
      value: '+14155550123',
      alternatives: ['4155550123', '+1 415-555-0123'],
      unique: false,
    },
  },
  {
    test: /(datetime|timestamp|time|(created|updated|deleted|modified|expires|published|started|ended|scheduled|last[a-z]*|valid(from|until|to))at)$/,
    meaning: {
      kind: 'date-time',
      value: '2024-01-15T10:30:00.000Z',
      alternatives: ['2024-01-15T10:30:00Z', '2024-01-15 10:30:00', '2024-01-15'],
      unique: false,
    },
  },
  {
    test: /(date|birthday|born|dob|(created|updated|published|expires|starts|ends)on)$/,
    meaning: {
      kind: 'date',
      value: '2024-01-15',
      alternatives: ['2024-01-15T00:00:00.000Z', '15/01/2024'],
      unique: false,
    },
  },
  { test: /^slug$|slug$/, meaning: { kind: 'slug', value: 'qa-item', unique: true } },
  {
    test: /(locale|language|lang|languagecode)$/,
    meaning: { kind: 'locale', value: 'en', alternatives: ['en-US', 'en_US'], unique: false },
  },
  {
    test: /(currency|currencycode)$/,
    meaning: { kind: 'currency', value: 'USD', alternatives: ['usd', 'EUR'], unique: false },
  },
  {
    test: /(country|countrycode)$/,
    meaning: { kind: 'country', value: 'US', alternatives: ['USA', 'United States'], unique: false },
  },
  {
    test: /(timezone|tz)$/,
    meaning: { kind: 'timezone', value: 'UTC', alternatives: ['Europe/Berlin'], unique: false },
  },
  {
    test: /(colou?r|hex)$/,
    meaning: { kind: 'color', value: '#3366ff', alternatives: ['3366ff', 'blue'], unique: false },
  },
  {
    test: /(^ip|ipaddress|ipv4|remoteaddr|address4)$/,
    meaning: { kind: 'ip', value: '192.0.2.10', alternatives: ['2001:db8::10'], unique: false },
  },
  {
    test: /(uuid|guid)$/,
    meaning: { kind: 'uuid', value: SAMPLE_UUID, unique: false },
  },
  {
    test: /(zip|zipcode|postalcode|postcode)$/,
    meaning: { kind: 'postal code', value: '10115', unique: false },
  },
  {
    test: /^isbn(13)?$/,
    meaning: { kind: 'isbn', value: '9780306406157', alternatives: ['0306406152'], unique: false },
  },
  { test: /(version|semver)$/, meaning: { kind: 'version', value: '1.0.0', unique: false } },
  {
    test: /^(firstname|givenname|forename)$/,
    meaning: { kind: 'first name', value: 'Alice', unique: false },
  },
  { test: /^(lastname|surname|familyname)$/, meaning: { kind: 'last name', value: 'Tester', unique: false } },
  {
    test: /^(name|fullname|displayname|title|label|hostname|company|organisation|organization)$/,
    meaning: { kind: 'name', value: 'qa-name', alternatives: ['QA name'], unique: true },
  },
  {
    test: /(description|summary|comment|body|content|text|note|notes|bio|message|details)$/,
    meaning: {
      kind: 'text',
      value: 'Created by an automated API test.',
      alternatives: ['Created by an automated API test, with enough words to pass a minimum length check.'],
      unique: false,
    },
  },
];

/** The meaning of a field name (`email`, `avatar_url`, `firstName`), if it says anything. */
export function fieldMeaning(name: string): FieldMeaning | undefined {
  const key = normalisedName(name);
  if (!key) return undefined;
  const rule = RULES.find((candidate) => candidate.test.test(key));
  return rule ? { alternatives: [], ...rule.meaning } : undefined;
}

export function normalisedName(name: string): string {
  return name.toLowerCase().replace(/[^a-z0-9]/g, '');
}
