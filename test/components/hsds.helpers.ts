// The HSDS 3.0 test server (test/server/hsds-plugin.mjs): its base URL and every request URL it
// saw. A test file names its own `instance` (a port of its own on the same data), so files
// running at the same time never count each other's requests.
import { executeServerCommand } from '@web/test-runner-commands';

/** A command of the HSDS plugin, asked again while the server is still starting. */
async function hsds<T>(command: string, instance: string): Promise<T> {
  for (;;) {
    const answer = (await executeServerCommand(command, { instance })) as T | { starting: true };
    if (!(typeof answer === 'object' && answer !== null && 'starting' in answer)) return answer;
  }
}

/** The API's base URL (ends in /). */
export async function apiUrl(instance = 'main'): Promise<string> {
  return (await hsds<{ url: string }>('hsds-server', instance)).url;
}

/** The same directory with each service's organization_id only (no nested organization). */
export async function leanApiUrl(instance = 'main'): Promise<string> {
  return (await hsds<{ leanUrl: string }>('hsds-server', instance)).leanUrl;
}

/** Every request URL (path and query) the server saw so far. */
export async function seen(instance = 'main'): Promise<string[]> {
  return (await hsds<{ urls: string[] }>('hsds-requests', instance)).urls;
}

/** The requests the server saw after `before` of them. */
export async function seenSince(before: number, instance = 'main'): Promise<URL[]> {
  return (await seen(instance)).slice(before).map((u) => new URL(u, 'http://api.test'));
}

/** No request URL the server saw names a coordinate (the tests' locations are near 42.3, -71.0). */
export const COORDINATES = /lat|lon|coord|42\.3|71\.0/i;
