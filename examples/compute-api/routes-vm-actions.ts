import { findVm } from './lookups.ts';
import type { RouteDefinition, RouteHandler } from './route.ts';
import { noContent } from './route.ts';

// Console and power actions. All of them document only 422 for an unknown VM, and all answer
// 204: their effect is observable through GET /api/v1/vms/{vm_id}.

/** Console links point at a reserved `.invalid` host: they must look real but never resolve. */
const consoleHost = 'console.compute.invalid';

interface RemoteConsoleBody {
  protocol: 'vnc' | 'serial';
}

interface SetPowerBody {
  state: 'power_on' | 'power_off' | 'reboot';
}

const powerTargets = { power_on: 'running', power_off: 'stopped', reboot: 'running' } as const;

function vmPathId(path: Record<string, string>): string {
  return path.vm_id ?? '';
}

const getVnc: RouteHandler = ({ store, request }) => {
  const vm = findVm(store, vmPathId(request.path), 422);
  const token = store.newId();
  vm.vnc = {
    url: `https://${consoleHost}/vnc/${vm.id}?token=${token}`,
    ws: `wss://${consoleHost}/vnc/${vm.id}/websocket?token=${token}`,
  };
  vm.modifiedTime = store.now();
  return noContent();
};

const createRemoteConsole: RouteHandler = ({ store, request }) => {
  const vm = findVm(store, vmPathId(request.path), 422);
  const { protocol } = request.body as RemoteConsoleBody;
  const token = store.newId();
  vm.remoteConsole = {
    protocol,
    url: `https://${consoleHost}/${protocol}/${vm.id}?token=${token}`,
    ws: `wss://${consoleHost}/${protocol}/${vm.id}/websocket?token=${token}`,
  };
  vm.modifiedTime = store.now();
  return noContent();
};

const setPower: RouteHandler = ({ store, request }) => {
  const vm = findVm(store, vmPathId(request.path), 422);
  const { state } = request.body as SetPowerBody;
  // A reboot completes instantly here, so the VM is observed running again right away.
  vm.state = powerTargets[state];
  vm.modifiedTime = store.now();
  return noContent();
};

export const vmActionRoutes: RouteDefinition[] = [
  { method: 'post', path: '/api/v1/vms/{vm_id}/get-vnc', handler: getVnc },
  { method: 'post', path: '/api/v1/vms/{vm_id}/remote-console', handler: createRemoteConsole },
  { method: 'post', path: '/api/v1/vms/{vm_id}/set-power', handler: setPower },
];
