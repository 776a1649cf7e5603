import { createSpecRefs, type OpenApiDocument } from '@portage/codegen';

/**
 * A small made-up OpenAPI 3.0 shop for the server's tests: list with every parameter style the
 * server understands, a path parameter, a JSON search body, a form body with nested fields, a
 * recursive schema, nullable fields, an expandable (anyOf) field and an operation nobody handles.
 */
export function shopSpec() {
  const document = {
    openapi: '3.0.3',
    info: { title: 'Shop', version: '2' },
    servers: [{ url: 'https://api.shop.test/v2' }],
    security: [{ bearer: [] }],
    paths: {
      '/orders': {
        parameters: [{ name: 'X-Shop-Version', in: 'header', required: true, schema: { type: 'string', enum: ['2024-01'] } }],
        get: {
          parameters: [
            { $ref: '#/components/parameters/limit' },
            { name: 'cursor', in: 'query', schema: { type: 'string' } },
            { name: 'status', in: 'query', schema: { type: 'string', enum: ['open', 'closed'] } },
            { name: 'ids', in: 'query', style: 'form', explode: false, schema: { type: 'array', items: { type: 'integer' } } },
            { name: 'tag', in: 'query', schema: { type: 'array', items: { type: 'string' } } },
            {
              name: 'created',
              in: 'query',
              style: 'deepObject',
              explode: true,
              schema: { anyOf: [{ type: 'object', properties: { gte: { type: 'integer' }, lte: { type: 'integer' } } }, { type: 'integer' }] },
            },
            { name: 'include_archived', in: 'query', schema: { type: 'boolean' } },
          ],
          responses: {
            '200': { description: 'ok', content: { 'application/json': { schema: { $ref: '#/components/schemas/OrderList' } } } },
            default: { $ref: '#/components/responses/Error' },
          },
        },
      },
      '/orders/search': {
        post: {
          requestBody: { required: true, content: { 'application/json': { schema: { $ref: '#/components/schemas/SearchRequest' } } } },
          responses: { '200': { description: 'ok', content: { 'application/json': { schema: { $ref: '#/components/schemas/OrderList' } } } } },
        },
      },
      '/orders/{orderId}': {
        get: {
          parameters: [{ name: 'orderId', in: 'path', required: true, schema: { type: 'integer', minimum: 1 } }],
          responses: {
            '200': {
              description: 'ok',
              headers: { 'X-Request-Id': { required: true, schema: { type: 'string' } } },
              content: { 'application/json': { schema: { $ref: '#/components/schemas/Order' } } },
            },
            '404': { $ref: '#/components/responses/Error' },
          },
        },
        delete: { responses: { '204': { description: 'gone' } } },
      },
      '/categories': {
        get: {
          responses: {
            '200': { description: 'ok', content: { 'application/json': { schema: { type: 'array', items: { $ref: '#/components/schemas/Category' } } } } },
          },
        },
      },
      '/customers': {
        post: {
          requestBody: { content: { 'application/x-www-form-urlencoded': { schema: { $ref: '#/components/schemas/CustomerForm' } } } },
          responses: { '200': { description: 'ok', content: { 'application/json': { schema: { $ref: '#/components/schemas/Customer' } } } } },
        },
      },
      '/health': { get: { security: [], responses: { '200': { description: 'ok' } } } },
    },
    components: {
      securitySchemes: { bearer: { type: 'http', scheme: 'bearer' } },
      parameters: { limit: { name: 'limit', in: 'query', schema: { type: 'integer', minimum: 1, maximum: 100 } } },
      responses: {
        Error: { description: 'error', content: { 'application/json': { schema: { type: 'object', required: ['message'], properties: { message: { type: 'string' } } } } } },
      },
      schemas: {
        Order: {
          type: 'object',
          required: ['id', 'status', 'total'],
          properties: {
            id: { type: 'integer', readOnly: true },
            status: { type: 'string', enum: ['open', 'closed'] },
            total: { type: 'number', minimum: 0, exclusiveMinimum: true },
            note: { type: 'string', nullable: true },
            customer: { anyOf: [{ type: 'string' }, { $ref: '#/components/schemas/Customer' }] },
            shipped_at: { type: 'string', format: 'date-time', nullable: true },
            created: { type: 'integer', format: 'unix-time' },
          },
        },
        Customer: { type: 'object', required: ['id', 'email'], properties: { id: { type: 'string' }, email: { type: 'string', format: 'email' } } },
        // Stripe-style form body: nested objects, "" to unset, lists, free-form metadata.
        CustomerForm: {
          type: 'object',
          additionalProperties: false,
          required: ['email'],
          properties: {
            email: { type: 'string', maxLength: 20 },
            balance: { type: 'integer' },
            address: { anyOf: [{ type: 'object', properties: { city: { type: 'string' }, line1: { type: 'string' } }, additionalProperties: false }, { type: 'string', enum: [''] }] },
            metadata: { type: 'object', additionalProperties: { type: 'string' } },
            tags: { type: 'array', items: { type: 'string' } },
          },
        },
        OrderList: {
          type: 'object',
          required: ['data', 'next_cursor'],
          properties: {
            data: { type: 'array', items: { $ref: '#/components/schemas/Order' } },
            next_cursor: { type: 'string', nullable: true },
          },
        },
        SearchRequest: {
          type: 'object',
          additionalProperties: false,
          required: ['query'],
          properties: {
            query: { type: 'object', properties: { status: { type: 'string', enum: ['open', 'closed'] } } },
            limit: { type: 'integer', maximum: 100 },
            cursor: { type: 'string' },
          },
        },
        Category: {
          type: 'object',
          required: ['name'],
          properties: {
            name: { type: 'string' },
            parent: { allOf: [{ $ref: '#/components/schemas/Category' }], nullable: true },
            children: { type: 'array', items: { $ref: '#/components/schemas/Category' } },
          },
        },
      },
    },
  } satisfies OpenApiDocument;
  return { document: document as OpenApiDocument, refs: createSpecRefs(document) };
}

/** A bearer token built at run time (no secret-shaped literal in sources). */
export const testToken = () => ['test', 'token', String(process.pid)].join('-');
