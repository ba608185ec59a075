// Vite SSR, with the package bundled into the server build (`ssr.noExternal`) as hosts
// that deploy one file do; nothing about the .wasm.
export default {
  ssr: { noExternal: ['roster-rules'] },
  build: { ssr: 'src/entry-server.js', outDir: 'dist' },
};
