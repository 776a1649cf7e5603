import { z } from 'zod';
import { PortageError } from '../errors/portage-error.js';
import { fieldProblems, formatProblems } from '../validation/field-problems.js';

const headerName = z.string().regex(/^[A-Za-z0-9-]+$/, 'use a header name such as X-Signature');

/**
 * How a platform signs its webhook deliveries, from a small set of generic schemes (the
 * intake package implements each one):
 *
 * - `hmac-sha256-timestamped`: `header` holds `t=<unix seconds>,v1=<hex>[,v1=<hex>...]`, the
 *   hex being HMAC-SHA256 of `"<t>.<raw body>"`; any one `v1` may match (secret rotation), and
 *   `t` must be within `toleranceSeconds` of now (replays).
 * - `hmac-sha256-base64`: `header` holds the base64 HMAC-SHA256 of the raw body.
 *
 * @example { scheme: 'hmac-sha256-timestamped', header: 'X-Signature', toleranceSeconds: 300 }
 */
export const webhookSignatureSchema = z.discriminatedUnion('scheme', [
  z.object({
    scheme: z.literal('hmac-sha256-timestamped'),
    header: headerName,
    toleranceSeconds: z.number().int().positive().default(300),
  }),
  z.object({
    scheme: z.literal('hmac-sha256-base64'),
    header: headerName,
  }),
]);

/**
 * The signature schemes a connector may declare.
 *
 * @example const scheme: WebhookSignatureScheme = 'hmac-sha256-base64';
 */
export type WebhookSignatureScheme = z.infer<typeof webhookSignatureSchema>['scheme'];

/**
 * Which entities an event type touches: `match` is a type ("invoice.paid") or a prefix ending
 * in `*` ("invoice.*"); `entities` are the connector's entity names to sync, `[]` to
 * acknowledge such events without syncing anything. The first matching route wins.
 *
 * @example { match: 'customer.*', entities: ['customers'] }
 */
export const webhookRouteSchema = z.object({
  match: z
    .string()
    .min(1)
    .refine((text) => !text.slice(0, -1).includes('*'), 'a `*` may only end the pattern, as in "invoice.*"'),
  entities: z.array(z.string().min(1)),
});

/**
 * A connector's webhooks: how deliveries are signed and how to read their events.
 *
 * @example
 * const webhooks: WebhooksConfig = {
 *   signature: { scheme: 'hmac-sha256-base64', header: 'X-Signature' },
 *   eventsPath: 'events',
 *   idPaths: ['resourceId', 'eventDateUtc'],
 *   typePath: 'eventCategory',
 *   routes: [{ match: 'CONTACT', entities: ['contacts'] }],
 * };
 */
export const webhooksSchema = z.object({
  signature: webhookSignatureSchema,
  /**
   * Dot path of the array of events when one delivery carries several; absent when the body
   * is one event. An empty array is a delivery with nothing to do (a handshake).
   */
  eventsPath: z.string().min(1).optional(),
  /** Dot paths, inside one event, whose values together identify it: a redelivery repeats them. */
  idPaths: z.array(z.string().min(1)).min(1),
  /** Dot path of the event's type (or category) inside one event, matched against `routes`. */
  typePath: z.string().min(1),
  routes: z.array(webhookRouteSchema).min(1),
});

/**
 * A webhooks declaration as written in a connector.
 *
 * @example const input: WebhooksConfig = { signature: { scheme: 'hmac-sha256-base64', header: 'X-Signature' }, idPaths: ['id'], typePath: 'type', routes: [] };
 */
export type WebhooksConfig = z.input<typeof webhooksSchema>;

/**
 * A validated webhooks declaration, defaults filled in.
 *
 * @example const tolerance = connector.webhooks?.signature.scheme === 'hmac-sha256-timestamped' ? connector.webhooks.signature.toleranceSeconds : undefined;
 */
export type ConnectorWebhooks = z.output<typeof webhooksSchema>;

/**
 * Validates a webhooks declaration on its own, e.g. in a connector's `webhooks.ts`;
 * `defineConnector` validates it again and checks that the routes name its entities.
 *
 * @throws PortageError CONFIG_INVALID naming the field.
 * @example
 * export const webhooks = defineWebhooks({
 *   signature: { scheme: 'hmac-sha256-timestamped', header: 'X-Signature' },
 *   idPaths: ['id'],
 *   typePath: 'type',
 *   routes: [{ match: 'customer.*', entities: ['customers'] }],
 * });
 */
export function defineWebhooks(config: WebhooksConfig): ConnectorWebhooks {
  const parsed = webhooksSchema.safeParse(config);
  if (!parsed.success) {
    throw new PortageError('CONFIG_INVALID', `invalid webhooks config: ${formatProblems(fieldProblems(parsed.error))}`);
  }
  return Object.freeze(parsed.data);
}

/**
 * Throws when a route names an entity the connector does not have, so a typo fails when the
 * connector loads rather than when the first event arrives.
 *
 * @throws PortageError CONFIG_INVALID naming the route.
 * @example checkWebhookRoutes(webhooks, Object.keys(entities), 'stripe');
 */
export function checkWebhookRoutes(webhooks: ConnectorWebhooks, entityNames: readonly string[], connectorName: string): void {
  for (const [index, route] of webhooks.routes.entries()) {
    const unknown = route.entities.find((entity) => !entityNames.includes(entity));
    if (unknown !== undefined) {
      throw new PortageError(
        'CONFIG_INVALID',
        `webhooks.routes.${index}.entities: connector "${connectorName}" has no entity "${unknown}" (it has: ${entityNames.join(', ')})`,
      );
    }
  }
}

/**
 * The entities an event of `type` touches: those of the first matching route, or none when no
 * route matches (the event is acknowledged and ignored).
 *
 * @example webhookEntitiesFor(webhooks, 'customer.updated'); // ['customers']
 */
export function webhookEntitiesFor(webhooks: Pick<ConnectorWebhooks, 'routes'>, type: string): readonly string[] {
  const route = webhooks.routes.find(({ match }) => (match.endsWith('*') ? type.startsWith(match.slice(0, -1)) : type === match));
  return route?.entities ?? [];
}
