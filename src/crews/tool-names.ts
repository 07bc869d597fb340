/**
 * The names of the engine's tools (see engine-tools.ts), kept apart so checking a behaviour never
 * loads the engine. A test keeps the two lists equal.
 */
export const ENGINE_TOOL_NAMES: readonly string[] = [
  'read_api',
  'explore_ui',
  'generate_api',
  'generate_ui',
  'generate_cases',
  'run_suite',
  'check_tests',
  'optimize_tests',
  'generate_plan',
];
