// The XML Schema subset the compiler understands, after names are resolved. Readers
// (read-*.ts) build it from XmlElements; emitters (emit-*.ts) turn it into TypeScript.
import type { QName } from './namespaces.js';

/** `maxOccurs="unbounded"` is `Infinity`. */
export interface Occurs {
  min: number;
  max: number;
}

/** A reference to a type: by name (built-in or declared) or an anonymous type inline. */
export type TypeRef = { kind: 'named'; name: QName } | { kind: 'inline'; type: SchemaType };

export type SchemaType = ComplexType | SimpleType;

export interface SimpleType {
  kind: 'simple';
  name?: QName;
  variety:
    | { kind: 'restriction'; base: TypeRef; enumeration?: string[] }
    | { kind: 'list'; item: TypeRef }
    | { kind: 'union'; members: TypeRef[] };
}

export interface ComplexType {
  kind: 'complex';
  name?: QName;
  abstract: boolean;
  mixed: boolean;
  /** complexContent / simpleContent derivation; absent for a type defined from scratch. */
  derivation?: { method: 'extension' | 'restriction'; base: TypeRef; simpleContent: boolean; enumeration?: string[] };
  /** The content model this type adds (extension) or states in full (restriction, no base). */
  particle?: Particle;
  attributes: AttributeUse[];
}

export type Particle =
  | ({ kind: 'sequence' | 'choice' | 'all'; particles: Particle[] } & Occurs)
  | ({ kind: 'element'; element: LocalElement } & Occurs)
  | ({ kind: 'elementRef'; ref: QName } & Occurs)
  | ({ kind: 'groupRef'; ref: QName } & Occurs)
  | ({ kind: 'any' } & Occurs);

export interface LocalElement {
  name: string;
  type: TypeRef;
  nillable: boolean;
}

export type AttributeUse =
  | { kind: 'attribute'; name: string; type: TypeRef; required: boolean; prohibited: boolean }
  | { kind: 'attributeRef'; ref: QName; required: boolean; prohibited: boolean }
  | { kind: 'attributeGroupRef'; ref: QName }
  | { kind: 'anyAttribute' };

/** A global `xsd:element`. */
export interface ElementDecl {
  name: QName;
  type: TypeRef;
  nillable: boolean;
  abstract: boolean;
  substitutionGroup?: QName;
}

export interface GroupDecl {
  name: QName;
  particle: Particle | undefined;
}

export interface AttributeGroupDecl {
  name: QName;
  attributes: AttributeUse[];
}

export interface AttributeDecl {
  name: QName;
  type: TypeRef;
}

/** Every global declaration of a WSDL set, keyed by `qnameKey`. */
export interface SchemaIndex {
  types: Map<string, SchemaType>;
  elements: Map<string, ElementDecl>;
  groups: Map<string, GroupDecl>;
  attributeGroups: Map<string, AttributeGroupDecl>;
  attributes: Map<string, AttributeDecl>;
}
