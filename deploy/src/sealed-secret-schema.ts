/**
 * JSON schema of a SealedSecret (bitnami.com/v1alpha1), written from the openAPIV3Schema of the
 * sealed-secrets controller's CRD (helm/sealed-secrets/crds/bitnami.com_sealedsecrets.yaml). Ours
 * because the npm package of its model pins an old kubernetes-models and leaves encryptedData
 * untyped; this one also refuses unknown fields.
 */
export const SEALED_SECRET_SCHEMA = {
  type: 'object',
  required: ['apiVersion', 'kind', 'metadata', 'spec'],
  additionalProperties: false,
  properties: {
    apiVersion: { const: 'bitnami.com/v1alpha1' },
    kind: { const: 'SealedSecret' },
    metadata: {
      type: 'object',
      required: ['name', 'namespace'],
      properties: {
        name: { type: 'string', pattern: '^[a-z0-9]([-a-z0-9]*[a-z0-9])?$' },
        namespace: { type: 'string', pattern: '^[a-z0-9]([-a-z0-9]*[a-z0-9])?$' },
        labels: { type: 'object', additionalProperties: { type: 'string' } },
        annotations: { type: 'object', additionalProperties: { type: 'string' } },
      },
    },
    spec: {
      type: 'object',
      required: ['encryptedData'],
      additionalProperties: false,
      properties: {
        encryptedData: { type: 'object', additionalProperties: { type: 'string' } },
        template: {
          type: 'object',
          additionalProperties: false,
          properties: {
            data: { type: ['object', 'null'], additionalProperties: { type: 'string' } },
            metadata: { type: 'object' },
            type: { type: 'string' },
            immutable: { type: 'boolean' },
          },
        },
      },
    },
  },
} as const;
