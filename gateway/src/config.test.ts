import { z } from 'zod';
import { documentControlsConfigured, gatewayDocumentEnv } from './config';

const documentEnv = z.object({ ...gatewayDocumentEnv, NODE_ENV: z.string().default('development') });

describe('document controls configuration (issue 9 §1)', () => {
  it('issue 9 §1: every operation limit is configurable from the environment', () => {
    const { operationLimits } = documentControlsConfigured(
      documentEnv.parse({
        OPERATION_MAX_BYTES: '1001',
        OPERATION_MAX_TOKENS: '1002',
        OPERATION_MAX_DEPTH: '1003',
        OPERATION_MAX_ALIASES: '1004',
        OPERATION_MAX_ROOT_FIELDS: '1005',
        OPERATION_MAX_DIRECTIVES: '1006',
        OPERATION_MAX_FIELDS: '1007',
        OPERATION_MAX_COST: '1008',
        OPERATION_MAX_RECORDS: '1009',
      }),
    );
    expect(operationLimits).toEqual({
      maxBytes: 1001,
      maxTokens: 1002,
      maxDepth: 1003,
      maxAliases: 1004,
      maxRootFields: 1005,
      maxDirectives: 1006,
      maxFields: 1007,
      maxCost: 1008,
      maxRecords: 1009,
    });
    expect(documentEnv.safeParse({ OPERATION_MAX_COST: 'lots' }).success).toBe(false);
  });

  it('issue 9 §1: requires registered documents in production unless told otherwise, and not in development', () => {
    expect(documentControlsConfigured(documentEnv.parse({ NODE_ENV: 'production' })).trustedDocuments.mode).toBe('required');
    expect(documentControlsConfigured(documentEnv.parse({ NODE_ENV: 'development' })).trustedDocuments.mode).toBe('optional');
    expect(documentControlsConfigured(documentEnv.parse({ NODE_ENV: 'production', TRUSTED_DOCUMENTS: 'off' })).trustedDocuments.mode).toBe(
      'off',
    );
  });

  it('refuses to start on a manifest that cannot be read', () => {
    expect(() => documentControlsConfigured(documentEnv.parse({ TRUSTED_DOCUMENTS_MANIFEST: '/nonexistent/manifest.json' }))).toThrow(
      /could not be read/,
    );
  });
});
