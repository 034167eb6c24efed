import { defineConfig } from 'vitest/config';

// The slow tests (test/*.slow.ts: dev on a generated 10,000-entry site), apart from `vitest run`
// so the everyday suite stays fast; `npm test` runs both (`npm run test:slow`).
export default defineConfig({
  test: {
    include: ['test/**/*.slow.ts'],
    testTimeout: 900_000,
    hookTimeout: 900_000,
  },
});
