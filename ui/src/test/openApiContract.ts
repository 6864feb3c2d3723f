/// <reference types="node" />
// The API's OpenAPI document as a checker for the tests' fake backend: every request the storefront sends
// and every answer a test scripts is validated against the operation it belongs to, with Ajv and the
// document's own schemas (docs/ui.md#wire-types). A fixture that imitates the API wrongly fails its test.
import Ajv, { type ValidateFunction } from 'ajv';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';

type Json = Record<string, unknown>;

interface Operation {
  method: string;
  template: string;
  pattern: RegExp;
  /** JSON pointer of the operation object in the document. */
  pointer: string;
  spec: Json;
  /** The operation's parameters and its path item's, each with the JSON pointer of its schema. */
  parameters: { parameter: Json; schema: string }[];
}

const DOCUMENT_ID = 'openapi.yaml';
// The file itself, not a copy: the same document the API's router, API Gateway and schemathesis read. Found by
// walking up from here, so the tests also run from a copy of ui/ inside the repository (make mutation: Stryker's
// sandbox, ui/.stryker-tmp/sandbox-*/).
const DOCUMENT_PATH = 'lambdas/api-contract/src/main/resources/openapi.yaml';

export function findDocument(from: string): string {
  for (let folder = from; ; folder = path.dirname(folder)) {
    const candidate = path.join(folder, DOCUMENT_PATH);
    if (existsSync(candidate)) return candidate;
    if (path.dirname(folder) === folder) throw new Error(`${DOCUMENT_PATH} not found in any folder above ${from}`);
  }
}

const document = parse(readFileSync(findDocument(path.dirname(fileURLToPath(import.meta.url))), 'utf8')) as Json;

// The document's top-level fields and OpenAPI's annotation keywords are not JSON Schema; declaring them
// lets Ajv keep strict mode for everything else (a misspelt keyword in a schema is still an error).
const OPENAPI_KEYWORDS = ['openapi', 'info', 'servers', 'paths', 'components', 'example'];

function newAjv(options: { coerceTypes: boolean }): Ajv {
  const ajv = new Ajv({ allErrors: true, strict: true, strictRequired: false, coerceTypes: options.coerceTypes });
  for (const keyword of OPENAPI_KEYWORDS) ajv.addKeyword(keyword);
  ajv.addSchema(document, DOCUMENT_ID);
  return ajv;
}

const bodies = newAjv({ coerceTypes: false });
// Query, path and header parameters arrive as strings: "20" is a valid `limit: integer`.
const parameters = newAjv({ coerceTypes: true });

