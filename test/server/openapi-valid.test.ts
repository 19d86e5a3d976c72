import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { Validator } from '@seriousme/openapi-schema-validator';
import { openApiDocument } from '../../server/routes/openapi.js';

describe('OpenAPI document', () => {
  it('is a valid OpenAPI 3.1 document (checked against the official schema)', async () => {
    const validator = new Validator();
    const result = await validator.validate(structuredClone(openApiDocument()));
    assert.deepEqual(result.errors ?? [], []);
    assert.equal(result.valid, true);
    assert.equal(validator.version, '3.1');
  });

  it('documents the helpdesk API, API keys and webhooks (contract paths)', () => {
    const { paths } = openApiDocument() as { paths: Record<string, Record<string, { security?: unknown[] }>> };
    for (const [path, method] of [
      ['/admin/tickets', 'get'], ['/admin/tickets/{id}', 'get'], ['/admin/tickets/{id}/messages', 'get'], ['/admin/tickets/{id}/messages', 'post'],
      ['/admin/tickets/{id}', 'patch'], ['/admin/webhooks', 'post'], ['/admin/webhooks', 'get'], ['/admin/webhooks/{id}', 'delete'],
      ['/admin/webhooks/{id}/deliveries', 'get'], ['/admin/api-keys', 'post'], ['/admin/api-keys/{id}', 'delete'],
    ] as const) {
      assert.ok(paths[path]?.[method], `${method.toUpperCase()} ${path}`);
    }
    assert.deepEqual(paths['/admin/tickets'].get.security, [{ adminToken: [] }, { agentKey: [] }]);
    assert.deepEqual(paths['/admin/webhooks'].post.security, [{ adminToken: [] }]);
  });
});
