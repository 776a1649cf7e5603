import { z } from 'zod';

/**
 * The platform's own id for a record, always carried as a non-empty string (numeric ids are
 * converted with `String(id)` by the mapping).
 *
 * @example externalIdSchema.parse('gid://shopify/Order/42') // 'gid://shopify/Order/42'
 */
export const externalIdSchema = z.string().min(1);

/**
 * An ISO 8601 date-time with an explicit offset (`Z` or `+02:00`).
 *
 * @example isoDateTimeSchema.parse('2024-03-01T12:00:00Z')
 */
export const isoDateTimeSchema = z.iso.datetime({ offset: true });

/**
 * A calendar date `YYYY-MM-DD` (invoice and payment dates, which carry no time of day).
 *
 * @example isoDateSchema.parse('2024-03-31')
 */
export const isoDateSchema = z.iso.date();

/**
 * An ISO 4217 alphabetic currency code, upper case.
 *
 * @example currencyCodeSchema.parse('EUR')
 */
export const currencyCodeSchema = z.string().regex(/^[A-Z]{3}$/, 'expected an ISO 4217 code such as "USD"');

/**
 * An ISO 3166-1 alpha-2 country code, upper case.
 *
 * @example countryCodeSchema.parse('DE')
 */
export const countryCodeSchema = z.string().regex(/^[A-Z]{2}$/, 'expected an ISO 3166-1 alpha-2 code such as "US"');

/**
 * A postal address. Every part is optional because platforms often hold partial addresses.
 *
 * @example addressSchema.parse({ line1: '1 Main St', city: 'Springfield', postalCode: '12345', country: 'US' })
 */
export const addressSchema = z.strictObject({
  line1: z.string().optional(),
  line2: z.string().optional(),
  city: z.string().optional(),
  /** State, province or county. */
  region: z.string().optional(),
  postalCode: z.string().optional(),
  country: countryCodeSchema.optional(),
});

/**
 * A postal address.
 *
 * @example const shipTo: Address = { line1: '1 Main St', country: 'US' };
 */
export type Address = z.infer<typeof addressSchema>;

/**
 * Fields every unified record has; spread into each entity's object shape.
 *
 * @example const thing = z.strictObject({ ...unifiedRecordShape, name: z.string() });
 */
export const unifiedRecordShape = {
  /** The platform's external id. */
  id: externalIdSchema,
  /** When the record was created on the platform. */
  createdAt: isoDateTimeSchema.optional(),
  /** When the record last changed on the platform. */
  updatedAt: isoDateTimeSchema.optional(),
};

/**
 * The fields shared by every unified record, as a schema of its own.
 *
 * @example unifiedRecordSchema.parse({ id: '42', updatedAt: '2024-03-01T12:00:00Z' })
 */
export const unifiedRecordSchema = z.strictObject(unifiedRecordShape);

/**
 * The fields shared by every unified record.
 *
 * @example const base: UnifiedRecord = { id: '42' };
 */
export type UnifiedRecord = z.infer<typeof unifiedRecordSchema>;
