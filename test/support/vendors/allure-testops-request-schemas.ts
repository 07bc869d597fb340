// JSON schemas of the Allure TestOps requests we send, our own, written from the vendor's API
// description of allure-testops-service 25.x (TestCaseCreateV2Dto, TestCasePatchV2Dto,
// TestCaseScenarioV2Dto with BodyStepDto / ExpectedBodyStepDto steps, TestTagDto) and its
// documentation of the API token exchange (POST /api/uaa/oauth/token, form-encoded,
// grant_type=apitoken). No package publishes that description; fields we never send are left
// out and refused, so a typo fails the test.

const tag = {
  type: 'object',
  required: ['name'],
  additionalProperties: false,
  properties: { id: { type: 'integer' }, name: { type: 'string', minLength: 1, maxLength: 255 } },
};

const link = {
  type: 'object',
  required: ['url'],
  additionalProperties: false,
  properties: { name: { type: 'string' }, url: { type: 'string', minLength: 1 }, type: { type: 'string' } },
};

const step = {
  type: 'object',
  required: ['type'],
  additionalProperties: false,
  properties: {
    type: { enum: ['BodyStepDto', 'ExpectedBodyStepDto'] },
    body: { type: 'string', minLength: 1 },
  },
};

const caseFields = {
  automated: { type: 'boolean' },
  description: { type: 'string' },
  expectedResult: { type: 'string' },
  fullName: { type: 'string' },
  links: { type: 'array', items: link },
  name: { type: 'string', minLength: 1, maxLength: 255 },
  precondition: { type: 'string' },
  tags: { type: 'array', items: tag },
  statusId: { type: 'integer' },
  testLayerId: { type: 'integer' },
  workflowId: { type: 'integer' },
};

export const allureSchemas = {
  token: {
    type: 'object',
    required: ['grant_type', 'token'],
    additionalProperties: false,
    properties: {
      grant_type: { const: 'apitoken' },
      scope: { type: 'string' },
      token: { type: 'string', minLength: 1 },
    },
  },
  createTestCase: {
    type: 'object',
    required: ['name', 'projectId'],
    additionalProperties: false,
    properties: { ...caseFields, projectId: { type: 'integer', minimum: 1 } },
  },
  patchTestCase: { type: 'object', additionalProperties: false, properties: caseFields },
  scenario: {
    type: 'object',
    required: ['steps'],
    additionalProperties: false,
    properties: { steps: { type: 'array', items: step } },
  },
  tags: { type: 'array', items: tag },
  search: {
    type: 'object',
    required: ['projectId', 'rql'],
    additionalProperties: false,
    properties: {
      projectId: { type: 'string', pattern: '^[1-9][0-9]*$' },
      rql: { type: 'string', minLength: 1 },
      deleted: { enum: ['true', 'false'] },
      page: { type: 'string', pattern: '^[0-9]+$' },
      size: { type: 'string', pattern: '^[1-9][0-9]*$' },
      sort: { type: 'string' },
    },
  },
};
