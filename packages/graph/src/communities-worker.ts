// Worker-thread entry of the communities job: Louvain over the transferred edge arrays, the
// community per node transferred back.
import { parentPort, workerData } from 'node:worker_threads';
import { type CommunityJob, louvainCommunities } from './communities.ts';

const job = workerData as CommunityJob;
const result = louvainCommunities(job.edges, job.nodeCount, job);
parentPort!.postMessage(result, [result.community.buffer as ArrayBuffer]);
