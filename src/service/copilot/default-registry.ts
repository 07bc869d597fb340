import { CopilotRegistry } from './copilot-registry.ts';
import { infoCommands } from './info-commands.ts';
import { jobCommands } from './job-commands.ts';
import { registerProjectTools } from './project-tools.ts';
import { registerTaskTools } from './task-tools.ts';

/** The copilot as this build ships it; other capabilities register onto the returned registry. */
export function defaultCopilotRegistry(): CopilotRegistry {
  const registry = new CopilotRegistry();
  for (const command of jobCommands) registry.registerCommand(command);
  for (const command of infoCommands(registry)) registry.registerCommand(command);
  registerProjectTools(registry);
  registerTaskTools(registry);
  return registry;
}
