/** The two targets the planner is tested on: the compute API's spec and the calculator's requirements. */
export const COMPUTE_SPEC = 'examples/compute-api/openapi.yaml';
export const CALCULATOR_REQUIREMENTS = 'test/fixtures/requirements/price-calculator.md';
export const DEFECT_FIXTURES = 'test/fixtures/defects';
