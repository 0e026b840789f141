// The only module that talks to the cloud: function calls parsed with the shared contracts, photo
// uploads to cloud storage (with their progress), temporary URLs of one's own files, and (browser build
// only) the local sign-in. Pages import from here.
export { call, CALL_TIMEOUT_MS } from './call'
export { CallError, asCallError, friendlyMessage, type CallErrorCode } from './call-error'
export { LOCALCLOUD_TOKEN_KEY } from './cloud'
export { ownFileUrls, uploadFile, type UploadOptions } from './storage'
export { viewableFileUrl } from './file-url'
export { listSigninUsers, signIn, signOut, signedInUser, type SigninUser } from './local-signin'
