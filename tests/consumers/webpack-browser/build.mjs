// `webpack` through its Node API (the CLI is a separate package, webpack-cli).
import webpack from 'webpack';
import config from './webpack.config.js';

const stats = await new Promise((resolve, reject) => webpack(config, (err, s) => (err ? reject(err) : resolve(s))));
console.log(stats.toString({ colors: false, modules: false }));
// Warnings (the .wasm is above webpack's 244 KiB performance hint) are shown, not fatal.
if (stats.hasErrors()) process.exit(1);
