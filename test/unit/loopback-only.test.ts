import dns from 'node:dns';
import net from 'node:net';
import { request } from 'undici';
import { isLoopbackAddress, takeRefusedAttempts } from '../support/loopback-only';

/**
 * The test network layer (test/support/loopback-only.ts, set up for every project) stops any
 * connection or name lookup that would leave the machine, before a packet is sent, and fails
 * the test that tried. These tests try on purpose, then take the attempts back.
 */

afterEach(() => takeRefusedAttempts());

test('loopback is 127.0.0.0/8 and ::1 (also IPv4-mapped), nothing else', () => {
  for (const address of ['127.0.0.1', '127.255.0.9', '::1', '[::1]', '0:0:0:0:0:0:0:1', '::ffff:127.0.0.1']) expect([address, isLoopbackAddress(address)]).toEqual([address, true]);
  for (const address of ['169.254.169.254', '10.0.0.1', '0.0.0.0', '::', 'fd00:ec2::254', '::ffff:169.254.169.254', '8.8.8.8', 'localhost', 'example.com']) {
    expect([address, isLoopbackAddress(address)]).toEqual([address, false]);
  }
});

test.each([
  ['169.254.169.254', 80],
  ['10.0.0.1', 443],
  ['fd00:ec2::254', 80],
])('a socket to %s is refused before it connects, and the attempt is recorded', (host, port) => {
  const socket = new net.Socket();
  expect(() => socket.connect({ host, port })).toThrow(/loopback-only: a test tried to connect to/);
  expect(socket.connecting).toBe(false);
  socket.destroy();
  expect(takeRefusedAttempts()).toEqual([`loopback-only: a test tried to connect to ${host}; tests reach only 127.0.0.0/8 and ::1`]);
});

test('a name other than localhost is never looked up (no DNS query leaves)', async () => {
  await expect(dns.promises.lookup('metadata.google.internal')).rejects.toThrow(/look up metadata.google.internal/);
  await expect(new Promise((resolve, reject) => dns.lookup('example.com', (error, address) => (error ? reject(error) : resolve(address))))).rejects.toThrow(/look up example.com/);
  expect(takeRefusedAttempts()).toHaveLength(2);
});

test('undici, which the connectors use, is stopped the same way', async () => {
  await expect(request('http://169.254.169.254/latest/meta-data/')).rejects.toThrow();
  expect(takeRefusedAttempts()).toEqual(['loopback-only: a test tried to connect to 169.254.169.254; tests reach only 127.0.0.0/8 and ::1']);
});

test('loopback still works', async () => {
  const server = net.createServer((socket) => socket.end('hello'));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as net.AddressInfo;
  const received = await new Promise<string>((resolve, reject) => {
    const socket = net.connect({ host: '127.0.0.1', port }, () => undefined);
    socket.on('data', (data) => resolve(data.toString()));
    socket.on('error', reject);
  });
  await new Promise((resolve) => server.close(resolve));
  expect(received).toBe('hello');
  expect(await dns.promises.lookup('localhost')).toMatchObject({ address: expect.stringMatching(/^(127\.|::1$)/) });
});
