// A scheduled draft that holds no story (every item left out, or none given) is said to be built and empty, with why:
// by `digest tick`, by `digest status` (instead of "its draft is not built yet") and, once, to the editors when the
// digest asks them to review its drafts, instead of them never hearing of an edition that does not come.
import { describe, expect, it } from 'vitest';
import { EMPTY_WHY as why, emptyDraftDigest, item } from './empty-draft-digest.js';

const digest = emptyDraftDigest('roundup-empty-draft-');
const { tick, status, feed } = digest;

describe('a scheduled draft with no story', () => {
  it('tick says it was built and why it is empty, and tells the editors once', async () => {
    const first = await tick('2026-11-23T07:05:00Z');
    expect(first.code, first.stderr).toBe(0);
    expect(first.stdout).toContain(`edition 2026-11-23 is due; its draft was built and holds no story: ${why}; nothing to send (the next tick builds it again); editors told it is empty (ed@empty.example)`);
    const mails = await digest.sink.parsed();
    expect(mails.map((m) => m.subject)).toEqual(['Draft empty: Empty Watch · 2026-11-23 (no story)']);
    expect(mails[0].text).toContain(`edition 2026-11-23, was built and holds no story: ${why}.`);
    expect(digest.sink.received[0].to).toEqual(['ed@empty.example']);

    // built again at the next tick, still empty: no second mail
    const again = await tick('2026-11-23T07:15:00Z');
    expect(again.stdout, again.stderr).toContain(`its draft was built and holds no story: ${why}; nothing to send`);
    expect(again.stdout).not.toContain('editors told');
    expect(digest.sink.received).toHaveLength(1);
  });

  it('status says the draft was built and holds no story, and why, not that it is not built yet', async () => {
    const r = await status('2026-11-23T07:20:00Z');
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).not.toContain('not built yet');
    expect(r.stdout).toContain(
      "  due         edition 2026-11-23, since Mon 23 Nov 2026 07:00 +00:00: its draft was built and holds no story (see the draft row); the scheduler's next step builds it again and tells the editors once it has one\n",
    );
    expect(r.stdout).toContain(`  draft       edition 2026-11-23: draft; 0 stories: ${why}\n`);
  });

  it('once news comes, the next tick builds a draft with it and tells the editors as usual', async () => {
    feed(item('n1', 'Oslo approves F-16 fighter jet support package', '2026-11-22T10:00:00Z'));
    const r = await tick('2026-11-23T07:25:00Z');
    expect(r.stdout, r.stderr).toMatch(/draft built, editors told/);
    expect((await digest.sink.parsed()).map((m) => m.subject)).toEqual(['Draft empty: Empty Watch · 2026-11-23 (no story)', 'Draft ready for review: Empty Watch · 2026-11-23 (1 story)']);
  });
});
