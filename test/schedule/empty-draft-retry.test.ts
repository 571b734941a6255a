// The "Draft empty" mail to the editors, refused by the server (an SMTP outage, a policy refusal), is tried again by
// the next tick, as the "Draft ready" mail is, until an editor's server takes it, and never sent twice after: the
// tick that could not tell them says so and exits 1, instead of the editors never hearing of an edition that does not
// come. Against a real smtp-server.
import { describe, expect, it } from 'vitest';
import { EMPTY_WHY as why, emptyDraftDigest } from './empty-draft-digest.js';

const digest = emptyDraftDigest('roundup-empty-draft-retry-');
const { tick } = digest;

describe('the "Draft empty" mail, refused', () => {
  it('is tried again by the next tick, and sent once', async () => {
    digest.sink.set({ rejectRcpt: (a) => (a === 'ed@empty.example' ? { code: 550, text: '5.7.1 Relaying denied' } : null) });
    const refused = await tick('2026-11-23T07:05:00Z');
    expect(refused.code, refused.stderr).toBe(1);
    expect(refused.stdout).toContain(`its draft was built and holds no story: ${why}; nothing to send (the next tick builds it again); could not tell ed@empty.example: `);
    expect(refused.stderr).toContain('digest: the editors were not told that the draft of edition 2026-11-23 is empty; the next tick tries again\n');
    expect(digest.sink.received).toHaveLength(0);

    // the server takes mail again: the next tick tells them
    digest.sink.set({});
    const told = await tick('2026-11-23T07:15:00Z');
    expect(told.code, told.stderr).toBe(0);
    expect(told.stdout).toContain(`; editors told it is empty (ed@empty.example)`);
    expect((await digest.sink.parsed()).map((m) => m.subject)).toEqual(['Draft empty: Empty Watch · 2026-11-23 (no story)']);

    // and never again for this edition
    const again = await tick('2026-11-23T07:25:00Z');
    expect(again.code, again.stderr).toBe(0);
    expect(again.stdout).toContain(`its draft was built and holds no story: ${why}; nothing to send`);
    expect(again.stdout).not.toContain('editors told');
    expect(digest.sink.received).toHaveLength(1);
  });
});
