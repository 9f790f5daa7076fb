/**
 * Photos of reports: images arrive checked and cleaned in memory (`PreparedImage`, platform/files) and are stored
 * inside the report's transaction; on rollback the caller discards the written blobs.
 */
export type { PreparedImage } from '../../platform/files/prepare-image.ts';
export { storePreparedImages as storeReportImages } from '../../platform/files/store-prepared-images.ts';
