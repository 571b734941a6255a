// The bench module runs and reports sane figures (timing goals are the bench harness's business).

import { describe, expect, it } from 'vitest';
import { runLongEditionBench, runRenderBench } from '../../bench/lib/render.js';
import { HTML_BUDGET_BYTES, MAX_MJML_RENDERS } from '../../src/render/index.js';

describe('render bench', () => {
  it('renders once, personalises many, and compares with MJML per subscriber', async () => {
    const result = await runRenderBench({ messages: 300, mjmlMessages: 2 });
    expect(result.stories).toBe(40);
    expect(result.personalized.messages).toBe(300);
    expect(result.mjmlPerSubscriber.messages).toBe(2);
    expect(result.personalized.perSecond).toBeGreaterThan(result.mjmlPerSubscriber.perSecond);
    expect(result.htmlEncodedBytes).toBeGreaterThan(20_000);
    expect(result.htmlEncodedBytes).toBeLessThanOrEqual(HTML_BUDGET_BYTES);
  }, 20_000);

  it('fits a long edition in a few MJML renders', async () => {
    const result = await runLongEditionBench(1000);
    expect(result.stories).toBe(1000);
    expect(result.shown).toBeGreaterThan(10);
    expect(result.shown).toBeLessThan(1000);
    expect(result.htmlEncodedBytes).toBeLessThanOrEqual(HTML_BUDGET_BYTES);
    expect(result.mjmlRenders).toBeLessThanOrEqual(MAX_MJML_RENDERS);
  }, 20_000);
});
