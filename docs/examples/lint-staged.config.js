// lint-staged.config.js, run by a husky pre-commit hook (`npx lint-staged`): only staged files.
module.exports = {
  '*.{js,jsx,ts,tsx,mjs,cjs}': ['eslint --max-warnings 0'],
};
