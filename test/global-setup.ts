// Tests that spawn `digest` run the compiled CLI (bin/digest.js → dist/). Build it first when dist/ is missing or
// older than src/, so `npm test` and `npx vitest run test/<dir>` always test the current source.
import { buildIfStale } from '../tools/dist-state.js';

export default function setup(): void {
  buildIfStale('test setup');
}
