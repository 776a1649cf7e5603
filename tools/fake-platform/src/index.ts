export { createDataset, type FakeRecord } from './dataset.js';
export { answerPage, type PagingStyle, type PageAnswer } from './paging-styles.js';
export { startFakePlatform, PAGING_STYLES, type FakePlatform, type FakePlatformOptions } from './fake-platform.js';
export { spawnFakePlatform } from './spawn-fake-platform.js';
