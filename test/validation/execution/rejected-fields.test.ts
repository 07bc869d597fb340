import { describe, expect, it } from 'vitest';
import {
  mentionedFields,
  rejectedFields,
  statedFields,
} from '../../../src/validation/execution/rejected-fields.ts';

const paths = (body: unknown) =>
  rejectedFields(typeof body === 'string' ? body : JSON.stringify(body)).map(
    (field) => `${field.in}:${field.path.join('.')}`,
  );

describe('fields a server names when it refuses a request', () => {
  it('reads the error shapes frameworks use', () => {
    expect(paths({ errors: [{ path: ['user', 'email'], message: 'is invalid' }] })).toEqual([
      'body:user.email',
    ]);
    expect(paths({ errors: [{ field: 'password', message: 'too short' }] })).toEqual(['body:password']);
    expect(paths({ errors: [{ property: 'instance.name' }] })).toEqual(['body:instance.name']);
    expect(paths({ errors: [{ instancePath: '/tags/0', message: 'must be string' }] })).toEqual([
      'body:tags.0',
    ]);
    expect(
      paths({ detail: [{ loc: ['body', 'email'], msg: 'value is not a valid email address' }] }),
    ).toEqual(['body:email']);
    expect(paths({ detail: [{ loc: ['query', 'limit'], msg: 'must be <= 100' }] })).toEqual(['query:limit']);
    expect(paths({ errors: { username: ['has already been taken'] } })).toEqual(['body:username']);
  });

  it('reads fields out of messages: ajv/fastify, quoted names', () => {
    expect(paths({ statusCode: 400, message: 'body/email must match format "email"' })).toEqual([
      'body:email',
    ]);
    expect(paths({ message: "body must have required property 'isbn'" })).toEqual(['body:isbn']);
    expect(paths({ message: 'querystring/limit must be <= 50' })).toEqual(['query:limit']);
    expect(paths({ message: "'rootRole' is not a valid role" })).toEqual(['body:rootRole']);
    expect(paths('"password" must be at least 12 characters')).toEqual(['body:password']);
  });

  it('names nothing when the body names no field', () => {
    expect(paths({ message: 'Bad Request' })).toEqual([]);
    expect(paths('<html>nope</html>')).toEqual([]);
    expect(paths({ code: 'PLT_SQL_MAPPER_MISSING_WHERE_CLAUSE', message: 'Missing where clause' })).toEqual(
      [],
    );
  });

  it("finds the operation's own fields a refusal mentions in words, whole words only", () => {
    const refusal = JSON.stringify({
      name: 'BadDataError',
      message: 'Request validation failed: your request body or params contain invalid data',
      details: [{ message: 'You must specify username or email' }, { message: 'Could not find rootRole=0' }],
    });
    const names = ['username', 'email', 'rootRole', 'name', 'role', 'params_x', 'id'];
    expect(mentionedFields(refusal, names).map((field) => field.path.join('.'))).toEqual([
      'username',
      'email',
      'rootRole',
    ]);
    expect(mentionedFields('plain text: emails are off', ['email'])).toEqual([]);
    expect(mentionedFields('email is off', ['email'])[0]).toMatchObject({ in: 'body', path: ['email'] });
  });

  it('finds a field a refusal states a rule about, not one it merely mentions', () => {
    const rule = JSON.stringify({ message: 'The password must be at least 10 characters long.' });
    expect(statedFields(rule, ['password', 'username'])).toEqual([
      { in: 'body', path: ['password'], message: 'The password must be at least 10 characters long.' },
    ]);
    expect(statedFields('Name is too long', ['name']).map((field) => field.path)).toEqual([['name']]);
    const mentions = JSON.stringify({
      message: 'You must specify username or email',
      details: [{ message: 'Could not find rootRole=0' }],
    });
    expect(statedFields(mentions, ['username', 'email', 'rootRole'])).toEqual([]);
    expect(statedFields('the passwords must match', ['password'])).toEqual([]);
  });
});
