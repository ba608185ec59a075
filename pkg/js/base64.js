// The bytes of a .wasm carried as base64 text (dist/wasm-inline.js, dist/node/wasm-inline.js),
// decoded with the fastest decoder the host has.
export function decodeBase64(text) {
  if (typeof Uint8Array.fromBase64 === 'function') return Uint8Array.fromBase64(text);
  if (typeof Buffer === 'function') return Buffer.from(text, 'base64'); // Node, Bun, Deno
  const binary = atob(text);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}
