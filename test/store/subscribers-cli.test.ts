// `digest subscribers …` as a user runs it: one clear line for bad input, all-or-nothing import.
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';
import { makeWorkspace } from '../deliver/support.js';

const cli = (ws: { configFile: string; dir: string }, ...args: string[]) => runCli([...args, '--config', ws.configFile], { cwd: ws.dir });

describe('digest subscribers', () => {
  it('adds, lists, exports and removes; bad addresses get one clear line and exit 2', async () => {
    const ws = makeWorkspace();
    const add = await cli(ws, 'subscribers', 'add', 'Reader@Bücher.de', '--name', 'Olena', '--sections', 'arms,diplomacy');
    expect(add).toMatchObject({ code: 0, stdout: 'added Reader@xn--bcher-kva.de\n' });

    const bad = await cli(ws, 'subscribers', 'add', 'a@example.org, b@example.org');
    expect(bad.code).toBe(2);
    expect(bad.stderr.trim().split('\n')).toHaveLength(1);
    expect(bad.stderr).toMatch(/single plain address/);

    const unknown = await cli(ws, 'subscribers', 'add', 'x@example.org', '--sections', 'sport');
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toMatch(/--sections: unknown section sport; expected some of arms, diplomacy, aid, other/);

    const list = await cli(ws, 'subscribers', 'list', '--json');
    expect(JSON.parse(list.stdout)).toEqual([
      expect.objectContaining({ email: 'Reader@xn--bcher-kva.de', name: 'Olena', status: 'active', sections: ['arms', 'diplomacy'] }),
    ]);

    const exported = await cli(ws, 'subscribers', 'export');
    expect(exported.stdout.split('\r\n')[0]).toBe('email,name,sections,status,created_at,confirmed_at,unsubscribed_at,reason,reason_at,evidence');
    expect(exported.stdout).toContain('Reader@xn--bcher-kva.de,Olena,arms;diplomacy,active,');

    expect((await cli(ws, 'subscribers', 'remove', 'reader@BÜCHER.de')).stdout).toBe('removed Reader@xn--bcher-kva.de\n');
    // removing again is a no-op that says so
    expect((await cli(ws, 'subscribers', 'remove', 'reader@bücher.de')).code).toBe(0);
  }, 60_000);

  it('import reports every bad row by line and imports nothing; a good file merges duplicates', async () => {
    const ws = makeWorkspace();
    const bad = path.join(ws.dir, 'bad.csv');
    writeFileSync(
      bad,
      [
        'email,name,sections',
        'one@example.org,One,arms',
        'not-an-address,Two,',
        '"three@example.org","Three, the ""third""",diplomacy',
        'four@example.org,"Four',
        'on two lines",arms',
        'five@example.org,Five,sport',
        '"six@example.org\r\nBcc: x@example.org",Six,',
      ].join('\n'),
    );
    const r1 = await cli(ws, 'subscribers', 'import', bad);
    expect(r1.code).toBe(2);
    const lines = r1.stderr.trim().split('\n');
    expect(lines.slice(0, -1)).toEqual([
      `${bad}:3: email "not-an-address": missing "@"`,
      `${bad}:5: name contains a line break`,
      `${bad}:7: unknown section sport (expected: arms, diplomacy, aid, other)`,
      `${bad}:8: email "six@example.org\\r\\nBcc: x@example.org": contains a line break`, // escaped: one line per problem
    ]);
    expect(lines.at(-1)).toBe(`digest: ${bad}: 4 bad rows; nothing imported`);
    expect(JSON.parse((await cli(ws, 'subscribers', 'list', '--json')).stdout)).toEqual([]);

    const good = path.join(ws.dir, 'good.csv');
    writeFileSync(good, 'Email,Name,Sections,Extra\r\none@example.org,One,arms,x\r\n"two@example.org","Two, Jr.",,y\r\nONE@example.org,,diplomacy,z\r\n');
    const r2 = await cli(ws, 'subscribers', 'import', good);
    expect(r2).toMatchObject({ code: 0, stdout: `imported ${good}: 2 added, 0 updated, 0 unchanged, 1 duplicate row merged\n` });
    const list = JSON.parse((await cli(ws, 'subscribers', 'list', '--json')).stdout);
    expect(list).toEqual([
      expect.objectContaining({ email: 'one@example.org', name: 'One', sections: ['arms', 'diplomacy'] }),
      expect.objectContaining({ email: 'two@example.org', name: 'Two, Jr.', sections: null }),
    ]);
  }, 60_000);

  it("imports Mailchimp's, listmonk's, Ghost's and Buttondown's exports as they are, and no row that left there as active here", async () => {
    const ws = makeWorkspace();
    expect((await cli(ws, 'subscribers', 'add', 'was-here@example.org')).code).toBe(0);
    const write = (name: string, text: string) => {
      const file = path.join(ws.dir, name);
      writeFileSync(file, text);
      return file;
    };
    // Mailchimp exports one file per status; the unsubscribed and cleaned ones say so only by their time columns
    const mcHead = '"Email Address","First Name","Last Name","MEMBER_RATING","OPTIN_TIME","LEID","TAGS"';
    const subscribed = write('subscribed_members_export.csv', `${mcHead}\n"ann@example.org","Ann","Lee",2,"2024-01-03 10:00:00","11",""\n`);
    const unsubscribed = write(
      'unsubscribed_members_export.csv',
      `${mcHead},"UNSUB_TIME","UNSUB_CAMPAIGN_TITLE","UNSUB_REASON"\n"gone@example.org","Gone","",2,"2024-01-03","12","","2024-05-01 10:00:00","Weekly","NO_LONGER_INTERESTED"\n"was-here@example.org","","",2,"2024-01-03","13","","2024-06-01 09:00:00","Weekly",""\n`,
    );
    const cleaned = write('cleaned_members_export.csv', `${mcHead},"CLEAN_TIME","CLEAN_CAMPAIGN_TITLE"\n"dead@example.org","","",1,"2024-01-03","14","","2024-04-01 08:00:00","Weekly"\n`);
    // listmonk: uuid,email,name,attributes,status,created_at,updated_at
    const listmonk = write(
      'listmonk.csv',
      'uuid,email,name,attributes,status,created_at,updated_at\n"5e4f",lm-on@example.org,"On","{""city"":""Kyiv""}",enabled,2024-01-01T00:00:00Z,2024-01-02T00:00:00Z\n"6a7b",lm-blocked@example.org,"Blocked","{}",blocklisted,2024-01-01T00:00:00Z,2024-01-02T00:00:00Z\n',
    );
    const buttondown = write(
      'buttondown.csv',
      'id,email,notes,metadata,tags,referrer_url,creation_date,secondary_id,subscriber_type,source\nb1,bd-paid@example.org,,{},,,2024-01-01,1,premium,api\nb2,bd-left@example.org,,{},,,2024-01-01,2,unsubscribed,api\nb3,bd-new@example.org,,{},,,2024-01-01,3,unactivated,form\n',
    );
    const ghost = write('ghost.csv', 'id,email,name,note,subscribed_to_emails,complimentary_plan,stripe_customer_id,created_at,deleted_at,labels,tiers\n1,gh-in@example.org,In,,true,false,,2024-01-01,,,\n2,gh-out@example.org,Out,,false,false,,2024-01-01,,,\n');
    for (const file of [subscribed, unsubscribed, cleaned, listmonk, ghost, buttondown]) {
      const r = await cli(ws, 'subscribers', 'import', file);
      expect(r.code, r.stderr).toBe(0);
    }
    const list = JSON.parse((await cli(ws, 'subscribers', 'list', '--json')).stdout) as { email: string; name: string | null; status: string }[];
    expect(Object.fromEntries(list.map((s) => [s.email, `${s.status} ${s.name ?? ''}`]))).toEqual({
      'was-here@example.org': 'unsubscribed ',
      'ann@example.org': 'active Ann Lee',
      'gone@example.org': 'unsubscribed Gone',
      'dead@example.org': 'bounced ',
      'lm-on@example.org': 'active On',
      'lm-blocked@example.org': 'unsubscribed Blocked',
      'gh-in@example.org': 'active In',
      'gh-out@example.org': 'unsubscribed Out',
      'bd-paid@example.org': 'active ',
      'bd-left@example.org': 'unsubscribed ',
      'bd-new@example.org': 'pending ',
    });
    // a status nobody uses is still refused, in one line per row
    const odd = write('odd.csv', 'email,status\nodd@example.org,maybe\n');
    const r = await cli(ws, 'subscribers', 'import', odd);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`${odd}:2: status "maybe": expected one of pending, active, unsubscribed, bounced (or another tool's: enabled, subscribed, disabled, blocklisted, blacklisted, cleaned)`);
  }, 120_000);

  it('imports a CSV separated by semicolons (Excel where the decimal mark is a comma) or tabs', async () => {
    const ws = makeWorkspace();
    const excel = path.join(ws.dir, 'liste.csv');
    writeFileSync(excel, '\ufeffE-Mail;Name;Status\r\nanna@example.de;"Müller; Anna";active\r\nbernd@example.de;Bernd;unsubscribed\r\n');
    const tabs = path.join(ws.dir, 'list.tsv');
    writeFileSync(tabs, 'email\tname\tsections\ncarla@example.org\tCarla, PhD\tarms;aid\n');
    expect(await cli(ws, 'subscribers', 'import', excel)).toMatchObject({ code: 0, stdout: `imported ${excel}: 2 added, 0 updated, 0 unchanged\n` });
    expect(await cli(ws, 'subscribers', 'import', tabs)).toMatchObject({ code: 0, stdout: `imported ${tabs}: 1 added, 0 updated, 0 unchanged\n` });
    const list = JSON.parse((await cli(ws, 'subscribers', 'list', '--json')).stdout) as { email: string; name: string; status: string; sections: string[] | null }[];
    expect(list.map((s) => [s.email, s.name, s.status, s.sections])).toEqual([
      ['anna@example.de', 'Müller; Anna', 'active', null],
      ['bernd@example.de', 'Bernd', 'unsubscribed', null],
      ['carla@example.org', 'Carla, PhD', 'active', ['arms', 'aid']],
    ]);
  }, 60_000);

  it('an address twice in one file, once as having left, is imported as having left whichever row comes last', async () => {
    const ws = makeWorkspace();
    const file = path.join(ws.dir, 'together.csv');
    // two exports put together: the reader unsubscribed in one, is still listed as subscribed in the other
    writeFileSync(file, 'email,status\nleft@example.org,unsubscribed\nbounced@example.org,bounced\nLEFT@example.org,active\nbounced@example.org,pending\nstays@example.org,pending\nstays@example.org,active\n');
    expect(await cli(ws, 'subscribers', 'import', file)).toMatchObject({ code: 0, stdout: `imported ${file}: 3 added, 0 updated, 0 unchanged, 3 duplicate rows merged\n` });
    const list = JSON.parse((await cli(ws, 'subscribers', 'list', '--json')).stdout) as { email: string; status: string }[];
    expect(list.map((s) => `${s.email} ${s.status}`)).toEqual(['left@example.org unsubscribed', 'bounced@example.org bounced', 'stays@example.org active']);
  }, 60_000);

  it('an address removed after it unsubscribed or bounced is not brought back by an import or add, only by add --reactivate', async () => {
    const ws = makeWorkspace();
    const leaving = path.join(ws.dir, 'leaving.csv');
    writeFileSync(leaving, 'email,status\nleft@example.org,unsubscribed\ngone@example.org,bounced\n');
    expect((await cli(ws, 'subscribers', 'import', leaving)).code).toBe(0);
    // the operator tidies the list up
    for (const email of ['left@example.org', 'GONE@example.org']) expect((await cli(ws, 'subscribers', 'remove', email)).code).toBe(0);
    // an old list from elsewhere comes in later
    const old = path.join(ws.dir, 'old-list.csv');
    writeFileSync(old, 'email\nLeft@Example.org\ngone@example.org\nnew@example.org\n');
    expect(await cli(ws, 'subscribers', 'import', old)).toMatchObject({ code: 0, stdout: `imported ${old}: 3 added, 0 updated, 0 unchanged\n` });
    const statuses = async () => Object.fromEntries((JSON.parse((await cli(ws, 'subscribers', 'list', '--json')).stdout) as { email: string; status: string }[]).map((s) => [s.email.toLowerCase(), s.status]));
    expect(await statuses()).toEqual({ 'left@example.org': 'unsubscribed', 'gone@example.org': 'bounced', 'new@example.org': 'active' });

    // and after another removal, add asks for --reactivate, as it does while the row is there
    expect((await cli(ws, 'subscribers', 'remove', 'left@example.org')).code).toBe(0);
    const add = await cli(ws, 'subscribers', 'add', 'left@example.org');
    expect(add.code).toBe(2);
    expect(add.stderr).toMatch(/^digest: left@example\.org was unsubscribed \(\d{4}-\d\d-\d\dT[^)]+\) before it was removed; add --reactivate if they asked to come back\n$/);
    expect((await cli(ws, 'subscribers', 'add', 'left@example.org', '--reactivate')).code).toBe(0);
    expect((await statuses())['left@example.org']).toBe('active');
    // once back, a later removal and import treat it as any address
    expect((await cli(ws, 'subscribers', 'remove', 'left@example.org')).code).toBe(0);
    expect((await cli(ws, 'subscribers', 'add', 'left@example.org')).code).toBe(0);
  }, 120_000);

  it('an import that changes a status records the file as its evidence; one that adds an unsubscribed row dates it', async () => {
    const ws = makeWorkspace();
    expect((await cli(ws, 'subscribers', 'add', 'bob@example.org')).code).toBe(0);
    const file = path.join(ws.dir, 'changes.csv');
    writeFileSync(file, 'email,status\nbob@example.org,unsubscribed\ncarol@example.org,unsubscribed\n');
    expect(await cli(ws, 'subscribers', 'import', file)).toMatchObject({ code: 0, stdout: `imported ${file}: 1 added, 1 updated, 0 unchanged\n` });
    const list = JSON.parse((await cli(ws, 'subscribers', 'list', '--json')).stdout) as { email: string; status: string; unsubscribedAt: string | null; statusChange: Record<string, unknown> }[];
    for (const email of ['bob@example.org', 'carol@example.org']) {
      const s = list.find((x) => x.email === email)!;
      expect(s.status).toBe('unsubscribed');
      expect(s.unsubscribedAt).toMatch(/^\d{4}-\d\d-\d\dT/);
      expect(s.statusChange).toMatchObject({ reason: 'import', source: 'cli', evidence: file });
    }
  }, 60_000);
});
