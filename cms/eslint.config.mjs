// ESLint for the CMS: typescript-eslint's recommended rules on the TypeScript sources and tests,
// Node globals for the plain-JS scripts. Formatting is Prettier's job (root .prettierrc.json).
import js from '@eslint/js';
import globals from 'globals';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['dist/**', '.strapi/**', '.tmp/**', 'public/**', 'types/generated/**'] },
  js.configs.recommended,
  tseslint.configs.recommended,
  {
    files: ['**/*.{js,mjs,cjs}'],
    languageOptions: { globals: globals.node },
  },
);
