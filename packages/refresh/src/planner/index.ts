export { planNext, type EntityRefreshState, type PlannedJob, type PlannerState } from './plan-next.js';
