// Public face of the fetch stage. The build calls fetchSources; article fetch and discovery call fetchUrl.
export { downgradedTo, fetchSources, permanentlyMovedTo, restoreLastCopy, type SourceContext } from './sources.js';
export { fetchUrl } from './fetch-url.js';
export type { FetchResponse, FetchStatus, FetchTuning, FetchOptions } from './types.js';
export { DEFAULT_FETCH_CONFIG, withFetchDefaults } from './defaults.js';
export { createLimiter, type Limiter } from './limiter.js';
export { nonPublicKind } from './address-policy.js';
export { recordHealth, readHealth, type FeedHealth, type HealthFile } from './health.js';
export { readCachedFeedUrl, writeAtomic } from './feed-cache.js';
