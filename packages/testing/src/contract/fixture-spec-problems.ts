import type { OpenApiDocument, SpecRefs } from '@portage/codegen';
import type { LoadedFixture } from '../fixture/fixture.js';
import { checkResponse } from '../schema/check-response.js';
import { schemaValidatorFor } from '../schema/schema-validator.js';
import { operationFor } from './operation-for.js';

/**
 * A spec to check recorded responses against: a loaded OpenAPI document and its `$ref` resolver.
 *
 * @example const { document, refs } = await loadSpec(lock.source, { cwd: root, expectedSha256: lock.sha256 });
 */
export interface ResponseSpec {
  document: OpenApiDocument;
  refs: SpecRefs;
}

function bodyOf(response: LoadedFixture['exchanges'][number]['response']): unknown {
  if (response.json !== undefined) return response.json;
  if (response.text !== undefined) return response.text === '' ? undefined : response.text;
  return response.base64;
}

/**
 * Checks every recorded response of a fixture against the spec's responses for its operation
 * (status, required headers, content type, JSON schema), so a fixture can only hold what the
 * platform promises to send. A request that is not an operation of the spec is a problem too.
 * One line per problem, naming the file, the exchange and the request; none means it conforms.
 *
 * @example expect(fixtureSpecProblems(fixture, spec, ['/api.xro/2.0'])).toEqual([]);
 */
export function fixtureSpecProblems(fixture: LoadedFixture, spec: ResponseSpec, basePaths: readonly string[] = []): string[] {
  const validator = schemaValidatorFor(spec.document, spec.refs);
  const where = fixture.file ?? `${fixture.connector}/${fixture.scenario}`;
  const problems: string[] = [];
  fixture.exchanges.forEach(({ request, response }, index) => {
    const label = `${where} exchange ${index + 1} (${request.method} ${request.url})`;
    const matched = operationFor(spec.document, request.method, request.url, basePaths);
    if (!matched) {
      problems.push(`${label}: not an operation of the spec`);
      return;
    }
    const headers = Object.fromEntries(Object.entries(response.headers).map(([name, value]) => [name.toLowerCase(), value]));
    for (const problem of checkResponse(matched.operation, spec.refs, validator, { status: response.status, headers, body: bodyOf(response) })) {
      problems.push(`${label}, ${matched.key}: ${problem}`);
    }
  });
  return problems;
}
