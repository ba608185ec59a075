// webpack 5's defaults for a production browser build: nothing about the .wasm. The
// `production` condition resolves the URL entry, whose `new URL(…, import.meta.url)`
// webpack emits as an asset.
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export default {
  mode: 'production',
  entry: './src/main.js',
  output: { path: path.join(path.dirname(fileURLToPath(import.meta.url)), 'dist'), filename: 'main.js', clean: true },
};
