// The bench module runs and reports sane figures (timing goals are the bench harness's business).

import { describe, expect, it } from 'vitest';
import { runRenderBench } from '../../src/render/bench.js';
import { HTML_BUDGET_BYTES } from '../../src/render/index.js';

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
});
