import type * as z from 'zod/mini';

/** One cloud-function call: its name, and the schemas of its request and of its response's data. */
export type Contract<Request extends z.ZodMiniType = z.ZodMiniType, Response extends z.ZodMiniType = z.ZodMiniType> = {
  readonly name: string;
  readonly request: Request;
  readonly response: Response;
};

/** Declares a contract, keeping its schema types. */
export function contract<const Name extends string, Request extends z.ZodMiniType, Response extends z.ZodMiniType>(
  name: Name,
  request: Request,
  response: Response,
): Contract<Request, Response> & { readonly name: Name } {
  return { name, request, response };
}

/** What the client sends. */
export type RequestOf<C extends Contract> = z.input<C['request']>;
/** What the cloud function works with after parsing. */
export type ParsedRequestOf<C extends Contract> = z.output<C['request']>;
/** The data of a successful response. */
export type ResponseOf<C extends Contract> = z.output<C['response']>;
