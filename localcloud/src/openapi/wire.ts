import protobuf from 'protobufjs';

/**
 * The messages wx-server-sdk exchanges for `cloud.openapi.*` (its bundled src/protobuf/openapi.js),
 * rewritten as a protobufjs JSON descriptor: same field numbers and types, only what is used here.
 */
const root = protobuf.Root.fromJSON({
  nested: {
    KeyValuePair: {
      fields: {
        key: { type: 'string', id: 1 },
        value: { type: 'bytes', id: 2 },
        contenttype: { type: 'string', id: 3 },
        filename: { type: 'string', id: 4 },
      },
    },
    OpenApiData: { fields: { pairs: { rule: 'repeated', type: 'KeyValuePair', id: 1 } } },
    CommApiData: {
      fields: {
        apiType: { type: 'int32', id: 1 }, // 0 = OPEN_API, the only kind cloud.openapi sends
        openapiData: { type: 'OpenApiData', id: 2 },
        appid: { type: 'string', id: 6 },
      },
    },
    HttpHeader: { fields: { key: { type: 'string', id: 1 }, value: { type: 'string', id: 2 } } },
    CommOpenApiResp: {
      fields: {
        respData: { type: 'bytes', id: 1 },
        contentType: { type: 'string', id: 2 },
        errorCode: { type: 'int32', id: 3 },
        httpCode: { type: 'uint32', id: 4 },
        headers: { rule: 'repeated', type: 'HttpHeader', id: 5 },
        svrkitErrorCode: { type: 'int32', id: 6 },
      },
    },
  },
});
const CommApiData = root.lookupType('CommApiData');
const CommOpenApiResp = root.lookupType('CommOpenApiResp');

/** A media parameter (`{contentType, value: Buffer}` in the SDK call), which travels as bytes, not JSON. */
export class MediaParam {
  constructor(
    readonly contentType: string,
    readonly value: Buffer,
    readonly fileName: string,
  ) {}
}

export interface OpenApiRequest {
  apiType: number;
  appid: string;
  /** Snake-case keys, as the SDK converted them; values parsed from their JSON text, or MediaParams. */
  params: Record<string, unknown>;
}

/** Decodes the `requestData` protobuf of a wx.openApi call. */
export function decodeOpenApiRequest(bytes: Buffer): OpenApiRequest {
  const message = CommApiData.toObject(CommApiData.decode(bytes), { defaults: true }) as {
    apiType: number;
    appid: string;
    openapiData?: { pairs?: Array<{ key: string; value: Uint8Array; contenttype: string; filename: string }> };
  };
  const params: Record<string, unknown> = {};
  for (const pair of message.openapiData?.pairs ?? []) {
    const value = Buffer.from(pair.value);
    params[pair.key] = pair.contenttype ? new MediaParam(pair.contenttype, value, pair.filename) : parseJsonText(value);
  }
  return { apiType: message.apiType, appid: message.appid, params };
}

/** The reply WeChat's answer travels in: its body and content type, as the SDK decodes them. */
export function encodeOpenApiReply(body: Buffer, contentType: string): Buffer {
  const message = CommOpenApiResp.create({ respData: body, contentType, errorCode: 0, httpCode: 200 });
  return Buffer.from(CommOpenApiResp.encode(message).finish());
}

function parseJsonText(value: Buffer): unknown {
  const text = value.toString('utf8');
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}
