// @ts-check
import tseslint from "typescript-eslint";

export default tseslint.config(
  {
    ignores: [
      "node_modules/**",
      "generated/**",
      "site/**",
      ".tmp/**",
      "test-results/**",
      "**/*.d.ts",
      "bench/out/**",
      "test/**/out/**",
      "generator/lint/dist/**",
      "packages/**",
    ],
  },
  ...tseslint.configs.recommended,
  {
    rules: {
      "@typescript-eslint/no-explicit-any": "error",
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
    },
  },
);
