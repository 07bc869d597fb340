// JSON schemas of the Jira requests we send, our own, written from Atlassian's REST
// documentation (no package publishes Jira's OpenAPI description): "Create issue" (POST
// /rest/api/3/issue, /rest/api/2/issue), "Add comment", "Set issue property", "Search for
// issues using JQL enhanced search" (GET /rest/api/3/search/jql, nextPageToken) and the v2
// search (GET /rest/api/2/search, startAt/maxResults), and the Atlassian Document Format's
// node reference (doc, paragraph, heading, codeBlock, bulletList, listItem, text and marks).

const text = {
  type: 'object',
  required: ['type', 'text'],
  additionalProperties: false,
  properties: {
    type: { const: 'text' },
    // ADF refuses empty text nodes.
    text: { type: 'string', minLength: 1 },
    marks: {
      type: 'array',
      items: {
        oneOf: [
          {
            type: 'object',
            required: ['type', 'attrs'],
            additionalProperties: false,
            properties: {
              type: { const: 'link' },
              attrs: {
                type: 'object',
                required: ['href'],
                properties: { href: { type: 'string', minLength: 1 } },
              },
            },
          },
          {
            type: 'object',
            required: ['type'],
            additionalProperties: false,
            properties: { type: { enum: ['code', 'strong', 'em'] } },
          },
        ],
      },
    },
  },
};

const paragraph = {
  type: 'object',
  required: ['type'],
  additionalProperties: false,
  properties: { type: { const: 'paragraph' }, content: { type: 'array', items: text } },
};

const block = {
  oneOf: [
    paragraph,
    {
      type: 'object',
      required: ['type', 'attrs', 'content'],
      additionalProperties: false,
      properties: {
        type: { const: 'heading' },
        attrs: {
          type: 'object',
          required: ['level'],
          properties: { level: { type: 'integer', minimum: 1, maximum: 6 } },
        },
        content: { type: 'array', items: text },
      },
    },
    {
      type: 'object',
      required: ['type'],
      additionalProperties: false,
      properties: {
        type: { const: 'codeBlock' },
        attrs: { type: 'object', properties: { language: { type: 'string' } }, additionalProperties: false },
        // Text in a code block carries no marks.
        content: {
          type: 'array',
          items: {
            type: 'object',
            required: ['type', 'text'],
            additionalProperties: false,
            properties: { type: { const: 'text' }, text: { type: 'string', minLength: 1 } },
          },
        },
      },
    },
    {
      type: 'object',
      required: ['type', 'content'],
      additionalProperties: false,
      properties: {
        type: { const: 'bulletList' },
        content: {
          type: 'array',
          minItems: 1,
          items: {
            type: 'object',
            required: ['type', 'content'],
            additionalProperties: false,
            properties: {
              type: { const: 'listItem' },
              content: { type: 'array', minItems: 1, items: paragraph },
            },
          },
        },
      },
    },
  ],
};

export const adfDocument = {
  type: 'object',
  required: ['version', 'type', 'content'],
  additionalProperties: false,
  properties: { version: { const: 1 }, type: { const: 'doc' }, content: { type: 'array', items: block } },
};

const named = {
  type: 'object',
  minProperties: 1,
  additionalProperties: false,
  properties: { id: { type: 'string' }, key: { type: 'string' }, name: { type: 'string' } },
};

function createIssue(description: object): object {
  return {
    type: 'object',
    required: ['fields'],
    additionalProperties: false,
    properties: {
      update: { type: 'object' },
      properties: { type: 'array' },
      fields: {
        type: 'object',
        required: ['project', 'issuetype', 'summary'],
        additionalProperties: false,
        properties: {
          project: named,
          issuetype: named,
          summary: { type: 'string', minLength: 1, maxLength: 255, pattern: '^[^\\n\\r]*$' },
          description,
          // Jira labels cannot contain spaces.
          labels: {
            type: 'array',
            items: { type: 'string', minLength: 1, maxLength: 255, pattern: '^\\S+$' },
          },
          priority: named,
        },
      },
    },
  };
}

export const jiraSchemas = {
  createIssueV3: createIssue(adfDocument),
  createIssueV2: createIssue({ type: 'string', maxLength: 32767 }),
  commentV3: {
    type: 'object',
    required: ['body'],
    additionalProperties: false,
    properties: { body: adfDocument, visibility: { type: 'object' } },
  },
  commentV2: {
    type: 'object',
    required: ['body'],
    additionalProperties: false,
    properties: { body: { type: 'string', minLength: 1, maxLength: 32767 }, visibility: { type: 'object' } },
  },
  /** Any JSON value up to 32 KB; the fake checks the size. */
  issueProperty: {},
  searchJqlV3: {
    type: 'object',
    required: ['jql'],
    // The enhanced search has no startAt: sending it is a mistake (Jira ignores it).
    additionalProperties: false,
    properties: {
      jql: { type: 'string', minLength: 1 },
      nextPageToken: { type: 'string', minLength: 1 },
      maxResults: { type: 'string', pattern: '^[0-9]+$' },
      fields: { type: 'string' },
      properties: { type: 'string' },
      expand: { type: 'string' },
      fieldsByKeys: { enum: ['true', 'false'] },
      failFast: { enum: ['true', 'false'] },
    },
  },
  searchV2: {
    type: 'object',
    required: ['jql'],
    additionalProperties: false,
    properties: {
      jql: { type: 'string', minLength: 1 },
      startAt: { type: 'string', pattern: '^[0-9]+$' },
      maxResults: { type: 'string', pattern: '^[0-9]+$' },
      fields: { type: 'string' },
      properties: { type: 'string' },
      expand: { type: 'string' },
      validateQuery: { enum: ['strict', 'warn', 'none', 'true', 'false'] },
    },
  },
};
