export { ERROR_CODES, ERROR_CODE_NAMES, actionFor, type ErrorAction, type ErrorCode } from './errors/error-codes.js';
export { PortageError, isPortageError, type ErrorContext } from './errors/portage-error.js';
export { getPath, setPath, type JsonValue } from './json/dot-path.js';
export {
  paginationSchema,
  paramPlacementSchema,
  pageStopSchema,
  SOAP_PAGINATION_TYPES,
  type SoapPaginationConfig,
  type SoapPaginationType,
  type PaginationConfig,
  type PaginationType,
  type ParamPlacement,
  type PageStop,
} from './connector/pagination.js';
export { authSchema, type AuthConfig, type Credentials } from './connector/auth.js';
export { errorMappingSchema, errorRuleSchema, type ErrorMapping, type ErrorRule } from './connector/error-mapping.js';
export { tenantPlacementSchema, type TenantPlacement } from './connector/tenant-placement.js';
export { incrementalSchema, formatSince, type IncrementalFilter, type IncrementalFormat } from './connector/incremental.js';
export { soapCallSchema, type SoapCall } from './connector/soap-call.js';
export { connectorSoapSchema, type ConnectorSoap, type ConnectorSoapHeader, type SoapHeaderCall } from './connector/connector-soap.js';
export {
  entityRequestSchema,
  responseFormatSchema,
  type EntityRequest,
  type ResponseFormat,
} from './connector/entity-request.js';
export {
  defineEntity,
  entityConfigSchema,
  type ChildEntity,
  type Entity,
  type EntityConfig,
  type EntityDefinition,
  type EntityMapper,
  type ResolvedEntityConfig,
} from './connector/define-entity.js';
export { validateEntityExport, type EntityExport, type ExportLookup, type ExportOperation } from './connector/define-export.js';
export {
  defineWebhooks,
  checkWebhookRoutes,
  webhookEntitiesFor,
  webhooksSchema,
  webhookRouteSchema,
  webhookSignatureSchema,
  type ConnectorWebhooks,
  type WebhookSignatureScheme,
  type WebhooksConfig,
} from './connector/define-webhooks.js';
export {
  defineConnector,
  connectorConfigSchema,
  connectorDefaultsSchema,
  type Connector,
  type ConnectorConfig,
  type ConnectorDefaults,
  type ConnectorDefinition,
} from './connector/define-connector.js';
export {
  UNIFIED_SCHEMA_VERSION,
  UNIFIED_SCHEMAS,
  UNIFIED_ENTITY_NAMES,
  validateUnified,
  moneySchema,
  toMinorUnits,
  fromMinorUnits,
  minorUnitExponent,
  addressSchema,
  orderSchema,
  lineItemSchema,
  productSchema,
  variantSchema,
  customerSchema,
  accountSchema,
  invoiceSchema,
  invoiceLineItemSchema,
  paymentSchema,
  contactSchema,
  transactionSchema,
  payoutSchema,
  type UnifiedEntities,
  type UnifiedEntityName,
  type UnifiedRecord,
  type Money,
  type Address,
  type Order,
  type LineItem,
  type Product,
  type Variant,
  type Customer,
  type Account,
  type Invoice,
  type InvoiceLineItem,
  type Payment,
  type PaymentAllocation,
  type Contact,
  type Transaction,
  type Payout,
} from './unified/index.js';
