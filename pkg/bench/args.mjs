// Command-line arguments shared by bench.mjs and report.mjs.
export const argv = process.argv.slice(2);
/** The value after `name`, or `dflt`. */
export const arg = (name, dflt) => {
  const i = argv.indexOf(name);
  return i >= 0 && i + 1 < argv.length ? argv[i + 1] : dflt;
};
