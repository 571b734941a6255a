// The steps of a send one by one, on a real store and a real SMTP server: plan freezes the list (and
// records nothing without recipients), personalise gives each row its own message or a skip reason,
// claim writes the attempt before transmit, transmit writes `sent` the moment the server accepts, record
// writes only the failure that is the address's fault.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config/index.js';
import { openStore, type SqliteStore } from '../../src/store/index.js';
import { renderEdition } from '../../src/render/index.js';
import { createPoolSender, type MailSender } from '../../src/deliver/transport.js';
import { planSend } from '../../src/deliver/plan.js';
import { personaliser, stillWantedIn, type Job } from '../../src/deliver/personalise.js';
import { Ledger } from '../../src/deliver/ledger.js';
import { RunControl } from '../../src/deliver/run-control.js';
import { transmit, type TransmitContext } from '../../src/deliver/transmit.js';
import { record } from '../../src/deliver/record.js';
import { sendEdition } from '../../src/deliver/send.js';
import type { DigestConfig, Edition } from '../../src/types.js';
import { SECRET, makeEdition, makeWorkspace, startSink, type Sink } from './support.js';

let store: SqliteStore;
let config: DigestConfig;
let edition: Edition;
let sink: Sink | undefined;
let messenger: MailSender | undefined;

beforeEach(() => {
  config = loadConfig(makeWorkspace().configFile);
  store = openStore(config.state);
  edition = makeEdition();
});
afterEach(async () => {
  messenger?.close();
  store.close();
  await sink?.close();
  sink = messenger = undefined;
});

const id = () => edition.edition.id;

async function jobsFor(emails: string[]): Promise<{ jobs: Job[]; skips: string[]; ledger: Ledger; envelopeFrom: string }> {
  for (const email of emails) store.addSubscriber({ email });
  const planned = planSend(store, id(), edition.edition.generatedAt);
  if (!('plan' in planned)) throw new Error('expected a plan');
  const { sender, personalise } = personaliser({ store, config, edition, rendered: await renderEdition(edition, config), webUrl: 'https://digest.example.org/archive/x', secret: SECRET, clock: () => new Date() });
  const made = planned.plan.pending.map((row) => personalise(row));
  const jobs = made.filter((j): j is Job => 'raw' in j);
  const skips = made.flatMap((j) => ('skip' in j ? [j.skip] : []));
  return { jobs, skips, ledger: new Ledger(store, id(), [{ feed: 'wire', guid: 'w-1', link: null, title: null }], () => new Date()), envelopeFrom: sender.address };
}

describe('plan', () => {
  it('records nothing when there is nobody to send to, and freezes the list once there is', () => {
    expect(planSend(store, id(), edition.edition.generatedAt)).toEqual({ noRecipients: true });
    expect(store.getEdition(id())).toBeNull();
    store.addSubscriber({ email: 'first@example.net' });
    const first = planSend(store, id(), edition.edition.generatedAt);
    expect('plan' in first && first.plan.total).toBe(1);
    store.addSubscriber({ email: 'late@example.net' });
    const again = planSend(store, id(), edition.edition.generatedAt);
    expect('plan' in again && again.plan.pending.map((r) => r.email)).toEqual(['first@example.net']);
  });
});

describe('personalise', () => {
  it('gives a subscriber whose sections are empty this week a skip reason, the others their own message', async () => {
    store.addSubscriber({ email: 'aid@example.net', sections: ['aid'] });
    const { jobs, skips } = await jobsFor(['all@example.net']);
    expect(skips).toEqual(['chosen sections empty this edition']);
    expect(jobs.map((j) => j.subscriber.email)).toEqual(['all@example.net']);
    expect(jobs[0].raw.toString()).toContain('To: all@example.net');
    expect(jobs[0].messageId).toMatch(/^<digest\.2026-11-23\.[0-9a-f]{24}@watch\.example\.org>$/);
  });
});

