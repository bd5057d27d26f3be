import { readFileSync } from 'node:fs';
import { isDeepStrictEqual } from 'node:util';
import type { OpenAPIObject } from '@nestjs/swagger';
import { generateOpenApiDocument, OPENAPI_FILE } from '../../scripts/generate-openapi';

const REGENERATE = 'node -r ts-node/register/transpile-only scripts/generate-openapi.ts';

/** Names of the operations and schemas that differ between two documents (added, removed or changed). */
function differences(code: OpenAPIObject, file: OpenAPIObject): string[] {
  const out: string[] = [];
  const compare = (kind: string, a: Record<string, unknown> = {}, b: Record<string, unknown> = {}) => {
    for (const key of new Set([...Object.keys(a), ...Object.keys(b)])) {
      if (!(key in b)) out.push(`${kind} ${key}: in the code, not in openapi.json`);
      else if (!(key in a)) out.push(`${kind} ${key}: in openapi.json, not in the code`);
      else if (!isDeepStrictEqual(a[key], b[key])) out.push(`${kind} ${key}: changed`);
    }
  };
  compare('path', code.paths, file.paths);
  compare('schema', code.components?.schemas, file.components?.schemas);
  const { paths: _p, components: _c, ...codeRest } = code;
  const { paths: _fp, components: _fc, ...fileRest } = file;
  if (!isDeepStrictEqual(codeRest, fileRest)) out.push('document info, tags or security: changed');
  if (!isDeepStrictEqual(code.components?.securitySchemes, file.components?.securitySchemes)) {
    out.push('security schemes: changed');
  }
  return out;
}

describe('OpenAPI: the committed openapi.json matches the code', () => {
  it(`is what the code generates (regenerate with: ${REGENERATE})`, async () => {
    const code = JSON.parse(JSON.stringify(await generateOpenApiDocument())) as OpenAPIObject;
    const file = JSON.parse(readFileSync(OPENAPI_FILE, 'utf8')) as OpenAPIObject;
    expect(differences(code, file)).toEqual([]);
  });

  it('documents every operation with a summary, a success answer and error answers', async () => {
    const code = await generateOpenApiDocument();
    const problems: string[] = [];
    for (const [path, item] of Object.entries(code.paths)) {
      for (const [method, op] of Object.entries(
        item as Record<string, { summary?: string; responses?: object }>,
      )) {
        const codes = Object.keys(op.responses ?? {});
        if (!op.summary) problems.push(`${method.toUpperCase()} ${path}: no summary`);
        if (!codes.some((c) => c.startsWith('2')))
          problems.push(`${method.toUpperCase()} ${path}: no 2xx answer`);
        if (!codes.some((c) => c.startsWith('4') || c.startsWith('5'))) {
          problems.push(`${method.toUpperCase()} ${path}: no error answer`);
        }
      }
    }
    expect(problems).toEqual([]);
  });
});
