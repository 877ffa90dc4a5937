export { ConnectionTestJobCard, JobProgress, type ConnectionTestJob } from './ConnectionTestJobCard';
