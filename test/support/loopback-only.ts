import dns from 'node:dns';
import net from 'node:net';

/**
 * Tests send traffic to 127.0.0.0/8 and ::1 only, whatever the code under test does: if the
 * SSRF guard regressed, a test of a refused address must not reach 169.254.169.254. Installed
 * for every jest project (setupFilesAfterEnv), this refuses, before any packet is sent, every
 * TCP connection to another address and every name lookup other than "localhost" (a lookup
 * of any other name would ask a DNS server), and fails the test that tried.
 *
 * Core modules are shared by every test file of a worker, so the patch goes in once and the
 * attempts are kept on the module; each test reports (and clears) its own.
 */

interface Guard {
  attempts: string[];
}
const GUARD = Symbol.for('storelink.test.loopbackOnly');
type Guarded = typeof net & { [GUARD]?: Guard };

export function isLoopbackAddress(address: string): boolean {
  const ip = address.replace(/^\[|\]$/g, '').replace(/%.*$/, '');
  if (net.isIPv4(ip)) return ip.startsWith('127.');
  if (!net.isIPv6(ip)) return false;
  const canonical = new URL(`http://[${ip}]/`).hostname.slice(1, -1);
  if (canonical === '::1') return true;
  // IPv4-mapped loopback, ::ffff:127.x.y.z, which WHATWG URL prints as ::ffff:7fxx:xxxx.
  return /^::ffff:7f[0-9a-f]{2}:[0-9a-f]{1,4}$/.test(canonical);
}

const isLocalName = (host: string) => host.toLowerCase() === 'localhost';

function refuse(guard: Guard, what: string): Error {
  const message = `loopback-only: a test tried to ${what}; tests reach only 127.0.0.0/8 and ::1`;
  guard.attempts.push(message);
  return Object.assign(new Error(message), { code: 'ELOOPBACKONLY' });
}

/** Where a Socket#connect call goes: a unix socket or pipe (always local), or a host. */
function targetOf(args: unknown[]): { path: string } | { host: string } {
  const first = Array.isArray(args[0]) ? args[0][0] : args[0]; // net.connect passes its normalised [options, callback]
  if (first && typeof first === 'object') {
    const options = first as { path?: string; host?: string };
    if (options.path) return { path: options.path };
    return { host: options.host ?? 'localhost' };
  }
  if (typeof first === 'string' && !/^\d+$/.test(first)) return { path: first };
  return { host: typeof args[1] === 'string' ? args[1] : 'localhost' };
}

function install(): Guard {
  const guarded = net as Guarded;
  if (guarded[GUARD]) return guarded[GUARD];
  const guard: Guard = { attempts: [] };
  guarded[GUARD] = guard;

  const connect = net.Socket.prototype.connect;
  net.Socket.prototype.connect = function guardedConnect(this: net.Socket, ...args: unknown[]) {
    const target = targetOf(args);
    if ('host' in target && !isLoopbackAddress(target.host) && !isLocalName(target.host)) {
      throw refuse(guard, `connect to ${target.host}`);
    }
    return (connect as (...a: unknown[]) => net.Socket).apply(this, args);
  } as typeof connect;

  // Names: only "localhost" is looked up (from the hosts file), and it must answer loopback.
  const lookup = dns.lookup;
  const checkedLookup = function guardedLookup(hostname: string, ...rest: unknown[]) {
    const callback = rest[rest.length - 1] as (...a: unknown[]) => void;
    if (!net.isIP(hostname) && !isLocalName(hostname)) {
      const error = refuse(guard, `look up ${hostname}`);
      process.nextTick(() => callback(error));
      return;
    }
    return (lookup as (...a: unknown[]) => void).call(dns, hostname, ...rest.slice(0, -1), (error: Error | null, address: unknown, family: unknown) => {
      if (error) return callback(error);
      const addresses = Array.isArray(address) ? (address as Array<{ address: string }>).map((a) => a.address) : [address as string];
      const outside = addresses.find((a) => !isLoopbackAddress(a));
      if (outside) return callback(refuse(guard, `connect to ${hostname} (${outside})`));
      callback(null, address, family);
    });
  };
  dns.lookup = checkedLookup as typeof dns.lookup;
  const promisesLookup = dns.promises.lookup;
  dns.promises.lookup = (async (hostname: string, options?: unknown) => {
    if (!net.isIP(hostname) && !isLocalName(hostname)) throw refuse(guard, `look up ${hostname}`);
    const answer = await (promisesLookup as (h: string, o?: unknown) => Promise<unknown>)(hostname, options);
    const addresses = Array.isArray(answer) ? answer.map((a: { address: string }) => a.address) : [(answer as { address: string }).address];
    const outside = addresses.find((a) => !isLoopbackAddress(a));
    if (outside) throw refuse(guard, `connect to ${hostname} (${outside})`);
    return answer;
  }) as typeof dns.promises.lookup;
  return guard;
}

const guard = install();

/** The attempts refused since the last call (for the guard's own test, which makes some on purpose). */
export function takeRefusedAttempts(): string[] {
  return guard.attempts.splice(0);
}

function failOnAttempts(): void {
  const attempts = takeRefusedAttempts();
  if (attempts.length > 0) throw new Error([...new Set(attempts)].join('\n'));
}
afterEach(failOnAttempts);
// Background work (a job still running) can try after its test: the file fails all the same.
afterAll(failOnAttempts);
