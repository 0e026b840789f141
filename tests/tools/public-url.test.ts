import type { NetworkInterfaceInfo } from 'node:os';
import { lanAddress, publicUrlFor, reachableFromLan, type Interfaces } from '../../tools/public-url';

const v4 = (address: string, internal = false): NetworkInterfaceInfo => ({
  address,
  netmask: '255.255.255.0',
  family: 'IPv4',
  mac: '00:00:00:00:00:00',
  internal,
  cidr: `${address}/24`,
});

const LAPTOP: Interfaces = {
  lo: [v4('127.0.0.1', true)],
  docker0: [v4('203.0.113.7')],
  wlan0: [v4('192.168.1.23')],
};

describe('the address a phone opens', () => {
  it('is the private LAN address when the server listens on every interface', () => {
    expect(publicUrlFor({ host: '0.0.0.0', port: 10086, interfaces: LAPTOP })).toBe('http://192.168.1.23:10086');
  });

  it('is PUBLIC_URL when set, whatever is listened on', () => {
    expect(publicUrlFor({ host: '0.0.0.0', port: 10086, publicUrl: 'https://grid.example.cn/', interfaces: LAPTOP })).toBe(
      'https://grid.example.cn',
    );
  });

  it('is the address listened on otherwise (loopback: this machine only)', () => {
    expect(publicUrlFor({ host: '127.0.0.1', port: 10086, interfaces: LAPTOP })).toBe('http://127.0.0.1:10086');
    expect(reachableFromLan('127.0.0.1')).toBe(false);
    expect(reachableFromLan('0.0.0.0')).toBe(true);
  });

  it('falls back to loopback when the machine has no network', () => {
    expect(lanAddress({ lo: [v4('127.0.0.1', true)] })).toBeUndefined();
    expect(publicUrlFor({ host: '0.0.0.0', port: 80, interfaces: { lo: [v4('127.0.0.1', true)] } })).toBe('http://127.0.0.1:80');
  });
});
