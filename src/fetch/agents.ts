// Pooled keep-alive connections for the fetch client: one http and one https agent per address policy.
// The address guard lives in the agent, where connections are made: its DNS lookup refuses names that resolve to
// an address the policy refuses, and every new socket's remote address is judged once connected. A pooled socket
// was judged by the same policy when it connected, so reusing it skips no check; policies never share an agent.
import http from 'node:http';
import https from 'node:https';
import type { Socket } from 'node:net';
import type { Duplex } from 'node:stream';
import { assertAddressAllowed, guardedLookup, type AddressPolicy } from './address-policy.js';

/** idle sockets are kept this long, then closed (Node's own default agent keeps them 5 s) */
const IDLE_SOCKET_MS = 5_000;
const POOL: http.AgentOptions = { keepAlive: true, timeout: IDLE_SOCKET_MS, scheduling: 'lifo' };

/** destroy `socket` with the policy's failure when it reached an address the policy refuses */
function judgeOnConnect(socket: Duplex | null | undefined, policy: AddressPolicy): void {
  const s = socket as Socket | null | undefined;
  s?.once('connect', () => {
    try {
      assertAddressAllowed(s.remoteAddress ?? '', policy);
    } catch (err) {
      s.destroy(err as Error);
    }
  });
}

/** `agent` with the guard: its lookup refuses what the policy refuses, and each new socket is judged once connected */
function guarded<T extends http.Agent>(agent: T, policy: AddressPolicy): T {
  const connect = agent.createConnection.bind(agent) as http.Agent['createConnection'];
  agent.createConnection = (options, callback) => {
    const socket = connect(options, callback);
    judgeOnConnect(socket, policy);
    return socket;
  };
  return agent;
}

interface AgentPair {
  http: http.Agent;
  https: https.Agent;
}

const pools = new Map<string, AgentPair>();

/** same key, same rules: the guard's switch and the allow-listed ranges */
function policyKey(policy: AddressPolicy): string {
  return policy.allowPrivateNetworks ? 'open' : `guarded ${policy.allowed.map(([ip, bits]) => `${ip.toString()}/${bits}`).join(' ')}`;
}

/** the pooled agent for `protocol` ("http:" or "https:") under `policy` */
export function agentFor(protocol: string, policy: AddressPolicy): http.Agent {
  const key = policyKey(policy);
  let pair = pools.get(key);
  if (!pair) {
    pair = policy.allowPrivateNetworks
      ? { http: new http.Agent(POOL), https: new https.Agent(POOL) }
      : {
          http: guarded(new http.Agent({ ...POOL, lookup: guardedLookup(policy) }), policy),
          https: guarded(new https.Agent({ ...POOL, lookup: guardedLookup(policy) }), policy),
        };
    pools.set(key, pair);
  }
  return protocol === 'https:' ? pair.https : pair.http;
}
