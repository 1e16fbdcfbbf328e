/**
 * Code for one operation: its type aliases (all derived from types.ts through runtime/types.ts helpers), its
 * static spec for the runtime, its method, and for paginated operations an `…All` async iterator.
 */
import type { MediaModel, OperationModel, ParameterModel, ResponseModel } from "../../model/types.js";
import { jsonLiteral, propertyKey, stringLiteral } from "../safe.js";
import { operationDoc } from "./docs.js";

export interface OperationCode {
  types: string;
  spec: string;
  /** Members of the group object (method, and pager when paginated), keyed by member name. */
  members: Array<{ name: string; render: (finalName: string) => string }>;
}

const JSON_LIKE = /^application\/(?:[\w.+-]*\+)?json$/i;

export function pickMedia(content: MediaModel[]): MediaModel | undefined {
  return content[0];
}

function statusKey(status: string): string {
  return /^\d{3}$/.test(status) ? status : stringLiteral(status);
}

function responseType(alias: string, response: ResponseModel): string {
  const media = pickMedia(response.content);
  if (!media) return "undefined";
  return `ResponseBody<${alias}, ${statusKey(response.status)}, ${stringLiteral(media.mediaType)}>`;
}

function errorType(alias: string, response: ResponseModel): string {
  const status = /^\d{3}$/.test(response.status) ? response.status : "number";
  return `ApiError<${responseType(alias, response)}, ${status}>`;
}

function unique(names: string[], wanted: string): string {
  let candidate = wanted;
  for (let n = 2; names.includes(candidate); n++) candidate = `${wanted}${n}`;
  names.push(candidate);
  return candidate;
}

function acceptList(op: OperationModel): string[] {
  const media = [...new Set(op.responses.filter((r) => r.isSuccess).flatMap((r) => r.content.map((c) => c.mediaType)))];
  const json = media.filter((m) => JSON_LIKE.test(m));
  return (json.length > 0 ? json : media).filter((m) => m !== "*/*").sort();
}

export function operationCode(
  op: OperationModel,
  pathsAlias: string,
  securityKeys: ReadonlySet<string>,
): OperationCode {
  const alias = `Op_${op.identifier}`;
  const success = op.responses.filter((r) => r.isSuccess);
  const failures = op.responses.filter((r) => !r.isSuccess);
  const data = success.length > 0 ? [...new Set(success.map((r) => responseType(alias, r)))].join(" | ") : "unknown";
  const errors =
    failures.length > 0
      ? [...new Set(failures.map((r) => errorType(alias, r)))].join(" | ")
      : "ApiError<unknown, number>";
  const query = op.queryParams;
  const headers = op.headerParams;
  const cookies = op.cookieParams;
  const queryRequired = query.some((p) => p.required);
  const headersRequired = headers.some((p) => p.required);
  const cookiesRequired = cookies.some((p) => p.required);
  const optionsRequired = queryRequired || headersRequired || cookiesRequired;
  const headerNames = headers.map((p) => stringLiteral(p.name)).join(" | ");
  const cookieNames = cookies.map((p) => stringLiteral(p.name)).join(" | ");
  const optionFields = [
    query.length > 0 ? `query${queryRequired ? "" : "?"}: QueryParams<${alias}>` : "",
    headers.length > 0 ? `headers${headersRequired ? "" : "?"}: HeaderParams<${alias}, ${headerNames}>` : "",
    cookies.length > 0 ? `cookies${cookiesRequired ? "" : "?"}: CookieParams<${alias}, ${cookieNames}>` : "",
  ].filter(Boolean);
  const types = [
    `type ${alias} = ${pathsAlias}[${stringLiteral(op.path)}][${stringLiteral(op.method)}];`,
    `type ${alias}_Data = ${data};`,
    `type ${alias}_Error = ${errors};`,
    `type ${alias}_Options<C extends boolean> = CallOptions<C>${optionFields.length > 0 ? ` & { ${optionFields.join("; ")} }` : ""};`,
  ].join("\n");

  const media = op.requestBody ? pickMedia(op.requestBody.content) : undefined;
  const accept = acceptList(op);
  const security = op.security.map((alt) => alt.filter((k) => securityKeys.has(k)));
  const spec = `const ${alias}_spec: OperationSpec = ${jsonLiteral({
    id: op.id,
    method: op.method,
    path: op.path,
    security,
    idempotent: op.idempotent,
    ...(media ? { requestMediaType: media.mediaType } : {}),
    ...(accept.length > 0 ? { accept } : {}),
  })};`;

  const taken: string[] = ["options", "rt"];
  const pathArgs = op.pathParams.map((p: ParameterModel) => ({ param: p, name: unique(taken, p.identifier) }));
  const bodyName = op.requestBody ? unique(taken, "body") : undefined;
  const args = pathArgs.map(({ param, name }) => `${name}: PathParam<${alias}, ${stringLiteral(param.name)}>`);
  if (bodyName && media) {
    const bodyType = `RequestBody<${alias}, ${stringLiteral(media.mediaType)}>`;
    if (op.requestBody?.required) args.push(`${bodyName}: ${bodyType}`);
    else args.push(optionsRequired ? `${bodyName}: ${bodyType} | undefined` : `${bodyName}?: ${bodyType}`);
  }
  const callArgs = [...args, `options${optionsRequired ? "" : "?"}: ${alias}_Options<C>`].join(", ");
  const pathObject = `{ ${pathArgs.map(({ param, name }) => `${propertyKey(param.name)}: ${name}`).join(", ")} }`;
  const input = [
    pathArgs.length > 0 ? `path: ${pathObject}` : "",
    query.length > 0 ? "query: options?.query" : "",
    headers.length > 0 ? "headers: options?.headers" : "",
    cookies.length > 0 ? "cookies: options?.cookies" : "",
    bodyName ? `body: ${bodyName}` : "",
  ].filter(Boolean);
  const inputCode = `{ ${input.join(", ")} }`;
  const members = [
    {
      name: op.methodName,
      render: (finalName: string) =>
        operationDoc(op, "      ") +
        `      ${propertyKey(finalName)}<C extends boolean = Throw>(${callArgs}): Promise<Outcome<C, ${alias}_Data, ${alias}_Error>> {\n` +
        `        return rt.call(${alias}_spec, ${inputCode}, options) as Promise<Outcome<C, ${alias}_Data, ${alias}_Error>>;\n` +
        `      },\n`,
    },
  ];
  if (op.pagination) {
    const p = op.pagination;
    const pagination = jsonLiteral({
      cursorParam: p.cursorParam,
      cursorIn: p.cursorIn,
      nextCursor: p.nextCursor,
      items: p.items,
      ...(p.hasMore ? { hasMore: p.hasMore } : {}),
    });
    const item = `PageItem<${alias}_Data, ${stringLiteral(p.items)}>`;
    const pagerArgs = [...args, `options${optionsRequired ? "" : "?"}: ${alias}_Options<true>`].join(", ");
    members.push({
      name: `${op.methodName}All`,
      render: (finalName: string) =>
        operationDoc(op, "      ", `Every item of every page, following the \`${p.cursorParam}\` cursor.`) +
        `      ${propertyKey(finalName)}(${pagerArgs}): AsyncIterable<${item}> {\n` +
        `        return rt.paginate<${item}>(${alias}_spec, ${pagination}, ${inputCode}, options);\n` +
        `      },\n`,
    });
  }
  return { types, spec, members };
}
