import { describe, expect, it } from 'vitest';
import {
  pathParameterValues,
  requestOperation,
  splitOperationKey,
} from '../../src/core/request-operation.ts';

const operations = ['GET /users/{id}', 'GET /users/me', 'DELETE /users/{id}', 'GET /tags/{type}/{value}'].map(
  splitOperationKey,
);

describe('the documented operation a recorded request was sent to', () => {
  it('matches method and template, the most literal template first, under a prefix the spec leaves out', () => {
    expect(requestOperation(operations, 'get', 'http://127.0.0.1:1/users/me')?.key).toBe('GET /users/me');
    expect(requestOperation(operations, 'GET', 'http://127.0.0.1:1/api/users/7')?.key).toBe(
      'GET /users/{id}',
    );
    expect(requestOperation(operations, 'DELETE', 'http://127.0.0.1:1/users/7?x=1')?.key).toBe(
      'DELETE /users/{id}',
    );
    expect(requestOperation(operations, 'POST', 'http://127.0.0.1:1/users/7')).toBeUndefined();
  });

  it('reads the values a request put in the template’s parameters, decoded', () => {
    expect(pathParameterValues('/tags/{type}/{value}', 'http://127.0.0.1:1/tags/simple/a%20b')).toEqual({
      type: 'simple',
      value: 'a b',
    });
    expect(pathParameterValues('/users/{id}', 'http://127.0.0.1:1/other')).toEqual({});
  });
});
