// Who the app is to Windows. build/electron-builder.config.cjs repeats these (a CommonJS config
// cannot import TypeScript); test/build checks that the two agree.
export const APP_NAME = '普查办工作台';
export const APP_ID = 'cn.censusdesk.workbench';
