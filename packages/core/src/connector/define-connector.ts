import { z } from 'zod';
import { PortageError } from '../errors/portage-error.js';
import { authSchema } from './auth.js';
import { errorMappingSchema } from './error-mapping.js';
import { connectorSoapSchema } from './connector-soap.js';
import { tenantPlacementSchema } from './tenant-placement.js';
import { checkWebhookRoutes, webhooksSchema } from './define-webhooks.js';
import { fieldProblems, formatProblems } from '../validation/field-problems.js';
import type { Entity } from './define-entity.js';

/** Per-connector defaults every entity and connection starts from. */
export const connectorDefaultsSchema = z.object({
  headers: z.record(z.string(), z.string()).optional(),
  timeoutMs: z.number().int().positive().optional(),
  maxResponseBytes: z.number().int().positive().optional(),
  /** Requests per interval the platform allows one connection. */
  rateLimit: z.object({ requests: z.number().int().positive(), intervalMs: z.number().int().positive() }).optional(),
  concurrency: z.number().int().positive().optional(),
  /** Response headers that carry the platform's request/tracking id, first match wins. */
  trackingHeaders: z.array(z.string()).optional(),
});

export const connectorConfigSchema = z.object({
  name: z.string().regex(/^[a-z][a-z0-9-]*$/, 'use lowercase letters, digits and dashes'),
  baseUrl: z.string().url(),
  auth: authSchema,
  defaults: connectorDefaultsSchema.default({}),
  errors: errorMappingSchema.default({ rules: [] }),
  /**
   * Where every request of a connection carries its tenant (the platform's organisation,
   * account or location ids), e.g. Xero's `xero-tenant-id` header. An entity's own `tenant`
   * replaces it.
   */
  tenant: tenantPlacementSchema.optional(),
  /**
   * Set when the connector's entities are read over SOAP (`request.soap`): the worker then
   * builds each connection's SOAP client from it.
   */
  soap: connectorSoapSchema.optional(),
  /** How the platform signs webhook deliveries and which entities its events touch. */
  webhooks: webhooksSchema.optional(),
});
export type ConnectorConfig = z.input<typeof connectorConfigSchema>;
export type ConnectorDefaults = z.infer<typeof connectorDefaultsSchema>;

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- entities differ in raw and unified types
type AnyEntity = Entity<any, any>;

export interface ConnectorDefinition<E extends Record<string, AnyEntity>> extends ConnectorConfig {
  entities: E;
}

export type Connector<E extends Record<string, AnyEntity> = Record<string, AnyEntity>> = z.output<
  typeof connectorConfigSchema
> & { readonly entities: E };

/**
 * Declares a connector: plain data for auth, defaults and error mapping, plus its entities.
 *
 * @example
 * export const stripe = defineConnector({
 *   name: 'stripe',
 *   baseUrl: 'https://api.stripe.com',
 *   auth: { type: 'bearer' },
 *   errors: { messagePath: 'error.message', rules: [{ status: 402, code: 'VALIDATION_FAILED' }] },
 *   entities: { charges },
 * });
 */
export function defineConnector<E extends Record<string, AnyEntity>>(definition: ConnectorDefinition<E>): Connector<E> {
  const { entities, ...config } = definition;
  const parsed = connectorConfigSchema.safeParse(config);
  if (!parsed.success) {
    throw new PortageError('CONFIG_INVALID', `invalid connector config "${String(config.name)}": ${formatProblems(fieldProblems(parsed.error))}`);
  }
  if (!entities || Object.keys(entities).length === 0) {
    throw new PortageError('CONFIG_INVALID', `connector "${parsed.data.name}" declares no entities`);
  }
  if (parsed.data.webhooks) checkWebhookRoutes(parsed.data.webhooks, Object.keys(entities), parsed.data.name);
  return Object.freeze({ ...parsed.data, entities });
}
