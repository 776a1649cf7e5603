import { dirname, resolve } from 'node:path';
import { SpecError } from '../openapi/spec-error.js';
import { WSDL_NS, XSD_NS } from './namespaces.js';
import { isRemoteLocation, readDocument, type ReadDocumentOptions } from './read-document.js';
import { childrenIn, parseXmlTree, type XmlElement } from './xml-tree.js';

/** One `xsd:schema` element and the namespace its global declarations belong to. */
export interface SchemaSource {
  schema: XmlElement;
  /** The schema's targetNamespace, or the including schema's for a chameleon include. */
  targetNamespace: string;
}

/** A WSDL and everything it imports, parsed, in a deterministic order. */
export interface WsdlSet {
  entry: string;
  /** Every document read, in the order first reached. */
  files: string[];
  /** `wsdl:definitions` roots (the entry first, then wsdl:import targets); empty for a bare XSD. */
  definitions: XmlElement[];
  schemas: SchemaSource[];
}

/**
 * Reads a WSDL 1.1 (or a bare XSD) and follows `wsdl:import`, `xsd:import` and `xsd:include`
 * relative to the importing file. An import without `schemaLocation` names a namespace defined
 * elsewhere in the set (Salesforce's inline schemas import each other that way).
 *
 * @example const set = await loadWsdl('/specs/ews/services.wsdl');
 */
export async function loadWsdl(entryFile: string, options: ReadDocumentOptions = {}): Promise<WsdlSet> {
  const entry = isRemoteLocation(entryFile) ? entryFile : resolve(entryFile);
  const set: WsdlSet = { entry, files: [], definitions: [], schemas: [] };
  const seen = new Set<string>();

  const visitSchema = async (schema: XmlElement, chameleonNamespace?: string): Promise<void> => {
    const targetNamespace = schema.attributes['targetNamespace'] ?? chameleonNamespace ?? '';
    set.schemas.push({ schema, targetNamespace });
    for (const link of schema.children) {
      if (link.namespace !== XSD_NS || (link.localName !== 'import' && link.localName !== 'include')) continue;
      const location = link.attributes['schemaLocation'];
      if (location === undefined) continue;
      const target = locate(location, schema.file);
      const chameleon = link.localName === 'include' ? targetNamespace : undefined;
      const key = `${target}#${chameleon ?? ''}`;
      if (seen.has(key)) continue;
      seen.add(key);
      const root = await readRoot(target);
      if (root.namespace !== XSD_NS || root.localName !== 'schema') {
        throw new SpecError(`${schema.file} imports ${target}, which is not an XML Schema (its root is <${root.localName}>); fix the schemaLocation`);
      }
      await visitSchema(root, chameleon);
    }
  };

  const visitDefinitions = async (definitions: XmlElement): Promise<void> => {
    set.definitions.push(definitions);
    for (const link of childrenIn(definitions, WSDL_NS, 'import')) {
      const location = link.attributes['location'];
      if (location === undefined) continue;
      const target = locate(location, definitions.file);
      if (seen.has(target)) continue;
      seen.add(target);
      const root = await readRoot(target);
      if (root.namespace === XSD_NS && root.localName === 'schema') await visitSchema(root);
      else if (root.namespace === WSDL_NS && root.localName === 'definitions') await visitDefinitions(root);
      else throw new SpecError(`${definitions.file} imports ${target}, which is neither a WSDL nor an XSD; fix the location`);
    }
    for (const types of childrenIn(definitions, WSDL_NS, 'types')) {
      for (const schema of childrenIn(types, XSD_NS, 'schema')) await visitSchema(schema);
    }
  };

  const readRoot = async (location: string): Promise<XmlElement> => {
    set.files.push(location);
    return parseXmlTree(await readDocument(location, options), location);
  };

  seen.add(entry);
  const root = await readRoot(entry);
  if (root.namespace === WSDL_NS && root.localName === 'definitions') await visitDefinitions(root);
  else if (root.namespace === XSD_NS && root.localName === 'schema') await visitSchema(root);
  else {
    throw new SpecError(`${entry} is neither a WSDL 1.1 document (wsdl:definitions) nor an XML Schema (its root is <${root.localName}>); give the .wsdl file`);
  }
  return set;
}

function locate(location: string, importingFile: string): string {
  if (isRemoteLocation(location)) return location;
  if (isRemoteLocation(importingFile)) return new URL(location, importingFile).href;
  return resolve(dirname(importingFile), location);
}

/**
 * A WSDL set from one document given as text (a WSDL with inline schemas, or an XSD), for
 * tests and tools that hold the text already. Imports with a `schemaLocation` need files:
 * use {@link loadWsdl} for those.
 *
 * @throws SpecError when the document imports another file.
 * @example compileWsdlSet(wsdlSetFromText('<xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema" targetNamespace="urn:a">...</xs:schema>'))
 */
export function wsdlSetFromText(text: string, name = 'inline.xsd'): WsdlSet {
  const root = parseXmlTree(text, name);
  const set: WsdlSet = { entry: name, files: [name], definitions: [], schemas: [] };
  let schemas: XmlElement[];
  if (root.namespace === WSDL_NS && root.localName === 'definitions') {
    set.definitions.push(root);
    schemas = childrenIn(root, WSDL_NS, 'types').flatMap((types) => childrenIn(types, XSD_NS, 'schema'));
  } else if (root.namespace === XSD_NS && root.localName === 'schema') {
    schemas = [root];
  } else {
    throw new SpecError(`${name} is neither a WSDL 1.1 document nor an XML Schema (its root is <${root.localName}>)`);
  }
  for (const schema of schemas) {
    const linked = schema.children.find((child) => child.namespace === XSD_NS && child.attributes['schemaLocation'] !== undefined);
    if (linked !== undefined) throw new SpecError(`${name} imports ${linked.attributes['schemaLocation']}; load it from a file with loadWsdl`);
    set.schemas.push({ schema, targetNamespace: schema.attributes['targetNamespace'] ?? '' });
  }
  return set;
}
