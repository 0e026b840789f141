export { startLocalCloud, type LocalCloud } from './local-cloud';
export { configFromEnv, sdkEnvFor, type LocalCloudConfig } from './config';
export { CloudError, CloudReply, type CloudModule, type ActionHandler, type RawRoute } from './server/module';
export { FunctionError, PLATFORM_LIMITS, type FunctionErrorCode, type EventLimits } from './functions';
