// Next.js defaults: nothing about roster-rules (no serverExternalPackages, no webpack or
// Turbopack rule for the .wasm).
export default {};
