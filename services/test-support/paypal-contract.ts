import { readFileSync } from 'node:fs';
import { Ajv, type ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';

const OPENAPI = new URL('../business/infrastructure/paypal/openapi/', import.meta.url);
export const PAYPAL_DOCUMENT_FILES = [
  'checkout_orders_v2.json',
  'payments_payment_v2.json',
  'notifications_webhooks_v1.json',
];

interface Operation {
  parameters?: Array<{ $ref?: string; name?: string; in?: string; required?: boolean }>;
  requestBody?: unknown;
  responses: Record<string, { $ref?: string }>;
}

/**
 * Answers not in PayPal's published documents, written from PayPal's reference pages: the OAuth
 * token endpoint and the 429 every API may answer.
 */
const UNPUBLISHED = {
  token: {
    type: 'object',
    required: ['access_token', 'token_type', 'expires_in', 'scope', 'app_id', 'nonce'],
    properties: {
      access_token: { type: 'string', minLength: 1 },
      token_type: { const: 'Bearer' },
      expires_in: { type: 'integer', minimum: 1 },
      scope: { type: 'string' },
      app_id: { type: 'string' },
      nonce: { type: 'string' },
    },
  },
  oauthError: {
    type: 'object',
    required: ['error', 'error_description'],
    properties: { error: { type: 'string' }, error_description: { type: 'string' } },
  },
  rateLimited: {
    type: 'object',
    required: ['name', 'message', 'debug_id'],
    properties: {
      name: { const: 'RATE_LIMIT_REACHED' },
      message: { type: 'string' },
      debug_id: { type: 'string' },
    },
  },
} as const;

const pointer = (...parts: string[]) =>
  parts.map((part) => part.replaceAll('~', '~0').replaceAll('/', '~1')).join('/');

/**
 * Validates messages against PayPal's published OpenAPI 3.0 documents (the vendored copies): the
 * request body and header parameters an operation declares, and each response against the schema
 * for its status (or the operation's `default`).
 */
export class PayPalContract {
  // PayPal's patterns are ECMAScript without the u flag (some do not compile with it).
  private readonly ajv = new Ajv({ strict: false, allErrors: true, logger: false, unicodeRegExp: false });
  private readonly documents = new Map<string, { paths: Record<string, Record<string, Operation>> }>();
  private readonly compiled = new Map<string, ValidateFunction>();

  constructor() {
    addFormats.default(this.ajv);
    for (const file of PAYPAL_DOCUMENT_FILES) {
      const document = JSON.parse(readFileSync(new URL(file, OPENAPI), 'utf8'));
      this.documents.set(file, document);
      this.ajv.addSchema(document, file);
    }
    for (const [name, schema] of Object.entries(UNPUBLISHED)) this.ajv.addSchema(schema, name);
  }

  /** Problems with a request, as readable lines (empty when it conforms). */
  checkRequest(
    file: string,
    path: string,
    method: string,
    request: { headers: Record<string, string | undefined>; body: unknown },
  ): string[] {
    const operation = this.operation(file, path, method);
    const problems: string[] = [];
    for (const parameter of operation.parameters ?? []) {
      const ref = parameter.$ref?.replace(/^#\/components\/parameters\//, '');
      const declared = ref
        ? (this.resolve(file, `#/components/parameters/${pointer(ref)}`) as Operation['parameters'] & {})
        : parameter;
      const { name, in: where, required } = declared as { name: string; in: string; required?: boolean };
      if (where !== 'header') continue;
      const value = request.headers[name.toLowerCase()];
      if (value === undefined) {
        if (required) problems.push(`header ${name} is required`);
        continue;
      }
      const schemaRef = `${file}#${ref ? `/components/parameters/${pointer(ref)}` : ''}/schema`;
      if (ref) problems.push(...this.check(schemaRef, value, `header ${name}`));
    }
    if (request.body !== undefined) {
      problems.push(
        ...this.check(
          `${file}#/paths/${pointer(path)}/${method}/requestBody/content/${pointer('application/json')}/schema`,
          request.body,
          'request body',
        ),
      );
    }
    return problems;
  }

  /** Problems with a response the stand-in is about to send. */
  checkResponse(file: string, path: string, method: string, status: number, body: unknown): string[] {
    const responses = this.operation(file, path, method).responses;
    const key = String(status) in responses ? String(status) : 'default';
    const response = responses[key];
    if (!response) return [`${method.toUpperCase()} ${path} declares no ${status} response`];
    const declared = (response.$ref ? this.resolve(file, response.$ref) : response) as {
      content?: Record<string, unknown>;
    };
    // A response declared without a JSON body (e.g. a bare 500) constrains only its status.
    if (!declared.content?.['application/json']) return [];
    const base = response.$ref
      ? `${file}${response.$ref}`
      : `${file}#/paths/${pointer(path)}/${method}/responses/${key}`;
    return this.check(`${base}/content/${pointer('application/json')}/schema`, body, `${status} response`);
  }

  /**
   * Compiles the validators of an operation's body and answers ahead of time, so that compiling
   * (about a second for an order) never delays an answer past a client's timeout in a test.
   */
  prepare(file: string, path: string, method: string): void {
    const operation = this.operation(file, path, method);
    if (operation.requestBody !== undefined) this.checkRequest(file, path, method, { headers: {}, body: {} });
    for (const status of Object.keys(operation.responses)) {
      if (/^\d+$/.test(status)) this.checkResponse(file, path, method, Number(status), {});
    }
    this.checkResponse(file, path, method, 599, {});
  }

  /** Problems with a value checked against one component schema of a document. */
  checkComponent(file: string, schema: string, value: unknown): string[] {
    return this.check(`${file}#/components/schemas/${pointer(schema)}`, value, schema);
  }

  /** The `error_<status>` schema's fixed name and message (PayPal's error bodies), when it has one. */
  errorSchema(status: number): { name?: string; message?: string } | undefined {
    const schema = this.resolve(PAYPAL_DOCUMENT_FILES[0]!, `#/components/schemas/error_${status}`) as
      | { properties: Record<string, { enum?: string[] }> }
      | undefined;
    if (!schema) return undefined;
    return { name: schema.properties.name?.enum?.[0], message: schema.properties.message?.enum?.[0] };
  }

  /**
   * The description the documents fix for an error issue (e.g. INSTRUMENT_DECLINED), looked up in the
   * operation's error schema first (`orders.capture-422`): one issue may read differently elsewhere.
   */
  issueDescription(issue: string, schema?: string): string | undefined {
    const search = (node: unknown): string | undefined => {
      if (node === null || typeof node !== 'object') return undefined;
      const properties = (node as { properties?: Record<string, { enum?: unknown[] }> }).properties;
      if (properties?.issue?.enum?.[0] === issue && typeof properties.description?.enum?.[0] === 'string')
        return properties.description.enum[0];
      for (const child of Object.values(node)) {
        const found = search(child);
        if (found !== undefined) return found;
      }
      return undefined;
    };
    for (const document of this.documents.values()) {
      const scoped = schema
        ? (document as { components?: { schemas?: Record<string, unknown> } }).components?.schemas?.[schema]
        : undefined;
      const found = search(scoped) ?? search(document);
      if (found !== undefined) return found;
    }
    return undefined;
  }

  /** Problems with a message checked against one of the unpublished schemas. */
  checkUnpublished(name: keyof typeof UNPUBLISHED, body: unknown): string[] {
    return this.check(name, body, name);
  }

  private operation(file: string, path: string, method: string): Operation {
    const operation = this.documents.get(file)?.paths[path]?.[method];
    if (!operation) throw new Error(`${file} has no ${method.toUpperCase()} ${path}`);
    return operation;
  }

  private resolve(file: string, ref: string): unknown {
    let node: unknown = this.documents.get(file);
    for (const part of ref.replace(/^#\//, '').split('/')) {
      node = (node as Record<string, unknown>)[part.replaceAll('~1', '/').replaceAll('~0', '~')];
    }
    return node;
  }

  private check(ref: string, value: unknown, what: string): string[] {
    let validate = this.compiled.get(ref);
    if (!validate) {
      validate = this.ajv.compile({ $ref: ref });
      this.compiled.set(ref, validate);
    }
    if (validate(value)) return [];
    return (validate.errors ?? [])
      .slice(0, 5)
      .map((error) => `${what}${error.instancePath || ''} ${error.message ?? 'is invalid'}`);
  }
}
