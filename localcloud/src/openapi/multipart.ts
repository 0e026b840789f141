/** One part of a multipart/form-data body. */
export interface FormPart {
  value: Buffer;
  contentType?: string;
}

/**
 * Reads a multipart/form-data body into its named parts, bytes intact (wx.openApi's `requestData` part is
 * protobuf, so the body cannot go through a text decoding).
 */
export function parseMultipart(raw: Buffer, contentType: string): Map<string, FormPart> {
  const boundary = /boundary=(?:"([^"]+)"|([^;]+))/i.exec(contentType);
  const marker = boundary?.[1] ?? boundary?.[2];
  const parts = new Map<string, FormPart>();
  if (!marker) return parts;
  const delimiter = Buffer.from(`--${marker}`);
  let start = raw.indexOf(delimiter);
  while (start >= 0) {
    const partStart = start + delimiter.length + 2; // past the delimiter and its CRLF
    const next = raw.indexOf(delimiter, partStart);
    if (next < 0) break;
    const part = raw.subarray(partStart, next - 2); // without the CRLF before the next delimiter
    const headerEnd = part.indexOf('\r\n\r\n');
    if (headerEnd >= 0) {
      const headers = part.subarray(0, headerEnd).toString('utf8');
      const name = /name="([^"]*)"/i.exec(headers)?.[1];
      const type = /^content-type:\s*(.+)$/im.exec(headers)?.[1]?.trim();
      if (name !== undefined) parts.set(name, { value: part.subarray(headerEnd + 4), contentType: type });
    }
    start = next;
  }
  return parts;
}
