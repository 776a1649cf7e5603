import { createHash } from 'node:crypto';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { compileWsdl } from './compile-wsdl.js';
import { loadWsdl } from './load-wsdl.js';

let dir: string;
const XS = 'xmlns:xs="http://www.w3.org/2001/XMLSchema"';

// A WSDL importing xsd/a.xsd, which imports b.xsd (the prefix `p` means urn:b there and urn:a
// in a.xsd) and includes a chameleon c.xsd (no targetNamespace: it takes urn:a).
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'portage-wsdl-'));
  await mkdir(join(dir, 'xsd'));
  await writeFile(
    join(dir, 'svc.wsdl'),
    `<wsdl:definitions xmlns:wsdl="http://schemas.xmlsoap.org/wsdl/" ${XS} targetNamespace="urn:svc"><wsdl:types>
       <xs:schema><xs:import namespace="urn:a" schemaLocation="./xsd/a.xsd"/></xs:schema></wsdl:types></wsdl:definitions>`,
  );
  await writeFile(
    join(dir, 'xsd', 'a.xsd'),
    `<xs:schema ${XS} xmlns:p="urn:a" xmlns:b="urn:b" targetNamespace="urn:a"><xs:import namespace="urn:b" schemaLocation="b.xsd"/><xs:include schemaLocation="c.xsd"/>
       <xs:complexType name="A"><xs:sequence><xs:element name="b" type="b:B"/><xs:element name="c" type="p:C"/></xs:sequence></xs:complexType></xs:schema>`,
  );
  await writeFile(
    join(dir, 'xsd', 'b.xsd'),
    `<xs:schema ${XS} xmlns:p="urn:b" targetNamespace="urn:b"><xs:import namespace="urn:a" schemaLocation="a.xsd"/><xs:complexType name="B"><xs:sequence><xs:element name="n" type="p:N"/></xs:sequence></xs:complexType>
       <xs:simpleType name="N"><xs:restriction base="xs:decimal"/></xs:simpleType></xs:schema>`,
  );
  await writeFile(join(dir, 'xsd', 'c.xsd'), `<xs:schema ${XS}><xs:complexType name="C"><xs:attribute name="x" type="xs:int"/></xs:complexType></xs:schema>`);
  await writeFile(join(dir, 'remote.xsd'), `<xs:schema ${XS} targetNamespace="urn:r"><xs:import namespace="urn:x" schemaLocation="https://example.test/x.xsd"/></xs:schema>`);
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('loadWsdl', () => {
  it('follows imports and includes relative to the importing file, each file once', async () => {
    const set = await loadWsdl(join(dir, 'svc.wsdl'));
    expect(set.files.map((file) => file.slice(dir.length))).toEqual(['/svc.wsdl', '/xsd/a.xsd', '/xsd/b.xsd', '/xsd/c.xsd']);
    expect(set.schemas.map((schema) => schema.targetNamespace)).toEqual(['', 'urn:a', 'urn:b', 'urn:a']);
  });

  it('resolves each prefix in its own file', async () => {
    const { types } = await compileWsdl(join(dir, 'svc.wsdl'));
    expect(types).toContain('export interface A {\n  b: B;\n  c: C;\n}');
    expect(types).toContain('export interface B {\n  n: N;\n}');
    expect(types).toContain('export type N = string;');
    expect(types).toContain('export interface C {\n  "@x"?: number;\n}');
  });

  it('refuses a missing import with the path', async () => {
    await writeFile(join(dir, 'broken.xsd'), `<xs:schema ${XS}><xs:include schemaLocation="nope.xsd"/></xs:schema>`);
    await expect(loadWsdl(join(dir, 'broken.xsd'))).rejects.toThrow(/nope\.xsd does not exist/);
  });

  it('reads a remote import only from the spec cache, never downloading unless asked', async () => {
    await expect(loadWsdl(join(dir, 'remote.xsd'))).rejects.toThrow(/https:\/\/example\.test\/x\.xsd is remote; pass a spec cacheDir/);
    const cacheDir = join(dir, 'cache');
    await expect(loadWsdl(join(dir, 'remote.xsd'), { cacheDir })).rejects.toThrow(/is not in the spec cache/);

    let downloads = 0;
    const fetch = (async () => {
      downloads += 1;
      return new Response(`<xs:schema ${XS} targetNamespace="urn:x"><xs:simpleType name="X"><xs:restriction base="xs:int"/></xs:simpleType></xs:schema>`);
    }) as typeof globalThis.fetch;
    const first = await loadWsdl(join(dir, 'remote.xsd'), { cacheDir, download: true, fetch });
    expect(first.schemas.map((schema) => schema.targetNamespace)).toEqual(['urn:r', 'urn:x']);
    const cached = join(cacheDir, 'url', createHash('sha256').update('https://example.test/x.xsd').digest('hex'));
    expect(first.files).toContain('https://example.test/x.xsd');
    const again = await loadWsdl(join(dir, 'remote.xsd'), { cacheDir });
    expect(again.schemas).toHaveLength(2);
    expect(downloads).toBe(1);
    expect(cached).toContain(join(cacheDir, 'url'));
  });

  it('refuses a file that is neither WSDL nor XSD', async () => {
    await writeFile(join(dir, 'other.xml'), '<html/>');
    await expect(loadWsdl(join(dir, 'other.xml'))).rejects.toThrow(/neither a WSDL 1\.1 document .* nor an XML Schema \(its root is <html>\)/);
  });
});
