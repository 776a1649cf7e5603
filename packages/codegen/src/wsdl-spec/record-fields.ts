import type { FieldShape } from '../scaffold/field-kinds.js';
import type { CompileContext } from '../wsdl/compile-context.js';
import type { ComplexType } from '../wsdl/schema-model.js';
import { complexTypeFields } from './type-fields.js';
import { typeKind } from './type-kind.js';

/**
 * The element fields of a WSDL record type with the kinds the mapping pre-fill compares
 * (field-kinds.ts), inherited ones included: optional from minOccurs="0", nullable from
 * nillable, repeated elements as `other`. Attributes are left out: the SOAP client hands them
 * over under `attributes`, not under the `@name` the generated types use.
 *
 * @example wsdlRecordFields(customerType, context).get('email') // { kind: 'string', optional: true, nullable: false }
 */
export function wsdlRecordFields(type: ComplexType, context: CompileContext): Map<string, FieldShape> {
  const fields = new Map<string, FieldShape>();
  for (const field of complexTypeFields(type, context).fields) {
    if (field.name.startsWith('@') || field.name.startsWith('#')) continue;
    const kind = field.array ? 'other' : typeKind(field.type, context).fieldKind;
    fields.set(field.name, { kind, optional: field.optional, nullable: field.nillable });
  }
  return fields;
}
