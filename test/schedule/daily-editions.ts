// A daily digest's editions, written and approved as an editor would, and the CLI run against its workspace and an
// smtp-server: what the tests of editions left behind by a newer one share.
import { expect } from 'vitest';
import { runCli } from '../helpers/cli.js';
import { SECRET, makeEdition, writeEditionFile, type Sink, type Workspace } from '../deliver/support.js';

/** `digest ARGS --config …` in the workspace, sending to the sink */
export function cliIn(ws: Workspace, sink: Sink, args: string[]) {
  return runCli([...args, '--config', ws.configFile], { cwd: ws.dir, env: { DIGEST_SECRET: SECRET, DIGEST_SMTP_URL: sink.url } });
}

/** the day's edition (07:00 in Kyiv), its own news (its links and guids name the day), written and approved */
export async function approveDay(ws: Workspace, sink: Sink, id: string, start: string): Promise<void> {
  const e = makeEdition(id);
  e.edition.start = `${start}T07:00:00.000+02:00`;
  e.edition.end = `${id}T07:00:00.000+02:00`;
  for (const story of e.sections.flatMap((s) => s.stories)) {
    story.url = `${story.url}?day=${id}`;
    for (const it of story.items) Object.assign(it, { guid: `${it.guid}-${id}`, url: `${it.url}?day=${id}` });
  }
  writeEditionFile(ws.outDir, e);
  const r = await cliIn(ws, sink, ['approve', '--edition', id, '--out', ws.outDir]);
  expect(r.code, r.stdout + r.stderr).toBe(0);
}
