// The usual Rollup set-up for a browser app: node-resolve to find packages, nothing
// about the .wasm (src/main.js imports `roster-rules/inline`).
import { nodeResolve } from '@rollup/plugin-node-resolve';

export default {
  input: 'src/main.js',
  output: { file: 'dist/main.js', format: 'es' },
  plugins: [nodeResolve({ browser: true })],
};
