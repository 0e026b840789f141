/**
 * Which address a phone should open (the QR codes on 网格二维码, the line `npm start` prints). A phone
 * cannot reach 127.0.0.1: when the web server listens on every interface, the machine's LAN address is
 * the one to hand out; PUBLIC_URL overrides the guess (a tunnel, a host name, a second network card).
 */
import type { NetworkInterfaceInfo } from 'node:os';

export type Interfaces = NodeJS.Dict<NetworkInterfaceInfo[]>;

/** True for 0.0.0.0 and ::, which listen on every interface rather than one address. */
export function listensEverywhere(host: string): boolean {
  return host === '0.0.0.0' || host === '::';
}

/** A private IPv4 address (10/8, 172.16/12, 192.168/16): where a phone on the same Wi-Fi finds the machine. */
function isPrivateIPv4(address: string): boolean {
  const [a, b] = address.split('.').map(Number) as [number, number];
  return a === 10 || (a === 172 && b >= 16 && b <= 31) || (a === 192 && b === 168);
}

/** The machine's LAN IPv4 address: a private one first, else any external one; undefined when there is none. */
export function lanAddress(interfaces: Interfaces): string | undefined {
  const external = Object.values(interfaces)
    .flatMap((list) => list ?? [])
    .filter((info) => info.family === 'IPv4' && !info.internal);
  return (external.find((info) => isPrivateIPv4(info.address)) ?? external[0])?.address;
}

/**
 * The URL phones should open: PUBLIC_URL when set (without a trailing slash); the LAN address when
 * listening everywhere; otherwise the address listened on, which only this machine can reach.
 */
export function publicUrlFor(options: { host: string; port: number; publicUrl?: string; interfaces: Interfaces }): string {
  if (options.publicUrl) return options.publicUrl.replace(/\/+$/, '');
  const host = listensEverywhere(options.host) ? (lanAddress(options.interfaces) ?? '127.0.0.1') : options.host;
  return `http://${host.includes(':') ? `[${host}]` : host}:${options.port}`;
}

/** Whether phones can reach the address listened on (anything but loopback). */
export function reachableFromLan(host: string): boolean {
  return !['127.0.0.1', 'localhost', '::1'].includes(host);
}
