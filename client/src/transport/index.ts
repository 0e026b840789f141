// The only module that talks to the cloud: function calls parsed with the shared contracts, photo
// uploads to cloud storage, and (browser build only) the local sign-in. Pages import from here.
export { call, CALL_TIMEOUT_MS } from './call'
export { CallError, asCallError, friendlyMessage, type CallErrorCode } from './call-error'
export { uploadFile, LOCALCLOUD_TOKEN_KEY } from './cloud'
export { viewableFileUrl } from './file-url'
export { listSigninUsers, signIn, signOut, signedInUser, type SigninUser } from './local-signin'
