/**
 * Reads a byte stream whole, or stops as soon as it passes `limit` bytes and answers null: a huge upload or a few
 * hundred hostile characters that inflate to megabytes are never buffered whole. Web streams only, so the server's
 * body reader and the browser's link decoder share it.
 */
export async function readStreamCapped(stream: ReadableStream<Uint8Array>, limit: number): Promise<Uint8Array | null> {
  const reader = stream.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > limit) {
      await reader.cancel();
      return null;
    }
    chunks.push(value);
  }
  const out = new Uint8Array(size);
  let at = 0;
  for (const c of chunks) {
    out.set(c, at);
    at += c.byteLength;
  }
  return out;
}
