// ESLint for the site's scripts (static/, browser modules) and their tests
// (tests/js/, Node). Run from the repository root:
//   .ci/node_modules/.bin/eslint --config .ci/eslint.config.mjs static tests/js templates/inline src/bin/closecodes/reload.js
import js from "@eslint/js";
import globals from "globals";

export default [
  // Vendored unchanged from npm (minisearch@7.2.0).
  { ignores: ["static/js/minisearch.js"] },
  js.configs.recommended,
  {
    files: ["**/*.js", "**/*.mjs"],
    languageOptions: { ecmaVersion: 2022, sourceType: "module" },
    rules: {
      "no-unused-vars": ["error", { args: "after-used", caughtErrors: "none" }],
      eqeqeq: ["error", "always"],
      "no-var": "error",
      "prefer-const": "error",
    },
  },
  {
    files: ["static/**/*.js"],
    languageOptions: { globals: globals.browser },
  },
  {
    // Inline scripts of the pages (allowed by their hashes) and serve's
    // live reload: classic scripts.
    files: ["templates/inline/*.js", "src/bin/closecodes/reload.js"],
    languageOptions: { sourceType: "script", globals: globals.browser },
  },
  {
    files: ["tests/js/**/*.mjs"],
    languageOptions: { globals: globals.node },
  },
];
