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
  {
    // The code tag's cast is for safe.ts alone (generator/emit/code.ts): every other module builds Code with `ts`.
    files: ["generator/**/*.ts"],
    ignores: ["generator/emit/safe.ts"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            {
              regex: "(^|/)code\\.js$",
              importNames: ["escapedCode", "escapedCommentLines"],
              message: "only generator/emit/safe.ts turns escaped text into Code; build code with the ts tag",
            },
          ],
        },
      ],
    },
  },
);