const escapePointer = (segment: string) => segment.replace(/~/g, '~0').replace(/\//g, '~1');
const METHODS = ['get', 'put', 'post', 'delete', 'patch'];

const operations: Operation[] = Object.entries(document.paths as Record<string, Json>).flatMap(([template, item]) =>
  METHODS.filter((method) => method in item).map((method) => ({
    method: method.toUpperCase(),
    template,
    pattern: new RegExp(`^${template.replace(/\{[^}]+\}/g, '([^/]+)')}$`),
    pointer: `#/paths/${escapePointer(template)}/${method}`,
    spec: item[method] as Json,
    parameters: [
      ...parametersOf(item, `#/paths/${escapePointer(template)}`),
      ...parametersOf(item[method] as Json, `#/paths/${escapePointer(template)}/${method}`),
    ],
  })),
);

function parametersOf(owner: Json, pointer: string): { parameter: Json; schema: string }[] {
  return ((owner.parameters as Json[] | undefined) ?? []).map((declared, index) => {
    const { node, pointer: ref } = resolve(declared);
    return { parameter: node, schema: `${ref ?? `${pointer}/parameters/${index}`}/schema` };
  });
}

function resolvePointer(pointer: string): Json {
  let node: unknown = document;
  for (const segment of pointer.slice(2).split('/')) node = (node as Json)[segment.replace(/~1/g, '/').replace(/~0/g, '~')];
  return node as Json;
}

/** Follows a local `$ref` (`#/components/...`) to the object it names. */
function resolve(value: Json): { node: Json; pointer: string | null } {
  const ref = value.$ref;
  return typeof ref === 'string' ? { node: resolvePointer(ref), pointer: ref } : { node: value, pointer: null };
}

/**
 * The last `$ref` passed on the way from a schema to the part of it that judges `instancePath`: Ajv
 * reports a rule's schemaPath relative to that schema (`#/required` inside CartItem).
 */
function schemaOwning(pointer: string, instancePath: string): string {
  let owner = pointer;
  let node = resolvePointer(pointer);
  const enter = () => {
    for (;;) {
      if (typeof node.$ref === 'string') {
        owner = node.$ref;
        node = resolvePointer(owner);
      } else if (Array.isArray(node.anyOf) || Array.isArray(node.oneOf)) {
        const alternatives = (node.anyOf ?? node.oneOf) as Json[];
        node = alternatives.find((alternative) => '$ref' in alternative) ?? alternatives[0]!;
      } else return;
    }
  };
  enter();
  for (const segment of instancePath.split('/').slice(1)) {
    const next = node.type === 'array' ? node.items : (node.properties as Json | undefined)?.[segment] ?? node.additionalProperties;
    if (typeof next !== 'object' || next === null) break;
    node = next as Json;
    enter();
  }
  return owner;
}

/** Ajv's errors as "where in the body, what is wrong (which rule of the document)". */
function describeErrors(validate: ValidateFunction, pointer: string, root = '(body)'): string {
  return (validate.errors ?? [])
    .map((error) => {
      const where = error.instancePath || root;
      const extra = error.keyword === 'additionalProperties' ? ` '${String(error.params.additionalProperty)}'`
        : error.keyword === 'enum' ? ` ${JSON.stringify(error.params.allowedValues)}` : '';
      const rule = /^#\/(components|paths)\//.test(error.schemaPath)
        ? error.schemaPath
        : schemaOwning(pointer, error.instancePath) + error.schemaPath.slice(1);
      return `${where} ${error.message ?? error.keyword}${extra} (${DOCUMENT_ID}${rule})`;
    })
    .join('; ');
}

function validator(ajv: Ajv, pointer: string): ValidateFunction {
  const validate = ajv.getSchema(`${DOCUMENT_ID}${pointer}`);
  if (!validate) throw new Error(`openapi.yaml has no schema at ${pointer}`);
  return validate;
}

/** The document's operation for a method and an API path (relative to apiBaseUrl, no query). */
export function findOperation(method: string, path: string): Operation | null {
  return operations.find((operation) => operation.method === method && operation.pattern.test(path)) ?? null;
}

/** Problems with a response a fake serves, as readable sentences; empty when it matches the document. */
export function responseProblems(method: string, path: string, status: number, body: unknown): string[] {
  const operation = findOperation(method, path);
  if (!operation) return [`${method} ${path} is not an operation of openapi.yaml`];
  const responses = operation.spec.responses as Record<string, Json>;
  const declared = responses[String(status)];
  if (!declared) {
    return [`${method} ${operation.template} does not declare status ${status} (declared: ${Object.keys(responses).join(', ')})`];
  }
  const { node: response, pointer: responsePointer } = resolve(declared);
  const content = response.content as Record<string, Json> | undefined;
  if (!content?.['application/json']) {
    return body === null ? [] : [`${method} ${operation.template} ${status} has no body in openapi.yaml`];
  }
  const base = responsePointer ?? `${operation.pointer}/responses/${status}`;
  const schema = `${base}/content/application~1json/schema`;
  const validate = validator(bodies, schema);
  return validate(body) ? [] : [`${method} ${operation.template} ${status}: ${describeErrors(validate, schema)}`];
}

/** Problems with a request the storefront sends: operation, security, parameters and body. */
export function requestProblems(method: string, url: URL, path: string, headers: Headers, body: unknown): string[] {
  const operation = findOperation(method, path);
  if (!operation) return [`the storefront called ${method} ${path}, which is not an operation of openapi.yaml`];
  const where = `${method} ${operation.template}`;
  const problems: string[] = [];
  if (operation.spec.security && !/^Bearer \S+$/.test(headers.get('Authorization') ?? '')) {
    problems.push(`${where} needs a bearer token and was sent without one`);
  }
  const pathValues = operation.pattern.exec(path)?.slice(1) ?? [];
  const pathNames = [...operation.template.matchAll(/\{([^}]+)\}/g)].map((match) => match[1]);
  for (const { parameter, schema } of operation.parameters) {
    const name = String(parameter.name);
    const value = parameter.in === 'path' ? decodeURIComponent(pathValues[pathNames.indexOf(name)] ?? '')
      : parameter.in === 'query' ? url.searchParams.get(name)
      : parameter.in === 'header' ? headers.get(name) : null;
    if (value === null || value === '') {
      if (parameter.required) problems.push(`${where}: required ${String(parameter.in)} parameter ${name} is missing`);
      continue;
    }
    const validate = validator(parameters, schema);
    if (!validate(value)) {
      problems.push(`${where}: ${String(parameter.in)} parameter ${name}=${JSON.stringify(value)}${describeErrors(validate, schema, '')}`);
    }
  }
  for (const name of url.searchParams.keys()) {
    if (!operation.parameters.some(({ parameter }) => parameter.in === 'query' && parameter.name === name)) {
      problems.push(`${where}: query parameter ${name} is not declared`);
    }
  }
  const requestBody = operation.spec.requestBody as Json | undefined;
  if (!requestBody) {
    if (body !== undefined) problems.push(`${where} takes no request body, and one was sent`);
  } else if (body === undefined) {
    if (requestBody.required) problems.push(`${where} requires a JSON body`);
  } else {
    const schema = `${operation.pointer}/requestBody/content/application~1json/schema`;
    const validate = validator(bodies, schema);
    if (!validate(body)) problems.push(`${where} request body: ${describeErrors(validate, schema)}`);
  }
  return problems;
}
