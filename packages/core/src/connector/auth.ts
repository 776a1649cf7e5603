import { z } from 'zod';

export const authSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('none') }),
  z.object({
    type: z.literal('api_key'),
    in: z.enum(['header', 'query']),
    name: z.string().min(1),
    /** Prepended to the key in a header, e.g. "Token ". */
    prefix: z.string().optional(),
  }),
  z.object({ type: z.literal('bearer') }),
  z.object({ type: z.literal('basic') }),
  z.object({
    type: z.literal('oauth2'),
    grant: z.enum(['client_credentials', 'refresh_token']),
    tokenUrl: z.string().url(),
    scopes: z.array(z.string()).optional(),
    /** How the client authenticates at the token endpoint (RFC 6749 2.3.1). */
    clientAuth: z.enum(['basic', 'body']).optional(),
    /** How the token request's parameters travel: a form (RFC 6749) or a JSON body (Square). */
    tokenRequestFormat: z.enum(['form', 'json']).optional(),
  }),
]);

/**
 * How a connector authenticates. Plain data; the secrets themselves come with the connection.
 *
 * @example { type: 'api_key', in: 'header', name: 'X-Api-Key' }
 */
export type AuthConfig = z.infer<typeof authSchema>;

/** The secrets of one connection, by auth type. Never logged. */
export type Credentials =
  | { type: 'none' }
  | { type: 'api_key'; apiKey: string }
  | { type: 'bearer'; token: string }
  | { type: 'basic'; username: string; password: string }
  | {
      type: 'oauth2';
      clientId: string;
      clientSecret: string;
      refreshToken?: string;
      accessToken?: string;
      expiresAt?: number;
      /**
       * The secret that goes with `accessToken` when the platform signs requests with an
       * OAuth 1.0a-style token pair instead of bearing the token (NetSuite token-based auth:
       * consumer key/secret = clientId/clientSecret, token id = accessToken).
       */
      tokenSecret?: string;
    };