describe('claim, transmit and record', () => {
  it('claims before sending, records accepted mail at once, and a recipient 5xx against that address only', async () => {
    sink = await startSink({ rejectRcpt: (a) => (a === 'gone@example.net' ? { code: 550, text: 'No such user' } : null) });
    messenger = createPoolSender({ smtpUrl: sink.url, rate: 0, connections: 1 });
    const { jobs, ledger } = await jobsFor(['ok@example.net', 'gone@example.net']);
    const t: TransmitContext = { messenger, ledger, control: new RunControl({ transientInARow: 5, refusedInARow: 3 }), maxAttempts: 2, backoffMs: 10, stillWanted: stillWantedIn(store) };

    const sent = await transmit(jobs[0], t);
    expect(sent).toEqual({ kind: 'accepted' });
    // claimed (attempts 1) and written as sent by transmit itself
    expect(store.deliveries(id()).find((d) => d.email === 'ok@example.net')).toMatchObject({ status: 'sent', attempts: 1 });
    expect(store.getEdition(id())!.sentAt).not.toBeNull();
    expect(record(ledger, jobs[0], sent, 3)).toEqual({ kind: 'sent' });

    const rejected = await transmit(jobs[1], t);
    expect(rejected).toMatchObject({ kind: 'rejected', failure: { scope: 'recipient', permanent: true } });
    expect(record(ledger, jobs[1], rejected, 3)).toMatchObject({ kind: 'failed', note: { permanent: true }, bounced: false });
    expect(store.findSubscriber('gone@example.net')!.hardFailures).toBe(1);
    expect(store.findSubscriber('ok@example.net')!.hardFailures).toBe(0);
    expect(store.getEdition(id())!.sentAt).not.toBeNull();
  });

  it('claims made together are written together, and a row no longer pending fails alone, unsent', async () => {
    sink = await startSink();
    messenger = createPoolSender({ smtpUrl: sink.url, rate: 0, connections: 2 });
    const { jobs, ledger } = await jobsFor(['one@example.net', 'two@example.net', 'three@example.net']);
    // the last guard: a row already terminal (as if another run had sent it) must not be handed over
    store.markSent(id(), 'two@example.net', jobs[1].messageId);
    const t: TransmitContext = { messenger, ledger, control: new RunControl({ transientInARow: 5, refusedInARow: 3 }), maxAttempts: 2, backoffMs: 10, stillWanted: stillWantedIn(store) };

    const results = await Promise.allSettled(jobs.map((job) => transmit(job, t)));
    expect(results[0]).toEqual({ status: 'fulfilled', value: { kind: 'accepted' } });
    expect(results[1]).toMatchObject({ status: 'rejected', reason: { message: expect.stringMatching(/two@example\.net is not pending/) } });
    expect(results[2]).toEqual({ status: 'fulfilled', value: { kind: 'accepted' } });
    expect(sink.received.map((m) => m.to[0]).sort()).toEqual(['one@example.net', 'three@example.net']);
    const rows = new Map(store.deliveries(id()).map((d) => [d.email, d]));
    expect(rows.get('one@example.net')).toMatchObject({ status: 'sent', attempts: 1, messageId: jobs[0].messageId });
    expect(rows.get('two@example.net')).toMatchObject({ status: 'sent', attempts: 0 });
    expect(rows.get('three@example.net')).toMatchObject({ status: 'sent', attempts: 1, messageId: jobs[2].messageId });
  });

  it('writes an accepted message as sent before anything else, so a kill -9 can only fall between the 250 and that write', async () => {
    sink = await startSink();
    const pool = createPoolSender({ smtpUrl: sink.url, rate: 0, connections: 2 });
    messenger = pool;
    const emails = Array.from({ length: 12 }, (_, i) => `reader${i + 1}@example.net`);
    for (const email of emails) store.addSubscriber({ email });
    // the real store and the real SMTP pool, each call written down in order as it happens
    const events: string[] = [];
    const watched = new Proxy(store, {
      get(target, name) {
        const value: unknown = Reflect.get(target, name, target);
        if (typeof value !== 'function') return value;
        return (...args: unknown[]) => {
          events.push(`${String(name)}${typeof args[1] === 'string' && args[1].includes('@') ? ` ${args[1]}` : ''}`);
          return (value as (...a: unknown[]) => unknown).apply(target, args);
        };
      },
    });
    const sender: MailSender = {
      async send(m) {
        await pool.send(m);
        events.push(`accepted ${m.envelope.to[0]}`);
      },
      close: () => pool.close(),
    };
    const summary = await sendEdition({ store: watched, config, edition, rendered: await renderEdition(edition, config), secret: SECRET, sender, concurrency: 4 });
    expect(summary.sent).toBe(12);
    const accepted = events.flatMap((e, i) => (e.startsWith('accepted ') ? [i] : []));
    expect(accepted).toHaveLength(12);
    // not the next message's personalisation or claim first: its own `sent` row
    for (const i of accepted) expect(events.slice(i + 1, i + 3)).toEqual(['transaction', `markSent ${events[i].slice('accepted '.length)}`]);
  });

  it('a refused login stops the run and leaves the row pending as it was, against nobody', async () => {
    sink = await startSink({ auth: { user: 'u', pass: 'right' } });
    messenger = createPoolSender({ smtpUrl: `smtp://u:wrong@127.0.0.1:${sink.port}`, rate: 0, connections: 1 });
    const { jobs, ledger } = await jobsFor(['ok@example.net']);
    const control = new RunControl({ transientInARow: 5, refusedInARow: 3 });
    const result = await transmit(jobs[0], { messenger, ledger, control, maxAttempts: 3, backoffMs: 10, stillWanted: stillWantedIn(store) });
    expect(result).toEqual({ kind: 'not-sent' });
    expect(control.stopped()).toMatch(/^the SMTP server refused the login \(535 .*\): check the user and password in DIGEST_SMTP_URL; /);
    expect(record(ledger, jobs[0], result, 1)).toEqual({ kind: 'not-sent' });
    // the claim is undone: the message never reached the server
    expect(store.deliveries(id())[0]).toMatchObject({ status: 'queued', attempts: 0, lastError: null });
    expect(store.findSubscriber('ok@example.net')).toMatchObject({ status: 'active', hardFailures: 0 });
    // stopped: the next message is not even claimed
    expect(await transmit(jobs[0], { messenger, ledger, control, maxAttempts: 3, backoffMs: 10, stillWanted: stillWantedIn(store) })).toEqual({ kind: 'not-sent' });
    expect(store.deliveries(id())[0].attempts).toBe(0);
  });
});
