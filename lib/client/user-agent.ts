/** The SDK's version, kept in step with package.json by a test. */
export const SDK_VERSION = '0.2.0'

/** `User-Agent` sent with every request. */
export const USER_AGENT = `bce-iam/${SDK_VERSION} node/${process.version}`
