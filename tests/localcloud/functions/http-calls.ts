/** Plain HTTP calls to a local cloud, as a browser or a hand-made SDK request would make them. */

export interface Reply {
  status: number;
  body: Record<string, unknown>;
}

/** Sends `body` as it is (a string is sent verbatim, so tests can send what JSON.stringify never makes). */
export async function post(url: string, body: string | Uint8Array, headers: Record<string, string> = {}): Promise<Reply> {
  const res = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body });
  const text = await res.text();
  return { status: res.status, body: text === '' ? {} : (JSON.parse(text) as Record<string, unknown>) };
}

export async function signIn(base: string, openid: string): Promise<string> {
  const reply = await post(`${base}/auth/signin`, JSON.stringify({ openid }));
  if (reply.status !== 200) throw new Error(`sign-in of ${openid} failed: ${JSON.stringify(reply.body)}`);
  return String(reply.body.token);
}

/** POST /functions/<name> as the browser build does; `body` is the raw request body. */
export function callFromBrowser(base: string, token: string, name: string, body: string | Uint8Array): Promise<Reply> {
  return post(`${base}/functions/${name}`, body, { authorization: `Bearer ${token}` });
}

/** functions.invokeFunction as wx-server-sdk sends it, with request_data as given (the SDK would stringify). */
export function invokeAction(base: string, name: string, requestData: string): Promise<Reply> {
  return post(`${base}/admin`, JSON.stringify({ action: 'functions.invokeFunction', function_name: name, request_data: requestData }));
}

/** `{"a":{"a":…{}…}}`: an object `levels` deep, counting the outermost as 1, as MongoDB does. */
export function nestedJson(levels: number): string {
  return '{"a":'.repeat(levels - 1) + '{}' + '}'.repeat(levels - 1);
}

/** The same as a value. */
export function nested(levels: number): Record<string, unknown> {
  let value: Record<string, unknown> = {};
  for (let i = 1; i < levels; i += 1) value = { a: value };
  return value;
}
